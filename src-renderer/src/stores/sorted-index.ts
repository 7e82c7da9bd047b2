/**
 * A sorted array kept up to date one change at a time: an item leaves its place and its next
 * version is put where it belongs, found by binary search. A change costs O(log n) comparisons
 * plus one native splice — not a pass over every item — which is what a list of thousands of live
 * calls needs when a frame changes a few dozen of them.
 *
 * `cmp` must be a total order (ties broken by a unique key) and an item's sort key must never
 * change while it is indexed (live entities are immutable: a change is a new object), so the
 * binary search always finds the exact item to remove.
 */
export class SortedIndex<T> {
  private items: T[] = []

  constructor(
    private readonly cmp: (a: T, b: T) => number,
    private readonly keep: (item: T) => boolean = () => true,
  ) {}

  get length(): number {
    return this.items.length
  }

  at(i: number): T | undefined {
    return this.items[i]
  }

  first(): T | undefined {
    return this.items[0]
  }

  /** The items in order (a copy: the index keeps changing). */
  toArray(): T[] {
    return this.items.slice()
  }

  /** Position of `item` (the same object that was indexed), -1 when it is not indexed. */
  indexOf(item: T): number {
    const i = this.lowerBound(item)
    return i < this.items.length && this.items[i] === item ? i : -1
  }

  /** Everything again from `all` (a snapshot, a new filter or order). */
  reset(all: Iterable<T>): void {
    const items: T[] = []
    for (const item of all) if (this.keep(item)) items.push(item)
    items.sort(this.cmp)
    this.items = items
  }

  /**
   * One entity changed from `before` to `after` (undefined: absent). Returns true when the
   * index changed (an item entered, left, or was replaced).
   */
  update(before: T | undefined, after: T | undefined): boolean {
    let changed = false
    if (before !== undefined && this.keep(before)) {
      const i = this.indexOf(before)
      if (i >= 0) {
        this.items.splice(i, 1)
        changed = true
      }
    }
    if (after !== undefined && this.keep(after)) {
      this.items.splice(this.lowerBound(after), 0, after)
      changed = true
    }
    return changed
  }

  /** First position whose item is not before `item`. */
  private lowerBound(item: T): number {
    let lo = 0
    let hi = this.items.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (this.cmp(this.items[mid] as T, item) < 0) lo = mid + 1
      else hi = mid
    }
    return lo
  }
}
