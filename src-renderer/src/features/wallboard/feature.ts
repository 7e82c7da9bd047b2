import type { Feature } from '../feature'
import { WallboardView } from './WallboardView'

/** The wallboard: the chosen queues in large figures, thresholds that turn a tile red and sound. */
export const wallboardFeature: Feature = {
  id: 'wallboard',
  nav: { label: 'Wallboard', altKey: '9' },
  View: WallboardView,
  shortcuts: [
    { keys: 'S', does: 'Settings: queues shown, thresholds, theme, sound, page time' },
    { keys: 'Q', does: 'Sound on or off (quiet)' },
    { keys: 'T', does: 'Dark or light' },
    { keys: 'F', does: 'Full screen' },
    { keys: '← / →', does: 'Previous or next page' },
  ],
}
