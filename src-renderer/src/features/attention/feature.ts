import '../../styles/compact.css'
import type { AddOn } from '../feature'
import { AttentionHost } from './AttentionHost'
import { AttentionSettings } from './AttentionSettings'
import { tr } from '../../i18n'
import { strings } from './strings'

const t = tr(strings)

/**
 * Getting attention and click-to-dial: no screen of its own. Its host runs beside the views for the
 * app's life (notifications, sound, tray status, the dial confirmation); its settings are a section
 * of the Settings screen. The window's compact layout (styles/compact.css: a narrow window beside
 * other work) comes with it.
 */
export const attentionAddOn: AddOn = {
  id: 'attention',
  get label() {
    return t('addOn')
  },
  Host: AttentionHost,
  SettingsSection: AttentionSettings,
}
