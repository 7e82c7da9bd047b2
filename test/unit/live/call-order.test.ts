import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { LiveCall, LiveCallState } from '../../../src-preload/types/live'
import { type SortKey, createCallOrderer, focusCall, visibleCalls } from '../../../src-renderer/src/features/calls/call-model'
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
const callId = fc.integer({ min: 0, max: 30 }).map((n) => `c${String(n)}`)
type Step =
  | { readonly kind: 'upsert'; readonly id: string; readonly f: Parameters<typeof call>[1] }
  | { readonly kind: 'remove'; readonly id: string }
  | { readonly kind: 'touch' }
  | { readonly kind: 'view'; readonly filter: string; readonly sort: SortKey; readonly descending: boolean }
const step: fc.Arbitrary<Step> = fc.oneof(
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

describe('createCallOrderer', () => {
  it('gives the same list as a full filter-and-sort after any sequence of frames (seeded)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(step, { maxLength: 6 }), { maxLength: 25 }), (frames) => {
        const order = createCallOrderer()
        let calls: Record<string, LiveCall> = {}
        let view = { filter: '', sort: 'started' as SortKey, descending: false }
        for (const frame of frames) {
          // One frame = one new Record with a few changes, as the live store makes them.
          let next = { ...calls }
          for (const s of frame) {
            if (s.kind === 'upsert') next[s.id] = call(s.id, s.f)
            else if (s.kind === 'remove') next = Object.fromEntries(Object.entries(next).filter(([k]) => k !== s.id))
            else if (s.kind === 'touch') {
              const first = Object.keys(next)[0]
              const c = first === undefined ? undefined : next[first]
              // Same values, new object: must stay in place.
              if (c !== undefined) next[c.id] = { ...c }
            } else view = { filter: s.filter, sort: s.sort, descending: s.descending }
          }
          calls = next
          const got = order(calls, view.filter, view.sort, view.descending)
          const want = visibleCalls({ calls }, view.filter, view.sort, view.descending)
          expect(got.map((c) => c.id)).toEqual(want.map((c) => c.id))
          // The list holds the current objects, not stale versions.
          for (const c of got) expect(c).toBe(calls[c.id])
        }
      }),
      { seed: 6_0002, numRuns: 300 },
    )
  })

  it('returns the same array when nothing changed', () => {
    const order = createCallOrderer()
    const calls = { a: call('a', { startedAt: 1, state: 0, caller: 0, callee: 0, queue: false }) }
    const first = order(calls, '', 'started', true)
    expect(order(calls, '', 'started', true)).toBe(first)
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
    expect(talkingTo({ id: '100', callIds: ids }, calls)).toBe('Bob, Bob +298 more')
    expect(talkingTo({ id: '100', callIds: ['k1'] }, calls)).toBe('Bob')
    // The extension's own side is skipped: it shows the other party.
    expect(talkingTo({ id: '+492', callIds: ['k1'] }, calls)).toBe('Anna')
    expect(talkingTo({ id: '100', callIds: ['gone'] }, calls)).toBe('')
  })
})
