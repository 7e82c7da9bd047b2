import type { Role } from '../profiles/schema'

/**
 * Every operator action the main process can execute. Reads are listed too, so a caller never
 * has to guess whether something is a write.
 */
export const ACTION_POLICY = {
  // Calls: any seat.
  'call.hangup': { minRole: 'receptionist', write: true },
  'call.transfer.blind': { minRole: 'receptionist', write: true },
  'call.transfer.attended': { minRole: 'receptionist', write: true },
  'call.transfer.complete': { minRole: 'receptionist', write: true },
  'call.transfer.cancel': { minRole: 'receptionist', write: true },
  'call.transfer.voicemail': { minRole: 'receptionist', write: true },
  'call.park': { minRole: 'receptionist', write: true },
  'call.pickup': { minRole: 'receptionist', write: true },
  'call.originate': { minRole: 'receptionist', write: true },
  // Queues: supervisors.
  'queue.pause': { minRole: 'supervisor', write: true },
  'queue.unpause': { minRole: 'supervisor', write: true },
  'queue.add': { minRole: 'supervisor', write: true },
  'queue.remove': { minRole: 'supervisor', write: true },
  'queue.penalty': { minRole: 'supervisor', write: true },
  'queue.spy': { minRole: 'supervisor', write: true },
  // Configuration: admins.
  'config.read': { minRole: 'admin', write: false },
  'config.write': { minRole: 'admin', write: true },
  'config.apply': { minRole: 'admin', write: true },
  // Reads every seat needs.
  'live.read': { minRole: 'receptionist', write: false },
  'cdr.read': { minRole: 'receptionist', write: false },
  'audit.read': { minRole: 'receptionist', write: false },
} as const satisfies Record<string, { minRole: Role; write: boolean }>

export type GuardedAction = keyof typeof ACTION_POLICY

const ROLE_RANK: Readonly<Record<Role, number>> = { receptionist: 0, supervisor: 1, admin: 2 }

export interface OperatorSeat {
  role: Role
  readOnly: boolean
}

export type Authorization =
  | { ok: true }
  | { ok: false; rule: 'read_only' | 'role' | 'unknown_action'; reason: string }

export function isGuardedAction(action: string): action is GuardedAction {
  return Object.hasOwn(ACTION_POLICY, action)
}

/**
 * Whether this seat may run the action. Accepts a whole profile or just its operator section.
 * A read-only profile refuses every write whatever its role; an unknown action is refused.
 */
export function authorize(action: string, subject: OperatorSeat | { operator: OperatorSeat }): Authorization {
  const seat = 'operator' in subject ? subject.operator : subject
  if (!isGuardedAction(action)) return { ok: false, rule: 'unknown_action', reason: `"${action}" is not a known action` }
  const policy = ACTION_POLICY[action]
  if (policy.write && seat.readOnly) {
    return { ok: false, rule: 'read_only', reason: 'this profile is read-only: no action may change anything on the PBX' }
  }
  if (ROLE_RANK[seat.role] < ROLE_RANK[policy.minRole]) {
    return { ok: false, rule: 'role', reason: `${action} needs the ${policy.minRole} role; this seat is ${seat.role}` }
  }
  return { ok: true }
}
