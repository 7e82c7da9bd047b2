import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type LiveBridge, type LivePatch, type LiveState, LIVE_COLLECTIONS, applyLivePatches, emptyLiveState } from '../../../src-preload/types/live'
import { applyLivePatchesLazily } from '../../../src-renderer/src/stores/lazy-live-state'

const id = fc.oneof(fc.integer({ min: 0, max: 3000 }).map((n) => `b${String(n)}`), fc.constantFrom('__proto__', 'constructor'))
const bridge = (bid: string, v: number): LiveBridge => ({ id: bid, type: 'basic', technology: `t${String(v)}`, channelIds: [] })

function patch(seq: number, upserts: readonly [string, number][], removes: readonly string[], which: 'bridges' | 'channels'): LivePatch {
  const upsert = Object.create(null) as Record<string, LiveBridge>
  for (const [k, v] of upserts) upsert[k] = bridge(k, v)
  // Bridges stand in for any entity: the lazy collections treat every collection alike.
  const p: LivePatch = { profileId: 'p', seq, [which]: { upsert, remove: removes } }
  return p
}

const plain = (s: LiveState): unknown => JSON.parse(JSON.stringify(Object.fromEntries(LIVE_COLLECTIONS.map((c) => [c, { ...s[c] }]))))

describe('applyLivePatchesLazily (the renderer store)', () => {
  it('reads exactly like applyLivePatches, whenever and however often it is read (seeded)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            frame: fc.array(fc.record({ up: fc.array(fc.tuple(id, fc.nat(9)), { maxLength: 300 }), rm: fc.array(id, { maxLength: 100 }), which: fc.constantFrom('bridges' as const, 'channels' as const) }), { maxLength: 3 }),
            read: fc.boolean(),
          }),
          { maxLength: 40 },
        ),
        (frames) => {
          let seq = 0
          let lazy: LiveState = emptyLiveState()
          let eager: LiveState = emptyLiveState()
          const seen: Array<{ lazy: LiveState; eager: LiveState }> = []
          for (const f of frames) {
            const patches = f.frame.map((p) => patch(++seq, p.up, p.rm, p.which))
            const prevLazy = lazy
            lazy = applyLivePatchesLazily(lazy, patches)
            eager = applyLivePatches(eager, patches)
            seen.push({ lazy, eager })
            if (f.read) expect(plain(lazy)).toEqual(plain(eager))
            // Collections no patch touched keep their identity (cheap selectors in the views).
            for (const c of LIVE_COLLECTIONS) if (patches.every((p) => p[c] === undefined)) expect(lazy[c]).toBe(prevLazy[c])
          }
          // Older versions still read as they were, even after newer ones were built.
          for (const v of seen.reverse()) expect(plain(v.lazy)).toEqual(plain(v.eager))
        },
      ),
      { seed: 6_0003, numRuns: 120 },
    )
  })

  it('builds a collection once per version and gives null-prototype Records', () => {
    const s = applyLivePatchesLazily(emptyLiveState(), [patch(1, [['__proto__', 1]], [], 'bridges')])
    expect(s.bridges).toBe(s.bridges)
    expect(Object.getPrototypeOf(s.bridges)).toBeNull()
    expect(Object.keys(s.bridges)).toEqual(['__proto__'])
  })
})

describe('applyLivePatchesLazily cost', () => {
  it('does not rebuild an unread collection on every frame once a long chain was built', () => {
    let s: LiveState = emptyLiveState()
    const base = Object.create(null) as Record<string, LiveBridge>
    for (let i = 0; i < 10_000; i++) base[`c${String(i)}`] = bridge(`c${String(i)}`, 0)
    s = { ...s, channels: base as unknown as LiveState['channels'] }
    let seq = 0
    const spy = { copies: 0 }
    const assign = Object.assign
    Object.assign = ((t: object, ...src: object[]) => {
      spy.copies++
      return assign(t, ...src)
    }) as typeof Object.assign
    try {
      // 3,000 frames of 5 channel changes: 15,000 changes, a build every 2,500 at most.
      for (let f = 0; f < 3000; f++) {
        const up: [string, number][] = []
        for (let k = 0; k < 5; k++) up.push([`c${String((f * 5 + k) % 10_000)}`, f])
        s = applyLivePatchesLazily(s, [patch(++seq, up, [], 'channels')])
      }
    } finally {
      Object.assign = assign
    }
    expect(spy.copies).toBeGreaterThan(0)
    expect(spy.copies).toBeLessThanOrEqual(6)
    expect(s.channels['c4']).toMatchObject({ technology: 't2000' })
  })
})
