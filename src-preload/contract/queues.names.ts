/** Queues: supervisors' actions on queue members, and their queue preferences (pause reasons, the wallboard). */
export const queuesChannelNames = {
  invoke: ['queues.pause', 'queues.add', 'queues.remove', 'queues.penalty', 'queues.prefs.get', 'queues.prefs.set'],
  events: ['queues.prefs.changed'],
  notify: [],
} as const
