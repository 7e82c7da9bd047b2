import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { PMap } from '../../../src-main/core/live/pmap'

type Op = { readonly kind: 'set'; readonly key: string; readonly val: number } | { readonly kind: 'del'; readonly key: string }

// Few distinct keys so sets, overwrites and deletes of the same key mix; many keys so leaves split.
const key = fc.oneof(
  fc.integer({ min: 0, max: 40 }).map((n) => `k${String(n)}`),
  fc.integer({ min: 0, max: 3000 }).map((n) => `demo-17955.${String(n)}`),
)
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), key, val: fc.integer() }),
  fc.record({ kind: fc.constant('del' as const), key }),
)

function plain<V>(m: PMap<V>): Map<string, V> {
  const out = new Map<string, V>()
  m.forEach((v, k) => out.set(k, v))
  return out
}

describe('PMap', () => {
  it('behaves like a Map across batches and never changes an older version (seeded)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(op, { maxLength: 200 }), { maxLength: 12 }), (batches) => {
        let m = PMap.empty<number>()
        const ref = new Map<string, number>()
        const history: Array<{ readonly version: PMap<number>; readonly expected: Map<string, number> }> = []
        for (const batch of batches) {
          const e = m.edit()
          for (const o of batch) {
            if (o.kind === 'set') {
              e.set(o.key, o.val)
              ref.set(o.key, o.val)
            } else {
              e.delete(o.key)
              ref.delete(o.key)
            }
            expect(e.get(o.key)).toBe(ref.get(o.key))
          }
          m = e.done()
          history.push({ version: m, expected: new Map(ref) })
        }
        for (const h of history) {
          expect(plain(h.version)).toEqual(h.expected)
          expect(h.version.size).toBe(h.expected.size)
          for (const [k, v] of h.expected) expect(h.version.get(k)).toBe(v)
        }
      }),
      { seed: 6006, numRuns: 150 },
    )
  })

  it('keeps identity when an edit changes nothing, and builds its Record once', () => {
    const m = PMap.fromRecord({ a: 1, b: 2 })
    const e = m.edit()
    e.set('a', 1)
    e.delete('zz')
    expect(e.done()).toBe(m)
    expect(m.toRecord()).toBe(m.toRecord())
    expect(m.toRecord()).toEqual({ a: 1, b: 2 })
  })

  it('an editor used after done() does not write into the published version', () => {
    const e = PMap.empty<number>().edit()
    for (let i = 0; i < 100; i++) e.set(`x${String(i)}`, i)
    const first = e.done()
    e.set('x1', -1)
    e.delete('x2')
    const second = e.done()
    expect(first.get('x1')).toBe(1)
    expect(first.get('x2')).toBe(2)
    expect(first.size).toBe(100)
    expect(second.get('x1')).toBe(-1)
    expect(second.has('x2')).toBe(false)
    expect(second.size).toBe(99)
  })

  it('keys from the PBX are plain data (__proto__, constructor)', () => {
    const e = PMap.empty<string>().edit()
    e.set('__proto__', 'p')
    e.set('constructor', 'c')
    const m = e.done()
    expect(m.get('__proto__')).toBe('p')
    expect(Object.keys(m.toRecord()).sort()).toEqual(['__proto__', 'constructor'])
    expect(m.get('toString')).toBeUndefined()
  })
})
