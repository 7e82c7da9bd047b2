import {
  hangupInputSchema,
  originateInputSchema,
  parkInputSchema,
  pickupInputSchema,
  transferInputSchema,
  transferStepInputSchema,
  type ActionDone,
  type ActionSettled,
} from '../types/actions'
import type { callsChannelNames } from './calls.names'
import { channel, returns, type DomainSpec } from './spec'

export const callsContract = {
  invoke: {
    'calls.hangup': channel(hangupInputSchema, returns<ActionDone>()),
    'calls.transfer': channel(transferInputSchema, returns<ActionDone>()),
    'calls.transferComplete': channel(transferStepInputSchema, returns<ActionDone>()),
    'calls.transferCancel': channel(transferStepInputSchema, returns<ActionDone>()),
    'calls.originate': channel(originateInputSchema, returns<ActionDone>()),
    'calls.park': channel(parkInputSchema, returns<ActionDone>()),
    'calls.pickup': channel(pickupInputSchema, returns<ActionDone>()),
  },
  events: {
    /** Targeted at the window that acted: an "outcome unknown" action, settled from the resynced state. */
    'actions.settled': returns<ActionSettled>(),
  },
  notify: {},
} as const satisfies DomainSpec<typeof callsChannelNames>
