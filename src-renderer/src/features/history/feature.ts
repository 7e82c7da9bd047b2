import type { Feature } from '../feature'
import { HistoryView } from './HistoryView'

/** The local call history: filters, chart, call back, CSV export; works with the PBX unreachable. */
export const historyFeature: Feature = {
  id: 'history',
  nav: { label: 'History', altKey: '3' },
  View: HistoryView,
}
