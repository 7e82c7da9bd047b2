import { useId, useState } from 'react'

interface NumberSettingProps {
  label: string
  min: number
  max: number
  /** The stored value (what main holds). */
  value: number
  /** Called with each whole number in range the user types; nothing else is sent. */
  onCommit: (value: number) => void
}

/**
 * A whole-number setting the user can type freely. The field keeps what is typed as a draft:
 * "1" on the way to "120" stays on screen (a field bound straight to the stored value would
 * snap back to it at every keystroke out of range). Valid values are committed as typed; an
 * invalid draft is marked and explained, and reverts to the stored value when the field is left
 * or Escape is pressed. A change made elsewhere (another window) shows whenever the field holds
 * no draft.
 */
export function NumberSetting({ label, min, max, value, onCommit }: NumberSettingProps): React.JSX.Element {
  // null: not being edited, so the field shows the stored value (also when another window changes it).
  const [draft, setDraft] = useState<string | null>(null)
  const hintId = useId()
  const shown = draft ?? String(value)
  const n = Number(shown)
  const valid = shown.trim() !== '' && Number.isInteger(n) && n >= min && n <= max
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
            setDraft(null)
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setDraft(null)
          }}
          onChange={(e) => {
            const text = e.currentTarget.value
            setDraft(text)
            const next = Number(text)
            if (text.trim() !== '' && Number.isInteger(next) && next >= min && next <= max && next !== value) onCommit(next)
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
