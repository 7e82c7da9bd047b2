import type { ActionDone } from '../types/actions'
import {
  queueMemberAddInputSchema,
  queueMemberRemoveInputSchema,
  queuePauseInputSchema,
  queuePenaltyInputSchema,
  queuePrefsGetInputSchema,
  queuePrefsSetInputSchema,
  type QueuePrefs,
} from '../types/queues'
import type { queuesChannelNames } from './queues.names'
import { channel, returns, type DomainSpec } from './spec'

/** What `queues.prefs.changed` carries: one profile's preferences as saved. */
export interface QueuePrefsChanged {
  readonly profileId: string
  readonly prefs: QueuePrefs
}

export const queuesContract = {
  invoke: {
    'queues.pause': channel(queuePauseInputSchema, returns<ActionDone>()),
    'queues.add': channel(queueMemberAddInputSchema, returns<ActionDone>()),
    'queues.remove': channel(queueMemberRemoveInputSchema, returns<ActionDone>()),
    'queues.penalty': channel(queuePenaltyInputSchema, returns<ActionDone>()),
    'queues.prefs.get': channel(queuePrefsGetInputSchema, returns<QueuePrefs>()),
    'queues.prefs.set': channel(queuePrefsSetInputSchema, returns<QueuePrefs>()),
  },
  events: {
    'queues.prefs.changed': returns<QueuePrefsChanged>(),
  },
  notify: {},
} as const satisfies DomainSpec<typeof queuesChannelNames>
