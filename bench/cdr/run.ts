// npm run bench:cdr [-- --rows N] [--batch N] [--no-reference] [--reference-dir DIR] [--json]
//
// Ingests N synthetic CDRs (default 1,000,000) into the real store (worker thread, async
// interface, local-time strings converted with the PBX zone), then times page queries, an FTS
// search and an aggregate through that interface, and the main thread's event-loop delay while
// heavy queries run. Then runs the shared reference store (../shared/bench/cdr-reference, beside
// the repository; --reference-dir DIR for another place) on the same machine in the same run and
// prints ratios.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { openCdrStore, type CdrFilter, type CdrRecord, type CdrStore } from '../../src-main/core/cdr/index'

// Paths come from this script's own place, so the bench runs the same from any working directory.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')

const { values: opt } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    batch: { type: 'string', default: '10000' },
    'no-reference': { type: 'boolean', default: false },
    'reference-dir': { type: 'string', default: path.join(root, '..', 'shared', 'bench', 'cdr-reference') },
    json: { type: 'boolean', default: false },
  },
})
const ROWS = Number(opt.rows)
const BATCH = Number(opt.batch)
if (!(ROWS > 0) || !(BATCH > 0)) throw new Error('--rows and --batch must be positive')

// Same generator family as the reference: deterministic, 1 call every 3 s.
let seed = 42
const rnd = (): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff
const NAMES = [
  'Alice Smith',
  'Bob Jones',
  'Chloé Dupont',
  'Dmitri Ivanov',
  'Eve Müller',
  'Frank Li',
  'Grace Hopper',
  'Heidi Klum',
  'Ivan Petrov',
  'Zoë Ångström',
]
const DISPOSITIONS = ['ANSWERED', 'NO ANSWER', 'BUSY', 'FAILED']
const T0 = 1_700_000_000
const ZONE = 'Europe/Berlin'
const pad = (n: number): string => String(n).padStart(2, '0')
// The generator is not what is measured, yet it runs on the thread that also normalises: the
// date part is formatted once per day and the time of day is looked up (same strings as a Date
// would give).
const TIME_OF_DAY = Array.from({ length: 86_400 }, (_, s) => `${pad(Math.floor(s / 3600))}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}`)
let wallDay = -1
let wallDate = ''
/** PBX wall-clock string for "T0 + s seconds" (the PBX writes wall time; the store converts). */
function wall(sec: number): string {
  const day = Math.floor(sec / 86_400)
  if (day !== wallDay) {
    const d = new Date(day * 86_400_000)
    wallDay = day
    wallDate = `${String(d.getUTCFullYear())}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} `
  }
  return wallDate + (TIME_OF_DAY[sec - day * 86_400] ?? '')
}
const sampleNumbers: string[] = []
function record(i: number): CdrRecord {
  const start = T0 + i * 3
  const name = NAMES[i % NAMES.length] ?? ''
  const ext = String(100 + (i % 400))
  const ext2 = String(100 + ((i * 7) % 400))
  const external = String(2_000_000_000 + Math.floor(rnd() * 999_999_999))
  if (i % 997 === 0 && sampleNumbers.length < 1000) sampleNumbers.push(external)
  const kind = i % 3 // 0 inbound, 1 outbound, 2 internal
  const queue = kind === 0 && i % 5 === 0
  const hex = i.toString(16)
  return {
    uniqueid: `pbx-${String(start)}.${String(i)}`,
    start: wall(start),
    answer: i % 4 === 0 ? wall(start + 5) : null,
    end: wall(start + 65),
    clid: kind === 0 ? `"${name}" <${external}>` : `"Ext ${ext}" <${ext}>`,
    src: kind === 0 ? external : ext,
    dst: kind === 1 ? external : queue ? '200' : kind === 0 ? ext : ext2,
    dcontext: kind === 0 ? 'from-trunk' : 'from-internal',
    channel: kind === 0 ? `PJSIP/trunk-${hex}` : `PJSIP/${ext}-${hex}`,
    dstchannel: kind === 1 ? `PJSIP/trunk-${hex}` : `PJSIP/${kind === 0 ? ext : ext2}-${hex}`,
    lastapp: queue ? 'Queue' : 'Dial',
    lastdata: queue ? 'support,t,,,300' : `PJSIP/${ext},30`,
    duration: 65,
    billsec: 60,
    disposition: DISPOSITIONS[i % 4] ?? 'ANSWERED',
    amaflags: 'DOCUMENTATION',
    accountcode: '',
    userfield: '',
    did: kind === 0 ? '5551234' : null,
    source: 'ami',
  }
}

const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? NaN
}
const round = (n: number, d = 2): number => Number(n.toFixed(d))

async function timeIt(n: number, fn: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  const times: number[] = []
  for (let j = 0; j < n; j++) {
    const t = performance.now()
    await fn()
    times.push(performance.now() - t)
  }
  return { p50: round(pct(times, 0.5)), p95: round(pct(times, 0.95)) }
}

async function ingestAll(store: CdrStore): Promise<number> {
  const t0 = performance.now()
  let inFlight: Promise<unknown> | null = null
  for (let i = 0; i < ROWS; i += BATCH) {
    const recs: CdrRecord[] = []
    for (let j = i; j < Math.min(ROWS, i + BATCH); j++) recs.push(record(j))
    // Two batches in flight: the next one is built and cloned while the worker writes.
    const p = store.ingest('p1', recs, { timeZone: ZONE }).then((r) => {
      if (r.rejected.length > 0) throw new Error(`rejected: ${JSON.stringify(r.rejected[0])}`)
    })
    if (inFlight) await inFlight
    inFlight = p
  }
  if (inFlight) await inFlight
  return (performance.now() - t0) / 1000
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdr-bench-'))
  const file = path.join(dir, 'cdr.db')
  const log = (s: string): void => {
    console.error(s)
  }
  log(`ingesting ${String(ROWS)} CDRs (batches of ${String(BATCH)}) into ${file}`)
  const store = await openCdrStore({ file })
  const ingestS = await ingestAll(store)
  await store.checkpoint()
  const dbBytes = fs.statSync(file).size
  const stats = await store.stats('p1')
  if (stats.rows !== ROWS) throw new Error(`expected ${String(ROWS)} rows, store has ${String(stats.rows)}`)

  // Re-ingesting a batch must add nothing (identity), measured as a sanity check.
  const again: CdrRecord[] = []
  seed = 42
  for (let j = 0; j < 1000; j++) again.push(record(j))
  const dup = await store.ingest('p1', again, { timeZone: ZONE })
  if (dup.inserted !== 0) throw new Error(`re-ingest inserted ${String(dup.inserted)}`)

  const spanMs = ROWS * 3 * 1000
  const t0ms = (T0 - 3600) * 1000 // Berlin wall time is UTC+1/+2; start a little earlier
  const at = (): number => t0ms + Math.floor(rnd() * spanMs)
  const TERMS = ['Müller', 'Smith', 'Petrov', 'Hopp', 'ngstr']
  const term = (): string => TERMS[Math.floor(rnd() * TERMS.length)] ?? 'Smith'
  const number = (): string => sampleNumbers[Math.floor(rnd() * sampleNumbers.length)] ?? '2000000000'
  const base: CdrFilter = { profileId: 'p1' }
  const day = 86_400_000
  const queries: Record<string, () => Promise<unknown>> = {
    'page by time': () => store.query({ ...base, to: at() }, { limit: 100 }),
    'missed in a day': () => {
      const s = at()
      return store.query({ ...base, from: s - day, to: s, outcome: 'missed' }, { limit: 100 })
    },
    'outbound page': () => store.query({ ...base, direction: ['outbound'], to: at() }, { limit: 100 }),
    'one number': () => store.query({ ...base, extension: number() }, { limit: 100 }),
    'queue, one day': () => {
      const s = at()
      return store.query({ ...base, queue: 'support', from: s - day, to: s }, { limit: 100 })
    },
    'page 2 by cursor': async () => {
      const p1 = await store.query({ ...base, to: at() }, { limit: 100 })
      return store.query({ ...base }, { limit: 100, cursor: p1.nextCursor })
    },
  }
  const results: Record<string, { p50: number; p95: number }> = {}
  for (const [name, fn] of Object.entries(queries)) results[name] = await timeIt(100, fn)
  results['FTS search (name)'] = await timeIt(100, () => store.search(base, term(), { limit: 100 }))
  results['FTS search in a week'] = await timeIt(100, () => {
    const s = at()
    return store.search({ ...base, from: s - 7 * day, to: s }, term(), { limit: 100 })
  })
  results['name contains (filter)'] = await timeIt(100, () => store.query({ ...base, text: term() }, { limit: 100 }))
  results['calls per hour, one day'] = await timeIt(30, () => {
    const s = at()
    return store.aggregate({ ...base, from: s - day, to: s }, { bucket: 'hour', timeZone: ZONE })
  })

  // Event-loop delay of the main thread while heavy queries run in the worker: a per-day
  // aggregate over every row and a month-long unindexed scan (2-character contains).
  const heavy: Record<string, number> = {}
  const h = monitorEventLoopDelay({ resolution: 1 })
  // A timer that keeps the loop busy with small tasks, as AMI traffic would.
  let ticks = 0
  const tick = setInterval(() => {
    ticks++
  }, 1)
  h.enable()
  const th = performance.now()
  await store.aggregate(base, { bucket: 'day', timeZone: ZONE })
  heavy['aggregate per day, all rows (ms)'] = round(performance.now() - th)
  const ts = performance.now()
  const s = at()
  await store.query({ ...base, from: s - 30 * day, to: s, text: 'zz' }, { limit: 100 })
  heavy['30-day scan, 2-char contains (ms)'] = round(performance.now() - ts)
  const te = performance.now()
  let csvBytes = 0
  for await (const chunk of store.exportCsv({ ...base, from: s - 7 * day, to: s }, { timeZone: ZONE })) csvBytes += chunk.length
  heavy['CSV export, one week (ms)'] = round(performance.now() - te)
  h.disable()
  clearInterval(tick)
  const loopP99 = round(h.percentile(99) / 1e6)
  const loopMax = round(h.max / 1e6)
  await store.close()
  fs.rmSync(dir, { recursive: true, force: true })

  const ours = {
    rows: ROWS,
    ingest_s: round(ingestS),
    rows_per_s: Math.round(ROWS / ingestS),
    db_mb: round(dbBytes / 1e6, 1),
    queries_ms: results,
    heavy_ms: heavy,
    csv_week_bytes: csvBytes,
    event_loop_delay_ms: { p99: loopP99, max: loopMax, timer_ticks: ticks },
  }

  interface ReferenceResult {
    ingest_s: number
    rows_per_s: number
    db_mb: number
    queries_ms: Record<string, { p50: number; p95: number }>
  }
  let reference: ReferenceResult | null = null
  if (!opt['no-reference']) {
    // The reference is read-only; run a copy from a gitignored dir so it resolves this
    // project's better-sqlite3 (same version) instead of needing its own npm install.
    const refDir = path.join(root, 'bench', 'results', 'cdr-reference')
    fs.mkdirSync(refDir, { recursive: true })
    fs.copyFileSync(path.join(opt['reference-dir'], 'run.mjs'), path.join(refDir, 'run.mjs'))
    log('running the reference store (same rows, same machine)…')
    const out = execFileSync(process.execPath, [path.join(refDir, 'run.mjs'), '--rows', String(ROWS), '--json'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    reference = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as ReferenceResult
  }

  if (opt.json) {
    console.log(JSON.stringify({ ours, reference }))
    return
  }
  const goal = (ok: boolean): string => (ok ? 'ok' : 'MISSED')
  const pageP95 = Math.max(
    ...Object.entries(results)
      .filter(([k]) => !k.startsWith('FTS') && !k.startsWith('calls'))
      .map(([, v]) => v.p95),
  )
  const ftsP95 = Math.max(
    ...Object.entries(results)
      .filter(([k]) => k.startsWith('FTS'))
      .map(([, v]) => v.p95),
  )
  console.log(`CDR store: ${String(ROWS)} rows`)
  console.log(`  ingest            ${String(ours.ingest_s)} s (${String(ours.rows_per_s)} rows/s)   goal < 15 s: ${goal(ours.ingest_s < 15)}`)
  console.log(`  database size     ${String(ours.db_mb)} MB`)
  for (const [k, v] of Object.entries(results))
    console.log(`  ${k.padEnd(26)} p50 ${String(v.p50).padStart(7)} ms   p95 ${String(v.p95).padStart(7)} ms`)
  console.log(`  page query p95 (worst)  ${String(pageP95)} ms   goal < 30 ms: ${goal(pageP95 < 30)}`)
  console.log(`  FTS p95 (worst)         ${String(ftsP95)} ms   goal < 100 ms: ${goal(ftsP95 < 100)}`)
  for (const [k, v] of Object.entries(heavy)) console.log(`  heavy: ${k.padEnd(34)} ${String(v)}`)
  console.log(
    `  main event-loop delay during heavy queries: p99 ${String(loopP99)} ms, max ${String(loopMax)} ms   goal p99 < 10 ms: ${goal(loopP99 < 10)}`,
  )
  if (reference) {
    console.log(
      `reference store (main thread, in-process): ingest ${String(reference.ingest_s)} s (${String(reference.rows_per_s)} rows/s), ${String(reference.db_mb)} MB`,
    )
    for (const [k, v] of Object.entries(reference.queries_ms))
      console.log(`  ${k.padEnd(26)} p50 ${String(v.p50).padStart(7)} ms   p95 ${String(v.p95).padStart(7)} ms`)
    console.log(
      `ratios (ours / reference): ingest time ${String(round(ours.ingest_s / reference.ingest_s))}, db size ${String(round(ours.db_mb / reference.db_mb))}`,
    )
    const pairs: [string, string][] = [
      ['page by time', 'page by time'],
      ['missed in a day', 'missed in a day'],
      ['outbound page', 'outbound page'],
      ['one number', 'one number'],
      ['FTS search (name)', 'fts, ordered by time'],
      ['calls per hour, one day', 'calls per hour, one day'],
    ]
    for (const [a, b] of pairs) {
      const x = results[a]
      const y = reference.queries_ms[b]
      if (x && y) console.log(`  ${a.padEnd(26)} p95 ratio ${String(round(x.p95 / y.p95))} (${String(x.p95)} vs ${String(y.p95)} ms)`)
    }
  }
}

await main()
