import './table.css'
import type { ReactNode } from 'react'
import { ariaSort, type Column, columnClass, type SortState } from './columns'
import { HeaderLabel } from './HeaderLabel'

interface TableProps<Row> {
  /** The table's accessible name (`Audit log`, `Members of support`). */
  readonly label: string
  readonly columns: readonly Column<Row>[]
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

/** A plain, accessible table (`<table>` with column headers) drawn from column descriptors. */
export function Table<Row>({ label, columns, rows, rowKey, rowClassName, empty, caption, sort, onSort }: TableProps<Row>): React.JSX.Element {
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
          <tr key={rowKey(row, i)} className={rowClassName?.(row)}>
            {columns.map((c) => (
              <td key={c.key} className={columnClass(c, c.cellClassName)} title={c.cellTitle?.(row, undefined)}>
                {c.cell(row, undefined)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  )
}
