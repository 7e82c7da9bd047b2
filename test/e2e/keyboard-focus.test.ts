/// <reference lib="dom" />
// Keyboard users in real Chromium (issue 20 item 7): every modal dialog keeps the focus (Tab and
// Shift+Tab never leave it, Escape closes it, the focus goes back to the control that opened it),
// and the focus ring is visible - a :focus-visible outline of at least 3:1 against what surrounds it -
// on a sample of controls of every screen, light and dark.
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../support/browser'
import { openConsole, ringingAt, startConsole, type ConsoleHarness } from '../support/console-harness'

const THEMES = ['light', 'dark'] as const
/** WCAG 2.2's non-text contrast for a focus indicator. */
const MIN_FOCUS_CONTRAST = 3
/** Controls measured per screen: enough to meet buttons, fields, tabs and table controls, quick enough for two themes. */
const SAMPLE_PER_VIEW = 14

let browser: Browser
let h: ConsoleHarness

beforeAll(async () => {
  // The demo's richer AMI user: day/night and forwarding need 'system' rights, so their dialogs appear.
  h = await startConsole({ role: 'admin', amiUser: 'attendant' })
  browser = await launchChromium()
}, 60_000)
afterAll(async () => {
  await browser.close()
  await h.stop()
})

/** Shows a view by its Alt key (read from the sidebar button's title), as the operator would. */
async function nav(page: Page, view: string): Promise<void> {
  const title = (await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: view, exact: true }).getAttribute('title')) ?? ''
  const key = /\(Alt\+(\w)\)/.exec(title)?.[1]
  if (key === undefined) throw new Error(`no Alt key in the title of ${view}: ${title}`)
  await page.keyboard.press(`Alt+${/\d/.test(key) ? `Digit${key}` : `Key${key.toUpperCase()}`}`)
  await expect.poll(() => page.locator('nav[aria-label="Main"] button[aria-current="page"]').textContent()).toBe(view)
}

/** What a screen reader and the trap need of the open dialog named `name`: its role, modality, and whether it holds the focus. */
function dialogState(page: Page, name: string): Promise<{ found: boolean; modal: boolean; holdsFocus: boolean }> {
  return page.evaluate((n) => {
    const dialog = [...document.querySelectorAll('[role=dialog], [role=alertdialog]')].find((d) => d.getAttribute('aria-label') === n)
    return {
      found: dialog !== undefined,
      modal: dialog?.getAttribute('aria-modal') === 'true',
      holdsFocus: dialog?.contains(document.activeElement) === true,
    }
  }, name)
}

const activeSummary = (page: Page): Promise<string> => page.evaluate(() => document.activeElement?.outerHTML.slice(0, 160) ?? 'nothing')

/**
 * Opens a dialog from the control `opener` (focused, then Enter - keyboard first), and checks it is a
 * labelled modal that Tab and Shift+Tab, pressed more often than it has controls, never leave;
 * Escape closes it and the focus is back on `opener`.
 */
async function checkDialog(page: Page, opener: ReturnType<Page['locator']>, name: string, openKey = 'Enter'): Promise<void> {
  await opener.focus()
  await page.keyboard.press(openKey)
  await expect.poll(() => dialogState(page, name).then((s) => s.found), { message: `dialog ${name} did not open` }).toBe(true)
  const state = await dialogState(page, name)
  expect(state.modal, `${name} is aria-modal`).toBe(true)
  expect(state.holdsFocus, `${name} takes the focus: ${await activeSummary(page)}`).toBe(true)
  for (const key of [...Array<string>(7).fill('Tab'), ...Array<string>(8).fill('Shift+Tab')]) {
    await page.keyboard.press(key)
    expect((await dialogState(page, name)).holdsFocus, `focus left ${name} after ${key}: ${await activeSummary(page)}`).toBe(true)
  }
  await page.keyboard.press('Escape')
  await expect.poll(() => dialogState(page, name).then((s) => s.found), { message: `Escape did not close ${name}` }).toBe(false)
  const back = await opener.evaluate((el) => el === document.activeElement)
  expect(back, `focus back on the opener of ${name}, now on ${await activeSummary(page)}`).toBe(true)
}

describe('keyboard focus in real Chromium (web mode, demo PBX)', () => {
  it('every dialog is a labelled modal that keeps the focus, closes on Escape and gives the focus back', async () => {
    const pbx = h.demo.pbx
    pbx.placeCall({ from: { trunk: 'trunk', callerNum: '+4930123456', callerName: 'Zoë Ångström' }, to: '4930555002' })
    await ringingAt(h.demo, '100')
    const { page } = await openConsole(browser, h, { declineNotifications: true })

    // The status bar's day/night panel.
    await checkDialog(page, page.locator('.daynight-button'), 'Day and night mode')

    // Queues: add a member.
    await nav(page, 'Queues')
    await checkDialog(page, page.getByRole('button', { name: 'Add member…', exact: true }).first(), 'Add a queue member')

    // Agents: add a member, the pause reasons, an agent's membership (Enter on the selected agent).
    await nav(page, 'Agents')
    await checkDialog(page, page.getByRole('button', { name: 'Add member…', exact: true }), 'Add a queue member')
    await checkDialog(page, page.getByRole('button', { name: 'Pause reasons…', exact: true }), 'Pause reasons')
    const firstAgent = page.locator('.agents-view tbody tr').first()
    await firstAgent.click()
    const agentName = await page.evaluate(
      () => /^Selected: (.+?) — /.exec(document.querySelector('.agents-view [aria-live]')?.textContent ?? '')?.[1] ?? '',
    )
    expect(agentName).not.toBe('')
    await checkDialog(page, page.locator('.agents-view'), `Membership of ${agentName}`)

    // Wallboard settings.
    await nav(page, 'Wallboard')
    await checkDialog(
      page,
      page.getByRole('region', { name: 'Wallboard' }).getByRole('button', { name: 'Settings', exact: true }),
      'Wallboard settings',
    )

    // Phonebook import.
    await nav(page, 'Phonebook')
    await checkDialog(page, page.getByRole('button', { name: 'Import…', exact: true }), 'Import contacts')

    // The lamp menu's note dialog: its menu item is gone once it opens, so the focus goes back to the calls screen's lamp.
    await nav(page, 'Calls')
    await page.locator('.blf-tile[data-extension="105"]').click({ button: 'right' })
    await page.getByRole('menuitem', { name: /^Note for 105/ }).click()
    const note = await page.evaluate(() => document.querySelector('[role=dialog][aria-label^="Note for 105"]')?.getAttribute('aria-label') ?? '')
    expect(note).toMatch(/^Note for 105 \S/)
    await expect.poll(() => dialogState(page, note).then((s) => s.holdsFocus && s.modal)).toBe(true)
    for (const key of [...Array<string>(6).fill('Tab'), ...Array<string>(6).fill('Shift+Tab')]) {
      await page.keyboard.press(key)
      expect((await dialogState(page, note)).holdsFocus, `focus left the note dialog after ${key}`).toBe(true)
    }
    await page.keyboard.press('Escape')
    await expect.poll(() => dialogState(page, note).then((s) => s.found)).toBe(false)
    await page.close()
  }, 120_000)

  it('shows a focus ring of at least 3:1 against its surroundings on every screen, light and dark', async () => {
    const { page } = await openConsole(browser, h, { declineNotifications: true })
    const views = await page.locator('nav[aria-label="Main"] li button').allTextContents()
    expect(views.length).toBeGreaterThan(5)
    const weak: string[] = []
    let measured = 0
    for (const view of views) {
      await nav(page, view)
      await page.waitForTimeout(400)
      for (const theme of THEMES) {
        await page.evaluate((t) => {
          document.documentElement.dataset.theme = t
        }, theme)
        await page.waitForTimeout(200)
        // A key press first: Chromium shows :focus-visible for programmatic focus after keyboard use.
        await page.keyboard.press('Shift')
        const rings = await measureFocusRings(page, SAMPLE_PER_VIEW)
        measured += rings.length
        for (const r of rings) if (r.problem !== undefined) weak.push(`${view} [${theme}] ${r.control}: ${r.problem}`)
      }
    }
    await page.evaluate(() => {
      document.documentElement.dataset.theme = 'light'
    })
    if (weak.length > 0) console.log(`weak focus rings:\n${weak.join('\n')}`)
    expect(measured).toBeGreaterThan(views.length * 2 * 3)
    expect(weak).toEqual([])
    await page.close()
  }, 180_000)
})

/**
 * Focuses up to `max` visible controls of the page (spread over the document order) and measures the
 * :focus-visible outline of each: drawn at all, at least 2 px, and its colour against the background
 * it is drawn on (the outline sits outside the control, so that is the nearest painted ancestor's,
 * translucent layers composited in).
 */
function measureFocusRings(page: Page, max: number): Promise<{ control: string; problem?: string }[]> {
  return page.evaluate(
    ({ max, min }) => {
      type Rgba = [number, number, number, number]
      const parse = (css: string): Rgba => {
        const m = /rgba?\(([^)]+)\)/.exec(css)
        if (m === null) return [0, 0, 0, 0]
        const p = (m[1] ?? '')
          .split(/[\s,/]+/)
          .filter((x) => x !== '')
          .map(Number)
        return [p[0] ?? 0, p[1] ?? 0, p[2] ?? 0, p[3] ?? 1]
      }
      const over = (top: Rgba, under: Rgba): Rgba => {
        const a = top[3]
        return [top[0] * a + under[0] * (1 - a), top[1] * a + under[1] * (1 - a), top[2] * a + under[2] * (1 - a), 1]
      }
      const luminance = ([r, g, b]: Rgba): number => {
        const lin = (c: number): number => {
          const s = c / 255
          return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
        }
        return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
      }
      const contrast = (a: Rgba, b: Rgba): number => {
        const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x)
        return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05)
      }
      /** The opaque colour behind `el`'s outside: its ancestors' backgrounds, composited from the page up. */
      const backdrop = (el: Element): Rgba => {
        const layers: Rgba[] = []
        for (let at = el.parentElement; at !== null; at = at.parentElement) {
          const bg = parse(getComputedStyle(at).backgroundColor)
          if (bg[3] > 0) layers.push(bg)
          if (bg[3] >= 1) break
        }
        let colour: Rgba = [255, 255, 255, 1]
        for (const layer of layers.reverse()) colour = over(layer, colour)
        return colour
      }
      const describe = (el: HTMLElement): string =>
        `${el.tagName.toLowerCase()}${el.className !== '' && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''} "${(el.getAttribute('aria-label') ?? el.getAttribute('name') ?? el.textContent).trim().slice(0, 40)}"`
      const all = [...document.querySelectorAll<HTMLElement>('button, input, select, textarea, a[href], summary, [tabindex="0"]')].filter(
        (el) => !el.matches(':disabled') && el.tabIndex >= 0 && el.getClientRects().length > 0 && getComputedStyle(el).visibility === 'visible',
      )
      const step = Math.max(1, Math.floor(all.length / max))
      const sample = all.filter((_, i) => i % step === 0).slice(0, max)
      const out: { control: string; problem?: string }[] = []
      for (const el of sample) {
        el.focus({ preventScroll: true })
        if (document.activeElement !== el) continue
        const style = getComputedStyle(el)
        const width = parseFloat(style.outlineWidth)
        const control = describe(el)
        if (!el.matches(':focus-visible')) out.push({ control, problem: 'not :focus-visible after keyboard use' })
        else if (style.outlineStyle === 'none' || width === 0) out.push({ control, problem: 'no outline when focused' })
        else if (width < 2) out.push({ control, problem: `outline only ${String(width)} px` })
        else {
          const ratio = contrast(over(parse(style.outlineColor), backdrop(el)), backdrop(el))
          out.push(
            ratio >= min ? { control } : { control, problem: `outline ${style.outlineColor} on ${backdrop(el).join(',')} is ${ratio.toFixed(2)}:1` },
          )
        }
      }
      ;(document.activeElement as HTMLElement | null)?.blur()
      return out
    },
    { max, min: MIN_FOCUS_CONTRAST },
  )
}
