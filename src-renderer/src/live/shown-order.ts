import type { LiveCall } from '../../../src-preload/types/live'

/** What ShownOrder reads: the live list (CallList). */
export interface OrderSource {
  readonly length: number
  at(i: number): LiveCall | undefined
  /** Position of this very call object, -1 when it is not listed. */
  indexOf(call: LiveCall): number
  toArray(): LiveCall[]
}

/** While the user scrolls, the held order is refreshed from the live list this often. */
export const HOLD_REFRESH_MS = 500
/** Rows from the anchor down tried when the anchor's call itself has ended. */
const ANCHOR_TRIES = 8

/**
 * The order the calls list shows its rows in. Normally the live list itself. While the user
 * scrolls it is *held*: a copy of the live order, taken when scrolling starts and refreshed at
 * most every `refreshMs` while it goes on, so that rows do not jump under the pointer as calls
 * enter and leave above them (newest first: ~50 new calls a second under load), and the list is
 * not repainted from top to bottom on every live frame in the middle of a scroll.
 *
 * A refresh keeps the rows the user looks at where they are: the first visible row (`anchor`)
 * stays at its position, so calls that entered above it are not shown until the hold ends
 * (`offset` hides them), calls that ended leave, and calls that sort into the view appear. Row
 * contents stay live throughout (`current` gives each held call's latest version); a call that
 * ended stays as last seen until the next refresh. `release()` (scrolling stopped) shows the live
 * order again and says by how many rows the view must scroll to keep its rows in place.
 *
 * `version` changes whenever what is shown may have changed, so a view can subscribe to it.
 */
export class ShownOrder {
  private held: { readonly calls: readonly LiveCall[]; readonly offset: number; readonly at: number } | null = null
  private anchorRow = 0
  version = 0

  constructor(
    private readonly list: OrderSource,
    private readonly current: (id: string) => LiveCall | undefined,
    private readonly now: () => number = () => performance.now(),
    private readonly refreshMs: number = HOLD_REFRESH_MS,
  ) {}

  get holding(): boolean {
    return this.held !== null
  }

  get length(): number {
    return this.held === null ? this.list.length : this.held.calls.length - this.held.offset
  }

  at(i: number): LiveCall | undefined {
    if (this.held === null) return this.list.at(i)
    const call = this.held.calls[i + this.held.offset]
    return call === undefined ? undefined : (this.current(call.id) ?? call)
  }

  /**
   * The row the call `id` is shown in, -1 when it is not shown (filtered out, ended, or entered
   * above while the order is held). Keyboard selection moves through these rows, not the live
   * order, so the arrow keys go to the row the user sees next to the selected one.
   */
  rowOf(id: string): number {
    if (this.held === null) {
      const call = this.current(id)
      return call === undefined ? -1 : this.list.indexOf(call)
    }
    const i = this.held.calls.findIndex((c) => c.id === id)
    return i < this.held.offset ? -1 : i - this.held.offset
  }

  /** The first row the view shows (kept in place by refreshes and by release). */
  anchor(row: number): void {
    this.anchorRow = row
  }

  /**
   * The live list changed (members, order or a call's contents); `reordered`: a new filter,
   * sort or profile, which a held order takes at once, from the top.
   */
  listChanged(reordered = false): void {
    if (this.held !== null && (reordered || this.now() - this.held.at >= this.refreshMs)) this.take(!reordered)
    this.version++
  }

  /** The user started (or goes on) scrolling: hold the order if it is not held yet. */
  hold(): void {
    if (this.held !== null) return
    this.take(false)
    this.version++
  }

  /**
   * Scrolling stopped: show the live order again. Returns the rows the view should scroll down
   * by so that its first row stays where it is (0 when not held or nothing moved).
   */
  release(): number {
    if (this.held === null) return 0
    const live = this.list.toArray()
    const shift = this.anchoredOffset(live)
    this.held = null
    this.version++
    return shift
  }

  private take(anchored: boolean): void {
    const calls = this.list.toArray()
    this.held = { calls, offset: anchored ? this.anchoredOffset(calls) : 0, at: this.now() }
  }

  /** Offset into `calls` that puts the anchor row's call (or the next one still there) at its row. */
  private anchoredOffset(calls: readonly LiveCall[]): number {
    const held = this.held
    if (held === null) return 0
    for (let k = 0; k < ANCHOR_TRIES; k++) {
      const row = this.anchorRow + k
      const old = held.calls[row + held.offset]
      if (old === undefined) break
      const idx = calls.findIndex((c) => c.id === old.id)
      if (idx >= 0) return Math.max(0, idx - row)
    }
    return held.offset
  }
}
