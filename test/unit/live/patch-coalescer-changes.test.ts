/**
 * The coalescer's fast path: states from the live model carry the ids each batch wrote, and a
 * flush looks only at those. It must give exactly the patch the full diff gives.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { AmiMessage } from '../../../src-main/core/ami/message'
import { type AmiTypedEvent, toTypedEvent } from '../../../src-main/core/ami/events'
import { emptyLiveModel, type LiveModel, toLiveState, withMeta } from '../../../src-main/core/live/model'
import { diffLiveState, PatchCoalescer, type Scheduler } from '../../../src-main/core/live/patch-coalescer'
import { reduceAll } from '../../../src-main/core/live/reduce'
import { fromSnapshots } from '../../../src-main/core/live/snapshots'
import { type LivePatch, type LiveState, LIVE_COLLECTIONS } from '../../../src-preload/types/live'
import { applyLivePatch } from '../../support/live-patches'
import { SimPbx, simCommands } from './sim-pbx'

const SEED = Number(process.env.LIVE_PROPERTY_SEED ?? 60061125)

/** Flushes only when the test says so. */
const never: Scheduler = () => ({ cancel: () => undefined })

function typed(msgs: readonly AmiMessage[]): AmiTypedEvent[] {
  return msgs.map(toTypedEvent).filter((e): e is AmiTypedEvent => e !== undefined)
}

/** Patch contents independent of key order, for comparing two patches. */
function normal(p: Omit<LivePatch, 'profileId' | 'seq'> | undefined): unknown {
  if (p === undefined) return undefined
  const out: Record<string, unknown> = {}
  for (const c of LIVE_COLLECTIONS) {
    const cp = p[c]
    if (cp !== undefined) out[c] = { upsert: { ...cp.upsert }, remove: [...cp.remove].sort() }
  }
  // Queues the window has travel as keyed changes (members and callers): compare those too.
  const change = p.queues?.change
  if (change !== undefined) {
    out.queueChanges = Object.fromEntries(
      Object.entries(change).map(([id, c]) => [
        id,
        {
          figures: c.figures,
          members: c.members === undefined ? undefined : { upsert: { ...c.members.upsert }, remove: [...c.members.remove].sort() },
          callers: c.callers === undefined ? undefined : { upsert: { ...c.callers.upsert }, remove: [...c.callers.remove].sort() },
        },
      ]),
    )
  }
  if (p.meta !== undefined) out.meta = p.meta
  return out
}

function plainState(s: LiveState): unknown {
  const out: Record<string, unknown> = { meta: s.meta }
  for (const c of LIVE_COLLECTIONS) out[c] = { ...s[c] }
  return out
}

describe('PatchCoalescer over live-model change logs', () => {
  const pbx = () => new SimPbx()

  it('ten batches changing one channel → one patch with its latest value, without a full diff', () => {
    const sim = pbx()
    let m = reduceAll(emptyLiveModel(), typed(sim.apply({ op: 'new', link: undefined })), 0)
    const co = new PatchCoalescer({ profileId: 'p', initial: toLiveState(m), scheduler: never })
    const names = ['Zoë', 'Ann', 'Bob', 'Ann', 'Zoë', 'Bob', 'Ann', 'Bob', 'Zoë', 'Ann'] as const
    for (const name of names) {
      m = reduceAll(m, typed(sim.apply({ op: 'callerid', ch: 0, name })), 0)
      co.update(toLiveState(m))
    }
    const patch = co.flush()
    expect(co.stats.fullDiffs).toBe(0)
    const upserted = Object.values(patch?.channels?.upsert ?? {})
    expect(upserted.map((c) => c.callerName)).toEqual(['Ann'])
    expect(co.flush()).toBeUndefined()
  })

  it('a channel that appears and vanishes between two flushes is not sent', () => {
    const sim = pbx()
    let m = reduceAll(emptyLiveModel(), typed(sim.apply({ op: 'new', link: undefined })), 0)
    const co = new PatchCoalescer({ profileId: 'p', initial: toLiveState(m), scheduler: never })
    m = reduceAll(m, typed(sim.apply({ op: 'new', link: undefined })), 0)
    co.update(toLiveState(m))
    m = reduceAll(m, typed(sim.apply({ op: 'hangup', ch: 1 })), 0)
    co.update(toLiveState(m))
    expect(co.flush()).toBeUndefined()
    expect(co.stats.fullDiffs).toBe(0)
  })

  it('a state not made from the last one (a rebuild) falls back to the full diff', () => {
    const sim = pbx()
    const m = reduceAll(emptyLiveModel(), typed(sim.apply({ op: 'new', link: undefined })), 0)
    const co = new PatchCoalescer({ profileId: 'p', initial: toLiveState(m), scheduler: never })
    const rebuilt = fromSnapshots({ ...sim.snapshot(), extensionStateList: [], parkedCalls: [] }, 5)
    co.update(toLiveState(rebuilt))
    const patch = co.flush()
    expect(co.stats.fullDiffs).toBe(1)
    expect(normal(patch)).toEqual(normal(diffLiveState(toLiveState(m), toLiveState(rebuilt))))
  })

  const command = simCommands(30)
  /** After a command: publish its batch, flush, switch meta, or rebuild from a snapshot. */
  const step = fc.record({ cmd: command, publish: fc.boolean(), flush: fc.nat(3), meta: fc.nat(15), rebuild: fc.nat(40) })

  it('gives the same patches as the full diff, and the renderer ends equal to the model (seeded)', () => {
    let totalFast = 0
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 120 }), (steps) => {
        const sim = new SimPbx()
        let m: LiveModel = emptyLiveModel()
        const co = new PatchCoalescer({ profileId: 'p', initial: toLiveState(m), scheduler: never })
        let fastFlushes = 0
        let flushed: LiveState = toLiveState(m)
        let view: LiveState = toLiveState(m)
        let queued: AmiTypedEvent[] = []
        const flush = (): void => {
          const latest = toLiveState(m)
          const want = diffLiveState(flushed, latest)
          const full = co.stats.fullDiffs
          const got = co.flush()
          if (co.stats.fullDiffs === full) fastFlushes++
          expect(normal(got)).toEqual(normal(want))
          if (got !== undefined) view = applyLivePatch(view, got)
          flushed = latest
        }
        for (const s of steps) {
          queued.push(...typed(sim.apply(s.cmd)))
          if (s.publish) {
            m = reduceAll(m, queued, 0)
            queued = []
            if (s.meta === 0) m = withMeta(m, { status: m.meta.status === 'live' ? 'syncing' : 'live' })
            if (s.rebuild === 0) m = fromSnapshots({ ...sim.snapshot(), extensionStateList: [], parkedCalls: [] }, 1, m.meta)
            co.update(toLiveState(m))
          }
          if (s.flush === 0) flush()
        }
        m = reduceAll(m, queued, 0)
        co.update(toLiveState(m))
        flush()
        expect(plainState(view)).toEqual(plainState(toLiveState(m)))
        expect(plainState(co.snapshot().state)).toEqual(plainState(toLiveState(m)))
        totalFast += fastFlushes
      }),
      { seed: SEED, numRuns: 150 },
    )
    // The fast path is what is being checked: most flushes must have taken it.
    expect(totalFast).toBeGreaterThan(200)
  })
})
