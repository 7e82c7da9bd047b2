import { memo, useLayoutEffect, useMemo, useRef, useState } from 'react'
import type { LiveCall } from '../../../../src-preload/types/live'
import { shownOrder, useLiveStore } from '../../stores/live-store'
import { CallBadges } from '../../components/CallBadges'
import { Elapsed } from '../../components/Elapsed'
import { type Column, GridCells, GridHead, gridColumnsStyle } from '../../components/table'
import { staleText } from '../../stores/live-health'
import type { SortKey } from '../../live/call-list'
import { callStateLabel, directionText, partyText, rowTimerSince, viaText, voicemailText } from './call-model'
import { useDirectoryRevision } from '../../stores/directory-store'
import { usePhonebook } from '../../stores/phonebook-store'
import { looksUp, partyView } from '../../components/caller/party-view'
import { tr } from '../../i18n'
import { strings } from './strings'

const t = tr(strings)

interface Props {
  readonly onSelect: (id: string) => void
  readonly sort: SortKey
  readonly descending: boolean
  /** A sortable column's header was pressed (its key is a SortKey). */
  readonly onSort: (key: string) => void
  /** A filter narrows the list (the empty list then says so). */
  readonly filtered: boolean
  readonly holdAlertSeconds: number
  /** Seconds after which a ringing call's timer turns red. */
  readonly ringAlertSeconds: number
}

/** Fixed row height (also in app.css `.call-row`): rows are never measured. */
const ROW_HEIGHT = 40
/** Rows rendered beyond each edge, so scrolling shows rendered rows before React catches up. */
const OVERSCAN = 6
/** No scroll event for this long: the user stopped scrolling, the live order shows again. */
const SCROLL_SETTLE_MS = 200

/** A party by name: the PBX's, the directory's, or the phonebook's when `lookup` (its note as the title). */
function Party({ p, lookup }: { p: { name: string; number: string }; lookup: boolean }): React.JSX.Element {
  const { primary, secondary, note, named } = partyView(p, lookup)
  return (
    <span className={named ? 'party party-phonebook' : 'party'} title={note !== '' ? note : undefined}>
      <span className="party-primary">{primary}</span>
      {secondary !== '' && <span className="party-secondary mono">{secondary}</span>}
    </span>
  )
}

interface RowProps {
  readonly call: LiveCall
  /** Position in the list (px): rows sit where they are in the list, absolutely placed. */
  readonly top: number
  readonly selected: boolean
  /** Suggested (nothing is selected): marked calmly, never highlighted like the selection. */
  readonly suggested: boolean
  readonly onSelect: (id: string) => void
  readonly alerts: Alerts
  /** The directory's revision: the PBX's names changed, so the cells name parties again. */
  readonly names: number
  /** The phonebook's revision: contacts changed, so callers are named again. */
  readonly contacts: number
}

/**
 * Who the caller is with now: the party talking, the phones ringing (`Ringing 101, 102`), whose
 * voicemail, the parking space; with nobody yet (a queue, an IVR), what was dialled.
 */
function WithWhom({ call }: { call: LiveCall }): React.JSX.Element {
  const target = call.target
  if (target === undefined || (target.kind === 'talking' && target.parties.length === 1))
    return <Party p={call.callee} lookup={looksUp(call, 'callee')} />
  const who = target.parties.map(partyText).join(', ')
  const text =
    target.kind === 'ringing'
      ? t('row.ringing', { who })
      : target.kind === 'voicemail'
        ? voicemailText(target, 'short')
        : target.kind === 'parked'
          ? t('row.parked', { who })
          : who
  return (
    <span className="party">
      <span className="party-primary">{text}</span>
    </span>
  )
}

/** When waiting timers turn red: on hold, parked or queued after the hold alert, ringing after the ring alert. */
export interface Alerts {
  readonly holdAlertSeconds: number
  readonly ringAlertSeconds: number
}

/** What a row's cells need besides the call. */
interface CellContext {
  /** The row is the suggested call (nothing is selected). */
  readonly suggested: boolean
  readonly alerts: Alerts
}

/** The seconds after which the call's timer turns red, or undefined for a call nobody waits on. */
function alertAfter(call: LiveCall, alerts: Alerts): number | undefined {
  if (call.target?.kind === 'voicemail') return undefined
  if (call.state === 'ringing') return alerts.ringAlertSeconds
  return call.state === 'hold' || call.state === 'parked' || call.state === 'queued' ? alerts.holdAlertSeconds : undefined
}

/** The calls list's columns (their widths are the grid's tracks; the sortable keys are SortKeys). */
const CALL_COLUMNS: readonly Column<LiveCall, CellContext>[] = [
  {
    key: 'icon',
    get header() {
      return t('col.direction')
    },
    hiddenHeader: true,
    width: '28px',
    cellTitle: (call) => directionText(call.direction),
    cell: (call) => (call.direction === 'inbound' ? '↘' : call.direction === 'outbound' ? '↗' : '↔'),
  },
  {
    key: 'caller',
    get header() {
      return t('col.caller')
    },
    sortable: true,
    width: 'minmax(140px, 1.4fr)',
    cell: (call) => <Party p={call.caller} lookup={looksUp(call, 'caller')} />,
  },
  {
    key: 'callee',
    get header() {
      return t('col.with')
    },
    sortable: true,
    width: 'minmax(120px, 1.2fr)',
    cell: (call) => <WithWhom call={call} />,
  },
  {
    key: 'state',
    get header() {
      return t('col.state')
    },
    sortable: true,
    width: '110px',
    cell: (call) => <span className={`state-badge state-${call.state}`}>{callStateLabel(call)}</span>,
  },
  {
    key: 'duration',
    get header() {
      return t('col.time')
    },
    sortable: true,
    width: '70px',
    cell: (call, { alerts }) => {
      const after = alertAfter(call, alerts)
      return after === undefined ? <Elapsed since={rowTimerSince(call)} /> : <Elapsed since={rowTimerSince(call)} alertAfterS={after} />
    },
  },
  {
    key: 'via',
    get header() {
      return t('col.path')
    },
    width: 'minmax(100px, 1fr)',
    cellClassName: 'muted',
    cellTitle: (call) => viaText(call) || undefined,
    cell: (call, { suggested }) => (
      <>
        {suggested && <span className="suggested-tag">{t('suggested')}</span>}
        <CallBadges call={call} place="row" />
        {viaText(call)}
      </>
    ),
  },
]
const COLUMNS_STYLE = gridColumnsStyle(CALL_COLUMNS)

/**
 * A row's cells, memoised on the call alone: patches keep the identity of calls that did not
 * change, so selecting a row does not re-render its cells.
 */
// `names` and `contacts` are not read: a new revision of the directory or the phonebook re-renders
// the cells, which name parties from them.
const CallCells = memo(function CallCells({
  call,
  suggested,
  alerts,
}: {
  call: LiveCall
  suggested: boolean
  alerts: Alerts
  names: number
  contacts: number
}): React.JSX.Element {
  return <GridCells columns={CALL_COLUMNS} row={call} ctx={{ suggested, alerts }} />
})

/**
 * One row: selection and drag. Each row is placed at its own position in the list, so a scroll
 * step that brings a row in or takes one out leaves every other row where it was painted: only
 * the row that entered is painted, instead of every rendered row shifting inside one moved block.
 */
const CallRow = memo(function CallRow({ call, top, selected, suggested, onSelect, alerts, names, contacts }: RowProps): React.JSX.Element {
  return (
    <div
      style={{ top }}
      role="row"
      aria-selected={selected}
      data-call-id={call.id}
      data-suggested={suggested || undefined}
      draggable
      onDragStart={(e) => {
        e.dataTransfer.setData('application/x-attendant-call', call.id)
        e.dataTransfer.effectAllowed = 'move'
      }}
      className={`call-row state-${call.state}${selected ? ' selected' : ''}${suggested ? ' suggested' : ''}`}
      onClick={() => {
        onSelect(call.id)
      }}
    >
      <CallCells call={call} suggested={suggested} alerts={alerts} names={names} contacts={contacts} />
    </div>
  )
})

interface RowRange {
  /** First row at the top edge of the viewport. */
  readonly first: number
  /** Rows the viewport can show. */
  readonly visible: number
}

/**
 * The rows the scroll position shows, from scrollTop and the viewport height alone (rows have a
 * fixed height: nothing is measured). A new range (and a render) only when the first visible
 * row or the viewport's capacity changes, not on every scroll event. While scroll events come,
 * the list's order is held (`holdCallsOrder`, see shown-order.ts) until SCROLL_SETTLE_MS after
 * the last one.
 */
function useRowRange(scroller: React.RefObject<HTMLDivElement | null>): RowRange {
  const [range, setRange] = useState<RowRange>({ first: 0, visible: 30 })
  const holdCallsOrder = useLiveStore((s) => s.holdCallsOrder)
  useLayoutEffect(() => {
    const el = scroller.current
    if (el === null) return
    let settle: ReturnType<typeof setTimeout> | undefined
    /** The scroll event of our own adjustment on release is not the user scrolling. */
    let adjusting = false
    const update = (): void => {
      const first = Math.floor(el.scrollTop / ROW_HEIGHT)
      const visible = Math.ceil(el.clientHeight / ROW_HEIGHT) + 1
      shownOrder.anchor(first)
      setRange((r) => (r.first === first && r.visible === visible ? r : { first, visible }))
    }
    const released = (): void => {
      settle = undefined
      const shift = holdCallsOrder(false)
      if (shift !== 0) {
        // The live order has the calls that entered above while held: scroll past them so the
        // rows the user stopped at stay where they are.
        adjusting = true
        el.scrollTop += shift * ROW_HEIGHT
        update()
      }
    }
    const scrolled = (): void => {
      if (adjusting) {
        adjusting = false
        update()
        return
      }
      holdCallsOrder(true)
      clearTimeout(settle)
      settle = setTimeout(released, SCROLL_SETTLE_MS)
      update()
    }
    update()
    el.addEventListener('scroll', scrolled, { passive: true })
    const resize = new ResizeObserver(update)
    resize.observe(el)
    return () => {
      el.removeEventListener('scroll', scrolled)
      resize.disconnect()
      if (settle !== undefined) {
        clearTimeout(settle)
        released()
      }
    }
  }, [scroller, holdCallsOrder])
  return range
}

/**
 * Scrolls the list just enough to show the row of a call the user selected (arrow keys, Home,
 * End), and only when the selection changes: a selected row that live reordering moves out of
 * view is not chased, and the suggested call (the longest-ringing) never scrolls the list.
 */
function useRevealSelected(scroller: React.RefObject<HTMLDivElement | null>): void {
  const selectedCallId = useLiveStore((s) => s.selectedCallId)
  useLayoutEffect(() => {
    const el = scroller.current
    if (el === null || selectedCallId === null) return
    const row = shownOrder.rowOf(selectedCallId)
    if (row >= 0) scrollRowIntoView(el, row)
  }, [scroller, selectedCallId])
}

/** Scrolls `list` by the least that shows the whole of `row` (not at all when it shows already). */
function scrollRowIntoView(list: HTMLElement, row: number): void {
  const top = row * ROW_HEIGHT
  if (top < list.scrollTop) list.scrollTop = top
  else if (top + ROW_HEIGHT > list.scrollTop + list.clientHeight) list.scrollTop = top + ROW_HEIGHT - list.clientHeight
}

/**
 * Every live call in a windowed grid: thousands of rows cost only what is on screen. The rows
 * come from the store's `shownOrder` (the incrementally kept `callList`, held while the user
 * scrolls); this re-renders when its version changes, and then only rows whose call or position
 * changed (or that scrolled in) render. Rows are draggable onto an extension tile (blind
 * transfer) and selectable by click or arrow keys.
 */
export function CallsTable(props: Props): React.JSX.Element {
  const scroller = useRef<HTMLDivElement>(null)
  // Subscribed for the re-render; the rows are read from shownOrder, which this version describes.
  useLiveStore((s) => s.callsVersion)
  const selectedId = useLiveStore((s) => s.selectedCallId)
  const names = useDirectoryRevision()
  const contacts = usePhonebook(useLiveStore((s) => s.profileId))
  const suggestedId = useLiveStore((s) => s.suggested?.id)
  const { first, visible } = useRowRange(scroller)
  useRevealSelected(scroller)
  const count = shownOrder.length
  // One object while the settings stay, so memoised rows and cells are not re-rendered for it.
  const { holdAlertSeconds, ringAlertSeconds } = props
  const alerts = useMemo(() => ({ holdAlertSeconds, ringAlertSeconds }), [holdAlertSeconds, ringAlertSeconds])
  const start = Math.max(0, Math.min(first, count - visible) - OVERSCAN)
  const end = Math.min(count, first + visible + OVERSCAN)
  const rows: React.JSX.Element[] = []
  for (let i = start; i < end; i++) {
    const call = shownOrder.at(i)
    if (call === undefined) continue
    rows.push(
      <CallRow
        key={call.id}
        call={call}
        top={i * ROW_HEIGHT}
        selected={call.id === selectedId}
        suggested={call.id === suggestedId}
        onSelect={props.onSelect}
        alerts={alerts}
        names={names}
        contacts={contacts}
      />,
    )
  }

  // Marked on the list itself (a strip under the head; the toolbar's status says it in words for
  // assistive technology: a grid holds only rows).
  const stale = useLiveStore((s) => (s.health.stale === undefined ? undefined : staleText(s.health.stale)))
  return (
    <div
      className={`calls-table${stale !== undefined ? ' stale' : ''}`}
      data-stale={stale === undefined ? undefined : t('notLiveStrip', { reason: stale })}
      role="grid"
      aria-label={t('listLabel')}
      aria-rowcount={count + 1}
      style={COLUMNS_STYLE}
    >
      <GridHead className="calls-head" columns={CALL_COLUMNS} sort={{ key: props.sort, descending: props.descending }} onSort={props.onSort} />
      <div ref={scroller} className="calls-body">
        {count === 0 && <p className="empty muted">{props.filtered ? t('noMatch') : t('noCalls')}</p>}
        <div className="calls-spacer" style={{ height: count * ROW_HEIGHT }}>
          {rows}
        </div>
      </div>
    </div>
  )
}
