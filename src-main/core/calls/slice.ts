import type { callsChannelNames } from '../../../src-preload/contract/calls.names'
import type { CapabilityHost } from '../runtime/capability'
import type { HandlersOf, InvokeChannelsOf, Slice } from '../slice'
import { callsCapability } from './capability'
import { CALL_POLICIES } from './policy'

type CallsChannel = InvokeChannelsOf<typeof callsChannelNames>

export interface CallsServices {
  /** The running profile (`not_found` when it is not connected). */
  readonly runtimes: { get(profileId: string): CapabilityHost }
}

/** Calls: the operator's actions on live calls, each guarded and audited by CallActions. */
export const callsSlice = {
  policies: CALL_POLICIES,
  handlers: (s: CallsServices): HandlersOf<CallsChannel> => {
    const calls = (profileId: string) => s.runtimes.get(profileId).use(callsCapability)
    return {
      'calls.hangup': ({ profileId, channelId }, ctx) => calls(profileId).hangup(channelId, ctx),
      'calls.transfer': ({ profileId, channelId, destination, mode, confirmEmergency }, ctx) => {
        const actions = calls(profileId)
        if (mode === 'voicemail') return actions.transferToVoicemail(channelId, destination, ctx)
        if (mode === 'attended') return actions.attendedTransfer(channelId, destination, confirmEmergency, ctx)
        return actions.blindTransfer(channelId, destination, confirmEmergency, ctx)
      },
      'calls.transferComplete': ({ profileId, channelId }, ctx) => calls(profileId).completeTransfer(channelId, ctx),
      'calls.transferCancel': ({ profileId, channelId }, ctx) => calls(profileId).cancelTransfer(channelId, ctx),
      'calls.originate': ({ profileId, destination, confirmEmergency }, ctx) => calls(profileId).originate(destination, confirmEmergency, ctx),
      'calls.park': ({ profileId, channelId }, ctx) => calls(profileId).park(channelId, ctx),
      'calls.pickup': ({ profileId, space }, ctx) => calls(profileId).pickupParked(space, ctx),
    }
  },
} satisfies Slice<CallsServices, CallsChannel>
