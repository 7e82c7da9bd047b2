/** App & settings: what the console is, and the operator's preferences. */
export const appChannelNames = {
  invoke: ['app.info', 'settings.get', 'settings.set'],
  events: ['settings.changed'],
  notify: [],
} as const
