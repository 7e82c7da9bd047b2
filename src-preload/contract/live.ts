import { z } from 'zod'
import type { LiveMessage } from '../types/live'
import { profileIdSchema } from '../types/profile-id'
import type { liveChannelNames } from './live.names'
import { channel, returns, type DomainSpec } from './spec'

export const liveContract = {
  invoke: {
    /** Starts live updates for this window: a 'live.message' snapshot first, then patches. */
    'live.subscribe': channel(z.strictObject({ profileId: profileIdSchema }), returns<null>()),
  },
  events: {
    /** Targeted at the subscribed window only. */
    'live.message': returns<LiveMessage>(),
  },
  notify: {
    /**
     * Flow control of 'live.message': the renderer has handled every live message it received
     * (sent from its animation frame), so main may send the next one — never more than one
     * unacknowledged message per window. `restart`: the window starts over (load, reload,
     * subscribing again); whatever main still holds for it is dropped.
     */
    'live.ack': z.strictObject({ restart: z.boolean() }),
  },
} as const satisfies DomainSpec<typeof liveChannelNames>
