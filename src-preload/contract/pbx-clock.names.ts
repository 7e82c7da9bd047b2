/** The PBX's own clock and time zone, for the profile editor's Time zone field. */
export const pbxClockChannelNames = {
  invoke: ['pbxClock.read'],
  events: [],
  notify: [],
} as const
