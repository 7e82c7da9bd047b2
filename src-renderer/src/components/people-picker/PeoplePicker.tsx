import { forwardRef, useId, useMemo, useState } from 'react'
import { useDirectoryRevision } from '../../stores/directory-store'
import { useLiveStore } from '../../stores/live-store'
import { usePhonebook } from '../../stores/phonebook-store'
import { describe, type Describer, peopleFor, type PersonRow, STATE_WORDS } from './people-model'
import './people-picker.css'
import { tr } from '../../i18n'
import { strings } from './strings'

const t = tr(strings)

export interface PeoplePickerProps {
  readonly value: string
  readonly onChange: (value: string) => void
  /** A row picked (its number) or, with no row, what was typed — the guard in main judges it. */
  readonly onPick: (destination: string) => void
  /** Esc with nothing typed (a prompt closes; the dial box leaves the field). */
  readonly onEscape?: () => void
  readonly label: string
  readonly placeholder?: string
  /** An extra line per extension row (presence, forwarding), beside the registered describers. */
  readonly describe?: Describer
  readonly autoFocus?: boolean
  readonly className?: string
  /** The input's id (the dial box keeps `dial-input`, which its label and tests name). */
  readonly inputId?: string
}

/**
 * Type-ahead over the PBX's people and the phonebook: "Eva Fischer · 105 · Available". Arrows
 * move, Enter picks the highlighted row (typing a name highlights the best one, so "eva" + Enter
 * is Eva), digits typed with no row highlighted go as typed, Esc clears then closes.
 */
export const PeoplePicker = forwardRef<HTMLInputElement, PeoplePickerProps>(function PeoplePicker(
  { value, onChange, onPick, onEscape, label, placeholder, describe: own, autoFocus, className, inputId },
  ref,
) {
  const id = useId()
  const [active, setActive] = useState(-1)
  const names = useDirectoryRevision()
  // The phonebook's contacts are searched too: loaded for the PBX shown, re-rendered when they change.
  const contacts = usePhonebook(useLiveStore((s) => s.profileId))
  // Searched once per text and revision of the sources: a lamp changing state re-renders the rows, not the search.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the revisions stand for the sources' contents
  const rows = useMemo(() => peopleFor(value), [value, names, contacts])
  // A name typed: the best match is the one Enter takes. Digits: what was typed, unless an arrow chose.
  const typedName = /\p{L}/u.test(value)
  const current = active >= 0 ? active : typedName && rows.length > 0 ? 0 : -1
  const extensions = useLiveStore((s) => (rows.length === 0 ? undefined : s.state.extensions))
  const pick = (row: PersonRow | undefined): void => {
    const destination = row?.destination ?? value.trim()
    if (destination === '') return
    setActive(-1)
    onPick(destination)
  }
  return (
    // data-shown: the text the rows answer (the typing bench waits for it to equal what was typed).
    <div className={`people-picker${className === undefined ? '' : ` ${className}`}`} data-shown={value}>
      <input
        id={inputId ?? `${id}-input`}
        ref={ref}
        type="text"
        autoComplete="off"
        spellCheck={false}
        aria-label={label}
        placeholder={placeholder}
        value={value}
        autoFocus={autoFocus}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={rows.length > 0}
        aria-controls={`${id}-list`}
        aria-activedescendant={current >= 0 ? `${id}-opt-${String(current)}` : undefined}
        onChange={(e) => {
          onChange(e.currentTarget.value)
          setActive(-1)
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault()
            setActive(Math.min(current + 1, rows.length - 1))
          } else if (e.key === 'ArrowUp') {
            e.preventDefault()
            setActive(Math.max(current - 1, -1))
          } else if (e.key === 'Enter') {
            e.preventDefault()
            e.stopPropagation()
            pick(current >= 0 ? rows[current] : undefined)
          } else if (e.key === 'Escape') {
            e.stopPropagation()
            if (value !== '') {
              onChange('')
              setActive(-1)
            } else onEscape?.()
          }
        }}
      />
      {rows.length > 0 && (
        // A box of fixed size that contains its layout: rows changing as one types are laid out in it
        // alone, not in the whole page with its thousands of lamps (see people-picker.css).
        <div className="people-frame">
          <ul id={`${id}-list`} role="listbox" aria-label={t('matches', { label })} className="suggestions people-list">
            {rows.map((row, i) => {
              const ext = row.kind === 'extension' ? extensions?.[row.destination] : undefined
              const state = ext === undefined ? undefined : STATE_WORDS[ext.state]
              const lines = row.kind === 'extension' ? describe(row.destination, own) : []
              return (
                <li
                  key={row.key}
                  id={`${id}-opt-${String(i)}`}
                  role="option"
                  aria-selected={i === current}
                  className={i === current ? 'active' : undefined}
                  onMouseDown={(e) => {
                    e.preventDefault()
                    pick(row)
                  }}
                >
                  {ext !== undefined && <span className={`dot blf-${ext.state}`} aria-hidden="true" />}
                  <span className="person-main">
                    <span className="person-name">{row.name !== '' ? row.name : row.number}</span>
                    {row.name !== '' && <span className="mono person-number"> · {row.number}</span>}
                    {state !== undefined && <span className="muted small"> · {state}</span>}
                    {row.kind === 'contact' && <span className="muted small"> · {t('contact')}</span>}
                    {row.detail !== '' && <span className="muted small person-detail"> · {row.detail}</span>}
                  </span>
                  {lines.map((line) => (
                    <span key={line} className="small person-note">
                      {line}
                    </span>
                  ))}
                </li>
              )
            })}
          </ul>
        </div>
      )}
    </div>
  )
})
