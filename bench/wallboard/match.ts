/**
 * Event → tile latency from two lists on one clock (main's; see bench/support/clock.ts):
 *  - stamps: the PBX published an event after which a queue's counter is `value` (pbx-child.ts);
 *  - observations: the page saw that queue's tile show a counter value (tile-probe.ts).
 * Counters only grow, and the console may show several events in one frame (its patches are
 * coalesced), so an event is on screen at the first observation whose value is at least its own.
 */

export type TileCounter = 'answered' | 'abandoned'

export interface CounterStamp {
  readonly queue: string
  readonly field: TileCounter
  /** What the tile must come to show. */
  readonly value: number
  /** When the PBX published the event (ms). */
  readonly at: number
}

export interface TileObservation {
  readonly queue: string
  readonly field: TileCounter
  readonly value: number
  /** When the page's DOM showed it (ms). */
  readonly at: number
}

export interface TileLatencies {
  /** ms from each matched stamp to the tile showing it, in stamp order. */
  readonly latencies: number[]
  /** The matched stamps with their latencies, slowest first (at most 5). */
  readonly slowest: Array<{ readonly stamp: CounterStamp; readonly ms: number }>
  /** Stamps no observation reached (the tile never showed that value). */
  readonly notShown: number
  /**
   * Stamps the tile showed more than `toleranceMs` before the PBX published them: the console's
   * count is ahead of the PBX's (counted twice), so the pair says nothing about latency.
   */
  readonly early: number
  /** Stamps whose tile was not on screen from the event until it showed it (another page was shown). */
  readonly offScreen: number
}

/** When each queue's tile was on screen: [from, to) intervals, in time order. */
export type TileVisibility = ReadonlyMap<string, ReadonlyArray<readonly [number, number]>>

/** Visibility from the page's comings and goings ([queue, 1 | 0, time]), open intervals closed at `end`. */
export function visibilityOf(mounts: ReadonlyArray<readonly [string, number, number]>, end: number): TileVisibility {
  const open = new Map<string, number>()
  const out = new Map<string, Array<[number, number]>>()
  const close = (queue: string, at: number): void => {
    const from = open.get(queue)
    if (from === undefined) return
    open.delete(queue)
    const list = out.get(queue) ?? []
    list.push([from, at])
    out.set(queue, list)
  }
  for (const [queue, on, at] of [...mounts].sort((a, b) => a[2] - b[2])) {
    if (on === 1) {
      if (!open.has(queue)) open.set(queue, at)
    } else close(queue, at)
  }
  for (const queue of [...open.keys()]) close(queue, end)
  return out
}

function onScreenThroughout(v: TileVisibility, queue: string, from: number, to: number): boolean {
  return (v.get(queue) ?? []).some(([a, b]) => a <= from && to <= b)
}

const key = (queue: string, field: TileCounter): string => `${field}\n${queue}`

/**
 * Matches each stamp to the first observation of its queue and counter with a value ≥ its own.
 * With `visibility`, a stamp counts only when its tile was on screen from the event to that
 * observation (a tile brought back by the page rotation shows what it missed at once: no latency).
 */
export function tileLatencies(
  stamps: readonly CounterStamp[],
  observations: readonly TileObservation[],
  toleranceMs = 2,
  visibility?: TileVisibility,
): TileLatencies {
  // Per counter: times in order and the running maximum of the values shown (a search key that only grows).
  const series = new Map<string, { at: number[]; max: number[] }>()
  for (const o of [...observations].sort((a, b) => a.at - b.at)) {
    const k = key(o.queue, o.field)
    let s = series.get(k)
    if (s === undefined) series.set(k, (s = { at: [], max: [] }))
    s.at.push(o.at)
    s.max.push(Math.max(o.value, s.max[s.max.length - 1] ?? Number.NEGATIVE_INFINITY))
  }
  const latencies: number[] = []
  const matched: Array<{ readonly stamp: CounterStamp; readonly ms: number }> = []
  let notShown = 0
  let early = 0
  let offScreen = 0
  for (const st of stamps) {
    const s = series.get(key(st.queue, st.field))
    const i = s === undefined ? -1 : firstAtLeast(s.max, st.value)
    const at = i < 0 ? undefined : s?.at[i]
    if (visibility !== undefined && !onScreenThroughout(visibility, st.queue, st.at, at ?? st.at)) offScreen++
    else if (at === undefined) notShown++
    else if (at < st.at - toleranceMs) early++
    else {
      const ms = Math.max(0, at - st.at)
      latencies.push(ms)
      matched.push({ stamp: st, ms })
    }
  }
  const slowest = matched.sort((a, b) => b.ms - a.ms).slice(0, 5)
  return { latencies, slowest, notShown, early, offScreen }
}

/** Index of the first element ≥ value in an ascending list; -1 when none. */
function firstAtLeast(sorted: readonly number[], value: number): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((sorted[mid] ?? Number.POSITIVE_INFINITY) < value) lo = mid + 1
    else hi = mid
  }
  return lo < sorted.length ? lo : -1
}
