import { describe, expect, it } from 'vitest'
import { importParts } from '../../../src-renderer/src/features/reports/import-parts'
import { bucketFor, customRange, dayOf, presetRange, seconds, startOfDay } from '../../../src-renderer/src/features/reports/report-range'

const BERLIN = 'Europe/Berlin'

describe('report ranges in the PBX’s calendar', () => {
  // 00:30 on 2 Dec in Berlin is still 1 Dec in UTC: "today" is the PBX's day.
  const now = Date.UTC(2026, 11, 1, 23, 30)

  it('presets are whole local days of the PBX’s zone, the end exclusive', () => {
    expect(dayOf(now, BERLIN)).toBe('2026-12-02')
    expect(presetRange('today', now, BERLIN)).toEqual({ from: Date.UTC(2026, 11, 1, 23), to: Date.UTC(2026, 11, 2, 23) })
    expect(presetRange('yesterday', now, BERLIN)).toEqual({ from: Date.UTC(2026, 10, 30, 23), to: Date.UTC(2026, 11, 1, 23) })
    expect(presetRange('last7', now, BERLIN)).toEqual({ from: Date.UTC(2026, 10, 25, 23), to: Date.UTC(2026, 11, 2, 23) })
    expect(presetRange('thisMonth', now, BERLIN)).toEqual({ from: Date.UTC(2026, 10, 30, 23), to: Date.UTC(2026, 11, 2, 23) })
    expect(presetRange('today', now, 'UTC')).toEqual({ from: Date.UTC(2026, 11, 1), to: Date.UTC(2026, 11, 2) })
  })

  it('a day across a DST change is 23 or 25 hours long', () => {
    expect(startOfDay('2026-03-30', BERLIN) - startOfDay('2026-03-29', BERLIN)).toBe(23 * 3_600_000)
    expect(startOfDay('2026-10-26', BERLIN) - startOfDay('2026-10-25', BERLIN)).toBe(25 * 3_600_000)
  })

  it('a custom range includes both days; a reversed, empty or too long one says why', () => {
    expect(customRange('2026-12-01', '2026-12-01', 'UTC')).toEqual({ from: Date.UTC(2026, 11, 1), to: Date.UTC(2026, 11, 2) })
    expect(customRange('2026-12-05', '2026-12-01', 'UTC')).toEqual({ error: 'The last day is before the first.' })
    expect(customRange('', '2026-12-01', 'UTC')).toEqual({ error: 'Pick both days.' })
    expect(customRange('2024-01-01', '2026-12-01', 'UTC')).toEqual({ error: 'A report covers at most a year.' })
  })

  it('hours for a day or two, days beyond; seconds as a supervisor reads them', () => {
    expect(bucketFor({ from: 0, to: 86_400_000 })).toBe('hour')
    expect(bucketFor({ from: 0, to: 7 * 86_400_000 })).toBe('day')
    expect([seconds(null), seconds(42), seconds(185), seconds(3720)]).toEqual(['—', '42 s', '3:05', '1:02:00'])
  })
})

describe('a queue_log sent in parts', () => {
  it('cuts at line ends, keeps every character, and never loops on a line longer than a part', () => {
    const text = 'aaaa\nbbbb\ncccc\n'
    expect(importParts(text, 11)).toEqual(['aaaa\nbbbb\n', 'cccc\n'])
    expect(importParts(text, 100)).toEqual([text])
    const long = `${'x'.repeat(25)}\nshort\n`
    const parts = importParts(long, 10)
    expect(parts.join('')).toBe(long)
    expect(parts.every((p) => p.length <= 10)).toBe(true)
    expect(importParts('', 10)).toEqual([])
  })
})
