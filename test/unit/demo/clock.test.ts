import { describe, expect, it } from 'vitest'
import { Scheduler } from '../../../src-main/core/demo/clock'

describe('demo scheduler', () => {
  it('runs tasks in due order, same-instant tasks in insertion order, none before it is due', () => {
    const s = new Scheduler({ startMs: 0, mode: 'manual' })
    const order: string[] = []
    s.schedule(20, () => order.push('c'))
    s.schedule(10, () => order.push('a'))
    s.schedule(10, () => order.push('b'))
    s.advance(15)
    expect(order).toEqual(['a', 'b'])
    s.advance(10)
    expect(order).toEqual(['a', 'b', 'c'])
    expect(s.now()).toBe(25)
  })

  it('drops cancelled far-future tasks instead of holding them until due (load mode memory)', () => {
    const s = new Scheduler({ startMs: 0, mode: 'manual' })
    const ran: number[] = []
    const keep = s.schedule(3_600_000, () => ran.push(-1))
    const tasks = Array.from({ length: 20_000 }, (_, i) => s.schedule(3_600_000 + i, () => ran.push(i)))
    for (const t of tasks) t.cancel()
    expect(s.queued).toBeLessThan(10_000)
    expect(s.pending()).toBe(1)
    s.advance(7_200_000)
    expect(ran).toEqual([-1])
    keep.cancel()
    expect(s.queued).toBe(0)
  })

  it('a cancel() after the task ran changes nothing', () => {
    const s = new Scheduler({ startMs: 0, mode: 'manual' })
    let runs = 0
    const t = s.schedule(1, () => runs++)
    s.advance(5)
    t.cancel()
    const again = s.schedule(1, () => runs++)
    s.advance(5)
    again.cancel()
    expect(runs).toBe(2)
  })
})
