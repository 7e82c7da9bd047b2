import type { appChannelNames } from '../../../src-preload/contract/app.names'
import type { AppInfo } from '../../../src-preload/types/settings'
import { NO_POLICIES, type HandlersOf, type InvokeChannelsOf, type Slice } from '../slice'
import { changeSettings, type SettingsChangeDeps } from './settings-change'

type AppChannel = InvokeChannelsOf<typeof appChannelNames>

export interface AppServices extends SettingsChangeDeps {
  readonly appInfo: AppInfo
}

/** App & settings: what the console is, and the operator's preferences (a shorter retention is confirmed). */
export const appSlice = {
  policies: NO_POLICIES,
  handlers: (s: AppServices): HandlersOf<AppChannel> => ({
    'app.info': () => s.appInfo,
    'settings.get': () => s.settings.get(),
    'settings.set': (input, ctx) => changeSettings(s, input, ctx),
  }),
} satisfies Slice<AppServices, AppChannel>
