/** Connections: how each PBX profile's transports are doing. */
export const connectionsChannelNames = {
  invoke: ['connections.list'],
  events: ['connections.changed'],
  notify: [],
} as const
