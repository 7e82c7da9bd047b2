import { tr } from '../../i18n'
import type { Feature } from '../feature'
import { HistoryView } from './HistoryView'
import { strings } from './strings'

const t = tr(strings)

/** The local call history: filters, chart, call back, CSV export; works with the PBX unreachable. */
export const historyFeature: Feature = {
  id: 'history',
  nav: {
    get label() {
      return t('nav')
    },
    altKey: '3',
  },
  View: HistoryView,
}
