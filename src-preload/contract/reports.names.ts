/** Reports: queue and agent figures over a range, from the queue events kept beside the call history (supervisors and admins). */
export const reportsChannelNames = {
  invoke: ['reports.options', 'reports.run', 'reports.export', 'reports.importQueueLog'],
  events: [],
  notify: [],
} as const
