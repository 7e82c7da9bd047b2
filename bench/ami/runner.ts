/**
 * The `attendant` runner for the shared AMI ingest harness (../shared/bench/ami-ingest, README
 * "Runner protocol"): connects with the project's AmiClient exactly as the console does (login,
 * readiness, keepalive), turns every event into its typed form, and counts events by name until
 * `Event: BenchDone`. Prints one JSON line and exits.
 */
import { writeFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import { getHeapSpaceStatistics } from 'node:v8'
import { AmiClient } from '../../src-main/core/ami/client'
import { toTypedEvent } from '../../src-main/core/ami/events'

const env = process.env
const payloadBytes = Number(env.AMI_BENCH_PAYLOAD_BYTES ?? 0)
const timeoutS = Number(env.AMI_BENCH_TIMEOUT_S ?? 300)
const types: Record<string, number> = Object.create(null) as Record<string, number>
let events = 0
let typed = 0
let badUtf8 = 0
let t0 = 0
let done = false

/** Diagnosis only (AMI_BENCH_MEMTRACE=<file>): peaks of process.memoryUsage() and of the V8 heap
 *  spaces, sampled every 20 ms, written to the file at the end. Off in normal runs. */
const memTraceFile = env.AMI_BENCH_MEMTRACE
const memPeaks: Record<string, number> = Object.create(null) as Record<string, number>
function sampleMemory(): void {
  const peak = (k: string, v: number): void => {
    memPeaks[k] = Math.max(memPeaks[k] ?? 0, Math.round((v / 1048576) * 10) / 10)
  }
  for (const [k, v] of Object.entries(process.memoryUsage())) peak(k, v)
  for (const sp of getHeapSpaceStatistics()) peak(`space.${sp.space_name}`, sp.space_size)
}
if (memTraceFile !== undefined) setInterval(sampleMemory, 20).unref()

function report(extra: Record<string, unknown> = {}): void {
  if (done) return
  if (memTraceFile !== undefined) {
    sampleMemory()
    writeFileSync(memTraceFile, JSON.stringify({ peaksMB: memPeaks, maxRssMB: process.resourceUsage().maxRSS / 1024 }) + '\n', { flag: 'a' })
  }
  if (badUtf8 > 0 && extra.error === undefined) extra = { ...extra, error: `${String(badUtf8)} caller names decoded with U+FFFD` }
  done = true
  const seconds = (performance.now() - t0) / 1000
  const out = {
    lib: 'attendant',
    events,
    seconds: Math.round(seconds * 1e4) / 1e4,
    eventsPerSec: Math.round(events / seconds),
    MBps: payloadBytes > 0 ? Math.round((payloadBytes / seconds / 1e6) * 100) / 100 : null,
    peakRssMB: Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10,
    types: { ...types },
    typedEvents: typed,
    ...extra,
  }
  process.stdout.write(JSON.stringify(out) + '\n', () => process.exit(extra.error === undefined ? 0 : 2))
}

setTimeout(() => {
  report({ error: `timeout after ${String(timeoutS)}s` })
}, timeoutS * 1000).unref()

const client = new AmiClient({
  host: env.AMI_HOST ?? '127.0.0.1',
  port: Number(env.AMI_PORT ?? 5038),
  username: env.AMI_USER ?? 'bench',
  secret: env.AMI_SECRET ?? 'bench',
  reconnect: false,
})

client.on('event', (msg) => {
  const name = msg.event as string
  if (name === 'BenchDone') {
    report()
    return
  }
  events++
  types[name] = (types[name] ?? 0) + 1
  // What the live-state reducers do with every event: the typed form, and its channel block.
  const ev = toTypedEvent(msg)
  if (ev !== undefined) {
    typed++
    // Proof of correct decoding (the stream is valid UTF-8, also with --utf8 --split): a
    // replacement character means a character was cut at a read boundary.
    if ('channel' in ev && typeof ev.channel === 'object' && ev.channel.callerIdName?.includes('\uFFFD') === true) badUtf8++
  }
})
client.on('disconnected', ({ error }) => {
  report({ error: `disconnected before BenchDone: ${error?.message ?? 'closed'}` })
})
client.on('auth_failed', (err) => {
  report({ error: err.message })
})

t0 = performance.now()
client.start().catch((err: unknown) => {
  report({ error: err instanceof Error ? err.message : String(err) })
})
