import type { Role } from '../profiles/schema'
import { say } from '../i18n'
import { strings } from './strings'

const t = say(strings)

/**
 * Who may run one guarded action. Each slice declares the actions it runs (calls/policy.ts,
 * queues/policy.ts …) and authorises against its own table; reads are listed too, so a caller
 * never has to guess whether something is a write.
 */
export interface ActionPolicy {
  readonly minRole: Role
  readonly write: boolean
}

export type PolicyTable = Readonly<Record<string, ActionPolicy>>

const ROLE_RANK: Readonly<Record<Role, number>> = { receptionist: 0, supervisor: 1, admin: 2 }

export interface OperatorSeat {
  role: Role
  readOnly: boolean
}

export type Authorization = { ok: true } | { ok: false; rule: 'read_only' | 'role' | 'unknown_action'; reason: string }

/**
 * Whether this seat may run the action, by the policies given. Accepts a whole profile or just its
 * operator section. A read-only profile refuses every write whatever its role; an action the
 * table does not list (prototype keys included) is refused.
 */
export function authorizeIn(policies: PolicyTable, action: string, subject: OperatorSeat | { operator: OperatorSeat }): Authorization {
  const seat = 'operator' in subject ? subject.operator : subject
  const policy = Object.hasOwn(policies, action) ? policies[action] : undefined
  if (policy === undefined) return { ok: false, rule: 'unknown_action', reason: t('unknownAction', { action }) }
  if (policy.write && seat.readOnly) {
    return { ok: false, rule: 'read_only', reason: t('readOnly') }
  }
  if (ROLE_RANK[seat.role] < ROLE_RANK[policy.minRole]) {
    return { ok: false, rule: 'role', reason: t('role', { action, needs: t(`roleName.${policy.minRole}`), role: t(`roleName.${seat.role}`) }) }
  }
  return { ok: true }
}
