import { randomUUID } from 'node:crypto'
import type { ActionDone } from '../../../src-preload/types/actions'
import { destinationText, type ExtensionNames, partyText, spokenDestination } from '../actions/audit-target'
import { runGuarded, type Actor, type GuardDeps } from '../actions/guarded-run'
import type { AmiPort } from '../actions/pbx-port'
import { ApiFailure } from '../errors/api-failure'
import type { LiveModel } from '../live'
import { PICKUP_POLICIES } from './policy'
import { ringingCallAt, type RingingCall } from './ringing-call'
import { say } from '../i18n'
import { strings } from './strings'

const t = say(strings)

/**
 * FreePBX's directed call pickup feature code: a phone dialling `**104` takes the call ringing at
 * 104 (Asterisk's Pickup() by the PICKUPMARK FreePBX sets on every call to an extension).
 */
export const DIRECTED_PICKUP_CODE = '**'

export interface DirectedPickupDeps extends GuardDeps {
  readonly ami: AmiPort
  /** The live state as now; undefined until it was first loaded. */
  readonly liveModel: () => LiveModel | undefined
  /** The PBX's names of its extensions: "ringing at Eva Fischer <105>" in the audit, "Eva Fischer (105)" in the toast. */
  readonly names?: ExtensionNames
}

/**
 * Directed pickup: the operator takes a call ringing at another extension to their own phone.
 * The operator's phone is called (the profile's fixed channel and context, like click-to-dial) and
 * dials the pickup feature code for the extension, so the PBX's own Pickup() does the rest. The
 * extension is sent only once the live state shows it is one of this PBX's and rings now; nothing
 * becomes an Application, Data or Variable header, and nothing is retried.
 */
export class DirectedPickup {
  constructor(private readonly d: DirectedPickupDeps) {}

  pickUp(extension: string, actor: Actor): Promise<ActionDone> {
    const own = this.d.profile().operator.ownExtension
    const seen = this.ringingNow(extension, own)
    // The audit line names who was ringing where, as the call list showed it when asked.
    const target = `${seen === undefined ? 'no call' : partyText(seen.caller, this.d.names)} ringing at ${destinationText(extension, this.d.names)} → your phone (${own})`
    const support = seen === undefined ? undefined : `channel ${seen.channelId}`
    return runGuarded(
      this.d,
      PICKUP_POLICIES,
      { action: 'call.pickup.directed', target, actor, ...(support === undefined ? {} : { support }) },
      async (scope) => {
        const model = this.d.liveModel()
        if (model === undefined) throw new ApiFailure('unavailable', t('notLoaded'))
        ringingCallAt(model, extension, own)
        scope.spendDialBudget()
        // The ChannelId is chosen here, before sending, so a lost answer can be settled by it.
        const channelId = randomUUID()
        scope.expect({ kind: 'appeared', channelId })
        const p = this.d.profile()
        const handle = await this.d.ami.originate([
          ['Channel', p.originate.channelTemplate.replace('{ext}', own)],
          ['Context', p.originate.context],
          ['Exten', `${DIRECTED_PICKUP_CODE}${extension}`],
          ['Priority', 1],
          ['CallerID', `Attendant <${own}>`],
          ['ChannelId', channelId],
        ])
        return { message: t('pickingUp', { name: spokenDestination(extension, this.d.names) }), ref: handle.channelId }
      },
    )
  }

  /** What rings there now, for the audit line; a refusal is the body's to give, not this read's. */
  private ringingNow(extension: string, own: string): RingingCall | undefined {
    const model = this.d.liveModel()
    if (model === undefined) return undefined
    try {
      return ringingCallAt(model, extension, own)
    } catch {
      return undefined
    }
  }
}
