import type { ReactNode } from 'react'

/**
 * One column of a table, described once: its header, how a row's cell reads, and whether it
 * orders the rows. Every table of the console (plain, virtualised, the live calls grid) is drawn
 * from these. `Ctx` is what a cell needs besides its row (the calls grid: suggested, alert time).
 */
export interface Column<Row, Ctx = undefined> {
  /** Stable key: React's key, the sort key, and the `col-<key>` class of the header and cells. */
  readonly key: string
  readonly header: string
  /** The header is named for assistive technology only (an icon or actions column). */
  readonly hiddenHeader?: boolean
  readonly cell: (row: Row, ctx: Ctx) => ReactNode
  /** Classes of the cells (not the header): `mono`, `buttons`. */
  readonly cellClassName?: string
  /** A cell's tooltip. */
  readonly cellTitle?: (row: Row, ctx: Ctx) => string | undefined
  /** The rows can be ordered by this column: its header is a button. */
  readonly sortable?: boolean
  /** Its track in a grid table's `grid-template-columns`: `90px`, `minmax(140px, 1.3fr)`. */
  readonly width?: string
}

/** The column the rows are ordered by, and which way. */
export interface SortState {
  readonly key: string
  readonly descending: boolean
}

/** A click on a sortable header: the same column again flips the order, another starts ascending. */
export function nextSort(current: SortState, key: string): SortState {
  return key === current.key ? { key, descending: !current.descending } : { key, descending: false }
}

/** aria-sort of a header: only sortable columns say it, and only when the table sorts. */
export function ariaSort(
  column: Pick<Column<unknown>, 'key' | 'sortable'>,
  sort: SortState | undefined,
): 'ascending' | 'descending' | 'none' | undefined {
  if (column.sortable !== true || sort === undefined) return undefined
  return sort.key === column.key ? (sort.descending ? 'descending' : 'ascending') : 'none'
}

/** The `grid-template-columns` of a grid table: each column's width (`1fr` when it names none). */
export function gridTemplate(columns: readonly Pick<Column<unknown>, 'width'>[]): string {
  return columns.map((c) => c.width ?? '1fr').join(' ')
}

/** `col-key` plus the extra classes, for a header or a cell. */
export function columnClass(column: Pick<Column<unknown>, 'key'>, extra?: string): string {
  return extra === undefined || extra === '' ? `col-${column.key}` : `col-${column.key} ${extra}`
}
