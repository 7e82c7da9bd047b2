/// <reference lib="dom" />
// Voicemail in real Chromium (web mode, demo PBX): a call left in 104's voicemail raises its
// lamp's "1 new" and the voicemail view's count (Alt+0); L on the mailbox rings the operator's own
// phone (100) into VoiceMailMain, and once the message was heard the lamp's mark goes and the view
// counts it old. A receptionist's view offers only the mailboxes the seat reaches.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { chromiumForFile } from '../support/browser'
import { consoleForEachTest, openConsole, ringingAt, type ConsoleHarness } from '../support/console-harness'

const SHOTS = process.env.ATTENDANT_SHOTS ?? join(import.meta.dirname, '../../test-results/voicemail')

let browser: Browser
chromiumForFile((b) => (browser = b))

const lamp = (page: Page, ext: string): Locator => page.locator(`button[data-extension="${ext}"]`)
const boxRow = (page: Page, box: string): Locator =>
  page
    .getByRole('table', { name: 'Mailboxes' })
    .locator('tbody tr')
    .filter({ has: page.locator('td.col-mailbox', { hasText: new RegExp(`^${box}$`) }) })
const toast = (page: Page, text: string): Locator => page.locator('.toasts').getByText(text)

async function shoot(h: ConsoleHarness, page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true })
  const notNow = page.getByRole('button', { name: 'Not now' })
  if (await notNow.isVisible()) await notNow.click()
  for (const theme of ['light', 'dark'] as const) {
    await h.core.dispatch('settings.set', { theme }, { clientId: 'shots', transport: 'web' })
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme ?? '')).toBe(theme)
    await page.screenshot({ path: join(SHOTS, `${name}-${theme}.png`) })
  }
}

/** Phone 101 calls *104 (straight to 104's voicemail) and leaves a message; the demo runs fast until it is left. */
async function messageLeftFor104(h: ConsoleHarness, page: Page): Promise<void> {
  expect(h.demo.pbx.placeCall({ from: { exten: '101' }, to: '*104' })).toBeDefined()
  h.demo.pbx.setSpeed(20)
  try {
    await expect.poll(() => lamp(page, '104').locator('.lamp-vm').textContent(), { timeout: 15_000 }).toBe('1 new')
  } finally {
    h.demo.pbx.setSpeed(1)
  }
}

describe('voicemail in real Chromium (web mode, demo PBX)', () => {
  describe('a supervisor', () => {
    let h: ConsoleHarness
    consoleForEachTest((c) => (h = c), { role: 'supervisor' })

    it('a call left in voicemail raises the lamp’s badge and the view’s count; L rings the operator’s phone into the mailbox, and the heard message turns old', async () => {
      const { page, errors } = await openConsole(browser, h)
      await lamp(page, '104').waitFor()
      expect(await lamp(page, '104').locator('.lamp-vm').count()).toBe(0)
      await messageLeftFor104(h, page)
      expect(await lamp(page, '104').locator('.lamp-vm').getAttribute('title')).toBe('1 new voicemail message')
      await shoot(h, page, 'lamp-badge')

      await page.keyboard.press('Alt+0')
      await page.getByRole('heading', { name: 'Voicemail' }).waitFor()
      const row = boxRow(page, '104')
      await expect.poll(() => row.locator('td.col-new').textContent()).toBe('1')
      expect(await row.locator('td.col-old').textContent()).toBe('0')
      expect(await row.locator('td.col-name').textContent()).toBe('David Eze')

      // "With new messages" keeps 104 alone; the search finds it by name too.
      await page.keyboard.press('n')
      await expect.poll(() => page.getByRole('table', { name: 'Mailboxes' }).locator('tbody tr').count()).toBe(1)
      await page.keyboard.press('n')
      await page.keyboard.press('/')
      await page.keyboard.type('david')
      await expect.poll(() => page.getByRole('table', { name: 'Mailboxes' }).locator('tbody tr').count()).toBe(1)
      await page.keyboard.press('ArrowDown')
      expect(await row.getAttribute('class')).toContain('selected')

      await page.keyboard.press('m')
      const messages = page.getByRole('region', { name: 'Messages of 104' })
      await messages.getByRole('cell', { name: /^New$/ }).waitFor()
      await expect.poll(() => messages.locator('td.col-from').textContent()).toMatch(/101$/)
      await messages.getByText('neither FreePBX’s API nor ARI').waitFor()
      await shoot(h, page, 'view')

      await page.keyboard.press('l')
      await toast(page, 'Your phone (100) rings: answer it to hear the voicemail of').waitFor()
      const own = await ringingAt(h.demo, '100')
      expect(h.demo.pbx.engine.findChannel(own.uniqueid)).toBeDefined()
      expect(h.demo.pbx.answer(own.uniqueid)).toBe(true)
      h.demo.pbx.setSpeed(20)
      try {
        await expect.poll(() => row.locator('td.col-old').textContent(), { timeout: 15_000 }).toBe('1')
      } finally {
        h.demo.pbx.setSpeed(1)
      }
      expect(await row.locator('td.col-new').textContent()).toBe('0')
      await page.keyboard.press('Alt+1')
      await expect.poll(() => lamp(page, '104').locator('.lamp-vm').count()).toBe(0)
      expect(errors).toEqual([])
    })
  })

  describe('a receptionist', () => {
    let h: ConsoleHarness
    consoleForEachTest((c) => (h = c), { role: 'receptionist' })

    it('sees every count but may ring into its own mailbox only', async () => {
      const { page, errors } = await openConsole(browser, h)
      await page.keyboard.press('Alt+0')
      await page.getByRole('heading', { name: 'Voicemail' }).waitFor()
      await expect.poll(() => boxRow(page, '100').getByRole('button', { name: 'Listen by phone' }).count()).toBe(1)
      expect(await boxRow(page, '104').getByRole('button', { name: 'Listen by phone' }).count()).toBe(0)
      expect(await boxRow(page, '104').textContent()).toContain('Not yours')
      expect(errors).toEqual([])
    })
  })
})
