import type { LiveQueue } from '../../../../src-preload/types/live'
import type { WallboardThreshold } from '../../../../src-preload/types/queues'

/** What one queue's tile shows, from the live state (its counters move with app_queue's events). */
export interface TileFigures {
  readonly queue: string
  readonly waiting: number
  /** Seconds the longest-waiting caller waits now; 0 with nobody waiting. */
  readonly longestWaitS: number
  /** Calls answered within the queue's own service level (%); undefined when it has none or nothing was answered yet. */
  readonly serviceLevelPct: number | undefined
  /** The queue's service level in seconds; 0 = none configured. */
  readonly serviceLevelS: number
  readonly abandoned: number
  /** Abandoned of all calls that ended (answered + abandoned), %; undefined before the first. */
  readonly abandonedPct: number | undefined
  /** app_queue's running averages (seconds). */
  readonly avgWaitS: number
  readonly avgTalkS: number
  readonly answered: number
  readonly available: number
  readonly busy: number
  readonly paused: number
}

/** Whether a threshold is crossed, and which. `warn` from 80 % of a threshold on. */
export interface TileLevel {
  readonly level: 'ok' | 'warn' | 'alert'
  /** Words for each crossed threshold ("3 waiting ≥ 3"). */
  readonly crossed: readonly string[]
}

const BUSY = new Set([2, 3, 6, 7, 8])

export function tileFigures(q: LiveQueue, now: number): TileFigures {
  const callers = Object.values(q.callers)
  const oldest = callers.reduce((min, c) => Math.min(min, c.joinedAt), Number.POSITIVE_INFINITY)
  const members = Object.values(q.members)
  const ended = q.completed + q.abandoned
  return {
    queue: q.id,
    waiting: callers.length,
    longestWaitS: callers.length === 0 ? 0 : Math.max(0, Math.floor((now - oldest) / 1000)),
    serviceLevelPct: q.serviceLevel > 0 && q.completed > 0 ? q.serviceLevelPerf : undefined,
    serviceLevelS: q.serviceLevel,
    abandoned: q.abandoned,
    abandonedPct: ended > 0 ? (100 * q.abandoned) / ended : undefined,
    avgWaitS: q.holdtime,
    avgTalkS: q.talkTime,
    answered: q.completed,
    available: members.filter((m) => !m.paused && m.status === 1).length,
    busy: members.filter((m) => !m.paused && BUSY.has(m.status)).length,
    paused: members.filter((m) => m.paused).length,
  }
}

/** The tile's colour by its thresholds: red once one is crossed, amber near one. */
export function tileLevel(f: TileFigures, t: WallboardThreshold | undefined): TileLevel {
  if (t === undefined) return { level: 'ok', crossed: [] }
  const crossed: string[] = []
  let near = false
  const atLeast = (value: number, limit: number | undefined, words: string): void => {
    if (limit === undefined) return
    if (value >= limit) crossed.push(words)
    else if (value >= 0.8 * limit) near = true
  }
  atLeast(f.waiting, t.waiting, `${String(f.waiting)} waiting (limit ${String(t.waiting)})`)
  atLeast(f.longestWaitS, t.longestWaitS, `longest wait ${String(f.longestWaitS)} s (limit ${String(t.longestWaitS)} s)`)
  if (f.abandonedPct !== undefined)
    atLeast(f.abandonedPct, t.abandonedPct, `${f.abandonedPct.toFixed(0)} % abandoned (limit ${String(t.abandonedPct)} %)`)
  if (t.serviceLevelPct !== undefined && f.serviceLevelPct !== undefined) {
    if (f.serviceLevelPct < t.serviceLevelPct) crossed.push(`service level ${f.serviceLevelPct.toFixed(0)} % (target ${String(t.serviceLevelPct)} %)`)
    else if (f.serviceLevelPct < t.serviceLevelPct + 5) near = true
  }
  return { level: crossed.length > 0 ? 'alert' : near ? 'warn' : 'ok', crossed }
}

/**
 * Whether a tile would show the same: every figure and its level. The board re-renders on every
 * change of any queue (under a call centre's load, most animation frames) and every second; a
 * tile whose figures did not change is then left alone (bench:wallboard).
 */
export function sameTile(
  a: { readonly f: TileFigures; readonly level: TileLevel },
  b: { readonly f: TileFigures; readonly level: TileLevel },
): boolean {
  if (a.level.level !== b.level.level || a.level.crossed.length !== b.level.crossed.length) return false
  if (a.level.crossed.some((words, i) => words !== b.level.crossed[i])) return false
  for (const k of Object.keys(a.f) as (keyof TileFigures)[]) if (a.f[k] !== b.f[k]) return false
  return true
}

/** m:ss (h:mm:ss past an hour) for seconds. */
export function clockText(s: number): string {
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  const sec = s % 60
  return h > 0 ? `${String(h)}:${String(m).padStart(2, '0')}:${String(sec).padStart(2, '0')}` : `${String(m)}:${String(sec).padStart(2, '0')}`
}

/**
 * How many tiles fit the board (each at least `minW` × `minH` pixels, `gap` between them, as
 * wallboard.css lays out the grid), at least one. Without the gaps a 3840 px board counted 9
 * columns where the grid makes 8, so the last row of 52 queues was cut off (bench:wallboard).
 */
export function tilesPerPage(width: number, height: number, minW = 420, minH = 300, gap = 14): number {
  const fit = (room: number, min: number): number => Math.max(1, Math.floor((room + gap) / (min + gap)))
  return fit(width, minW) * fit(height, minH)
}
