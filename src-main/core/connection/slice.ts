import type { connectionsChannelNames } from '../../../src-preload/contract/connections.names'
import type { ConnectionStatus } from '../../../src-preload/types/connections'
import { NO_POLICIES, type HandlersOf, type InvokeChannelsOf, type Slice } from '../slice'

type ConnectionsChannel = InvokeChannelsOf<typeof connectionsChannelNames>

export interface ConnectionsServices {
  readonly runtimes: { statuses(): readonly ConnectionStatus[] }
}

/** Connections: how each PBX profile's transports are doing (changes are pushed as they happen). */
export const connectionsSlice = {
  policies: NO_POLICIES,
  handlers: (s: ConnectionsServices): HandlersOf<ConnectionsChannel> => ({
    'connections.list': () => s.runtimes.statuses(),
  }),
} satisfies Slice<ConnectionsServices, ConnectionsChannel>
