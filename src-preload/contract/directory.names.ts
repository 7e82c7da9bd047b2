/** The directory: the PBX's extensions with their names (FreePBX, AstDB, voicemail users, caller ID). */
export const directoryChannelNames = {
  invoke: ['directory.list', 'directory.refresh'],
  events: ['directory.changed'],
  notify: [],
} as const
