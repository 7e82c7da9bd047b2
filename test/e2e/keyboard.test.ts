/// <reference lib="dom" />
import type { Browser, CDPSession, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AppCore } from '../../src-main/core/app/app-core'
import { startWebServer, type WebServer } from '../../src-main/web/web-server'
import { altKeyCode, VIEW_KEYS } from '../../src-preload/types/views'
import { launchChromium, RENDERER_DIR, watchErrors } from '../support/browser'
import { createTestCore } from '../support/test-core'

let browser: Browser
let server: WebServer
let core: AppCore

beforeAll(async () => {
  core = createTestCore()
  server = await startWebServer({ core, rendererDir: RENDERER_DIR, port: 0 })
  browser = await launchChromium()
})
afterAll(async () => {
  await browser.close()
  await server.close()
})

/** What macOS sends for Option+<digit>: the digit's physical key, and another character as e.key. */
const OPTION_CHARACTERS: Readonly<Record<string, string>> = {
  '1': '¡',
  '2': '™',
  '3': '£',
  '4': '¢',
  '5': '∞',
  '6': '§',
  '7': '¶',
  '8': '•',
  '9': 'ª',
}
const ALT = 1

/** A key press the way a Mac keyboard makes it, through Chrome's input pipeline (trusted events). */
async function optionDigit(cdp: CDPSession, digit: string): Promise<void> {
  const character = OPTION_CHARACTERS[digit] ?? digit
  const key = { modifiers: ALT, code: altKeyCode(digit), key: character, windowsVirtualKeyCode: digit.toUpperCase().charCodeAt(0) }
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', text: character, ...key })
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...key })
}

const shownView = (page: Page): Promise<string | null> => page.locator('nav[aria-label="Main"] button[aria-current="page"]').textContent()

async function open(): Promise<{ page: Page; cdp: CDPSession; errors: string[] }> {
  const page = await browser.newPage()
  const errors = watchErrors(page)
  await page.goto(server.url)
  await expect.poll(() => page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(true)
  return { page, cdp: await page.context().newCDPSession(page), errors }
}

describe('the keyboard in real Chromium (web mode)', () => {
  it('Alt+digit switches views by the physical key, even when e.key is another character (Option on macOS)', async () => {
    const { page, cdp, errors } = await open()
    // The sidebar is built from the features; the table the desktop menu lists must name the same screens.
    const sidebar = await page.locator('nav[aria-label="Main"] li button').allTextContents()
    expect(sidebar).toEqual(VIEW_KEYS.map((v) => v.label))
    await page.evaluate(() => {
      const keys: string[] = []
      window.addEventListener(
        'keydown',
        (e) => {
          keys.push(`${e.code}:${e.key}`)
        },
        { capture: true },
      )
      ;(window as unknown as { seenKeys: string[] }).seenKeys = keys
    })
    for (const view of [...VIEW_KEYS].reverse()) {
      await optionDigit(cdp, view.altKey)
      await expect.poll(() => shownView(page)).toBe(view.label)
    }
    // The page really got the other characters as e.key (what broke Alt+1 on macOS).
    const keys = await page.evaluate(() => (window as unknown as { seenKeys: string[] }).seenKeys)
    expect(keys).toContain('Digit2:™')
    expect(keys).toContain('Digit1:¡')
    expect(errors).toEqual([])
    await page.close()
  })

  it('types nothing into the field being edited when Option+digit switches views', async () => {
    const { page, cdp, errors } = await open()
    await optionDigit(cdp, '6')
    await expect.poll(() => shownView(page)).toBe('Settings')
    const field = page.getByRole('spinbutton').first()
    await field.click()
    await field.fill('30')
    await optionDigit(cdp, '6')
    expect(await field.inputValue()).toBe('30')
    await optionDigit(cdp, '2')
    await expect.poll(() => shownView(page)).toBe('Queues')
    expect(errors).toEqual([])
    await page.close()
  })

  it('leaves AltGr (Ctrl+Alt on Windows) to the keyboard layout’s characters', async () => {
    const { page, cdp } = await open()
    await optionDigit(cdp, '3')
    await expect.poll(() => shownView(page)).toBe('History')
    const altGr = { modifiers: ALT | 2, code: 'Digit2', key: '@', windowsVirtualKeyCode: 50 }
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', ...altGr })
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...altGr })
    await page.waitForTimeout(200)
    expect(await shownView(page)).toBe('History')
    await page.close()
  })

  it('F1 shows every key: each view with its Alt key, then the shell’s own; Escape closes it', async () => {
    const { page, errors } = await open()
    await page.keyboard.press('F1')
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
    await expect.poll(() => help.isVisible()).toBe(true)
    const everywhere = help.getByRole('table', { name: 'Everywhere keys' })
    const rows = await everywhere
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)))
    expect(rows).toEqual([...VIEW_KEYS.map((v) => [`Alt+${v.altKey}`, `Show ${v.label}`]), ['F1', 'Show this list of keys']])
    // The calls screen's own keys are there too.
    expect(await help.getByRole('table', { name: 'Calls keys' }).isVisible()).toBe(true)
    await everywhere.scrollIntoViewIfNeeded()
    for (const theme of ['light', 'dark']) {
      await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme)
      await page.screenshot({ path: `${process.env.ATTENDANT_SCREENSHOT_DIR ?? '/tmp'}/keyboard-help-${theme}.png` })
    }
    await page.keyboard.press('Escape')
    await expect.poll(() => help.count()).toBe(0)
    expect(errors).toEqual([])
    await page.close()
  })
})
