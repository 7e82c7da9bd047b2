import { useId, useMemo, useState } from 'react'
import type { DestinationOption, QueueMember } from '../../../../src-preload/types/config'
import { strings as commonStrings } from '../../../../src-preload/i18n/strings/common'
import { Field } from '../../components/form'
import { tr } from '../../i18n'
import type { DestinationNames } from './destinations'
import { matchDestinations } from './destinations'
import { inSentence } from './kinds'
import { strings } from './strings'

const t = tr(strings)
const common = tr(commonStrings)

/** The PBX's extensions among the destination options (what a member can be). */
export function extensionOptions(names: DestinationNames): DestinationOption[] {
  return names.options.filter((o) => o.destination.type === 'extension')
}

const numberOf = (o: DestinationOption): string => (o.destination.type === 'extension' ? o.destination.extension : '')

/**
 * A type-ahead that adds a member: the PBX's extensions by name or number; with `outside`, a typed
 * outside number ending in `#` too (FreePBX's way of ringing one from a ring group).
 */
function AddMember({
  label,
  names,
  taken,
  outside,
  onAdd,
  disabled,
}: {
  label: string
  names: DestinationNames
  taken: ReadonlySet<string>
  outside: boolean
  onAdd: (n: string) => void
  disabled?: boolean
}): React.JSX.Element {
  const [text, setText] = useState('')
  const [active, setActive] = useState(0)
  const listId = useId()
  const options = useMemo(() => extensionOptions(names).filter((o) => !taken.has(numberOf(o))), [names, taken])
  const matches = useMemo(() => (text.trim() === '' ? [] : matchDestinations(options, text, 12)), [options, text])
  const open = matches.length > 0
  const add = (n: string): void => {
    onAdd(n)
    setText('')
    setActive(0)
  }
  return (
    <span className="destination-picker">
      <input
        role="combobox"
        aria-label={label}
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open ? `${listId}-${String(active)}` : undefined}
        autoComplete="off"
        spellCheck={false}
        disabled={disabled}
        placeholder={outside ? t('member.addOutside') : t('member.add')}
        value={text}
        onChange={(e) => {
          setText(e.currentTarget.value)
          setActive(0)
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault()
            setActive((a) => Math.min(Math.max(a + (e.key === 'ArrowDown' ? 1 : -1), 0), Math.max(matches.length - 1, 0)))
          } else if (e.key === 'Enter') {
            e.preventDefault()
            const chosen = matches[active]
            const typed = text.trim()
            if (outside && /^\+?\d+#$/.test(typed)) add(typed)
            else if (chosen !== undefined) add(numberOf(chosen))
          } else if (e.key === 'Escape' && text !== '') {
            e.stopPropagation()
            setText('')
          }
        }}
        onBlur={() => {
          setText('')
        }}
      />
      {open && (
        <ul id={listId} role="listbox" aria-label={t('picker.choices', { label })} className="destination-options">
          {matches.map((o, i) => (
            <li
              key={numberOf(o)}
              id={`${listId}-${String(i)}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : undefined}
              onMouseDown={(e) => {
                e.preventDefault()
                add(numberOf(o))
              }}
            >
              {o.label}
            </li>
          ))}
        </ul>
      )}
    </span>
  )
}

const move = <T,>(list: readonly T[], from: number, to: number): T[] => {
  const next = list.slice()
  const [item] = next.splice(from, 1)
  if (item !== undefined) next.splice(to, 0, item)
  return next
}

/** A ring group's members in ring order: names, moved up or down, removed, added by type-ahead. */
export function RingMembersField(props: {
  label: string
  value: readonly string[]
  names: DestinationNames
  onChange: (v: string[]) => void
  error?: string | undefined
  note?: string | undefined
  disabled?: boolean
}): React.JSX.Element {
  const { label, value, names, onChange, error, note, disabled } = props
  const taken = useMemo(() => new Set(value), [value])
  return (
    <Field label={label} error={error} note={note}>
      {(a11y) => (
        <span className="members-field" id={a11y.id} aria-describedby={a11y['aria-describedby']}>
          <ol className="member-chips" aria-label={label}>
            {value.map((m, i) => (
              <li key={m} className="chip">
                <span>{m.endsWith('#') ? t('member.outside', { number: m }) : names.label({ type: 'extension', extension: m })}</span>
                <button
                  type="button"
                  className="chip-button"
                  disabled={disabled === true || i === 0}
                  aria-label={t('member.earlier', { number: m })}
                  onClick={() => {
                    onChange(move(value, i, i - 1))
                  }}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="chip-button"
                  aria-label={t('member.remove', { number: m })}
                  disabled={disabled}
                  onClick={() => {
                    onChange(value.filter((x) => x !== m))
                  }}
                >
                  ×
                </button>
              </li>
            ))}
          </ol>
          <AddMember
            label={t('member.addTo', { field: inSentence(label) })}
            names={names}
            taken={taken}
            outside
            disabled={disabled}
            onAdd={(n) => {
              onChange([...value, n])
            }}
          />
        </span>
      )}
    </Field>
  )
}

/** A queue's members of one kind with their penalties (lower rings first). */
export function QueueMembersField(props: {
  label: string
  value: readonly QueueMember[]
  names: DestinationNames
  onChange: (v: QueueMember[]) => void
  error?: string | undefined
  note?: string | undefined
  disabled?: boolean
}): React.JSX.Element {
  const { label, value, names, onChange, error, note, disabled } = props
  const taken = useMemo(() => new Set(value.map((m) => m.extension)), [value])
  return (
    <Field label={label} error={error} note={note}>
      {(a11y) => (
        <span className="members-field" id={a11y.id} aria-describedby={a11y['aria-describedby']}>
          <ul className="member-rows" aria-label={label}>
            {value.map((m) => (
              <li key={m.extension}>
                <span className="member-name">{names.label({ type: 'extension', extension: m.extension })}</span>
                <label className="penalty">
                  {t('member.penalty')}
                  <input
                    type="number"
                    min={0}
                    max={99}
                    value={m.penalty}
                    disabled={disabled}
                    aria-label={t('member.penaltyOf', { number: m.extension, field: inSentence(label) })}
                    onChange={(e) => {
                      const penalty = Number(e.currentTarget.value)
                      if (Number.isInteger(penalty)) onChange(value.map((x) => (x.extension === m.extension ? { ...x, penalty } : x)))
                    }}
                  />
                </label>
                <button
                  type="button"
                  className="chip-button"
                  aria-label={t('member.removeFrom', { number: m.extension, field: inSentence(label) })}
                  disabled={disabled}
                  onClick={() => {
                    onChange(value.filter((x) => x.extension !== m.extension))
                  }}
                >
                  ×
                </button>
              </li>
            ))}
            {value.length === 0 && <li className="muted">{common('none')}</li>}
          </ul>
          <AddMember
            label={t('member.addToQueue', { field: inSentence(label) })}
            names={names}
            taken={taken}
            outside={false}
            disabled={disabled}
            onAdd={(n) => {
              onChange([...value, { extension: n, penalty: 0 }])
            }}
          />
        </span>
      )}
    </Field>
  )
}
