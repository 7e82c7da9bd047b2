/** Queues: supervisors' actions on queue members. */
export const queuesChannelNames = {
  invoke: ['queues.pause'],
  events: [],
  notify: [],
} as const
