import { describe, expect, it } from 'vitest'
import { DialBudgets, dialRateOf, type DialSeat } from '../../../src-main/core/guard'
import { DEFAULT_DIAL_LIMITS } from '../../../src-main/core/profiles'

function seat(id: string, ownExtension: string, burst = 3, perMinute = 6): DialSeat {
  return { id, operator: { ownExtension }, dialLimits: { burst, perMinute } }
}

describe('DialBudgets', () => {
  it('keeps one budget per profile and operator extension: a burst, then perMinute', () => {
    let t = 0
    const budgets = new DialBudgets({ now: () => t })
    const desk = seat('office', '100')
    expect([1, 2, 3].map(() => budgets.take(desk).ok)).toEqual([true, true, true])
    expect(budgets.take(desk)).toMatchObject({ ok: false, rule: 'rate_limit', retryAfterMs: 10_000, retryAt: new Date(10_000).toISOString() })
    // Another operator, or the same extension on another PBX, has a budget of its own.
    expect(budgets.take(seat('office', '101')).ok).toBe(true)
    expect(budgets.take(seat('branch', '100')).ok).toBe(true)
    t = 10_000
    expect(budgets.take(desk).ok).toBe(true)
    expect(budgets.take(desk).ok).toBe(false)
  })

  it('says when the next call is possible, in words and as data', () => {
    const t = Date.UTC(2026, 0, 5, 9, 30, 0)
    const budgets = new DialBudgets({ now: () => t })
    const desk = seat('office', '100', 1, 2)
    budgets.take(desk)
    const refused = budgets.take(desk)
    if (refused.ok) throw new Error('expected a refusal')
    const at = new Date(t + 30_000)
    const clock = [at.getHours(), at.getMinutes(), at.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':')
    expect(refused.retryAfterMs).toBe(30_000)
    expect(refused.retryAt).toBe(at.toISOString())
    expect(refused.reason).toBe(
      `Too many calls placed or transferred from extension 100 (1 at once, then 2 a minute): the next one is possible in 30 s, at ${clock}`,
    )
  })

  it('a change of the profile’s limits applies to what the seat already used (no fresh burst)', () => {
    const t = 0
    const budgets = new DialBudgets({ now: () => t })
    for (let i = 0; i < 3; i++) budgets.take(seat('office', '100', 3))
    expect(budgets.take(seat('office', '100', 50)).ok).toBe(false)
    expect(budgets.take(seat('office', '100', 1)).ok).toBe(false)
  })

  it('the default lets a front desk transfer 20 calls in a burst and keep going at 30 a minute', () => {
    let t = 0
    const budgets = new DialBudgets({ now: () => t })
    const desk: DialSeat = { id: 'office', operator: { ownExtension: '100' }, dialLimits: { ...DEFAULT_DIAL_LIMITS } }
    for (let i = 0; i < 20; i++) expect(budgets.take(desk).ok).toBe(true)
    expect(budgets.take(desk).ok).toBe(false)
    // One every 2 s from then on: 30 more in the next minute.
    let passed = 0
    for (let i = 0; i < 60; i++) {
      t += 1000
      if (budgets.take(desk).ok) passed++
    }
    expect(passed).toBe(30)
    expect(dialRateOf(DEFAULT_DIAL_LIMITS)).toEqual({ capacity: 20, refillPerSecond: 0.5 })
  })

  it('stays bounded, forgetting only seats whose budget is full again', () => {
    let t = 0
    const budgets = new DialBudgets({ now: () => t, maxSeats: 2 })
    const busy = seat('office', '100', 1, 1)
    budgets.take(busy)
    budgets.take(seat('office', '101', 1, 1))
    t = 1000
    budgets.take(seat('office', '102', 1, 1))
    // The busy seat was not forgotten: it is still refused.
    expect(budgets.take(busy).ok).toBe(false)
  })
})
