/** The desktop application menu: a view or the keyboard help chosen there, carried out by the focused window. */
export const menuChannelNames = {
  invoke: [],
  events: ['menu.command'],
  notify: [],
} as const
