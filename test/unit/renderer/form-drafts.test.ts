import { describe, expect, it } from 'vitest'
import { type DraftEvent, type DraftRules, type DraftStep, draftStep } from '../../../src-renderer/src/components/form/draft'
import { joinList, listOf, sameList, splitList, wholeNumber } from '../../../src-renderer/src/components/form/parse'

const seconds: DraftRules<number> = { parse: wholeNumber(10, 3600), equals: Object.is, commitOn: 'typing' }
const days: DraftRules<number> = { parse: wholeNumber(1, 3650), equals: Object.is, commitOn: 'enter' }
const list: DraftRules<string[]> = { parse: listOf, equals: sameList, commitOn: 'typing' }

/**
 * Types `keys` one by one after the text `from` in a field holding `stored`, then does `then`;
 * returns every commit and the draft left.
 */
function operate<T>(
  rules: DraftRules<T>,
  stored: T,
  keys: string,
  then: DraftEvent[] = [],
  from = '',
): { commits: { value: T; settle: boolean }[]; draft: string | null } {
  const commits: { value: T; settle: boolean }[] = []
  let draft: string | null = null
  const events: DraftEvent[] = [
    ...Array.from({ length: keys.length }, (_, i) => ({ kind: 'change' as const, text: from + keys.slice(0, i + 1) })),
    ...then,
  ]
  for (const event of events) {
    const step: DraftStep<T> = draftStep(draft, event, stored, rules)
    draft = step.draft
    if (step.commit !== undefined) commits.push(step.commit)
  }
  return { commits, draft }
}

describe('form drafts', () => {
  it('keeps a number typed through values out of range and commits each valid one as it is typed', () => {
    const typed = operate(seconds, 60, '120')
    expect(typed.draft).toBe('120')
    // 1 is below the minimum: kept on screen, never sent; 12 and 120 are values.
    expect(typed.commits).toEqual([
      { value: 12, settle: false },
      { value: 120, settle: false },
    ])
    expect(seconds.parse('1')).toEqual({ ok: false, error: '10–3600' })
  })

  it('drops an invalid draft when the field is left or on Escape, and commits nothing equal to what is stored', () => {
    expect(operate(seconds, 60, '5', [{ kind: 'blur' }])).toEqual({ commits: [], draft: null })
    expect(operate(seconds, 60, '5', [{ kind: 'escape' }])).toEqual({ commits: [], draft: null })
    expect(operate(seconds, 60, '60').commits).toEqual([])
  })

  it('commits a value that acts at once only on Enter or when the field is left, and waits for it to settle', () => {
    // Typing 1-8-0 must not commit 1 and then 18 (a shorter retention deletes cached calls).
    expect(operate(days, 90, '180')).toEqual({ commits: [], draft: '180' })
    expect(operate(days, 90, '180', [{ kind: 'enter' }]).commits).toEqual([{ value: 180, settle: true }])
    expect(operate(days, 90, '30', [{ kind: 'blur' }]).commits).toEqual([{ value: 30, settle: true }])
    // An invalid draft stays on Enter, to be corrected; leaving the field then drops it.
    expect(operate(days, 90, '0', [{ kind: 'enter' }])).toEqual({ commits: [], draft: '0' })
    expect(operate(days, 90, '0', [{ kind: 'enter' }, { kind: 'blur' }])).toEqual({ commits: [], draft: null })
    // Escape reverts what was typed: nothing is committed afterwards when the field is left.
    expect(operate(days, 90, '30', [{ kind: 'escape' }, { kind: 'blur' }])).toEqual({ commits: [], draft: null })
  })

  it('lets a list be typed item by item: the separator stays until the next item is there', () => {
    // "1XX," and "1XX, " are still the stored list: nothing is committed and the comma stays.
    expect(operate(list, ['1XX'], ', ', [], '1XX')).toEqual({ commits: [], draft: '1XX, ' })
    const typed = operate(list, ['1XX'], ', 2XX', [], '1XX')
    expect(typed.draft).toBe('1XX, 2XX')
    expect(typed.commits.map((c) => c.value)).toEqual([
      ['1XX', '2'],
      ['1XX', '2X'],
      ['1XX', '2XX'],
    ])
    expect(joinList(splitList(' 911,112  110 ,, '))).toBe('911, 112, 110')
  })
})
