/**
 * Presence as FreePBX keeps it (astdb-presence.raw): custom device states (`Custom:DND<ext>`,
 * `Custom:DAYNIGHT<n>`, persisted in AstDB `CustomDevstate`), presence states
 * (`CustomPresence:<ext>`, persisted in `CustomPresence`), DND and call forwarding in AstDB (`DND`,
 * `CF`, `CFB`, `CFU`) and the day/night call-flow toggles (`DAYNIGHT/C<n>`). The dialplan asks
 * here what a call to an extension does (DND: busy, then voicemail; CF: the forward target; CFB /
 * CFU when the phone is busy / does not answer) and which way a toggle sends a call.
 *
 * AstDB writes raise no event (the capture): a DND written with DBPut behind the console's back
 * changes how calls go (the phone's `dnd` follows the key) but no lamp until a custom device
 * state is set — exactly what a console must poll for.
 */
import type { DeviceState } from '../model'
import { PRIV_CALL } from '../pbx/events'
import type { Pbx } from '../pbx/pbx'

/** Custom device states a `DEVICE_STATE(Custom:…)` write accepts (ast_devstate_val's names). */
const DEVICE_STATES: readonly DeviceState[] = ['UNKNOWN', 'NOT_INUSE', 'INUSE', 'BUSY', 'INVALID', 'UNAVAILABLE', 'RINGING', 'RINGINUSE', 'ONHOLD']
/** main/presencestate.c's states. */
const PRESENCE_STATES = ['not_set', 'unavailable', 'available', 'away', 'xa', 'chat', 'dnd'] as const

export type WriteResult = 'set' | 'invalid' | 'not_mine'

/** A FreePBX call-flow toggle (Day/Night module): where calls go by day and by night. */
export interface DayNightSpec {
  readonly index: string
  readonly name: string
  /** FreePBX destinations (`context,exten,priority`). */
  readonly day: string
  readonly night: string
}

/** The office's toggle: the main number rings reception by day and goes to its voicemail by night. */
export const OFFICE_DAYNIGHT: readonly DayNightSpec[] = [
  { index: '0', name: 'Office hours', day: 'from-did-direct,100,1', night: 'ext-local,vmu100,1' },
]

export interface PresenceNow {
  readonly status: string
  readonly subtype: string
  readonly message: string
}

export class Presence {
  private following: (() => void) | undefined

  constructor(private readonly pbx: Pbx) {}

  /** The office starts with its toggles in day mode and follows AstDB's DND keys; the lab starts empty. */
  load(): void {
    this.following?.()
    this.following = this.pbx.astdb.onChange((change) => {
      const m = /^\/DND\/([0-9]+)$/i.exec(change.key)
      const phone = m?.[1] === undefined ? undefined : this.pbx.config.phones.get(m[1])
      if (phone !== undefined) phone.dnd = change.kind === 'put' && change.value !== ''
    })
    for (const phone of this.pbx.config.phones.values()) phone.dnd = (this.pbx.astdb.get('DND', phone.exten) ?? '') !== ''
    if (this.pbx.config.isLab) return
    for (const t of OFFICE_DAYNIGHT) {
      if (this.pbx.astdb.get('DAYNIGHT', `C${t.index}`) === undefined) {
        this.pbx.astdb.put('DAYNIGHT', `C${t.index}`, 'DAY')
        this.pbx.astdb.put('CustomDevstate', `DAYNIGHT${t.index}`, 'NOT_INUSE')
      }
    }
  }

  // ---- custom device state ------------------------------------------------------------------

  /** A `Custom:<name>` device's state (AstDB `CustomDevstate/<name>`), UNKNOWN when never set. */
  customState(device: string): DeviceState {
    const name = customName(device)
    const v = name === undefined ? undefined : this.pbx.astdb.get('CustomDevstate', name)
    return DEVICE_STATES.find((s) => s === v) ?? 'UNKNOWN'
  }

  /** `Setvar DEVICE_STATE(Custom:X) = STATE` (func_devstate): stored, published, hints told. */
  writeDeviceState(device: string, value: string): WriteResult {
    const name = customName(device)
    if (name === undefined) return 'invalid'
    const state = DEVICE_STATES.find((s) => s === value.trim().toUpperCase())
    if (state === undefined || state === 'INVALID') return 'invalid'
    this.pbx.astdb.put('CustomDevstate', name, state)
    const full = `Custom:${name}`
    // The capture shows the hints' ExtensionStatus and the DeviceStateChange in either order.
    this.pbx.hints.deviceChanged(full, state)
    this.pbx.devices.publish(full, state)
    return 'set'
  }

  // ---- presence state -----------------------------------------------------------------------

  /** `CustomPresence:<name>` as stored (decoded when written with the `e` option). */
  presence(presentity: string): PresenceNow {
    const name = presenceName(presentity)
    const raw = name === undefined ? undefined : this.pbx.astdb.get('CustomPresence', name)
    return (raw === undefined ? undefined : parsePresence(raw)) ?? { status: 'not_set', subtype: '', message: '' }
  }

  /** Every presence state set so far (PresenceStateList), by presentity. */
  presences(): [presentity: string, now: PresenceNow][] {
    const out: [string, PresenceNow][] = []
    for (const [name, raw] of this.pbx.astdb.entries('CustomPresence')) {
      const p = parsePresence(raw)
      if (p !== undefined) out.push([`CustomPresence:${name}`, p])
    }
    return out
  }

  /** `Setvar PRESENCE_STATE(CustomPresence:X) = state,subtype,message[,e]` (func_presencestate). */
  writePresence(presentity: string, value: string): WriteResult {
    const name = presenceName(presentity)
    if (name === undefined) return 'invalid'
    const parsed = parsePresence(value)
    if (parsed === undefined) return 'invalid'
    this.pbx.astdb.put('CustomPresence', name, value)
    const full = `CustomPresence:${name}`
    for (const phone of this.pbx.config.phones.values()) {
      if (!phone.hintInstantiated || this.pbx.hints.presentityOf(phone) !== full) continue
      this.pbx.events.emit('PresenceStatus', PRIV_CALL, [
        ['Exten', phone.exten],
        ['Context', phone.context],
        ['Hint', this.pbx.hints.hintOf(phone)],
        ['Status', parsed.status],
        ['Subtype', parsed.subtype],
        ['Message', parsed.message],
      ])
    }
    this.pbx.events.emit('PresenceStateChange', PRIV_CALL, [
      ['Presentity', full],
      ['Status', parsed.status],
      ['Subtype', parsed.subtype],
      ['Message', parsed.message],
    ])
    return 'set'
  }

  // ---- what the dialplan asks ---------------------------------------------------------------

  /** `CF/<ext>`: where every call to the extension goes instead, if anywhere. */
  forwardAlways(exten: string): string | undefined {
    return nonEmpty(this.pbx.astdb.get('CF', exten))
  }

  /** After the phone's Dial failed: CFB when it was busy, CFU when it did not answer or is offline. */
  forwardOnFailure(exten: string, dialStatus: string): string | undefined {
    if (dialStatus === 'BUSY') return nonEmpty(this.pbx.astdb.get('CFB', exten))
    if (dialStatus === 'NOANSWER' || dialStatus === 'CHANUNAVAIL') return nonEmpty(this.pbx.astdb.get('CFU', exten))
    return undefined
  }

  /** The mode of toggle `index` (AstDB `DAYNIGHT/C<index>`; DAY when unset, as FreePBX's dialplan reads it). */
  isNight(index: string): boolean {
    return (this.pbx.astdb.get('DAYNIGHT', `C${index}`) ?? '').toUpperCase() === 'NIGHT'
  }
}

function customName(device: string): string | undefined {
  const m = /^Custom:(.+)$/i.exec(device.trim())
  return m?.[1]
}

function presenceName(presentity: string): string | undefined {
  const m = /^CustomPresence:(.+)$/i.exec(presentity.trim())
  return m?.[1]
}

function nonEmpty(v: string | undefined): string | undefined {
  const t = v?.trim()
  return t === undefined || t === '' ? undefined : t
}

/** func_presencestate's parse_data: state,subtype,message,options split on every comma; `e` = Base64. */
export function parsePresence(value: string): PresenceNow | undefined {
  const [state = '', subtype = '', message = '', options = ''] = value.split(',')
  const status = state.trim().toLowerCase()
  if (!(PRESENCE_STATES as readonly string[]).includes(status)) return undefined
  if (options !== '' && !options.includes('e')) return undefined
  if (options.includes('e')) return { status, subtype: decode(subtype), message: decode(message) }
  return { status, subtype, message }
}

function decode(b64: string): string {
  return Buffer.from(b64, 'base64').toString('utf8').slice(0, 255)
}
