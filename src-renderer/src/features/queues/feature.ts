import { tr } from '../../i18n'
import type { Feature } from '../feature'
import { QueuesView } from './QueuesView'
import { strings } from './strings'

const t = tr(strings)

/** Queues and agents: who waits, who is available, pausing members (supervisors). */
export const queuesFeature: Feature = {
  id: 'queues',
  nav: {
    get label() {
      return t('nav')
    },
    altKey: '2',
  },
  View: QueuesView,
  // Read in the shown language at each use (the settled-action toasts name the action).
  actionWords: {
    get 'queue.pause'() {
      return t('action.pause')
    },
    get 'queue.unpause'() {
      return t('action.unpause')
    },
  },
}
