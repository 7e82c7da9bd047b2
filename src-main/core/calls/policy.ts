import type { PolicyTable } from '../guard'

/** The call actions every seat may run (none on a read-only profile). */
export const CALL_POLICIES = {
  'call.hangup': { minRole: 'receptionist', write: true },
  'call.transfer.blind': { minRole: 'receptionist', write: true },
  'call.transfer.attended': { minRole: 'receptionist', write: true },
  'call.transfer.complete': { minRole: 'receptionist', write: true },
  'call.transfer.cancel': { minRole: 'receptionist', write: true },
  'call.transfer.voicemail': { minRole: 'receptionist', write: true },
  'call.park': { minRole: 'receptionist', write: true },
  'call.pickup': { minRole: 'receptionist', write: true },
  'call.originate': { minRole: 'receptionist', write: true },
} as const satisfies PolicyTable

export type CallAction = keyof typeof CALL_POLICIES
