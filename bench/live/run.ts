/**
 * `npm run bench:live [-- --calls 5000 --rate 1000 --seconds 20 --scroll 4 --json]`
 *
 * The whole live path under load: the demo PBX in load mode (its own process, bench/live/
 * pbx-child.ts) → the real AmiClient → LiveSync reducers → PatchCoalescer → the web transport
 * (WebSocket) → the real renderer in headless Chromium showing the Calls view, newest call first.
 * Prints what the figures are and how they were taken; the goals are reported, never asserted.
 *
 *   --calls     concurrent calls kept up by the PBX (default 5000)
 *   --rate      AMI events/s wanted at the console (default 1000); turned into a call rate with
 *               EVENTS_PER_CALL (measured: the events/s actually received are printed)
 *   --cps       call rate, overriding --rate
 *   --seconds   measurement window for latency/CPU/batches (default 15)
 *   --scroll    seconds of scrolling the calls list under load (default 4)
 *   --json      one JSON object instead of the table
 *   --profile D write main.cpuprofile and renderer.cpuprofile (measurement window),
 *               scroll-main.cpuprofile and scroll.cpuprofile (the scroll phase) into D
 *   --trace     with --profile: also the page's timeline (renderer.trace.json) and the scroll
 *               phase's (scroll.trace.json); tracing slows the page, so its figures and CPU
 *               profile are not comparable with an untraced run
 */
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import type { Browser } from 'playwright-core'
import { startProfiles } from './profiles'
import type { AmiMessage } from '../../src-main/core/ami/message'
import { startWebServer, type WebServer } from '../../src-main/web/web-server'
import { launchChromium, RENDERER_DIR } from '../../test/support/browser'
import { showCallsNewestFirst } from '../support/calls-view'
import { measureOffset } from '../support/clock'
import { startConsole } from '../support/console'
import { startPbxProcess, type ChildReady } from '../support/pbx-process'
import { installPipelineProbe } from './instrument'
import { PAGE_PROBE } from './page-probe'
import { maxInWindow, percentile, round, wallNow } from '../support/stats'

/**
 * AMI events one load call sends the console's `operator` user (call,agent,user,cdr,reporting),
 * measured: 779 events/s received at 41.67 calls/s (2,000 and 5,000 calls alike) = 18.7 per call.
 * (24 was an estimate and gave ~780 events/s for `--rate 1000`.) The table prints what arrived.
 */
const EVENTS_PER_CALL = 18.7
const here = dirname(fileURLToPath(import.meta.url))
const root = resolve(here, '..', '..')

interface Options {
  readonly calls: number
  readonly rate: number
  readonly cps: number
  readonly seconds: number
  readonly scroll: number
  readonly json: boolean
  readonly seed: number
  /** Directory for main.cpuprofile and renderer.cpuprofile of the measurement window. */
  readonly profileDir: string | undefined
  /** Also record the page's timeline trace (costly: distorts that run's figures). */
  readonly trace: boolean
}

function parseArgs(argv: readonly string[]): Options {
  const get = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`)
    return i >= 0 ? argv[i + 1] : undefined
  }
  const num = (name: string, dflt: number): number => {
    const v = get(name)
    const n = v === undefined ? dflt : Number(v)
    if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} needs a positive number`)
    return n
  }
  const rate = num('rate', 1000)
  return {
    calls: Math.round(num('calls', 5000)),
    rate,
    cps: num('cps', rate / EVENTS_PER_CALL),
    seconds: num('seconds', 15),
    scroll: num('scroll', 4),
    json: argv.includes('--json'),
    seed: num('seed', 1),
    profileDir: get('profile'),
    trace: argv.includes('--trace'),
  }
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))
const log = (opts: Options, msg: string): void => {
  if (!opts.json) console.error(`bench:live: ${msg}`)
}

/** bench/live/pbx-child.ts's ready line. */
interface ReadyMsg extends ChildReady {
  readonly channels: number
  readonly rampMs: number
}

interface PageResult {
  seen: [string, number][]
  frames: number[]
  live: number[]
  liveBytes: number[]
  snapshots: number
}

interface ScrollResult {
  deltas?: number[]
  /** Per frame: rows inserted, text nodes changed, live messages received, applied (page-probe.ts). */
  detail?: [number, number, number, number][]
  scrollHeight?: number
  rows?: number
  error?: string
}

/** Longest run of live frames between two consecutive animation frames. */
function maxLivePerFrame(frames: readonly number[], live: readonly number[]): { max: number; framesWithMoreThanOne: number } {
  const sortedLive = [...live].sort((a, b) => a - b)
  let i = 0
  let max = 0
  let over = 0
  for (let f = 1; f < frames.length; f++) {
    const end = frames[f] ?? 0
    let n = 0
    while (i < sortedLive.length && (sortedLive[i] ?? 0) < end) {
      if ((sortedLive[i] ?? 0) >= (frames[f - 1] ?? 0)) n++
      i++
    }
    max = Math.max(max, n)
    if (n > 1) over++
  }
  return { max, framesWithMoreThanOne: over }
}

/** A dropped scroll frame and what its DOM did (rows inserted, text changed, messages before). */
interface DroppedFrame {
  readonly ms: number
  readonly rowsInserted: number
  readonly textChanges: number
  /** Live frames the app applied in this frame (its acks). */
  readonly liveApplied: number
}

function droppedFrames(deltas: readonly number[], detail: readonly (readonly [number, number, number, number])[]): DroppedFrame[] {
  const out: DroppedFrame[] = []
  deltas.forEach((ms, i) => {
    if (ms <= 20) return
    // The step that ends a frame runs first among its animation-frame callbacks, and the app's
    // apply (registered later) after it: an ack counted at step i was sent in the frame step i ends.
    const d = detail[i] ?? [0, 0, 0, 0]
    out.push({ ms: round(ms, 1), rowsInserted: d[0], textChanges: d[1], liveApplied: d[3] })
  })
  return out
}

interface Pcts {
  readonly p50: number
  readonly p95: number
  readonly p99: number
}

interface BenchResult {
  readonly config: { concurrentCalls: number; callsPerSecond: number; targetEventsPerSecond: number; windowS: number; scrollS: number; seed: number }
  readonly load: {
    callsInConsole: number
    amiReconnects: number
    liveStatusAtEnd: string
    rampMs: number
    amiEventsPerSecond: number
    newCallsPerSecond: number
  }
  readonly reducer: {
    events: number
    batches: number
    mainThreadMs: number
    eventsPerSecondOfMainThread: number
    meanBatchMs: number
    maxBatchMs: number
    shareOfWallPercent: number
  }
  readonly mainProcess: {
    cpuPercentOfOneCore: number
    cpuPercentWhileScrolling: number
    eventLoopDelayP99Ms: number
    eventLoopDelayMaxMs: number
    pbxChildCpuMsTotal: number | null
  }
  readonly coalescer: {
    flushesPerSecond: number
    patchBatchesPerSecond: number
    snapshotsSent: number
    maxFlushesIn16ms: number
    maxPatchesIn16ms: number
    minFlushGapMs: number
    meanFlushMs: number
    p99FlushMs: number
    meanCallUpsertsPerPatch: number
  }
  readonly renderer: {
    liveFramesPerSecond: number
    meanPatchKiB: number
    maxPatchKiB: number
    snapshotsReceived: number
    maxLiveFramesPerAnimationFrame: number
    animationFramesWithMoreThanOneBatch: number
    animationFramesPerSecond: number
    longFramesOver20ms: number
    worstFrameMs: number
    mainThreadBusyPercent: number
    pageErrors: number
  }
  readonly latency: {
    method: string
    clockOffsetMs: number
    clockUncertaintyMs: number
    newCalls: number
    measured: number
    eventToDomMs: Pcts & { max: number }
    eventToSentMs: Pcts
    heldForAckMs: Pcts
    sentToDomMs: Pcts
  }
  readonly scroll:
    | { error: string }
    | {
        frames: number
        droppedFramesOver20ms: number
        worstFrameMs: number
        p99FrameMs: number
        rowsInDom: number
        listHeightPx: number
        dropped: DroppedFrame[]
      }
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2))
  const cleanups: Array<() => Promise<unknown>> = []
  // Everything is bounded: a watchdog ends the run even if a step hangs.
  const watchdog = setTimeout(
    () => {
      console.error('bench:live: watchdog — the run took too long, stopping')
      void runCleanups().finally(() => process.exit(2))
    },
    (opts.seconds + opts.scroll + 200) * 1000,
  )
  watchdog.unref()
  const runCleanups = async (): Promise<void> => {
    for (const c of cleanups.splice(0).reverse())
      await c().catch((err: unknown) => {
        console.error('bench:live: cleanup:', err)
      })
  }

  try {
    log(opts, `PBX child: ${String(opts.calls)} calls at ${round(opts.cps, 2).toString()} calls/s, ramping up (clock ×50)…`)
    const child = await startPbxProcess<ReadyMsg>(
      join(here, 'pbx-child.ts'),
      { calls: opts.calls, callsPerSecond: opts.cps, seed: opts.seed, maxLifeMs: (opts.seconds + opts.scroll + 150) * 1000 },
      { cwd: root, name: 'bench:live' },
    )
    let childCpuMs: number | undefined
    cleanups.push(async () => {
      childCpuMs = await child.stop()
    })
    log(opts, `PBX ready: ${String(child.ready.channels)} channels after ${String(child.ready.rampMs)} ms`)

    const probe = installPipelineProbe()
    cleanups.push(() => {
      probe.uninstall()
      return Promise.resolve()
    })
    const { core, runtime, syncMs, close: closeConsole } = await startConsole(child.ready)
    cleanups.push(closeConsole)
    log(opts, `console synced: ${String(Object.keys(runtime.coalescer.snapshot().state.calls).length)} calls in ${String(syncMs)} ms`)

    // Arrival of each new call: its first channel's Newchannel (Uniqueid = Linkedid = the call id).
    const arrivals = new Map<string, number>()
    let amiEvents = 0
    // On the session, not the AmiClient: a reconnect (e.g. the PBX dropping a slow reader) keeps it.
    let amiReconnects = 0
    const offEvents = runtime.session.on('amiEvent', (msg: AmiMessage) => {
      amiEvents++
      if (msg.event !== 'Newchannel') return
      const id = msg.get('Uniqueid')
      if (id !== undefined && id === msg.get('Linkedid')) arrivals.set(id, wallNow())
    })
    const offResync = runtime.session.on('resync', (r) => {
      if (r.transport === 'ami') amiReconnects++
    })
    cleanups.push(() => {
      offResync()
      return Promise.resolve()
    })
    cleanups.push(() => {
      offEvents()
      return Promise.resolve()
    })

    const server: WebServer = await startWebServer({ core, rendererDir: RENDERER_DIR, port: 0 })
    cleanups.push(() => server.close())
    const browser: Browser = await launchChromium()
    cleanups.push(() => browser.close())
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
    const pageErrors: string[] = []
    page.on('pageerror', (err) => pageErrors.push(err.message))
    await page.addInitScript(PAGE_PROBE)
    const pageStart = performance.now()
    await page.goto(server.url)
    await showCallsNewestFirst(page)
    log(opts, `calls list shown, newest first, ${String(Math.round(performance.now() - pageStart))} ms after navigation`)
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Performance.enable')
    const rendererBusy = async (): Promise<number> => {
      const { metrics } = await cdp.send('Performance.getMetrics')
      return metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0
    }

    // Clock check on an idle page (the app's page may be too busy to answer promptly): the
    // page's wall clock against main's, bracketed by one round trip; the tightest of 10 samples.
    const clockPage = await browser.newPage()
    const { offsetMs: clockOffsetMs, uncertaintyMs: clockUncertaintyMs } = await measureOffset(() =>
      clockPage.evaluate(() => performance.timeOrigin + performance.now()),
    )
    await clockPage.close()

    log(opts, 'warming up 3 s…')
    await sleep(3000)

    // ---- measurement window (no scrolling: new rows land at the top, in view) ----
    log(opts, `measuring ${String(opts.seconds)} s…`)
    probe.reset()
    const eld = monitorEventLoopDelay({ resolution: 10 })
    eld.enable()
    const events0 = amiEvents
    const stats0 = { ...runtime.coalescer.stats }
    const busy0 = await rendererBusy()
    const profiling = opts.profileDir === undefined ? undefined : await startProfiles(cdp, { trace: opts.trace })
    const windowStart = wallNow()
    const cpu0 = process.cpuUsage()
    const t0 = performance.now()
    await sleep(opts.seconds * 1000)
    const wallS = (performance.now() - t0) / 1000
    const cpu = process.cpuUsage(cpu0)
    const windowEnd = wallNow()
    const busy1 = await rendererBusy()
    if (profiling !== undefined && opts.profileDir !== undefined) await profiling.save(opts.profileDir)
    eld.disable()
    const statsEnd = { ...runtime.coalescer.stats }
    const eventsInWindow = amiEvents - events0
    const flushes = probe.flushes.filter((f) => f.at >= windowStart && f.at <= windowEnd)
    const reduce = { events: probe.reducedEvents, ms: probe.reduceMs, batches: probe.reduceBatches, maxMs: probe.maxReduceMs }
    const pageWindow = (await page.evaluate(
      (since) => (window as unknown as { __liveBench: { collect(s: number): unknown } }).__liveBench.collect(since),
      windowStart,
    )) as PageResult
    // Settle: calls born at the very end of the window may reach the DOM just after it.
    await sleep(500)
    const pageSettled = (await page.evaluate(
      (since) => (window as unknown as { __liveBench: { collect(s: number): unknown } }).__liveBench.collect(since),
      windowStart,
    )) as PageResult
    const domSeen = new Map(pageSettled.seen)

    const eventToDom: number[] = []
    const eventToSent: number[] = []
    const heldForAck: number[] = []
    const sentToDom: number[] = []
    let bornInWindow = 0
    for (const [id, arrived] of arrivals) {
      if (arrived < windowStart || arrived > windowEnd) continue
      bornInWindow++
      const dom = domSeen.get(id)
      if (dom !== undefined) eventToDom.push(dom - clockOffsetMs - arrived)
      const sent = probe.newCallSentAt.get(id)
      const flushed = probe.newCallFlushedAt.get(id)
      if (sent !== undefined) {
        eventToSent.push(sent - arrived)
        if (flushed !== undefined) heldForAck.push(sent - flushed)
        if (dom !== undefined) sentToDom.push(dom - clockOffsetMs - sent)
      }
    }
    const flushTimes = flushes.map((f) => f.startedAt)
    const patchTimes = flushes.filter((f) => f.patch).map((f) => f.startedAt)
    const livePerFrame = maxLivePerFrame(pageWindow.frames, pageWindow.live)
    const frameDeltas = pageWindow.frames.slice(1).map((t, i) => t - (pageWindow.frames[i] ?? t))

    // ---- scrolling under the same load ----
    log(opts, `scrolling the calls list ${String(opts.scroll)} s…`)
    const scrollTracing = opts.profileDir !== undefined ? await startProfiles(cdp, { trace: opts.trace, name: 'scroll' }) : undefined
    const cpuScroll0 = process.cpuUsage()
    const ts0 = performance.now()
    const scroll = (await page.evaluate(
      ([ms, px]) => (window as unknown as { __liveBench: { scroll(m: number, p: number): Promise<unknown> } }).__liveBench.scroll(ms, px),
      [opts.scroll * 1000, 24] as const,
    )) as ScrollResult
    const cpuScroll = process.cpuUsage(cpuScroll0)
    const scrollWallS = (performance.now() - ts0) / 1000
    if (scrollTracing !== undefined && opts.profileDir !== undefined) await scrollTracing.save(opts.profileDir)
    const scrollDeltas = scroll.deltas ?? []
    const callsNow = Object.keys(runtime.coalescer.snapshot().state.calls).length
    const rowsInDom = await page.locator('[data-call-id]').count()

    await runCleanups()

    const mainCpuMs = (cpu.user + cpu.system) / 1000
    const result: BenchResult = {
      config: {
        concurrentCalls: opts.calls,
        callsPerSecond: round(opts.cps, 2),
        targetEventsPerSecond: opts.rate,
        windowS: round(wallS, 2),
        scrollS: opts.scroll,
        seed: opts.seed,
      },
      load: {
        callsInConsole: callsNow,
        amiReconnects,
        liveStatusAtEnd: runtime.coalescer.snapshot().state.meta.status,
        rampMs: child.ready.rampMs,
        amiEventsPerSecond: round(eventsInWindow / wallS, 0),
        newCallsPerSecond: round(bornInWindow / wallS, 1),
      },
      reducer: {
        events: reduce.events,
        batches: reduce.batches,
        mainThreadMs: round(reduce.ms, 0),
        eventsPerSecondOfMainThread: round(reduce.events / (reduce.ms / 1000), 0),
        meanBatchMs: round(reduce.ms / Math.max(1, reduce.batches), 3),
        maxBatchMs: round(reduce.maxMs, 2),
        shareOfWallPercent: round((reduce.ms / (wallS * 1000)) * 100, 1),
      },
      mainProcess: {
        cpuPercentOfOneCore: round((mainCpuMs / (wallS * 1000)) * 100, 1),
        cpuPercentWhileScrolling: round(((cpuScroll.user + cpuScroll.system) / 1000 / (scrollWallS * 1000)) * 100, 1),
        eventLoopDelayP99Ms: round(eld.percentile(99) / 1e6, 1),
        eventLoopDelayMaxMs: round(eld.max / 1e6, 1),
        pbxChildCpuMsTotal: childCpuMs === undefined ? null : round(childCpuMs, 0),
      },
      coalescer: {
        flushesPerSecond: round((statsEnd.flushes - stats0.flushes) / wallS, 1),
        patchBatchesPerSecond: round((statsEnd.patches - stats0.patches) / wallS, 1),
        snapshotsSent: statsEnd.snapshots - stats0.snapshots,
        maxFlushesIn16ms: maxInWindow(flushTimes, 16),
        maxPatchesIn16ms: maxInWindow(patchTimes, 16),
        minFlushGapMs: round(Math.min(...flushTimes.slice(1).map((t, i) => t - (flushTimes[i] ?? t))), 2),
        meanFlushMs: round(flushes.reduce((s, f) => s + f.ms, 0) / Math.max(1, flushes.length), 3),
        p99FlushMs: round(
          percentile(
            flushes.map((f) => f.ms),
            99,
          ),
          2,
        ),
        meanCallUpsertsPerPatch: round(flushes.reduce((s, f) => s + f.upserts, 0) / Math.max(1, patchTimes.length), 1),
      },
      renderer: {
        liveFramesPerSecond: round(pageWindow.live.length / wallS, 1),
        meanPatchKiB: round(pageWindow.liveBytes.reduce((a, b) => a + b, 0) / Math.max(1, pageWindow.liveBytes.length) / 1024, 1),
        maxPatchKiB: round(Math.max(0, ...pageWindow.liveBytes) / 1024, 1),
        snapshotsReceived: pageSettled.snapshots,
        maxLiveFramesPerAnimationFrame: livePerFrame.max,
        animationFramesWithMoreThanOneBatch: livePerFrame.framesWithMoreThanOne,
        animationFramesPerSecond: round(pageWindow.frames.length / wallS, 1),
        longFramesOver20ms: frameDeltas.filter((d) => d > 20).length,
        worstFrameMs: round(Math.max(0, ...frameDeltas), 1),
        mainThreadBusyPercent: round(((busy1 - busy0) / wallS) * 100, 1),
        pageErrors: pageErrors.length,
      },
      latency: {
        method:
          'main: wall clock (performance.timeOrigin+now) when the AmiClient emits the Newchannel whose Uniqueid = Linkedid (the call id); page: same clock when a MutationObserver first sees that data-call-id in the DOM (newest-first list); page clock corrected by the measured offset',
        clockOffsetMs: round(clockOffsetMs, 2),
        clockUncertaintyMs: round(clockUncertaintyMs, 2),
        newCalls: bornInWindow,
        measured: eventToDom.length,
        eventToDomMs: {
          p50: round(percentile(eventToDom, 50)),
          p95: round(percentile(eventToDom, 95)),
          p99: round(percentile(eventToDom, 99)),
          max: round(Math.max(0, ...eventToDom)),
        },
        eventToSentMs: { p50: round(percentile(eventToSent, 50)), p95: round(percentile(eventToSent, 95)), p99: round(percentile(eventToSent, 99)) },
        heldForAckMs: { p50: round(percentile(heldForAck, 50)), p95: round(percentile(heldForAck, 95)), p99: round(percentile(heldForAck, 99)) },
        sentToDomMs: { p50: round(percentile(sentToDom, 50)), p95: round(percentile(sentToDom, 95)), p99: round(percentile(sentToDom, 99)) },
      },
      scroll:
        scroll.error !== undefined
          ? { error: scroll.error }
          : {
              frames: scrollDeltas.length,
              droppedFramesOver20ms: scrollDeltas.filter((d) => d > 20).length,
              worstFrameMs: round(Math.max(0, ...scrollDeltas), 1),
              p99FrameMs: round(percentile(scrollDeltas, 99), 1),
              rowsInDom,
              listHeightPx: scroll.scrollHeight ?? 0,
              dropped: droppedFrames(scrollDeltas, scroll.detail ?? []),
            },
    }
    if (opts.json) console.log(JSON.stringify(result, null, 2))
    else printTable(result)
  } finally {
    await runCleanups()
    clearTimeout(watchdog)
  }
}

function printTable(r: BenchResult): void {
  const lat = r.latency
  const ms = (o: { p50: number; p95: number; p99: number }): string => `p50 ${String(o.p50)} / p95 ${String(o.p95)} / p99 ${String(o.p99)} ms`
  const { reducer, mainProcess: main, coalescer: co, renderer: ren, load, config: cfg } = r
  const scroll: {
    error?: string
    droppedFramesOver20ms?: number
    frames?: number
    worstFrameMs?: number
    p99FrameMs?: number
    dropped?: DroppedFrame[]
  } = r.scroll
  const p95 = lat.eventToDomMs.p95
  const goal = (ok: boolean): string => (ok ? 'met' : 'MISSED')
  const lines = [
    `live pipeline under load: ${String(cfg.concurrentCalls)} calls wanted, ${String(load.callsInConsole)} in the console, ${String(cfg.callsPerSecond)} calls/s, window ${String(cfg.windowS)} s`,
    `  AMI events received        ${String(load.amiEventsPerSecond)} /s (${String(load.newCallsPerSecond)} new calls/s; AMI reconnects ${String(load.amiReconnects)}, live status at end ${load.liveStatusAtEnd})`,
    `  reducer                    ${String(reducer.eventsPerSecondOfMainThread)} events/s of main-thread time (${String(reducer.events)} events in ${String(reducer.batches)} batches, mean ${String(reducer.meanBatchMs)} ms, max ${String(reducer.maxBatchMs)} ms, ${String(reducer.shareOfWallPercent)} % of wall)`,
    `  main-process CPU           ${String(main.cpuPercentOfOneCore)} % of one core (${String(main.cpuPercentWhileScrolling)} % while scrolling; event-loop delay p99 ${String(main.eventLoopDelayP99Ms)} ms, max ${String(main.eventLoopDelayMaxMs)} ms)`,
    `  patch batches              ${String(co.patchBatchesPerSecond)} /s (flushes ${String(co.flushesPerSecond)} /s, max ${String(co.maxPatchesIn16ms)} in any 16 ms, min gap ${String(co.minFlushGapMs)} ms, flush mean ${String(co.meanFlushMs)} ms p99 ${String(co.p99FlushMs)} ms, snapshots ${String(co.snapshotsSent)})`,
    `  renderer                   ${String(ren.liveFramesPerSecond)} live frames/s (patch mean ${String(ren.meanPatchKiB)} KiB, max ${String(ren.maxPatchKiB)} KiB), max ${String(ren.maxLiveFramesPerAnimationFrame)} per animation frame (${String(ren.animationFramesWithMoreThanOneBatch)} frames with > 1), ${String(ren.animationFramesPerSecond)} fps, ${String(ren.longFramesOver20ms)} frames > 20 ms (worst ${String(ren.worstFrameMs)} ms), main thread busy ${String(ren.mainThreadBusyPercent)} %`,
    `  event→DOM                  ${ms(lat.eventToDomMs)} (max ${String(lat.eventToDomMs.max)} ms) over ${String(lat.measured)} of ${String(lat.newCalls)} new calls`,
    `    event→sent (main)        ${ms(lat.eventToSentMs)}`,
    `      held for the page's ack ${ms(lat.heldForAckMs)} (flow control: one unacknowledged batch per page)`,
    `    sent→DOM (ws+renderer)   ${ms(lat.sentToDomMs)}`,
    `    clocks                   page − main offset ${String(lat.clockOffsetMs)} ms ± ${String(lat.clockUncertaintyMs)} ms`,
    scroll.error !== undefined
      ? `  scroll                     ${scroll.error}`
      : `  scroll                     ${String(scroll.droppedFramesOver20ms)} dropped frames (> 20 ms) of ${String(scroll.frames)}, worst ${String(scroll.worstFrameMs)} ms, p99 ${String(scroll.p99FrameMs)} ms` +
        (scroll.dropped ?? [])
          .map(
            (d) =>
              `\n    dropped ${String(d.ms)} ms: ${String(d.rowsInserted)} rows inserted, ${String(d.textChanges)} text changes, ${String(d.liveApplied)} live message(s) applied`,
          )
          .join(''),
    ...(load.liveStatusAtEnd !== 'live' || load.amiEventsPerSecond === 0
      ? [
          `  WARNING: the console's live state was '${load.liveStatusAtEnd}' at the end (${String(load.amiReconnects)} AMI reconnects): it fell behind and the PBX dropped it as a slow reader — the window's figures do not describe a live console`,
        ]
      : []),
    'goals (reported, not asserted):',
    `  event→DOM p95 < 50 ms      ${goal(p95 < 50)} (${String(p95)} ms)`,
    `  ≤ 1 batch per frame        ${goal(co.maxPatchesIn16ms <= 1 && ren.maxLiveFramesPerAnimationFrame <= 1)} (main: max ${String(co.maxPatchesIn16ms)} per 16 ms; page: max ${String(ren.maxLiveFramesPerAnimationFrame)} per animation frame)`,
    `  main CPU < 50 % of a core  ${goal(main.cpuPercentOfOneCore < 50)} (${String(main.cpuPercentOfOneCore)} %)`,
    `  no dropped frames scrolling ${goal(scroll.droppedFramesOver20ms === 0)} (${String(scroll.droppedFramesOver20ms)})`,
    `latency method: ${lat.method}`,
  ]
  console.log(lines.join('\n'))
}

main().catch((err: unknown) => {
  console.error('bench:live:', err instanceof Error ? (err.stack ?? err.message) : err)
  process.exitCode = 1
})
