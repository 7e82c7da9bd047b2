import { useVirtualizer } from '@tanstack/react-virtual'
import { memo, useRef } from 'react'
import type { LiveCall } from '../../../../src-preload/types/live'
import { Elapsed } from './Elapsed'
import { STATE_LABEL, type SortKey } from './call-model'
import { partyLabel } from './format'

interface Props {
  readonly calls: readonly LiveCall[]
  readonly selectedId: string | null
  readonly onSelect: (id: string) => void
  readonly sort: SortKey
  readonly descending: boolean
  readonly onSort: (key: SortKey) => void
  readonly holdAlertSeconds: number
}

/** Fixed row height (also in app.css `.call-row`): the virtualizer never measures rows. */
const ROW_HEIGHT = 40
const COLUMNS: readonly { key: SortKey; label: string }[] = [
  { key: 'caller', label: 'Caller' },
  { key: 'callee', label: 'To' },
  { key: 'state', label: 'State' },
  { key: 'duration', label: 'Time' },
]

function Party({ p }: { p: { name: string; number: string } }): React.JSX.Element {
  const { primary, secondary } = partyLabel(p)
  return (
    <span className="party">
      <span className="party-primary">{primary}</span>
      {secondary !== '' && <span className="party-secondary mono">{secondary}</span>}
    </span>
  )
}

interface RowProps {
  readonly call: LiveCall
  readonly selected: boolean
  readonly top: number
  readonly onSelect: (id: string) => void
  readonly holdAlertSeconds: number
}

/**
 * A row's cells, memoised on the call alone: patches keep the identity of calls that did not
 * change, and a row that only moves (a new call above it) does not re-render its cells.
 */
const CallCells = memo(function CallCells({ call, holdAlertSeconds }: { call: LiveCall; holdAlertSeconds: number }): React.JSX.Element {
  const waiting = call.state === 'hold' || call.state === 'parked' || call.state === 'queued'
  return (
    <>
      <span role="gridcell" className="col-icon" title={call.direction}>
        {call.direction === 'inbound' ? '↘' : call.direction === 'outbound' ? '↗' : '↔'}
      </span>
      <span role="gridcell" className="col-caller">
        <Party p={call.caller} />
      </span>
      <span role="gridcell" className="col-callee">
        <Party p={call.callee} />
      </span>
      <span role="gridcell" className="col-state">
        <span className={`state-badge state-${call.state}`}>{STATE_LABEL[call.state]}</span>
      </span>
      <span role="gridcell" className="col-duration">
        {waiting ? <Elapsed since={call.stateSince ?? call.startedAt} alertAfterS={holdAlertSeconds} /> : <Elapsed since={call.answeredAt ?? call.startedAt} />}
      </span>
      <span role="gridcell" className="col-via muted">
        {call.queue !== undefined ? `Queue ${call.queue}` : call.trunk !== undefined ? `Trunk ${call.trunk}` : ''}
        {call.did !== undefined ? ` · ${call.did}` : ''}
      </span>
    </>
  )
})

/** One row: position, selection and drag; the cells render only when the call changed. */
const CallRow = memo(function CallRow({ call, selected, top, onSelect, holdAlertSeconds }: RowProps): React.JSX.Element {
  return (
    <div
      role="row"
      aria-selected={selected}
      data-call-id={call.id}
      draggable
      onDragStart={(e) => {
        e.dataTransfer.setData('application/x-attendant-call', call.id)
        e.dataTransfer.effectAllowed = 'move'
      }}
      className={`call-row state-${call.state}${selected ? ' selected' : ''}`}
      style={{ transform: `translateY(${String(top)}px)` }}
      onClick={() => {
        onSelect(call.id)
      }}
    >
      <CallCells call={call} holdAlertSeconds={holdAlertSeconds} />
    </div>
  )
})

/**
 * Every live call in a virtualized grid: thousands of rows cost only what is on screen. Rows are
 * draggable onto an extension tile (blind transfer) and selectable by click or arrow keys.
 */
export function CallsTable(props: Props): React.JSX.Element {
  const scroller = useRef<HTMLDivElement>(null)
  const virtualizer = useVirtualizer({
    count: props.calls.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    // A few rows beyond the edges keep scrolling seamless without rendering many unseen rows.
    overscan: 4,
  })

  return (
    <div className="calls-table" role="grid" aria-label="Live calls" aria-rowcount={props.calls.length + 1}>
      <div className="calls-head" role="row">
        <span role="columnheader" className="col-icon" aria-label="Direction" />
        {COLUMNS.map((c) => (
          <span
            key={c.key}
            role="columnheader"
            aria-sort={props.sort === c.key ? (props.descending ? 'descending' : 'ascending') : 'none'}
            className={`col-${c.key}`}
          >
            <button type="button" className="link" onClick={() => { props.onSort(c.key) }}>
              {c.label}
              {props.sort === c.key ? (props.descending ? ' ▾' : ' ▴') : ''}
            </button>
          </span>
        ))}
        <span role="columnheader" className="col-via">
          Via
        </span>
      </div>
      <div ref={scroller} className="calls-body">
        {props.calls.length === 0 && <p className="empty muted">No calls right now.</p>}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const call = props.calls[item.index]
            if (call === undefined) return null
            return (
              <CallRow
                key={call.id}
                call={call}
                selected={call.id === props.selectedId}
                top={item.start}
                onSelect={props.onSelect}
                holdAlertSeconds={props.holdAlertSeconds}
              />
            )
          })}
        </div>
      </div>
    </div>
  )
}
