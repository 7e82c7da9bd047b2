/**
 * Where a PBX keeps its extensions' names, one reader per place, in the order the directory asks:
 *
 * - FreePBX's API: `fetchAllExtensions` (the user's name, voicemail on or off, the device's tech);
 * - FreePBX's AstDB over AMI: `AMPUSER/<ext>/cidname` (+ `voicemail`, `device`), read as one
 *   `DBGetTree` of the family; an Asterisk without DBGetTree gets one `DBGet` per known extension;
 * - plain Asterisk: the voicemail users' full names (`VoicemailUsersList`) and, for extensions still
 *   without a name, the PJSIP endpoint's caller ID (`PJSIPShowEndpoint`, `Callerid: "Name" <105>`).
 *
 * Each reader answers a map extension → what it found; the directory merges them.
 */
import type { ListResult } from '../ami/client'
import { AmiError } from '../ami/errors'
import type { AmiFieldsInput } from '../ami/message'
import { ALL, type FreepbxRunner, queryField, record, records, str } from '../freepbx/config/gql'

export interface Found {
  readonly name: string
  readonly mailbox?: string
  readonly device?: string
  readonly email?: string
  readonly department?: string
}

export type AmiLister = (name: string, fields?: AmiFieldsInput) => Promise<ListResult>

/** FreePBX's own extension list: the name as FreePBX shows it, the mailbox when voicemail is on. */
export async function readFreepbx(freepbx: FreepbxRunner): Promise<Map<string, Found>> {
  const root = await freepbx((c) =>
    queryField(c, 'fetchAllExtensions', ALL, 'status message extension { extensionId tech user { name voicemail } coreDevice { deviceId tech } }'),
  )
  const out = new Map<string, Found>()
  for (const node of records(root.extension)) {
    const extension = str(node.extensionId)
    if (!isExtension(extension)) continue
    const user = record(node.user) ?? {}
    const device = record(node.coreDevice) ?? {}
    const tech = str(device.tech) || str(node.tech)
    const voicemail = str(user.voicemail)
    out.set(extension, {
      name: clean(str(user.name)),
      ...(voicemail !== '' && voicemail !== 'novm' ? { mailbox: extension } : {}),
      ...(tech !== '' && tech !== 'virtual' ? { device: `${techName(tech)}/${str(device.deviceId) || extension}` } : {}),
    })
  }
  return out
}

/**
 * FreePBX's AstDB: one DBGetTree of `AMPUSER` (`/AMPUSER/105/cidname` → `Eva Fischer`,
 * `/AMPUSER/105/voicemail` → `default` or `novm`). An Asterisk older than DBGetTree answers
 * "Invalid/unknown command": then `DBGet` of each known extension's `cidname`.
 */
export async function readAstdb(list: AmiLister, knownExtensions: readonly string[]): Promise<Map<string, Found>> {
  let tree: ListResult
  try {
    tree = await list('DBGetTree', [['Family', 'AMPUSER']])
  } catch (err) {
    if (!isUnknownCommand(err)) throw err
    return readAstdbByKey(list, knownExtensions)
  }
  const byExt = new Map<string, Map<string, string>>()
  for (const ev of tree.events) {
    if (ev.get('Event') !== 'DBGetTreeResponse') continue
    const m = /^\/AMPUSER\/([^/]+)\/(.+)$/i.exec(ev.get('Key') ?? '')
    if (m === null) continue
    const [, ext = '', field = ''] = m
    if (!isExtension(ext)) continue
    const fields = byExt.get(ext) ?? new Map<string, string>()
    fields.set(field.toLowerCase(), ev.get('Val') ?? '')
    byExt.set(ext, fields)
  }
  const out = new Map<string, Found>()
  for (const [ext, fields] of byExt) {
    const name = clean(fields.get('cidname') ?? '')
    if (name === '') continue
    const voicemail = fields.get('voicemail') ?? ''
    out.set(ext, { name, ...(voicemail !== '' && voicemail !== 'novm' ? { mailbox: ext } : {}) })
  }
  return out
}

async function readAstdbByKey(list: AmiLister, knownExtensions: readonly string[]): Promise<Map<string, Found>> {
  const out = new Map<string, Found>()
  await eachLimited(knownExtensions, 4, async (ext) => {
    try {
      const answer = await list('DBGet', [
        ['Family', 'AMPUSER'],
        ['Key', `${ext}/cidname`],
      ])
      const name = clean(answer.events.find((e) => e.get('Event') === 'DBGetResponse')?.get('Val') ?? '')
      if (name !== '') out.set(ext, { name })
    } catch (err) {
      // "Database entry not found": this extension has no name there; anything else is the PBX's trouble.
      if (!(err instanceof AmiError && err.code === 'action_error')) throw err
    }
  })
  return out
}

/** app_voicemail's users: `VoiceMailbox: 105`, `Fullname: Eva Fischer`, `Email: …` (voicemail.raw). */
export async function readVoicemailUsers(list: AmiLister): Promise<Map<string, Found>> {
  const answer = await list('VoicemailUsersList')
  const out = new Map<string, Found>()
  for (const ev of answer.events) {
    if (ev.get('Event') !== 'VoicemailUserEntry') continue
    const box = ev.get('VoiceMailbox') ?? ''
    if (!isExtension(box) || out.has(box)) continue
    const email = (ev.get('Email') ?? '').trim()
    out.set(box, { name: clean(ev.get('Fullname') ?? ''), mailbox: box, ...(email !== '' ? { email } : {}) })
  }
  return out
}

/**
 * The caller ID of each PJSIP endpoint named like its extension (`PJSIPShowEndpoint`, its
 * `EndpointDetail` event's `Callerid: "Eva Fischer" <105>`). Endpoints that do not exist are skipped.
 */
export async function readPjsipCallerIds(list: AmiLister, extensions: readonly string[]): Promise<Map<string, Found>> {
  const out = new Map<string, Found>()
  await eachLimited(extensions, 4, async (ext) => {
    try {
      const answer = await list('PJSIPShowEndpoint', [['Endpoint', ext]])
      const detail = answer.events.find((e) => e.get('Event') === 'EndpointDetail')
      const name = callerIdName(detail?.get('Callerid') ?? '')
      if (name !== '') out.set(ext, { name, device: `PJSIP/${ext}` })
    } catch (err) {
      if (isUnknownCommand(err)) throw err
      if (!(err instanceof AmiError && err.code === 'action_error')) throw err
    }
  })
  return out
}

/** `"Eva Fischer" <105>` → `Eva Fischer`; `Eva Fischer <105>` → `Eva Fischer`; a bare number is no name. */
export function callerIdName(callerId: string): string {
  const v = callerId.trim()
  const quoted = /^"((?:[^"\\]|\\.)*)"/.exec(v)
  if (quoted !== null) return clean((quoted[1] ?? '').replace(/\\(.)/g, '$1'))
  const bracket = v.indexOf('<')
  const name = clean(bracket >= 0 ? v.slice(0, bracket) : v)
  return /^[+0-9*#]*$/.test(name) ? '' : name
}

export function isUnknownCommand(err: unknown): boolean {
  if (!(err instanceof AmiError)) return false
  const words = `${err.message} ${err.response?.get('Message') ?? ''}`
  return /Invalid\/unknown command|does not simulate/i.test(words)
}

/** Digits only (the lamps' extensions); a FreePBX `*`-code or a name key is not an extension. */
function isExtension(value: string): boolean {
  return /^[0-9]{1,10}$/.test(value)
}

/** Control characters and Asterisk's placeholders are no name. */
function clean(name: string): string {
  // eslint-disable-next-line no-control-regex
  const v = name.replace(/[\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '').trim()
  return v === '<unknown>' || v.toLowerCase() === 'unknown' ? '' : v
}

function techName(tech: string): string {
  const t = tech.toLowerCase()
  return t === 'pjsip' ? 'PJSIP' : t === 'sip' ? 'SIP' : t === 'iax2' ? 'IAX2' : t === 'dahdi' ? 'DAHDI' : tech.toUpperCase()
}

async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++] as T
      await work(item)
    }
  })
  await Promise.all(runners)
}
