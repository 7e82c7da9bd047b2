import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type LiveBridge, type LivePatch, type LiveState, LIVE_COLLECTIONS, emptyLiveState } from '../../../src-preload/types/live'
import { applyLivePatches } from '../../support/live-patches'
import { LiveTables } from '../../../src-renderer/src/stores/live-tables'

const id = fc.oneof(
  fc.integer({ min: 0, max: 300 }).map((n) => `b${String(n)}`),
  fc.constantFrom('__proto__', 'constructor'),
)
const bridge = (bid: string, v: number): LiveBridge => ({ id: bid, type: 'basic', technology: `t${String(v)}`, channelIds: [] })

type Which = 'bridges' | 'channels' | 'calls'

function patch(seq: number, upserts: readonly [string, number][], removes: readonly string[], which: Which): LivePatch {
  const upsert = Object.create(null) as Record<string, LiveBridge>
  for (const [k, v] of upserts) upsert[k] = bridge(k, v)
  // Bridges stand in for any entity: the tables treat every collection alike.
  return { profileId: 'p', seq, [which]: { upsert, remove: removes } }
}

const plain = (s: LiveState): unknown => JSON.parse(JSON.stringify(Object.fromEntries(LIVE_COLLECTIONS.map((c) => [c, { ...s[c] }]))))

describe('LiveTables (the renderer store)', () => {
  it('reads exactly like applyLivePatches and reports each net change (seeded)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(
            fc.record({
              up: fc.array(fc.tuple(id, fc.nat(9)), { maxLength: 40 }),
              rm: fc.array(id, { maxLength: 20 }),
              which: fc.constantFrom<Which>('bridges', 'channels', 'calls'),
            }),
            { maxLength: 3 },
          ),
          { maxLength: 30 },
        ),
        (frames) => {
          let seq = 0
          const tables = new LiveTables()
          let eager: LiveState = emptyLiveState()
          for (const f of frames) {
            const patches = f.map((p) => patch(++seq, p.up, p.rm, p.which))
            const before = eager
            eager = applyLivePatches(eager, patches)
            const versions = LIVE_COLLECTIONS.map((c) => tables.tables[c].version)
            const changes = tables.apply(patches)
            expect(plain(tables.view())).toEqual(plain(eager))
            // The calls' changes: exactly the ids whose entity differs, with both versions.
            const want = new Map<string, { before: unknown; after: unknown }>()
            // Own keys only: the empty state's Records have Object's prototype (`__proto__` is an id here).
            const own = (r: LiveState['calls'], k: string): unknown => (Object.hasOwn(r, k) ? r[k] : undefined)
            for (const k of new Set([...Object.keys(before.calls), ...Object.keys(eager.calls)])) {
              if (own(before.calls, k) !== own(eager.calls, k)) want.set(k, { before: own(before.calls, k), after: own(eager.calls, k) })
            }
            expect(new Map(changes.calls.map((c) => [c.id, { before: c.before, after: c.after }]))).toEqual(want)
            for (const [i, c] of LIVE_COLLECTIONS.entries()) {
              const changed = before[c] !== eager[c] && JSON.stringify(before[c]) !== JSON.stringify(eager[c])
              expect(changes.collections.has(c)).toBe(changed)
              // A table's version moves exactly when it changed (selectors compare it).
              expect(tables.tables[c].version !== versions[i]).toBe(changed)
            }
          }
        },
      ),
      { seed: 6_0004, numRuns: 150 },
    )
  })

  it('builds a Record once per version, with a null prototype, and replaces everything from a snapshot', () => {
    const tables = new LiveTables()
    tables.apply([patch(1, [['__proto__', 1]], [], 'bridges')])
    const view = tables.view()
    expect(view.bridges).toBe(view.bridges)
    expect(Object.getPrototypeOf(view.bridges)).toBeNull()
    expect(Object.keys(view.bridges)).toEqual(['__proto__'])
    const snap: LiveState = { ...emptyLiveState(), bridges: { x: bridge('x', 2) } }
    tables.replace(snap)
    expect(plain(tables.view())).toEqual(plain(snap))
  })

  it('applies a frame in O(changes): no Record is built unless one is read', () => {
    const tables = new LiveTables()
    const big = Object.create(null) as Record<string, LiveBridge>
    for (let i = 0; i < 10_000; i++) big[`c${String(i)}`] = bridge(`c${String(i)}`, 0)
    tables.replace({ ...emptyLiveState(), channels: big as unknown as LiveState['channels'] })
    const view = tables.view()
    let reads = 0
    const asRecord = tables.tables.channels.asRecord.bind(tables.tables.channels)
    tables.tables.channels.asRecord = () => {
      reads++
      return asRecord()
    }
    for (let f = 0; f < 3000; f++) tables.apply([patch(f + 1, [[`c${String(f % 10_000)}`, f]], [], 'channels')])
    expect(reads).toBe(0)
    expect(tables.tables.channels.get('c4')).toMatchObject({ technology: 't4' })
    expect(view.channels).toBeDefined()
    expect(reads).toBe(1)
  })
})
