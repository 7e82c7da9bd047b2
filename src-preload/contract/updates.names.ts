/** The desktop app's updates: their state, the admin's feed (admin passphrase) and a check on demand. */
export const updatesChannelNames = {
  invoke: ['updates.status', 'updates.set', 'updates.check'],
  events: ['updates.changed'],
  notify: [],
} as const
