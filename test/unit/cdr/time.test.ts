import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { formatLocal, localToUtcMs, toUtcMs } from '../../../src-main/core/cdr/time'

describe('PBX local time → UTC', () => {
  it('converts in UTC and in a zone with an offset', () => {
    expect(localToUtcMs('2026-11-24 20:33:03', 'UTC')).toBe(Date.UTC(2026, 10, 24, 20, 33, 3))
    expect(localToUtcMs('2026-11-24 21:33:03', 'Europe/Berlin')).toBe(Date.UTC(2026, 10, 24, 20, 33, 3))
    expect(localToUtcMs('2026-07-01 12:00:00', 'America/New_York')).toBe(Date.UTC(2026, 6, 1, 16, 0, 0))
    expect(localToUtcMs('2026-07-01 12:00:00', 'Asia/Kolkata')).toBe(Date.UTC(2026, 6, 1, 6, 30, 0))
  })

  it('takes the earlier instant in a DST fold and moves forward in a gap', () => {
    // Berlin 2026-10-25: 03:00 CEST → 02:00 CET, so 02:30 happens twice.
    expect(localToUtcMs('2026-10-25 02:30:00', 'Europe/Berlin')).toBe(Date.UTC(2026, 9, 25, 0, 30, 0))
    // Berlin 2026-03-29: 02:00 CET → 03:00 CEST, so 02:30 never happens.
    expect(localToUtcMs('2026-03-29 02:30:00', 'Europe/Berlin')).toBe(Date.UTC(2026, 2, 29, 1, 30, 0))
  })

  it('rejects malformed times and unknown zones', () => {
    expect(() => localToUtcMs('2026-02-31 10:00:00', 'UTC')).toThrow(RangeError)
    expect(() => localToUtcMs('yesterday', 'UTC')).toThrow(RangeError)
    expect(() => localToUtcMs('2026-01-01 10:00:00', 'Mars/Olympus')).toThrow(RangeError)
  })

  it('accepts epoch milliseconds, truncated to the second like Asterisk CDR times', () => {
    expect(toUtcMs(1_795_552_383_999, 'UTC')).toBe(1_795_552_383_000)
  })

  it('formatLocal inverts localToUtcMs outside DST folds (property)', () => {
    const zones = ['UTC', 'Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu']
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2_000_000_000 }), fc.constantFrom(...zones), (sec, zone) => {
        const ms = sec * 1000
        const local = formatLocal(ms, zone)
        const back = localToUtcMs(local, zone)
        // In a fold the earlier instant is chosen; it shows the same wall time.
        expect(formatLocal(back, zone)).toBe(local)
        expect(back <= ms).toBe(true)
      }),
      { seed: 8, numRuns: 2000 },
    )
  })

  it('gives each time the same instant whatever was converted before it (the per-quarter-hour and date memos)', () => {
    const zones = ['UTC', 'Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe']
    // Times around Berlin's and New York's 2026 transitions and Lord Howe's half-hour one, plus
    // arbitrary ones, so that neighbouring conversions share a date or a quarter-hour or not.
    const near = fc.constantFrom(Date.UTC(2026, 2, 29, 1, 0), Date.UTC(2026, 9, 25, 0, 45), Date.UTC(2026, 2, 8, 7, 0), Date.UTC(2026, 3, 4, 15, 0))
    const instant = fc.oneof(
      fc.tuple(near, fc.integer({ min: -7200, max: 7200 })).map(([t, s]) => t + s * 1000),
      fc.integer({ min: 0, max: 2_000_000_000 }).map((s) => s * 1000),
    )
    const item = fc.tuple(instant, fc.constantFrom(...zones)).map(([ms, zone]) => ({ local: formatLocal(ms, zone), zone }))
    fc.assert(
      fc.property(fc.array(item, { minLength: 2, maxLength: 30 }), (items) => {
        const forward = items.map((x) => localToUtcMs(x.local, x.zone))
        const backward = [...items]
          .reverse()
          .map((x) => localToUtcMs(x.local, x.zone))
          .reverse()
        // Each alone: a far-away date in another zone in between clears both memos.
        const alone = items.map((x) => {
          localToUtcMs('1999-06-15 12:07:00', x.zone === 'UTC' ? 'Asia/Kolkata' : 'UTC')
          return localToUtcMs(x.local, x.zone)
        })
        expect(forward).toEqual(alone)
        expect(backward).toEqual(alone)
      }),
      { seed: 11, numRuns: 500 },
    )
  })
})
