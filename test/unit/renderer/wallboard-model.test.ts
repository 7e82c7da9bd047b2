// The wallboard's tile model: a tile is left alone when nothing it shows changed (sameTile), so a
// board of 50 queues re-renders only the tiles whose figures moved (bench:wallboard).
import { describe, expect, it } from 'vitest'
import { sameTile, tileLevel, tilesPerPage, type TileFigures } from '../../../src-renderer/src/features/wallboard/wallboard-model'

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
