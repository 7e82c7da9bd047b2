import type { presenceChannelNames } from '../../../src-preload/contract/presence.names'
import type { EventBus } from '../events/bus'
import type { CapabilityHost } from '../runtime/capability'
import type { HandlersOf, InvokeChannelsOf, Slice } from '../slice'
import { presenceCapability } from './capability'
import { PRESENCE_POLICIES } from './policy'

type PresenceChannel = InvokeChannelsOf<typeof presenceChannelNames>

export interface PresenceServices {
  /** The running profile (`not_found` when it is not connected). */
  readonly runtimes: { get(profileId: string): CapabilityHost }
  /** `presence.changed` goes to the windows that listed, and stops when they close. */
  readonly bus: Pick<EventBus, 'sendTo' | 'onClientClose'>
}

/** Presence on the lamps (DND, forwarding, notes, time in state) and the day/night toggles. */
export const presenceSlice = {
  policies: PRESENCE_POLICIES,
  handlers: (s: PresenceServices): HandlersOf<PresenceChannel> => {
    /** Per window: the profile it follows and how to stop (a window follows one PBX at a time). */
    const following = new Map<string, { profileId: string; stop: () => void }>()
    const follow = (clientId: string, profileId: string, start: () => () => void): void => {
      const now = following.get(clientId)
      if (now?.profileId === profileId) return
      now?.stop()
      if (now === undefined) s.bus.onClientClose(clientId, () => following.get(clientId)?.stop())
      following.set(clientId, { profileId, stop: start() })
    }
    const service = (profileId: string) => s.runtimes.get(profileId).use(presenceCapability)
    return {
      'presence.list': async ({ profileId }, ctx) => {
        const presence = service(profileId)
        follow(ctx.clientId, profileId, () =>
          presence.onChange((change) => {
            s.bus.sendTo(ctx.clientId, 'presence.changed', change)
          }),
        )
        return presence.list()
      },
      'presence.setDnd': ({ profileId, extension, on }, ctx) => service(profileId).setDnd(extension, on, ctx),
      'presence.setForward': ({ profileId, extension, kind, target }, ctx) => service(profileId).setForward(extension, kind, target, ctx),
      'presence.setNote': ({ profileId, extension, status, message }, ctx) => service(profileId).setNote(extension, status, message, ctx),
      'presence.setDayNight': ({ profileId, index, mode }, ctx) => service(profileId).setDayNight(index, mode, ctx),
    }
  },
} satisfies Slice<PresenceServices, PresenceChannel>
