/** Configuration: admins read and edit the PBX's configuration (FreePBX API) and apply it. */
export const configChannelNames = {
  invoke: [
    'config.describe',
    'config.status',
    'config.list',
    'config.get',
    'config.destinations',
    'config.save',
    'config.createRange',
    'config.remove',
    'config.restore',
    'config.rotateSecret',
    'config.pending',
    'config.apply',
  ],
  events: ['config.progress'],
  notify: [],
} as const
