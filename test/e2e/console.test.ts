/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core'
import { describe, expect, it, vi } from 'vitest'
import { chromiumForFile } from '../support/browser'
import { channelNames, consoleForEachTest, openConsole, ringingAt, type ConsoleHarness } from '../support/console-harness'
import { eventually, sleep } from '../support/wait'

let browser: Browser
let h: ConsoleHarness
chromiumForFile((b) => (browser = b))
consoleForEachTest((c) => (h = c))

/** An outside caller on the reception DID (rings extension 100); returns the trunk channel. */
function inbound(callerName: string, callerNum = '+4930123456'): { uniqueid: string; name: string } {
  const ch = h.demo.pbx.placeCall({ from: { trunk: 'trunk', callerNum, callerName }, to: '4930555002' })
  if (ch === undefined) throw new Error('the demo refused the call')
  return ch
}

/** An outside caller on the reception DID, answered at the operator's phone (extension 100). */
async function answeredAtReception(
  callerName: string,
): Promise<{ trunk: { uniqueid: string; name: string }; phone: { uniqueid: string; name: string } }> {
  const trunk = inbound(callerName)
  const phone = await ringingAt(h.demo, '100')
  expect(h.demo.pbx.answer(phone.uniqueid)).toBe(true)
  return { trunk, phone }
}

/** The demo channel's bridge partner's name, once the channel sits in a two-party bridge. */
function bridgedWith(uniqueid: string): string | undefined {
  const engine = h.demo.pbx.engine
  const ch = engine.findChannel(uniqueid)
  const bridge = ch?.bridgeId === undefined ? undefined : engine.bridges.get(ch.bridgeId)
  return bridge?.channels.find((c) => c !== ch)?.name
}

/** The audit log as the Admin view shows it, newest first: each row's cells by column heading (Time … Reason). */
async function auditRows(page: Page): Promise<Record<string, string>[]> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Admin', exact: true }).click()
  const table = page.getByRole('table', { name: 'Audit log' })
  await table.waitFor()
  const headings = await table.locator('thead th').allTextContents()
  const cells = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)))
  return cells.map((row) => Object.fromEntries(headings.map((h, i) => [h, row[i] ?? ''])))
}

/** [action, result, reason] of the audit rows, oldest first. */
async function auditSummary(page: Page): Promise<[string, string, string][]> {
  const rowsNow = await auditRows(page)
  return rowsNow.map((r): [string, string, string] => [r.Action ?? '', r.Result ?? '', r.Reason ?? '']).reverse()
}

/**
 * The console with thirty ringing callers, Caller 10 … Caller 39, sorted by caller: more rows
 * than the list shows at once.
 */
async function thirtyCallersByName() {
  const opened = await openConsole(browser, h)
  for (let i = 10; i < 40; i++) inbound(`Caller ${String(i)}`, `+493010000${String(i)}`)
  const grid = opened.page.getByRole('grid', { name: 'Live calls' })
  await expect.poll(() => grid.getAttribute('aria-rowcount')).toBe('31')
  await grid.getByRole('button', { name: 'Caller' }).click()
  return { ...opened, grid, body: opened.page.locator('.calls-body') }
}

const rows = (page: Page) => page.getByRole('grid', { name: 'Live calls' }).locator('[role=row][data-call-id]')
const rowWith = (page: Page, text: string) => rows(page).filter({ hasText: text })

describe('the receptionist console in real Chromium (web mode, demo PBX)', () => {
  it('shows a call when it arrives and removes it when it ends', async () => {
    const { page, errors } = await openConsole(browser, h)
    const ch = inbound('Ada Lovelace')
    await rowWith(page, 'Ada Lovelace').waitFor()
    expect(await rowWith(page, 'Ada Lovelace').textContent()).toContain('Ringing')
    expect(h.demo.pbx.hangup(ch.uniqueid)).toBe(true)
    await rowWith(page, 'Ada Lovelace').waitFor({ state: 'detached' })
    expect(await rows(page).count()).toBe(0)
    expect(errors).toEqual([])
  })

  it('hangs up the selected call with the Hang up button', async () => {
    const { page, errors } = await openConsole(browser, h)
    const ch = inbound('Button Caller')
    await rowWith(page, 'Button Caller').click()
    await page
      .getByRole('toolbar', { name: 'Call actions' })
      .getByRole('button', { name: /Hang up/ })
      .click()
    await page.getByRole('status').filter({ hasText: 'Call hung up' }).waitFor()
    await eventually('the trunk channel gone', () => (channelNames(h.demo).includes(ch.name) ? undefined : true))
    await rowWith(page, 'Button Caller').waitFor({ state: 'detached' })
    expect((await auditSummary(page)).map((r) => r.slice(0, 2))).toEqual([['call.hangup', 'OK']])
    expect(errors).toEqual([])
  })

  it('hangs up the selected call with the H key', async () => {
    const { page, errors } = await openConsole(browser, h)
    const keep = inbound('Stays Here', '+4930111111')
    const ch = inbound('Key Caller', '+4930222222')
    await rowWith(page, 'Stays Here').waitFor()
    await rowWith(page, 'Key Caller').click()
    expect(await rowWith(page, 'Key Caller').getAttribute('aria-selected')).toBe('true')
    await page.keyboard.press('h')
    await eventually('the trunk channel gone', () => (channelNames(h.demo).includes(ch.name) ? undefined : true))
    await rowWith(page, 'Key Caller').waitFor({ state: 'detached' })
    // Only the selected call ended.
    expect(channelNames(h.demo)).toContain(keep.name)
    expect(await rowWith(page, 'Stays Here').count()).toBe(1)
    expect(errors).toEqual([])
  })

  it('with nothing selected the action keys hit no call: the longest-ringing call is only suggested, Enter selects it, then H hangs up exactly that one', async () => {
    const { page, errors } = await openConsole(browser, h)
    const first = inbound('First Ringing', '+4930333001')
    await rowWith(page, 'First Ringing').waitFor()
    const second = inbound('Second Ringing', '+4930333002')
    await rowWith(page, 'Second Ringing').waitFor()
    // The longest-ringing call is marked as a suggestion, not highlighted as the selection.
    await expect.poll(() => rowWith(page, 'First Ringing').getAttribute('data-suggested')).toBe('true')
    expect(await rows(page).locator('[aria-selected=true]').count()).toBe(0)
    expect(await rowWith(page, 'First Ringing').getAttribute('class')).not.toContain('selected')
    const card = page.getByRole('region', { name: 'Call card' })
    expect(await card.getByTestId('call-card-suggestion').textContent()).toContain('ringing longest')
    expect(await card.getByRole('toolbar', { name: 'Call actions' }).count()).toBe(0)
    // H, P, T, A and V do nothing to any call: no prompt, no hang-up, the PBX still has both.
    for (const key of ['h', 'p', 't', 'a', 'v']) await page.keyboard.press(key)
    await page.locator('.toasts').getByText('No call is selected').waitFor()
    expect(await page.getByRole('dialog').count()).toBe(0)
    await sleep(500)
    expect(channelNames(h.demo)).toEqual(expect.arrayContaining([first.name, second.name]))
    expect(await rows(page).count()).toBe(2)
    // Enter selects the suggestion; H then hangs up exactly that call.
    await page.keyboard.press('Enter')
    await expect.poll(() => rowWith(page, 'First Ringing').getAttribute('aria-selected')).toBe('true')
    await card.getByRole('toolbar', { name: 'Call actions' }).waitFor()
    await page.keyboard.press('h')
    await eventually('the first caller gone', () => (channelNames(h.demo).includes(first.name) ? undefined : true))
    await rowWith(page, 'First Ringing').waitFor({ state: 'detached' })
    expect(channelNames(h.demo)).toContain(second.name)
    // The card says the call ended and nothing is selected; the other caller is only suggested.
    await card.getByText('The call with First Ringing ended. Nothing is selected.').waitFor()
    expect(await rowWith(page, 'Second Ringing').getAttribute('aria-selected')).toBe('false')
    await page.keyboard.press('h')
    await sleep(500)
    expect(channelNames(h.demo)).toContain(second.name)
    expect((await auditSummary(page)).map((r) => r.slice(0, 2))).toEqual([['call.hangup', 'OK']])
    expect(errors).toEqual([])
  })

  it('leaves the selection empty when the selected call ends at the PBX: the card does not jump to another caller', async () => {
    const { page, errors } = await openConsole(browser, h)
    const { trunk } = await answeredAtReception('Ends Soon')
    await expect.poll(() => rowWith(page, 'Ends Soon').textContent()).toContain('Talking')
    const waiting = inbound('Still Ringing', '+4930444001')
    await rowWith(page, 'Still Ringing').waitFor()
    await rowWith(page, 'Ends Soon').click()
    const card = page.getByRole('region', { name: 'Call card' })
    await expect.poll(() => card.getByTestId('call-card-caller').textContent()).toBe('Ends Soon')
    expect(h.demo.pbx.hangup(trunk.uniqueid)).toBe(true)
    await rowWith(page, 'Ends Soon').waitFor({ state: 'detached' })
    await card.getByText('The call with Ends Soon ended. Nothing is selected.').waitFor()
    expect(await rows(page).locator('[aria-selected=true]').count()).toBe(0)
    expect(await card.getByTestId('call-card-caller').count()).toBe(0)
    // The key meant for the ended call does not reach the caller still ringing.
    await page.keyboard.press('h')
    await sleep(500)
    expect(channelNames(h.demo)).toContain(waiting.name)
    expect(await rowWith(page, 'Still Ringing').getAttribute('aria-selected')).toBe('false')
    expect(errors).toEqual([])
  })

  it('shows the ring group and the DID an inbound call came through, on its row and on the call card', async () => {
    const { page, errors } = await openConsole(browser, h)
    // The demo's IAX2 peer DID goes to ring group 600 as a FreePBX inbound route does (Goto ext-group).
    h.demo.pbx.placeCall({ from: { trunk: 'peer', callerNum: '+4969555444', callerName: 'Group Caller' }, to: '4930555100' })
    await expect.poll(() => rowWith(page, 'Group Caller').textContent()).toContain('Ring group 600')
    await rowWith(page, 'Group Caller').click()
    const card = page.getByRole('region', { name: 'Call card' })
    const facts = (): Promise<string[]> => card.locator('dl.facts > *').allTextContents()
    // The path the call took (DID → ring group), once; every phone of the group ringing.
    await expect.poll(facts).toEqual(expect.arrayContaining(['Path', '4930555100 → Ring group 600', 'Trunk', 'peer']) as unknown)
    const all = await facts()
    expect(all[all.indexOf('Ringing') + 1]).toMatch(/^\d{3}( [^,]+)?(, \d{3}( [^,]+)?)+$/)
    expect(all.filter((t) => t.includes('4930555100'))).toHaveLength(1)
    expect(errors).toEqual([])
  })

  it('renders an XSS payload in a caller name as text', async () => {
    const { page, errors } = await openConsole(browser, h)
    const payload = '<img src=x onerror=window.__xss=1>'
    inbound(payload)
    await rowWith(page, payload).waitFor()
    await rowWith(page, payload).click()
    await expect.poll(() => page.getByTestId('call-card-caller').textContent()).toBe(payload)
    expect(await page.locator('img').count()).toBe(0)
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined()
    expect(errors).toEqual([])
  })

  it('transfers a call blind by dragging its row onto an extension tile', async () => {
    const { page, errors } = await openConsole(browser, h)
    const { trunk } = await answeredAtReception('Drag Caller')
    await expect.poll(() => rowWith(page, 'Drag Caller').textContent()).toContain('Talking')
    await rowWith(page, 'Drag Caller').dragTo(page.locator('button[data-extension="105"]'))
    await page.getByRole('status').filter({ hasText: 'Transferred to Eva Fischer (105)' }).waitFor()
    // The caller's channel now dials 105: extension 105 rings with the caller on the line.
    const at105 = await ringingAt(h.demo, '105')
    expect(h.demo.pbx.answer(at105.uniqueid)).toBe(true)
    expect(await eventually('the caller bridged with 105', () => bridgedWith(trunk.uniqueid))).toBe(at105.name)
    expect((await auditSummary(page)).map((r) => r.slice(0, 2))).toEqual([['call.transfer.blind', 'OK']])
    expect(errors).toEqual([])
  })

  it('makes an attended transfer from the operator phone and completes it', async () => {
    const { page, errors } = await openConsole(browser, h)
    const { trunk, phone } = await answeredAtReception('Attended Caller')
    await expect.poll(() => rowWith(page, 'Attended Caller').textContent()).toContain('Talking')
    await rowWith(page, 'Attended Caller').click()
    await page.keyboard.press('a')
    const prompt = page.getByRole('dialog', { name: 'Attended transfer to' })
    await prompt.getByRole('combobox', { name: 'Destination' }).fill('105')
    await page.keyboard.press('Enter')
    await page.getByRole('status').filter({ hasText: 'Consulting Eva Fischer (105)' }).waitFor()
    const consult = await ringingAt(h.demo, '105')
    expect(h.demo.pbx.answer(consult.uniqueid)).toBe(true)
    await page.getByRole('button', { name: /Complete transfer/ }).click()
    await page.getByRole('status').filter({ hasText: 'Transfer completed' }).waitFor()
    // The operator left; the caller talks to 105.
    await eventually('the operator leg gone', () => (channelNames(h.demo).includes(phone.name) ? undefined : true))
    expect(await eventually('the caller bridged with 105', () => bridgedWith(trunk.uniqueid))).toBe(consult.name)
    expect((await auditSummary(page)).map((r) => r.slice(0, 2))).toEqual([
      ['call.transfer.attended', 'OK'],
      ['call.transfer.complete', 'OK'],
    ])
    expect(errors).toEqual([])
  })

  it('parks a call with P and picks it up at the operator phone', async () => {
    const { page, errors } = await openConsole(browser, h)
    const { trunk } = await answeredAtReception('Parked Caller')
    await expect.poll(() => rowWith(page, 'Parked Caller').textContent()).toContain('Talking')
    await rowWith(page, 'Parked Caller').click()
    await page.keyboard.press('p')
    const parked = page.getByRole('region', { name: 'Parked calls' })
    const pickup = parked.getByRole('button', { name: /Pick up parked call in space 7\d\d/ })
    await pickup.waitFor()
    expect(await parked.textContent()).toContain('Parked Caller')
    const space = [...h.demo.pbx.engine.parked.keys()]
    expect(space).toHaveLength(1)
    await pickup.click()
    // The console rings the operator's own phone, which then takes the parked call.
    const at100 = await ringingAt(h.demo, '100')
    expect(h.demo.pbx.answer(at100.uniqueid)).toBe(true)
    expect(await eventually('the caller bridged with 100', () => bridgedWith(trunk.uniqueid))).toBe(at100.name)
    await parked.getByText('Nothing parked.').waitFor()
    expect(h.demo.pbx.engine.parked.size).toBe(0)
    expect((await auditSummary(page)).map((r) => r.slice(0, 2))).toEqual([
      ['call.park', 'OK'],
      ['call.pickup', 'OK'],
    ])
    expect(errors).toEqual([])
  })

  it('picks up the selected parked call with U; a parked call’s card offers Pick up instead of Park', async () => {
    const { page, errors } = await openConsole(browser, h)
    const first = await answeredAtReception('First Parked')
    await expect.poll(() => rowWith(page, 'First Parked').textContent()).toContain('Talking')
    await rowWith(page, 'First Parked').click()
    await page.keyboard.press('p')
    await expect.poll(() => rowWith(page, 'First Parked').textContent()).toContain('Parked')
    const second = await answeredAtReception('Second Parked')
    await expect.poll(() => rowWith(page, 'Second Parked').textContent()).toContain('Talking')
    await rowWith(page, 'Second Parked').click()
    await page.keyboard.press('p')
    await expect.poll(() => rowWith(page, 'Second Parked').textContent()).toContain('Parked')
    // The card of a parked call offers pick-up instead of park.
    const actions = page.getByRole('toolbar', { name: 'Call actions' })
    await actions.getByRole('button', { name: /Pick up/ }).waitFor()
    expect(await actions.getByRole('button', { name: /^Park/ }).count()).toBe(0)
    // U takes the selected parked call (the newer one), not the one parked longest.
    await page.keyboard.press('u')
    const at100 = await ringingAt(h.demo, '100')
    expect(h.demo.pbx.answer(at100.uniqueid)).toBe(true)
    expect(await eventually('the second caller bridged with 100', () => bridgedWith(second.trunk.uniqueid))).toBe(at100.name)
    expect(h.demo.pbx.engine.parked.size).toBe(1)
    expect(bridgedWith(first.trunk.uniqueid)).toBeUndefined()
    expect((await auditSummary(page)).map((r) => r.slice(0, 2))).toEqual([
      ['call.park', 'OK'],
      ['call.park', 'OK'],
      ['call.pickup', 'OK'],
    ])
    expect(errors).toEqual([])
  })

  // Toll numbers as an operator would type them off a business card. With this profile's
  // outside-line prefix 0 (Germany), '0 00 44…' is international through the outside line, and '0900…'
  // (outside line forgotten) reads as premium: either way the toll call must not go out.
  it.each([
    ['+44 20 7946 0000', 'international'],
    ['0 00 44 20 7946 0000', 'international'],
    ['+49 900 1234567', 'premium'],
    ['0900 1234567', 'premium'],
  ])('refuses the toll number %s with the %s rule, says why, and sends no Originate', async (number, rule) => {
    const { page, errors } = await openConsole(browser, h)
    const originate = vi.spyOn(h.demo.pbx.engine.pbx.originates, 'originate')
    const dialBox = page.getByRole('combobox', { name: 'Dial a person, number or extension' })
    await dialBox.fill(number)
    await page.keyboard.press('Enter')
    // Said beside the dial box, the number kept there for correcting.
    const alert = page.locator('.dialbox').getByRole('alert')
    await alert.waitFor()
    expect(await alert.textContent()).toMatch(new RegExp(rule, 'i'))
    expect(await dialBox.inputValue()).toBe(number)
    const [entry] = await auditSummary(page)
    expect(entry?.[0]).toBe('call.originate')
    expect(entry?.[1]).toBe('Refused')
    expect(entry?.[2]).toMatch(new RegExp(`^${rule}`))
    expect(originate).not.toHaveBeenCalled()
    expect(errors).toEqual([])
  })

  it('asks to confirm an emergency number (through the outside line: 112 is an extension of this PBX), and dials it only once confirmed', async () => {
    const { page, errors } = await openConsole(browser, h)
    const originate = vi.spyOn(h.demo.pbx.engine.pbx.originates, 'originate')
    const dialBox = page.getByRole('combobox', { name: 'Dial a person, number or extension' })
    await dialBox.fill('0112')
    await page.keyboard.press('Enter')
    const confirm = page.getByRole('alertdialog', { name: 'Confirm emergency call' })
    await confirm.getByRole('button', { name: 'Cancel' }).click()
    await confirm.waitFor({ state: 'detached' })
    expect(originate).not.toHaveBeenCalled()
    await dialBox.fill('0112')
    await page.keyboard.press('Enter')
    await confirm.getByRole('button', { name: 'Call 0112' }).click()
    await page.getByRole('status').filter({ hasText: 'Calling 0112' }).waitFor()
    expect(originate).toHaveBeenCalledTimes(1)
    expect(originate.mock.calls[0]?.[0]).toMatchObject({ channel: 'PJSIP/100', exten: '0112' })
    // Each unconfirmed attempt is recorded as refused by the emergency rule, then the call itself.
    expect(await auditSummary(page)).toEqual([
      ['call.originate', 'Refused', expect.stringMatching(/^emergency · confirm_required/)],
      ['call.originate', 'Refused', expect.stringMatching(/^emergency · confirm_required/)],
      ['call.originate', 'OK', expect.stringMatching(/^ref /)],
    ])
    expect(errors).toEqual([])
  })

  it('cancels an attended transfer with X: the operator is back with the caller', async () => {
    const { page, errors } = await openConsole(browser, h)
    const { trunk, phone } = await answeredAtReception('Cancel Caller')
    await expect.poll(() => rowWith(page, 'Cancel Caller').textContent()).toContain('Talking')
    await rowWith(page, 'Cancel Caller').click()
    await page.keyboard.press('a')
    await page.getByRole('dialog', { name: 'Attended transfer to' }).getByRole('combobox', { name: 'Destination' }).fill('105')
    await page.keyboard.press('Enter')
    const consult = await ringingAt(h.demo, '105')
    expect(h.demo.pbx.answer(consult.uniqueid)).toBe(true)
    await page.getByRole('button', { name: /Cancel transfer/ }).waitFor()
    await page.keyboard.press('x')
    await page.getByRole('status').filter({ hasText: 'Transfer cancelled' }).waitFor()
    expect(await eventually('the caller back with the operator', () => (bridgedWith(trunk.uniqueid) === phone.name ? true : undefined))).toBe(true)
    await eventually('the consulted leg gone', () => (channelNames(h.demo).includes(consult.name) ? undefined : true))
    expect(errors).toEqual([])
  })

  it('lists every action in the audit view with its PBX, role and result', async () => {
    const { page, errors } = await openConsole(browser, h)
    // Blind transfer by T and the prompt, to voicemail by V, hang-up by H, and a refused dial.
    inbound('Audit One', '+4930100001')
    inbound('Audit Two', '+4930100002')
    inbound('Audit Three', '+4930100003')
    await rowWith(page, 'Audit One').click()
    await page.keyboard.press('t')
    await page.getByRole('dialog', { name: 'Transfer to' }).getByRole('combobox', { name: 'Destination' }).fill('105')
    await page.keyboard.press('Enter')
    await page.getByRole('status').filter({ hasText: 'Transferred to Eva Fischer (105)' }).waitFor()
    await rowWith(page, 'Audit Two').click()
    await page.keyboard.press('v')
    await page.getByRole('dialog', { name: 'Send to voicemail of extension' }).getByRole('combobox', { name: 'Destination' }).fill('104')
    await page.keyboard.press('Enter')
    await page.getByRole('status').filter({ hasText: 'Sent to the voicemail of David Eze (104)' }).waitFor()
    await rowWith(page, 'Audit Three').click()
    await page.keyboard.press('h')
    await page.getByRole('status').filter({ hasText: 'Call hung up' }).waitFor()
    await page.getByRole('combobox', { name: 'Dial a person, number or extension' }).fill('+49 900 1234567')
    await page.keyboard.press('Enter')
    await page.locator('.dialbox').getByRole('alert').waitFor()

    const all = await auditRows(page)
    expect(all).toHaveLength(4)
    for (const row of all) {
      expect(row.PBX).toBe('demo')
      expect(row.Role).toBe('receptionist')
    }
    const summary = (await auditSummary(page)).map(([action, result]) => [action, result])
    expect(summary).toEqual([
      ['call.transfer.blind', 'OK'],
      ['call.transfer.voicemail', 'OK'],
      ['call.hangup', 'OK'],
      ['call.originate', 'Refused'],
    ])
    // The refusal names its rule in the Reason column.
    expect(all[0]?.Reason).toMatch(/^premium/)
    expect(errors).toEqual([])
  })

  it('lists the shortcuts in the help overlay and focuses the filter with /', async () => {
    const { page, errors } = await openConsole(browser, h)
    await page.keyboard.press('?')
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
    for (const what of ['Hang up the selected call', 'Blind transfer the selected call', 'Park the selected call'])
      await help.getByText(what).waitFor()
    await page.mouse.click(5, 5)
    await help.waitFor({ state: 'detached' })
    await page.keyboard.press('/')
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Filter calls')
    expect(errors).toEqual([])
  })
  it('moves the selection with the arrow keys, Home and End through the rows as shown, and scrolls it into view', async () => {
    const { page, errors, grid, body } = await thirtyCallersByName()
    const selected = (): Promise<string | null> => grid.locator('[role=row][aria-selected=true] .party-primary').first().textContent()
    /** The selected row lies wholly inside the list's viewport. */
    const selectedInView = (): Promise<boolean> =>
      body.evaluate((el) => {
        const row = el.querySelector('[role=row][aria-selected=true]')
        if (row === null) return false
        const view = el.getBoundingClientRect()
        const r = row.getBoundingClientRect()
        return r.top >= view.top - 1 && r.bottom <= view.bottom + 1
      })
    await rowWith(page, 'Caller 10').click()
    expect(await body.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true)
    await page.keyboard.press('End')
    await expect.poll(selected).toBe('Caller 39')
    await expect.poll(selectedInView).toBe(true)
    await page.keyboard.press('ArrowUp')
    await expect.poll(selected).toBe('Caller 38')
    expect(await selectedInView()).toBe(true)
    await page.keyboard.press('Home')
    await expect.poll(selected).toBe('Caller 10')
    await expect.poll(selectedInView).toBe(true)
    expect(await body.evaluate((el) => el.scrollTop)).toBe(0)
    for (let i = 0; i < 20; i++) await page.keyboard.press('ArrowDown')
    await expect.poll(selected).toBe('Caller 30')
    await expect.poll(selectedInView).toBe(true)
    // The card follows the keyboard's selection: H would act on this call.
    await expect.poll(() => page.getByTestId('call-card-caller').textContent()).toBe('Caller 30')
    expect(errors).toEqual([])
  })

  it('holds the calls list order while it is scrolled: rows stay put, calls that entered above show once scrolling stops', async () => {
    const { page, errors, grid, body } = await thirtyCallersByName()
    /** The caller shown in the row at the top edge of the list's viewport. */
    const topRow = (): Promise<string | null | undefined> =>
      body.evaluate((el) => {
        const edge = el.getBoundingClientRect().top
        const row = [...el.querySelectorAll('[role=row]')].find((r) => Math.abs(r.getBoundingClientRect().top - edge) < 2)
        return row?.querySelector('.party-primary')?.textContent
      })
    await body.evaluate((el) => {
      el.scrollTop = 400
    })
    await expect.poll(topRow).toBe('Caller 20')
    // The user keeps scrolling (a scroll event every 50 ms, back and forth by a pixel) while a
    // call that sorts above the viewport arrives, for longer than a refresh of the held order.
    await body.evaluate((el) => {
      const w = window as unknown as { __jiggle?: ReturnType<typeof setInterval> }
      let up = false
      w.__jiggle = setInterval(() => {
        up = !up
        el.scrollTop += up ? 1 : -1
      }, 50)
    })
    await sleep(150)
    inbound('Caller 00', '+49301000000')
    await sleep(900)
    expect(await topRow()).toBe('Caller 20')
    expect(await rowWith(page, 'Caller 00').count()).toBe(0)
    await body.evaluate(() => {
      clearInterval((window as unknown as { __jiggle?: ReturnType<typeof setInterval> }).__jiggle)
    })
    // Scrolling stopped: the live order is back, the list scrolled past the new call, the row stays.
    await expect.poll(() => grid.getAttribute('aria-rowcount')).toBe('32')
    expect(await topRow()).toBe('Caller 20')
    await body.evaluate((el) => {
      el.scrollTop = 0
    })
    await expect.poll(topRow).toBe('Caller 00')
    expect(errors).toEqual([])
  })
})
