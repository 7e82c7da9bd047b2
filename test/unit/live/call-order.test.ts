import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type LiveCall, type LiveCallState, type LivePatch, type LiveState, emptyLiveState } from '../../../src-preload/types/live'
import { applyLivePatches } from '../../support/live-patches'
import {
  type CallQuery,
  CallList,
  DEFAULT_CALL_QUERY,
  FocusIndex,
  type SortKey,
  focusCall,
  visibleCalls,
} from '../../../src-renderer/src/live/call-list'
import { LiveTables } from '../../../src-renderer/src/stores/live-tables'
import { talkingTo } from '../../../src-renderer/src/features/calls/blf-model'

const STATES: readonly LiveCallState[] = ['ringing', 'up', 'hold', 'parked', 'queued', 'transferring']
const NAMES = ['Anna', 'anna', 'Bob', '<unknown>', '', 'Zoë', 'Müller GmbH']

function call(id: string, v: { startedAt: number; state: number; caller: number; callee: number; queue: boolean }): LiveCall {
  return {
    id,
    direction: 'inbound',
    caller: { name: NAMES[v.caller % NAMES.length] ?? '', number: `+49${String(v.caller)}` },
    callee: { name: NAMES[v.callee % NAMES.length] ?? '', number: String(100 + v.callee) },
    state: STATES[v.state % STATES.length] ?? 'up',
    startedAt: v.startedAt,
    answeredAt: undefined,
    stateSince: undefined,
    queue: v.queue ? 'support' : undefined,
    ringGroup: v.queue ? undefined : '600',
    trunk: 'trunk',
    did: undefined,
    channelIds: [],
    bridgeIds: [],
  }
}

const fields = fc.record({
  // Few distinct times so ties (broken by id) are common.
  startedAt: fc.integer({ min: 0, max: 6 }),
  state: fc.nat(),
  caller: fc.nat(),
  callee: fc.nat(),
  queue: fc.boolean(),
})
type Step =
  | { readonly kind: 'upsert'; readonly id: string; readonly f: Parameters<typeof call>[1] }
  | { readonly kind: 'remove'; readonly id: string }
  | { readonly kind: 'touch' }
  | { readonly kind: 'view'; readonly filter: string; readonly sort: SortKey; readonly descending: boolean }
function stepOf(maxId: number): fc.Arbitrary<Step> {
  const callId = fc.integer({ min: 0, max: maxId }).map((n) => `c${String(n)}`)
  return fc.oneof(
    { weight: 6, arbitrary: fc.record({ kind: fc.constant('upsert' as const), id: callId, f: fields }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('remove' as const), id: callId }) },
    { weight: 1, arbitrary: fc.constant({ kind: 'touch' as const }) },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('view' as const),
        filter: fc.constantFrom('', 'anna', 'support', '+4', 'zz'),
        sort: fc.constantFrom<SortKey>('started', 'caller', 'callee', 'state', 'duration'),
        descending: fc.boolean(),
      }),
    },
  )
}

/** One patch per group of steps, as main's coalescer makes them (removals, then upserts). */
function toPatch(seq: number, steps: readonly Step[], current: LiveState): { patch: LivePatch; view: CallQuery | undefined } {
  const upsert: Record<string, LiveCall> = {}
  const remove: string[] = []
  let view: CallQuery | undefined
  for (const s of steps) {
    if (s.kind === 'upsert') upsert[s.id] = call(s.id, s.f)
    else if (s.kind === 'remove') {
      remove.push(s.id)
      // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- test record keyed by id
      delete upsert[s.id]
    } else if (s.kind === 'touch') {
      // Same values, new object: must stay in place.
      const c = Object.values(current.calls)[0]
      if (c !== undefined && !remove.includes(c.id)) upsert[c.id] = { ...c }
    } else view = { filter: s.filter, sort: s.sort, descending: s.descending }
  }
  return { patch: { profileId: 'p', seq, calls: { upsert, remove } }, view }
}

/** Frames of patches through the store's own structures, checked against the full computations. */
function checkFrames(frames: readonly (readonly (readonly Step[])[])[]): void {
  const tables = new LiveTables()
  const list = new CallList()
  const focus = new FocusIndex()
  let eager: LiveState = emptyLiveState()
  let query: CallQuery = DEFAULT_CALL_QUERY
  let seq = 0
  for (const frame of frames) {
    const patches: LivePatch[] = []
    let next = eager
    for (const steps of frame) {
      const { patch, view } = toPatch(++seq, steps, next)
      patches.push(patch)
      next = applyLivePatches(next, [patch])
      if (view !== undefined) query = view
    }
    const changes = tables.apply(patches)
    list.apply(changes.calls, () => tables.tables.calls.values())
    focus.apply(changes.calls)
    list.setQuery(query, tables.tables.calls.values())
    eager = next
    const want = visibleCalls(eager, query.filter, query.sort, query.descending)
    const got = list.toArray()
    expect(got.map((c) => c.id)).toEqual(want.map((c) => c.id))
    // The list holds the current objects, not stale versions.
    for (const c of got) expect(c).toBe(eager.calls[c.id])
    for (const [i, c] of got.entries()) expect(list.indexOf(c)).toBe(i)
    expect(focus.oldest()).toBe(focusCall(eager.calls, null))
  }
}

describe("CallList and FocusIndex (kept from each frame's changes)", () => {
  it('give the same list and focus as a full filter-and-sort and scan after any frames (seeded)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.array(stepOf(30), { maxLength: 6 }), { maxLength: 3 }), { maxLength: 25 }), (frames) => {
        checkFrames(frames)
      }),
      { seed: 6_0002, numRuns: 300 },
    )
  })

  it('stay equal through bursts larger than a quarter of the list (the rebuild path; seeded)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.array(stepOf(300), { minLength: 40, maxLength: 160 }), { maxLength: 2 }), { maxLength: 8 }), (frames) => {
        checkFrames(frames)
      }),
      { seed: 6_0003, numRuns: 60 },
    )
  })

  it('bumps its version only when the shown list changed', () => {
    const tables = new LiveTables()
    const list = new CallList()
    list.setQuery({ filter: 'anna', sort: 'started', descending: false }, [])
    const v0 = list.version
    const bob = call('b', { startedAt: 1, state: 0, caller: 2, callee: 2, queue: false })
    list.apply(tables.apply([{ profileId: 'p', seq: 1, calls: { upsert: { b: bob }, remove: [] } }]).calls, () => tables.tables.calls.values())
    expect(list.version).toBe(v0)
    const anna = call('a', { startedAt: 1, state: 0, caller: 0, callee: 2, queue: false })
    list.apply(tables.apply([{ profileId: 'p', seq: 2, calls: { upsert: { a: anna }, remove: [] } }]).calls, () => tables.tables.calls.values())
    expect(list.version).toBe(v0 + 1)
    expect(list.toArray()).toEqual([anna])
  })
})

describe('focusCall', () => {
  it('is the selected call, else the longest-ringing or queued one', () => {
    const calls = {
      a: call('a', { startedAt: 5, state: 0, caller: 0, callee: 0, queue: false }),
      b: call('b', { startedAt: 3, state: 4, caller: 0, callee: 0, queue: true }),
      c: call('c', { startedAt: 1, state: 1, caller: 0, callee: 0, queue: false }),
    }
    expect(focusCall(calls, null)?.id).toBe('b')
    expect(focusCall(calls, 'c')?.id).toBe('c')
    expect(focusCall(calls, 'gone')?.id).toBe('b')
    expect(focusCall({ c: calls.c }, null)).toBeUndefined()
  })
})

describe('talkingTo (BLF tile text)', () => {
  it('names the first two parties and counts the rest, however many calls a phone has', () => {
    const calls: Record<string, LiveCall> = {}
    const ids: string[] = []
    for (let i = 0; i < 300; i++) {
      const c = call(`k${String(i)}`, { startedAt: i, state: 1, caller: 2, callee: 0, queue: false })
      calls[c.id] = c
      ids.push(c.id)
    }
    const byId = new Map(Object.entries(calls))
    expect(talkingTo({ id: '100', callIds: ids }, byId)).toBe('Bob, Bob +298 more')
    expect(talkingTo({ id: '100', callIds: ['k1'] }, byId)).toBe('Bob')
    // The extension's own side is skipped: it shows the other party.
    expect(talkingTo({ id: '+492', callIds: ['k1'] }, byId)).toBe('Anna')
    expect(talkingTo({ id: '100', callIds: ['gone'] }, byId)).toBe('')
  })
})
