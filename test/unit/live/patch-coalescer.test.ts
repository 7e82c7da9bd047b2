import { describe, expect, it } from 'vitest'
import { PatchCoalescer, type Scheduler } from '../../../src-main/core/live/patch-coalescer'
import { type LiveCall, type LiveMessage, type LiveState, emptyLiveState } from '../../../src-preload/types/live'
import { applyLivePatch } from '../../support/live-patches'
import { liveCall } from '../../support/live-entities'

/** A manual clock and scheduler: nothing runs until the test advances time. */
function fakeTime() {
  let now = 0
  const tasks: Array<{ at: number; fn: () => void; done: boolean }> = []
  const scheduler: Scheduler = (fn, delayMs) => {
    const t = { at: now + delayMs, fn, done: false }
    tasks.push(t)
    return { cancel: () => void (t.done = true) }
  }
  return {
    clock: () => now,
    scheduler,
    advance(ms: number) {
      const end = now + ms
      for (;;) {
        const due = tasks.filter((t) => !t.done && t.at <= end).sort((a, b) => a.at - b.at)[0]
        if (due === undefined) break
        now = due.at
        due.done = true
        due.fn()
      }
      now = end
    },
  }
}

const call = (id: string, state: LiveCall['state']): LiveCall => liveCall({ id, state })

function withCalls(base: LiveState, calls: Record<string, LiveCall>): LiveState {
  return { ...base, calls }
}

function setup() {
  const time = fakeTime()
  const co = new PatchCoalescer({ profileId: 'p1', frameMs: 16, scheduler: time.scheduler, clock: time.clock })
  const got: LiveMessage[] = []
  co.subscribe({ send: (m) => got.push(m) })
  return { time, co, got }
}

describe('PatchCoalescer', () => {
  it('a new subscriber gets a snapshot with seq first', () => {
    const { got } = setup()
    expect(got).toEqual([{ kind: 'snapshot', snapshot: { profileId: 'p1', seq: 0, state: emptyLiveState() } }])
  })

  it('ten changes to one call in a frame → one patch with the latest state', () => {
    const { time, co, got } = setup()
    let s = emptyLiveState()
    const states: LiveCall['state'][] = ['ringing', 'up', 'hold', 'up', 'hold', 'up', 'transferring', 'up', 'hold', 'up']
    for (const st of states) {
      s = withCalls(s, { c1: call('c1', st) })
      co.update(s)
    }
    time.advance(16)
    const patches = got.filter((m) => m.kind === 'patch')
    expect(patches).toHaveLength(1)
    const p = patches[0]
    expect(p?.kind === 'patch' && p.patch.seq).toBe(1)
    expect(p?.kind === 'patch' && p.patch.calls?.upsert.c1?.state).toBe('up')
  })

  it('a call that appeared and ended within one window sends nothing', () => {
    const { time, co, got } = setup()
    const base = emptyLiveState()
    co.update(withCalls(base, { c1: call('c1', 'ringing') }))
    co.update(withCalls(base, {}))
    time.advance(50)
    expect(got.filter((m) => m.kind === 'patch')).toHaveLength(0)
  })

  it('flushes at most once per frame however many updates arrive', () => {
    const { time, co, got } = setup()
    let s = emptyLiveState()
    for (let i = 0; i < 1000; i++) {
      s = withCalls(s, { ...s.calls, [`c${i}`]: call(`c${i}`, 'ringing') })
      co.update(s)
      time.advance(1) // 1000 updates over 1 s
    }
    time.advance(16)
    const patches = got.filter((m) => m.kind === 'patch')
    expect(patches.length).toBeLessThanOrEqual(Math.ceil(1016 / 16) + 1)
    expect(patches.length).toBeGreaterThan(50)
    // Applying the patches in order rebuilds the state exactly.
    let view = emptyLiveState()
    let seq = 0
    for (const m of patches) {
      expect(m.patch.seq).toBe(seq + 1)
      seq = m.patch.seq
      view = applyLivePatch(view, m.patch)
    }
    expect(Object.keys(view.calls).length).toBe(1000)
    expect(view.calls).toEqual(s.calls)
  })

  it('removals are sent; a late subscriber gets the current snapshot and later patches continue its seq', () => {
    const { time, co } = setup()
    const s1 = withCalls(emptyLiveState(), { c1: call('c1', 'up'), c2: call('c2', 'up') })
    co.update(s1)
    time.advance(16)
    const late: LiveMessage[] = []
    co.subscribe({ send: (m) => late.push(m) })
    expect(late[0]).toMatchObject({ kind: 'snapshot', snapshot: { seq: 1 } })
    co.update(withCalls(s1, { c2: s1.calls.c2 as LiveCall }))
    time.advance(16)
    expect(late[1]).toMatchObject({ kind: 'patch', patch: { seq: 2, calls: { remove: ['c1'] } } })
  })

  it('a subscriber that falls behind gets a fresh snapshot, not a backlog', () => {
    const time = fakeTime()
    const co = new PatchCoalescer({ profileId: 'p1', scheduler: time.scheduler, clock: time.clock })
    let backedUp = false
    const got: LiveMessage[] = []
    co.subscribe({ send: (m) => got.push(m), isBackedUp: () => backedUp })
    backedUp = true
    let s = emptyLiveState()
    for (let i = 0; i < 20; i++) {
      s = withCalls(s, { ...s.calls, [`c${i}`]: call(`c${i}`, 'up') })
      co.update(s)
      time.advance(16)
    }
    expect(got).toHaveLength(1)
    backedUp = false
    time.advance(16) // looked at again even with no new change
    expect(got).toHaveLength(2)
    const last = got[1]
    expect(last?.kind).toBe('snapshot')
    expect(last?.kind === 'snapshot' && Object.keys(last.snapshot.state.calls).length).toBe(20)
    expect(last?.kind === 'snapshot' && last.snapshot.seq).toBe(co.snapshot().seq)
  })

  it('snapshots never carry the reducer indexes', () => {
    const { co } = setup()
    const withIndex = { ...emptyLiveState(), index: { secret: true } } as LiveState
    co.update(withIndex)
    co.flush()
    expect('index' in co.snapshot().state).toBe(false)
  })
})
