import type { ActionDone } from '../types/actions'
import {
  recordInputSchema,
  spyModeInputSchema,
  spyStartInputSchema,
  spyStopInputSchema,
  supervisionWatchInputSchema,
  type SupervisionState,
} from '../types/supervision'
import { channel, returns, type DomainSpec } from './spec'
import type { supervisionChannelNames } from './supervision.names'

export const supervisionContract = {
  invoke: {
    /** The current state, then `supervision.changed` to this window whenever it changes. */
    'supervision.watch': channel(supervisionWatchInputSchema, returns<SupervisionState>()),
    /** Rings the seat's own phone into ChanSpy on a channel of the call. */
    'supervision.spy': channel(spyStartInputSchema, returns<ActionDone>()),
    /** Switches a running session of this seat's phone between listen, whisper and barge. */
    'supervision.spyMode': channel(spyModeInputSchema, returns<ActionDone>()),
    /** Ends a running session of this seat's phone (hangs its listening channel up). */
    'supervision.spyStop': channel(spyStopInputSchema, returns<ActionDone>()),
    /** Starts, stops, mutes or unmutes the recording of a call. */
    'supervision.record': channel(recordInputSchema, returns<ActionDone>()),
  },
  events: {
    'supervision.changed': returns<SupervisionState>(),
  },
  notify: {},
} as const satisfies DomainSpec<typeof supervisionChannelNames>
