import type { supervisionChannelNames } from '../../../src-preload/contract/supervision.names'
import type { EventBus } from '../events/bus'
import type { CapabilityHost } from '../runtime/capability'
import type { HandlersOf, InvokeChannelsOf, Slice } from '../slice'
import { supervisionCapability } from './capability'
import { SUPERVISION_POLICIES } from './policy'

type SupervisionChannel = InvokeChannelsOf<typeof supervisionChannelNames>

export interface SupervisionServices {
  /** The running profile (`not_found` when it is not connected). */
  readonly runtimes: { get(profileId: string): CapabilityHost }
  /** `supervision.changed` goes to the windows that watch. */
  readonly bus: Pick<EventBus, 'sendTo' | 'onClientClose'>
}

/** Listen / whisper / barge (ChanSpy) and recording control (MixMonitor) on live calls. */
export const supervisionSlice = {
  policies: SUPERVISION_POLICIES,
  handlers: (s: SupervisionServices): HandlersOf<SupervisionChannel> => ({
    'supervision.watch': ({ profileId }, ctx) => {
      const supervision = s.runtimes.get(profileId).use(supervisionCapability)
      const state = supervision.watch(ctx.clientId, (next) => {
        s.bus.sendTo(ctx.clientId, 'supervision.changed', next)
      })
      s.bus.onClientClose(ctx.clientId, () => {
        supervision.unwatch(ctx.clientId)
      })
      return state
    },
    'supervision.spy': ({ profileId, callId, channelId, mode }, ctx) =>
      s.runtimes.get(profileId).use(supervisionCapability).spy({ callId, channelId, mode }, ctx),
    'supervision.spyMode': ({ profileId, sessionId, mode }, ctx) =>
      s.runtimes.get(profileId).use(supervisionCapability).switchMode(sessionId, mode, ctx),
    'supervision.spyStop': ({ profileId, sessionId }, ctx) => s.runtimes.get(profileId).use(supervisionCapability).stop(sessionId, ctx),
    'supervision.record': ({ profileId, callId, op }, ctx) => s.runtimes.get(profileId).use(supervisionCapability).record(callId, op, ctx),
  }),
} satisfies Slice<SupervisionServices, SupervisionChannel>
