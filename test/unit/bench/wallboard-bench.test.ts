// The wallboard bench's pure parts: matching PBX counter stamps to the tile values the page saw,
// the clock offset from round trips, and the centre's queues and memberships.
import { describe, expect, it } from 'vitest'
import { emptyRecords } from '../../../src-main/core/demo/config/freepbx-config'
import { offsetFromSamples } from '../../../bench/support/clock'
import { addCentre, queueName } from '../../../bench/wallboard/centre'
import { type CounterStamp, type TileObservation, tileLatencies, visibilityOf } from '../../../bench/wallboard/match'

const stamp = (queue: string, value: number, at: number, field: CounterStamp['field'] = 'answered'): CounterStamp => ({ queue, field, value, at })
const seen = (queue: string, value: number, at: number, field: TileObservation['field'] = 'answered'): TileObservation => ({
  queue,
  field,
  value,
  at,
})

describe('tileLatencies', () => {
  it('matches each event to the first time its tile shows its value or more (coalesced frames skip values)', () => {
    const r = tileLatencies(
      [stamp('sales', 11, 100), stamp('sales', 12, 105), stamp('sales', 13, 140)],
      [seen('sales', 10, 50), seen('sales', 12, 130), seen('sales', 13, 170)],
    )
    expect(r.latencies).toEqual([30, 25, 30])
    expect(r).toMatchObject({ notShown: 0, early: 0 })
  })

  it('keeps queues and figures apart', () => {
    const r = tileLatencies(
      [stamp('sales', 3, 100, 'abandoned'), stamp('support', 3, 100)],
      [seen('sales', 3, 400), seen('support', 3, 120), seen('sales', 3, 150, 'abandoned')],
    )
    expect(r.latencies).toEqual([50, 20])
  })

  it('counts a value never shown, and one shown before the PBX sent it (a count ahead of the PBX), apart from the latencies', () => {
    const r = tileLatencies([stamp('sales', 5, 100), stamp('sales', 9, 100)], [seen('sales', 5, 40)])
    expect(r).toEqual({ latencies: [], slowest: [], notShown: 1, early: 1, offScreen: 0 })
  })

  it('tolerates a clock error of a few milliseconds (a tile just before its event is 0 ms, not early)', () => {
    expect(tileLatencies([stamp('q', 1, 100)], [seen('q', 1, 99)]).latencies).toEqual([0])
  })

  it('reads observations in time order and never matches a value the tile showed only after a higher one', () => {
    const r = tileLatencies([stamp('q', 4, 0)], [seen('q', 3, 30), seen('q', 5, 20), seen('q', 4, 10)])
    expect(r.latencies).toEqual([10])
  })
})

describe('tile visibility (pages rotate when the queues do not fit)', () => {
  it('counts an event only while its tile is on screen from the event until it shows it', () => {
    // sales: on screen 0–100 and from 200; support: from 50.
    const v = visibilityOf(
      [
        ['sales', 1, 0],
        ['support', 1, 50],
        ['sales', 0, 100],
        ['sales', 1, 200],
      ],
      1_000,
    )
    expect(v.get('sales')).toEqual([
      [0, 100],
      [200, 1_000],
    ])
    const r = tileLatencies(
      [stamp('sales', 1, 10), stamp('sales', 2, 90), stamp('sales', 3, 150), stamp('support', 1, 40)],
      [seen('sales', 1, 30), seen('sales', 3, 200), seen('support', 1, 60)],
      2,
      v,
    )
    // sales 2 and 3 were first shown when the page came back at 200; support's tile came after its event.
    expect(r).toMatchObject({ latencies: [20], offScreen: 3, notShown: 0 })
  })
})

describe('offsetFromSamples', () => {
  it('takes the other clock at the midpoint of the tightest round trip', () => {
    const r = offsetFromSamples([
      { before: 0, remote: 1_000, after: 40 },
      { before: 100, remote: 1_103, after: 104 },
    ])
    expect(r).toEqual({ offsetMs: 1_001, uncertaintyMs: 2, samples: 2 })
  })

  it('says it knows nothing without samples', () => {
    expect(offsetFromSamples([]).offsetMs).toBeNaN()
  })
})

describe('the centre', () => {
  it('puts every agent in two queues (penalty 0 and 1), static and dynamic by turns, and routes a DID to each queue', () => {
    const records = emptyRecords()
    const centre = addCentre(records, { queues: 50, agents: 500 })
    expect(centre.queues).toHaveLength(50)
    expect(new Set(centre.queues.map((q) => q.name)).size).toBe(50)
    const memberships = new Map<string, string[]>()
    for (const q of records.queues.values())
      for (const m of [...q.members, ...q.dynmembers]) {
        const exten = /(\d{4})/.exec(m)?.[1] ?? ''
        memberships.set(exten, [...(memberships.get(exten) ?? []), `${q.name},${m.slice(-1)}`])
      }
    expect(memberships.size).toBe(500)
    for (const list of memberships.values()) expect(list.map((x) => x.slice(-1)).sort()).toEqual(['0', '1'])
    expect(records.queues.get('3000')?.members[0]).toBe('Local/2000@from-queue/n,0')
    expect(records.queues.get('3000')?.dynmembers.length).toBeGreaterThan(0)
    expect([...records.inboundRoutes.values()].filter((r) => r.destination.startsWith('ext-queues,'))).toHaveLength(50)
    expect(queueName(0)).toBe('support-de')
    expect(queueName(50)).toBe('support-de-1')
  })
})
