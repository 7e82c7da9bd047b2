import type { LiveQueue } from '../../../../src-preload/types/live'
import type { WallboardThreshold } from '../../../../src-preload/types/queues'
import { tr } from '../../i18n'
import { strings } from './strings'

const t = tr(strings)

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

/** A figure a threshold watches. */
export type TileMeasure = 'waiting' | 'longest wait' | 'abandoned' | 'service level'

/** A measure's name in the shown language. */
export function measureWords(m: TileMeasure): string {
  if (m === 'waiting') return t('measure.waiting')
  if (m === 'longest wait') return t('measure.longestWait')
  if (m === 'abandoned') return t('measure.abandoned')
  return t('measure.serviceLevel')
}

/** Whether a threshold is crossed, and which. `warn` from 80 % of a threshold on. */
export interface TileLevel {
  readonly level: 'ok' | 'warn' | 'alert'
  /** Words for each crossed threshold ("3 waiting ≥ 3"). */
  readonly crossed: readonly string[]
  /** The measures past their limit, in the tile's order. */
  readonly over: readonly TileMeasure[]
  /** The measures near their limit and not past it. */
  readonly near: readonly TileMeasure[]
}

const BUSY = new Set([2, 3, 6, 7, 8])

/** What a tile shows of a queue apart from the clock. */
interface QueueCounts {
  readonly waiting: number
  /** When the longest-waiting caller joined; +∞ with nobody waiting. */
  readonly oldestJoinedAt: number
  readonly available: number
  readonly busy: number
  readonly paused: number
}

/**
 * Counted once per queue object: the renderer makes a new queue only when a patch changed it
 * (members and callers in place, live-queue-patch.ts), so a board of 50 queues counts again only
 * the queues a live frame touched, not all 50 members and callers lists at each frame and second.
 */
const countsByQueue = new WeakMap<LiveQueue, QueueCounts>()

function countsOf(q: LiveQueue): QueueCounts {
  let c = countsByQueue.get(q)
  if (c !== undefined) return c
  let waiting = 0
  let oldestJoinedAt = Number.POSITIVE_INFINITY
  for (const id in q.callers) {
    const caller = q.callers[id]
    if (caller === undefined) continue
    waiting++
    oldestJoinedAt = Math.min(oldestJoinedAt, caller.joinedAt)
  }
  let available = 0
  let busy = 0
  let paused = 0
  for (const iface in q.members) {
    const m = q.members[iface]
    if (m === undefined) continue
    if (m.paused) paused++
    else if (m.status === 1) available++
    else if (BUSY.has(m.status)) busy++
  }
  c = { waiting, oldestJoinedAt, available, busy, paused }
  countsByQueue.set(q, c)
  return c
}

function longestWaitOf(c: QueueCounts, now: number): number {
  return c.waiting === 0 ? 0 : Math.max(0, Math.floor((now - c.oldestJoinedAt) / 1000))
}

export function tileFigures(q: LiveQueue, now: number): TileFigures {
  const counts = countsOf(q)
  const ended = q.completed + q.abandoned
  return {
    queue: q.id,
    waiting: counts.waiting,
    longestWaitS: longestWaitOf(counts, now),
    serviceLevelPct: q.serviceLevel > 0 && q.completed > 0 ? q.serviceLevelPerf : undefined,
    serviceLevelS: q.serviceLevel,
    abandoned: q.abandoned,
    abandonedPct: ended > 0 ? (100 * q.abandoned) / ended : undefined,
    avgWaitS: q.holdtime,
    avgTalkS: q.talkTime,
    answered: q.completed,
    available: counts.available,
    busy: counts.busy,
    paused: counts.paused,
  }
}

/** One tile as the board shows it. */
export interface Tile {
  readonly f: TileFigures
  readonly level: TileLevel
}

/**
 * The board's tiles, each made again only when its queue or threshold changed, or its longest
 * wait moved to another second; otherwise the same object as before (the tile's memo then stops
 * at identity).
 */
export class TileCache {
  private readonly tiles = new Map<string, { q: LiveQueue; t: WallboardThreshold | undefined; tile: Tile }>()

  tile(q: LiveQueue, now: number, t: WallboardThreshold | undefined): Tile {
    const held = this.tiles.get(q.id)
    if (held !== undefined && held.q === q && held.t === t) {
      const longestWaitS = longestWaitOf(countsOf(q), now)
      if (longestWaitS === held.tile.f.longestWaitS) return held.tile
      const f = { ...held.tile.f, longestWaitS }
      held.tile = { f, level: tileLevel(f, t) }
      return held.tile
    }
    const f = tileFigures(q, now)
    const tile = { f, level: tileLevel(f, t) }
    this.tiles.set(q.id, { q, t, tile })
    return tile
  }

  /** Forgets queues no longer shown (a board left open for days sees queues come and go). */
  keepOnly(ids: ReadonlySet<string>): void {
    for (const id of this.tiles.keys()) if (!ids.has(id)) this.tiles.delete(id)
  }
}

/** The tile's colour by its thresholds: red once one is crossed, amber near one. */
export function tileLevel(f: TileFigures, limits: WallboardThreshold | undefined): TileLevel {
  if (limits === undefined) return { level: 'ok', crossed: [], over: [], near: [] }
  const crossed: string[] = []
  const over: TileMeasure[] = []
  const near: TileMeasure[] = []
  const atLeast = (measure: TileMeasure, value: number, limit: number | undefined, words: string): void => {
    if (limit === undefined) return
    if (value >= limit) {
      crossed.push(words)
      over.push(measure)
    } else if (value >= 0.8 * limit) near.push(measure)
  }
  const n = (x: number | undefined): string => String(x)
  atLeast('waiting', f.waiting, limits.waiting, t('crossed.waiting', { n: n(f.waiting), limit: n(limits.waiting) }))
  atLeast(
    'longest wait',
    f.longestWaitS,
    limits.longestWaitS,
    t('crossed.longestWait', { seconds: n(f.longestWaitS), limit: n(limits.longestWaitS) }),
  )
  if (f.abandonedPct !== undefined)
    atLeast(
      'abandoned',
      f.abandonedPct,
      limits.abandonedPct,
      t('crossed.abandoned', { percent: f.abandonedPct.toFixed(0), limit: n(limits.abandonedPct) }),
    )
  if (limits.serviceLevelPct !== undefined && f.serviceLevelPct !== undefined) {
    if (f.serviceLevelPct < limits.serviceLevelPct) {
      crossed.push(t('crossed.serviceLevel', { percent: f.serviceLevelPct.toFixed(0), target: n(limits.serviceLevelPct) }))
      over.push('service level')
    } else if (f.serviceLevelPct < limits.serviceLevelPct + 5) near.push('service level')
  }
  return { level: over.length > 0 ? 'alert' : near.length > 0 ? 'warn' : 'ok', crossed, over, near }
}

/**
 * The words beside the tile's colour (colour is never the only signal): which measures are past
 * their limit ("Over limit: longest wait"), else which are near one; undefined when neither.
 */
export function levelWords(level: TileLevel): string | undefined {
  if (level.over.length > 0) return t('overLimit', { measures: level.over.map(measureWords).join(', ') })
  if (level.near.length > 0) return t('nearLimit', { measures: level.near.map(measureWords).join(', ') })
  return undefined
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
  if (a.f === b.f && a.level === b.level) return true
  if (a.level.level !== b.level.level || levelWords(a.level) !== levelWords(b.level)) return false
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
