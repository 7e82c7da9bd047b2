// The wallboard's tile model: a tile is left alone when nothing it shows changed (sameTile), so a
// board of 50 queues re-renders only the tiles whose figures moved (bench:wallboard).
import { describe, expect, it } from 'vitest'
import type { LiveQueue, LiveQueueMember } from '../../../src-preload/types/live'
import {
  levelWords,
  sameTile,
  TileCache,
  tileFigures,
  tileLevel,
  tilesPerPage,
  type TileFigures,
} from '../../../src-renderer/src/features/wallboard/wallboard-model'

const figures: TileFigures = {
  queue: 'support',
  waiting: 2,
  longestWaitS: 40,
  serviceLevelPct: 91.5,
  serviceLevelS: 60,
  abandoned: 1,
  abandonedPct: 10,
  avgWaitS: 12,
  avgTalkS: 80,
  answered: 9,
  available: 3,
  busy: 4,
  paused: 1,
}

describe('sameTile', () => {
  const tile = (f: TileFigures, waitingLimit?: number): Parameters<typeof sameTile>[0] => ({
    f,
    level: tileLevel(f, waitingLimit === undefined ? undefined : { queue: f.queue, waiting: waitingLimit }),
  })

  it('is the same for equal figures in new objects (a re-render of the board with nothing new for this queue)', () => {
    expect(sameTile(tile(figures), tile({ ...figures }))).toBe(true)
  })

  it('differs when any figure differs, undefined included', () => {
    for (const k of Object.keys(figures) as (keyof TileFigures)[]) {
      const changed = { ...figures, [k]: typeof figures[k] === 'string' ? 'sales' : 1234 }
      expect(sameTile(tile(figures), tile(changed)), k).toBe(false)
    }
    expect(sameTile(tile(figures), tile({ ...figures, serviceLevelPct: undefined }))).toBe(false)
  })

  it('differs when the level or the words of a crossed threshold change', () => {
    expect(sameTile(tile(figures), tile(figures, 2))).toBe(false)
    expect(sameTile(tile(figures, 2), tile({ ...figures, waiting: 3 }, 2))).toBe(false)
    expect(sameTile(tile(figures, 2), tile(figures, 2))).toBe(true)
  })
})

describe('tilesPerPage', () => {
  it('counts the grid’s gaps: a 3808 × 2090 board holds 8 columns of 6 rows, not 9 × 6 (the last row was cut off)', () => {
    expect(tilesPerPage(3808, 2090)).toBe(48)
  })

  it('fits exactly n tiles with n − 1 gaps, and always at least one', () => {
    expect(tilesPerPage(3 * 420 + 2 * 14, 300)).toBe(3)
    expect(tilesPerPage(3 * 420 + 2 * 14 - 1, 300)).toBe(2)
    expect(tilesPerPage(100, 100)).toBe(1)
  })
})

describe('words beside the colour (issue 20 item 7)', () => {
  it('names the measures over their limit, else those near one; none when all is well', () => {
    const over = tileLevel({ ...figures, waiting: 5, longestWaitS: 95 }, { queue: 'support', waiting: 5, longestWaitS: 90 })
    expect(over.level).toBe('alert')
    expect(levelWords(over)).toBe('Over limit: waiting, longest wait')
    const near = tileLevel({ ...figures, waiting: 4 }, { queue: 'support', waiting: 5, longestWaitS: 90 })
    expect(near.level).toBe('warn')
    expect(levelWords(near)).toBe('Near limit: waiting')
    const sl = tileLevel({ ...figures, serviceLevelPct: 70 }, { queue: 'support', serviceLevelPct: 80 })
    expect(levelWords(sl)).toBe('Over limit: service level')
    expect(levelWords(tileLevel(figures, { queue: 'support', waiting: 10 }))).toBeUndefined()
    expect(levelWords(tileLevel(figures, undefined))).toBeUndefined()
  })

  it('a tile whose words change is drawn again', () => {
    const a = { f: figures, level: tileLevel(figures, { queue: 'support', waiting: 2, longestWaitS: 100 }) }
    const b = { f: figures, level: tileLevel(figures, { queue: 'support', waiting: 3, longestWaitS: 40 }) }
    expect(a.level.level).toBe('alert')
    expect(b.level.level).toBe('alert')
    expect(sameTile(a, b)).toBe(false)
  })
})

describe('TileCache: a tile is made again only when its queue changed', () => {
  const member = (iface: string, status: number, paused = false): LiveQueueMember => ({
    interface: iface,
    name: iface,
    stateInterface: iface,
    status,
    paused,
    pausedReason: '',
    penalty: 0,
    callsTaken: 0,
    lastCall: 0,
    inCall: false,
    membership: 'static',
  })
  const queue: LiveQueue = {
    id: 'support',
    strategy: 'ringall',
    max: 0,
    holdtime: 10,
    talkTime: 60,
    completed: 4,
    abandoned: 1,
    serviceLevel: 60,
    serviceLevelPerf: 75,
    weight: 0,
    members: { a: member('a', 1), b: member('b', 2), c: member('c', 1, true) },
    callers: { x: { channelId: 'x', order: 1, callerNum: '1', callerName: '', joinedAt: 10_000 } },
  }

  it('gives the same tile for the same queue object within the same second of its longest wait', () => {
    const cache = new TileCache()
    const first = cache.tile(queue, 20_000, undefined)
    expect(first.f).toMatchObject({ waiting: 1, longestWaitS: 10, available: 1, busy: 1, paused: 1 })
    expect(first.f).toEqual(tileFigures(queue, 20_000))
    expect(cache.tile(queue, 20_900, undefined)).toBe(first)
    const later = cache.tile(queue, 21_000, undefined)
    expect(later).not.toBe(first)
    expect(later.f.longestWaitS).toBe(11)
  })

  it('counts again when the queue changed, and follows a new threshold', () => {
    const cache = new TileCache()
    const first = cache.tile(queue, 20_000, undefined)
    const changed = { ...queue, members: { ...queue.members, a: member('a', 2) } }
    expect(cache.tile(changed, 20_000, undefined).f).toMatchObject({ available: 0, busy: 2 })
    const limit = { queue: 'support', waiting: 1 }
    expect(cache.tile(changed, 20_000, limit).level.level).toBe('alert')
    expect(first.level.level).toBe('ok')
  })
})
