import type { PolicyTable } from '../guard'

/**
 * Reports are supervisors' and admins' (receptionists are refused, and every refusal is audited).
 * None of them changes anything on the PBX, so a read-only supervisor seat may read, export and
 * import: read-only means "no action on the PBX" throughout the console (history and queue
 * preferences likewise); the import only adds to the console's own store.
 */
export const REPORT_POLICIES = {
  'report.read': { minRole: 'supervisor', write: false },
  'report.export': { minRole: 'supervisor', write: false },
  'report.import': { minRole: 'supervisor', write: false },
} as const satisfies PolicyTable

export type ReportAction = keyof typeof REPORT_POLICIES
