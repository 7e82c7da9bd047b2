/// <reference lib="dom" />
// A fresh page of the Calls view on a PBX with 5,000 extensions and calls going on, in real
// Chromium (issue 18): the page holds a window of lamps and rows, a few hundred elements, however
// big the PBX and the window (a fresh page of bench:config's PBX once held 110,651 DOM nodes and
// spent 408 s in Layout); the grid stays a box of the page's height (were it to grow to its content,
// "the rows in view" would be all of them); scrolled to the end it draws the last extensions.
// Counts, not times: the host is shared.
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startBuiltinDemo, type BuiltinDemo } from '../../src-main/core/app/builtin-demo'
import { startWebServer, type WebServer } from '../../src-main/web/web-server'
import { chromiumForFile, RENDERER_DIR, watchErrors } from '../support/browser'
import { lampTile } from '../support/calls-page'
import { createTestCore } from '../support/test-core'

const GENERATED = 5000
/** A few hundred elements are the page (625 at 1400×900, 1,186 at 2560×1440); 2,000 leaves room for features, none for a list of thousands. */
const MAX_ELEMENTS = 2000
const MAX_TILES = 150

let browser: Browser
chromiumForFile((b) => (browser = b))
let demo: BuiltinDemo
let core: ReturnType<typeof createTestCore>
let server: WebServer

beforeAll(async () => {
  demo = await startBuiltinDemo({ rate: 0, seed: 7, generate: { extensions: GENERATED } })
  core = createTestCore({
    builtinProfile: demo.builtin,
    appInfo: { name: 'Attendant', version: '0.1.0', platform: process.platform, mode: 'web', demo: true, demoProfileId: demo.builtin.profile.id },
  })
  await core.start()
  server = await startWebServer({ core, rendererDir: RENDERER_DIR, port: 0 })
  // Calls between generated extensions: lamps ringing, rows in the calls list.
  for (let i = 0; i < 40; i++) demo.pbx.placeCall({ from: { exten: String(2000 + i * 97) }, to: String(2001 + i * 89) })
}, 120_000)

afterAll(async () => {
  await server.close()
  await core.close()
  await demo.stop()
})

/** Everything the page holds, its lamps, its call rows, and the lamp grid's box against the window's height. */
function census(page: Page): Promise<{ elements: number; tiles: number; rows: number; gridHeight: number; windowHeight: number }> {
  return page.evaluate(() => ({
    elements: document.getElementsByTagName('*').length,
    tiles: document.querySelectorAll('.blf-tile').length,
    rows: document.querySelectorAll('[data-call-id]').length,
    gridHeight: document.querySelector('.blf-grid')?.clientHeight ?? 0,
    windowHeight: window.innerHeight,
  }))
}

/** CSS only (role queries walk every element): live, a lamp, and the calls' rows shown. */
async function openCalls(viewport: { width: number; height: number }): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport })
  page.setDefaultTimeout(30_000)
  const errors = watchErrors(page)
  await page.goto(server.url)
  await page.locator('.live-status.live-live').waitFor()
  await page.locator('.blf-tile').first().waitFor()
  await page.locator('[data-call-id]').first().waitFor()
  return { page, errors }
}

describe('the Calls view of a PBX with 5,000 extensions, in real Chromium', () => {
  it('a fresh page holds a window of lamps and rows, a few hundred elements, in a small and a large window', async () => {
    for (const viewport of [
      { width: 1400, height: 900 },
      { width: 2560, height: 1440 },
    ]) {
      const { page, errors } = await openCalls(viewport)
      // Names, presence and voicemail counts come after the lamps: count once they may have.
      await page.waitForTimeout(1500)
      const c = await census(page)
      expect(c.tiles, `lamps at ${String(viewport.width)}×${String(viewport.height)}`).toBeGreaterThan(4)
      expect(c.tiles).toBeLessThanOrEqual(MAX_TILES)
      expect(c.rows).toBeGreaterThan(0)
      expect(c.rows).toBeLessThanOrEqual(60)
      expect(c.elements, `elements at ${String(viewport.width)}×${String(viewport.height)}`).toBeLessThan(MAX_ELEMENTS)
      // The grid is a box within the window, scrolled: not as tall as 5,020 lamps.
      expect(c.gridHeight).toBeGreaterThan(0)
      expect(c.gridHeight).toBeLessThan(c.windowHeight)
      expect(await page.locator('.blf-grid > li[aria-setsize]').first().getAttribute('aria-setsize')).toBe(String(GENERATED + 20))
      expect(errors).toEqual([])
      await page.close()
    }
  })

  it('scrolled to the end, the grid draws the last extensions and still only a window of them', async () => {
    const { page, errors } = await openCalls({ width: 1400, height: 900 })
    await page.locator('.blf-grid').evaluate((grid) => {
      grid.scrollTop = grid.scrollHeight
    })
    await lampTile(page, String(2000 + GENERATED - 1)).waitFor()
    expect(await lampTile(page, '100').count()).toBe(0)
    const c = await census(page)
    expect(c.tiles).toBeLessThanOrEqual(MAX_TILES)
    expect(c.elements).toBeLessThan(MAX_ELEMENTS)
    expect(errors).toEqual([])
    await page.close()
  })
})
