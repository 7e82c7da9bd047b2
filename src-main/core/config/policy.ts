import type { PolicyTable } from '../guard'

/**
 * Configuration is for admins: reading it (it names every extension, route and mailbox), writing
 * it and applying it. A read-only profile refuses every write and Apply whatever its role.
 */
export const CONFIG_POLICIES = {
  'config.read': { minRole: 'admin', write: false },
  'config.write': { minRole: 'admin', write: true },
  'config.apply': { minRole: 'admin', write: true },
} as const satisfies PolicyTable

export type ConfigAction = keyof typeof CONFIG_POLICIES
