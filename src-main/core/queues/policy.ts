import type { PolicyTable } from '../guard'

/**
 * Queue actions are for supervisors. Pause and unpause run today; adding and removing members,
 * penalties and listening in are declared for the supervisor tools to come.
 */
export const QUEUE_POLICIES = {
  'queue.pause': { minRole: 'supervisor', write: true },
  'queue.unpause': { minRole: 'supervisor', write: true },
  'queue.add': { minRole: 'supervisor', write: true },
  'queue.remove': { minRole: 'supervisor', write: true },
  'queue.penalty': { minRole: 'supervisor', write: true },
  'queue.spy': { minRole: 'supervisor', write: true },
} as const satisfies PolicyTable
