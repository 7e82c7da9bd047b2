import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { EndedMemory } from '../../../src-main/core/live/ended-memory'

describe('EndedMemory', () => {
  it('remembers exactly the last `limit` adds, duplicates included, and old versions stay (seeded)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.array(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 15 }), { maxLength: 10 }),
        (limit, batches) => {
          let mem = EndedMemory.empty(limit)
          let ref: string[] = []
          const versions: Array<{ mem: EndedMemory; ref: string[] }> = []
          for (const batch of batches) {
            const w = mem.edit()
            for (const n of batch) {
              const id = `id${String(n)}`
              w.add(id)
              ref = [...ref, id].slice(-limit)
              expect(w.has(id)).toBe(true)
            }
            mem = w.done()
            versions.push({ mem, ref })
          }
          for (const v of versions) {
            expect(v.mem.list()).toEqual(v.ref)
            for (let n = 0; n <= 20; n++) expect(v.mem.has(`id${String(n)}`)).toBe(v.ref.includes(`id${String(n)}`))
          }
        },
      ),
      { seed: 1024, numRuns: 200 },
    )
  })

  it('fromList keeps the newest entries when given more than the limit', () => {
    const m = EndedMemory.fromList(['a', 'b', 'c', 'd'], 2)
    expect(m.list()).toEqual(['c', 'd'])
    expect(m.has('a')).toBe(false)
  })
})
