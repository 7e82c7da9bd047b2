import './voicemail.css'
import { useEffect, useMemo, useRef, useState } from 'react'
import type { MailboxView, VoicemailMessages } from '../../../../src-preload/types/voicemail'
import { whenActionsOn } from '../../actions/action-gate'
import { runAction } from '../../actions/run-action'
import { bridge } from '../../bridge/current'
import { Elapsed } from '../../components/Elapsed'
import { StaleNote } from '../../components/StaleNote'
import { type Column, nextSort, type SortState, Table } from '../../components/table'
import { fold, nameOf, useDirectoryRevision } from '../../stores/directory-store'
import { useLiveStore } from '../../stores/live-store'
import { useVoicemailStore } from '../../stores/voicemail-store'
import { fmt, tr } from '../../i18n'
import { strings } from './strings'

const t = tr(strings)

/** A box's name: the PBX's directory first (the person at that extension), else voicemail.conf's full name. */
export function boxName(m: Pick<MailboxView, 'mailbox' | 'fullName'>): string {
  return nameOf(m.mailbox) ?? m.fullName
}

const SORT_VALUE: Readonly<Record<string, (m: MailboxView) => number | string>> = {
  mailbox: (m) => Number.parseInt(m.mailbox, 10),
  name: (m) => boxName(m).toLowerCase(),
  new: (m) => m.newMessages,
  urgent: (m) => m.urgentMessages ?? -1,
  old: (m) => m.oldMessages,
  since: (m) => m.since,
}

/** Rings the seat's phone into the mailbox (main decides whether this seat reaches it). */
function listen(profileId: string, m: MailboxView): void {
  whenActionsOn(() => {
    void runAction(bridge().invoke('voicemail.listen', { profileId, mailbox: m.id }))
  })
}

function columns(profileId: string | null, canListen: boolean): readonly Column<MailboxView>[] {
  return [
    { key: 'mailbox', header: t('col.mailbox'), sortable: true, cellClassName: 'mono', cell: (m) => m.mailbox },
    { key: 'name', header: t('col.name'), sortable: true, cell: (m) => boxName(m) || <span className="muted">{t('noName')}</span> },
    {
      key: 'new',
      header: t('col.new'),
      sortable: true,
      cellClassName: 'mono',
      cell: (m) => <span className={`vm-new${m.newMessages > 0 ? ' has-new' : ''}`}>{m.newMessages}</span>,
    },
    {
      key: 'urgent',
      header: t('col.urgent'),
      sortable: true,
      cellClassName: 'mono',
      cellTitle: (m) => (m.urgentMessages === undefined ? t('urgentUnknown') : undefined),
      cell: (m) => <span className={`vm-urgent${(m.urgentMessages ?? 0) > 0 ? ' has-urgent' : ''}`}>{m.urgentMessages ?? '—'}</span>,
    },
    { key: 'old', header: t('col.old'), sortable: true, cellClassName: 'mono', cell: (m) => m.oldMessages },
    { key: 'since', header: t('col.changed'), sortable: true, cell: (m) => <Elapsed since={m.since} /> },
    {
      key: 'act',
      header: t('col.actions'),
      hiddenHeader: true,
      cellClassName: 'buttons',
      cell: (m) =>
        canListen && m.reachable && profileId !== null ? (
          <button
            type="button"
            title={t('listenTitle', { mailbox: m.mailbox })}
            onClick={() => {
              listen(profileId, m)
            }}
          >
            {t('listenButton')}
          </button>
        ) : (
          <span className="muted small">{m.reachable ? '' : t('notYours')}</span>
        ),
    },
  ]
}

/** The messages of the selected box (VoicemailBoxSummary): who, when, how long; the audio is the phone's. */
function Messages({ profileId, box, playbackWhy }: { profileId: string; box: MailboxView; playbackWhy: string }): React.JSX.Element {
  const [shown, setShown] = useState<VoicemailMessages | { error: string } | undefined>(undefined)
  const { id, newMessages, oldMessages } = box
  useEffect(() => {
    let live = true
    void bridge()
      .invoke('voicemail.messages', { profileId, mailbox: id })
      .then((r) => {
        if (live) setShown(r.ok ? r.value : { error: r.error.message })
      })
    return () => {
      live = false
    }
  }, [profileId, id, newMessages, oldMessages])
  return (
    <section className="vm-messages card" aria-label={t('messagesOf', { mailbox: box.mailbox })}>
      <h2>{boxName(box) !== '' ? t('messagesOfNamed', { mailbox: box.mailbox, name: boxName(box) }) : t('messagesOf', { mailbox: box.mailbox })}</h2>
      {shown === undefined && <p className="muted">{t('askingMessages')}</p>}
      {shown !== undefined && 'error' in shown && <p className="field-error">{shown.error}</p>}
      {shown !== undefined && 'messages' in shown && (
        <Table
          label={t('messagesOf', { mailbox: box.mailbox })}
          columns={messageColumns()}
          rows={shown.messages}
          rowKey={(m, i) => `${m.folder}-${m.id}-${String(i)}`}
          empty={<p className="muted">{t('noMessages')}</p>}
        />
      )}
      <p className="muted small">{playbackWhy}</p>
    </section>
  )
}

/** A message's folder in words: INBOX is "New", the others as the PBX names them, urgent said so. */
function folderText(m: VoicemailMessages['messages'][number]): string {
  const folder = m.folder === 'INBOX' ? t('msg.new') : m.folder
  return m.urgent ? t('msg.urgent', { folder }) : folder
}

const messageColumns = (): readonly Column<VoicemailMessages['messages'][number]>[] => [
  { key: 'folder', header: t('msg.folder'), cell: folderText },
  {
    key: 'from',
    header: t('msg.from'),
    cell: (m) => [m.callerName, m.callerNumber].filter((x) => x !== '').join(' ') || <span className="muted">{t('msg.unknownCaller')}</span>,
  },
  { key: 'date', header: t('msg.left'), cell: (m) => m.date },
  {
    key: 'length',
    header: t('msg.length'),
    cellClassName: 'mono',
    cell: (m) => (m.durationSeconds === undefined ? '—' : t('msg.seconds', { seconds: String(m.durationSeconds) })),
  },
]

/**
 * The voicemail view (Alt+0): every mailbox of the PBX with its new, urgent and old counts, by
 * name, sortable, searchable, "with new messages" only; the seat's phone rings into a box it
 * reaches (L or the button), and the selected box's messages are listed (M).
 */
export function VoicemailView(): React.JSX.Element {
  useDirectoryRevision()
  const state = useVoicemailStore((s) => s.state)
  const profileId = useLiveStore((s) => s.profileId)
  const stale = useLiveStore((s) => s.health.stale !== undefined)
  const [query, setQuery] = useState('')
  const [onlyNew, setOnlyNew] = useState(false)
  const [sort, setSort] = useState<SortState>({ key: 'mailbox', descending: false })
  const [selected, setSelected] = useState<string | null>(null)
  const [showMessages, setShowMessages] = useState(false)
  const view = useRef<HTMLElement>(null)
  const search = useRef<HTMLInputElement>(null)
  const canListen = state?.listen.allowed === true
  const rows = useMemo(() => {
    const q = fold(query.trim())
    const kept = (state?.mailboxes ?? []).filter(
      (m) => (!onlyNew || m.newMessages > 0) && (q === '' || m.mailbox.includes(q) || fold(`${boxName(m)} ${m.fullName}`).includes(q)),
    )
    const value = SORT_VALUE[sort.key] ?? SORT_VALUE.mailbox
    const sorted = kept.sort((a, b) => {
      const va = value?.(a) ?? 0
      const vb = value?.(b) ?? 0
      const c = typeof va === 'number' && typeof vb === 'number' ? va - vb : String(va).localeCompare(String(vb))
      return c !== 0 ? c : a.mailbox.localeCompare(b.mailbox, undefined, { numeric: true })
    })
    return sort.descending ? sorted.reverse() : sorted
  }, [state, query, onlyNew, sort])
  const current = rows.find((m) => m.id === selected)
  const withNew = (state?.mailboxes ?? []).filter((m) => m.newMessages > 0)
  useEffect(() => {
    view.current?.focus()
  }, [])
  const move = (to: number): void => {
    const m = rows[Math.max(0, Math.min(rows.length - 1, to))]
    if (m !== undefined) setSelected(m.id)
  }
  const onKey = (e: React.KeyboardEvent): void => {
    if (e.altKey || e.ctrlKey || e.metaKey) return
    const inField = (e.target as HTMLElement).closest('input, select') !== null
    const key = e.key.toLowerCase()
    if (inField) {
      if (key === 'escape' || key === 'arrowdown') {
        view.current?.focus()
        if (key === 'arrowdown') move(0)
        e.preventDefault()
      }
      return
    }
    const at = rows.findIndex((m) => m.id === selected)
    if (key === 'arrowdown') move(at + 1)
    else if (key === 'arrowup') move(at < 0 ? 0 : at - 1)
    else if (key === 'home') move(0)
    else if (key === 'end') move(rows.length - 1)
    else if (key === '/') search.current?.focus()
    else if (key === 'n') setOnlyNew((v) => !v)
    else if (key === 'escape') {
      if (showMessages) setShowMessages(false)
      else setSelected(null)
    } else if ((key === 'l' || key === 'enter') && current !== undefined && profileId !== null && canListen && current.reachable)
      listen(profileId, current)
    else if (key === 'm' && current !== undefined && current.reachable) setShowMessages((v) => !v)
    else return
    e.preventDefault()
  }
  return (
    <section
      ref={view}
      tabIndex={-1}
      className={`view voicemail-view${stale ? ' is-stale' : ''}`}
      aria-labelledby="voicemail-title"
      onKeyDown={onKey}
      onClick={(e) => {
        const tr = (e.target as HTMLElement).closest('.voicemail-boxes tbody tr')
        if (tr === null || (e.target as HTMLElement).closest('button, input, a') !== null) return
        const at = Array.prototype.indexOf.call(tr.parentElement?.children ?? [], tr)
        const m = rows[at]
        if (m !== undefined) {
          setSelected(m.id)
          view.current?.focus()
        }
      }}
    >
      <div className="row-between">
        <h1 id="voicemail-title">{t('title')}</h1>
        <div className="voicemail-tools">
          <input
            ref={search}
            type="search"
            aria-label={t('search')}
            placeholder={t('searchPlaceholder')}
            value={query}
            onChange={(e) => {
              setQuery(e.currentTarget.value)
            }}
          />
          <label>
            <input
              type="checkbox"
              checked={onlyNew}
              onChange={(e) => {
                setOnlyNew(e.currentTarget.checked)
              }}
            />{' '}
            {t('onlyNew')}
          </label>
        </div>
      </div>
      <StaleNote />
      {state?.problem !== undefined && <p className="field-error">{state.problem}</p>}
      <p className="muted small">
        {state === undefined || !state.loaded
          ? t('asking')
          : t('summary', {
              count: state.mailboxes.length,
              withNew: fmt().number(withNew.length),
              newCount: fmt().number(withNew.reduce((n, m) => n + m.newMessages, 0)),
            })}
        {state?.loaded === true && (canListen ? t('hintListen') : t('listenOff', { reason: state.listen.refusal ?? '' }))}
      </p>
      <div className="voicemail-boxes">
        <Table
          label={t('table')}
          columns={columns(profileId, canListen)}
          rows={rows}
          rowKey={(m) => m.id}
          rowClassName={(m) => (m.id === selected ? 'selected' : undefined)}
          sort={sort}
          onSort={(key) => {
            setSort(nextSort(sort, key))
          }}
          empty={<p className="card muted">{state?.loaded === true ? (onlyNew || query !== '' ? t('noMatch') : t('noBoxes')) : t('notYet')}</p>}
        />
      </div>
      {showMessages && current !== undefined && profileId !== null && (
        <Messages key={current.id} profileId={profileId} box={current} playbackWhy={state?.playback.why ?? ''} />
      )}
      {!showMessages && state !== undefined && <p className="muted small">{state.playback.why}</p>}
    </section>
  )
}
