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

  /** ExtensionStatus for each instantiated hint on the device. */
  deviceChanged(device: string, state: DeviceState): void {
    for (const ph of this.pbx.config.phones.values()) {
      if (ph.device === device && ph.hintInstantiated) {
        const [status, text] = hintStatus(state)
        this.pbx.events.emit('ExtensionStatus', PRIV_CALL, [
          ['Exten', ph.exten],
          ['Context', ph.context],
          ['Hint', ph.device],
          ['Status', String(status)],
          ['StatusText', text],
        ])
      }
    }
  }
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
