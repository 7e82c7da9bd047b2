import { create } from 'zustand'
import type { ApiError } from '../../../src-preload/types/result'
import type { AppInfo, Settings, SettingsPatch } from '../../../src-preload/types/settings'
import { bridge } from '../bridge/current'
import type { LinkState } from '../bridge/bridge'

interface AppState {
  info: AppInfo | null
  settings: Settings | null
  /** The shown feature's id (features/index.ts); null until one is chosen: the first feature. */
  view: string | null
  link: LinkState
  /** When the link to main was lost (undefined while open, or before it first opened). */
  linkLostAt: number | undefined
  lastError: ApiError | null
  setView: (view: string) => void
  setLink: (link: LinkState) => void
  load: () => Promise<void>
  /**
   * Saves a change; resolves with main's refusal, or null once stored. `confirmHistoryRemoval`:
   * the cached calls the operator agreed a shorter retention removes (main asks for it).
   */
  updateSettings: (patch: SettingsPatch, confirmHistoryRemoval?: number) => Promise<ApiError | null>
  applySettings: (settings: Settings) => void
}

/** App-wide slice: app info, settings (as main holds them), the current view, the link state. */
export const useAppStore = create<AppState>((set, get) => ({
  info: null,
  settings: null,
  view: null,
  link: 'connecting',
  linkLostAt: undefined,
  lastError: null,
  setView: (view) => {
    set({ view })
  },
  setLink: (link) => {
    // Lost once it had been open: what the window shows is as of that moment.
    const { link: before, linkLostAt } = get()
    set({ link, linkLostAt: link === 'open' ? undefined : before === 'open' ? Date.now() : linkLostAt })
  },
  load: async () => {
    const [info, settings] = await Promise.all([bridge().invoke('app.info'), bridge().invoke('settings.get')])
    set({
      info: info.ok ? info.value : null,
      settings: settings.ok ? settings.value : null,
      lastError: !info.ok ? info.error : !settings.ok ? settings.error : null,
    })
  },
  updateSettings: async (patch, confirmHistoryRemoval) => {
    // Shown at once (a controlled radio or field must not flip back while main saves), then
    // replaced by what main stored; a refused change is rolled back and its error shown. The
    // settings.changed event updates every other window.
    const before = get().settings
    if (before !== null) set({ settings: { ...before, ...patch } })
    const result = await bridge().invoke('settings.set', confirmHistoryRemoval === undefined ? patch : { ...patch, confirmHistoryRemoval })
    if (result.ok) {
      set({ settings: result.value, lastError: null })
      return null
    }
    set((s) => ({
      settings: s.settings === null || before === null ? s.settings : { ...s.settings, ...pick(before, patch) },
      lastError: result.error,
    }))
    return result.error
  },
  applySettings: (settings) => {
    set({ settings })
  },
}))

/** The values `before` had for the keys a patch touched (to roll just those back). */
function pick(before: Settings, patch: SettingsPatch): Partial<Settings> {
  const out: Partial<Settings> = {}
  for (const key of Object.keys(patch) as (keyof Settings)[]) Object.assign(out, { [key]: before[key] })
  return out
}
