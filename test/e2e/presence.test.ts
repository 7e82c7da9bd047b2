/// <reference lib="dom" />
// Presence on the lamps and day/night in real Chromium (web mode, demo PBX as FreePBX keeps them):
// DND and forwarding set from a lamp's menu and shown on the lamp, the forward shown in the transfer
// picker, a premium forward refused beside its field, day/night switched from the status bar, a DND
// set at the phone (AstDB written behind the console's back) shown after the next read, and a
// transfer to an offline extension that offers its voicemail instead.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { chromiumForFile } from '../support/browser'
import { consoleForEachTest, openConsole, ringingAt, type ConsoleHarness } from '../support/console-harness'

const SHOTS = process.env.ATTENDANT_SHOTS ?? join(import.meta.dirname, '../../test-results/presence')

let browser: Browser
let h: ConsoleHarness
chromiumForFile((b) => (browser = b))
// `supervisor`: the demo's AMI user with the `system` write class that FreePBX's AstDB keys need.
consoleForEachTest((c) => (h = c), { amiUser: 'supervisor' })

const lamp = (page: Page, extension: string): Locator => page.locator(`.blf-tile[data-extension="${extension}"]`)
const rowWith = (page: Page, text: string): Locator =>
  page.getByRole('grid', { name: 'Live calls' }).locator('[role=row][data-call-id]').filter({ hasText: text })

async function open(): Promise<{ page: Page; errors: string[] }> {
  const opened = await openConsole(browser, h)
  const notNow = opened.page.getByRole('region', { name: 'Notifications' }).getByRole('button', { name: 'Not now' })
  if ((await notNow.count()) > 0) await notNow.click()
  return opened
}

async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true })
  for (const theme of ['light', 'dark'] as const) {
    await h.core.dispatch('settings.set', { theme }, { clientId: 'shots', transport: 'web' })
    await page.locator(`html[data-theme="${theme}"]`).waitFor({ state: 'attached' })
    await page.screenshot({ path: join(SHOTS, `${name}-${theme}.png`) })
  }
}

async function lampMenu(page: Page, extension: string): Promise<Locator> {
  await lamp(page, extension).click({ button: 'right' })
  const menu = page.getByRole('menu', { name: `Extension ${extension}` })
  await menu.waitFor()
  return menu
}

/** An outside caller answered at the operator's phone (100), selected in the calls list. */
async function selectedCallAtReception(page: Page, callerName: string): Promise<{ uniqueid: string }> {
  const caller = h.demo.pbx.placeCall({ from: { trunk: 'trunk', callerNum: '+4930777001', callerName }, to: '4930555002' })
  if (caller === undefined) throw new Error('the demo refused the call')
  const phone = await ringingAt(h.demo, '100')
  expect(h.demo.pbx.answer(phone.uniqueid)).toBe(true)
  const row = rowWith(page, callerName)
  await expect.poll(() => row.locator('.col-state').textContent()).toBe('Talking')
  await row.click()
  return caller
}

describe('presence and day/night in real Chromium (web mode, demo PBX)', () => {
  it('DND and forwarding from a lamp’s menu: shown on the lamp, written as FreePBX keeps them, the forward shown in the transfer picker; a premium forward refused beside its field', async () => {
    const { page, errors } = await open()
    const pbx = h.demo.pbx.engine.pbx

    await (await lampMenu(page, '105')).getByRole('menuitem', { name: 'Do not disturb on for 105' }).click()
    await page.getByRole('status').filter({ hasText: 'Do not disturb is on for 105' }).waitFor()
    await lamp(page, '105').locator('.presence-dnd').waitFor()
    await expect.poll(() => lamp(page, '105').getAttribute('class')).toContain('blf-BUSY')
    expect(pbx.astdb.get('DND', '105')).toBe('YES')
    expect(await lamp(page, '105').locator('.presence-since').textContent()).toMatch(/^<1m$/)

    // A premium number: refused by main's guard, the reason beside the field, what was typed kept.
    await (await lampMenu(page, '106')).getByRole('menuitem', { name: 'Forward 106’s calls…' }).click()
    const dialog = page.getByRole('dialog', { name: /Forwarding of 106/ })
    const always = dialog.getByRole('combobox', { name: 'Always forward to' })
    await always.fill('0900 1234567')
    await dialog.getByRole('button', { name: 'Save' }).click()
    await dialog
      .getByText(/premium/i)
      .first()
      .waitFor()
    expect(await always.inputValue()).toBe('0900 1234567')
    expect(pbx.astdb.get('CF', '106')).toBeUndefined()
    await shoot(page, 'forward-refused')

    await always.fill('0171 2345678')
    await dialog.getByRole('button', { name: 'Save' }).click()
    await dialog.waitFor({ state: 'detached' })
    expect(pbx.astdb.get('CF', '106')).toBe('01712345678')
    await lamp(page, '106').locator('.presence-forward').waitFor()
    expect(await lamp(page, '106').locator('.presence-forward').getAttribute('title')).toBe('Forwarded to 01712345678')

    // A colleague by name: "david" is David Eze, 104, as the picker's best match.
    await (await lampMenu(page, '108')).getByRole('menuitem', { name: 'Forward 108’s calls…' }).click()
    const byName = page.getByRole('dialog', { name: /Forwarding of 108/ })
    await byName.getByRole('combobox', { name: 'When busy, forward to' }).fill('david')
    await byName.getByRole('button', { name: 'Save' }).click()
    await byName.waitFor({ state: 'detached' })
    expect(pbx.astdb.get('CFB', '108')).toBe('104')

    // A note with its own comma, from the lamp's menu.
    await (await lampMenu(page, '107')).getByRole('menuitem', { name: 'Note for 107…' }).click()
    const noteDialog = page.getByRole('dialog', { name: /Note for 107/ })
    await noteDialog.getByRole('textbox', { name: 'Note' }).fill('Lunch, back at 2')
    await noteDialog.getByRole('button', { name: 'Save' }).click()
    await noteDialog.waitFor({ state: 'detached' })
    await expect.poll(() => lamp(page, '107').locator('.presence-note').getAttribute('title')).toBe('away: Lunch, back at 2')
    await shoot(page, 'lamps')

    // Forwarding shown at transfer time: "Eva Fischer · 105 … Do not disturb", "Farid Gül · 106 … forwarded to 0171…".
    await selectedCallAtReception(page, 'Ada Lovelace')
    await page.keyboard.press('t')
    const picker = page.getByRole('combobox', { name: 'Destination' })
    await picker.fill('10')
    const options = page.getByRole('listbox', { name: 'Destination: matches' }).getByRole('option')
    await expect.poll(() => options.filter({ hasText: '106' }).textContent()).toContain('Forwarded to 01712345678')
    expect(await options.filter({ hasText: '105' }).textContent()).toContain('Do not disturb')
    expect(await options.filter({ hasText: '107' }).textContent()).toContain('“Lunch, back at 2”')
    await shoot(page, 'transfer-picker')
    await page.keyboard.press('Escape')
    await page.keyboard.press('Escape')
    expect(errors).toEqual([])
  })

  it('day/night switched from the status bar: the main number goes to voicemail at night; read-only seats see but cannot switch', async () => {
    const { page, errors } = await open()
    const button = page.getByRole('button', { name: /Call flow 0: Day/ })
    await button.focus()
    await page.keyboard.press('Enter')
    const panel = page.getByRole('dialog', { name: 'Day and night mode' })
    await panel.waitFor()
    await shoot(page, 'daynight-panel')
    await panel.getByRole('button', { name: 'Switch to night mode' }).click()
    await page.getByRole('status').filter({ hasText: 'Call flow 0 is in night mode' }).waitFor()
    await expect.poll(() => panel.locator('.daynight-mode').textContent()).toBe('Night')
    expect(h.demo.pbx.engine.pbx.astdb.get('DAYNIGHT', 'C0')).toBe('NIGHT')
    await page.keyboard.press('Escape')
    await page.getByRole('button', { name: /Call flow 0: Night/ }).waitFor()

    // The office's main number now goes to reception's voicemail instead of ringing it.
    const call = h.demo.pbx.placeCall({ from: { trunk: 'trunk', callerNum: '+4930777002', callerName: 'Late Caller' }, to: '4930555002' })
    if (call === undefined) throw new Error('the demo refused the call')
    await expect.poll(() => h.demo.pbx.engine.findChannel(call.uniqueid)?.app).toBe('VoiceMail')
    expect(errors).toEqual([])
  })

  it('a DND set at the phone (AstDB written behind the console’s back, no event) appears on the lamp after the next read', async () => {
    const { page } = await open()
    await lamp(page, '104').waitFor()
    h.demo.pbx.engine.pbx.astdb.put('DND', '104', 'YES')
    await lamp(page, '104').locator('.presence-dnd').waitFor({ timeout: 15_000 })
  }, 40_000)

  it('a transfer to an offline extension says so and offers its voicemail; chosen, the call goes there', async () => {
    const { page, errors } = await open()
    const caller = await selectedCallAtReception(page, 'Grace Hopper')
    await page.keyboard.press('t')
    const picker = page.getByRole('combobox', { name: 'Destination' })
    await picker.fill('118')
    await page.keyboard.press('Enter')
    // The person by name, as the transfer prompt and the toasts say it (Sven Tanaka is 118 in the demo office).
    const question = page.getByRole('alertdialog', { name: 'Transfer to Sven Tanaka (118)?' })
    await question.waitFor()
    expect(await question.textContent()).toContain('Sven Tanaka (118) is offline')
    await shoot(page, 'transfer-offline')
    await question.getByRole('button', { name: 'Send to Sven Tanaka’s voicemail (118)' }).click()
    await page.getByRole('status').filter({ hasText: 'Sent to the voicemail of' }).first().waitFor()
    await expect.poll(() => h.demo.pbx.engine.findChannel(caller.uniqueid)?.app).toBe('VoiceMail')
    expect(errors).toEqual([])
  })
})
