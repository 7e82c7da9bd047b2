import type { queuesChannelNames } from '../../../src-preload/contract/queues.names'
import type { CapabilityHost } from '../runtime/capability'
import type { HandlersOf, InvokeChannelsOf, Slice } from '../slice'
import { queuesCapability } from './capability'
import { QUEUE_POLICIES } from './policy'

type QueuesChannel = InvokeChannelsOf<typeof queuesChannelNames>

export interface QueuesServices {
  /** The running profile (`not_found` when it is not connected). */
  readonly runtimes: { get(profileId: string): CapabilityHost }
}

/** Queues: supervisors pause and unpause members, with a reason. */
export const queuesSlice = {
  policies: QUEUE_POLICIES,
  handlers: (s: QueuesServices): HandlersOf<QueuesChannel> => ({
    'queues.pause': ({ profileId, queue, iface, paused, reason }, ctx) =>
      s.runtimes.get(profileId).use(queuesCapability).pause(queue, iface, paused, reason, ctx),
  }),
} satisfies Slice<QueuesServices, QueuesChannel>
