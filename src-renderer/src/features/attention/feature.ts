import '../../styles/compact.css'
import type { AddOn } from '../feature'
import { AttentionHost } from './AttentionHost'
import { AttentionSettings } from './AttentionSettings'

/**
 * Getting attention and click-to-dial: no screen of its own. Its host runs beside the views for the
 * app's life (notifications, sound, tray status, the dial confirmation); its settings are a section
 * of the Settings screen. The window's compact layout (styles/compact.css: a narrow window beside
 * other work) comes with it.
 */
export const attentionAddOn: AddOn = {
  id: 'attention',
  label: 'Attention',
  Host: AttentionHost,
  SettingsSection: AttentionSettings,
}
