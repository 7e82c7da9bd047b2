import type { Column, SortState } from './columns'

/**
 * What a header cell holds: nothing for a hidden header (it is named by aria-label), the text, or
 * for a sortable column a button with the text and the order's arrow.
 */
export function HeaderLabel<Row, Ctx>({
  column,
  sort,
  onSort,
}: {
  column: Column<Row, Ctx>
  sort: SortState | undefined
  onSort: ((key: string) => void) | undefined
}): React.JSX.Element | null {
  if (column.hiddenHeader === true) return null
  if (column.sortable !== true || onSort === undefined) return <>{column.header}</>
  const arrow = sort?.key === column.key ? (sort.descending ? ' ▾' : ' ▴') : ''
  return (
    <button
      type="button"
      className="link"
      onClick={() => {
        onSort(column.key)
      }}
    >
      {column.header}
      {arrow}
    </button>
  )
}
