import type { liveChannelNames } from '../../../src-preload/contract/live.names'
import type { PolicyTable } from '../guard'
import type { HandlersOf, InvokeChannelsOf, Slice } from '../slice'

type LiveChannel = InvokeChannelsOf<typeof liveChannelNames>

export interface LiveServices {
  /** Starts (or restarts with a fresh snapshot) this client's live updates for one profile. */
  readonly runtimes: { subscribe(clientId: string, profileId: string): void }
}

/** Live: a window subscribes to one PBX's live state (a snapshot, then patches; acks via the transport). */
export const liveSlice = {
  policies: { 'live.read': { minRole: 'receptionist', write: false } } as const satisfies PolicyTable,
  handlers: (s: LiveServices): HandlersOf<LiveChannel> => ({
    'live.subscribe': ({ profileId }, ctx) => {
      s.runtimes.subscribe(ctx.clientId, profileId)
      return null
    },
  }),
} satisfies Slice<LiveServices, LiveChannel>
