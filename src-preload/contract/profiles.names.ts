/** Profiles & admin: the PBX profiles (secrets write-only), Test connection, the admin passphrase. */
export const profilesChannelNames = {
  invoke: ['profiles.list', 'profiles.save', 'profiles.remove', 'profiles.test', 'admin.setPassphrase'],
  events: ['profiles.changed'],
  notify: [],
} as const
