/// <reference lib="dom" />
// Issue 15, items 4 and 6, in real Chromium through web mode against the demo PBX:
//  - who answered: the row and the card follow a blind transfer made with the console's own keys
//    (ringing the next party, then talking with it), with the path the call took;
//  - an outage: the AMI server goes away, the view says since when it is not live, timers stop,
//    buttons and keys are off with the reason in words; everything is live again after the rebuild.
// Screenshots of the calls view live and stale, light and dark (ATTENDANT_SHOTS or test-results/).
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { chromiumForFile } from '../support/browser'
import { channelNames, consoleForEachTest, openConsole, ringingAt, type ConsoleHarness } from '../support/console-harness'

const SHOTS = process.env.ATTENDANT_SHOTS ?? join(import.meta.dirname, '../../test-results/live-outage')

let browser: Browser
let h: ConsoleHarness
chromiumForFile((b) => (browser = b))
// A supervisor's seat: the Queues view has Pause buttons to switch off during the outage.
consoleForEachTest((c) => (h = c), { role: 'supervisor' })

function rowWith(page: Page, text: string): Locator {
  return page.getByRole('grid', { name: 'Live calls' }).locator('[role=row][data-call-id]').filter({ hasText: text })
}

/** A row's cell text by column: With, State, Time, Path. */
async function cells(row: Locator): Promise<{ with: string; state: string; time: string; path: string }> {
  const [withText, state, time, path] = await Promise.all(
    ['.col-callee', '.col-state', '.col-duration', '.col-via'].map((c) => row.locator(c).textContent()),
  )
  return { with: withText ?? '', state: state ?? '', time: time ?? '', path: path ?? '' }
}

/** The call card's facts as term → text. */
async function facts(page: Page): Promise<Record<string, string>> {
  const items = await page.getByRole('region', { name: 'Call card' }).locator('dl.facts > *').allTextContents()
  const out: Record<string, string> = {}
  for (let i = 0; i + 1 < items.length; i += 2) out[items[i] ?? ''] = items[i + 1] ?? ''
  return out
}

/** An outside caller on the reception DID (rings 100, "Reception"), answered there. */
async function answeredAtReception(callerName: string): Promise<{ uniqueid: string; name: string }> {
  const trunk = h.demo.pbx.placeCall({ from: { trunk: 'trunk', callerNum: '+4930777000', callerName }, to: '4930555002' })
  if (trunk === undefined) throw new Error('the demo refused the call')
  const phone = await ringingAt(h.demo, '100')
  expect(h.demo.pbx.answer(phone.uniqueid)).toBe(true)
  return trunk
}

async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true })
  for (const theme of ['light', 'dark'] as const) {
    await h.core.dispatch('settings.set', { theme }, { clientId: 'shots', transport: 'web' })
    await page.locator(`html[data-theme="${theme}"]`).waitFor({ state: 'attached' })
    await page.screenshot({ path: join(SHOTS, `${name}-${theme}.png`) })
  }
}

describe('who answered, in real Chromium', () => {
  it('a blind transfer with T: the row and the card ring 104, then talk with 104; the path says where it came from', async () => {
    const { page, errors } = await openConsole(browser, h)
    await answeredAtReception('Moving Caller')
    const row = rowWith(page, 'Moving Caller')
    await expect.poll(async () => (await cells(row)).state).toBe('Talking')
    expect(await cells(row)).toMatchObject({ with: 'Reception100', path: '4930555002' })
    await row.click()
    await expect.poll(() => facts(page)).toMatchObject({ 'Talking with': '100 Reception', Path: '4930555002 → 100 Reception' })

    await page.keyboard.press('t')
    const prompt = page.getByRole('dialog', { name: 'Transfer to' })
    await prompt.getByRole('combobox', { name: 'Destination' }).fill('104')
    await page.keyboard.press('Enter')
    await page.getByRole('status').filter({ hasText: 'Transferred to David Eze (104)' }).waitFor()
    const at104 = await ringingAt(h.demo, '104')
    // Ringing 104 now: not "Talking" beside "Ringing", and the old destination is history.
    await expect.poll(async () => (await cells(row)).state).toBe('Ringing')
    expect(await cells(row)).toMatchObject({ with: 'Ringing 104 David Eze', path: '4930555002 → 100 Reception' })
    const ringing = await facts(page)
    expect(ringing).toMatchObject({ Ringing: '104 David Eze', 'Ringing for': expect.stringMatching(/^0:0\d$/) as unknown })
    expect(Object.keys(ringing)).not.toContain('Talking')
    expect(Object.keys(ringing)).not.toContain('Talking with')

    expect(h.demo.pbx.answer(at104.uniqueid)).toBe(true)
    await expect.poll(async () => (await cells(row)).state).toBe('Talking')
    expect(await cells(row)).toMatchObject({ with: 'David Eze104', path: '4930555002 → 100 Reception' })
    await expect.poll(() => facts(page)).toMatchObject({ 'Talking with': '104 David Eze', Path: '4930555002 → 100 Reception → 104 David Eze' })
    expect(errors).toEqual([])
  })
})

describe('during an outage the console does not look live', () => {
  it('AMI gone: stale everywhere, timers stop, buttons and keys off with the reason; live again after the rebuild', async () => {
    const { page, errors } = await openConsole(browser, h)
    const trunk = await answeredAtReception('Outage Caller')
    h.demo.pbx.placeCall({ from: { trunk: 'trunk', callerNum: '+4930777001', callerName: 'Queued Caller' }, to: '4930555001' })
    const row = rowWith(page, 'Outage Caller')
    await expect.poll(async () => (await cells(row)).state).toBe('Talking')
    await row.click()
    const card = page.getByRole('region', { name: 'Call card' })
    const hangup = card.getByRole('button', { name: /Hang up/ })
    expect(await hangup.getAttribute('aria-disabled')).toBeNull()
    await shoot(page, 'calls-live')

    // The PBX's AMI goes away (the TCP socket closes; reconnects are refused while it is down).
    await h.demo.pbx.stopAmi()
    const status = page.locator('.calls-toolbar [role=status]')
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toMatch(/^Not live — as of \d\d:\d\d:\d\d, PBX unreachable/)
    const stamp = /as of (\d\d:\d\d:\d\d)/.exec((await status.textContent()) ?? '')?.[1]
    expect(stamp).toBeDefined()
    // Marked on every part that shows live data: the list, the card, the lamps, parked calls.
    expect(await page.locator('.calls-table.stale').getAttribute('data-stale')).toContain(`as of ${String(stamp)}`)
    for (const part of ['Call card', 'Extensions', 'Parked calls']) {
      expect(await page.getByRole('region', { name: part }).getByRole('note').textContent(), part).toContain(`As of ${String(stamp)}`)
    }

    // Timers stop at that moment.
    const frozen = (await cells(row)).time
    const talking = (await facts(page)).Talking
    await page.waitForTimeout(2200)
    expect((await cells(row)).time).toBe(frozen)
    expect((await facts(page)).Talking).toBe(talking)

    // Buttons are off with the reason as their tooltip; a key says it in a toast and sends nothing.
    expect(await hangup.getAttribute('aria-disabled')).toBe('true')
    expect(await hangup.getAttribute('title')).toMatch(/^Actions are off: PBX unreachable/)
    expect(await page.locator('button[data-extension="105"]').getAttribute('aria-disabled')).toBe('true')
    expect(await page.getByRole('button', { name: 'Call', exact: true }).getAttribute('aria-disabled')).toBe('true')
    await page.keyboard.press('h')
    await page
      .getByRole('status')
      .filter({ hasText: /^Actions are off: PBX unreachable/ })
      .waitFor()
    // Pressed anyway (it stays focusable and says why): still nothing is sent.
    await hangup.click({ force: true })
    await page.keyboard.press('t')
    expect(await page.getByRole('dialog', { name: 'Transfer to' }).count()).toBe(0)
    expect(channelNames(h.demo)).toContain(trunk.name)
    expect(
      await page
        .getByRole('status')
        .filter({ hasText: /circuit_open|paused after repeated failures/ })
        .count(),
    ).toBe(0)
    await shoot(page, 'calls-stale')

    // The Queues view: stale too, its member and Add buttons off with the reason.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Queues', exact: true }).click()
    const support = page.getByRole('region', { name: 'Queue support' })
    expect(await support.getByRole('note').textContent()).toContain(`As of ${String(stamp)}`)
    const manage = support.getByRole('button', { name: /^(Manage|Pause…|Unpause…) .+ in support$/ }).first()
    expect(await manage.textContent()).toMatch(/^(Pause|Unpause)…$/)
    expect(await manage.getAttribute('aria-disabled')).toBe('true')
    expect(await manage.getAttribute('title')).toMatch(/PBX|connection|as of/i)
    expect(await support.getByRole('button', { name: 'Add member…' }).getAttribute('aria-disabled')).toBe('true')
    // Pressed anyway, it says why and opens nothing.
    await manage.click({ force: true })
    expect(await page.getByRole('dialog').count()).toBe(0)
    await shoot(page, 'queues-stale')
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Calls', exact: true }).click()

    // The PBX comes back: after the rebuild everything is live, timers move, actions work.
    await h.demo.pbx.startAmi()
    await page.locator('.live-status.live-live').waitFor({ timeout: 40_000 })
    expect(await page.getByRole('note').count()).toBe(0)
    expect(await page.locator('.calls-table.stale').count()).toBe(0)
    await row.click()
    expect(await hangup.getAttribute('aria-disabled')).toBeNull()
    const resumed = (await cells(row)).time
    await expect.poll(async () => (await cells(row)).time, { timeout: 4000 }).not.toBe(resumed)
    await page.keyboard.press('h')
    await row.waitFor({ state: 'detached' })
    expect(channelNames(h.demo)).not.toContain(trunk.name)
    expect(errors).toEqual([])
  })
})
