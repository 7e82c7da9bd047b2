import type { ConnectionStatus } from '../types/connections'
import type { connectionsChannelNames } from './connections.names'
import { channel, noInput, returns, type DomainSpec } from './spec'

export const connectionsContract = {
  invoke: {
    'connections.list': channel(noInput, returns<readonly ConnectionStatus[]>()),
  },
  events: {
    'connections.changed': returns<ConnectionStatus>(),
  },
  notify: {},
} as const satisfies DomainSpec<typeof connectionsChannelNames>
