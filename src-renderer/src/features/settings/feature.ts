import { tr } from '../../i18n'
import type { Feature } from '../feature'
import { SettingsView } from './SettingsView'
import { strings } from './strings'

const t = tr(strings)

/** The operator's preferences: theme, hold alert, history retention. */
export const settingsFeature: Feature = {
  id: 'settings',
  nav: {
    get label() {
      return t('nav')
    },
    altKey: '6',
  },
  View: SettingsView,
}
