import { describe, expect, it } from 'vitest'
import {
  NUMBER_FIELDS,
  NUMBER_WIDTH,
  packBatch,
  STRING_FIELDS,
  STRING_WIDTH,
  unpackStrings,
  type PackedBatch,
} from '../../../src-main/core/cdr/batch'
import { compileDirectionRule, foldCase, searchText } from '../../../src-main/core/cdr/derive'
import { normalizeCdr, type NormalizedCdr } from '../../../src-main/core/cdr/normalize'
import type { CdrRecord } from '../../../src-main/core/cdr/types'

const good = (i: number, over: Partial<CdrRecord> = {}): CdrRecord => ({
  uniqueid: `lab-1795592314.${String(i)}`,
  start: `2026-11-25 07:3${String(i)}:00`,
  answer: i % 2 === 0 ? null : `2026-11-25 07:3${String(i)}:02`,
  clid: `"Zoë ${String(i)}" <+4930${String(i)}>`,
  src: `+4930${String(i)}`,
  dst: '101',
  channel: `PJSIP/trunk-0000000${String(i)}`,
  dstchannel: i % 2 === 0 ? '' : 'PJSIP/101-00000001',
  lastapp: 'Dial',
  duration: 10 + i,
  billsec: i,
  disposition: i % 2 === 0 ? 'NO ANSWER' : 'ANSWERED',
  linkedid: i === 3 ? 'lab-1.3' : null,
  sequence: i === 3 ? 7 : null,
  source: 'ami',
  ...over,
})

/** Reads row r of a packed batch back as the normalised record it came from. */
function unpackRow(b: PackedBatch, strings: (string | null)[], r: number): Record<string, unknown> {
  const row: Record<string, unknown> = {}
  NUMBER_FIELDS.forEach((f, k) => {
    const v = b.numbers[r * NUMBER_WIDTH + k] ?? NaN
    row[f] = Number.isNaN(v) ? null : f === 'missed' ? v === 1 : v
  })
  STRING_FIELDS.forEach((f, k) => {
    row[f] = strings[r * STRING_WIDTH + k]
  })
  return row
}

describe('packBatch', () => {
  it("packs exactly what normalizeCdr gives, nulls included, and keeps the records' indexes", () => {
    const records = [good(1), { ...good(2), start: 'yesterday' }, good(3), good(4)]
    const { batch, rejected } = packBatch('pbx-a', records, { timeZone: 'Europe/Berlin' })
    expect(rejected.map((r) => r.index)).toEqual([1])
    expect(batch.count).toBe(3)
    expect([...batch.indexes]).toEqual([0, 2, 3])
    const { strings, texts } = unpackStrings(batch)
    const rule = compileDirectionRule(undefined)
    ;[0, 2, 3].forEach((i, r) => {
      const expected: NormalizedCdr = normalizeCdr('pbx-a', records[i] as CdrRecord, 'Europe/Berlin', rule)
      expect(unpackRow(batch, strings, r)).toEqual({ ...expected })
      expect(texts[r]).toBe(foldCase(searchText(expected)))
    })
  })

  it('rejects a bad zone or direction pattern for the whole call, and a non-record alone', () => {
    expect(() => packBatch('p', [good(1)], { timeZone: 'Mars/Olympus' })).toThrow(RangeError)
    expect(() => packBatch('p', [good(1)], { timeZone: 'UTC', direction: { internalPattern: '([' } })).toThrow(RangeError)
    const { batch, rejected } = packBatch('p', [null as unknown as CdrRecord, good(1)], { timeZone: 'UTC' })
    expect(rejected).toEqual([{ index: 0, reason: 'not a record' }])
    expect(batch.count).toBe(1)
  })

  it('refuses a batch whose arrays do not fit its count', () => {
    const { batch } = packBatch('p', [good(1), good(2)], { timeZone: 'UTC' })
    expect(() => unpackStrings({ ...batch, count: 3 })).toThrow(RangeError)
    expect(() => unpackStrings({ ...batch, strings: '[]' })).toThrow(RangeError)
    expect(() => unpackStrings({ ...batch, texts: '["a"]' })).toThrow(RangeError)
    expect(() => unpackStrings({ ...batch, numbers: new Float64Array(1) })).toThrow(RangeError)
    expect(() => unpackStrings('nonsense' as unknown as PackedBatch)).toThrow(RangeError)
  })
})
