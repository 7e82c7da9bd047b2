import type { presenceChannelNames } from '../../../src-preload/contract/presence.names'
import type { EventBus } from '../events/bus'
import type { CapabilityHost } from '../runtime/capability'
import type { HandlersOf, InvokeChannelsOf, Slice } from '../slice'
import { presenceCapability } from './capability'
import { PRESENCE_POLICIES } from './policy'
import type { PresenceService } from './presence-service'

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
    /**
     * Per window: the presence it follows and how to stop (a window follows one PBX at a time). By
     * service, not profile id: a profile saved restarts its runtime, and the window lists again.
     */
    const following = new Map<string, { service: PresenceService; stop: () => void }>()
    const follow = (clientId: string, service: PresenceService): void => {
      const now = following.get(clientId)
      if (now?.service === service) return
      now?.stop()
      if (now === undefined) s.bus.onClientClose(clientId, () => following.get(clientId)?.stop())
      const stop = service.onChange((change) => {
        s.bus.sendTo(clientId, 'presence.changed', change)
      })
      following.set(clientId, { service, stop })
    }
    const service = (profileId: string): PresenceService => s.runtimes.get(profileId).use(presenceCapability)
    return {
      'presence.list': async ({ profileId }, ctx) => {
        const presence = service(profileId)
        follow(ctx.clientId, presence)
        return presence.list()
      },
      'presence.setDnd': ({ profileId, extension, on }, ctx) => service(profileId).setDnd(extension, on, ctx),
      'presence.setForward': ({ profileId, extension, kind, target }, ctx) => service(profileId).setForward(extension, kind, target, ctx),
      'presence.setNote': ({ profileId, extension, status, message }, ctx) => service(profileId).setNote(extension, status, message, ctx),
      'presence.setDayNight': ({ profileId, index, mode }, ctx) => service(profileId).setDayNight(index, mode, ctx),
    }
  },
} satisfies Slice<PresenceServices, PresenceChannel>
