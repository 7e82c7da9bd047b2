import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { parse } from 'csv-parse/sync'
import { csvLine, neutraliseFormula, restoreFormula } from '../../../src-main/core/cdr/csv'

describe('CSV cells', () => {
  it('neutralises formula starts and nothing else', () => {
    for (const s of ['=1+1', '+4930', '-5', '@SUM(A1)', '\tx', '\rx']) expect(neutraliseFormula(s)).toBe(`'${s}`)
    for (const s of ['Alice', '4930', ' =not first', '']) expect(neutraliseFormula(s)).toBe(s)
    // An apostrophe is escaped too, or "'=x" and "=x" would export alike.
    expect(neutraliseFormula("'quoted")).toBe("''quoted")
  })

  it('round-trips through csv-parse: commas, quotes, newlines, unicode, formula prefixes (property)', () => {
    const tricky = fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', '\r\n', ',', '"', "'", 'Zoë', '東京', '🎧', ' ', 'a', '1')
    const cell = fc
      .array(fc.oneof(tricky, fc.string({ maxLength: 4 }), fc.string({ unit: 'grapheme', maxLength: 3 })), { maxLength: 6 })
      .map((a) => a.join(''))
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 8 }), (rows) => {
        const text = rows.map((r) => csvLine(r)).join('')
        const parsed = parse(text, { relax_column_count: false })
        expect(parsed.map((r) => r.map(restoreFormula))).toEqual(rows)
        // No parsed cell may start like a formula.
        for (const r of parsed) for (const c of r) expect(/^[=+\-@\t\r]/.test(c)).toBe(false)
      }),
      { seed: 4180, numRuns: 500 },
    )
  })
})
