// npm run bench:reports [-- --events 1000000 --runs 5]
// A month of seeded queue traffic (10 queues, 60 agents: joins, rings, ring-outs, answers,
// completions, abandons, time-outs, pauses with reasons) written through the CDR store's worker as
// the live ingest writes it, then the reports the screen asks for, timed through the same store:
// a day by hour, a week by day, the whole month, one queue and one agent over the month.
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openCdrStore } from '../../src-main/core/cdr/store'
import type { QueueEvent } from '../../src-main/core/reports/queue-event'
import type { ReportQuery } from '../../src-main/core/reports/queue-event-db'

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`)
  const v = i >= 0 ? Number(process.argv[i + 1]) : Number.NaN
  return Number.isFinite(v) && v > 0 ? v : fallback
}
const TOTAL = arg('events', 1_000_000)
const RUNS = arg('runs', 5)
const DAYS = 30
const DAY = 86_400_000
const START = Date.UTC(2026, 10, 1)
const PROFILE = 'bench'

/** mulberry32: the same month for the same seed. */
function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const QUEUES = Array.from({ length: 10 }, (_, i) => `queue-${String(i + 1).padStart(2, '0')}`)
const AGENTS = Array.from({ length: 60 }, (_, i) => ({ name: `Agent ${String(100 + i)}`, iface: `PJSIP/${String(100 + i)}` }))
const REASONS = ['Lunch', 'Break', 'Training', 'Wrap-up: ticket', '']

/** The month's events in time order, `TOTAL` of them (a call is 2–6 events; pauses in between). */
function* month(total: number): Generator<QueueEvent> {
  const r = rng(42)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T
  const ev = (
    at: number,
    kind: QueueEvent['kind'],
    queue: string,
    callid: string,
    agent = '',
    iface = '',
    extra: Partial<QueueEvent> = {},
  ): QueueEvent => ({
    at: Math.floor(at / 1000) * 1000,
    kind,
    queue,
    callid,
    agent,
    iface,
    reason: '',
    caller: '',
    source: 'ami',
    ...extra,
  })
  // ~4.2 events per call on average, spread evenly over the month's working hours (8–20 h).
  const calls = Math.ceil(total / 4.2)
  const step = (DAYS * 12 * 3_600_000) / calls
  let emitted = 0
  let pending: QueueEvent[] = []
  for (let n = 0; emitted < total; n++) {
    const slot = n * step
    const day = Math.floor(slot / (12 * 3_600_000))
    const at = START + day * DAY + 8 * 3_600_000 + (slot % (12 * 3_600_000))
    const queue = pick(QUEUES)
    const callid = `bench-${String(n)}`
    const a = pick(AGENTS)
    const wait = Math.floor(r() * r() * 240)
    const out: QueueEvent[] = [ev(at, 'join', queue, callid, '', '', { caller: `+4930${String(100000 + (n % 900000))}` })]
    const p = r()
    if (p < 0.12) out.push(ev(at + wait * 1000, 'abandon', queue, callid, '', '', { wait, position: 1 }))
    else if (p < 0.15) out.push(ev(at + wait * 1000, 'exit', queue, callid, '', '', { wait, reason: 'EXITWITHTIMEOUT' }))
    else {
      out.push(ev(at + Math.max(0, wait - 5) * 1000, 'called', queue, callid, a.name, a.iface))
      if (r() < 0.2) out.push(ev(at + Math.max(0, wait - 1) * 1000, 'ringnoanswer', queue, callid, pick(AGENTS).name, '', { ring: 15 }))
      const talk = 20 + Math.floor(r() * 300)
      out.push(ev(at + wait * 1000, 'connect', queue, callid, a.name, a.iface, { wait, ring: 3 }))
      out.push(ev(at + (wait + talk) * 1000, 'complete', queue, callid, a.name, a.iface, { wait, talk, reason: r() < 0.5 ? 'caller' : 'agent' }))
    }
    // Now and then a member pauses in every queue for a while.
    if (r() < 0.02) {
      const m = pick(AGENTS)
      const reason = pick(REASONS)
      for (const q of QUEUES.slice(0, 3)) out.push(ev(at, 'pause', q, '', m.name, m.iface, { reason }))
      for (const q of QUEUES.slice(0, 3)) out.push(ev(at + (5 + Math.floor(r() * 40)) * 60_000, 'unpause', q, '', m.name, m.iface))
    }
    // Events of earlier calls that are due by now leave in time order.
    pending.push(...out)
    pending.sort((x, y) => x.at - y.at)
    let due = 0
    while (due < pending.length && (pending[due]?.at ?? Infinity) <= at) due++
    for (const e of pending.slice(0, due)) {
      if (emitted++ >= total) return
      yield e
    }
    pending = pending.slice(due)
  }
}

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-reports-'))
  const file = join(dir, 'cdr.db')
  const store = await openCdrStore({ file })
  try {
    const t0 = performance.now()
    let batch: QueueEvent[] = []
    let inserted = 0
    let duplicates = 0
    let inFlight: Promise<void> = Promise.resolve()
    for (const e of month(TOTAL)) {
      batch.push(e)
      if (batch.length === 5000) {
        const sent = batch
        batch = []
        await inFlight
        inFlight = store.ingestQueueEvents(PROFILE, sent).then((r) => {
          inserted += r.inserted
          duplicates += r.duplicates
        })
      }
    }
    await inFlight
    if (batch.length > 0) {
      const r = await store.ingestQueueEvents(PROFILE, batch)
      inserted += r.inserted
      duplicates += r.duplicates
    }
    const ingestS = (performance.now() - t0) / 1000
    await store.saveQueueThresholds(
      PROFILE,
      QUEUES.map((queue, i) => ({ queue, seconds: i % 3 === 0 ? 0 : 20 + i * 5 })),
      Date.now(),
    )
    await store.checkpoint()
    const mb = statSync(file).size / 1e6
    console.log(`queue events: ${String(inserted)} stored (${String(duplicates)} recognised as copies) in ${ingestS.toFixed(1)} s`)
    console.log(`  ${Math.round(inserted / ingestS).toLocaleString('en')} events/s through the worker; database ${mb.toFixed(0)} MB`)
    // Exactly once at scale: the first 50,000 again count nothing.
    let again = 0
    const first: QueueEvent[] = []
    for (const e of month(TOTAL)) {
      if (first.length === 50_000) break
      first.push(e)
    }
    for (let i = 0; i < first.length; i += 5000) again += (await store.ingestQueueEvents(PROFILE, first.slice(i, i + 5000))).inserted
    console.log(`  the first 50,000 sent again: ${String(again)} stored`)

    const base: ReportQuery = {
      profileId: PROFILE,
      from: START,
      to: START + DAYS * DAY,
      queues: [],
      agents: [],
      bucket: 'day',
      timeZone: 'Europe/Berlin',
      now: START + DAYS * DAY,
    }
    const cases: [string, ReportQuery][] = [
      ['one day, all queues, by hour', { ...base, from: START + 14 * DAY, to: START + 15 * DAY, bucket: 'hour' }],
      ['7 days, all queues, by day', { ...base, from: START + 14 * DAY, to: START + 21 * DAY }],
      ['30 days, all queues (every event), by day', base],
      ['30 days, one queue, by day', { ...base, queues: ['queue-04'] }],
      ['30 days, one agent, by day', { ...base, agents: ['Agent 123'] }],
    ]
    console.log(`\nreport time through the store's worker (${String(RUNS)} runs each; median / worst):`)
    for (const [name, q] of cases) {
      const times: number[] = []
      let events = 0
      for (let i = 0; i < RUNS; i++) {
        const t = performance.now()
        const r = await store.queueReport(q)
        times.push(performance.now() - t)
        events = r.events
      }
      times.sort((a, b) => a - b)
      console.log(
        `  ${name.padEnd(44)} ${String(events).padStart(9)} events  ${quantile(times, 0.5).toFixed(0).padStart(6)} ms / ${(times.at(-1) ?? 0).toFixed(0).padStart(6)} ms`,
      )
    }
  } finally {
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

await main()
