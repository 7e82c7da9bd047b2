/**
 * `npm run bench:lamps:fresh [-- --extensions 5000 --ring-groups 300 --routes 2000 --calls 30 --pages 3 --profile DIR --trace --json]`
 *
 * A fresh page of the console on bench:config's PBX (issue 18): the demo PBX and its FreePBX
 * seeded with 5,000 extensions, 300 ring groups and 2,000 inbound routes in their own process
 * (bench/config/pbx-process.ts), live calls placed by the demo, an admin seat (the page reads the
 * configuration lists ahead), the real core, web mode, headless Chromium at 1400×900. Each page is
 * opened fresh and followed until it has settled (the PBX live, a lamp there, frames every 50 ms or
 * sooner for 500 ms); then it reports what the page holds and what its main thread did:
 *  - DOM elements (`document.getElementsByTagName('*').length`) when the first lamp showed, the
 *    most sampled meanwhile (every 250 ms), and settled; and what holds them (census.ts);
 *  - CDP Performance.getMetrics from navigation to settled: Layout and style recalculation time and
 *    counts, script, tasks, the Nodes counter;
 *  - long tasks (> 50 ms), the longest frame held back, first lamp painted, time to settle.
 *
 *   --extensions / --ring-groups / --routes  the PBX's generated sizes (bench:config's defaults)
 *   --calls    calls the demo places a minute (default 30: rings, talks and hang-ups going on)
 *   --pages    fresh pages, one after the other (default 3)
 *   --profile  the first page's CPU profile from navigation to settled (DIR/fresh.cpuprofile); --trace its timeline too
 *   --json     one JSON object instead of the text
 */
import os from 'node:os'
import { parseArgs } from 'node:util'
import type { Browser, CDPSession } from 'playwright-core'
import { startWebServer } from '../../src-main/web/web-server'
import { launchChromium, RENDERER_DIR } from '../../test/support/browser'
import { createTestCore } from '../../test/support/test-core'
import { PAGE_PROBE as SETTLE_PROBE } from '../config/page-probe'
import { startConfigPbx } from '../config/pbx-process'
import { startProfiles } from '../live/profiles'
import { percentile, round } from '../support/stats'
import { type Census, CENSUS, REGIONS } from './census'
import { type LampsProbe, PAGE_PROBE as LAMPS_PROBE } from './probe'

const { values: args } = parseArgs({
  options: {
    extensions: { type: 'string', default: '5000' },
    'ring-groups': { type: 'string', default: '300' },
    routes: { type: 'string', default: '2000' },
    calls: { type: 'string', default: '30' },
    pages: { type: 'string', default: '3' },
    profile: { type: 'string' },
    trace: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  },
})
const whole = (name: string, v: string | undefined): number => {
  const n = Number(v)
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} needs a whole number`)
  return n
}
const sizes = {
  extensions: whole('extensions', args.extensions),
  ringGroups: whole('ring-groups', args['ring-groups']),
  routes: whole('routes', args.routes),
  callsPerMinute: whole('calls', args.calls),
}
const pages = Math.max(1, whole('pages', args.pages))
/** A page may hold its main thread for minutes (the regression this run was written for). */
const SETTLE_LIMIT_MS = 10 * 60_000
const WATCHDOG_MS = 40 * 60_000
const LIVE = '.live-status.live-live'
const LAMP = '.blf-tile'
/** Samples the page's element count while it loads: the most it held, and when. */
const NODE_SAMPLER = String.raw`
(() => {
  const s = { max: 0, at: 0, atFirstLamp: undefined };
  window.__nodeSamples = s;
  const sample = () => {
    const n = document.getElementsByTagName('*').length;
    if (n > s.max) { s.max = n; s.at = performance.now(); }
    if (s.atFirstLamp === undefined && document.querySelector('.blf-tile') !== null) s.atFirstLamp = n;
  };
  setInterval(sample, 250);
  new MutationObserver(() => {
    if (s.atFirstLamp === undefined && document.querySelector('.blf-tile') !== null) sample();
  }).observe(document, { subtree: true, childList: true });
})();
`

interface NodeSamples {
  readonly max: number
  readonly at: number
  readonly atFirstLamp: number | undefined
}

interface PageFigures {
  readonly settleMs: number
  readonly longestGapMs: number
  readonly firstLampPaintedMs: number | undefined
  readonly samples: NodeSamples
  readonly census: Census
  readonly metrics: Record<string, number>
  readonly longTasks: { readonly count: number; readonly totalMs: number; readonly longestMs: number }
}

async function metrics(cdp: CDPSession): Promise<Record<string, number>> {
  const r = await cdp.send('Performance.getMetrics')
  return Object.fromEntries(r.metrics.map((m) => [m.name, m.value]))
}

async function freshPage(browser: Browser, url: string, profileDir: string | undefined): Promise<PageFigures> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
  page.setDefaultTimeout(SETTLE_LIMIT_MS)
  page.on('pageerror', (e) => {
    console.error(`page error: ${e.message}`)
  })
  try {
    for (const script of [LAMPS_PROBE, SETTLE_PROBE, NODE_SAMPLER]) await page.addInitScript(script)
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Performance.enable')
    const profiles = profileDir === undefined ? undefined : await startProfiles(cdp, { trace: args.trace, cpu: true, name: 'fresh' })
    const t0 = performance.now()
    await page.goto(url)
    let limit: NodeJS.Timeout | undefined
    const tooLong = new Promise<never>((_resolve, reject) => {
      limit = setTimeout(() => {
        reject(new Error(`a fresh page did not settle within ${String(SETTLE_LIMIT_MS / 60_000)} minutes`))
      }, SETTLE_LIMIT_MS)
    })
    const settled = await Promise.race([
      page.evaluate(([sel, quiet]) => window.__configProbe.settled(sel, quiet), [[LIVE, LAMP], 500] as const),
      tooLong,
    ]).finally(() => {
      clearTimeout(limit)
    })
    const settleMs = performance.now() - t0
    const m = await metrics(cdp)
    if (profiles !== undefined && profileDir !== undefined) await profiles.save(profileDir)
    const probe = await page.evaluate(() => {
      const p = (window as unknown as { __lampsBench: LampsProbe }).__lampsBench
      return { longTasks: p.longTasks, painted: p.firstLampPainted, samples: (window as unknown as { __nodeSamples: NodeSamples }).__nodeSamples }
    })
    const census = await page.evaluate<Census>(`${CENSUS}(${JSON.stringify([REGIONS, 0.02])})`)
    const tasks = probe.longTasks.map((t) => t.ms)
    return {
      settleMs,
      longestGapMs: settled.longestGapMs,
      firstLampPaintedMs: probe.painted,
      samples: probe.samples,
      census,
      metrics: m,
      longTasks: { count: tasks.length, totalMs: tasks.reduce((a, b) => a + b, 0), longestMs: Math.max(0, ...tasks) },
    }
  } finally {
    await page.close()
  }
}

const n = (v: number): string => Math.round(v).toLocaleString('en')
const ms = (seconds: number | undefined): string => (seconds === undefined ? '—' : `${n(seconds * 1000)} ms`)

function report(figures: readonly PageFigures[]): string {
  const lines = [
    `Fresh pages of the Calls view: ${n(sizes.extensions)} generated extensions (+ the office's 20), ${n(sizes.ringGroups)} ring groups, ${n(sizes.routes)} inbound routes, ${String(sizes.callsPerMinute)} calls a minute; admin seat`,
    '',
    '| page | settled after | longest frame held | first lamp painted | elements at first lamp / most / settled | CDP Nodes | Layout: time in count | style recalc: time in count | script | long tasks: count, total, longest |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ]
  figures.forEach((f, i) => {
    const m = f.metrics
    lines.push(
      `| ${String(i + 1)} | ${n(f.settleMs)} ms | ${n(f.longestGapMs)} ms | ${f.firstLampPaintedMs === undefined ? '—' : `${n(f.firstLampPaintedMs)} ms`} | ${n(f.samples.atFirstLamp ?? NaN)} / ${n(f.samples.max)} / ${n(f.census.nodes)} | ${n(m.Nodes ?? NaN)} | ${ms(m.LayoutDuration)} in ${String(m.LayoutCount)} | ${ms(m.RecalcStyleDuration)} in ${String(m.RecalcStyleCount)} | ${ms(m.ScriptDuration)} | ${String(f.longTasks.count)}, ${n(f.longTasks.totalMs)} ms, ${n(f.longTasks.longestMs)} ms |`,
    )
  })
  const last = figures.at(-1)
  if (last !== undefined) {
    lines.push('', `What holds the ${n(last.census.nodes)} elements of the last page, settled:`, '')
    for (const r of last.census.regions) lines.push(`  ${r.name.padEnd(32)} ${n(r.nodes).padStart(7)}  (${String(r.matches)} × ${r.selector})`)
    lines.push('', 'Subtrees holding 2 % or more (rendered or not):', '')
    for (const h of last.census.heavy) lines.push(`  ${n(h.nodes).padStart(7)}${h.rendered ? '' : ' (not rendered)'}  ${h.label}`)
    lines.push('', `Most frequent tags: ${last.census.tags.map(([tag, c]) => `${tag} ${n(c)}`).join(', ')}`)
  }
  const settle = figures.map((f) => f.settleMs)
  lines.push('', `Settled: median ${n(percentile(settle, 50))} ms, max ${n(Math.max(...settle))} ms.`)
  return lines.join('\n')
}

const pbx = await startConfigPbx({ ...sizes, maxLifeMs: WATCHDOG_MS + 60_000 })
const core = createTestCore({
  builtinProfile: pbx.builtin,
  appInfo: { name: 'Attendant', version: '0.1.0', platform: process.platform, mode: 'web', demo: true, demoProfileId: pbx.builtin.profile.id },
})
const watchdog = setTimeout(() => {
  console.error(`bench:lamps:fresh: no result within ${String(WATCHDOG_MS / 60_000)} minutes; giving up`)
  process.exit(2)
}, WATCHDOG_MS)
let browser: Browser | undefined
try {
  await core.start()
  const server = await startWebServer({ core, rendererDir: RENDERER_DIR, port: 0 })
  browser = await launchChromium()
  const figures: PageFigures[] = []
  for (let i = 0; i < pages; i++) {
    if (!args.json) console.error(`bench:lamps:fresh: page ${String(i + 1)} of ${String(pages)}…`)
    figures.push(await freshPage(browser, server.url, i === 0 ? args.profile : undefined))
  }
  await server.close()
  console.log(args.json ? JSON.stringify({ sizes, figures }, null, 1) : report(figures))
  if (!args.json)
    console.log(
      `(host load average ${os
        .loadavg()
        .map((l) => round(l, 1))
        .join(' ')})`,
    )
} finally {
  clearTimeout(watchdog)
  await browser?.close()
  await core.close()
  await pbx.stop()
}
