import type { PolicyTable } from '../guard'

/**
 * Queue actions are for supervisors (and admins): membership changes the PBX (writes, so a
 * read-only profile refuses them). Saving the queue preferences (pause reasons, the wallboard's
 * thresholds) changes only this console, so a read-only supervisor seat may tune its wallboard.
 */
export const QUEUE_POLICIES = {
  'queue.pause': { minRole: 'supervisor', write: true },
  'queue.unpause': { minRole: 'supervisor', write: true },
  'queue.add': { minRole: 'supervisor', write: true },
  'queue.remove': { minRole: 'supervisor', write: true },
  'queue.penalty': { minRole: 'supervisor', write: true },
  'queue.spy': { minRole: 'supervisor', write: true },
  'queue.prefs': { minRole: 'supervisor', write: false },
} as const satisfies PolicyTable
