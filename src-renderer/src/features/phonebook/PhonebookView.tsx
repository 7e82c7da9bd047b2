import './phonebook.css'
import { forwardRef, useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { strings as common } from '../../../../src-preload/i18n/strings/common'
import type { Contact } from '../../../../src-preload/types/phonebook'
import { runAction } from '../../actions/run-action'
import { bridge } from '../../bridge/current'
import type { Column } from '../../components/table/columns'
import { VirtualTable } from '../../components/table'
import { ModalDialog } from '../../components/ModalDialog'
import { fmt, tr } from '../../i18n'
import { rich } from '../../i18n/rich'
import { useLiveStore } from '../../stores/live-store'
import { allContacts, contactById, searchContacts, usePhonebook, usePhonebookStore } from '../../stores/phonebook-store'
import { ContactEditor } from './ContactEditor'
import { ImportDialog } from './ImportDialog'
import { strings } from './strings'

const t = tr(strings)
const tc = tr(common)

const ROW_HEIGHT = 32
/** The in-memory search answers this many; main's full-text search adds notes matches after them. */
const SHOWN = 2000

type Dialog = { readonly kind: 'import'; readonly file: File | null } | { readonly kind: 'delete'; readonly contact: Contact } | null
/** The open editor: a contact by id, or a new one. */
type Open = { readonly id: string } | { readonly id: null } | null

function typingIn(target: EventTarget | null): target is HTMLElement {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
}

function numbersText(c: Contact): string {
  return c.numbers.map((n) => (n.label === '' ? n.number : `${n.number} ${n.label}`)).join(' · ')
}

/**
 * The phonebook (Alt+7): every contact in name order, searched as typed (names, companies and
 * numbers from memory at once, notes from main's full-text index a moment later), a contact
 * opened beside the list to edit, call or delete, and imports from CSV and vCard (button, I, or a
 * file dropped on the list).
 */
export function PhonebookView(): React.JSX.Element {
  const profileId = useLiveStore((s) => s.profileId)
  const seat = useLiveStore((s) => (s.profileId === null ? undefined : s.statuses[s.profileId]))
  const revision = usePhonebook(profileId)
  const { loaded, loading, error, size, searchFull, remove } = usePhonebookStore()
  const [query, setQuery] = useState('')
  /** Main's full-text answer, for the query it answered. */
  const [fromNotes, setFromNotes] = useState<{ readonly query: string; readonly contacts: readonly Contact[] }>({ query: '', contacts: [] })
  const [open, setOpen] = useState<Open>(null)
  const [dialog, setDialog] = useState<Dialog>(null)
  const [dragging, setDragging] = useState(false)
  const searchRef = useRef<HTMLInputElement>(null)
  const readOnlyReason = seat?.readOnly === true ? t('readOnly') : undefined

  const typed = query.trim()
  const rows = useMemo((): readonly Contact[] => {
    if (typed === '' || revision < 0) return allContacts()
    const quick = searchContacts(typed, SHOWN)
    const seen = new Set(quick.map((c) => c.id))
    const more = fromNotes.query === typed ? fromNotes.contacts.filter((c) => !seen.has(c.id)) : []
    return more.length === 0 ? quick : [...quick, ...more]
  }, [typed, revision, fromNotes])

  // Notes (and words inside names) are searched in main's full-text index; its answer joins the list.
  useEffect(() => {
    if (Array.from(typed).length < 3) return
    let current = true
    const timer = setTimeout(() => {
      void searchFull(typed, 200).then((r) => {
        if (current && r.ok) setFromNotes({ query: typed, contacts: r.value })
      })
    }, 120)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [typed, searchFull, revision])

  const dial = useCallback(
    (number: string): void => {
      if (profileId !== null) void runAction(bridge().invoke('calls.originate', { profileId, destination: number, confirmEmergency: false }))
    },
    [profileId],
  )

  const columns = useMemo(
    (): readonly Column<Contact>[] => [
      { key: 'name', header: t('col.name'), cell: (c) => c.name || <span className="muted">—</span>, width: 'minmax(160px, 1.2fr)' },
      { key: 'company', header: t('col.company'), cell: (c) => c.company, width: 'minmax(140px, 1fr)' },
      {
        key: 'numbers',
        header: t('col.numbers'),
        cellTitle: numbersText,
        width: 'minmax(200px, 1.4fr)',
        cell: (c) => (
          <span className="contact-numbers">
            {c.numbers.slice(0, 3).map((n, i) => (
              <button
                key={i}
                type="button"
                className="number-link mono"
                title={n.label === '' ? t('callNumber', { number: n.number }) : t('callNumberLabelled', { number: n.number, label: n.label })}
                onClick={(e) => {
                  e.stopPropagation()
                  dial(n.number)
                }}
              >
                {n.number}
                {n.label !== '' && <span className="number-tag">{n.label}</span>}
              </button>
            ))}
            {c.numbers.length > 3 && <span className="muted small">{t('moreNumbers', { count: c.numbers.length - 3 })}</span>}
          </span>
        ),
      },
      {
        key: 'notes',
        header: t('col.notes'),
        cell: (c) => <span className="muted">{c.notes.split('\n')[0]}</span>,
        cellTitle: (c) => c.notes,
        width: 'minmax(120px, 1fr)',
      },
    ],
    [dial],
  )

  const openContact = open === null || open.id === null ? null : (contactById(open.id) ?? null)
  const startNew = useCallback(() => {
    if (readOnlyReason === undefined) setOpen({ id: null })
  }, [readOnlyReason])

  // Keys of the screen (not while typing in a field or with a dialog open).
  useEffect(() => {
    const listener = (e: KeyboardEvent): void => {
      if (dialog !== null || e.ctrlKey || e.metaKey || e.altKey || typingIn(e.target)) return
      const key = e.key.toLowerCase()
      if (key === '/') {
        e.preventDefault()
        searchRef.current?.focus()
      } else if (key === 'n') {
        e.preventDefault()
        startNew()
      } else if (key === 'i' && readOnlyReason === undefined) {
        e.preventDefault()
        setDialog({ kind: 'import', file: null })
      } else if (e.key === 'Delete' && openContact !== null && readOnlyReason === undefined) {
        e.preventDefault()
        setDialog({ kind: 'delete', contact: openContact })
      } else if (e.key === 'Escape' && open !== null) {
        document.querySelector<HTMLButtonElement>('.phonebook-editor [data-closes-editor]')?.click()
      }
    }
    window.addEventListener('keydown', listener)
    return () => {
      window.removeEventListener('keydown', listener)
    }
  }, [dialog, startNew, readOnlyReason, openContact, open])

  if (profileId === null) return <p className="muted">{t('noPbx')}</p>

  const droppable = readOnlyReason === undefined
  const empty = !loaded ? (
    <p className="muted list-note">{loading ? t('reading') : ''}</p>
  ) : size === 0 ? (
    <div className="list-note">
      <p>{t('empty')}</p>
      <p className="muted">{rich(t('emptyHint'), { kbd: (key) => <kbd>{key}</kbd> })}</p>
    </div>
  ) : (
    <p className="muted list-note">{t('noMatch', { query: typed })}</p>
  )

  return (
    <section
      className={`view phonebook-view${dragging ? ' dragging' : ''}`}
      aria-labelledby="phonebook-title"
      onDragOver={(e) => {
        if (!droppable || !e.dataTransfer.types.includes('Files')) return
        e.preventDefault()
        setDragging(true)
      }}
      onDragLeave={(e) => {
        if (e.currentTarget === e.target) setDragging(false)
      }}
      onDrop={(e) => {
        setDragging(false)
        const file = e.dataTransfer.files[0]
        if (!droppable || file === undefined) return
        e.preventDefault()
        setDialog({ kind: 'import', file })
      }}
    >
      <div className="phonebook-toolbar">
        <h1 id="phonebook-title">{t('title')}</h1>
        <span className="muted small" role="status">
          {loaded ? (typed === '' ? t('contacts', { count: size }) : t('contactsOf', { shown: fmt().number(rows.length), count: size })) : ''}
        </span>
        <span className="spacer" />
        <SearchBox
          ref={searchRef}
          value={query}
          onChange={setQuery}
          onDown={() => {
            document.querySelector<HTMLElement>('.phonebook-grid .grid-row')?.focus()
          }}
        />
        <button
          type="button"
          disabled={readOnlyReason !== undefined}
          title={readOnlyReason ?? t('importTitle')}
          onClick={() => {
            setDialog({ kind: 'import', file: null })
          }}
        >
          {t('importButton')}
        </button>
        <button type="button" className="primary" disabled={readOnlyReason !== undefined} title={readOnlyReason ?? t('newTitle')} onClick={startNew}>
          {t('newButton')}
        </button>
      </div>
      {error !== null && (
        <p role="alert" className="banner error">
          {t('readFailed', { reason: error.message })}
        </p>
      )}
      <div className={open === null ? 'phonebook-layout' : 'phonebook-layout with-editor'}>
        <VirtualTable
          label={t('gridLabel')}
          className="phonebook-grid"
          columns={columns}
          rows={rows}
          rowKey={(c) => c.id}
          rowHeight={ROW_HEIGHT}
          empty={empty}
          selection={{
            selected: open?.id ?? null,
            onSelect: (id) => {
              setOpen(id === null ? null : { id })
            },
          }}
        />
        {open !== null && (
          <ContactEditor
            key={open.id ?? 'new'}
            contact={openContact}
            readOnlyReason={readOnlyReason}
            onClose={() => {
              setOpen(null)
            }}
            onSaved={(c) => {
              setOpen({ id: c.id })
            }}
            onDelete={(c) => {
              setDialog({ kind: 'delete', contact: c })
            }}
            onDial={dial}
          />
        )}
      </div>
      {dialog?.kind === 'import' && (
        <ImportDialog
          file={dialog.file}
          onClose={() => {
            setDialog(null)
          }}
        />
      )}
      {dialog?.kind === 'delete' && (
        <ConfirmDelete
          contact={dialog.contact}
          onCancel={() => {
            setDialog(null)
          }}
          onConfirm={async () => {
            const r = await remove(dialog.contact.id)
            setDialog(null)
            if (r.ok) setOpen(null)
          }}
        />
      )}
    </section>
  )
}

const SearchBox = forwardRef<HTMLInputElement, { value: string; onChange: (v: string) => void; onDown: () => void }>(function SearchBox(
  { value, onChange, onDown },
  ref,
) {
  return (
    <input
      ref={ref}
      type="search"
      className="phonebook-search"
      aria-label={t('searchLabel')}
      placeholder={t('searchPlaceholder')}
      title={t('searchTitle')}
      value={value}
      spellCheck={false}
      autoComplete="off"
      onChange={(e) => {
        onChange(e.currentTarget.value)
      }}
      onKeyDown={(e) => {
        if (e.key === 'ArrowDown') {
          e.preventDefault()
          onDown()
        } else if (e.key === 'Escape' && value !== '') {
          e.stopPropagation()
          onChange('')
        }
      }}
    />
  )
})

function ConfirmDelete({
  contact,
  onConfirm,
  onCancel,
}: {
  contact: Contact
  onConfirm: () => Promise<void>
  onCancel: () => void
}): React.JSX.Element {
  const name = contact.name || contact.company
  return (
    <ModalDialog role="alertdialog" label={t('deleteLabel', { name })} onClose={onCancel}>
      <h2>{t('deleteQuestion', { name })}</h2>
      <p>
        {t('deleteExplained', {
          who: contact.company !== '' && contact.name !== '' ? t('whoWithCompany', { name, company: contact.company }) : name,
          count: contact.numbers.length,
        })}
      </p>
      <div className="buttons">
        <button type="button" onClick={onCancel}>
          {t('keep')}
        </button>
        <button
          type="button"
          className="danger"
          autoFocus
          onClick={() => {
            void onConfirm()
          }}
        >
          {tc('delete')}
        </button>
      </div>
    </ModalDialog>
  )
}
