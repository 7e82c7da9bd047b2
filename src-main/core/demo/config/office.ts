/**
 * The `office` profile, the default demo: a FreePBX office (PJSIP phones 100–119, queues
 * support and sales, ring group 600, parking 700/701–720, voicemail, a PJSIP and an IAX2 trunk).
 * Its extensions, voicemail boxes, ring groups, queues and inbound routes are the simulated
 * FreePBX's configuration (office-config.ts) as last applied: an edit through the demo FreePBX API
 * changes the dialplan and the phones only once Apply Config has run, as on FreePBX.
 */
import type { FreepbxConfig, QueueRecord, ReadonlyRecords } from './freepbx-config'
import { officeFreepbxConfig } from './office-config'
import type { PhoneSpec, Profile, QueueMemberSpec, QueueSpec, Route, TrunkSpec } from './profile'
import { OFFICE_DAYNIGHT } from '../presence/presence'

export const OFFICE_INTERNAL_CONTEXT = 'from-internal'
export const OFFICE_TRUNK_CONTEXT = 'from-trunk'
/** FreePBX's ring group context (its extensions are the group numbers). */
export const RING_GROUP_CONTEXT = 'ext-group'
/** The office's ring time when an extension has none of its own (FreePBX's RINGTIMER). */
const DEFAULT_RING_S = 30

const TRUNKS: readonly TrunkSpec[] = [
  { name: 'trunk', tech: 'PJSIP', inboundContext: OFFICE_TRUNK_CONTEXT, dids: ['4930555000', '4930555001', '4930555002'] },
  { name: 'peer', tech: 'IAX2', inboundContext: OFFICE_TRUNK_CONTEXT, dids: ['4930555100'] },
]

/** `Local/101@from-queue/n,1` or `101,1` → extension and penalty. */
function parseMember(entry: string): { exten: string; penalty: number } | undefined {
  const m = /^(?:[A-Za-z0-9]+\/)?(\d+)[^,]*,(\d+)$/.exec(entry.trim())
  if (m?.[1] === undefined || m[2] === undefined) return undefined
  return { exten: m[1], penalty: Number(m[2]) }
}

function queueSpec(q: Readonly<QueueRecord>, names: ReadonlyMap<string, { readonly name: string }>): QueueSpec {
  const member = (entry: string): QueueMemberSpec[] => {
    const m = parseMember(entry)
    if (m === undefined) return []
    const iface = `PJSIP/${m.exten}`
    return [{ interface: iface, name: names.get(m.exten)?.name ?? m.exten, stateInterface: iface, penalty: m.penalty }]
  }
  return {
    name: q.name,
    strategy: q.strategy,
    serviceLevel: q.serviceLevel,
    staticMembers: q.members.flatMap(member),
    dynamicMembers: q.dynmembers.flatMap(member),
  }
}

/** Asterisk extension pattern (`_X.`, `_49305551[0-1]X`, `_NXXN!`) against a number. */
export function matchesPattern(pattern: string, number: string): boolean {
  if (!pattern.startsWith('_')) return pattern === number
  let re = ''
  const p = pattern.slice(1)
  for (let i = 0; i < p.length; i++) {
    const c = p[i] ?? ''
    if (c === 'X' || c === 'x') re += '[0-9]'
    else if (c === 'Z' || c === 'z') re += '[1-9]'
    else if (c === 'N' || c === 'n') re += '[2-9]'
    else if (c === '.') re += '.+'
    else if (c === '!') re += '.*'
    else if (c === '[') {
      const end = p.indexOf(']', i)
      if (end < 0) return false
      re += `[${p.slice(i + 1, end).replace(/[\\^]/g, '\\$&')}]`
      i = end
    } else re += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  }
  return new RegExp(`^${re}$`).test(number)
}

/**
 * How the PBX runs a FreePBX destination (`context,exten,priority`). Extensions and queues are
 * run in place (the office demo's dial plan never showed from-did-direct's own steps); a ring group
 * is reached by Goto, as FreePBX's inbound route does, so the call runs the group's Dial in ext-group.
 */
export function destinationRoute(applied: ReadonlyRecords, destination: string): Route | undefined {
  const [context = '', exten = ''] = destination.split(',').map((s) => s.trim())
  if (context === 'from-did-direct' || context === OFFICE_INTERNAL_CONTEXT) {
    const ext = applied.extensions.get(exten)
    if (ext !== undefined)
      return {
        kind: 'dial',
        targets: [`PJSIP/${exten}`],
        timeoutS: ext.settings.ringtimer > 0 ? ext.settings.ringtimer : DEFAULT_RING_S,
        note: `DID to ${exten}`,
        options: 't',
        extension: exten,
      }
  }
  if (context === 'ext-local') {
    const box = /^vm[busi](\d+)$/.exec(exten)?.[1]
    if (box !== undefined && applied.voicemail.has(box)) return { kind: 'voicemail', mailbox: box }
  }
  if (context === RING_GROUP_CONTEXT && applied.ringGroups.has(exten)) return { kind: 'goto', context: RING_GROUP_CONTEXT, exten }
  if (context === 'app-daynight') {
    const toggle = OFFICE_DAYNIGHT.find((t) => t.index === exten)
    if (toggle !== undefined)
      return { kind: 'daynight', index: toggle.index, day: destinationRoute(applied, toggle.day), night: destinationRoute(applied, toggle.night) }
  }
  if (context === 'ext-queues') {
    const q = applied.queues.get(exten)
    if (q !== undefined) return { kind: 'queue', queue: q.name }
  }
  return undefined
}

function ringGroupRoute(applied: ReadonlyRecords, grpnum: string): Route | undefined {
  const g = applied.ringGroups.get(grpnum)
  if (g === undefined) return undefined
  // Members that are extensions ring their phones; every strategy rings them all at once here.
  const targets = g.grplist
    .split('-')
    .map((m) => m.trim())
    .filter((m) => applied.extensions.has(m))
    .map((m) => `PJSIP/${m}`)
  return { kind: 'dial', targets, timeoutS: g.grptime, note: `Ring group ${grpnum}`, options: 't' }
}

/** The inbound route for a DID and caller: DID+CID first, then DID only, then patterns, then the catch-all. */
function inboundRoute(applied: ReadonlyRecords, did: string, callerNum: string | undefined): string | undefined {
  const routes = applied.inboundRoutes
  const exact = (callerNum !== undefined ? routes.get(`${did}/${callerNum}`) : undefined) ?? routes.get(`${did}/`)
  if (exact !== undefined) return exact.destination
  for (const r of routes.values()) {
    if (r.extension.startsWith('_') && matchesPattern(r.extension, did) && (r.cidnum === '' || r.cidnum === callerNum)) return r.destination
  }
  return routes.get('/')?.destination
}

export function officeProfile(config: FreepbxConfig = officeFreepbxConfig()): Profile {
  const phones = (): PhoneSpec[] =>
    [...config.applied.extensions.values()].map((e) => ({
      exten: e.extensionId,
      name: e.name,
      device: `PJSIP/${e.extensionId}`,
      registered: !config.unregistered.has(e.extensionId),
    }))
  return {
    id: 'office',
    systemName: 'demo',
    freepbx: config,
    get phones() {
      return phones()
    },
    get queues() {
      const names = config.applied.extensions
      return [...config.applied.queues.values()].map((q) => queueSpec(q, names))
    },
    trunks: TRUNKS,
    parking: { name: 'default', start: 701, stop: 720, timeoutS: 120 },
    get mailboxes() {
      return [...config.applied.voicemail.keys()]
    },
    internalContext: OFFICE_INTERNAL_CONTEXT,
    phonesAutoAnswer: false,
    route(context, exten, callerNum) {
      const applied = config.applied
      if (context === OFFICE_TRUNK_CONTEXT) {
        const destination = inboundRoute(applied, exten, callerNum)
        return destination === undefined ? undefined : destinationRoute(applied, destination)
      }
      // FreePBX's ring groups: an inbound route's Goto lands here; phones reach a group through an
      // include of this context, so their channels stay in their own context (below).
      if (context === RING_GROUP_CONTEXT) return ringGroupRoute(applied, exten)
      if (context !== OFFICE_INTERNAL_CONTEXT) return undefined
      const ext = applied.extensions.get(exten)
      if (ext !== undefined)
        return {
          kind: 'dial',
          targets: [`PJSIP/${exten}`],
          timeoutS: ext.settings.ringtimer > 0 ? ext.settings.ringtimer : DEFAULT_RING_S,
          note: `Extension ${exten}`,
          options: 'tT',
          extension: exten,
        }
      for (const q of applied.queues.values()) if (q.extension === exten) return { kind: 'queue', queue: q.name }
      if (applied.ringGroups.has(exten)) return ringGroupRoute(applied, exten)
      if (exten === '700') return { kind: 'park' }
      const space = Number(exten)
      if (space >= 701 && space <= 720) return { kind: 'parkedcall', space }
      if (exten === '900') return { kind: 'holding' }
      if (exten === '901') return { kind: 'echo' }
      const vm = /^\*(\d+)$/.exec(exten)
      if (vm?.[1] !== undefined && applied.voicemail.has(vm[1])) return { kind: 'voicemail', mailbox: vm[1] }
      const pickup = /^\*\*(\d+)$/.exec(exten)?.[1]
      if (pickup !== undefined) return { kind: 'pickup', exten: pickup }
      const out = /^0(\d{3,15})$/.exec(exten)
      if (out?.[1] !== undefined) return { kind: 'outbound', trunk: 'trunk', number: out[1] }
      return undefined
    },
  }
}
