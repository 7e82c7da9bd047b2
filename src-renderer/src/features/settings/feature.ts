import type { Feature } from '../feature'
import { SettingsView } from './SettingsView'

/** The operator's preferences: theme, hold alert, history retention. */
export const settingsFeature: Feature = {
  id: 'settings',
  nav: { label: 'Settings', altKey: '6' },
  View: SettingsView,
}
