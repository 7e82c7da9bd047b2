import './table.css'
import { memo, type ReactNode } from 'react'
import { ariaSort, type Column, columnClass, type SortState } from './columns'
import { HeaderLabel } from './HeaderLabel'

interface TableProps<Row, Ctx = undefined> {
  /** The table's accessible name (`Audit log`, `Members of support`). */
  readonly label: string
  readonly columns: readonly Column<Row, Ctx>[]
  /** What a row's cells read besides the row (their `ctx`); undefined without it. */
  readonly rowCtx?: (row: Row) => Ctx
  /**
   * A row re-renders only when its row object, its ctx, its class or the columns changed: for live
   * views whose rows keep their objects while unchanged (the agent board: 500 agents, a live frame
   * changes a few). Only for cells that read nothing but their row and ctx (a timer reads the clock itself).
   */
  readonly memoRows?: boolean
  readonly rows: readonly Row[]
  readonly rowKey: (row: Row, index: number) => string
  readonly rowClassName?: (row: Row) => string | undefined
  /** Shown instead of the table while it has no rows; without it an empty table keeps its header. */
  readonly empty?: ReactNode
  /** A visible title above the rows. */
  readonly caption?: string
  readonly sort?: SortState
  readonly onSort?: (key: string) => void
}

interface RowProps {
  readonly row: unknown
  readonly ctx: unknown
  readonly columns: readonly Column<unknown, unknown>[]
  readonly className: string | undefined
}

function Row({ row, ctx, columns, className }: RowProps): React.JSX.Element {
  return (
    <tr className={className}>
      {columns.map((c) => (
        <td key={c.key} className={columnClass(c, c.cellClassName)} title={c.cellTitle?.(row, ctx)}>
          {c.cell(row, ctx)}
        </td>
      ))}
    </tr>
  )
}

const MemoRow = memo(Row)

/** A plain, accessible table (`<table>` with column headers) drawn from column descriptors. */
export function Table<Row, Ctx = undefined>({
  label,
  columns,
  rowCtx,
  memoRows,
  rows,
  rowKey,
  rowClassName,
  empty,
  caption,
  sort,
  onSort,
}: TableProps<Row, Ctx>): React.JSX.Element {
  const TableRow = memoRows === true ? MemoRow : Row
  // The row component is not generic: its cells are the columns', typed here.
  const cells = columns as unknown as readonly Column<unknown, unknown>[]
  if (rows.length === 0 && empty !== undefined) return <>{empty}</>
  return (
    <table className="grid" aria-label={label}>
      {caption !== undefined && <caption>{caption}</caption>}
      <thead>
        <tr>
          {columns.map((c) => (
            <th
              key={c.key}
              scope="col"
              className={columnClass(c)}
              aria-sort={ariaSort(c, sort)}
              aria-label={c.hiddenHeader === true ? c.header : undefined}
            >
              <HeaderLabel column={c} sort={sort} onSort={onSort} />
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          <TableRow key={rowKey(row, i)} row={row} ctx={rowCtx?.(row)} columns={cells} className={rowClassName?.(row)} />
        ))}
      </tbody>
    </table>
  )
}
