import type { ActionDone } from '../types/actions'
import {
  presenceListInputSchema,
  setDayNightInputSchema,
  setDndInputSchema,
  setForwardInputSchema,
  setNoteInputSchema,
  type PresenceChange,
  type PresenceSnapshot,
} from '../types/presence'
import type { presenceChannelNames } from './presence.names'
import { channel, returns, type DomainSpec } from './spec'

export const presenceContract = {
  invoke: {
    /** The presence of every extension and the day/night toggles now; then `presence.changed` to this window. */
    'presence.list': channel(presenceListInputSchema, returns<PresenceSnapshot>()),
    'presence.setDnd': channel(setDndInputSchema, returns<ActionDone>()),
    /** The target is judged by the toll-fraud guard like a dial: a forward to a premium number is refused. */
    'presence.setForward': channel(setForwardInputSchema, returns<ActionDone>()),
    'presence.setNote': channel(setNoteInputSchema, returns<ActionDone>()),
    'presence.setDayNight': channel(setDayNightInputSchema, returns<ActionDone>()),
  },
  events: {
    /** Targeted at the windows that listed this profile's presence. */
    'presence.changed': returns<PresenceChange>(),
  },
  notify: {},
} as const satisfies DomainSpec<typeof presenceChannelNames>
