import { settingsSetInputSchema, type AppInfo, type Settings } from '../types/settings'
import type { appChannelNames } from './app.names'
import { channel, noInput, returns, type DomainSpec } from './spec'

export const appContract = {
  invoke: {
    'app.info': channel(noInput, returns<AppInfo>()),
    'settings.get': channel(noInput, returns<Settings>()),
    /** A retention that would remove cached calls needs `confirmHistoryRemoval` (see its schema). */
    'settings.set': channel(settingsSetInputSchema, returns<Settings>()),
  },
  events: {
    'settings.changed': returns<Settings>(),
  },
  notify: {},
} as const satisfies DomainSpec<typeof appChannelNames>
