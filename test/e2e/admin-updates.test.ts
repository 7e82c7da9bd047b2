/// <reference lib="dom" />
/**
 * Admin → Updates in Chromium (issue 20 item 4): the state in words, the update address checked as
 * it is typed (https, no user name or password), saved with the admin passphrase, the state
 * following the updater (downloaded: restart to install), Check now; in web mode, that updates are
 * the desktop app's. The console here is a desktop core (its updater faked) served to the page.
 */
import { EventEmitter } from 'node:events'
import { mkdirSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { UpdateCheck, type Updater } from '../../src-main/electron/updater'
import { startWebServer } from '../../src-main/web/web-server'
import { chromiumForFile, RENDERER_DIR, watchErrors } from '../support/browser'
import { createTestCore, testAppInfo } from '../support/test-core'

const ADMIN = 'correct horse battery staple'
const FEED = 'https://updates.example.com/attendant/'
const SHOTS = process.env.ATTENDANT_SHOTS_DIR
let browser: Browser
chromiumForFile((b) => (browser = b))
const stops: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop()
})

class FakeUpdater extends EventEmitter {
  autoDownload = false
  autoInstallOnAppQuit = false
  allowDowngrade = true
  allowPrerelease = true
  forceDevUpdateConfig = true
  feeds: unknown[] = []
  checks = 0
  setFeedURL(options: unknown): void {
    this.feeds.push(options)
  }
  checkForUpdates(): Promise<null> {
    this.checks++
    return Promise.resolve(null)
  }
}

async function adminPage(desktop: boolean): Promise<{ page: Page; errors: string[]; updater: FakeUpdater }> {
  const updater = new FakeUpdater()
  const updates = new UpdateCheck({
    updater: updater as unknown as Updater,
    platform: 'darwin',
    isPackaged: true,
    resourcesPath: '/Applications/Attendant.app/Contents/Resources',
    log: () => undefined,
    timers: { every: () => () => undefined },
  })
  const core = createTestCore({ appInfo: { ...testAppInfo, demo: false }, ...(desktop ? { updates } : {}) })
  await core.start()
  expect(await core.dispatch('admin.setPassphrase', { next: ADMIN }, { clientId: 'ipc-1', transport: 'ipc' })).toMatchObject({ ok: true })
  const server = await startWebServer({ core, rendererDir: RENDERER_DIR, port: 0 })
  stops.push(
    () => core.close(),
    () => server.close(),
  )
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
  page.setDefaultTimeout(10_000)
  const errors = watchErrors(page)
  await page.goto(server.url)
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Admin', exact: true }).click()
  return { page, errors, updater }
}

const card = (page: Page) => page.getByRole('region', { name: 'Updates' })

async function shoot(page: Page, name: string): Promise<void> {
  if (SHOTS === undefined) return
  mkdirSync(SHOTS, { recursive: true })
  for (const theme of ['light', 'dark'] as const) {
    await page.evaluate((t) => {
      document.documentElement.dataset.theme = t
    }, theme)
    await card(page).screenshot({ path: `${SHOTS}/${name}-${theme}.png` })
  }
}

describe('Admin → Updates', () => {
  it('checks the address as typed, saves with the passphrase, follows the updater and checks on demand', async () => {
    const { page, errors, updater } = await adminPage(true)
    const updates = card(page)
    await expect.poll(() => updates.getByRole('status').first().textContent()).toContain('Updates are off.')
    await expect.poll(() => updates.getByRole('button', { name: 'Check now' }).isDisabled()).toBe(true)
    const address = updates.getByRole('textbox', { name: 'Update address' })
    await updates.getByRole('checkbox').check()
    await expect.poll(() => updates.textContent()).toContain('Name the update address to turn updates on.')
    await address.fill('http://updates.example.com/attendant/')
    await expect.poll(() => updates.textContent()).toContain('The update address must start with https://.')
    await expect.poll(() => address.getAttribute('aria-invalid')).toBe('true')
    await address.fill('https://it:hunter2@updates.example.com/attendant/')
    await expect.poll(() => updates.textContent()).toContain('must not contain a user name or password')
    await updates.getByLabel('Admin passphrase to save').fill('wrong passphrase here')
    expect(await updates.getByRole('button', { name: 'Save' }).isDisabled()).toBe(true)
    await shoot(page, 'updates-invalid')
    await address.fill(FEED)
    // A wrong passphrase: main refuses in words, nothing is asked.
    await updates.getByRole('button', { name: 'Save' }).click()
    await expect.poll(() => updates.getByRole('alert').textContent()).toMatch(/passphrase/i)
    expect(updater.feeds).toEqual([])
    await page.waitForTimeout(1100) // the throttle's first wait
    await updates.getByLabel('Admin passphrase to save').fill(ADMIN)
    await updates.getByRole('button', { name: 'Save' }).click()
    await expect.poll(() => updates.textContent()).toContain('Saved: updates are on.')
    expect(updater.feeds).toEqual([{ provider: 'generic', url: FEED }])
    updater.emit('update-downloaded', { version: '1.4.0' })
    await expect.poll(() => updates.textContent()).toContain('Version 1.4.0 is downloaded: restart Attendant to install it')
    await shoot(page, 'updates-ready')
    const before = updater.checks
    await updates.getByRole('button', { name: 'Check now' }).click()
    await expect.poll(() => updater.checks).toBe(before + 1)
    updater.emit('error', new Error('net::ERR_NAME_NOT_RESOLVED'))
    await expect.poll(() => updates.textContent()).toContain('The update could not be checked or installed: net::ERR_NAME_NOT_RESOLVED')
    expect(errors).toEqual([])
  })

  it('in web mode says updates are the desktop app’s', async () => {
    const { page, errors } = await adminPage(false)
    await expect.poll(() => card(page).textContent()).toContain('Updates belong to the desktop app.')
    expect(await card(page).getByRole('textbox').count()).toBe(0)
    await shoot(page, 'updates-web')
    expect(errors).toEqual([])
  })
})
