/// <reference lib="dom" />
// The smaller front-desk findings (issue 18 item 7) and a web mode a person can bookmark (item 8),
// in real Chromium through web mode: a refused number stays in the dial box with the reason in plain
// words; U with nothing parked says so; the Park toast names the space; Attended says before it is
// tried that it works on the operator's own calls; toasts and the notifications question never cover
// the lamps; a stale or wrong link says so and how to get the current one (instead of reconnecting
// for ever); a bookmark of the page opens the console after a restart; a replaced link drops the
// pages opened with it at once.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Locator, Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { AccessKeeper } from '../../src-main/web/access-keeper'
import { loadOrCreateAccess } from '../../src-main/web/access-token'
import { startWebServer, type WebServer } from '../../src-main/web/web-server'
import { chromiumForFile, RENDERER_DIR, watchErrors } from '../support/browser'
import { consoleForEachTest, openConsole, ringingAt, type ConsoleHarness } from '../support/console-harness'
import { createTestCore } from '../support/test-core'

const SHOTS = process.env.ATTENDANT_SHOTS ?? join(import.meta.dirname, '../../test-results/front-desk-details')

let browser: Browser
chromiumForFile((b) => (browser = b))

const rows = (page: Page): Locator => page.getByRole('grid', { name: 'Live calls' }).locator('[role=row][data-call-id]')
const rowWith = (page: Page, text: string): Locator => rows(page).filter({ hasText: text })

async function shoot(page: Page, name: string, setTheme: (theme: 'light' | 'dark') => Promise<unknown>): Promise<void> {
  mkdirSync(SHOTS, { recursive: true })
  for (const theme of ['light', 'dark'] as const) {
    await setTheme(theme)
    await page.locator(`html[data-theme="${theme}"]`).waitFor({ state: 'attached' })
    await page.screenshot({ path: join(SHOTS, `${name}-${theme}.png`) })
  }
}

/** Two boxes overlap (a toast or a bar over a lamp). */
function overlaps(a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
}

async function lampBoxes(page: Page): Promise<{ x: number; y: number; width: number; height: number }[]> {
  return page.locator('.blf-tile').evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect()
      return { x: r.x, y: r.y, width: r.width, height: r.height }
    }),
  )
}

describe('front-desk details in real Chromium (web mode, demo PBX)', () => {
  let h: ConsoleHarness
  consoleForEachTest((c) => (h = c))
  const setTheme = (theme: 'light' | 'dark'): Promise<unknown> => h.core.dispatch('settings.set', { theme }, { clientId: 'shots', transport: 'web' })

  it('a refused number stays in the dial box with the reason in plain words; U with nothing parked says so; the bars cover no lamp', async () => {
    const { page, errors } = await openConsole(browser, h)
    // The notifications question sits in flow above the screen: no lamp is under it.
    const bar = page.getByRole('region', { name: 'Notifications' })
    await bar.waitFor()
    const barBox = await bar.boundingBox()
    expect(barBox).not.toBeNull()
    for (const box of await lampBoxes(page)) expect(overlaps(barBox ?? box, box)).toBe(false)
    // Every lamp can be clicked while the question waits.
    await page.locator('.blf-tile[data-extension="118"]').click()
    expect(await page.locator('.blf-tile[data-extension="118"]').getAttribute('aria-pressed')).toBe('true')

    const dial = page.getByRole('combobox', { name: 'Dial a person, number or extension' })
    const tooLong = '1234567890123456789012345'
    await dial.fill(tooLong)
    await dial.press('Enter')
    const refusal = page.locator('.dialbox-refused')
    await refusal.waitFor()
    const words = (await refusal.textContent()) ?? ''
    expect(words).toBe(`${tooLong} was not dialled: 25 digits is too long for a phone number (at most 15 with the country code): check the number.`)
    expect(words).not.toMatch(/E\.164|short code|circuit_open|unknown_number/)
    // Kept for correcting, and no call was placed.
    expect(await dial.inputValue()).toBe(tooLong)
    expect(h.demo.pbx.channels()).toEqual([])
    await shoot(page, 'dial-refused', setTheme)
    // A short code is said to be one.
    await dial.fill('99999')
    expect(await refusal.count()).toBe(0)
    await dial.press('Enter')
    await expect.poll(() => refusal.textContent()).toContain('service codes and short numbers are not dialled from the console')
    expect(await dial.inputValue()).toBe('99999')

    // U with nothing parked says so.
    await page.locator('.calls-toolbar h1').click()
    await page.keyboard.press('u')
    await page.getByRole('status').filter({ hasText: 'Nothing is parked: there is no call to pick up.' }).waitFor()
    // Toasts sit over the side column, never over a lamp.
    const toastBox = await page.locator('.toasts').boundingBox()
    expect(toastBox).not.toBeNull()
    for (const box of await lampBoxes(page)) expect(overlaps(toastBox ?? box, box)).toBe(false)
    expect(errors).toEqual([])
  })

  it('Park names the space; Attended says before it is tried that it works on the operator’s own calls', async () => {
    const { page, errors } = await openConsole(browser, h)
    const notNow = page.getByRole('region', { name: 'Notifications' }).getByRole('button', { name: 'Not now' })
    if ((await notNow.count()) > 0) await notNow.click()

    // A caller talking with 104: not at the operator's phone (100).
    h.demo.pbx.placeCall({ from: { trunk: 'trunk', callerNum: '+4930777001', callerName: 'Ada Lovelace' }, to: '4930555104' })
    const at104 = await ringingAt(h.demo, '104')
    h.demo.pbx.answer(at104.uniqueid)
    await expect.poll(() => rowWith(page, 'Ada Lovelace').locator('.col-state').textContent()).toBe('Talking')
    await rowWith(page, 'Ada Lovelace').click()
    const attended = page.getByRole('toolbar', { name: 'Call actions' }).getByRole('button', { name: /Attended/ })
    expect(await attended.getAttribute('aria-disabled')).toBe('true')
    expect(await page.locator('#attended-note').textContent()).toBe('Attended works on calls at your own phone (100).')
    await page.keyboard.press('a')
    await page
      .getByRole('status')
      .filter({ hasText: 'Attended transfer works on calls at your own phone (100): use Transfer (T) for this one.' })
      .waitFor()
    expect(await page.getByRole('dialog').count()).toBe(0)
    await shoot(page, 'attended-explained', setTheme)

    // Park: the toast names who and where.
    await page.keyboard.press('p')
    const parked = page.getByRole('status').filter({ hasText: /^Parked Ada Lovelace in space \d+: U or Pick up takes it back/ })
    await parked.waitFor()
    const space = /space (\d+)/.exec((await parked.textContent()) ?? '')?.[1]
    expect(space).toMatch(/^7\d\d$/)
    await shoot(page, 'park-named', setTheme)
    expect(errors).toEqual([])
  })

  it('the transfer picker’s list never covers the prompt’s Transfer button', async () => {
    const { page, errors } = await openConsole(browser, h)
    h.demo.pbx.placeCall({ from: { trunk: 'trunk', callerNum: '+4930777003', callerName: 'Grace Hopper' }, to: '4930555104' })
    await rowWith(page, 'Grace Hopper').waitFor()
    await rowWith(page, 'Grace Hopper').click()
    await page.keyboard.press('t')
    const prompt = page.getByRole('dialog', { name: /Transfer/ })
    await prompt.getByRole('combobox').fill('e')
    const list = prompt.getByRole('listbox')
    await list.waitFor()
    const button = prompt.getByRole('button', { name: 'Transfer', exact: true })
    const [listBox, buttonBox] = [await list.boundingBox(), await button.boundingBox()]
    expect(listBox).not.toBeNull()
    expect(buttonBox).not.toBeNull()
    if (listBox !== null && buttonBox !== null) expect(overlaps(listBox, buttonBox)).toBe(false)
    await shoot(page, 'transfer-picker', setTheme)
    // The button takes the click (nothing lies over it): the typed text goes to the guard, which names what it is.
    await prompt.getByRole('combobox').fill('105')
    await button.click()
    await ringingAt(h.demo, '105')
    expect(errors).toEqual([])
  })
})

describe('a web link a person can bookmark (Chromium)', () => {
  const stops: (() => Promise<void>)[] = []
  afterEach(async () => {
    for (const stop of stops.splice(0).reverse()) await stop()
  })

  /** A console without a PBX on a data folder's stored token, on a given port (0 = any). */
  async function serve(dataDir: string, port = 0): Promise<{ server: WebServer; keeper: AccessKeeper }> {
    const keeper = AccessKeeper.forDataDir(dataDir, loadOrCreateAccess(dataDir))
    const core = createTestCore({ webAccess: keeper })
    await core.start()
    const server = await startWebServer({ core, rendererDir: RENDERER_DIR, port, access: keeper })
    const stop = async (): Promise<void> => {
      await server.close()
      await core.close()
    }
    stops.push(stop)
    return { server, keeper }
  }

  it('a bookmark opens the console after a restart; a wrong link and a replaced one say so and where the current link is', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'att-bookmark-'))
    stops.push(() => {
      rmSync(dataDir, { recursive: true, force: true })
      return Promise.resolve()
    })
    const first = await serve(dataDir)
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    stops.push(() => context.close())
    const page = await context.newPage()
    page.setDefaultTimeout(10_000)
    const errors = watchErrors(page)
    await page.goto(first.server.url)
    await page.getByRole('navigation', { name: 'Main' }).waitFor()
    // The token left the address bar; the page as bookmarked is the bare address.
    expect(page.url()).toBe(`${first.server.origin}/`)

    // Restarted on the same data folder and port: the bookmark still opens it.
    const port = first.server.port
    await stops.splice(1, 1)[0]?.()
    const second = await serve(dataDir, port)
    await page.goto(`${second.server.origin}/`)
    await page.getByRole('navigation', { name: 'Main' }).waitFor()
    expect(await page.getByRole('heading', { name: 'This link no longer opens the console' }).count()).toBe(0)

    // Replaced (Admin or --rotate-token): the open page is dropped at once and says why.
    second.keeper.rotate()
    const replaced = page.getByRole('heading', { name: 'This link no longer opens the console' })
    await replaced.waitFor()
    expect(await page.getByText('Admin → Web link').count()).toBe(1)
    expect(await page.getByText('Connection to the console lost — reconnecting…').count()).toBe(0)
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme })
      await page.screenshot({ path: join(SHOTS, `link-replaced-${colorScheme}.png`) })
    }

    // A wrong link in another browser: the same page, not "reconnecting…" for ever.
    const stranger = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    stops.push(() => stranger.close())
    await stranger.goto(`${second.server.origin}/?token=${'x'.repeat(32)}`)
    await stranger.getByRole('heading', { name: 'This link no longer opens the console' }).waitFor()
    // No link at all: says how to get one.
    const bare = await browser.newPage()
    stops.push(() => bare.close())
    await bare.goto(`${second.server.origin}/`)
    await bare.getByRole('heading', { name: 'This page needs the console’s link' }).waitFor()
    // The current link works.
    await stranger.goto(second.server.url)
    await stranger.getByRole('navigation', { name: 'Main' }).waitFor()
    expect(errors.filter((e) => !/WebSocket|401|Failed to load resource/.test(e))).toEqual([])
  })
})
