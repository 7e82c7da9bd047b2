import { describe, expect, it } from 'vitest'
import type { LiveCall } from '../../../src-preload/types/live'
import { CallList, DEFAULT_CALL_QUERY } from '../../../src-renderer/src/live/call-list'
import { ShownOrder } from '../../../src-renderer/src/live/shown-order'

function call(id: string, startedAt: number, state: LiveCall['state'] = 'up'): LiveCall {
  return {
    id,
    direction: 'inbound',
    caller: { name: `Caller ${id}`, number: id },
    callee: { name: '', number: '100' },
    state,
    startedAt,
    answeredAt: undefined,
    stateSince: undefined,
    queue: undefined,
    ringGroup: undefined,
    trunk: undefined,
    did: undefined,
    channelIds: [],
    bridgeIds: [],
  }
}

/** A live list newest first, a table of current calls by id, and a hand-driven clock. */
function setup() {
  const calls = new Map<string, LiveCall>()
  const list = new CallList()
  list.setQuery({ ...DEFAULT_CALL_QUERY, descending: true }, [])
  let now = 0
  const order = new ShownOrder(
    list,
    (id) => calls.get(id),
    () => now,
    500,
  )
  const put = (c: LiveCall): void => {
    const before = calls.get(c.id)
    calls.set(c.id, c)
    list.apply([{ before, after: c }], () => calls.values())
    order.listChanged()
  }
  const remove = (id: string): void => {
    const before = calls.get(id)
    calls.delete(id)
    list.apply([{ before, after: undefined }], () => calls.values())
    order.listChanged()
  }
  const ids = (): string[] => Array.from({ length: order.length }, (_, i) => order.at(i)?.id ?? '?')
  return {
    order,
    list,
    put,
    remove,
    ids,
    tick: (ms: number) => {
      now += ms
    },
    reorder: () => {
      order.listChanged(true)
    },
  }
}

describe('ShownOrder', () => {
  it('shows the live list while not held', () => {
    const t = setup()
    t.put(call('a', 1))
    t.put(call('b', 2))
    expect(t.ids()).toEqual(['b', 'a'])
    t.put(call('c', 3))
    expect(t.ids()).toEqual(['c', 'b', 'a'])
  })

  it('holds the order while scrolling: new calls above do not move the rows, contents stay live', () => {
    const t = setup()
    t.put(call('a', 1))
    t.put(call('b', 2))
    t.order.hold()
    t.put(call('c', 3))
    t.put(call('a', 1, 'hold'))
    expect(t.ids()).toEqual(['b', 'a'])
    expect(t.order.at(1)?.state).toBe('hold')
  })

  it('keeps an ended call as last seen until the next refresh; a refresh keeps the anchor row in place', () => {
    const t = setup()
    for (const [id, at] of [
      ['a', 1],
      ['b', 2],
      ['c', 3],
      ['d', 4],
    ] as const)
      t.put(call(id, at))
    expect(t.ids()).toEqual(['d', 'c', 'b', 'a'])
    t.order.anchor(1) // the view's first row shows c
    t.order.hold()
    t.remove('b')
    expect(t.ids()).toEqual(['d', 'c', 'b', 'a'])
    expect(t.order.at(2)?.id).toBe('b')
    t.tick(499)
    t.put(call('e', 5))
    expect(t.ids()).toEqual(['d', 'c', 'b', 'a'])
    t.tick(1)
    t.put(call('f', 6))
    // Live: f e d c a. c stays at row 1: the two calls that entered above are not shown yet.
    expect(t.order.at(1)?.id).toBe('c')
    expect(t.ids()).toEqual(['d', 'c', 'a'])
    expect(t.order.holding).toBe(true)
    // Released: the live order, and the view is told to scroll down 2 rows to keep c at its place.
    expect(t.order.release()).toBe(2)
    expect(t.ids()).toEqual(['f', 'e', 'd', 'c', 'a'])
  })

  it('says which row shows a call, live and held: what the arrow keys move through', () => {
    const t = setup()
    for (const [id, at] of [
      ['a', 1],
      ['b', 2],
      ['c', 3],
      ['d', 4],
    ] as const)
      t.put(call(id, at))
    expect(['d', 'c', 'b', 'a', 'x'].map((id) => t.order.rowOf(id))).toEqual([0, 1, 2, 3, -1])
    t.order.anchor(1)
    t.order.hold()
    t.remove('b')
    t.tick(500)
    t.put(call('e', 5))
    // Held and refreshed: d c a shown (e entered above, hidden); b ended and left at the refresh.
    expect(t.ids()).toEqual(['d', 'c', 'a'])
    expect(['d', 'c', 'a', 'e', 'b'].map((id) => t.order.rowOf(id))).toEqual([0, 1, 2, -1, -1])
    t.order.release()
    expect(['e', 'd', 'c', 'a'].map((id) => t.order.rowOf(id))).toEqual([0, 1, 2, 3])
  })

  it('anchors on the next row still there when the anchor row ended', () => {
    const t = setup()
    for (const [id, at] of [
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ] as const)
      t.put(call(id, at))
    t.order.anchor(1)
    t.order.hold()
    t.remove('b')
    t.put(call('d', 4))
    t.put(call('e', 5))
    // Live: e d c a; b (row 1) ended, a (row 2) is at 3 now: offset 1.
    expect(t.order.release()).toBe(1)
  })

  it('shows the live order again on release, and at once (from the top) on a new sort or filter', () => {
    const t = setup()
    t.put(call('a', 1))
    t.order.hold()
    t.put(call('b', 2))
    t.reorder()
    expect(t.ids()).toEqual(['b', 'a'])
    t.put(call('c', 3))
    expect(t.ids()).toEqual(['b', 'a'])
    t.order.release()
    expect(t.order.holding).toBe(false)
    expect(t.ids()).toEqual(['c', 'b', 'a'])
  })

  it('changes version on every change of what may be shown, not on a repeated hold or release', () => {
    const t = setup()
    const v0 = t.order.version
    t.order.hold()
    const v1 = t.order.version
    expect(v1).not.toBe(v0)
    t.order.hold()
    expect(t.order.version).toBe(v1)
    t.put(call('a', 1))
    expect(t.order.version).not.toBe(v1)
    const v2 = t.order.version
    t.order.release()
    expect(t.order.version).not.toBe(v2)
    const v3 = t.order.version
    t.order.release()
    expect(t.order.version).toBe(v3)
  })
})
