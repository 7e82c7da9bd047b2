import type { queuesChannelNames } from '../../../src-preload/contract/queues.names'
import type { EventBus } from '../events/bus'
import type { CapabilityHost } from '../runtime/capability'
import type { HandlersOf, InvokeChannelsOf, Slice } from '../slice'
import { queuesCapability } from './capability'
import { QUEUE_POLICIES } from './policy'
import type { QueuePrefsStore } from './queue-prefs'

type QueuesChannel = InvokeChannelsOf<typeof queuesChannelNames>

export interface QueuesServices {
  /** The running profile (`not_found` when it is not connected). */
  readonly runtimes: { get(profileId: string): CapabilityHost }
  /** The supervisor's queue preferences per profile (pause reasons, the wallboard). */
  readonly queuePrefs: QueuePrefsStore
  readonly bus: EventBus
}

/** Queues: supervisors change membership (add, remove, penalty), pause and unpause with a reason; queue preferences. */
export const queuesSlice = {
  policies: QUEUE_POLICIES,
  handlers: (s: QueuesServices): HandlersOf<QueuesChannel> => ({
    'queues.pause': ({ profileId, queue, iface, paused, reason }, ctx) =>
      s.runtimes.get(profileId).use(queuesCapability).pause(queue, iface, paused, reason, ctx),
    'queues.add': ({ profileId, ...member }, ctx) => s.runtimes.get(profileId).use(queuesCapability).add(member, ctx),
    'queues.remove': ({ profileId, queue, iface }, ctx) => s.runtimes.get(profileId).use(queuesCapability).remove(queue, iface, ctx),
    'queues.penalty': ({ profileId, queue, iface, penalty }, ctx) =>
      s.runtimes.get(profileId).use(queuesCapability).penalty(queue, iface, penalty, ctx),
    'queues.prefs.get': ({ profileId }) => s.queuePrefs.get(profileId),
    'queues.prefs.set': async ({ profileId, prefs }, ctx) => {
      const saved = await s.runtimes.get(profileId).use(queuesCapability).savePrefs(s.queuePrefs, prefs, ctx)
      s.bus.publish('queues.prefs.changed', { profileId, prefs: saved })
      return saved
    },
  }),
} satisfies Slice<QueuesServices, QueuesChannel>
