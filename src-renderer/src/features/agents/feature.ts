import { tr } from '../../i18n'
import type { Feature, Shortcut } from '../feature'
import { AgentsView } from './AgentsView'
import { strings } from './strings'

const t = tr(strings)

/** A key of the board; its words are read in the shown language when the help is drawn. */
const shortcut = (keys: string, does: Parameters<typeof t>[0]): Shortcut => ({
  keys,
  get does() {
    return t(does)
  },
})

/** The agent board: every agent's state and times, sortable, by queue; membership and listening in by keyboard (supervisors). */
export const agentsFeature: Feature = {
  id: 'agents',
  nav: {
    get label() {
      return t('nav')
    },
    altKey: '8',
  },
  View: AgentsView,
  shortcuts: [
    shortcut('↑ / ↓ / Home / End', 'key.select'),
    shortcut('Enter / P', 'key.manage'),
    shortcut('U', 'key.unpause'),
    shortcut('A', 'key.add'),
    shortcut('L / W / B', 'key.spy'),
    shortcut('E', 'key.end'),
    shortcut('Esc', 'key.clear'),
  ],
  // Read in the shown language at each use (the settled-action toasts name the action).
  actionWords: {
    get 'queue.add'() {
      return t('action.queueAdd')
    },
    get 'queue.remove'() {
      return t('action.queueRemove')
    },
    get 'queue.penalty'() {
      return t('action.queuePenalty')
    },
  },
}
