/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startWebServer, type WebServer } from '../../src-main/web/web-server'
import { chromiumForFile, RENDERER_DIR, watchErrors } from '../support/browser'
import { cacheWithCallsAged } from '../support/cached-calls'
import { createTestCore, testAppInfo } from '../support/test-core'
import { sleep } from '../support/wait'

let browser: Browser
let core: ReturnType<typeof createTestCore>
let server: WebServer
const seat = { clientId: 'test', transport: 'web' as const }

chromiumForFile((b) => (browser = b))
beforeEach(async () => {
  // Five calls of 40 days ago, three of 10 days ago, two of today; the retention is 90 days.
  const cdrFile = await cacheWithCallsAged('pbx1', [40, 40, 40, 40, 40, 10, 10, 10, 0.01, 0.01])
  core = createTestCore({ cdrFile, appInfo: { ...testAppInfo, demo: false } })
  await core.start()
  server = await startWebServer({ core, rendererDir: RENDERER_DIR, port: 0 })
})
afterEach(async () => {
  await server.close()
  await core.close()
})

async function cachedRows(): Promise<number> {
  const r = await core.dispatch('history.stats', { profileId: 'pbx1' }, seat)
  if (!r.ok) throw new Error(r.error.message)
  return r.value.rows
}

async function storedRetention(): Promise<number> {
  const r = await core.dispatch('settings.get', undefined, seat)
  if (!r.ok) throw new Error(r.error.message)
  return r.value.historyRetentionDays
}

async function openSettings(): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1200, height: 800 } })
  page.setDefaultTimeout(10_000)
  const errors = watchErrors(page)
  await page.goto(server.url)
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings', exact: true }).click()
  return { page, errors }
}

const retentionField = (page: Page) => page.getByRole('spinbutton', { name: 'Keep call history for (days)' })
const confirmDialog = (page: Page) => page.getByRole('alertdialog', { name: 'Confirm removing call history' })

/** Replaces the field's text by typing `text` key by key, as an operator does. */
async function typeInto(page: Page, text: string): Promise<void> {
  const field = retentionField(page)
  await field.click()
  await page.keyboard.press('Control+A')
  await page.keyboard.press('Backspace')
  for (const ch of text) {
    await page.keyboard.type(ch)
    await sleep(150)
  }
}

describe('the history retention setting in Chromium', () => {
  it('typing 1-8-0 deletes nothing; it is saved on Enter, and a longer retention asks nothing', async () => {
    const { page, errors } = await openSettings()
    await expect.poll(() => retentionField(page).inputValue()).toBe('90')
    await typeInto(page, '180')
    // On the way to 180 the field held 1 and 18: neither was saved, nothing was removed.
    await sleep(500)
    expect(await storedRetention()).toBe(90)
    expect(await cachedRows()).toBe(10)
    await page.keyboard.press('Enter')
    await expect.poll(storedRetention).toBe(180)
    expect(await confirmDialog(page).count()).toBe(0)
    await sleep(300)
    expect(await cachedRows()).toBe(10)
    expect(errors).toEqual([])
  })

  it('lowering it asks with the number of calls it removes; Cancel keeps everything and the old value', async () => {
    const { page, errors } = await openSettings()
    await typeInto(page, '30')
    // Leaving the field commits it: the confirmation names what would go.
    await page.keyboard.press('Tab')
    const dialog = confirmDialog(page)
    await dialog.waitFor()
    expect(await dialog.textContent()).toContain('Remove 5 cached calls older than 30 days?')
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await dialog.waitFor({ state: 'detached' })
    await expect.poll(() => retentionField(page).inputValue()).toBe('90')
    expect(await storedRetention()).toBe(90)
    await sleep(300)
    expect(await cachedRows()).toBe(10)
    // Escape in the dialog cancels too (its focus starts on Cancel).
    await typeInto(page, '5')
    await page.keyboard.press('Enter')
    await dialog.waitFor()
    expect(await dialog.textContent()).toContain('Remove 8 cached calls older than 5 days?')
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
    await expect.poll(() => retentionField(page).inputValue()).toBe('90')
    expect(await cachedRows()).toBe(10)
    expect(errors).toEqual([])
  })

  it('confirming removes exactly the calls older than the new retention', async () => {
    const { page, errors } = await openSettings()
    await typeInto(page, '30')
    await page.keyboard.press('Enter')
    const dialog = confirmDialog(page)
    await dialog.getByRole('button', { name: 'Remove 5 cached calls' }).click()
    await dialog.waitFor({ state: 'detached' })
    await expect.poll(storedRetention).toBe(30)
    await expect.poll(cachedRows).toBe(5)
    const stats = await core.dispatch('history.stats', { profileId: 'pbx1' }, seat)
    if (!stats.ok) throw new Error(stats.error.message)
    // What is left started within the last 30 days (the 10-day-old and today's calls).
    expect(stats.value.oldestStart).toBeGreaterThan(Date.now() - 30 * 86_400_000)
    expect(await retentionField(page).inputValue()).toBe('30')
    expect(errors).toEqual([])
  })
})
