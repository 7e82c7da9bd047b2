import { useRef, useState } from 'react'
import { type CommitOn, type DraftEvent, draftStep } from './draft'
import type { Parse } from './parse'

export interface DraftOptions<T> {
  /** The stored value (what main or the form holds). */
  readonly value: T
  readonly parse: Parse<T>
  readonly format: (value: T) => string
  /**
   * Called with a parsed value that differs from the stored one; nothing else is sent. It may
   * return a promise (a confirmation): the field keeps the typed text until it settles, then
   * shows whatever is stored (the old value again when the change was cancelled).
   */
  readonly onCommit: (value: T) => unknown
  /** `typing` by default (see draft.ts). */
  readonly commitOn?: CommitOn
  readonly equals?: (a: T, b: T) => boolean
}

export interface Draft {
  /** What the field shows: the draft, else the stored value. */
  readonly text: string
  /** Why the shown text is not a value (said beside the field), else undefined. */
  readonly error: string | undefined
  /** Spread onto the input. */
  readonly inputProps: {
    readonly value: string
    readonly 'aria-invalid': boolean
    readonly onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => void
    readonly onBlur: () => void
    readonly onKeyDown: (e: React.KeyboardEvent) => void
  }
}

/**
 * A field that keeps what is typed as a draft until it is a value (draft.ts has the rules): a
 * field bound straight to the stored value would snap back at every keystroke that is not one
 * yet. A change made elsewhere (another window) shows whenever the field holds no draft.
 */
export function useDraft<T>({ value, parse, format, onCommit, commitOn = 'typing', equals = Object.is }: DraftOptions<T>): Draft {
  const [draft, setDraft] = useState<string | null>(null)
  // A commit waiting for its confirmation: leaving the field for the dialog must not commit again.
  const pending = useRef(false)
  const text = draft ?? format(value)
  const parsed = parse(text)

  const on = (event: DraftEvent): void => {
    if (pending.current) return
    const step = draftStep(draft, event, value, { parse, equals, commitOn })
    setDraft(step.draft)
    if (step.commit === undefined) return
    if (!step.commit.settle) {
      onCommit(step.commit.value)
      return
    }
    pending.current = true
    void Promise.resolve(onCommit(step.commit.value)).finally(() => {
      pending.current = false
      setDraft(null)
    })
  }

  return {
    text,
    error: parsed.ok ? undefined : parsed.error,
    inputProps: {
      value: text,
      'aria-invalid': !parsed.ok,
      onChange: (e) => {
        on({ kind: 'change', text: e.currentTarget.value })
      },
      onBlur: () => {
        on({ kind: 'blur' })
      },
      onKeyDown: (e) => {
        if (e.key === 'Escape') on({ kind: 'escape' })
        else if (e.key === 'Enter') on({ kind: 'enter' })
      },
    },
  }
}
