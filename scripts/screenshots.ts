/**
 * Screenshots of every view in light and dark against the built-in demo PBX with a few calls in
 * flight, for looking at what we build and for the README: `npx tsx scripts/screenshots.ts [outDir]`
 * (default docs/screenshots, which the README shows; needs `npm run build` and Debian's Chromium).
 * Every screen of the sidebar, found there (a new screen is photographed without touching this
 * script), at 1280×800 so the PNGs stay small.
 */
import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { startBuiltinDemo } from '../src-main/core/app/builtin-demo'
import { startWebServer } from '../src-main/web/web-server'
import { AccessKeeper } from '../src-main/web/access-keeper'
import { launchChromium, RENDERER_DIR } from '../test/support/browser'
import { createTestCore } from '../test/support/test-core'

const outDir = resolve(process.argv[2] ?? 'docs/screenshots')
mkdirSync(outDir, { recursive: true })
const demo = await startBuiltinDemo({ rate: 0, seed: 7, amiUser: 'attendant' })
// An admin seat, so every screen shows what it does (a receptionist sees the supervisor and
// configuration screens only as a sentence saying whom they are for).
const seat = { ...demo.builtin.profile.operator, role: 'admin' as const }
// As web mode runs: Admin shows the web link (its card is drawn only where there is one).
const access = AccessKeeper.inMemory()
const core = createTestCore({
  webAccess: access,
  builtinProfile: { ...demo.builtin, profile: { ...demo.builtin.profile, operator: seat } },
  appInfo: { name: 'Attendant', version: '0.1.0', platform: process.platform, mode: 'web', demo: true, demoProfileId: 'demo' },
})
await core.start()
const pbx = demo.pbx
const callers = [
  { callerNum: '+4930123456', callerName: 'Zoë Ångström', to: '4930555002' },
  { callerNum: '+498911122233', callerName: 'Anna Außen', to: '4930555000' },
  { callerNum: '+4917012345678', callerName: '<img src=x onerror=alert(1)>', to: '4930555000' },
  { callerNum: '+493055501', callerName: 'Müller GmbH', to: '4930555110' },
  { callerNum: '+4940777888', callerName: 'Hamburg Office', to: '4930555001' },
  { callerNum: '+4969555444', callerName: 'Frankfurt Partner', to: '4930555100', trunk: 'peer' },
]
for (const c of callers) pbx.placeCall({ from: { trunk: c.trunk ?? 'trunk', callerNum: c.callerNum, callerName: c.callerName }, to: c.to })
pbx.placeCall({ from: { exten: '104' }, to: '105' })
await new Promise((r) => setTimeout(r, 500))
// Answer some of the ringing phones so calls are talking, one goes on hold, one gets parked.
for (const ch of pbx.engine.ringingChannels().slice(0, 3)) pbx.answer(ch.uniqueid)
await new Promise((r) => setTimeout(r, 500))
// A few finished calls, so the history has rows, and one parked call.
for (let i = 0; i < 4; i++) {
  const c = pbx.placeCall({
    from: { trunk: 'trunk', callerNum: `+49301111${String(i)}`, callerName: `Earlier Caller ${String(i)}` },
    to: '4930555110',
  })
  await new Promise((r) => setTimeout(r, 100))
  if (i % 2 === 0) for (const ch of pbx.engine.ringingChannels()) if (ch.name.startsWith('PJSIP/110')) pbx.answer(ch.uniqueid)
  await new Promise((r) => setTimeout(r, 200))
  if (c !== undefined) pbx.hangup(c.uniqueid)
}
const talking = pbx.channels().find((c) => c.name.startsWith('PJSIP/trunk') && pbx.engine.findChannel(c.uniqueid)?.state === 6)
if (talking !== undefined) pbx.park(talking.uniqueid)
await new Promise((r) => setTimeout(r, 800))

const server = await startWebServer({ core, rendererDir: RENDERER_DIR, port: 0, access })
const browser = await launchChromium()
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
await page.goto(server.url)
await page.waitForTimeout(1500)
// The first-run question about notifications is not part of any screen.
const notNow = page.getByRole('button', { name: 'Not now', exact: true })
if (await notNow.isVisible()) await notNow.click()
const views = await page.locator('nav[aria-label="Main"] li button').allTextContents()
/** A file name for a screen: 'Calls' -> calls, 'Configuration' -> configuration. */
const slug = (view: string): string => view.toLowerCase().replace(/[^a-z0-9]+/g, '-')
// The call card shows the call that came in through ring group 600 (DID, group, trunk).
await page.locator('[role=row][data-call-id]', { hasText: 'Frankfurt Partner' }).click()
for (const theme of ['light', 'dark'] as const) {
  await core.dispatch('settings.set', { theme }, { clientId: 'shots', transport: 'web' })
  for (const view of views) {
    // By its Alt key, as the operator would: a full-screen view (the wallboard) covers the sidebar.
    const title = (await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: view, exact: true }).getAttribute('title')) ?? ''
    const key = /\(Alt\+(\w)\)/.exec(title)?.[1]
    if (key === undefined) throw new Error(`no Alt key in the title of ${view}: ${title}`)
    await page.keyboard.press(`Alt+${/\d/.test(key) ? `Digit${key}` : `Key${key.toUpperCase()}`}`)
    await page.waitForTimeout(500)
    await page.screenshot({ path: join(outDir, `${slug(view)}-${theme}.png`) })
  }
}
// The calls screen as German and French desks see it (Settings → Language).
for (const [language, theme] of [
  ['de', 'light'],
  ['fr', 'dark'],
] as const) {
  await core.dispatch('settings.set', { language, theme }, { clientId: 'shots', transport: 'web' })
  await page.keyboard.press('Alt+Digit1')
  await page.waitForTimeout(800)
  await page.screenshot({ path: join(outDir, `calls-${language}-${theme}.png`) })
}
await browser.close()
await server.close()
await core.close()
await demo.stop()
console.log(outDir)
