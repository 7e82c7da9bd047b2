import { createContext, useContext, type ComponentType } from 'react'

/** A section another feature adds to the Settings screen (attention: notifications, sound, window). */
export interface SettingsSection {
  readonly id: string
  readonly Section: ComponentType
}

/**
 * Provided by the app shell from the feature list, so the Settings screen shows what other
 * features add without importing them.
 */
export const SettingsSectionsContext = createContext<readonly SettingsSection[]>([])

export function useSettingsSections(): readonly SettingsSection[] {
  return useContext(SettingsSectionsContext)
}
