import { useId, useMemo, useState } from 'react'
import type { ConfigDestination, DestinationOption } from '../../../../src-preload/types/config'
import { Field } from '../../components/form'
import { tr } from '../../i18n'
import { type DestinationNames, destinationKey, matchDestinations } from './destinations'
import { strings } from './strings'

const t = tr(strings)

interface PickerProps {
  readonly label: string
  readonly value: ConfigDestination
  readonly names: DestinationNames
  readonly onChange: (value: ConfigDestination) => void
  readonly error?: string | undefined
  readonly note?: string | undefined
  readonly disabled?: boolean
}

/**
 * Where a call goes, chosen by name: type a few letters or digits ("sales", "101", "voicemail
 * 2", "hang") and pick from the PBX's own objects — never a `context,exten,priority` string.
 * A combobox: ↑/↓ move through the matches, Enter takes one, Escape closes the list and keeps
 * the destination as it was.
 */
export function DestinationPicker({ label, value, names, onChange, error, note, disabled }: PickerProps): React.JSX.Element {
  const [typed, setTyped] = useState<string | null>(null)
  const [active, setActive] = useState(0)
  const listId = useId()
  const open = typed !== null
  const matches = useMemo(() => (typed === null ? [] : matchDestinations(names.options, typed, 40)), [names, typed])
  const current = names.label(value)
  const unknown = !names.known(value)

  const choose = (option: DestinationOption | undefined): void => {
    if (option !== undefined) onChange(option.destination)
    setTyped(null)
  }
  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>): void => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault()
      if (!open) {
        setTyped('')
        setActive(0)
        return
      }
      const step = e.key === 'ArrowDown' ? 1 : -1
      setActive((a) => Math.min(Math.max(a + step, 0), Math.max(matches.length - 1, 0)))
    } else if (e.key === 'Enter' && open) {
      e.preventDefault()
      choose(matches[active])
    } else if (e.key === 'Escape' && open) {
      // Closes the list only: the editor around it stays open.
      e.stopPropagation()
      setTyped(null)
    }
  }

  return (
    <Field label={label} error={error ?? (unknown ? t('picker.notKnown') : undefined)} note={note}>
      {(a11y) => (
        <span className="destination-picker">
          <input
            {...a11y}
            role="combobox"
            aria-expanded={open}
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={open && matches[active] !== undefined ? `${listId}-${String(active)}` : undefined}
            aria-invalid={error !== undefined || unknown}
            autoComplete="off"
            spellCheck={false}
            disabled={disabled}
            placeholder={t('picker.placeholder')}
            value={typed ?? current}
            onFocus={(e) => {
              e.currentTarget.select()
            }}
            onChange={(e) => {
              setTyped(e.currentTarget.value)
              setActive(0)
            }}
            onKeyDown={onKeyDown}
            onBlur={() => {
              setTyped(null)
            }}
          />
          {open && (
            <ul id={listId} role="listbox" aria-label={t('picker.choices', { label })} className="destination-options">
              {matches.length === 0 && <li className="muted">{t('picker.nothing', { text: typed })}</li>}
              {matches.map((o, i) => (
                <li
                  key={destinationKey(o.destination)}
                  id={`${listId}-${String(i)}`}
                  role="option"
                  aria-selected={i === active}
                  className={i === active ? 'active' : undefined}
                  // mousedown, not click: the input must not lose the choice to its blur first.
                  onMouseDown={(e) => {
                    e.preventDefault()
                    choose(o)
                  }}
                  onMouseEnter={() => {
                    setActive(i)
                  }}
                >
                  {o.label}
                </li>
              ))}
            </ul>
          )}
        </span>
      )}
    </Field>
  )
}
