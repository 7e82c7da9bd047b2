/** Web mode's access link: shown in Admin, rotated there (the old link stops working at once). */
export const webAccessChannelNames = {
  invoke: ['webAccess.link', 'webAccess.rotate'],
  events: [],
  notify: [],
} as const
