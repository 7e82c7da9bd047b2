/// <reference lib="dom" />
// Accessibility in real Chromium (issue 20 item 7): axe-core, injected into the page, checks every
// screen of the sidebar and the dialogs the operator works in (the lamp menu, the transfer prompt,
// the profile editor, the phonebook import, a configuration editor, the keyboard help), in the light
// and the dark theme. Any serious or critical violation fails the test, printed with its selectors.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../support/browser'
import { openConsole, ringingAt, startConsole, type ConsoleHarness } from '../support/console-harness'

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
const ADMIN = 'correct horse battery staple'
const THEMES = ['light', 'dark'] as const

let browser: Browser
let h: ConsoleHarness

beforeAll(async () => {
  h = await startConsole({ role: 'admin' })
  const set = await h.core.dispatch('admin.setPassphrase', { next: ADMIN }, { clientId: 'ipc-1', transport: 'ipc' })
  if (!set.ok) throw new Error(`admin passphrase not set: ${set.error.message}`)
  browser = await launchChromium()
}, 60_000)
afterAll(async () => {
  await browser.close()
  await h.stop()
})

/** One axe finding as the test prints it: rule, impact, what it asks, and where. */
interface Finding {
  readonly rule: string
  readonly impact: string
  readonly help: string
  readonly nodes: readonly { readonly target: string; readonly summary: string }[]
}

/** Runs axe over the whole document (the shell, the view and any open dialog) and keeps the serious and critical. */
async function audit(page: Page): Promise<Finding[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined')
  // Evaluated rather than added as a <script>: the page's CSP allows no inline script, rightly.
  if (!loaded) await page.evaluate(AXE_SOURCE)
  return page.evaluate(async () => {
    interface AxeNode {
      target: unknown[]
      failureSummary?: string
    }
    interface AxeResult {
      id: string
      impact?: string | null
      help: string
      nodes: AxeNode[]
    }
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: AxeResult[] }> } }).axe
    const result = await axe.run(document, { resultTypes: ['violations'] })
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        rule: v.id,
        impact: v.impact ?? '',
        help: v.help,
        nodes: v.nodes.map((n) => ({ target: n.target.map(String).join(' '), summary: (n.failureSummary ?? '').replace(/\s+/g, ' ') })),
      }))
  })
}

/** Every finding of `where` in both themes, as printable lines (empty when clean). */
async function auditBothThemes(page: Page, where: string): Promise<string[]> {
  const lines: string[] = []
  for (const theme of THEMES) {
    await page.evaluate((t) => {
      document.documentElement.dataset.theme = t
    }, theme)
    // Let transitions of colours settle before contrast is measured.
    await page.waitForTimeout(250)
    for (const f of await audit(page)) {
      for (const n of f.nodes) lines.push(`${where} [${theme}] ${f.impact} ${f.rule} (${f.help}): ${n.target} — ${n.summary}`)
    }
  }
  await page.evaluate(() => {
    document.documentElement.dataset.theme = 'light'
  })
  return lines
}

/** Remembers the focused element (the page itself when the calls screen's global keys opened it), to check a dialog gives the focus back to it. */
async function markOpener(page: Page): Promise<void> {
  await page.evaluate(() => {
    ;(window as unknown as { opener_: Element | null }).opener_ = document.activeElement
  })
}

const focusBackOnOpener = (page: Page): Promise<true | string> =>
  page.evaluate(() => {
    const opener = (window as unknown as { opener_: Element | null }).opener_
    return opener !== null && document.activeElement === opener
      ? true
      : `opener ${opener?.outerHTML.slice(0, 150) ?? 'none'}, now ${document.activeElement?.outerHTML.slice(0, 150) ?? 'none'}`
  })

/** Tab and Shift+Tab, more times than the dialog has controls, never leave it. */
async function expectFocusTrapped(page: Page, dialogName: string): Promise<void> {
  const inside = () =>
    page.evaluate((name) => {
      const dialog = [...document.querySelectorAll('[role=dialog], [role=alertdialog]')].find((d) => d.getAttribute('aria-label') === name)
      return dialog?.contains(document.activeElement) === true
    }, dialogName)
  expect(await inside()).toBe(true)
  for (const key of [
    'Tab',
    'Tab',
    'Tab',
    'Tab',
    'Tab',
    'Tab',
    'Shift+Tab',
    'Shift+Tab',
    'Shift+Tab',
    'Shift+Tab',
    'Shift+Tab',
    'Shift+Tab',
    'Shift+Tab',
  ]) {
    await page.keyboard.press(key)
    expect(await inside(), `focus left the dialog ${dialogName} after ${key}`).toBe(true)
  }
}

/** Shows a view by its Alt key (read from the sidebar button's title), as the operator would: a full-screen view may cover the sidebar. */
async function nav(page: Page, view: string): Promise<void> {
  const title = (await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: view, exact: true }).getAttribute('title')) ?? ''
  const key = /\(Alt\+(\w)\)/.exec(title)?.[1]
  if (key === undefined) throw new Error(`no Alt key in the title of ${view}: ${title}`)
  await page.keyboard.press(`Alt+${/\d/.test(key) ? `Digit${key}` : `Key${key.toUpperCase()}`}`)
  await expect.poll(() => page.locator('nav[aria-label="Main"] button[aria-current="page"]').textContent()).toBe(view)
}

/** A few calls in every state the calls list shows: ringing, talking, on hold, parked. */
async function placeCalls(): Promise<void> {
  const pbx = h.demo.pbx
  pbx.placeCall({ from: { trunk: 'trunk', callerNum: '+4930123456', callerName: 'Zoë Ångström' }, to: '4930555002' })
  const talking = await ringingAt(h.demo, '100')
  pbx.answer(talking.uniqueid)
  pbx.placeCall({ from: { trunk: 'trunk', callerNum: '+498911122233', callerName: 'Anna Außen' }, to: '4930555002' })
  await ringingAt(h.demo, '100')
  pbx.placeCall({ from: { exten: '104' }, to: '105' })
  await ringingAt(h.demo, '105')
}

describe('accessibility in real Chromium (web mode, demo PBX, axe-core)', () => {
  it('finds no serious or critical violation on any view or dialog, light or dark', async () => {
    await placeCalls()
    const { page } = await openConsole(browser, h)
    const found: string[] = []
    try {
      await everyViewAndDialog(page, found)
    } finally {
      if (found.length > 0) console.log(`axe found ${String(found.length)} serious or critical violations:\n${found.join('\n')}`)
    }
    expect(found).toEqual([])
    await page.close()
  }, 240_000)
})

async function everyViewAndDialog(page: Page, found: string[]): Promise<void> {
  found.push(...(await auditBothThemes(page, 'Calls (with the notifications question)')))
  const notNow = page.getByRole('button', { name: 'Not now', exact: true })
  if (await notNow.isVisible()) await notNow.click()

  const views = await page.locator('nav[aria-label="Main"] li button').allTextContents()
  expect(views.length).toBeGreaterThan(5)
  for (const view of views) {
    await nav(page, view)
    await page.waitForTimeout(600)
    found.push(...(await auditBothThemes(page, view)))
  }

  // The calls screen's dialogs: the lamp menu, then the transfer prompt for a selected call.
  await nav(page, 'Calls')
  // A lamp's name says its number, person and state in words (not by colour), and who it talks to.
  const lamps = page.getByRole('region', { name: 'Extensions' })
  await lamps.getByRole('button', { name: /^Extension 119\b.*, Offline/ }).waitFor()
  await lamps.getByRole('button', { name: /^Extension 106 \S.*, Available/ }).waitFor()
  await page.locator('.blf-tile[data-extension="105"]').click({ button: 'right' })
  await page.getByRole('menu', { name: /^Extension 105/ }).waitFor()
  found.push(...(await auditBothThemes(page, 'Lamp menu')))
  await page.keyboard.press('Escape')
  await page.getByRole('grid', { name: 'Live calls' }).locator('[role=row][data-call-id]').filter({ hasText: 'Zoë Ångström' }).click()
  await markOpener(page)
  await page.keyboard.press('t')
  await page.getByRole('dialog', { name: 'Transfer to' }).waitFor()
  found.push(...(await auditBothThemes(page, 'Transfer prompt')))
  await expectFocusTrapped(page, 'Transfer to')
  await page.keyboard.press('Escape')
  await page.keyboard.press('Escape')
  await page.getByRole('dialog', { name: 'Transfer to' }).waitFor({ state: 'detached' })
  expect(await focusBackOnOpener(page)).toBe(true)

  // The keyboard help, from anywhere.
  // Opened from a focused control this time: the focus must come back to that button.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Calls', exact: true }).focus()
  await markOpener(page)
  await page.keyboard.press('F1')
  await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor()
  found.push(...(await auditBothThemes(page, 'Keyboard help')))
  await expectFocusTrapped(page, 'Keyboard shortcuts')
  await page.keyboard.press('Escape')
  await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor({ state: 'detached' })
  expect(await focusBackOnOpener(page)).toBe(true)

  // The profile editor (Admin), with the admin passphrase set.
  await nav(page, 'Admin')
  await page.getByRole('button', { name: 'New profile' }).click()
  await page.getByRole('form', { name: 'New PBX profile' }).waitFor()
  found.push(...(await auditBothThemes(page, 'Profile editor')))

  // The phonebook's import dialog.
  await nav(page, 'Phonebook')
  await page.keyboard.press('i')
  await page.getByRole('dialog', { name: 'Import contacts' }).waitFor()
  found.push(...(await auditBothThemes(page, 'Phonebook import')))
  await page.keyboard.press('Escape')

  // A configuration editor: a new extension, then its form refused with errors beside the fields.
  await nav(page, 'Configuration')
  await page.getByRole('button', { name: 'New extension' }).click()
  const editor = page.getByRole('form', { name: 'New extension' })
  await editor.waitFor()
  found.push(...(await auditBothThemes(page, 'Config editor')))
  await editor.getByRole('button', { name: 'Create extension' }).click()
  await editor.locator('.field-error').first().waitFor()
  found.push(...(await auditBothThemes(page, 'Config editor with errors')))
}
