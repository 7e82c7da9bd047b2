import type { PolicyTable } from '../guard'

/**
 * Listening in on and recording calls are a supervisor's: supervisors and admins may, receptionists
 * may not, and nobody on a read-only profile (each changes what happens on a live call).
 */
export const SUPERVISION_POLICIES = {
  'call.spy': { minRole: 'supervisor', write: true },
  'call.spy.mode': { minRole: 'supervisor', write: true },
  'call.spy.stop': { minRole: 'supervisor', write: true },
  'call.record.start': { minRole: 'supervisor', write: true },
  'call.record.stop': { minRole: 'supervisor', write: true },
  'call.record.mute': { minRole: 'supervisor', write: true },
  'call.record.unmute': { minRole: 'supervisor', write: true },
} as const satisfies PolicyTable

export type SupervisionAction = keyof typeof SUPERVISION_POLICIES
