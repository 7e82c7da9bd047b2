/// <reference lib="dom" />
// Listen, whisper, barge and recording in real Chromium (web mode, demo PBX): a supervisor of
// extension 104 listens to a call answered there from their own phone (100) and switches to
// whisper and barge with the keys; a second window of the seat sees "being listened to by …" on
// the row and the card; the audit in Admin names each step and the session from start to end.
// Recording starts, mutes and stops with its mark on the row and the card. A receptionist's
// window has no supervision keys: pressing them rings no phone.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { chromiumForFile } from '../support/browser'
import { consoleForEachTest, openConsole, ringingAt, type ConsoleHarness } from '../support/console-harness'
import { eventually, sleep } from '../support/wait'

const SHOTS = process.env.ATTENDANT_SHOTS ?? join(import.meta.dirname, '../../test-results/supervision')

let browser: Browser
chromiumForFile((b) => (browser = b))

const rows = (page: Page): Locator => page.getByRole('grid', { name: 'Live calls' }).locator('[role=row][data-call-id]')
const rowWith = (page: Page, text: string): Locator => rows(page).filter({ hasText: text })
const card = (page: Page): Locator => page.locator('section[aria-label="Call card"]')
const toast = (page: Page, text: string): Locator => page.locator('.toasts').getByText(text)

/** An outside caller on 104's direct line, answered at 104: the phone's channel. */
async function answeredAt104(h: ConsoleHarness, callerName: string): Promise<{ uniqueid: string; name: string }> {
  if (h.demo.pbx.placeCall({ from: { trunk: 'trunk', callerNum: '+4930123456', callerName }, to: '4930555104' }) === undefined) {
    throw new Error('the demo refused the call')
  }
  const phone = await ringingAt(h.demo, '104')
  expect(h.demo.pbx.answer(phone.uniqueid)).toBe(true)
  return phone
}

/** The seat's own phone (100) rings for the session and is answered: ChanSpy starts. */
async function ownPhoneAnswers(h: ConsoleHarness): Promise<string> {
  const own = await ringingAt(h.demo, '100')
  expect(h.demo.pbx.answer(own.uniqueid)).toBe(true)
  return own.uniqueid
}

async function selectCall(page: Page, callerName: string): Promise<void> {
  const row = rowWith(page, callerName)
  await expect.poll(() => row.locator('.col-state').textContent()).toBe('Talking')
  await row.click()
  expect(await row.getAttribute('aria-selected')).toBe('true')
}

/** The audit log as the Admin view shows it, oldest first: [action, target, result]. */
async function auditSummary(page: Page, prefix: string): Promise<[string, string, string][]> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Admin', exact: true }).click()
  const table = page.getByRole('table', { name: 'Audit log' })
  const empty = page.getByText('Nothing recorded yet.')
  await table.or(empty).waitFor()
  if (await empty.isVisible()) return []
  const headings = await table.locator('thead th').allTextContents()
  const cells = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)))
  const rowsSeen = cells.map((row) => Object.fromEntries(headings.map((name, i) => [name, row[i] ?? ''])))
  return rowsSeen
    .map((r): [string, string, string] => [r.Action ?? '', r.Target ?? '', r.Result ?? ''])
    .filter(([action]) => action.startsWith(prefix))
    .reverse()
}

/** Answers the browser-notification question ("Not now"), whose bar sits over the lamps. */
async function dismissNotificationQuestion(page: Page): Promise<void> {
  const notNow = page.getByRole('button', { name: 'Not now' })
  await notNow.waitFor({ timeout: 3000 }).then(
    () => notNow.click(),
    () => undefined,
  )
}

/** The page in light and dark, for looking at (test-results/supervision, or ATTENDANT_SHOTS). */
async function shoot(h: ConsoleHarness, page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true })
  // The browser-notification question sits over the lamps: answered, as an operator would.
  const notNow = page.getByRole('button', { name: 'Not now' })
  if (await notNow.isVisible()) await notNow.click()
  for (const theme of ['light', 'dark'] as const) {
    await h.core.dispatch('settings.set', { theme }, { clientId: 'shots', transport: 'web' })
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme ?? '')).toBe(theme)
    await page.screenshot({ path: join(SHOTS, `${name}-${theme}.png`) })
  }
}

describe('supervision in real Chromium (web mode, demo PBX): a supervisor of 104', () => {
  let h: ConsoleHarness
  consoleForEachTest((c) => (h = c), {
    role: 'supervisor',
    // MixMonitor needs write=system (the demo's supervisor user has it; the operator user does not).
    amiUser: 'supervisor',
    supervision: { queues: [], extensions: ['104'], spyTone: false, recordingBeep: false },
  })

  it('listen → whisper → barge with L, W, B; a second window sees who listens on the row and the card; E ends it; the audit says each step and the session', async () => {
    const { page, errors } = await openConsole(browser, h)
    const second = await openConsole(browser, h)
    const phone = await answeredAt104(h, 'Ada Lovelace')
    await selectCall(page, 'Ada Lovelace')
    await selectCall(second.page, 'Ada Lovelace')

    await page.keyboard.press('l')
    await toast(page, 'Your phone (100) rings: answer it to start listening').waitFor()
    const spyer = await ownPhoneAnswers(h)
    const spying = h.demo.pbx.engine.findChannel(spyer)
    if (spying === undefined) throw new Error('no listening channel')
    const bar = page.getByRole('region', { name: 'Listening session' })
    await bar.getByText('Your phone is listening to David Eze (104) · call from Ada Lovelace').waitFor()

    // The listening phone's own leg is in the list too, marked for what it is.
    await expect.poll(() => rowWith(page, 'Supervisor').getByTestId('listening-badge').textContent()).toBe('Listening in')

    // The other window of a supervisor's seat: on the row in a few letters, on the card in words.
    const secondRow = rowWith(second.page, 'Ada Lovelace')
    await expect.poll(() => secondRow.getByTestId('spy-badge').textContent()).toBe('Listened by 100')
    expect(await secondRow.getByTestId('spy-badge').getAttribute('title')).toBe('Being listened to by Supervisor 100 (listen)')
    await expect
      .poll(() => card(second.page).getByTestId('card-spy').textContent())
      .toMatch(/^Being listened to by Supervisor 100 \(listen\) since \d\d:\d\d$/)

    await page.keyboard.press('w')
    await bar.getByText('Your phone is whispering to David Eze (104) · call from Ada Lovelace').waitFor()
    expect(h.demo.pbx.engine.pbx.spy.modeOf(spying)).toBe('whisper')
    await expect.poll(() => card(second.page).getByTestId('card-spy').textContent()).toContain('(whisper)')
    await shoot(h, page, 'calls-session')

    // The bar's own buttons do the same as the keys.
    await bar.getByRole('button', { name: 'Barge' }).click()
    await bar.getByText('Your phone is barging in on David Eze (104) · call from Ada Lovelace').waitFor()
    expect(h.demo.pbx.engine.pbx.spy.modeOf(spying)).toBe('barge')
    expect(await bar.getByRole('button', { name: 'Barge' }).getAttribute('aria-pressed')).toBe('true')
    await expect.poll(() => card(second.page).getByTestId('card-spy').textContent()).toContain('(barge)')

    await page.keyboard.press('e')
    await bar.waitFor({ state: 'detached' })
    await expect.poll(() => secondRow.getByTestId('spy-badge').count()).toBe(0)
    // The call itself goes on.
    expect(h.demo.pbx.engine.findChannel(phone.uniqueid)).toBeDefined()

    const lines = await eventually('the session’s end line in the audit', async () => {
      const found = await auditSummary(page, 'call.spy')
      return found.some(([action]) => action === 'call.spy.ended') ? found : undefined
    })
    const call = 'Ada Lovelace <+4930123456> → David Eze <104>'
    expect(lines.slice(0, 3)).toEqual([
      ['call.spy', `${call} · listen`, 'OK'],
      ['call.spy.mode', `${call} · listen → whisper`, 'OK'],
      ['call.spy.mode', `${call} · whisper → barge`, 'OK'],
    ])
    // The stop's own line and the session's end may be written in either order.
    expect(lines.slice(3).map(([action, , result]) => [action, result])).toEqual(
      expect.arrayContaining([
        ['call.spy.stop', 'OK'],
        ['call.spy.ended', 'OK'],
      ]),
    )
    const ended = lines.find(([action]) => action === 'call.spy.ended')?.[1] ?? ''
    expect(ended).toMatch(
      /^Supervisor 100 listened to Ada Lovelace <\+4930123456> → David Eze <104> · listen → whisper → barge · \d\d:\d\d:\d\d–\d\d:\d\d:\d\d UTC/,
    )
    expect(errors).toEqual([])
    expect(second.errors).toEqual([])
  })

  it('the menu of a talking lamp listens to that phone’s party: 104’s channel, from the seat’s own phone', async () => {
    const { page, errors } = await openConsole(browser, h)
    await dismissNotificationQuestion(page)
    const phone = await answeredAt104(h, 'Margaret Hamilton')
    const lamp = page.locator('.blf-tile[data-extension="104"]')
    await expect.poll(() => lamp.getAttribute('class')).toContain('blf-INUSE')
    await lamp.click({ button: 'right' })
    const menu = page.getByRole('menu', { name: 'Extension 104' })
    await menu.getByRole('menuitem', { name: 'Listen to 104’s call from your phone' }).click()
    await toast(page, 'Your phone (100) rings: answer it to start listening to David Eze').waitFor()
    const spyer = await ownPhoneAnswers(h)
    const spying = h.demo.pbx.engine.findChannel(spyer)
    if (spying === undefined) throw new Error('no listening channel')
    expect(h.demo.pbx.engine.pbx.spy.modeOf(spying)).toBe('listen')
    await page.getByRole('region', { name: 'Listening session' }).getByText('Your phone is listening to David Eze (104)').waitFor()
    // While the phone listens, the lamps no longer offer another session.
    await lamp.click({ button: 'right' })
    expect(await menu.getByRole('menuitem', { name: /^Listen to/ }).count()).toBe(0)
    await page.keyboard.press('Escape')
    const lines = await eventually('the listening in the audit', async () => {
      const found = await auditSummary(page, 'call.spy')
      return found.length > 0 ? found : undefined
    })
    expect(lines.slice(0, 1)).toEqual([
      ['call.spy', 'Margaret Hamilton <+4930123456> → David Eze <104> (listening to David Eze <104>) · listen', 'OK'],
    ])
    expect(h.demo.pbx.engine.findChannel(phone.uniqueid)).toBeDefined()
    expect(errors).toEqual([])
  })

  it('R starts recording with ● REC on the row and the card, M mutes and unmutes it, R stops it', async () => {
    const { page, errors } = await openConsole(browser, h)
    await answeredAt104(h, 'Grace Hopper')
    await selectCall(page, 'Grace Hopper')
    const row = rowWith(page, 'Grace Hopper')

    await page.keyboard.press('r')
    await toast(page, 'Recording: attendant-').waitFor()
    await expect.poll(() => row.getByTestId('rec-badge').textContent()).toBe('● REC')
    await expect.poll(() => card(page).getByTestId('card-rec').textContent()).toMatch(/^● RECRecorded since \d\d:\d\d$/)
    expect(await card(page).locator('.sv-file').textContent()).toMatch(/^attendant-\d{8}-\d{6}-.+-4930123456-104\.wav$/)
    await shoot(h, page, 'calls-recording')

    await page.keyboard.press('m')
    await expect.poll(() => row.getByTestId('rec-badge').textContent()).toBe('REC muted')
    await expect.poll(() => card(page).getByTestId('card-rec').textContent()).toContain('Recording muted: nothing is recorded until it is unmuted')
    await page.keyboard.press('m')
    await expect.poll(() => row.getByTestId('rec-badge').textContent()).toBe('● REC')

    await page.keyboard.press('r')
    await toast(page, 'Recording stopped').waitFor()
    await expect.poll(() => row.getByTestId('rec-badge').count()).toBe(0)
    expect(await card(page).getByTestId('card-rec').count()).toBe(0)

    expect((await auditSummary(page, 'call.record')).map(([action, , result]) => [action, result])).toEqual([
      ['call.record.start', 'OK'],
      ['call.record.mute', 'OK'],
      ['call.record.unmute', 'OK'],
      ['call.record.stop', 'OK'],
    ])
    expect(errors).toEqual([])
  })
})

describe('supervision in real Chromium: a receptionist', () => {
  let h: ConsoleHarness
  consoleForEachTest((c) => (h = c))

  it('has no supervision keys: none in the help, no listening on a lamp’s menu, and L or R on a selected call ring no phone and record nothing', async () => {
    const { page, errors } = await openConsole(browser, h)
    await answeredAt104(h, 'Alan Turing')
    await selectCall(page, 'Alan Turing')
    await page.keyboard.press('?')
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
    await help.waitFor()
    expect(await help.getByRole('table', { name: 'Supervision keys' }).count()).toBe(0)
    expect(await help.getByRole('table', { name: 'Directed pickup keys' }).count()).toBe(1)
    await page.keyboard.press('Escape')
    await help.waitFor({ state: 'detached' })

    await dismissNotificationQuestion(page)
    const lamp = page.locator('.blf-tile[data-extension="104"]')
    await lamp.click({ button: 'right' })
    const menu = page.getByRole('menu', { name: 'Extension 104' })
    await menu.waitFor()
    expect(await menu.getByRole('menuitem', { name: /^Listen to/ }).count()).toBe(0)
    await page.keyboard.press('Escape')
    await menu.waitFor({ state: 'detached' })
    await rowWith(page, 'Alan Turing').click()
    await page.keyboard.press('l')
    await page.keyboard.press('r')
    await sleep(500)
    expect(h.demo.pbx.engine.ringingChannels().filter((c) => c.name.startsWith('PJSIP/100-'))).toEqual([])
    expect(h.demo.pbx.channels().filter((c) => c.name.startsWith('PJSIP/100-'))).toEqual([])
    expect(await rowWith(page, 'Alan Turing').getByTestId('rec-badge').count()).toBe(0)
    expect(await auditSummary(page, 'call.')).toEqual([])
    // Not a view still loading: main's log has nothing of it either (no key reached main).
    const log = await h.core.dispatch('audit.read', { limit: 50 }, { clientId: 'check', transport: 'web' })
    expect(log.ok && log.value.filter((e) => e.action.startsWith('call.'))).toEqual([])
    expect(errors).toEqual([])
  })
})
