/** History: the local call-history cache (works while the PBX is unreachable). */
export const historyChannelNames = {
  invoke: ['history.query', 'history.aggregate', 'history.stats', 'history.export', 'history.retentionPreview'],
  events: [],
  notify: [],
} as const
