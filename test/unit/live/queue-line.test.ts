/**
 * Callers in line carry orders, not positions (queue-line.ts): a caller joining behind everyone
 * and the head leaving touch no other caller; a caller placed ahead of others (priority) numbers
 * the line again; a resync keeps the old orders while the line kept its order.
 */
import { describe, expect, it } from 'vitest'
import { carriedOrders, placeInLine } from '../../../src-main/core/live/queue-line'
import type { LiveQueue, LiveQueueCaller } from '../../../src-preload/types/live'
import { callersInLine } from '../../../src-preload/types/live-queue-callers'

type Callers = LiveQueue['callers']

const entry = (id: string): Omit<LiveQueueCaller, 'order'> => ({ channelId: id, callerNum: `0${id}`, callerName: '', joinedAt: 1_000 })

function join(callers: Callers, id: string, position: number | undefined): Callers {
  return placeInLine(callers, entry(id), position)
}

const line = (callers: Callers): string[] => callersInLine(callers).map((c) => `${String(c.position)}:${c.caller.channelId}`)

function without(callers: Callers, id: string): Callers {
  return Object.fromEntries(Object.entries(callers).filter(([k]) => k !== id))
}

describe('placeInLine', () => {
  it('a caller joining behind everyone takes the next order and leaves the others as they were', () => {
    const a = join({}, 'a', 1)
    const b = join(a, 'b', 2)
    const c = join(b, 'c', undefined)
    expect(line(c)).toEqual(['1:a', '2:b', '3:c'])
    expect(c.a).toBe(a.a)
    expect(c.b).toBe(b.b)
  })

  it('after the head left, a join behind everyone still comes last (orders are not positions)', () => {
    let q = join(join(join({}, 'a', 1), 'b', 2), 'c', 3)
    q = without(q, 'a')
    // app_queue says position 3: behind b (now 1st) and c (now 2nd).
    const d = join(q, 'd', 3)
    expect(line(d)).toEqual(['1:b', '2:c', '3:d'])
    expect(d.b).toBe(q.b)
    expect(d.c).toBe(q.c)
  })

  it('a caller placed ahead of others numbers the line again with it at its place', () => {
    const q = join(join(join({}, 'a', 1), 'b', 2), 'c', 3)
    const vip = join(q, 'vip', 2)
    expect(line(vip)).toEqual(['1:a', '2:vip', '3:b', '4:c'])
    // The head kept its place and its object; those behind moved.
    expect(vip.a).toBe(q.a)
    expect(vip.b?.order).toBe(3)
  })

  it('a caller seen again keeps its order, or moves where the PBX now says', () => {
    const q = join(join(join({}, 'a', 1), 'b', 2), 'c', 3)
    expect(join(q, 'b', undefined).b?.order).toBe(q.b?.order)
    expect(join(q, 'b', 2).b?.order).toBe(2)
    expect(line(join(q, 'c', 1))).toEqual(['1:c', '2:a', '3:b'])
  })
})

describe('carriedOrders', () => {
  it('keeps the old orders when the line kept its order, and puts new callers behind', () => {
    let before = join(join(join({}, 'a', 1), 'b', 2), 'c', 3)
    before = without(before, 'a')
    // A resync lists b, c, d at positions 1..3.
    const now = join(join(join({}, 'b', 1), 'c', 2), 'd', 3)
    const orders = carriedOrders(before, now)
    expect(orders).toEqual(
      new Map([
        ['b', 2],
        ['c', 3],
        ['d', 4],
      ]),
    )
  })

  it('gives up when the PBX lists the known callers in another order, or a new one ahead of them', () => {
    const before = join(join({}, 'a', 1), 'b', 2)
    expect(carriedOrders(before, join(join({}, 'b', 1), 'a', 2))).toBeUndefined()
    expect(carriedOrders(before, join(join(join({}, 'x', 1), 'a', 2), 'b', 3))).toBeUndefined()
  })
})
