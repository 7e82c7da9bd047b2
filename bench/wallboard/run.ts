/**
 * `npm run bench:wallboard [-- --queues 50 --agents 500 --rate 1000 --seconds 15 --peer 10 --json --profile DIR]`
 *
 * The wallboard under a call centre's load: a demo PBX in its own process plays `--queues` queues
 * and `--agents` agents (bench/wallboard/pbx-child.ts, centre.ts) at about `--rate` AMI events/s
 * as the console's `operator` user receives them → the real core (AmiClient, LiveSync, queue
 * figures from live events, PatchCoalescer) → web mode (WebSocket) → the real renderer in headless
 * Chromium showing the wallboard (Alt+9), a supervisor's seat, on a 3840×2160 screen so every
 * queue's tile is on one page. Then, under the same load in the same run, the peer: the Calls
 * view, newest call first — bench:live's figure (event → row) — so a loaded machine shows in both.
 *
 * Figures (printed; the goals are reported, never asserted):
 *  - event → tile: the PBX stamps each AMI event with its wall clock (Timestamp, as
 *    `timestampevents = yes` does); for each AgentComplete and QueueCallerAbandon it also notes
 *    the value that queue's "answered" / "abandoned" figure must come to show. The page notes (a
 *    MutationObserver, performance.timeOrigin + performance.now()) when each tile's figure changes.
 *    Clocks: the PBX's and the page's offsets to main's are measured by round trips (the tightest
 *    of 10, bench/support/clock.ts), at the start and again at the end (drift), and subtracted.
 *    Split into PBX → main (AMI socket, framing, parsing: the session's amiEvent) and main → tile.
 *  - main-process CPU: process.cpuUsage() over each window, % of one core (the PBX and Chromium
 *    are other processes).
 *  - renderer: animation frames per second (requestAnimationFrame), frames over 20 ms, main-thread
 *    busy (CDP Performance.getMetrics TaskDuration).
 *  - peer: the same load with the Calls view: PBX Newchannel of each new call → its row in the DOM.
 *
 *   --queues/--agents  the centre (default 50 × 500; every agent in two queues)
 *   --rate       AMI events/s wanted at the console (default 1000), turned into callers per second
 *                with EVENTS_PER_CALLER (measured; the events/s that arrived are printed); --cps overrides
 *   --seconds    wallboard window (default 15); --peer: Calls view window (default 10, 0 = none)
 *   --width/--height  the page (default 3840 × 2160, a wallboard TV)
 *   --profile D  main.cpuprofile and renderer.cpuprofile of the wallboard window into D (--trace: the page's timeline too)
 *   --screenshot D  wallboard-dark.png and wallboard-light.png at the end of the wallboard window
 */
import { mkdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, CDPSession, Page } from 'playwright-core'
import type { AmiMessage } from '../../src-main/core/ami/message'
import { startWebServer } from '../../src-main/web/web-server'
import { launchChromium, RENDERER_DIR } from '../../test/support/browser'
import { type PatchParts, recordPatchParts } from './patch-parts'
import { PAGE_PROBE } from '../live/page-probe'
import { startProfiles } from '../live/profiles'
import { showCallsNewestFirst } from '../support/calls-view'
import { measureOffset, type ClockOffset } from '../support/clock'
import { startConsole } from '../support/console'
import { startPbxProcess, type ChildReady } from '../support/pbx-process'
import { percentile, round, wallNow } from '../support/stats'
import { type CounterStamp, type TileCounter, tileLatencies, visibilityOf } from './match'
import { TILE_PROBE } from './tile-probe'

/**
 * AMI events the console's `operator` user receives per caller of this centre (measured, the
 * default 50 × 500 centre near full occupancy: callers, member legs rung and answered, member and
 * device states in both queues of each agent, the pauses). The table prints what arrived.
 */
const EVENTS_PER_CALLER = 31
const here = dirname(fileURLToPath(import.meta.url))
const root = resolve(here, '..', '..')

interface Options {
  readonly queues: number
  readonly agents: number
  readonly rate: number
  readonly cps: number
  readonly seconds: number
  readonly peer: number
  readonly width: number
  readonly height: number
  readonly seed: number
  readonly json: boolean
  readonly profileDir: string | undefined
  readonly trace: boolean
  /** Directory for wallboard-dark.png and wallboard-light.png taken at the end of the wallboard window. */
  readonly screenshotDir: string | undefined
}

function parseArgs(argv: readonly string[]): Options {
  const get = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`)
    return i >= 0 ? argv[i + 1] : undefined
  }
  const num = (name: string, dflt: number, min = 1): number => {
    const v = get(name)
    const n = v === undefined ? dflt : Number(v)
    if (!Number.isFinite(n) || n < min) throw new Error(`--${name} needs a number ≥ ${String(min)}`)
    return n
  }
  const rate = num('rate', 1000)
  return {
    queues: Math.round(num('queues', 50)),
    agents: Math.round(num('agents', 500)),
    rate,
    cps: num('cps', rate / EVENTS_PER_CALLER),
    seconds: num('seconds', 15),
    peer: num('peer', 10, 0),
    width: Math.round(num('width', 3840, 800)),
    height: Math.round(num('height', 2160, 600)),
    seed: num('seed', 1),
    json: argv.includes('--json'),
    profileDir: get('profile'),
    trace: argv.includes('--trace'),
    screenshotDir: get('screenshot'),
  }
}

interface CentreReady extends ChildReady {
  readonly queues: string[]
  readonly agents: number
  readonly rampMs: number
}

interface Collected {
  readonly stamps: CounterStamp[]
  readonly placed: number
  readonly pauses: number
}

interface Pcts {
  readonly median: number
  readonly p95: number
  readonly max: number
  readonly n: number
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))
const pcts = (xs: readonly number[]): Pcts => ({
  median: round(percentile(xs, 50)),
  p95: round(percentile(xs, 95)),
  max: round(xs.length === 0 ? Number.NaN : Math.max(...xs)),
  n: xs.length,
})

interface LiveProbeWindow {
  seen: [string, number][]
  frames: number[]
  live: number[]
  liveBytes: number[]
}

interface WindowFigures {
  readonly seconds: number
  readonly amiEventsPerSecond: number
  readonly mainCpuPercent: number
  readonly rendererBusyPercent: number
  /** CPU time of the renderer's main thread (CDP ThreadTime), % of one core: what the page costs, less sensitive to a loaded machine than busy time. */
  readonly rendererThreadCpuPercent: number
  /** CPU time of the whole renderer process (ProcessTime: main thread, compositor, raster), % of one core. */
  readonly rendererProcessCpuPercent: number
  readonly meanPatchKiB: number
  readonly fps: number
  readonly framesOver20ms: number
  readonly worstFrameMs: number
  readonly liveFramesPerSecond: number
}

/** What every window measures the same way: AMI events, main CPU, the renderer's frames and busy time. */
class WindowMeter {
  private cpu0 = process.cpuUsage()
  private t0 = 0
  private events0 = 0
  private busy0: Readonly<Record<string, number>> = {}
  startedAt = 0
  endedAt = 0

  constructor(
    private readonly page: Page,
    private readonly cdp: CDPSession,
    private readonly events: () => number,
  ) {}

  /** TaskDuration (wall time in tasks), ThreadTime and ProcessTime (CPU time), seconds. */
  private async busy(): Promise<Record<string, number>> {
    const { metrics } = await this.cdp.send('Performance.getMetrics')
    return Object.fromEntries(metrics.filter((m) => ['TaskDuration', 'ThreadTime', 'ProcessTime'].includes(m.name)).map((m) => [m.name, m.value]))
  }

  async start(): Promise<void> {
    this.busy0 = await this.busy()
    this.events0 = this.events()
    this.startedAt = wallNow()
    this.t0 = performance.now()
    this.cpu0 = process.cpuUsage()
  }

  async stop(): Promise<{ figures: WindowFigures; page: LiveProbeWindow }> {
    const cpu = process.cpuUsage(this.cpu0)
    const wallS = (performance.now() - this.t0) / 1000
    this.endedAt = wallNow()
    const events = this.events() - this.events0
    const busy1 = await this.busy()
    const pct = (name: string): number => round((((busy1[name] ?? 0) - (this.busy0[name] ?? 0)) / wallS) * 100, 1)
    const page = (await this.page.evaluate(
      (since) => (window as unknown as { __liveBench: { collect(s: number): unknown } }).__liveBench.collect(since),
      this.startedAt,
    )) as LiveProbeWindow
    const frames = page.frames.filter((t) => t <= this.endedAt + 1000)
    const deltas = frames.slice(1).map((t, i) => t - (frames[i] ?? t))
    return {
      page,
      figures: {
        seconds: round(wallS, 2),
        amiEventsPerSecond: round(events / wallS, 0),
        mainCpuPercent: round(((cpu.user + cpu.system) / 1000 / (wallS * 1000)) * 100, 1),
        rendererBusyPercent: pct('TaskDuration'),
        rendererThreadCpuPercent: pct('ThreadTime'),
        rendererProcessCpuPercent: pct('ProcessTime'),
        meanPatchKiB: round(page.liveBytes.reduce((a, b) => a + b, 0) / Math.max(1, page.liveBytes.length) / 1024, 1),
        fps: round(frames.length / wallS, 1),
        framesOver20ms: deltas.filter((d) => d > 20).length,
        worstFrameMs: round(Math.max(0, ...deltas), 1),
        liveFramesPerSecond: round(page.live.length / wallS, 1),
      },
    }
  }
}

interface BenchResult {
  readonly config: {
    queues: number
    agents: number
    callersPerSecond: number
    targetEventsPerSecond: number
    viewport: string
    tilesOnScreen: number
    seed: number
    rampMs: number
  }
  readonly clocks: { pbxMinusMainMs: number; pbxUncertaintyMs: number; pbxDriftMs: number; pageMinusMainMs: number; pageUncertaintyMs: number }
  readonly wallboard: WindowFigures & {
    eventToTileMs: Pcts
    pbxToMainMs: Pcts
    mainToTileMs: Pcts
    counterEvents: number
    notShown: number
    countedAhead: number
    offScreen: number
    slowest: Array<{ queue: string; figure: TileCounter; value: number; ms: number }>
    /** Main's patches in the window, per flush, by part (patch-parts.ts). */
    patchParts: PatchParts
  }
  readonly peer: (WindowFigures & { eventToRowMs: Pcts; mainToRowMs: Pcts; newCalls: number }) | undefined
  readonly ratios: { eventToScreenP95: number; mainCpu: number } | undefined
  readonly load: { callersPlaced: number; pausesTaken: number; amiReconnects: number; liveStatusAtEnd: string; pageErrors: number }
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2))
  const log = (msg: string): void => {
    if (!opts.json) console.error(`bench:wallboard: ${msg}`)
  }
  const cleanups: Array<() => Promise<unknown>> = []
  const runCleanups = async (): Promise<void> => {
    for (const c of cleanups.splice(0).reverse())
      await c().catch((err: unknown) => {
        console.error('bench:wallboard: cleanup:', err)
      })
  }
  // Everything is bounded: a watchdog ends the run even if a step hangs.
  const watchdog = setTimeout(
    () => {
      console.error('bench:wallboard: watchdog — the run took too long, stopping')
      void runCleanups().finally(() => process.exit(2))
    },
    (opts.seconds + opts.peer + 240) * 1000,
  )
  watchdog.unref()

  try {
    // Agents talk long enough that the centre runs near full occupancy (callers wait, some give up).
    const pausesPerMinute = opts.agents / 25
    const talkMeanS = (0.9 * opts.agents * 0.95) / opts.cps
    log(
      `PBX child: ${String(opts.queues)} queues × ${String(opts.agents)} agents, ${String(round(opts.cps, 1))} callers/s, talk ~${String(Math.round(talkMeanS))} s, ramping (clock ×25)…`,
    )
    const child = await startPbxProcess<CentreReady>(
      join(here, 'pbx-child.ts'),
      {
        queues: opts.queues,
        agents: opts.agents,
        callsPerSecond: opts.cps,
        talkMeanS,
        patienceMaxS: 150,
        pausesPerMinute,
        seed: opts.seed,
        rampS: Math.max(120, 3 * talkMeanS),
        maxLifeMs: (opts.seconds + opts.peer + 200) * 1000,
      },
      { cwd: root, name: 'bench:wallboard' },
    )
    cleanups.push(() => child.stop())
    log(`PBX ready after ${String(child.ready.rampMs)} ms`)
    const pbxClock = (): Promise<ClockOffset> => measureOffset(async () => (await child.ask<{ t: number }>('clock', 'clock')).t)
    const pbxOffset0 = await pbxClock()

    const { core, runtime, syncMs, close } = await startConsole(child.ready, { role: 'supervisor' })
    cleanups.push(close)
    log(`console synced in ${String(syncMs)} ms: ${String(Object.keys(runtime.coalescer.snapshot().state.queues).length)} queues`)

    // Main's view of the wire: every event counted; new calls and counter events by their PBX stamp.
    let amiEvents = 0
    let amiReconnects = 0
    const newCalls = new Map<string, { pbx: number; main: number }>()
    const counterArrivals = new Map<number, number>()
    const offEvents = runtime.session.on('amiEvent', (msg: AmiMessage) => {
      amiEvents++
      const e = msg.event
      if (e !== 'Newchannel' && e !== 'AgentComplete' && e !== 'QueueCallerAbandon') return
      const stamp = Number(msg.get('Timestamp')) * 1000
      if (!Number.isFinite(stamp)) return
      if (e !== 'Newchannel') counterArrivals.set(stamp, wallNow())
      else {
        const id = msg.get('Uniqueid')
        if (id !== undefined && id === msg.get('Linkedid')) newCalls.set(id, { pbx: stamp, main: wallNow() })
      }
    })
    const offResync = runtime.session.on('resync', (r) => {
      if (r.transport === 'ami') amiReconnects++
    })
    cleanups.push(() => {
      offEvents()
      offResync()
      return Promise.resolve()
    })

    const server = await startWebServer({ core, rendererDir: RENDERER_DIR, port: 0 })
    cleanups.push(() => server.close())
    const browser: Browser = await launchChromium()
    cleanups.push(() => browser.close())
    const page = await browser.newPage({ viewport: { width: opts.width, height: opts.height } })
    const pageErrors: string[] = []
    page.on('pageerror', (err) => pageErrors.push(err.message))
    await page.addInitScript(PAGE_PROBE)
    await page.addInitScript(TILE_PROBE)
    await page.goto(server.url)
    await page.getByRole('button', { name: 'Calls', exact: true }).waitFor({ timeout: 60_000 })
    await page.keyboard.press('Alt+9')
    await page.getByRole('region', { name: 'Wallboard' }).waitFor({ timeout: 30_000 })
    await page.waitForSelector('.wb-tile', { timeout: 30_000 })
    const shownAtStart = await page.evaluate(() => (window as unknown as { __wallBench: { shown(): string[] } }).__wallBench.shown())
    log(`wallboard shows ${String(shownAtStart.length)} of ${String(child.ready.queues.length)} queues`)
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Performance.enable')

    // The page's clock, read on an idle page of the same browser (the busy one may answer late).
    const clockPage = await browser.newPage()
    const pageOffset = await measureOffset(() => clockPage.evaluate(() => performance.timeOrigin + performance.now()))
    await clockPage.close()

    log('warming up 3 s…')
    await sleep(3000)

    // ---- the wallboard ----
    log(`measuring the wallboard ${String(opts.seconds)} s…`)
    const wbMeter = new WindowMeter(page, cdp, () => amiEvents)
    const parts = recordPatchParts(runtime.coalescer)
    parts.start()
    const profiling = opts.profileDir === undefined ? undefined : await startProfiles(cdp, { trace: opts.trace, name: 'renderer' })
    await wbMeter.start()
    await sleep(opts.seconds * 1000)
    const wb = await wbMeter.stop()
    const patchParts = parts.stop()
    if (profiling !== undefined && opts.profileDir !== undefined) await profiling.save(opts.profileDir)
    // Events of the window's last moments reach the tiles just after it.
    await sleep(1000)
    const observed = await page.evaluate(
      (since) => (window as unknown as { __wallBench: { collect(s: number): [string, TileCounter, number, number][] } }).__wallBench.collect(since),
      wbMeter.startedAt - 60_000,
    )
    const mounts = await page.evaluate(() => (window as unknown as { __wallBench: { mounts(): [string, number, number][] } }).__wallBench.mounts())
    if (opts.screenshotDir !== undefined) {
      mkdirSync(opts.screenshotDir, { recursive: true })
      await page.screenshot({ path: join(opts.screenshotDir, 'wallboard-dark.png') })
      // T switches the board to light for this window only (not saved).
      await page.keyboard.press('t')
      await page.screenshot({ path: join(opts.screenshotDir, 'wallboard-light.png') })
      await page.keyboard.press('t')
    }

    // ---- the peer: the Calls view under the same load ----
    let peerResult: BenchResult['peer']
    if (opts.peer > 0) {
      log(`measuring the peer (Calls view, newest first) ${String(opts.peer)} s…`)
      await page.keyboard.press('Alt+1')
      await showCallsNewestFirst(page)
      await sleep(2000)
      const peerMeter = new WindowMeter(page, cdp, () => amiEvents)
      await peerMeter.start()
      await sleep(opts.peer * 1000)
      const peer = await peerMeter.stop()
      await sleep(500)
      const settled = (await page.evaluate(
        (since) => (window as unknown as { __liveBench: { collect(s: number): unknown } }).__liveBench.collect(since),
        peerMeter.startedAt,
      )) as LiveProbeWindow
      const dom = new Map(settled.seen)
      const pbxOffset = pbxOffset0.offsetMs
      const toRow: number[] = []
      const mainToRow: number[] = []
      let born = 0
      for (const [id, t] of newCalls) {
        const pbxAt = t.pbx - pbxOffset
        if (pbxAt < peerMeter.startedAt || pbxAt > peerMeter.endedAt) continue
        born++
        const seen = dom.get(id)
        if (seen === undefined) continue
        toRow.push(seen - pageOffset.offsetMs - pbxAt)
        mainToRow.push(seen - pageOffset.offsetMs - t.main)
      }
      peerResult = { ...peer.figures, eventToRowMs: pcts(toRow), mainToRowMs: pcts(mainToRow), newCalls: born }
    }

    const collected = await child.ask<Collected>('collect', 'stamps')
    const pbxOffset1 = await pbxClock()
    const liveStatusAtEnd = runtime.coalescer.snapshot().state.meta.status
    await runCleanups()

    // ---- event → tile ----
    const offset = pbxOffset0.offsetMs
    const visibility = visibilityOf(
      mounts.map(([q, on, at]) => [q, on, at - pageOffset.offsetMs] as const),
      wallNow(),
    )
    const inWindow = collected.stamps
      .map((s) => ({ ...s, at: s.at - offset, sentAt: s.at }))
      .filter((s) => s.at >= wbMeter.startedAt && s.at <= wbMeter.endedAt)
    const measured = inWindow
    const observations = observed.map(([queue, field, value, at]) => ({ queue, field, value, at: at - pageOffset.offsetMs }))
    const tile = tileLatencies(measured, observations, 2, visibility)
    const pbxToMain: number[] = []
    const mainToTile: number[] = []
    const tileOnly = tileLatencies(
      measured.flatMap((s) => {
        const arrived = counterArrivals.get(s.sentAt)
        if (arrived === undefined) return []
        pbxToMain.push(arrived - s.at)
        return [{ ...s, at: arrived }]
      }),
      observations,
      2,
      visibility,
    )
    mainToTile.push(...tileOnly.latencies)

    const result: BenchResult = {
      config: {
        queues: opts.queues,
        agents: opts.agents,
        callersPerSecond: round(opts.cps, 2),
        targetEventsPerSecond: opts.rate,
        viewport: `${String(opts.width)}×${String(opts.height)}`,
        tilesOnScreen: shownAtStart.length,
        seed: opts.seed,
        rampMs: child.ready.rampMs,
      },
      clocks: {
        pbxMinusMainMs: round(offset, 2),
        pbxUncertaintyMs: round(pbxOffset0.uncertaintyMs, 2),
        pbxDriftMs: round(pbxOffset1.offsetMs - offset, 2),
        pageMinusMainMs: round(pageOffset.offsetMs, 2),
        pageUncertaintyMs: round(pageOffset.uncertaintyMs, 2),
      },
      wallboard: {
        ...wb.figures,
        eventToTileMs: pcts(tile.latencies),
        pbxToMainMs: pcts(pbxToMain),
        mainToTileMs: pcts(mainToTile),
        counterEvents: inWindow.length,
        notShown: tile.notShown,
        countedAhead: tile.early,
        offScreen: tile.offScreen,
        slowest: tile.slowest.slice(0, 3).map((x) => ({ queue: x.stamp.queue, figure: x.stamp.field, value: x.stamp.value, ms: round(x.ms) })),
        patchParts,
      },
      peer: peerResult,
      ratios:
        peerResult === undefined
          ? undefined
          : {
              eventToScreenP95: round(percentile(tile.latencies, 95) / peerResult.eventToRowMs.p95, 2),
              mainCpu: round(wb.figures.mainCpuPercent / peerResult.mainCpuPercent, 2),
            },
      load: { callersPlaced: collected.placed, pausesTaken: collected.pauses, amiReconnects, liveStatusAtEnd, pageErrors: pageErrors.length },
    }
    if (opts.json) console.log(JSON.stringify(result, null, 2))
    else printTable(result)
  } finally {
    await runCleanups()
    clearTimeout(watchdog)
  }
}

function printTable(r: BenchResult): void {
  const ms = (p: Pcts): string => `median ${String(p.median)} / p95 ${String(p.p95)} / max ${String(p.max)} ms (n ${String(p.n)})`
  const frames = (f: WindowFigures): string =>
    `${String(f.fps)} fps, ${String(f.framesOver20ms)} frames > 20 ms (worst ${String(f.worstFrameMs)} ms), main thread busy ${String(f.rendererBusyPercent)} % (CPU ${String(f.rendererThreadCpuPercent)} %, whole renderer process CPU ${String(f.rendererProcessCpuPercent)} %), ${String(f.liveFramesPerSecond)} live frames/s (patch mean ${String(f.meanPatchKiB)} KiB)`
  const { config: c, wallboard: w, peer: p, clocks: k, load } = r
  const goal = (ok: boolean): string => (ok ? 'met' : 'MISSED')
  const lines = [
    `wallboard under load: ${String(c.queues)} queues × ${String(c.agents)} agents, ${String(c.callersPerSecond)} callers/s, ${String(c.tilesOnScreen)} tiles on a ${c.viewport} page, window ${String(w.seconds)} s`,
    `  AMI events received         ${String(w.amiEventsPerSecond)} /s (AMI reconnects ${String(load.amiReconnects)}, live status at end ${load.liveStatusAtEnd}, page errors ${String(load.pageErrors)})`,
    `  event → tile                ${ms(w.eventToTileMs)}`,
    `    PBX → main (AMI, parse)   ${ms(w.pbxToMainMs)}`,
    `    main → tile               ${ms(w.mainToTileMs)}`,
    `    counter events            ${String(w.counterEvents)} in the window (answered + abandoned): ${String(w.notShown)} never shown, ${String(w.countedAhead)} shown before the PBX sent them, ${String(w.offScreen)} not measured (their tile was on another page of the rotation)`,
    `    slowest                   ${w.slowest.map((x) => `${x.queue} ${x.figure} ${String(x.value)}: ${String(x.ms)} ms`).join(', ')}`,
    `  main-process CPU            ${String(w.mainCpuPercent)} % of one core`,
    `  renderer                    ${frames(w)}`,
    `  main's patches              ${String(w.patchParts.flushes)} flushes, per flush ${Object.entries(w.patchParts.meanBytes)
      .map(([k, v]) => `${k} ${String(round(v / 1024, 1))} KiB`)
      .join(', ')}`,
    ...(p === undefined
      ? []
      : [
          `peer, same run: the Calls view (newest first), window ${String(p.seconds)} s, ${String(p.amiEventsPerSecond)} AMI events/s`,
          `  event → row                 ${ms(p.eventToRowMs)} over ${String(p.newCalls)} new calls`,
          `    main → row (bench:live's) ${ms(p.mainToRowMs)}`,
          `  main-process CPU            ${String(p.mainCpuPercent)} % of one core`,
          `  renderer                    ${frames(p)}`,
        ]),
    ...(r.ratios === undefined
      ? []
      : [`ratios wallboard / peer: event→screen p95 ${String(r.ratios.eventToScreenP95)}, main CPU ${String(r.ratios.mainCpu)}`]),
    `clocks: PBX − main ${String(k.pbxMinusMainMs)} ms ± ${String(k.pbxUncertaintyMs)} (drift over the run ${String(k.pbxDriftMs)} ms), page − main ${String(k.pageMinusMainMs)} ms ± ${String(k.pageUncertaintyMs)}`,
    `load: ${String(load.callersPlaced)} callers placed, ${String(load.pausesTaken)} pauses since the PBX started`,
    ...(load.liveStatusAtEnd !== 'live' || load.amiReconnects > 0
      ? [
          `  WARNING: the console was not live throughout (status '${load.liveStatusAtEnd}', ${String(load.amiReconnects)} reconnects): the figures do not describe a live console`,
        ]
      : []),
    'goals (reported, not asserted):',
    `  event → tile p95 < 100 ms   ${goal(w.eventToTileMs.p95 < 100)} (${String(w.eventToTileMs.p95)} ms)`,
    `  main CPU < 50 % of a core   ${goal(w.mainCpuPercent < 50)} (${String(w.mainCpuPercent)} %)`,
  ]
  console.log(lines.join('\n'))
}

main().catch((err: unknown) => {
  console.error('bench:wallboard:', err instanceof Error ? (err.stack ?? err.message) : err)
  process.exitCode = 1
})
