import './table.css'
import { useVirtualizer } from '@tanstack/react-virtual'
import { type ReactNode, useEffect, useRef } from 'react'
import type { Column, SortState } from './columns'
import { GridCells, GridHead, gridColumnsStyle } from './GridParts'

interface VirtualTableProps<Row, Key extends string | number> {
  readonly label: string
  readonly columns: readonly Column<Row>[]
  readonly rows: readonly Row[]
  readonly rowKey: (row: Row) => Key
  /** Fixed row height in px: rows are never measured. */
  readonly rowHeight: number
  /** Extra class of the grid, for its place in the view's layout. */
  readonly className?: string
  /** Shown in the body while there are no rows (pass undefined while they load). */
  readonly empty?: ReactNode
  /**
   * Row selection: a click selects a row (again: clears it), Enter on a focused row selects it,
   * Escape clears. Without it rows are not selectable.
   */
  readonly selection?: { readonly selected: Key | null; readonly onSelect: (key: Key | null) => void }
  /** The last row rendered (shown or just below), for loading the next page before it is reached. */
  readonly onLastRendered?: (index: number) => void
  /** The order shown, and what a click on a sortable header asks for (the caller orders the rows). */
  readonly sort?: SortState
  readonly onSort?: (key: string) => void
}

/**
 * A grid table of any length: only the rows near the viewport are rendered (TanStack Virtual),
 * each placed at its offset. Header and cells come from the column descriptors; the columns'
 * widths lay out the head and every row alike.
 */
export function VirtualTable<Row, Key extends string | number>(props: VirtualTableProps<Row, Key>): React.JSX.Element {
  const { label, columns, rows, rowKey, rowHeight, className, empty, selection, onLastRendered, sort, onSort } = props
  const scroller = useRef<HTMLDivElement>(null)
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => rowHeight, overscan: 12 })
  const items = virtualizer.getVirtualItems()
  const lastIndex = items[items.length - 1]?.index ?? -1
  useEffect(() => {
    onLastRendered?.(lastIndex)
  }, [onLastRendered, lastIndex])

  return (
    <div
      className={className === undefined ? 'grid-table' : `grid-table ${className}`}
      role="grid"
      aria-label={label}
      aria-rowcount={rows.length + 1}
      style={gridColumnsStyle(columns)}
    >
      <GridHead columns={columns} sort={sort} onSort={onSort} />
      <div ref={scroller} className="grid-body">
        {rows.length === 0 && empty}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = rows[item.index]
            if (row === undefined) return null
            const key = rowKey(row)
            const selected = selection === undefined ? undefined : key === selection.selected
            return (
              <div
                key={key}
                role="row"
                aria-selected={selected}
                tabIndex={selection === undefined ? undefined : 0}
                className={`grid-row${selection === undefined ? '' : ' selectable'}${selected === true ? ' selected' : ''}`}
                style={{ transform: `translateY(${String(item.start)}px)`, height: rowHeight }}
                onClick={
                  selection === undefined
                    ? undefined
                    : () => {
                        selection.onSelect(selected === true ? null : key)
                      }
                }
                onKeyDown={
                  selection === undefined
                    ? undefined
                    : (e) => {
                        if (e.key === 'Enter' && e.target === e.currentTarget) selection.onSelect(key)
                        else if (e.key === 'Escape') selection.onSelect(null)
                      }
                }
              >
                <GridCells columns={columns} row={row} ctx={undefined} />
              </div>
            )
          })}
        </div>
      </div>
    </div>
  )
}
