/** Presence on the lamps (DND, call forwarding, a note) and FreePBX's day/night call-flow toggles. */
export const presenceChannelNames = {
  invoke: ['presence.list', 'presence.setDnd', 'presence.setForward', 'presence.setNote', 'presence.setDayNight'],
  events: ['presence.changed'],
  notify: [],
} as const
