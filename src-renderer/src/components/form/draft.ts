import type { Parse } from './parse'

/**
 * When a field's value is committed. `typing`: every valid text as it is typed. `enter`: only on
 * Enter or when the field is left, for values that act at once (a shorter history retention
 * deletes cached calls, so typing 1-8-0 must not commit 1 and then 18).
 */
export type CommitOn = 'typing' | 'enter'

export interface DraftRules<T> {
  readonly parse: Parse<T>
  readonly equals: (a: T, b: T) => boolean
  readonly commitOn: CommitOn
}

/** What the operator did in the field. */
export type DraftEvent = { readonly kind: 'change'; readonly text: string } | { readonly kind: 'blur' | 'escape' | 'enter' }

export interface DraftStep<T> {
  /** The text the field keeps (null: none, it shows the stored value). */
  readonly draft: string | null
  /**
   * A value to commit. `settle`: the field keeps the typed text until the commit settles (it may
   * ask for a confirmation), then shows what is stored.
   */
  readonly commit?: { readonly value: T; readonly settle: boolean }
}

/**
 * The rules of a draft, as one pure step. What is typed stays as typed ("1" on the way to "120",
 * "1XX, " before the next item); a valid text that differs from the stored value is committed
 * (as typed, or on Enter / leaving the field); an invalid one is kept on Enter to be corrected
 * and dropped on Escape or when the field is left. Nothing that equals the stored value is sent.
 */
export function draftStep<T>(draft: string | null, event: DraftEvent, stored: T, rules: DraftRules<T>): DraftStep<T> {
  const settle = (text: string): DraftStep<T> => {
    const next = rules.parse(text)
    return next.ok && !rules.equals(next.value, stored) ? { draft: text, commit: { value: next.value, settle: true } } : { draft: null }
  }
  switch (event.kind) {
    case 'change': {
      const next = rules.parse(event.text)
      const commits = rules.commitOn === 'typing' && next.ok && !rules.equals(next.value, stored)
      return commits ? { draft: event.text, commit: { value: next.value, settle: false } } : { draft: event.text }
    }
    case 'escape':
      return { draft: null }
    case 'blur':
      return rules.commitOn === 'enter' && draft !== null ? settle(draft) : { draft: null }
    case 'enter':
      return rules.commitOn === 'enter' && draft !== null && rules.parse(draft).ok ? settle(draft) : { draft }
  }
}
