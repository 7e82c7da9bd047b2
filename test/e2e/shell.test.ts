/// <reference lib="dom" />
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AppCore } from '../../src-main/core/app/app-core'
import { createTestCore } from '../support/test-core'
import { startWebServer, type WebServer } from '../../src-main/web/web-server'
import { launchChromium, RENDERER_DIR, watchErrors } from '../support/browser'

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

describe('the shell in real Chromium (web mode)', () => {
  it('loads with the CSP header, no console errors and no Node reachable from the page', async () => {
    const page = await browser.newPage()
    const errors = watchErrors(page)
    const response = await page.goto(server.url)
    expect(response?.status()).toBe(200)
    const csp = response?.headers()['content-security-policy'] ?? ''
    expect(csp).toContain("script-src 'self'")
    expect(csp).not.toMatch(/unsafe/)
    await expect.poll(() => page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(true)
    for (const name of ['Calls', 'Queues', 'History', 'Admin', 'Settings']) {
      expect(await page.getByRole('button', { name, exact: true }).count()).toBe(1)
    }
    // The token left the address bar once read.
    expect(page.url()).not.toContain('token=')
    const exposed = await page.evaluate(() => [typeof (window as any).require, typeof (window as any).process, typeof (window as any).ipcRenderer])
    expect(exposed).toEqual(['undefined', 'undefined', 'undefined'])
    expect(errors).toEqual([])
    await page.close()
  })

  it('changing the theme applies at once and survives a reload', async () => {
    const page = await browser.newPage()
    const errors = watchErrors(page)
    await page.goto(server.url)
    await page.getByRole('button', { name: 'Settings' }).click()
    await page.getByRole('radio', { name: 'Dark' }).check()
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark')
    await page.reload()
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark')
    await page.getByRole('button', { name: 'Settings' }).click()
    expect(await page.getByRole('radio', { name: 'Dark' }).isChecked()).toBe(true)
    await page.getByRole('radio', { name: 'Light' }).check()
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('light')
    expect(errors).toEqual([])
    await page.close()
  })

  it('lets a number setting be typed through values out of range, and reverts an invalid one when left', async () => {
    const page = await browser.newPage()
    const errors = watchErrors(page)
    await page.goto(server.url)
    await page.getByRole('button', { name: 'Settings' }).click()
    const field = page.getByRole('spinbutton', { name: 'Flag calls on hold or parked after (seconds)' })
    await field.fill('')
    await field.pressSequentially('1')
    // "1" is below the minimum: kept on screen, marked, explained, not sent.
    expect(await field.inputValue()).toBe('1')
    expect(await field.getAttribute('aria-invalid')).toBe('true')
    expect(await page.getByRole('status').filter({ hasText: '10–3600' }).count()).toBe(1)
    await field.pressSequentially('20')
    const stored = async (): Promise<unknown> => {
      const r = await core.dispatch('settings.get', undefined, { clientId: 'e2e', transport: 'web' })
      return r.ok ? (r.value as { holdAlertSeconds: number }).holdAlertSeconds : r
    }
    await expect.poll(stored).toBe(120)
    expect(await field.getAttribute('aria-invalid')).toBe('false')
    // An invalid draft goes back to the stored value when the field is left.
    await field.fill('5')
    await page.getByRole('heading', { name: 'Settings' }).click()
    expect(await field.inputValue()).toBe('120')
    expect(errors).toEqual([])
    await page.close()
  })

  it('pushes a settings change to every open window', async () => {
    const a = await browser.newPage()
    const b = await browser.newPage()
    await a.goto(server.url)
    await b.goto(server.url)
    await expect.poll(() => b.evaluate(() => document.documentElement.dataset.theme)).toBe('light')
    await a.getByRole('button', { name: 'Settings' }).click()
    await a.getByRole('radio', { name: 'Dark' }).check()
    await expect.poll(() => b.evaluate(() => document.documentElement.dataset.theme)).toBe('dark')
    await a.close()
    await b.close()
  })

  it('refuses to run without the token', async () => {
    const page = await browser.newPage()
    await page.goto(server.origin + '/')
    // The page says what is missing and how to get the link, instead of reconnecting for ever.
    await expect.poll(() => page.textContent('body')).toContain('This page needs the console’s link')
    expect(await page.textContent('body')).toContain('Admin → Web link')
    await page.close()
  })
})
