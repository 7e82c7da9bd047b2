import { describe, expect, it } from 'vitest'
import { niceCeiling, rangeText, xTicks, yTicks } from '../../../src-renderer/src/features/history/chart-axes'
import { splitQueueSearch } from '../../../src-renderer/src/stores/history-store'

const DAY = 86_400_000
const local = (y: number, m: number, d: number, h = 0): number => new Date(y, m - 1, d, h).getTime()

describe('the History chart shows its range and its axes (issue 18 item 7)', () => {
  it('counts up the side in round steps', () => {
    expect([0, 1, 3, 7, 12, 40, 99, 101].map(niceCeiling)).toEqual([1, 1, 5, 10, 20, 50, 100, 200])
    expect(yTicks(0)).toEqual([0, 1])
    expect(yTicks(7)).toEqual([0, 5, 10])
    expect(yTicks(3)).toEqual([0, 5])
  })

  it('days along the bottom for a week, at most 8 labels for a month; every 6 hours for a day, midnight as its date', () => {
    const week = xTicks(local(2026, 11, 30), local(2026, 12, 7), 'day')
    expect(week).toHaveLength(7)
    expect(week[0]?.at).toBe(0)
    expect(week.map((t) => Math.round(t.at))).toEqual([0, 14, 29, 43, 57, 71, 86])
    expect(xTicks(local(2026, 11, 1), local(2026, 12, 1), 'day').length).toBeLessThanOrEqual(8)
    const day = xTicks(local(2026, 12, 6), local(2026, 12, 7), 'hour')
    expect(day.map((t) => t.at)).toEqual([0, 25, 50, 75])
    expect(day[0]?.label).toBe(new Date(local(2026, 12, 6)).toLocaleDateString(undefined, { day: 'numeric', month: 'short' }))
  })

  it('says the filter’s range, not the first and last bar’s', () => {
    const one = rangeText(local(2026, 12, 6), local(2026, 12, 6) + DAY)
    expect(one).toBe(new Date(local(2026, 12, 6)).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' }))
    const week = rangeText(local(2026, 11, 30), local(2026, 12, 7))
    expect(week).toContain('–')
    expect(week.endsWith(new Date(local(2026, 12, 6)).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' }))).toBe(true)
  })
})

describe('the History search matches the queue name shown', () => {
  const queues = ['support', 'sales', 'billing']
  it('a queue’s name (or the start of only one) becomes the queue filter, the other words stay a search', () => {
    expect(splitQueueSearch('support', queues)).toEqual({ queue: 'support', search: '' })
    expect(splitQueueSearch('Anna SUPPORT', queues)).toEqual({ queue: 'support', search: 'Anna' })
    expect(splitQueueSearch('bil', queues)).toEqual({ queue: 'billing', search: '' })
  })
  it('a word that could be two queues, a short one, or none stays a search', () => {
    expect(splitQueueSearch('s', queues)).toEqual({ search: 's' })
    expect(splitQueueSearch('sa', queues)).toEqual({ search: 'sa' })
    expect(splitQueueSearch('Anna Berg', queues)).toEqual({ search: 'Anna Berg' })
    expect(splitQueueSearch('  0301234  ', [])).toEqual({ search: '0301234' })
  })
})
