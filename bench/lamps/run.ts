/**
 * bench:lamps — the Calls view with 5,000 extensions in headless Chromium through web mode: how
 * long until the lamps are painted, how long the page's main thread is held meanwhile, and what a
 * live update costs with 5,000 lamps in the page (calls placed and hung up between generated
 * extensions, their lamps ringing, talking and going idle).
 *
 *   npm run bench:lamps [-- --extensions 5000 --seconds 15 --rate 5 --profile DIR [--trace]]
 *     (needs `npm run build`, or ATTENDANT_RENDERER_DIR pointing at a built renderer, and Chromium)
 *   --extensions  generated extensions beside the office's 20 (default 5000)
 *   --seconds     the live window (default 15)
 *   --rate        calls placed per second in the live window (default 5; each is hung up 2–6 s later)
 *   --contacts    phonebook contacts imported first (default 0; bench:typeahead's page has 50,000)
 *   --profile     the page's CPU profile of the live window (DIR/lamps.cpuprofile); --trace its timeline
 *   --screenshot  the page at the end (a PNG path)
 *   --profile-load  the page's CPU profile from navigation until the view has settled (DIR/load.cpuprofile)
 */
import { parseArgs } from 'node:util'
import type { CDPSession } from 'playwright-core'
import { startBuiltinDemo } from '../../src-main/core/app/builtin-demo'
import { startWebServer } from '../../src-main/web/web-server'
import { launchChromium, RENDERER_DIR } from '../../test/support/browser'
import { createTestCore } from '../../test/support/test-core'
import { startProfiles } from '../live/profiles'
import { percentile, round } from '../support/stats'
import { type LampsProbe, PAGE_PROBE } from './probe'

const { values: args } = parseArgs({
  options: {
    extensions: { type: 'string', default: '5000' },
    seconds: { type: 'string', default: '15' },
    rate: { type: 'string', default: '5' },
    contacts: { type: 'string', default: '0' },
    'profile-load': { type: 'string' },
    screenshot: { type: 'string' },
    profile: { type: 'string' },
    trace: { type: 'boolean', default: false },
  },
})
const extensions = Math.max(0, Number(args.extensions))
const seconds = Math.max(1, Number(args.seconds))
const rate = Math.max(0.1, Number(args.rate))
const contacts = Math.max(0, Number(args.contacts))
const ctx = { clientId: 'bench', transport: 'web' as const }
/** The page may hold its main thread for minutes (the regression this bench was written for). */
const LOAD_TIMEOUT_MS = 600_000

function figures(times: readonly number[]): string {
  if (times.length === 0) return 'none'
  return `median ${String(round(percentile(times, 50)))} ms, p95 ${String(round(percentile(times, 95)))} ms, max ${String(round(Math.max(...times)))} ms (${String(times.length)})`
}

function longTaskFigures(tasks: LampsProbe['longTasks'], from: number, to: number): string {
  const inside = tasks.filter((t) => t.start >= from && t.start < to).map((t) => t.ms)
  if (inside.length === 0) return 'none'
  const total = inside.reduce((a, b) => a + b, 0)
  return `${String(inside.length)}, ${String(round(total))} ms in all, longest ${String(round(Math.max(...inside)))} ms`
}

/** The renderer's own counters (CDP Performance): seconds of tasks, style recalculation and layout. */
async function metrics(cdp: CDPSession): Promise<Record<string, number>> {
  const r = await cdp.send('Performance.getMetrics')
  return Object.fromEntries(r.metrics.map((m) => [m.name, m.value]))
}

/** `n` contacts as one CSV staged in parts through the phonebook contract, as bench:typeahead does. */
async function importContacts(core: ReturnType<typeof createTestCore>, profileId: string, n: number): Promise<number> {
  const lines = ['Name,Company,Mobile']
  for (let i = 0; i < n; i++) lines.push(`Contact ${String(i)},Company ${String(i % 997)},+49171${String(1_000_000 + i)}`)
  const text = lines.join('\n')
  const part = 90_000
  const parts = Math.ceil(text.length / part)
  let importId: string | undefined
  for (let i = 0; i < parts; i++) {
    const chunk = {
      profileId,
      format: 'csv' as const,
      fileName: 'bench.csv',
      text: text.slice(i * part, (i + 1) * part),
      part: i,
      last: i === parts - 1,
    }
    const r = await core.dispatch('phonebook.importStage', importId === undefined ? chunk : { ...chunk, importId }, ctx)
    if (!r.ok) throw new Error(`staging part ${String(i)}: ${r.error.message}`)
    importId = r.value.importId
  }
  if (importId === undefined) throw new Error('nothing staged')
  const done = await core.dispatch('phonebook.importCommit', { profileId, importId }, ctx)
  if (!done.ok) throw new Error(`import: ${done.error.message}`)
  return done.value.added
}

const demo = await startBuiltinDemo({ rate: 0, seed: 7, generate: { extensions } })
const core = createTestCore({
  builtinProfile: demo.builtin,
  appInfo: { name: 'Attendant', version: '0.1.0', platform: process.platform, mode: 'web', demo: true, demoProfileId: demo.builtin.profile.id },
})
await core.start()
if (contacts > 0) console.log(`${String(await importContacts(core, demo.builtin.profile.id, contacts))} contacts imported`)
const server = await startWebServer({ core, rendererDir: RENDERER_DIR, port: 0 })
const browser = await launchChromium()
const hangups: NodeJS.Timeout[] = []
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
  page.on('pageerror', (e) => {
    console.error(`page error: ${e.message}`)
  })
  await page.addInitScript(PAGE_PROBE)
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Performance.enable')
  const loadProfiles = args['profile-load'] === undefined ? undefined : await startProfiles(cdp, { trace: false, cpu: true, name: 'load' })
  const t0 = Date.now()
  await page.goto(server.url)
  // Polled by CSS, slowly: playwright's role queries walk every lamp and would load the page themselves.
  await page.waitForFunction(() => document.querySelector('.blf-tile') !== null, null, { timeout: LOAD_TIMEOUT_MS, polling: 500 })
  const lampsSeenAfter = Date.now() - t0
  // A page that answers a trivial question again: its main thread is free.
  const answerStart = Date.now()
  await page.evaluate(() => 1, undefined)
  const answerMs = Date.now() - answerStart
  await page.waitForFunction(() => (window as unknown as { __lampsBench: LampsProbe }).__lampsBench.firstLampPainted !== undefined, null, {
    timeout: LOAD_TIMEOUT_MS,
    polling: 250,
  })
  // Settle: the directory's names, presence and voicemail counts arrive after the first lamps.
  await page.waitForTimeout(3000)
  if (loadProfiles !== undefined && args['profile-load'] !== undefined) await loadProfiles.save(args['profile-load'])
  const loaded = await page.evaluate(() => {
    const p = (window as unknown as { __lampsBench: LampsProbe }).__lampsBench
    return { firstLamp: p.firstLamp, painted: p.firstLampPainted, now: performance.now(), tiles: document.querySelectorAll('.blf-tile').length }
  })
  const load = await page.evaluate(() => (window as unknown as { __lampsBench: LampsProbe }).__lampsBench.longTasks)
  console.log(`Calls view, ${String(extensions + 20)} extensions (${String(loaded.tiles)} lamp tiles in the page)`)
  console.log(
    `  first lamp painted: ${String(round(loaded.painted ?? NaN))} ms after navigation (seen by the bench after ${String(lampsSeenAfter)} ms)`,
  )
  console.log(`  page answered a trivial evaluate in ${String(answerMs)} ms once the lamps were there`)
  console.log(`  long tasks until settled: ${longTaskFigures(load, 0, loaded.now)}`)

  // The live window: calls between generated extensions, each hung up 2–6 s later.
  const generated = Array.from({ length: extensions }, (_, i) => String(2000 + i))
  let rng = 7
  const random = (n: number): number => {
    rng = (rng * 1_103_515_245 + 12_345) % 2 ** 31
    return rng % n
  }
  const before = await metrics(cdp)
  const windowStart = await page.evaluate(() => performance.now())
  const profiles = args.profile === undefined ? undefined : await startProfiles(cdp, { trace: args.trace, cpu: true, name: 'lamps' })
  let placed = 0
  const until = Date.now() + seconds * 1000
  while (Date.now() < until) {
    const from = generated[random(generated.length)]
    const to = generated[random(generated.length)]
    if (from !== undefined && to !== undefined && from !== to) {
      const call = demo.pbx.placeCall({ from: { exten: from }, to })
      if (call !== undefined) {
        placed++
        hangups.push(setTimeout(() => demo.pbx.hangup(call.name), 2000 + random(4000)))
      }
    }
    await new Promise((r) => setTimeout(r, 1000 / rate))
  }
  await new Promise((r) => setTimeout(r, 500))
  if (profiles !== undefined && args.profile !== undefined) await profiles.save(args.profile)
  const after = await metrics(cdp)
  const live = await page.evaluate(() => {
    const p = (window as unknown as { __lampsBench: LampsProbe }).__lampsBench
    return { updates: p.updates, longTasks: p.longTasks, now: performance.now() }
  })
  const inWindow = live.updates.filter((u) => u.at >= windowStart).map((u) => u.ms)
  const delta = (name: string): number => (after[name] ?? 0) - (before[name] ?? 0)
  const wall = live.now - windowStart
  if (args.screenshot !== undefined) await page.screenshot({ path: args.screenshot, timeout: 120_000 })
  console.log(`Live: ${String(placed)} calls placed in ${String(seconds)} s`)
  console.log(`  patch batch arrived → its frame painted: ${figures(inWindow)}`)
  console.log(`  long tasks: ${longTaskFigures(live.longTasks, windowStart, live.now)}`)
  console.log(
    `  renderer main thread: busy ${String(round((delta('TaskDuration') * 1000 * 100) / wall))} % of the window; style ${String(round(delta('RecalcStyleDuration') * 1000))} ms in ${String(delta('RecalcStyleCount'))} recalcs, layout ${String(round(delta('LayoutDuration') * 1000))} ms in ${String(delta('LayoutCount'))}, script ${String(round(delta('ScriptDuration') * 1000))} ms`,
  )
  if (inWindow.length > 0) {
    console.log(
      `  per batch: style ${String(round((delta('RecalcStyleDuration') * 1000) / inWindow.length, 2))} ms, script ${String(round((delta('ScriptDuration') * 1000) / inWindow.length, 2))} ms`,
    )
  }
} finally {
  for (const h of hangups) clearTimeout(h)
  await browser.close()
  await server.close()
  await core.close()
  await demo.stop()
}
