import type { SortState } from '../../components/table/columns'

/** A row's value in a sortable column: text sorts by name (numbers inside in numeric order). */
export type SortValue = string | number

/**
 * How a list finds and orders its rows: the text a search matches against, and each sortable
 * column's value. Computed once per row when the list arrives, never per keystroke.
 */
export interface ListRules<Row> {
  readonly searchText: (row: Row) => string
  readonly sortValues: Readonly<Record<string, (row: Row) => SortValue>>
}

// "Extension 9" before "Extension 10", and case and accents ignored, as an admin reads a list.
const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' })

const compareValues = (a: SortValue, b: SortValue): number =>
  typeof a === 'number' && typeof b === 'number' ? a - b : collator.compare(String(a), String(b))

/** The words of a search: every one must appear in a row's text (in any order). */
export function searchTerms(text: string): string[] {
  return text
    .toLowerCase()
    .split(/\s+/)
    .filter((t) => t !== '')
}

/**
 * One list's rows, searchable and sortable at typing speed (thousands of extensions): each
 * row's search text is lower-cased once, each order is sorted once and kept, so a keystroke is
 * one pass of `includes` over the rows in the order already known — no sort, no allocation per
 * row beyond the result.
 */
export class ListQuery<Row> {
  private readonly haystacks: readonly string[]
  private readonly orders = new Map<string, readonly number[]>()
  /** The last search, so typing one more letter searches only the rows that still matched. */
  private last: { readonly terms: readonly string[]; readonly order: string; readonly hits: readonly number[] } | undefined

  constructor(
    readonly rows: readonly Row[],
    private readonly rules: ListRules<Row>,
  ) {
    this.haystacks = rows.map((r) => rules.searchText(r).toLowerCase())
  }

  /** The rows matching `text`, in `sort`'s order (the list's own order when `sort` names no known column). */
  run(text: string, sort: SortState | undefined): Row[] {
    const order = this.order(sort)
    const orderKey = sort === undefined ? '' : `${sort.key}:${sort.descending ? 'd' : 'a'}`
    const terms = searchTerms(text)
    if (terms.length === 0) {
      this.last = undefined
      return order.map((i) => this.rows[i] as Row)
    }
    // A search that only adds to the last one (one more letter, one more word) can only narrow it.
    const from = this.last !== undefined && this.last.order === orderKey && narrows(this.last.terms, terms) ? this.last.hits : order
    const hits = from.filter((i) => {
      const hay = this.haystacks[i] as string
      return terms.every((t) => hay.includes(t))
    })
    this.last = { terms, order: orderKey, hits }
    return hits.map((i) => this.rows[i] as Row)
  }

  private order(sort: SortState | undefined): readonly number[] {
    const value = sort === undefined ? undefined : this.rules.sortValues[sort.key]
    if (sort === undefined || value === undefined) return this.identity()
    const key = `${sort.key}:${sort.descending ? 'd' : 'a'}`
    let order = this.orders.get(key)
    if (order === undefined) {
      const values = this.rows.map(value)
      const sign = sort.descending ? -1 : 1
      // Ties keep the list's own order (stable in both directions), so equal rows never swap.
      order = this.identity()
        .slice()
        .sort((a, b) => sign * compareValues(values[a] as SortValue, values[b] as SortValue) || a - b)
      this.orders.set(key, order)
    }
    return order
  }

  private identity(): readonly number[] {
    let order = this.orders.get('')
    if (order === undefined) {
      order = this.rows.map((_, i) => i)
      this.orders.set('', order)
    }
    return order
  }
}

/** Every term of `next` contains a term of `prev` at the same place, and none was removed. */
function narrows(prev: readonly string[], next: readonly string[]): boolean {
  return prev.length <= next.length && prev.every((t, i) => (next[i] ?? '').includes(t))
}

/** A number one above the highest numeric id of a list (FreePBX's own "next free" habit), else `first`. */
export function nextFreeNumber(ids: readonly string[], first: number): string {
  let max = first - 1
  for (const id of ids) if (/^\d{1,9}$/.test(id)) max = Math.max(max, Number(id))
  return String(max + 1)
}
