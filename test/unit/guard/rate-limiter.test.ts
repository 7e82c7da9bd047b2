import { describe, expect, it } from 'vitest'
import { RateLimiter } from '../../../src-main/core/guard'

function clock(start = 1_000_000) {
  let now = start
  return { now: () => now, advance: (ms: number) => (now += ms), set: (ms: number) => (now = ms) }
}

describe('RateLimiter', () => {
  it('allows a burst up to capacity, then refuses with a retry time', () => {
    const c = clock()
    const limiter = new RateLimiter({ capacity: 3, refillPerSecond: 1, now: c.now })
    expect([1, 2, 3].map(() => limiter.take('demo:1001').ok)).toEqual([true, true, true])
    const refused = limiter.take('demo:1001')
    expect(refused).toMatchObject({ ok: false, rule: 'rate_limit', retryAfterMs: 1000 })
    c.advance(999)
    expect(limiter.take('demo:1001').ok).toBe(false)
    c.advance(1)
    expect(limiter.take('demo:1001').ok).toBe(true)
  })

  it('keeps operators separate', () => {
    const limiter = new RateLimiter({ capacity: 1, refillPerSecond: 0.1, now: clock().now })
    expect(limiter.take('demo:1001').ok).toBe(true)
    expect(limiter.take('demo:1001').ok).toBe(false)
    expect(limiter.take('demo:1002').ok).toBe(true)
    expect(limiter.take('other:1001').ok).toBe(true)
  })

  it('a burst of 5 then 10 a minute lets 6 of 100 requests in 10 s through', () => {
    const c = clock()
    const limiter = new RateLimiter({ capacity: 5, refillPerSecond: 1 / 6, now: c.now })
    let passed = 0
    for (let i = 0; i < 100; i++) {
      if (limiter.take('seat').ok) passed++
      c.advance(100)
    }
    expect(passed).toBe(6)
  })

  it('a new policy applies to what was already used: no fresh burst, a lower burst at once', () => {
    const c = clock()
    const limiter = new RateLimiter({ capacity: 4, refillPerSecond: 1, now: c.now })
    expect([1, 2, 3].map(() => limiter.take('k').ok)).toEqual([true, true, true])
    limiter.reconfigure({ capacity: 10, refillPerSecond: 1 })
    expect([limiter.take('k').ok, limiter.take('k').ok]).toEqual([true, false])
    c.advance(10_000)
    limiter.reconfigure({ capacity: 2, refillPerSecond: 1 })
    expect([limiter.take('k').ok, limiter.take('k').ok, limiter.take('k').ok]).toEqual([true, true, false])
    expect(limiter.isIdle('k')).toBe(false)
    c.advance(2_000)
    expect(limiter.isIdle('k')).toBe(true)
  })

  it('never refills beyond capacity and ignores a clock stepping backwards', () => {
    const c = clock()
    const limiter = new RateLimiter({ capacity: 2, refillPerSecond: 1, now: c.now })
    c.advance(60_000)
    expect([limiter.take('k').ok, limiter.take('k').ok, limiter.take('k').ok]).toEqual([true, true, false])
    c.set(0)
    expect(limiter.take('k').ok).toBe(false)
  })

  it('stays bounded under a flood of keys without forgetting a throttled seat first', () => {
    const c = clock()
    const limiter = new RateLimiter({ capacity: 1, refillPerSecond: 0.001, now: c.now, maxKeys: 100 })
    expect(limiter.take('busy').ok).toBe(true)
    c.advance(10)
    for (let i = 0; i < 99; i++) limiter.take(`k${String(i)}`)
    // The map is full of throttled keys; evicting drops the oldest (the busy seat) only then.
    expect(limiter.take('busy').ok).toBe(false)
    for (let i = 0; i < 1000; i++) limiter.take(`flood${String(i)}`)
    expect(limiter.trackedKeys).toBeLessThanOrEqual(100)
  })

  it('rejects nonsense settings', () => {
    expect(() => new RateLimiter({ capacity: 0, refillPerSecond: 1 })).toThrow(RangeError)
    expect(() => new RateLimiter({ capacity: 1, refillPerSecond: 0 })).toThrow(RangeError)
  })
})
