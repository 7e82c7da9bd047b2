import { describe, expect, it } from 'vitest'
import { type BreakerState, CircuitBreaker } from '../../../src-main/core/connection/circuit-breaker'

function make(): { b: CircuitBreaker; clock: { t: number }; moves: BreakerState[] } {
  const clock = { t: 0 }
  const b = new CircuitBreaker({ failureThreshold: 3, windowMs: 1000, coolDownMs: 500, now: () => clock.t })
  const moves: BreakerState[] = []
  b.on('state', (s) => moves.push(s))
  return { b, clock, moves }
}

describe('CircuitBreaker', () => {
  it('opens after N failures inside the window, not when they are spread out', () => {
    const { b, clock } = make()
    b.recordFailure()
    clock.t = 600
    b.recordFailure()
    clock.t = 1200 // the first failure left the window
    b.recordFailure()
    expect(b.state).toBe('closed')
    b.recordFailure()
    expect(b.state).toBe('open')
    expect(b.tryAcquire()).toBe(false)
  })

  it('half-opens after the cool-down and lets exactly one probe through', () => {
    const { b, clock, moves } = make()
    for (let i = 0; i < 3; i++) b.recordFailure()
    expect(b.retryAt).toBe(500)
    clock.t = 499
    expect(b.state).toBe('open')
    clock.t = 500
    expect(b.tryAcquire()).toBe(true)
    expect(b.state).toBe('half_open')
    expect(b.tryAcquire()).toBe(false)
    b.recordSuccess()
    expect(b.state).toBe('closed')
    expect(b.tryAcquire()).toBe(true)
    expect(moves).toEqual(['open', 'half_open', 'closed'])
  })

  it('a failed probe reopens for a full cool-down; release() returns an unused probe', () => {
    const { b, clock } = make()
    for (let i = 0; i < 3; i++) b.recordFailure()
    clock.t = 500
    expect(b.tryAcquire()).toBe(true)
    b.recordFailure()
    expect(b.state).toBe('open')
    clock.t = 999
    expect(b.state).toBe('open')
    clock.t = 1000
    expect(b.tryAcquire()).toBe(true)
    b.release()
    expect(b.tryAcquire()).toBe(true)
  })

  it('failures while open do not extend the cool-down', () => {
    const { b, clock } = make()
    for (let i = 0; i < 3; i++) b.recordFailure()
    clock.t = 400
    b.recordFailure()
    clock.t = 500
    expect(b.state).toBe('half_open')
  })
})
