import type { SeatLamps } from '../../../../src-preload/types/settings'
import { useAppStore } from '../../stores/app-store'
import { useLiveStore } from '../../stores/live-store'
import { useToastStore } from '../../stores/toast-store'
import { startingLamps, stepGroup } from './blf-model'
import { tr } from '../../i18n'
import { strings } from './strings'

const t = tr(strings)

/**
 * Where a seat's lamp groups are kept: in main's settings, by PBX profile (one profile is one seat).
 * Not the window's localStorage: web mode's origin changes with its port and the desktop app has
 * its own, so an arrangement kept there would be lost or differ between windows; main keeps it in
 * the data folder and pushes every change to every open window.
 */
function lampsOf(profileId: string | null, settings: ReturnType<typeof useAppStore.getState>['settings']): SeatLamps {
  if (profileId === null || settings === null) return startingLamps()
  return settings.lampGroups[profileId] ?? startingLamps()
}

/** The shown PBX's lamp groups (re-rendering only when they change). */
export function useSeatLamps(): SeatLamps {
  const profileId = useLiveStore((s) => s.profileId)
  return useAppStore((s) => lampsOf(profileId, s.settings))
}

/** Stores a new arrangement for the shown PBX; a refusal is said in a toast and nothing is lost on screen. */
export function saveSeatLamps(next: SeatLamps): void {
  const profileId = useLiveStore.getState().profileId
  const { settings, updateSettings } = useAppStore.getState()
  if (profileId === null || settings === null) return
  void updateSettings({ lampGroups: { ...settings.lampGroups, [profileId]: next } }).then((error) => {
    if (error !== null) useToastStore.getState().replace('lamp-groups', 'error', t('groups.notSaved', { reason: error.message }))
  })
}

/** Shows the next (+1) or previous (-1) lamp group, All included (the `]` and `[` keys). */
export function stepLampGroup(delta: -1 | 1): void {
  const profileId = useLiveStore.getState().profileId
  const lamps = lampsOf(profileId, useAppStore.getState().settings)
  saveSeatLamps(stepGroup(lamps, delta))
}
