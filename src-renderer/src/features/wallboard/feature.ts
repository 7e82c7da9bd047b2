import { tr } from '../../i18n'
import type { Feature, Shortcut } from '../feature'
import { strings } from './strings'
import { WallboardView } from './WallboardView'

const t = tr(strings)

/** A key of the board; its words are read in the shown language when the help is drawn. */
const shortcut = (keys: string, does: Parameters<typeof t>[0]): Shortcut => ({
  keys,
  get does() {
    return t(does)
  },
})

/** The wallboard: the chosen queues in large figures, thresholds that turn a tile red and sound. */
export const wallboardFeature: Feature = {
  id: 'wallboard',
  nav: {
    get label() {
      return t('nav')
    },
    altKey: '9',
  },
  View: WallboardView,
  shortcuts: [
    shortcut('S', 'key.settings'),
    shortcut('Q', 'key.sound'),
    shortcut('T', 'key.theme'),
    shortcut('F', 'key.fullScreen'),
    shortcut('← / →', 'key.page'),
  ],
}
