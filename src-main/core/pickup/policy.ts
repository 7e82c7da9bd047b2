import type { PolicyTable } from '../guard'

/** Taking a call ringing elsewhere moves a call: every seat may, none on a read-only profile. */
export const PICKUP_POLICIES = {
  'call.pickup.directed': { minRole: 'receptionist', write: true },
} as const satisfies PolicyTable

export type PickupAction = keyof typeof PICKUP_POLICIES
