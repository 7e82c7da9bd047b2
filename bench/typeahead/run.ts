/**
 * bench:typeahead — the people picker over 5,000 extensions and 50,000 phonebook contacts, in
 * headless Chromium through web mode: per keystroke, the time from the key to the picker's list
 * painted (keydown → React's render → the frame after it), the p95 of which the issue asks to be
 * under 16 ms. The demo PBX runs with 5,000 generated extensions (named, read by the directory from
 * its FreePBX API); the contacts are imported through the phonebook contract as one CSV in parts.
 *
 *   npm run bench:typeahead            (needs `npm run build` or ATTENDANT_RENDERER_DIR and Chromium)
 */
import type { Page } from 'playwright-core'
import { startBuiltinDemo } from '../../src-main/core/app/builtin-demo'
import { startWebServer } from '../../src-main/web/web-server'
import { launchChromium, RENDERER_DIR } from '../../test/support/browser'
import { createTestCore } from '../../test/support/test-core'
import { percentile, round } from '../live/stats'

const EXTENSIONS = 5000
const CONTACTS = 50_000
const ctx = { clientId: 'bench', transport: 'web' as const }

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

/** In the page: each keydown in the picker starts a clock; the frame after React's render stops it. */
const PROBE = `(() => {
  window.__typeahead = []
  document.addEventListener('keydown', (e) => {
    if (!(e.target instanceof HTMLInputElement) || e.target.getAttribute('role') !== 'combobox') return
    const t0 = performance.now()
    requestAnimationFrame(() => setTimeout(() => window.__typeahead.push(performance.now() - t0), 0))
  }, true)
})()`

async function typeSlowly(page: Page, text: string): Promise<void> {
  for (const ch of text) {
    await page.keyboard.type(ch)
    await page.waitForTimeout(40)
  }
  for (let i = 0; i < text.length; i++) {
    await page.keyboard.press('Backspace')
    await page.waitForTimeout(40)
  }
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
const server = await startWebServer({ core, rendererDir: RENDERER_DIR, port: 0 })
const browser = await launchChromium()
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
  await page.goto(server.url)
  await page.locator('.live-status.live-live').waitFor({ timeout: 30_000 })
  const dial = page.getByRole('combobox', { name: 'Dial a person, number or extension' })
  // Ready when both sources answer: a generated extension and a contact.
  await dial.fill('2001')
  const list = page.getByRole('listbox', { name: /Dial a person, number or extension/ })
  await list.getByRole('option').first().waitFor({ timeout: 60_000 })
  await dial.fill('zoë')
  await page
    .getByRole('option', { name: /contact/ })
    .first()
    .waitFor({ timeout: 60_000 })
  await dial.fill('')
  await page.evaluate(PROBE)
  await dial.focus()
  for (const query of ['eva fischer', 'farid', 'gul', 'müller 4', 'ångström', '2345', '0171100', 'company 12', 'xyz']) await typeSlowly(page, query)
  const times = await page.evaluate(() => (window as unknown as { __typeahead: number[] }).__typeahead)
  console.log(
    `people picker: ${String(dir.value.entries.length)} extensions, ${String(imported)} contacts imported, ${String(times.length)} keystrokes`,
  )
  console.log(
    `keystroke → list painted: median ${String(round(percentile(times, 50)))} ms, p95 ${String(round(percentile(times, 95)))} ms, max ${String(round(Math.max(...times)))} ms (goal p95 < 16 ms)`,
  )
} finally {
  await browser.close()
  await server.close()
  await core.close()
  await demo.stop()
}
