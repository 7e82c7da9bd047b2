import type { ActionDone } from '../../../src-preload/types/actions'
import { ApiFailure } from '../errors/api-failure'
import { memberText } from '../actions/audit-target'
import { runGuarded, type Actor, type GuardDeps } from '../actions/guarded-run'
import type { AmiPort } from '../actions/pbx-port'
import { QUEUE_POLICIES } from './policy'

export interface QueueActionsDeps extends GuardDeps {
  readonly ami: AmiPort
  /** Whether the live state knows this member in this queue (members are never named freely). */
  readonly isMember: (queue: string, iface: string) => boolean
  /** The member's name as the queue lists it ("Anna Berger"), for the audit line. */
  readonly memberName: (queue: string, iface: string) => string | undefined
}

/** Supervisor queue actions: pause/unpause a member, with a reason agents and reports can read. */
export class QueueActions {
  constructor(private readonly d: QueueActionsDeps) {}

  pause(queue: string, iface: string, paused: boolean, reason: string | undefined, actor: Actor): Promise<ActionDone> {
    const why = reason === undefined || reason === '' ? undefined : reason
    // Pausing and unpausing are told apart in the log, with the member by name and the reason given.
    const target = `${memberText(this.nameOf(queue, iface), iface)} in queue ${queue}${why === undefined ? '' : `, reason “${why}”`}`
    return runGuarded(this.d, QUEUE_POLICIES, { action: paused ? 'queue.pause' : 'queue.unpause', target, actor }, async (scope) => {
      if (!this.d.isMember(queue, iface)) throw new ApiFailure('not_found', `${iface} is not a member of ${queue} any more`)
      scope.expect({ kind: 'paused', queue, iface, paused })
      await this.d.ami.action('QueuePause', [
        ['Queue', queue],
        ['Interface', iface],
        ['Paused', paused ? 'true' : 'false'],
        ...(why === undefined ? [] : ([['Reason', why]] as [string, string][])),
      ])
      return { message: paused ? `Paused ${iface} in ${queue}` : `Unpaused ${iface} in ${queue}` }
    })
  }

  private nameOf(queue: string, iface: string): string | undefined {
    try {
      return this.d.memberName(queue, iface)
    } catch {
      return undefined
    }
  }
}
