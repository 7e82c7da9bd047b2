import { create } from 'zustand'
import type { ApiError } from '../../../src-preload/types/result'
import type { AppInfo, Settings, SettingsPatch } from '../../../src-preload/types/settings'
import { bridge } from '../bridge/current'
import type { LinkState } from '../bridge/bridge'

export type View = 'calls' | 'queues' | 'history' | 'admin' | 'settings'

interface AppState {
  info: AppInfo | null
  settings: Settings | null
  view: View
  link: LinkState
  lastError: ApiError | null
  setView: (view: View) => void
  setLink: (link: LinkState) => void
  load: () => Promise<void>
  updateSettings: (patch: SettingsPatch) => Promise<void>
  applySettings: (settings: Settings) => void
}

/** App-wide slice: app info, settings (as main holds them), the current view, the link state. */
export const useAppStore = create<AppState>((set) => ({
  info: null,
  settings: null,
  view: 'calls',
  link: 'connecting',
  lastError: null,
  setView: (view) => {
    set({ view })
  },
  setLink: (link) => {
    set({ link })
  },
  load: async () => {
    const [info, settings] = await Promise.all([bridge().invoke('app.info'), bridge().invoke('settings.get')])
    set({
      info: info.ok ? info.value : null,
      settings: settings.ok ? settings.value : null,
      lastError: !info.ok ? info.error : !settings.ok ? settings.error : null,
    })
  },
  updateSettings: async (patch) => {
    const result = await bridge().invoke('settings.set', patch)
    // The settings.changed event updates every window, this one included; errors are shown here.
    set(result.ok ? { settings: result.value, lastError: null } : { lastError: result.error })
  },
  applySettings: (settings) => {
    set({ settings })
  },
}))
