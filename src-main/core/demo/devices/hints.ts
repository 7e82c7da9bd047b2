/**
 * Hints: an extension's state from its phone's device (ExtensionStatus on every change of an
 * instantiated hint, ExtensionState/ExtensionStateList on request).
 */
import type { Phone } from '../config/config-state'
import type { DeviceState } from '../model'
import { PRIV_CALL } from '../pbx/events'
import type { Pbx } from '../pbx/pbx'

export class Hints {
  constructor(private readonly pbx: Pbx) {}

  of(exten: string): Phone | undefined {
    return this.pbx.config.phones.get(exten)
  }

  /**
   * The hint's text. FreePBX writes `PJSIP/101&Custom:DND101,CustomPresence:101` for each
   * extension (astdb-presence.raw's hint, with the office's PJSIP device): the phone and its DND
   * device make the lamp's state, the presence provider its note. The lab's hints are the phone alone.
   */
  hintOf(phone: Phone): string {
    if (this.pbx.config.isLab) return phone.device
    return `${phone.device}&Custom:DND${phone.exten},${this.presentityOf(phone) ?? ''}`
  }

  /** The presence provider of the extension's hint (FreePBX's `CustomPresence:<ext>`), none in the lab. */
  presentityOf(phone: Phone): string | undefined {
    return this.pbx.config.isLab ? undefined : `CustomPresence:${phone.exten}`
  }

  /** The hint's device state: its devices aggregated as ast_devstate_aggregate_add() does. */
  stateOf(phone: Phone): DeviceState {
    const own = this.pbx.devices.compute(phone.device)
    if (this.pbx.config.isLab) return own
    return aggregate([own, this.pbx.presence.customState(`Custom:DND${phone.exten}`)])
  }

  /** ExtensionStatus for each instantiated hint on the device. */
  deviceChanged(device: string, state: DeviceState): void {
    const lab = this.pbx.config.isLab
    for (const ph of this.pbx.config.phones.values()) {
      const mine = ph.device === device || (!lab && device.toLowerCase() === `custom:dnd${ph.exten}`)
      if (mine && ph.hintInstantiated) {
        const [status, text] = hintStatus(lab ? state : this.stateOf(ph))
        this.pbx.events.emit('ExtensionStatus', PRIV_CALL, [
          ['Exten', ph.exten],
          ['Context', ph.context],
          ['Hint', this.hintOf(ph)],
          ['Status', String(status)],
          ['StatusText', text],
        ])
      }
    }
  }
}

/** main/devicestate.c's order of states when several devices make one hint. */
const STATE_ORDER: Readonly<Record<DeviceState, number>> = {
  UNKNOWN: 1,
  NOT_INUSE: 3,
  INUSE: 6,
  BUSY: 7,
  INVALID: 0,
  UNAVAILABLE: 2,
  RINGING: 5,
  RINGINUSE: 8,
  ONHOLD: 4,
}

/** ast_devstate_aggregate_add() over the hint's devices: the highest in STATE_ORDER, ringing while in use = RINGINUSE. */
export function aggregate(states: readonly DeviceState[]): DeviceState {
  let result: DeviceState = 'INVALID'
  let ringing = false
  let inuse = false
  for (const s of states) {
    if (s === 'RINGING') ringing = true
    else if (s === 'INUSE' || s === 'ONHOLD' || s === 'BUSY') inuse = true
    if (ringing && inuse) result = 'RINGINUSE'
    else if (STATE_ORDER[s] > STATE_ORDER[result]) result = s
  }
  return result
}

export function hintStatus(state: DeviceState): [number, string] {
  switch (state) {
    case 'NOT_INUSE':
      return [0, 'Idle']
    case 'INUSE':
      return [1, 'InUse']
    case 'BUSY':
      return [2, 'Busy']
    case 'UNAVAILABLE':
    case 'INVALID':
    case 'UNKNOWN':
      return [4, 'Unavailable']
    case 'RINGING':
      return [8, 'Ringing']
    case 'RINGINUSE':
      return [9, 'InUse&Ringing']
    case 'ONHOLD':
      return [16, 'Hold']
  }
}
