import { tr } from '../../i18n'
import type { Feature, Shortcut } from '../feature'
import { PRESETS } from './report-range'
import { ReportsView } from './ReportsView'
import { strings } from './strings'

const t = tr(strings)

/** A key of the screen; its words are read in the shown language when the help is drawn. */
const shortcut = (keys: string, does: Parameters<typeof t>[0]): Shortcut => ({
  keys,
  get does() {
    return t(does)
  },
})

/**
 * Queue and agent reports (supervisors and admins). Every digit is taken or reserved (7–9 and 0),
 * so it opens with Alt+Q (Q for queues),
 * matched on the physical key like the digits (src-preload/types/views.ts).
 */
export const reportsFeature: Feature = {
  id: 'reports',
  nav: {
    get label() {
      return t('nav')
    },
    altKey: 'Q',
  },
  View: ReportsView,
  shortcuts: [
    ...PRESETS.map((p) => shortcut(p.key.toUpperCase(), `key.${p.id}`)),
    shortcut('X', 'key.export'),
    shortcut('I', 'key.import'),
    shortcut('U', 'key.update'),
  ],
}
