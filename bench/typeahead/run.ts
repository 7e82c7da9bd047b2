/**
 * bench:typeahead — the people picker over 5,000 extensions and 50,000 phonebook contacts, in
 * headless Chromium through web mode: per keystroke (typing names and numbers, and deleting them
 * again with Backspace), the time from the keydown to the first frame painted with the picker's
 * whole answer (extensions and contacts) for the text typed; the p95 of which the issue asks to be
 * under 16 ms. The demo PBX runs with 5,000 generated extensions (named, read by the directory
 * from its FreePBX API); the contacts are imported through the phonebook contract as one CSV in
 * parts. The same keys typed into a bare input outside React, in the same run, are the peer: the
 * machine's own keystroke → paint with no work, so a loaded machine shows as a ratio.
 *
 *   npm run bench:typeahead [-- --rounds 2 --profile DIR [--trace]]
 *     (needs `npm run build`, or ATTENDANT_RENDERER_DIR pointing at a built renderer, and Chromium;
 *      ATTENDANT_NO_MINIFY=1 at build time keeps names readable in the profile)
 *   --rounds   how many times the queries are typed and deleted (default 2)
 *   --profile  the page's CPU profile of the typing (DIR/typeahead.cpuprofile), and main's
 *   --trace    with --profile: the page's timeline too (slows the page: its figures are not comparable)
 */
import { parseArgs } from 'node:util'
import type { Page } from 'playwright-core'
import { startBuiltinDemo } from '../../src-main/core/app/builtin-demo'
import { startWebServer } from '../../src-main/web/web-server'
import { launchChromium, RENDERER_DIR } from '../../test/support/browser'
import { createTestCore } from '../../test/support/test-core'
import { startProfiles } from '../live/profiles'
import { percentile, round } from '../live/stats'
import { type KeyTiming, PAGE_PROBE } from './probe'

const EXTENSIONS = 5000
const CONTACTS = 50_000
/** Names, numbers, a company, a query that finds nothing: each typed key by key, then deleted. */
const QUERIES = ['eva fischer', 'farid', 'gul', 'müller 4', 'ångström', '2345', '0171100', 'company 12', 'xyz']
/** Between keys: a fast typist's pace. */
const KEY_GAP_MS = 40
const ctx = { clientId: 'bench', transport: 'web' as const }

const { values: args } = parseArgs({
  options: { rounds: { type: 'string', default: '2' }, profile: { type: 'string' }, trace: { type: 'boolean', default: false } },
})
const rounds = Math.max(1, Number(args.rounds))

const FIRST = ['Anna', 'Ben', 'Carla', 'David', 'Eva', 'Farid', 'Greta', 'Hugo', 'Ines', 'Jonas', 'Kira', 'Luca', 'Mia', 'Noah', 'Olga', 'Zoë']
const LAST = ['Müller', 'Schmidt', 'Fischer', 'Weber', 'Gül', 'Novak', 'Petrov', 'Silva', 'Tanaka', 'Ångström', 'Keller', 'Lund', 'Ito', 'Olsen']

/** 50,000 contacts as a CSV an address book exports: name, company, mobile. */
function contactsCsv(): string {
  const lines = ['Name,Company,Mobile']
  for (let i = 0; i < CONTACTS; i++) {
    const name = `${FIRST[i % FIRST.length] ?? ''} ${LAST[Math.floor(i / FIRST.length) % LAST.length] ?? ''} ${String(i)}`
    lines.push(`${name},Company ${String(i % 997)},+49171${String(1_000_000 + i)}`)
  }
  return lines.join('\n')
}

async function importContacts(core: ReturnType<typeof createTestCore>, profileId: string): Promise<number> {
  const text = contactsCsv()
  const part = 90_000
  let importId: string | undefined
  const parts = Math.ceil(text.length / part)
  for (let i = 0; i < parts; i++) {
    const r = await core.dispatch(
      'phonebook.importStage',
      {
        profileId,
        ...(importId === undefined ? {} : { importId }),
        format: 'csv',
        fileName: 'bench.csv',
        text: text.slice(i * part, (i + 1) * part),
        part: i,
        last: i === parts - 1,
      },
      ctx,
    )
    if (!r.ok) throw new Error(`staging part ${String(i)}: ${r.error.message}`)
    importId = r.value.importId
  }
  if (importId === undefined) throw new Error('nothing staged')
  const done = await core.dispatch('phonebook.importCommit', { profileId, importId }, ctx)
  if (!done.ok) throw new Error(`import: ${done.error.message}`)
  return done.value.added
}

/** Types the text key by key into what has focus, then deletes it with Backspace, at a typist's pace. */
async function typeAndDelete(page: Page, text: string): Promise<void> {
  for (const ch of text) {
    await page.keyboard.type(ch)
    await page.waitForTimeout(KEY_GAP_MS)
  }
  for (let i = 0; i < text.length; i++) {
    await page.keyboard.press('Backspace')
    await page.waitForTimeout(KEY_GAP_MS)
  }
}

function figures(times: readonly number[]): string {
  if (times.length === 0) return 'no keystrokes'
  return `median ${String(round(percentile(times, 50)))} ms, p95 ${String(round(percentile(times, 95)))} ms, max ${String(round(Math.max(...times)))} ms (${String(times.length)} keys)`
}

const demo = await startBuiltinDemo({ rate: 0, seed: 7, generate: { extensions: EXTENSIONS } })
const core = createTestCore({
  builtinProfile: demo.builtin,
  appInfo: { name: 'Attendant', version: '0.1.0', platform: process.platform, mode: 'web', demo: true, demoProfileId: demo.builtin.profile.id },
})
await core.start()
const profileId = demo.builtin.profile.id
const dir = await core.dispatch('directory.list', { profileId }, ctx)
if (!dir.ok) throw new Error(dir.error.message)
const imported = await importContacts(core, profileId)
{
  // What the page will ask for: the whole phonebook in pages of 5,000 (printed: under load it is slow).
  const t0 = performance.now()
  let after: string | null = null
  let pages = 0
  do {
    const page: Awaited<ReturnType<typeof core.dispatch<'phonebook.list'>>> = await core.dispatch(
      'phonebook.list',
      { profileId, after, limit: 5000 },
      ctx,
    )
    if (!page.ok) throw new Error(`phonebook.list: ${page.error.message}`)
    after = page.value.next
    pages++
  } while (after !== null)
  console.log(`main reads the phonebook in ${String(pages)} pages in ${String(Math.round(performance.now() - t0))} ms`)
}
const server = await startWebServer({ core, rendererDir: RENDERER_DIR, port: 0 })
const browser = await launchChromium()
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
  page.on('pageerror', (e) => {
    console.error(`page error: ${e.message}`)
  })
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') console.error(`page ${m.type()}: ${m.text()}`)
  })
  await page.goto(server.url)
  await page.locator('.live-status.live-live').waitFor({ timeout: 60_000 })
  const dial = page.locator('#dial-input')
  /** Polled cheaply by CSS: playwright's role queries walk all 5,000 lamps and, under load, hold the page for seconds. */
  const rowSaying = (text: string, timeout: number) =>
    page.waitForFunction((t) => [...document.querySelectorAll('.people-list [role=option]')].some((li) => li.textContent.includes(t)), text, {
      timeout,
      polling: 500,
    })
  // Ready when both sources answer: a generated extension, and a contact (50,000 read in pages).
  try {
    // The first render of 5,000 lamps on a loaded machine holds the page for a while.
    await page.waitForFunction(() => document.getElementById('dial-input') !== null, null, { timeout: 300_000, polling: 1000 })
    await dial.fill('2001', { timeout: 300_000 })
    await rowSaying('2001', 180_000)
    await dial.fill('zoë', { timeout: 300_000 })
    await rowSaying('contact', 300_000)
  } catch (e) {
    await page.screenshot({ path: 'test-results/typeahead-not-ready.png', timeout: 120_000 })
    throw new Error('the picker never showed both an extension and a contact: see test-results/typeahead-not-ready.png', { cause: e })
  }
  await dial.fill('')
  await page.evaluate(PAGE_PROBE)
  const cdp = args.profile === undefined ? undefined : await page.context().newCDPSession(page)
  const profiles = cdp === undefined ? undefined : await startProfiles(cdp, { trace: args.trace, name: 'typeahead' })
  // The picker and the peer take turns query by query, so both see the same load.
  for (let r = 0; r < rounds; r++) {
    for (const query of QUERIES) {
      // By id in the page: playwright's own queries walk all 5,000 lamps and would load the run itself.
      await page.evaluate(() => document.getElementById('dial-input')?.focus())
      await typeAndDelete(page, query)
      await page.evaluate(() => document.getElementById('bench-peer')?.focus())
      await typeAndDelete(page, query)
    }
  }
  await page.waitForTimeout(200)
  if (profiles !== undefined && args.profile !== undefined) await profiles.save(args.profile)
  const timings = await page.evaluate(() => (window as unknown as { __typeahead: (KeyTiming & { overrun?: boolean })[] }).__typeahead)
  const of = (target: KeyTiming['target'], kind?: KeyTiming['kind']): number[] =>
    timings.filter((t) => t.target === target && (kind === undefined || t.kind === kind)).map((t) => t.ms)
  const picker = of('picker')
  const peerTimes = of('peer')
  const overruns = timings.filter((t) => t.overrun === true).length
  console.log(
    `people picker: ${String(dir.value.entries.length)} extensions, ${String(imported)} contacts imported; ${String(rounds)} round(s) of ${QUERIES.length} queries`,
  )
  console.log(`keystroke → whole list painted: ${figures(picker)} (goal p95 < 16 ms)`)
  console.log(`  typing:    ${figures(of('picker', 'type'))}`)
  console.log(`  Backspace: ${figures(of('picker', 'back'))}`)
  console.log(`  answers still unpainted when the next key came (timed to that key): ${String(overruns)}`)
  console.log(`peer (bare input, same keys, same run): ${figures(peerTimes)}`)
  const ratio = (p: number): string => String(round(percentile(picker, p) / percentile(peerTimes, p), 2))
  console.log(`picker / peer: median ×${ratio(50)}, p95 ×${ratio(95)}`)
} finally {
  await browser.close()
  await server.close()
  await core.close()
  await demo.stop()
}
