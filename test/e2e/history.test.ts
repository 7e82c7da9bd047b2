/// <reference lib="dom" />
import { parse } from 'csv-parse/sync'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startBuiltinDemo, type BuiltinDemo } from '../../src-main/core/app/builtin-demo'
import { startWebServer, type WebServer } from '../../src-main/web/web-server'
import { launchChromium, RENDERER_DIR, watchErrors } from '../support/browser'
import { createTestCore } from '../support/test-core'
import { sleep } from '../support/wait'

let browser: Browser
let demo: BuiltinDemo
let core: ReturnType<typeof createTestCore>
let server: WebServer

/** Plays finished calls through the demo PBX so real `Cdr` events reach the cache over AMI. */
async function finishedCalls(): Promise<void> {
  const callers = [
    { num: '+4930111001', name: 'Anna Außen', answer: true },
    { num: '+4930111002', name: '=HYPERLINK("http://x")', answer: false },
    { num: '+4930111003', name: 'Comma, "Quoted" Caller', answer: true },
  ]
  for (const c of callers) {
    const call = demo.pbx.placeCall({ from: { trunk: 'trunk', callerNum: c.num, callerName: c.name }, to: '4930555110' })
    await sleep(150)
    if (c.answer) for (const ch of demo.pbx.engine.ringingChannels()) demo.pbx.answer(ch.uniqueid)
    await sleep(250)
    if (call !== undefined) demo.pbx.hangup(call.uniqueid)
    await sleep(150)
  }
}

beforeAll(async () => {
  demo = await startBuiltinDemo({ rate: 0, seed: 11 })
  core = createTestCore({
    builtinProfile: demo.builtin,
    appInfo: { name: 'Attendant', version: '0.1.0', platform: 'linux', mode: 'web', demo: true, demoProfileId: 'demo' },
  })
  await core.start()
  server = await startWebServer({ core, rendererDir: RENDERER_DIR, port: 0, downloads: core.downloads })
  browser = await launchChromium()
  // Wait for the live connection, then make history.
  for (let i = 0; i < 100 && core.runtimes.statuses()[0]?.ami !== 'connected'; i++) await sleep(100)
  await finishedCalls()
})
afterAll(async () => {
  await browser.close()
  await server.close()
  await core.close()
  await demo.stop()
})

describe('call history in Chromium', () => {
  it('lists the finished calls, searches them, and keeps working with the PBX stopped', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
    const errors = watchErrors(page)
    await page.goto(server.url)
    await page.getByRole('button', { name: 'History', exact: true }).click()
    const grid = page.getByRole('grid', { name: 'Call history' })
    await expect.poll(() => grid.getByRole('row').count(), { timeout: 15_000 }).toBe(4) // header + 3 calls
    expect(await grid.textContent()).toContain('Anna Außen')
    // The formula-looking caller name is shown as text.
    expect(await grid.textContent()).toContain('=HYPERLINK("http://x")')

    await page.getByRole('searchbox', { name: 'Name, number or queue' }).fill('111003')
    await expect.poll(() => grid.getByRole('row').count()).toBe(2)
    expect(await grid.textContent()).toContain('Comma, "Quoted" Caller')
    await page.getByRole('searchbox', { name: 'Name, number or queue' }).fill('')
    await expect.poll(() => grid.getByRole('row').count()).toBe(4)

    await page.getByRole('button', { name: 'Missed today' }).click()
    await expect.poll(() => grid.getByRole('row').count()).toBe(2)
    expect(await grid.textContent()).toContain('HYPERLINK')

    // The PBX goes away: the cache still answers, and says how old it is.
    await demo.pbx.stop()
    await expect.poll(() => core.runtimes.statuses()[0]?.ami, { timeout: 15_000 }).not.toBe('connected')
    await page.getByRole('button', { name: 'Last 7 days' }).click()
    await expect.poll(() => grid.getByRole('row').count()).toBe(4)
    await expect.poll(() => page.getByText(/PBX unreachable — cached as of/).count()).toBe(1)
    expect(errors).toEqual([])
    await page.close()
  })

  it('shows wait and talk apart in the list and the details of a call', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
    const errors = watchErrors(page)
    await page.goto(server.url)
    await page.getByRole('button', { name: 'History', exact: true }).click()
    const grid = page.getByRole('grid', { name: 'Call history' })
    await expect.poll(() => grid.getByRole('row').count(), { timeout: 15_000 }).toBe(4)
    expect(await grid.getByRole('columnheader').allTextContents()).toEqual(['Time', 'Direction', 'From', 'To', 'Result', 'Wait', 'Talk', ''])
    // Anna's call was answered: its row opens the details, which name wait and talk separately.
    const anna = grid.getByRole('row').filter({ hasText: 'Anna Außen' })
    await anna.click()
    const details = page.getByRole('region', { name: 'Call details' })
    await details.waitFor()
    const text = (await details.textContent()) ?? ''
    expect(text).toMatch(/Waited\s*\d+:\d{2}/)
    expect(text).toMatch(/Talked\s*\d+:\d{2}/)
    expect(text).toContain('Billed by the PBX')
    await page.keyboard.press('Escape')
    await expect.poll(() => details.count()).toBe(0)
    // The unanswered call: missed, and no talk.
    const missed = grid.getByRole('row').filter({ hasText: 'HYPERLINK' })
    expect(await missed.getByRole('gridcell').nth(6).textContent()).toBe('0:00')
    expect(errors).toEqual([])
    await page.close()
  })

  it('exports the current filter to CSV with formula injection neutralised', async () => {
    const page = await browser.newPage()
    await page.goto(server.url)
    await page.getByRole('button', { name: 'History', exact: true }).click()
    const downloadPromise = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Export CSV' }).click()
    const download = await downloadPromise
    expect(download.suggestedFilename()).toMatch(/^calls-demo-\d{4}-\d{2}-\d{2}\.csv$/)
    const path = await download.path()
    const { readFileSync } = await import('node:fs')
    const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '')
    const rows = parse<Record<string, string>>(text, { columns: true })
    expect(rows).toHaveLength(3)
    const names = rows.map((r) => r.cnam)
    expect(names).toContain(`'=HYPERLINK("http://x")`)
    expect(names).toContain('Comma, "Quoted" Caller')
    expect(names).toContain('Anna Außen')
    // Wait and talk beside billsec; the unanswered call talked 0 s.
    expect(Object.keys(rows[0] ?? {})).toEqual(expect.arrayContaining(['billsec', 'wait', 'talk']))
    expect(rows.find((r) => r.cnam?.includes('HYPERLINK') === true)?.talk).toBe('0')
    await page.close()
  })
})
