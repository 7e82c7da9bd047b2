/** Audit: every action and refusal, with the seat that made it. */
export const auditChannelNames = {
  invoke: ['audit.read'],
  events: [],
  notify: [],
} as const
