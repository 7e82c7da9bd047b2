import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { LiveFlowGate, type LiveFlowOptions } from '../../../src-main/core/live/live-flow'
import {
  type LiveBridge,
  type LiveMessage,
  type LivePatch,
  type LiveState,
  LIVE_COLLECTIONS,
  emptyLiveState,
  patchBase,
} from '../../../src-preload/types/live'
import { applyLivePatch } from '../../support/live-patches'

const bridge = (id: string, v: number): LiveBridge => ({ id, type: 'basic', technology: `t${String(v)}`, channelIds: [] })

function patch(
  seq: number,
  up: readonly [string, number][],
  rm: readonly string[],
  which: 'bridges' | 'channels' = 'bridges',
  profileId = 'p',
): LivePatch {
  const upsert = Object.create(null) as Record<string, LiveBridge>
  for (const [k, v] of up) upsert[k] = bridge(k, v)
  return { profileId, seq, [which]: { upsert, remove: rm } }
}

const plain = (s: LiveState): unknown => JSON.parse(JSON.stringify(Object.fromEntries(LIVE_COLLECTIONS.map((c) => [c, { ...s[c] }]))))

/** A window as the renderer store is: applies what follows its seq, notes a gap otherwise. */
class Window {
  state: LiveState = emptyLiveState()
  seq = 0
  gaps = 0
  readonly got: LiveMessage[] = []
  receive(msg: LiveMessage): void {
    this.got.push(msg)
    if (msg.kind === 'snapshot') {
      this.state = msg.snapshot.state
      this.seq = msg.snapshot.seq
    } else if (patchBase(msg.patch) !== this.seq) this.gaps++
    else {
      this.state = applyLivePatch(this.state, msg.patch)
      this.seq = msg.patch.seq
    }
  }
}

/** A gate that sends straight to the window. */
function gateTo(win: Window, options: Omit<LiveFlowOptions, 'transmit'> = {}): LiveFlowGate {
  return new LiveFlowGate({
    ...options,
    transmit: (m) => {
      win.receive(m)
    },
  })
}

describe('LiveFlowGate (one unacknowledged live message per window)', () => {
  it('sends the first message at once and holds the rest, merged, until the ack', () => {
    const win = new Window()
    const gate = gateTo(win)
    gate.offer({ kind: 'patch', patch: patch(1, [['a', 1]], []) })
    gate.offer({
      kind: 'patch',
      patch: patch(
        2,
        [
          ['b', 1],
          ['a', 2],
        ],
        [],
      ),
    })
    gate.offer({ kind: 'patch', patch: patch(3, [['c', 1]], ['b']) })
    expect(win.got).toHaveLength(1)
    expect(gate.waiting).toBe(true)
    gate.ack()
    expect(win.got).toHaveLength(2)
    const merged = win.got[1]
    expect(merged).toMatchObject({ kind: 'patch', patch: { seq: 3, baseSeq: 1 } })
    expect(merged?.kind === 'patch' ? merged.patch.bridges?.remove : undefined).toEqual(['b'])
    expect(win.gaps).toBe(0)
    expect(Object.keys(win.state.bridges).sort()).toEqual(['a', 'c'])
    expect(win.state.bridges.a?.technology).toBe('t2')
    // Nothing waiting: the next ack leaves the credit for the next message.
    gate.ack()
    gate.offer({ kind: 'patch', patch: patch(4, [['d', 1]], []) })
    expect(win.got).toHaveLength(3)
    expect(win.got[2]).toMatchObject({ kind: 'patch', patch: { seq: 4 } })
    // A patch sent alone carries no baseSeq: it follows the previous one as always.
    expect(win.got[2]?.kind === 'patch' ? 'baseSeq' in win.got[2].patch : undefined).toBe(false)
  })

  it('ends in the same state as applying every patch, for any interleaving of acks (seeded)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            {
              weight: 3,
              arbitrary: fc.record({
                up: fc.array(
                  fc.tuple(
                    fc.integer({ min: 0, max: 12 }).map((n) => `e${String(n)}`),
                    fc.nat(5),
                  ),
                  { maxLength: 4 },
                ),
                rm: fc.array(
                  fc.integer({ min: 0, max: 12 }).map((n) => `e${String(n)}`),
                  { maxLength: 2 },
                ),
                which: fc.constantFrom('bridges' as const, 'channels' as const),
              }),
            },
            { weight: 2, arbitrary: fc.constant('ack' as const) },
          ),
          { maxLength: 60 },
        ),
        (steps) => {
          const win = new Window()
          let unacked = 0
          let maxUnacked = 0
          const gate = new LiveFlowGate({
            transmit: (m) => {
              unacked++
              maxUnacked = Math.max(maxUnacked, unacked)
              win.receive(m)
            },
          })
          let want: LiveState = emptyLiveState()
          let seq = 0
          for (const s of steps) {
            if (s === 'ack') {
              unacked = 0
              gate.ack()
            } else {
              const p = patch(++seq, s.up, s.rm, s.which)
              want = applyLivePatch(want, p)
              gate.offer({ kind: 'patch', patch: p })
            }
          }
          unacked = 0
          gate.ack()
          expect(maxUnacked).toBeLessThanOrEqual(1)
          expect(win.gaps).toBe(0)
          expect(plain(win.state)).toEqual(plain(want))
          expect(gate.waiting).toBe(false)
        },
      ),
      { seed: 6_0005, numRuns: 300 },
    )
  })

  it('lets a snapshot replace what waits, and patches after it wait behind it', () => {
    const win = new Window()
    const gate = gateTo(win)
    gate.offer({ kind: 'patch', patch: patch(1, [['a', 1]], []) })
    gate.offer({ kind: 'patch', patch: patch(2, [['b', 1]], []) })
    const snap: LiveState = { ...emptyLiveState(), bridges: { s: bridge('s', 1) } }
    gate.offer({ kind: 'snapshot', snapshot: { profileId: 'p', seq: 7, state: snap } })
    gate.offer({ kind: 'patch', patch: patch(8, [['t', 1]], []) })
    gate.ack()
    expect(win.got.map((m) => m.kind)).toEqual(['patch', 'snapshot'])
    gate.ack()
    expect(win.got.map((m) => m.kind)).toEqual(['patch', 'snapshot', 'patch'])
    expect(Object.keys(win.state.bridges).sort()).toEqual(['s', 't'])
    expect(win.gaps).toBe(0)
  })

  it('bounds what a stalled window holds: past the limit the merge is dropped and the window sees a gap', () => {
    const win = new Window()
    const gate = gateTo(win, { maxHeldChanges: 50 })
    gate.offer({ kind: 'patch', patch: patch(1, [['a', 1]], []) })
    // The window never acks: 200 patches of 3 new entities each.
    for (let s = 2; s <= 201; s++) {
      gate.offer({
        kind: 'patch',
        patch: patch(
          s,
          [
            [`x${String(s)}`, 1],
            [`y${String(s)}`, 1],
            [`z${String(s)}`, 1],
          ],
          [],
        ),
      })
      expect(gate.heldChanges).toBeLessThanOrEqual(53)
    }
    expect(gate.stats.dropped).toBeGreaterThan(0)
    gate.ack()
    // What it gets next does not follow what it has: it asks for a fresh snapshot (the store does).
    expect(win.gaps).toBe(1)
  })

  it('restart drops whatever waits and gives the window its credit back', () => {
    const win = new Window()
    const gate = gateTo(win)
    gate.offer({ kind: 'patch', patch: patch(1, [['a', 1]], []) })
    gate.offer({ kind: 'patch', patch: patch(2, [['b', 1]], []) })
    gate.restart()
    expect(gate.waiting).toBe(false)
    gate.offer({ kind: 'snapshot', snapshot: { profileId: 'p', seq: 2, state: emptyLiveState() } })
    expect(win.got.map((m) => m.kind)).toEqual(['patch', 'snapshot'])
  })

  it('replaces a waiting patch of a profile the window has left instead of merging across profiles', () => {
    const win = new Window()
    const gate = gateTo(win)
    gate.offer({ kind: 'patch', patch: patch(1, [['a', 1]], [], 'bridges', 'old') })
    gate.offer({ kind: 'patch', patch: patch(2, [['b', 1]], [], 'bridges', 'old') })
    gate.offer({ kind: 'patch', patch: patch(1, [['c', 1]], [], 'bridges', 'new') })
    gate.ack()
    expect(win.got[1]).toMatchObject({ kind: 'patch', patch: { profileId: 'new', seq: 1 } })
  })
})
