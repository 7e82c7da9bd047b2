/** Live: the PBX's calls, extensions, queues and parked calls as a snapshot, then patches. */
export const liveChannelNames = {
  invoke: ['live.subscribe'],
  events: ['live.message'],
  notify: ['live.ack'],
} as const
