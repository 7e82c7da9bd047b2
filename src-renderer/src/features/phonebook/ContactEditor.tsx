import { useEffect, useRef, useState } from 'react'
import { strings as common } from '../../../../src-preload/i18n/strings/common'
import type { Contact, ContactInput } from '../../../../src-preload/types/phonebook'
import { CONTACT_LIMITS } from '../../../../src-preload/types/phonebook'
import type { ApiError } from '../../../../src-preload/types/result'
import { FormError, TextAreaField, TextField } from '../../components/form'
import { fmt, tr } from '../../i18n'
import { usePhonebookStore } from '../../stores/phonebook-store'
import { strings } from './strings'

const t = tr(strings)
const tc = tr(common)

interface Draft {
  name: string
  company: string
  numbers: { label: string; number: string }[]
  notes: string
}

const blank = (): Draft => ({ name: '', company: '', numbers: [{ label: 'work', number: '' }], notes: '' })
const draftOf = (c: Contact): Draft => ({
  name: c.name,
  company: c.company,
  numbers: c.numbers.length === 0 ? [{ label: '', number: '' }] : c.numbers.map((n) => ({ label: n.label, number: n.number })),
  notes: c.notes,
})

/** What the editor sends: empty number rows dropped. */
function inputOf(d: Draft): ContactInput {
  return { name: d.name, company: d.company, notes: d.notes, numbers: d.numbers.filter((n) => n.number.trim() !== '') }
}

const same = (a: Draft, b: Draft): boolean => JSON.stringify(inputOf(a)) === JSON.stringify(inputOf(b))

/** The first error main named for a field (`contact.name: …`), by field. */
function fieldErrors(error: ApiError | null): { name?: string; numbers?: string; notes?: string; company?: string } {
  if (error?.code !== 'invalid_input') return {}
  const out: Record<string, string> = {}
  for (const part of error.message.split('; ')) {
    const m = /^contact\.(name|company|notes|numbers)(?:\.\d+\.\w+)?: (.*)$/.exec(part)
    if (m?.[1] !== undefined && m[2] !== undefined) out[m[1]] ??= m[2]
  }
  // Main marks a number it cannot read in the detail (its message is in the user's language).
  const marked = (error.detail as { fields?: { numbers?: unknown } } | undefined)?.fields?.numbers !== undefined
  if (Object.keys(out).length === 0 && (marked || /not a phone number/.test(error.message))) out.numbers = error.message
  return out
}

/**
 * One contact: name, company, its numbers with their labels (each dialled with Call, through
 * the guard like every other call), notes. Save with the button or Ctrl+Enter; Escape leaves a
 * field, then closes (asking before it drops changes).
 */
export function ContactEditor({
  contact,
  readOnlyReason,
  onClose,
  onSaved,
  onDelete,
  onDial,
}: {
  /** Null for a new contact. */
  readonly contact: Contact | null
  readonly readOnlyReason: string | undefined
  readonly onClose: () => void
  readonly onSaved: (contact: Contact) => void
  readonly onDelete: (contact: Contact) => void
  readonly onDial: (number: string) => void
}): React.JSX.Element {
  const [draft, setDraft] = useState<Draft>(() => (contact === null ? blank() : draftOf(contact)))
  const [error, setError] = useState<ApiError | null>(null)
  const [saving, setSaving] = useState(false)
  const [original, setOriginal] = useState<Draft>(() => (contact === null ? blank() : draftOf(contact)))
  const save = usePhonebookStore((s) => s.save)
  const readOnly = readOnlyReason !== undefined
  const dirty = !same(draft, original)
  const fields = fieldErrors(error)
  const firstField = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (contact === null) firstField.current?.querySelector('input')?.focus()
  }, [contact])

  const submit = async (): Promise<void> => {
    if (readOnly || saving) return
    setSaving(true)
    const r = await save(contact?.id, inputOf(draft))
    setSaving(false)
    if (!r.ok) {
      setError(r.error)
      return
    }
    setError(null)
    setOriginal(draftOf(r.value))
    setDraft(draftOf(r.value))
    onSaved(r.value)
  }

  /** Closing with unsaved changes asks first, inside the editor (Keep editing is the default). */
  const [asking, setAsking] = useState(false)
  const close = (): void => {
    if (dirty) setAsking(true)
    else onClose()
  }

  const setNumber = (i: number, patch: Partial<{ label: string; number: string }>): void => {
    setDraft((d) => ({ ...d, numbers: d.numbers.map((n, j) => (j === i ? { ...n, ...patch } : n)) }))
  }

  return (
    <form
      className="card phonebook-editor"
      aria-label={contact === null ? t('editor.new') : t('editor.label', { name: contact.name || contact.company })}
      onSubmit={(e) => {
        e.preventDefault()
        void submit()
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault()
          void submit()
        } else if (e.key === 'Escape') {
          e.stopPropagation()
          const field = e.target as HTMLElement
          if (asking) setAsking(false)
          else if (field.tagName === 'INPUT' || field.tagName === 'TEXTAREA') field.blur()
          else close()
        }
      }}
    >
      <div className="editor-head">
        <h2>{contact === null ? t('editor.new') : contact.name || contact.company}</h2>
        <span className="spacer" />
        <button type="button" aria-label={t('editor.close')} title={t('editor.closeTitle')} data-closes-editor onClick={close}>
          ✕
        </button>
      </div>
      {readOnlyReason !== undefined && <p className="banner warn small">{readOnlyReason}</p>}
      {asking && (
        <div role="alertdialog" aria-label={t('editor.unsaved')} className="banner warn drop-changes">
          <span>{t('editor.dropQuestion')}</span>
          <span className="spacer" />
          <button
            type="button"
            autoFocus
            onClick={() => {
              setAsking(false)
            }}
          >
            {t('editor.keepEditing')}
          </button>
          <button type="button" className="danger" onClick={onClose}>
            {t('editor.dropChanges')}
          </button>
        </div>
      )}
      <fieldset disabled={readOnly} className="editor-fields">
        <div ref={firstField}>
          <TextField
            label={t('col.name')}
            value={draft.name}
            maxLength={CONTACT_LIMITS.name}
            error={fields.name}
            onChange={(name) => {
              setDraft((d) => ({ ...d, name }))
            }}
          />
        </div>
        <TextField
          label={t('col.company')}
          value={draft.company}
          maxLength={CONTACT_LIMITS.company}
          error={fields.company}
          onChange={(company) => {
            setDraft((d) => ({ ...d, company }))
          }}
        />
        <div className="numbers" role="group" aria-label={t('col.numbers')}>
          <span className="numbers-title">{t('col.numbers')}</span>
          {draft.numbers.map((n, i) => (
            <div key={i} className="number-row">
              <input
                aria-label={t('editor.numberLabel', { n: i + 1 })}
                placeholder={t('editor.labelPlaceholder')}
                className="number-label"
                value={n.label}
                maxLength={CONTACT_LIMITS.label}
                onChange={(e) => {
                  setNumber(i, { label: e.currentTarget.value })
                }}
              />
              <input
                aria-label={t('editor.number', { n: i + 1 })}
                placeholder={t('editor.numberPlaceholder')}
                className="mono number-value"
                inputMode="tel"
                value={n.number}
                maxLength={CONTACT_LIMITS.number}
                aria-invalid={fields.numbers !== undefined}
                onChange={(e) => {
                  setNumber(i, { number: e.currentTarget.value })
                }}
              />
              <button
                type="button"
                className="small-button"
                disabled={n.number.trim() === '' || dirty}
                title={dirty ? t('editor.saveFirst') : t('callNumber', { number: n.number })}
                onClick={() => {
                  onDial(n.number)
                }}
              >
                {t('editor.call')}
              </button>
              <button
                type="button"
                className="small-button"
                aria-label={t('editor.removeNumber', { n: i + 1 })}
                onClick={() => {
                  setDraft((d) => ({ ...d, numbers: d.numbers.filter((_, j) => j !== i) }))
                }}
              >
                ✕
              </button>
            </div>
          ))}
          {fields.numbers !== undefined && (
            <span className="field-error" role="status">
              {fields.numbers}
            </span>
          )}
          <button
            type="button"
            className="small-button add-number"
            disabled={draft.numbers.length >= CONTACT_LIMITS.numbers}
            onClick={() => {
              setDraft((d) => ({ ...d, numbers: [...d.numbers, { label: '', number: '' }] }))
            }}
          >
            {t('editor.addNumber')}
          </button>
        </div>
        <TextAreaField
          label={t('col.notes')}
          rows={4}
          value={draft.notes}
          error={fields.notes}
          onChange={(notes) => {
            setDraft((d) => ({ ...d, notes }))
          }}
        />
      </fieldset>
      {Object.keys(fields).length === 0 && <FormError error={error} />}
      <div className="editor-actions">
        {contact !== null && (
          <button
            type="button"
            className="danger"
            disabled={readOnly}
            onClick={() => {
              onDelete(contact)
            }}
          >
            {t('editor.delete')}
          </button>
        )}
        <span className="spacer" />
        {contact !== null && <span className="muted small">{t('editor.changed', { when: fmt().dateTime(Date.parse(contact.updatedAt)) })}</span>}
        <button type="submit" className="primary" disabled={readOnly || saving || !dirty} title={t('editor.saveTitle')}>
          {saving ? t('editor.saving') : tc('save')}
        </button>
      </div>
    </form>
  )
}
