/// <reference lib="dom" />
// Queue reports in real Chromium (web mode, demo PBX, a supervisor seat): a day of queue calls
// brought in as the PBX's queue_log (through the screen's import) and by the live AMI events, read
// per queue and agent with its chart, narrowed to a queue, and exported to CSV. Screenshots light
// and dark go to test-results/reports.
import { mkdirSync, readFileSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { parse } from 'csv-parse/sync'
import { describe, expect, it, onTestFinished } from 'vitest'
import type { DownloadRegistry } from '../../src-main/web/downloads'
import { startWebServer } from '../../src-main/web/web-server'
import { chromiumForFile, RENDERER_DIR } from '../support/browser'
import { consoleForEachTest, openConsole, type ConsoleHarness } from '../support/console-harness'

let browser: Browser
let h: ConsoleHarness
chromiumForFile((b) => (browser = b))
consoleForEachTest((c) => (h = c), { role: 'supervisor' })

const SHOTS = 'test-results/reports'

async function shots(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true })
  for (const theme of ['light', 'dark'] as const) {
    await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme)
    await page.screenshot({ path: `${SHOTS}/${name}-${theme}.png`, fullPage: true })
  }
}

/**
 * A queue_log of today at the PBX so far: 12 support callers and 4 sales callers spread over the
 * last hours (answered after 8–40 s, three support callers giving up), and Eva's lunch pause.
 */
function queueLogOfToday(now: number): string {
  const sec = (ms: number): string => String(Math.floor(ms / 1000))
  // Inside today wherever "now" falls: the last 3 hours, or since midnight (UTC and Berlin alike) when earlier.
  const midnight = Math.max(new Date(now).setUTCHours(0, 0, 0, 0), new Date(now).setHours(0, 0, 0, 0)) + 60_000
  const start = Math.max(midnight, now - 3 * 3_600_000)
  const span = Math.max(60_000, now - 120_000 - start)
  const lines: string[] = []
  const call = (queue: string, n: number, total: number, agent: string, wait: number, outcome: 'answered' | 'abandoned'): void => {
    const at = start + Math.floor((span * n) / total)
    const id = `log-${queue}-${String(n)}`
    lines.push(`${sec(at)}|${id}|${queue}|NONE|ENTERQUEUE||+49301000${String(n)}|1`)
    if (outcome === 'abandoned') {
      lines.push(`${sec(at + wait * 1000)}|${id}|${queue}|NONE|ABANDON|1|1|${String(wait)}`)
      return
    }
    lines.push(`${sec(at + wait * 1000)}|${id}|${queue}|${agent}|CONNECT|${String(wait)}|${id}-agent|3`)
    lines.push(`${sec(at + wait * 1000 + 30_000)}|${id}|${queue}|${agent}|COMPLETECALLER|${String(wait)}|30|1`)
  }
  for (let n = 0; n < 12; n++)
    call('support', n, 12, n % 2 === 0 ? 'Eva Fischer' : 'Farid Gül', 8 + (n % 5) * 8, n % 4 === 3 ? 'abandoned' : 'answered')
  for (let n = 0; n < 4; n++) call('sales', n, 4, 'Farid Gül', 12, 'answered')
  lines.push(`${sec(start)}|NONE|support|Eva Fischer|PAUSE|Lunch`)
  lines.push(`${sec(start + 20 * 60_000)}|NONE|support|Eva Fischer|UNPAUSE|`)
  lines.push(`${sec(start)}|NONE|NONE|NONE|QUEUESTART|`)
  return `${lines.join('\n')}\n`
}

const tableRow = (page: Page, table: string, text: string) => page.getByRole('table', { name: table }).locator('tbody tr').filter({ hasText: text })

describe('queue reports in real Chromium (web mode, demo PBX)', () => {
  it('a day of queue calls: imported queue_log and live events read per queue and agent with the chart, a queue picked, and the CSV downloaded', async () => {
    // Served with the core's one-time downloads (the CSV), like web mode serves them.
    const downloads = (h.core as unknown as { downloads: DownloadRegistry }).downloads
    const server = await startWebServer({ core: h.core, rendererDir: RENDERER_DIR, port: 0, downloads })
    onTestFinished(() => server.close())
    const { page, errors } = await openConsole(browser, { ...h, server })
    // One live call through the demo PBX too: it reaches the store by the AMI events.
    const { pbx } = h.demo
    const live = pbx.placeCall({ from: { trunk: 'trunk', callerNum: '+4930555', callerName: 'Live Caller' }, to: '4930555000' })
    await expect.poll(() => pbx.engine.ringingChannels().length).toBeGreaterThan(0)
    pbx.answer(pbx.engine.ringingChannels()[0]?.uniqueid ?? '')
    await new Promise((r) => setTimeout(r, 1100))
    if (live !== undefined) pbx.hangup(live.uniqueid)

    await page.keyboard.press('Alt+q')
    const view = page.locator('.reports-view')
    await page.getByRole('heading', { name: 'Reports', level: 1 }).waitFor()
    // Import the day's queue_log through the screen (I opens the file picker).
    await page.locator('input[type=file][aria-label="queue_log file"]').setInputFiles({
      name: 'queue_log',
      mimeType: 'text/plain',
      buffer: Buffer.from(queueLogOfToday(Date.now()), 'utf8'),
    })
    await page
      .getByRole('status')
      .filter({ hasText: /queue_log: 47 new events, 0 already kept/ })
      .waitFor()

    // Today (the default): every queue, the live call included.
    await expect.poll(() => tableRow(page, 'Queues', 'support').locator('td').nth(1).textContent(), { timeout: 10_000 }).toBe('13')
    const support = await tableRow(page, 'Queues', 'support').locator('td').allTextContents()
    expect(support.slice(0, 4)).toEqual(['support', '13', '10', '3 (23.1 %)'])
    expect(support[5]).toMatch(/^\d+(\.\d)? % ≤ \d+ s$/)
    expect((await tableRow(page, 'Queues', 'sales').locator('td').allTextContents()).slice(0, 3)).toEqual(['sales', '4', '4'])
    const figures = page.getByRole('group', { name: 'All queues chosen' })
    expect(await figures.textContent()).toContain('17Offered')
    // The chart: bars at their hours, both axes, the range in its caption.
    const chart = page.locator('figure.report-chart')
    expect(await chart.getAttribute('aria-label')).toMatch(/^Calls per hour, .+: 17 offered, 14 answered, 3 abandoned$/)
    expect(await chart.locator('rect.bar-answered').count()).toBeGreaterThan(0)
    expect(await chart.locator('.axis text').count()).toBeGreaterThan(4)
    expect(await chart.locator('figcaption').textContent()).toMatch(/per hour · .+ – .+/)
    // Agents: Eva's lunch, answered calls, talk.
    const eva = await tableRow(page, 'Agents', 'Eva Fischer').locator('td').allTextContents()
    expect(eva[2]).toBe('6')
    expect(eva[8]).toBe('Lunch 20:00')
    // The abandons by how long they waited: 16 s and 24 s, then 32 s.
    expect(await page.locator('.abandon-bars').textContent()).toMatch(/10–30 s2.*30–60 s1/)
    await shots(page, 'reports-today')
    await page.getByRole('table', { name: 'Agents' }).scrollIntoViewIfNeeded()
    await shots(page, 'reports-today-agents')

    // One queue picked: only its row, its figures.
    await view.getByRole('combobox', { name: 'Queue', exact: true }).selectOption('sales')
    await expect.poll(() => page.getByRole('table', { name: 'Queues' }).locator('tbody tr').count()).toBe(1)
    expect(await figures.textContent()).toContain('4Offered')

    // Yesterday (Y): nothing then.
    await view.focus()
    await page.keyboard.press('y')
    await expect.poll(() => tableRow(page, 'Queues', 'sales').locator('td').nth(1).textContent()).toBe('0')
    expect(await figures.textContent()).toContain('0Offered')

    // Back to today, every queue; X exports the CSV.
    await page.keyboard.press('t')
    await view.getByRole('combobox', { name: 'Queue', exact: true }).selectOption('')
    await expect.poll(() => tableRow(page, 'Queues', 'support').locator('td').nth(1).textContent()).toBe('13')
    await view.focus()
    const downloading = page.waitForEvent('download')
    await page.keyboard.press('x')
    const download = await downloading
    expect(download.suggestedFilename()).toMatch(/^queue-report-demo-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/)
    const text = readFileSync(await download.path(), 'utf8')
    expect(text.startsWith('\uFEFF')).toBe(true)
    const rows = parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { columns: true })
    expect(rows.find((r) => r.section === 'queue' && r.name === 'support')).toMatchObject({ offered: '13', answered: '10', abandoned: '3' })
    expect(rows.find((r) => r.section === 'queue' && r.name === 'All queues')).toMatchObject({ offered: '17', answered: '14' })
    expect(rows.find((r) => r.section === 'agent' && r.name === 'Eva Fischer')).toMatchObject({
      answered: '6',
      paused_s: '1200',
      pause_by_reason: 'Lunch: 1200',
    })
    expect(rows.filter((r) => r.section === 'hour').reduce((a, r) => a + Number(r.offered), 0)).toBe(17)
    expect(errors).toEqual([])
  })
})
