import type { Feature } from '../feature'
import { PRESETS } from './report-range'
import { ReportsView } from './ReportsView'

/**
 * Queue and agent reports (supervisors and admins). Every digit is taken or reserved (7–9 and 0),
 * so it opens with Alt+Q (Q for queues),
 * matched on the physical key like the digits (src-preload/types/views.ts).
 */
export const reportsFeature: Feature = {
  id: 'reports',
  nav: { label: 'Reports', altKey: 'Q' },
  View: ReportsView,
  shortcuts: [
    ...PRESETS.map((p) => ({
      keys: p.key.toUpperCase(),
      does: p.id === 'thisMonth' ? 'Range: this calendar month' : `Range: ${p.label.toLowerCase()}`,
    })),
    { keys: 'X', does: 'Export the report as CSV' },
    { keys: 'I', does: 'Import a copy of the PBX’s queue_log' },
    { keys: 'U', does: 'Update: read the report again' },
  ],
}
