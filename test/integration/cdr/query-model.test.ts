// Query results must equal a plain JS filter over the same rows, for random filter
// combinations, sorts and page sizes (fast-check, fixed seed; the seed is printed on failure).
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openCdrStore, type CdrFilter, type CdrRecord, type CdrRow, type CdrStore } from '../../../src-main/core/cdr/index'
import { channelEndpoint } from '../../../src-main/core/cdr/derive'
import { formatLocal } from '../../../src-main/core/cdr/time'
import { tempDbFile, utcWall } from './helpers'

const SEED = 20261125
type Infer<A> = A extends fc.Arbitrary<infer T> ? T : never
const T0 = Date.UTC(2026, 9, 20, 0, 0, 0) // spans the Berlin DST change on Oct 25
const SPAN = 10 * 86_400_000

const NAMES = ['Alice Smith', 'Zoë Ångström', 'bob', 'ÉMILE Dupont', '東京 Office', '', 'Impatient Caller', 'O\'Brien, "Pat"']
const NUMBERS = ['101', '102', '2001', '+4930123456', '5551234', '12', '004989111222', '']
const CONTEXTS = ['from-trunk', 'from-internal', 'ext-queues', 'lab']
const DISPOSITIONS = ['ANSWERED', 'NO ANSWER', 'BUSY', 'FAILED']

const recordArb = fc.record({
  offset: fc.integer({ min: 0, max: SPAN / 1000 }),
  name: fc.constantFrom(...NAMES),
  src: fc.constantFrom(...NUMBERS),
  dst: fc.constantFrom(...NUMBERS),
  dcontext: fc.constantFrom(...CONTEXTS),
  chan: fc.constantFrom('PJSIP/{n}-0000{h}', 'Local/{n}@lab-0000{h};1', 'IAX2/peer-{h}', ''),
  dstchan: fc.constantFrom('PJSIP/{n}-0000{h}', 'Local/{n}@lab-0000{h};2', ''),
  app: fc.constantFrom('Dial', 'Queue', 'Wait'),
  queue: fc.constantFrom('support', 'sales'),
  duration: fc.integer({ min: 0, max: 600 }),
  disposition: fc.constantFrom(...DISPOSITIONS),
  did: fc.constantFrom('4930555000', ''),
  uid: fc.integer({ min: 0, max: 1_000_000 }),
})

function toRecord(r: Infer<typeof recordArb>, i: number): CdrRecord {
  const start = T0 + r.offset * 1000
  const fill = (t: string, n: string): string => t.replace('{n}', n === '' ? 'x' : n).replace('{h}', (i + 10).toString(16))
  return {
    uniqueid: `lab-${String(r.uid)}.${String(i)}`,
    start: utcWall(start),
    end: utcWall(start + r.duration * 1000),
    clid: `"${r.name.replaceAll('"', '')}" <${r.src}>`,
    cnam: r.name,
    src: r.src,
    dst: r.dst,
    dcontext: r.dcontext,
    channel: fill(r.chan, r.src),
    dstchannel: fill(r.dstchan, r.dst),
    lastapp: r.app,
    lastdata: r.app === 'Queue' ? `${r.queue},,,,600` : 'x',
    duration: r.duration,
    billsec: Math.max(0, r.duration - 3),
    disposition: r.disposition,
    did: r.did,
    source: 'ami',
  }
}

const NEEDLES = ['ali', 'ZOË', 'ång', '東京', '555', '12', 'o', '', ' 101 ', 'xyz', "o'b", '"pat"', 'peer', 'ice sm', '4930']
const allFilterFields = fc.record(
  {
    from: fc.integer({ min: -86_400_000, max: SPAN }).map((d) => T0 + d),
    to: fc.integer({ min: 0, max: SPAN + 86_400_000 }).map((d) => T0 + d),
    text: fc.constantFrom(...NEEDLES),
    direction: fc.subarray(['inbound', 'outbound', 'internal'] as const),
    disposition: fc.subarray(DISPOSITIONS),
    outcome: fc.constantFrom('answered' as const, 'missed' as const),
    minDuration: fc.integer({ min: 0, max: 600 }),
    queue: fc.constantFrom('support', 'sales', 'none'),
    extension: fc.constantFrom('101', '102', '2001', '12', '5551234', 'peer', 'x', ' 101'),
  },
  { requiredKeys: [] },
)
type FilterFields = Infer<typeof allFilterFields>
// At most three constraints at a time, or nearly every combination would match nothing.
const filterArb = fc
  .tuple(
    allFilterFields,
    fc.shuffledSubarray(['from', 'to', 'text', 'direction', 'disposition', 'outcome', 'minDuration', 'queue', 'extension'] as const, {
      maxLength: 3,
    }),
  )
  .map(([all, keep]) => Object.fromEntries(Object.entries(all).filter(([k]) => (keep as readonly string[]).includes(k))) as FilterFields)

const fold = (s: string): string => s.toLowerCase()
function containsAll(r: CdrRow, needles: string[]): boolean {
  const fields = [r.cnam, r.cnum, r.src, r.dst, r.did ?? '', channelEndpoint(r.channel), channelEndpoint(r.dstchannel)].map(fold)
  return needles.every((n) => {
    const needle = fold(n.trim())
    return needle === '' || fields.some((f) => f.includes(needle))
  })
}
function matches(r: CdrRow, f: CdrFilter, terms: string[] = []): boolean {
  if (f.from !== undefined && r.start < f.from) return false
  if (f.to !== undefined && r.start >= f.to) return false
  if (f.text !== undefined && !containsAll(r, [f.text])) return false
  if (!containsAll(r, terms)) return false
  if (f.direction && f.direction.length > 0 && !f.direction.includes(r.direction)) return false
  if (f.disposition && f.disposition.length > 0 && !f.disposition.includes(r.disposition)) return false
  if (f.outcome !== undefined && r.missed !== (f.outcome === 'missed')) return false
  if (f.minDuration !== undefined && r.duration < f.minDuration) return false
  if (f.queue !== undefined && f.queue !== '' && r.queue !== f.queue) return false
  if (f.extension !== undefined && f.extension.trim() !== '') {
    const e = f.extension.trim()
    if (![r.src, r.dst, channelEndpoint(r.channel), channelEndpoint(r.dstchannel)].includes(e)) return false
  }
  return true
}

async function pages(fetch: (cursor: string | null) => ReturnType<CdrStore['query']>): Promise<number[]> {
  const ids: number[] = []
  let cursor: string | null = null
  for (let i = 0; i < 500; i++) {
    const p = await fetch(cursor)
    ids.push(...p.rows.map((r) => r.id))
    cursor = p.nextCursor
    if (cursor === null) return ids
  }
  throw new Error('pagination did not end')
}

let store: CdrStore
let rows: CdrRow[] = []
let cleanup: () => void = () => undefined

beforeAll(async () => {
  const t = tempDbFile()
  cleanup = t.cleanup
  store = await openCdrStore({ file: t.file })
  const data = fc.sample(fc.array(recordArb, { minLength: 600, maxLength: 600 }), { seed: SEED, numRuns: 1 })[0] ?? []
  const records = data.map(toRecord)
  const res = await store.ingest('p', records, { timeZone: 'UTC' })
  expect(res.rejected).toEqual([])
  const ids = await pages((cursor) => store.query({ profileId: 'p' }, { order: 'asc', limit: 1000, cursor }))
  rows = (await store.query({ profileId: 'p' }, { order: 'asc', limit: 1000 })).rows
  expect(rows.map((r) => r.id)).toEqual(ids)
  expect(rows.length).toBe(res.inserted)
})

afterAll(async () => {
  await store.close()
  cleanup()
})

describe('query = plain JS filter (property)', () => {
  it('ids are in start order, so start-sorted pages follow time', () => {
    for (let i = 1; i < rows.length; i++) expect((rows[i]?.start ?? 0) >= (rows[i - 1]?.start ?? 0)).toBe(true)
  })

  it('filters, sorts and pages like the model', async () => {
    let runs = 0
    let nonEmpty = 0
    await fc.assert(
      fc.asyncProperty(
        filterArb,
        fc.constantFrom('start' as const, 'duration' as const),
        fc.constantFrom('asc' as const, 'desc' as const),
        fc.constantFrom(7, 50, 1000),
        async (f, sort, order, limit) => {
          const filter: CdrFilter = {
            profileId: 'p',
            ...f,
            direction: f.direction ? [...f.direction] : undefined,
            disposition: f.disposition ? [...f.disposition] : undefined,
          }
          const got = await pages((cursor) => store.query(filter, { sort, order, limit, cursor }))
          const expected = rows.filter((r) => matches(r, filter))
          expected.sort((a, b) => (sort === 'start' ? a.id - b.id : a.duration - b.duration || a.id - b.id))
          if (order === 'desc') expected.reverse()
          expect(got).toEqual(expected.map((r) => r.id))
          if (expected.length > 0) nonEmpty++
          runs++
        },
      ),
      { seed: SEED, numRuns: 150, endOnFailure: true },
    )
    // The property only means something if most filters select some rows.
    expect(nonEmpty / runs).toBeGreaterThan(0.5)
  })

  it('search requires every term, combined with filters', async () => {
    await fc.assert(
      fc.asyncProperty(
        filterArb,
        fc.array(fc.constantFrom(...NEEDLES.map((n) => n.trim()).filter((n) => !n.includes(' '))), { minLength: 1, maxLength: 2 }),
        async (f, terms) => {
          const filter: CdrFilter = { profileId: 'p', from: f.from, to: f.to, direction: f.direction ? [...f.direction] : undefined }
          const got = await pages((cursor) => store.search(filter, terms.join('  '), { limit: 50, cursor }))
          const expected = rows
            .filter((r) => matches(r, filter, terms))
            .map((r) => r.id)
            .reverse()
          expect(got).toEqual(expected)
        },
      ),
      { seed: SEED + 1, numRuns: 60, endOnFailure: true },
    )
  })

  it('aggregates count the same rows per local day and hour', async () => {
    await fc.assert(
      fc.asyncProperty(filterArb, fc.constantFrom('day' as const, 'hour' as const), async (f, bucket) => {
        const filter: CdrFilter = {
          profileId: 'p',
          ...f,
          direction: f.direction ? [...f.direction] : undefined,
          disposition: f.disposition ? [...f.disposition] : undefined,
          extension: undefined,
        }
        const buckets = await store.aggregate(filter, { bucket, timeZone: 'Europe/Berlin' })
        const model = new Map<string, { total: number; missed: number }>()
        for (const r of rows.filter((x) => matches(x, filter))) {
          const local = formatLocal(r.start, 'Europe/Berlin')
          const label = bucket === 'day' ? local.slice(0, 10) : `${local.slice(0, 13)}:00`
          const m = model.get(label) ?? { total: 0, missed: 0 }
          m.total++
          if (r.missed) m.missed++
          model.set(label, m)
        }
        expect(new Map(buckets.map((b) => [b.label, { total: b.total, missed: b.missed }]))).toEqual(model)
        for (const b of buckets) expect(b.answered + b.missed).toBe(b.total)
      }),
      { seed: SEED + 2, numRuns: 40, endOnFailure: true },
    )
  })
})
