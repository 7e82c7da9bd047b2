import { create } from 'zustand'
import type { ApiError } from '../../../src-preload/types/result'
import { defaultQueuePrefs, type QueuePrefs } from '../../../src-preload/types/queues'
import { bridge } from '../bridge/current'
import { tr } from '../i18n'
import { strings } from './strings'

const t = tr(strings)

interface QueuePrefsState {
  /** The profile whose preferences are held; null before the first load. */
  profileId: string | null
  /** The pause reasons offered and the wallboard's settings (the defaults until loaded). */
  prefs: QueuePrefs
  /** Reads the profile's preferences (again when the profile changed). */
  load: (profileId: string) => Promise<void>
  /** Saves them through main (supervisors); resolves with main's refusal, or null once saved. */
  save: (prefs: QueuePrefs) => Promise<ApiError | null>
  /** Another window saved (`queues.prefs.changed`). */
  receive: (profileId: string, prefs: QueuePrefs) => void
}

/**
 * The supervisor's queue preferences of the shown PBX: the pause reasons offered everywhere a
 * member is paused, and the wallboard's queues, thresholds, theme, sound and page time.
 */
export const useQueuePrefsStore = create<QueuePrefsState>((set, get) => ({
  profileId: null,
  prefs: defaultQueuePrefs,
  load: async (profileId) => {
    const r = await bridge().invoke('queues.prefs.get', { profileId })
    if (r.ok) set({ profileId, prefs: r.value })
  },
  save: async (prefs) => {
    const profileId = get().profileId
    if (profileId === null) return { code: 'unavailable', message: t('noPbxShown') }
    const r = await bridge().invoke('queues.prefs.set', { profileId, prefs })
    if (!r.ok) return r.error
    set({ prefs: r.value })
    return null
  },
  receive: (profileId, prefs) => {
    if (get().profileId === profileId) set({ prefs })
  },
}))

let listening = false

/** Follows saves made in other windows (once per window). */
export function followQueuePrefs(): void {
  if (listening) return
  listening = true
  bridge().on('queues.prefs.changed', ({ profileId, prefs }) => {
    useQueuePrefsStore.getState().receive(profileId, prefs)
  })
}
