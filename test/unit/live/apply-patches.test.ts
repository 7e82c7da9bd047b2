import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type LiveBridge, type LivePatch, type LiveState, emptyLiveState } from '../../../src-preload/types/live'
import { applyLivePatch, applyLivePatches } from '../../support/live-patches'

// Bridges are the smallest entity: enough to exercise the per-collection logic of every collection.
const id = fc.oneof(
  fc.integer({ min: 0, max: 12 }).map((n) => `b${String(n)}`),
  fc.constantFrom('__proto__', 'constructor', 'toString'),
)
const bridge = (bid: string, v: number): LiveBridge => ({ id: bid, type: 'basic', technology: `t${String(v)}`, channelIds: [] })

const collectionPatch = fc.record({
  upsert: fc.array(fc.tuple(id, fc.integer({ min: 0, max: 99 })), { maxLength: 6 }),
  remove: fc.array(id, { maxLength: 4 }),
})

/** The patches as plain data (what JSON.parse on the renderer side produces: no prototype tricks). */
function toPatches(raw: readonly { upsert: [string, number][]; remove: string[]; meta: boolean }[]): LivePatch[] {
  return raw.map((r, i) => {
    const upsert = Object.create(null) as Record<string, LiveBridge>
    for (const [k, v] of r.upsert) upsert[k] = bridge(k, v)
    return {
      profileId: 'p',
      seq: i + 1,
      bridges: { upsert, remove: r.remove },
      ...(r.meta ? { meta: { status: 'live' as const, syncedAt: i, resyncs: i } } : {}),
    }
  })
}

/** Reference: a Map per collection, removals then upserts, patch after patch. */
function reference(start: LiveState, patches: readonly LivePatch[]): Map<string, LiveBridge> {
  const m = new Map(Object.entries(start.bridges))
  for (const p of patches) {
    for (const r of p.bridges?.remove ?? []) m.delete(r)
    for (const [k, v] of Object.entries(p.bridges?.upsert ?? {})) m.set(k, v)
  }
  return m
}

describe('applyLivePatches', () => {
  it('equals applying the patches one by one, and leaves its input untouched (seeded)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(id, fc.integer({ min: 0, max: 99 })), { maxLength: 10 }),
        fc.array(fc.record({ upsert: collectionPatch.map((c) => c.upsert), remove: collectionPatch.map((c) => c.remove), meta: fc.boolean() }), {
          maxLength: 8,
        }),
        (initial, raw) => {
          const bridges = Object.create(null) as Record<string, LiveBridge>
          for (const [k, v] of initial) bridges[k] = bridge(k, v)
          const start: LiveState = { ...emptyLiveState(), bridges }
          const before = JSON.stringify(start)
          const patches = toPatches(raw)

          const once = applyLivePatches(start, patches)
          let stepwise = start
          for (const p of patches) stepwise = applyLivePatch(stepwise, p)

          const expected = reference(start, patches)
          expect(new Map(Object.entries(once.bridges))).toEqual(expected)
          expect(new Map(Object.entries(stepwise.bridges))).toEqual(expected)
          expect(once.meta).toEqual(stepwise.meta)
          expect(JSON.stringify(start)).toBe(before)
          // PBX-supplied keys stay data: no prototype on the Records the patches make.
          if (once.bridges !== start.bridges) expect(Object.getPrototypeOf(once.bridges)).toBeNull()
        },
      ),
      { seed: 6_0001, numRuns: 400 },
    )
  })

  it('keeps the identity of untouched collections and of the whole state for no patches', () => {
    const start = emptyLiveState()
    expect(applyLivePatches(start, [])).toBe(start)
    const next = applyLivePatches(start, toPatches([{ upsert: [['b1', 1]], remove: [], meta: false }]))
    expect(next.calls).toBe(start.calls)
    expect(next.channels).toBe(start.channels)
    expect(next.bridges).not.toBe(start.bridges)
    // Removing an id that is not there copies nothing.
    const same = applyLivePatches(next, toPatches([{ upsert: [], remove: ['b7'], meta: false }]))
    expect(same.bridges).toBe(next.bridges)
  })
})
