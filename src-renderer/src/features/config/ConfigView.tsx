import './config.css'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { ConfigItem } from '../../../../src-preload/types/config'
import { HelpOverlay } from '../../components/HelpOverlay'
import { nextSort, type SortState, VirtualTable } from '../../components/table'
import { LIST_FRESH_MS, useConfigStore } from '../../stores/config-store'
import { useLiveStore } from '../../stores/live-store'
import { useToastStore } from '../../stores/toast-store'
import { fmt, tr } from '../../i18n'
import { rich } from '../../i18n/rich'
import { strings } from './strings'
import { DestinationNames } from './destinations'
import { ConfirmDelete } from './dialogs'
import { type EditTarget, Editor } from './Editor'
import { type AnyKindUi, creatable, inSentence, KIND_UIS, kindUi, newWords } from './kinds'
import { ListQuery } from './list-query'
import { PendingTray } from './PendingTray'
import type { FieldValues } from './values'

const ROW_HEIGHT = 32
const t = tr(strings)

/** Typing in a field must never trigger a workspace key. */
function typingIn(target: EventTarget | null): target is HTMLElement {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
}

type Dialog = { readonly kind: 'delete'; readonly item: ConfigItem } | { readonly kind: 'help' } | null

/** The seat may not configure: the words say why and who can. */
function SeatNotice({ role }: { role: string }): React.JSX.Element {
  return (
    <section className="card" aria-label={t('seat.title')}>
      <h2>{t('seat.title')}</h2>
      <p>{rich(t('seat.text', { role }), { b: (text) => <strong>{text}</strong> })}</p>
    </section>
  )
}

/** The object a delete names: "extension 205 (Front desk)", its name only when it is not its number. */
function deleteWhat(kindLabel: string, id: string, name: string): string {
  const label = inSentence(kindLabel)
  return name !== id ? t('delete.whatNamed', { label, id, name }) : t('delete.what', { label, id })
}

/** The kind's list, searchable and sortable at typing speed (see list-query.ts). */
function KindList({
  ui,
  names,
  selected,
  onOpen,
}: {
  ui: AnyKindUi
  names: DestinationNames
  selected: string | null
  onOpen: (item: ConfigItem | null) => void
}): React.JSX.Element {
  const slot = useConfigStore((s) => s.lists[ui.kind])
  const view = useConfigStore((s) => s.views[ui.kind])
  const setListView = useConfigStore((s) => s.setListView)
  const items = slot?.items as readonly ConfigItem[] | undefined
  const sort: SortState = view?.sort ?? ui.defaultSort
  const text = view?.text ?? ''
  const query = useMemo(() => new ListQuery<ConfigItem>(items ?? [], ui.rules(names) as never), [items, ui, names])
  const rows = useMemo(() => query.run(text, sort), [query, text, sort])
  const columns = useMemo(() => ui.columns(names) as never, [ui, names])
  const onSort = useCallback(
    (key: string): void => {
      setListView(ui.kind, { text, sort: nextSort(sort, key) })
    },
    [setListView, ui.kind, text, sort],
  )
  const selection = useMemo(
    () => ({
      selected,
      onSelect: (id: string | null) => {
        onOpen(id === null ? null : (items?.find((i) => i.id === id) ?? null))
      },
    }),
    [selected, onOpen, items],
  )
  const empty =
    slot === undefined || (slot.loading && slot.loadedAt === undefined) ? (
      <p className="muted list-note">{ui.words.reading()}</p>
    ) : slot.error !== null && slot.loadedAt === undefined ? (
      <p role="alert" className="error-text list-note">
        {slot.error.message}
      </p>
    ) : (
      <p className="muted list-note">{text === '' ? ui.words.none() : ui.words.noMatch(text)}</p>
    )
  return (
    <div
      className="config-list"
      data-kind={ui.kind}
      // ↑/↓ move through the rows (the focused one scrolls into view), Enter opens it.
      onKeyDown={(e) => {
        const row = e.target instanceof HTMLElement ? e.target.closest<HTMLElement>('[role=row]') : null
        if (row === null || (e.key !== 'ArrowDown' && e.key !== 'ArrowUp')) return
        e.preventDefault()
        const next = e.key === 'ArrowDown' ? row.nextElementSibling : row.previousElementSibling
        if (next instanceof HTMLElement) next.focus()
      }}
    >
      <div className="list-meta muted small" role="status">
        {slot?.loadedAt === undefined
          ? ''
          : text === ''
            ? ui.words.count(rows.length)
            : t('list.of', { shown: fmt().number(rows.length), total: fmt().number(items?.length ?? 0) })}
        {slot?.loading === true && slot.loadedAt !== undefined ? t('list.readingAgain') : ''}
        {slot?.error != null && slot.loadedAt !== undefined ? ` · ${slot.error.message}` : ''}
      </div>
      <VirtualTable<ConfigItem, string>
        label={ui.title}
        className="config-grid"
        columns={columns}
        rows={rows}
        rowKey={(i) => i.id}
        rowHeight={ROW_HEIGHT}
        empty={rows.length === 0 ? empty : undefined}
        selection={selection}
        sort={sort}
        onSort={onSort}
      />
    </div>
  )
}

/** The shown list's search: typing filters at once; ↓ or Enter moves into the list, Escape clears. */
function SearchBox({ ref, ui }: { ref: React.Ref<HTMLInputElement>; ui: AnyKindUi }): React.JSX.Element {
  const view = useConfigStore((s) => s.views[ui.kind])
  const setListView = useConfigStore((s) => s.setListView)
  return (
    <input
      ref={ref}
      type="search"
      className="config-search"
      aria-label={ui.words.search()}
      placeholder={t('list.search', { what: ui.words.search() })}
      value={view?.text ?? ''}
      onChange={(e) => {
        setListView(ui.kind, { text: e.currentTarget.value, sort: view?.sort })
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          setListView(ui.kind, { text: '', sort: view?.sort })
          e.currentTarget.blur()
        } else if (e.key === 'ArrowDown' || e.key === 'Enter') {
          e.preventDefault()
          document.querySelector<HTMLElement>('.config-grid [role=row][tabindex]')?.focus()
        }
      }}
    />
  )
}

/**
 * Admin → Configuration: the PBX's extensions, ring groups, inbound routes, voicemail and queue
 * members as FreePBX's API holds them, each a searchable, sortable list with an editor beside it,
 * and the pending changes with Apply. Keyboard-first: / search, ↓ into the list, Enter opens,
 * Esc closes, N new, Delete removes (asked first), 1–5 switch lists.
 */
export function ConfigView(): React.JSX.Element {
  const profileId = useLiveStore((s) => s.profileId)
  const seat = useLiveStore((s) => (s.profileId === null ? undefined : s.statuses[s.profileId]))
  const status = useConfigStore((s) => s.status)
  const descriptors = useConfigStore((s) => s.descriptors)
  const destinations = useConfigStore((s) => s.destinations)
  const error = useConfigStore((s) => s.error)
  const shownKind = useConfigStore((s) => s.shownKind)
  const lists = useConfigStore((s) => s.lists)
  const { open, loadList, showKind, remove } = useConfigStore.getState()
  // The editor belongs to the list and PBX it was opened on: another one closes it.
  const [opened, setOpened] = useState<{ readonly on: string; readonly target: EditTarget } | null>(null)
  const listKey = `${profileId ?? ''}:${shownKind}`
  const target = opened?.on === listKey ? opened.target : null
  const setTarget = useCallback((next: EditTarget | null): void => {
    const { profileId: p, shownKind: k } = { profileId: useLiveStore.getState().profileId, shownKind: useConfigStore.getState().shownKind }
    setOpened(next === null ? null : { on: `${p ?? ''}:${k}`, target: next })
  }, [])
  const [dialog, setDialog] = useState<Dialog>(null)
  const searchRef = useRef<HTMLInputElement>(null)
  const isAdmin = seat?.role === 'admin'
  const ui = kindUi(shownKind) as AnyKindUi
  // A read-only seat writes nothing; an API application without this kind's write scope cannot either.
  const readOnlyReason =
    seat?.readOnly === true
      ? t('readOnlySeat')
      : status !== null && status.kinds.includes(shownKind) && !status.writableKinds.includes(shownKind)
        ? ui.words.readNotWrite()
        : undefined
  const descriptor = descriptors[shownKind]
  const names = useMemo(() => new DestinationNames(destinations), [destinations])
  // Until the status answers, every list is offered (each asked for at once); a PBX that cannot
  // be configured then says what it needs instead.
  const readable = status?.kinds ?? KIND_UIS.map((k) => k.kind)
  // What the application may read is shown even when something is missing (said above the lists).
  const workspace = isAdmin && (status === null || status.kinds.length > 0)

  useEffect(() => {
    if (profileId !== null && isAdmin) void open(profileId)
  }, [profileId, isAdmin, open])
  // Another list shown: read it (opening the view reads the shown one first itself).
  useEffect(() => {
    if (profileId !== null && isAdmin) void loadList(shownKind, { ifOlderThanMs: LIST_FRESH_MS })
  }, [profileId, isAdmin, shownKind, loadList])
  const canCreate = descriptor?.operations.includes('create') === true && ui.blank !== undefined && readOnlyReason === undefined
  const openItem = useCallback(
    (item: ConfigItem | null): void => {
      setTarget(item === null ? null : { mode: 'update', item })
    },
    [setTarget],
  )
  const startNew = useCallback((): void => {
    const state = useConfigStore.getState()
    const kind = state.shownKind
    const kui = kindUi(kind) as AnyKindUi
    const described = state.descriptors[kind]
    if (kui.blank === undefined || described === undefined) return
    const items = (state.lists[kind]?.items ?? []) as never
    setTarget({ mode: 'create', values: kui.blank(items, described) as unknown as FieldValues })
  }, [setTarget])
  const askDelete = useCallback((item: ConfigItem): void => {
    setDialog({ kind: 'delete', item })
  }, [])
  const openedId = target?.mode === 'update' ? target.item.id : null

  useEffect(() => {
    const keys: Readonly<Record<string, () => void>> = {
      '/': () => searchRef.current?.focus(),
      n: () => {
        if (canCreate) startNew()
      },
      delete: () => {
        if (target?.mode !== 'update' || readOnlyReason !== undefined) return
        if (descriptor?.operations.includes('remove') === true) askDelete(target.item)
      },
      '?': () => {
        setDialog({ kind: 'help' })
      },
      r: () => {
        void loadList(shownKind)
      },
      ...Object.fromEntries(
        KIND_UIS.map((k, i) => [
          String(i + 1),
          () => {
            showKind(k.kind)
          },
        ]),
      ),
    }
    const listener = (e: KeyboardEvent): void => {
      if (dialog !== null || e.ctrlKey || e.metaKey || e.altKey) return
      if (typingIn(e.target)) {
        // Escape in an editor's field leaves the field; the next Escape closes the editor.
        if (e.key === 'Escape' && e.target.closest('.config-editor') !== null && !e.defaultPrevented) e.target.blur()
        return
      }
      if (e.key === 'Escape') {
        // The editor's own close (it asks before dropping unsaved changes).
        document.querySelector<HTMLButtonElement>('.config-editor .editor-close')?.click()
        return
      }
      const fn = keys[e.key.toLowerCase()]
      if (fn !== undefined) {
        e.preventDefault()
        fn()
      }
    }
    window.addEventListener('keydown', listener)
    return () => {
      window.removeEventListener('keydown', listener)
    }
  }, [dialog, canCreate, startNew, target, readOnlyReason, descriptor, askDelete, loadList, shownKind, showKind])

  if (profileId === null) return <p className="muted">{t('noPbx')}</p>
  if (seat === undefined) return <p className="muted">{t('readingSeat')}</p>

  return (
    <section className="view config-view" aria-labelledby="config-title">
      <div className="config-toolbar">
        <h1 id="config-title">{t('title')}</h1>
        {status?.freepbxVersion !== undefined && <span className="muted small">{t('freepbxVersion', { version: status.freepbxVersion })}</span>}
        <span className="spacer" />
        {workspace && (
          <>
            <SearchBox ref={searchRef} ui={ui} />
            {/* Mailboxes and queue members are not created on their own (an extension's mailbox, a queue's members). */}
            {ui.blank !== undefined && creatable(ui.kind) && (
              <button
                type="button"
                className="primary"
                disabled={!canCreate}
                title={canCreate ? newWords(ui.kind).newKey() : readOnlyReason}
                onClick={startNew}
              >
                {newWords(ui.kind).newOne()}
              </button>
            )}
          </>
        )}
        <button
          type="button"
          aria-label={t('shortcuts')}
          onClick={() => {
            setDialog({ kind: 'help' })
          }}
        >
          ?
        </button>
      </div>
      {/* The lists, one tab each: 1–5 from anywhere in the view. */}
      {workspace && (
        <div className="config-tabs" role="tablist" aria-label={t('tabs')}>
          {KIND_UIS.map((k, i) => {
            const count = lists[k.kind]?.items.length
            const usable = readable.includes(k.kind)
            return (
              <button
                key={k.kind}
                type="button"
                role="tab"
                aria-selected={k.kind === shownKind}
                disabled={!usable}
                title={usable ? t('tabTitle', { title: k.title, key: String(i + 1) }) : t('tabUnreadable')}
                onClick={() => {
                  showKind(k.kind)
                }}
              >
                {k.title}
                {count !== undefined && <span className="tab-count">{fmt().number(count)}</span>}
              </button>
            )
          })}
        </div>
      )}
      {!isAdmin && <SeatNotice role={seat.role} />}
      {isAdmin && error !== null && (
        <div role="alert" className="banner error">
          {error.message}
        </div>
      )}
      {isAdmin && status !== null && (status.needs ?? []).length > 0 && (
        <section className={status.kinds.length > 0 ? 'banner warn' : 'card'} aria-label={t('needsLabel')}>
          {status.kinds.length === 0 ? <h2>{t('needsNone')}</h2> : !status.ready && <p>{t('needsSome')}</p>}
          <ul className="needs">
            {(status.needs ?? []).map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </section>
      )}
      {workspace && (
        <>
          {readOnlyReason !== undefined && <p className="banner warn">{readOnlyReason}</p>}
          <div className={target === null ? 'config-layout' : 'config-layout with-editor'}>
            <KindList ui={ui} names={names} selected={openedId} onOpen={openItem} />
            {target !== null && descriptor !== undefined && (
              <Editor
                key={target.mode === 'update' ? `${shownKind}:${target.item.id}` : `${shownKind}:new`}
                ui={ui}
                descriptor={descriptor}
                target={target}
                names={names}
                readOnlyReason={readOnlyReason}
                onClose={() => {
                  setTarget(null)
                }}
                onDelete={askDelete}
              />
            )}
          </div>
          <PendingTray readOnly={seat.readOnly} applyBlocked={status?.canApply === false ? t('applyBlocked') : undefined} />
        </>
      )}
      {dialog?.kind === 'delete' && (
        <ConfirmDelete
          what={deleteWhat(descriptor?.label ?? ui.title, dialog.item.id, ui.name(dialog.item as never))}
          note={shownKind === 'voicemail' ? t('delete.mailboxNote') : undefined}
          onCancel={() => {
            setDialog(null)
          }}
          onConfirm={() => {
            const item = dialog.item
            setDialog(null)
            // The version of the last read (the editor reads it fresh on opening).
            const current = useConfigStore.getState().lists[item.kind]?.items.find((i) => i.id === item.id) ?? item
            void remove(item.kind, item.id, current.version).then((r) => {
              const toasts = useToastStore.getState()
              if (!r.ok) {
                toasts.push('error', r.error.message)
                return
              }
              toasts.push('ok', t('delete.done', { label: r.value.label }))
              setOpened((o) => (o?.target.mode === 'update' && o.target.item.id === item.id ? null : o))
            })
          }}
        />
      )}
      {dialog?.kind === 'help' && (
        <HelpOverlay
          onClose={() => {
            setDialog(null)
          }}
        />
      )}
    </section>
  )
}
