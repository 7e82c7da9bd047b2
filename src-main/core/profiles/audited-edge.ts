import { invokeChannels, isInvokeChannel } from '../../../src-preload/contract'
import type { CallContext, Dispatch } from '../slice'
import type { ProfileService } from './profile-service'

/** The audit action each profile/admin channel's lines carry. */
const ACTIONS: Readonly<Record<string, string>> = {
  'profiles.save': 'profile.save',
  'profiles.test': 'profile.test',
  'profiles.remove': 'profile.remove',
  'admin.setPassphrase': 'admin.setPassphrase',
  'webAccess.rotate': 'web.rotateToken',
  'updates.set': 'updates.set',
}

/**
 * Input refused at the contract's edge (a control character in a name or passphrase, an unknown
 * key in a profile) never reaches the profile service, yet it is an attempt on a profile or on the
 * admin passphrase: it gets its audit line like every other refusal there.
 */
export function auditProfileEdgeRefusals(dispatch: Dispatch, profiles: Pick<ProfileService, 'recordEdgeRefusal'>): Dispatch {
  const audited = async (channel: string, input: unknown, ctx: CallContext): Promise<Awaited<ReturnType<Dispatch>>> => {
    const result = await dispatch(channel, input, ctx)
    const action = ACTIONS[channel]
    // Only what the schema refused: a refusal from the service itself has its own line already.
    if (!result.ok && result.error.code === 'invalid_input' && action !== undefined && isInvokeChannel(channel)) {
      if (!invokeChannels[channel].input.safeParse(input).success) await profiles.recordEdgeRefusal(action, result.error.message, ctx)
    }
    return result
  }
  return audited as Dispatch
}
