import { describe, expect, it } from 'vitest'
import { ACTION_POLICY, authorize, type GuardedAction } from '../../../src-main/core/api/action-policies'
import { builtinDemoProfile, type Role } from '../../../src-main/core/profiles'

const seat = (role: Role, readOnly = false) => ({ role, readOnly })
const CALLS: GuardedAction[] = [
  'call.hangup',
  'call.transfer.blind',
  'call.transfer.attended',
  'call.transfer.voicemail',
  'call.park',
  'call.pickup',
  'call.originate',
]
const QUEUES: GuardedAction[] = ['queue.pause', 'queue.add', 'queue.remove', 'queue.penalty', 'queue.spy']
const CONFIG: GuardedAction[] = ['config.read', 'config.write', 'config.apply']

describe('authorize', () => {
  it('receptionists may handle calls but not queues or configuration', () => {
    for (const action of CALLS) expect(authorize(action, seat('receptionist'))).toEqual({ ok: true })
    for (const action of [...QUEUES, ...CONFIG]) expect(authorize(action, seat('receptionist'))).toMatchObject({ ok: false, rule: 'role' })
  })

  it('supervisors add queue actions; admins add configuration', () => {
    for (const action of [...CALLS, ...QUEUES]) expect(authorize(action, seat('supervisor')).ok).toBe(true)
    for (const action of CONFIG) expect(authorize(action, seat('supervisor'))).toMatchObject({ ok: false, rule: 'role' })
    for (const action of [...CALLS, ...QUEUES, ...CONFIG]) expect(authorize(action, seat('admin')).ok).toBe(true)
  })

  it('a read-only profile refuses every write, even for an admin, but still reads', () => {
    for (const [action, policy] of Object.entries(ACTION_POLICY)) {
      const result = authorize(action, seat('admin', true))
      if (policy.write) expect(result).toMatchObject({ ok: false, rule: 'read_only' })
      else expect(result).toEqual({ ok: true })
    }
  })

  it('accepts a whole profile and names the missing role', () => {
    const profile = builtinDemoProfile({ ami: 5038 })
    expect(authorize('call.hangup', profile)).toEqual({ ok: true })
    const refused = authorize('queue.pause', profile)
    expect(refused).toMatchObject({ ok: false, rule: 'role', reason: expect.stringMatching(/needs the supervisor role/) as unknown })
  })

  it('refuses unknown actions, including prototype keys', () => {
    expect(authorize('system.shutdown', seat('admin'))).toMatchObject({ ok: false, rule: 'unknown_action' })
    expect(authorize('__proto__', seat('admin'))).toMatchObject({ ok: false, rule: 'unknown_action' })
    expect(authorize('toString', seat('admin'))).toMatchObject({ ok: false, rule: 'unknown_action' })
  })
})
