import type { ActionDone } from '../../../src-preload/types/actions'
import { ApiFailure } from '../api/api-failure'
import { runGuarded, type Actor, type GuardDeps } from './guarded-run'
import type { AmiPort } from './pbx-port'

export interface QueueActionsDeps extends GuardDeps {
  readonly ami: AmiPort
  /** Whether the live state knows this member in this queue (members are never named freely). */
  readonly isMember: (queue: string, iface: string) => boolean
}

/** Supervisor queue actions: pause/unpause a member, with a reason agents and reports can read. */
export class QueueActions {
  constructor(private readonly d: QueueActionsDeps) {}

  pause(queue: string, iface: string, paused: boolean, reason: string | undefined, actor: Actor): Promise<ActionDone> {
    return runGuarded(this.d, { action: 'queue.pause', target: `${queue} ${iface}`, actor }, async (expect) => {
      if (!this.d.isMember(queue, iface)) throw new ApiFailure('not_found', `${iface} is not a member of ${queue} any more`)
      expect({ kind: 'paused', queue, iface, paused })
      await this.d.ami.action('QueuePause', [
        ['Queue', queue],
        ['Interface', iface],
        ['Paused', paused ? 'true' : 'false'],
        ...(reason === undefined || reason === '' ? [] : ([['Reason', reason]] as [string, string][])),
      ])
      return { message: paused ? `Paused ${iface} in ${queue}` : `Unpaused ${iface} in ${queue}` }
    })
  }
}
