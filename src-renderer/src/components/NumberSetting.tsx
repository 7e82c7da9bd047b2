import { useId, useRef, useState } from 'react'

interface NumberSettingProps {
  label: string
  min: number
  max: number
  /** The stored value (what main holds). */
  value: number
  /**
   * Called with a whole number in range that differs from the stored value; nothing else is
   * sent. It may return a promise (a confirmation): the field shows the typed value until it
   * settles, then whatever is stored (the old value again when the change was cancelled).
   */
  onCommit: (value: number) => unknown
  /**
   * Commit only on Enter or when the field is left, never while typing: for settings whose
   * every committed value acts at once (a shorter history retention deletes cached calls, so
   * typing 1-8-0 must not commit 1 and then 18).
   */
  commitOnEnter?: boolean
}

const parseDraft = (text: string, min: number, max: number): number | undefined => {
  const n = Number(text)
  return text.trim() !== '' && Number.isInteger(n) && n >= min && n <= max ? n : undefined
}

/**
 * A whole-number setting the user can type freely. The field keeps what is typed as a draft:
 * "1" on the way to "120" stays on screen (a field bound straight to the stored value would
 * snap back to it at every keystroke out of range). Valid values are committed as typed (or, with
 * `commitOnEnter`, on Enter or leaving the field); an invalid draft is marked and explained, and
 * reverts to the stored value when the field is left or Escape is pressed. A change made
 * elsewhere (another window) shows whenever the field holds no draft.
 */
export function NumberSetting({ label, min, max, value, onCommit, commitOnEnter = false }: NumberSettingProps): React.JSX.Element {
  // null: not being edited, so the field shows the stored value (also when another window changes it).
  const [draft, setDraft] = useState<string | null>(null)
  // A commit waiting for its confirmation: leaving the field for the dialog must not commit again.
  const pending = useRef(false)
  const hintId = useId()
  const shown = draft ?? String(value)
  const valid = parseDraft(shown, min, max) !== undefined

  const commit = (text: string): void => {
    const next = parseDraft(text, min, max)
    if (next === undefined || next === value) {
      setDraft(null)
      return
    }
    pending.current = true
    void Promise.resolve(onCommit(next)).finally(() => {
      pending.current = false
      setDraft(null)
    })
  }

  return (
    <label className="field">
      <span>{label}</span>
      <span className="field-input">
        <input
          type="number"
          min={min}
          max={max}
          value={shown}
          aria-invalid={!valid}
          aria-describedby={valid ? undefined : hintId}
          onBlur={() => {
            if (pending.current) return
            if (commitOnEnter && draft !== null) commit(draft)
            else setDraft(null)
          }}
          onKeyDown={(e) => {
            if (pending.current) return
            if (e.key === 'Escape') setDraft(null)
            // An invalid draft stays on Enter (to be corrected); leaving the field reverts it.
            else if (e.key === 'Enter' && commitOnEnter && draft !== null && parseDraft(draft, min, max) !== undefined) commit(draft)
          }}
          onChange={(e) => {
            if (pending.current) return
            const text = e.currentTarget.value
            setDraft(text)
            const next = parseDraft(text, min, max)
            if (!commitOnEnter && next !== undefined && next !== value) onCommit(next)
          }}
        />
        {!valid && (
          <span id={hintId} className="field-hint" role="status">
            {min}–{max}
          </span>
        )}
      </span>
    </label>
  )
}
