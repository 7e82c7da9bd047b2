import './table.css'
import type { CSSProperties } from 'react'
import { ariaSort, type Column, columnClass, gridTemplate, type SortState } from './columns'
import { HeaderLabel } from './HeaderLabel'

/**
 * The parts of a grid table (`role="grid"`, rows of cells laid out by CSS grid), for lists that
 * place their own rows: the virtualised history and the live calls list.
 */

/** The style that gives the grid its columns' widths; set once on the grid, read by its head and rows. */
export function gridColumnsStyle<Row, Ctx>(columns: readonly Column<Row, Ctx>[]): CSSProperties {
  return { '--grid-columns': gridTemplate(columns) } as CSSProperties
}

/** The header row of a grid table. */
export function GridHead<Row, Ctx>({
  columns,
  sort,
  onSort,
  className,
}: {
  columns: readonly Column<Row, Ctx>[]
  sort?: SortState | undefined
  onSort?: ((key: string) => void) | undefined
  className?: string
}): React.JSX.Element {
  return (
    <div className={className === undefined ? 'grid-head' : `grid-head ${className}`} role="row">
      {columns.map((c) => (
        <span
          key={c.key}
          role="columnheader"
          className={columnClass(c)}
          aria-sort={ariaSort(c, sort)}
          aria-label={c.hiddenHeader === true ? c.header : undefined}
        >
          <HeaderLabel column={c} sort={sort} onSort={onSort} />
        </span>
      ))}
    </div>
  )
}

/** One row's cells. */
export function GridCells<Row, Ctx>({ columns, row, ctx }: { columns: readonly Column<Row, Ctx>[]; row: Row; ctx: Ctx }): React.JSX.Element {
  return (
    <>
      {columns.map((c) => (
        <span key={c.key} role="gridcell" className={columnClass(c, c.cellClassName)} title={c.cellTitle?.(row, ctx)}>
          {c.cell(row, ctx)}
        </span>
      ))}
    </>
  )
}
