import { forwardRef, memo, useState } from 'react'
import { useLiveStore } from '../../stores/live-store'
import { actionsOffNow, useActionButton } from '../../actions/action-gate'

interface Props {
  readonly onDial: (destination: string) => void
}

/**
 * Dial a number or an extension: typing shows matching extensions with their state (type-ahead);
 * arrows pick one, Enter dials it (or the typed number when nothing is picked).
 */
export const DialBox = memo(
  forwardRef<HTMLInputElement, Props>(function DialBox({ onDial }, ref) {
    const [text, setText] = useState('')
    const [active, setActive] = useState(-1)
    const gate = useActionButton()
    // Subscribed to the extensions only while something is typed: an empty box ignores patches.
    const extensions = useLiveStore((s) => (text.trim() === '' ? undefined : s.state.extensions))
    const matches =
      extensions === undefined
        ? []
        : Object.values(extensions)
            .filter((e) => /^\d+$/.test(e.id) && (e.id.startsWith(text.trim()) || e.hint.toLowerCase().includes(text.trim().toLowerCase())))
            .sort((a, b) => a.id.localeCompare(b.id, undefined, { numeric: true }))
            .slice(0, 8)

    const dial = (value: string): void => {
      if (value.trim() === '') return
      // While actions are off the dial only says why: the typed number stays for when they are back.
      const off = actionsOffNow()
      onDial(value.trim())
      if (off !== undefined) return
      setText('')
      setActive(-1)
    }

    return (
      <div className="dialbox">
        <label className="sr-only" htmlFor="dial-input">
          Dial a number or extension
        </label>
        <input
          id="dial-input"
          ref={ref}
          type="text"
          inputMode="tel"
          autoComplete="off"
          placeholder="Dial a number or extension — Enter to call"
          value={text}
          role="combobox"
          aria-expanded={matches.length > 0}
          aria-controls="dial-suggestions"
          aria-activedescendant={active >= 0 ? `dial-opt-${String(active)}` : undefined}
          onChange={(e) => {
            setText(e.currentTarget.value)
            setActive(-1)
          }}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault()
              setActive((a) => Math.min(a + 1, matches.length - 1))
            } else if (e.key === 'ArrowUp') {
              e.preventDefault()
              setActive((a) => Math.max(a - 1, -1))
            } else if (e.key === 'Enter') {
              e.preventDefault()
              dial(active >= 0 ? (matches[active]?.id ?? text) : text)
            } else if (e.key === 'Escape') {
              setText('')
              e.currentTarget.blur()
            }
          }}
        />
        <button
          type="button"
          className="primary"
          onClick={() => {
            dial(text)
          }}
          {...gate}
        >
          Call
        </button>
        {matches.length > 0 && (
          <ul id="dial-suggestions" role="listbox" className="suggestions">
            {matches.map((m, i) => (
              <li
                key={m.id}
                id={`dial-opt-${String(i)}`}
                role="option"
                aria-selected={i === active}
                className={i === active ? 'active' : undefined}
                onMouseDown={(e) => {
                  e.preventDefault()
                  dial(m.id)
                }}
              >
                <span className={`dot blf-${m.state}`} aria-hidden="true" />
                <span className="mono">{m.id}</span>
                <span className="muted small">{m.statusText}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
    )
  }),
)
