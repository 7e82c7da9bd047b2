import { queuePauseInputSchema, type ActionDone } from '../types/actions'
import type { queuesChannelNames } from './queues.names'
import { channel, returns, type DomainSpec } from './spec'

export const queuesContract = {
  invoke: {
    'queues.pause': channel(queuePauseInputSchema, returns<ActionDone>()),
  },
  events: {},
  notify: {},
} as const satisfies DomainSpec<typeof queuesChannelNames>
