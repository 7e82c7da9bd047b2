/// <reference lib="dom" />
// Lamps that behave and a calls list for a front desk, in real Chromium (web mode, demo PBX): a lamp
// click selects and places no call, double-click and Enter call; the lamp's menu transfers the
// selected call or sends it to voicemail, and greys what it cannot do with the reason; lamp groups
// survive a reload; a new ringing call lands on top of the list; the summary line counts.
import { join } from 'node:path'
import type { Browser, Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { chromiumForFile } from '../support/browser'
import { channelNames, consoleForEachTest, openConsole, ringingAt, shootBothThemes, type ConsoleHarness } from '../support/console-harness'
import { callRows, callRowWith, lampTile, talkingAtReception } from '../support/calls-page'
import { sleep } from '../support/wait'

const SHOTS = process.env.ATTENDANT_SHOTS ?? join(import.meta.dirname, '../../test-results/lamps')

let browser: Browser
let h: ConsoleHarness
chromiumForFile((b) => (browser = b))
consoleForEachTest((c) => (h = c))

const summary = (page: Page): Locator => page.locator('.calls-toolbar .calls-summary')

/** Callers' names in the order the list shows them (rows are placed absolutely: sorted by their top). */
async function shownCallers(page: Page): Promise<string[]> {
  return callRows(page).evaluateAll((els) =>
    els
      .map((el) => ({ top: parseFloat((el as HTMLElement).style.top), name: el.querySelector('.col-caller .party-primary')?.textContent ?? '' }))
      .sort((a, b) => a.top - b.top)
      .map((r) => r.name),
  )
}

/** An outside caller on a DID: 4930555002 rings the reception phone (100, the operator's own), 4930555104 rings 104. */
function inbound(callerName: string, did: string, callerNum: string): void {
  if (h.demo.pbx.placeCall({ from: { trunk: 'trunk', callerNum, callerName }, to: did }) === undefined) throw new Error('the demo refused the call')
}

/** Opens the console and answers the browser-notification question ("Not now"), whose bar sits over the lamps. */
const open = (): Promise<{ page: Page; errors: string[] }> => openConsole(browser, h, { declineNotifications: true })

const shoot = (page: Page, name: string): Promise<void> => shootBothThemes(h, page, SHOTS, name)

describe('lamps in real Chromium (web mode, demo PBX)', () => {
  it('a click selects a lamp and places no call; double-click and Enter call from the operator’s phone', async () => {
    const { page, errors } = await open()
    await lampTile(page, '105').click()
    expect(await lampTile(page, '105').getAttribute('aria-pressed')).toBe('true')
    await sleep(800)
    expect(channelNames(h.demo)).toEqual([])

    // The arrows move the selection (and the focus) between lamps, not through the calls list.
    await page.keyboard.press('ArrowRight')
    const next = await page.evaluate(() => document.activeElement?.getAttribute('data-extension'))
    expect(next).not.toBe('105')
    expect(await lampTile(page, next ?? '').getAttribute('aria-pressed')).toBe('true')
    expect(await lampTile(page, '105').getAttribute('aria-pressed')).toBe('false')
    await sleep(500)
    expect(channelNames(h.demo)).toEqual([])

    // Enter calls the focused lamp: the operator's phone rings first.
    await page.keyboard.press('Enter')
    const first = await ringingAt(h.demo, '100')
    h.demo.pbx.hangup(first.uniqueid)
    await expect.poll(() => channelNames(h.demo)).toEqual([])

    await lampTile(page, '105').dblclick()
    await ringingAt(h.demo, '100')
    expect(errors).toEqual([])
  })

  it('the menu transfers the selected call here and sends one to voicemail; what it cannot do is greyed with the reason', async () => {
    const { page, errors } = await open()
    // Nothing selected: the call entries for the selected call are greyed, saying why.
    await lampTile(page, '105').click({ button: 'right' })
    let menu = page.getByRole('menu', { name: 'Extension 105' })
    const transferEntry = menu.getByRole('menuitem', { name: 'Transfer the selected call here' })
    expect(await transferEntry.getAttribute('aria-disabled')).toBe('true')
    expect(await transferEntry.getAttribute('aria-describedby')).not.toBeNull()
    expect(await menu.locator('.lamp-menu-why').first().textContent()).toBe('Select a call in the list first.')
    expect(await menu.getByRole('menuitem', { name: 'Call 105' }).getAttribute('aria-disabled')).toBeNull()
    await shoot(page, 'lamp-menu-nothing-selected')
    // A greyed entry does nothing when chosen.
    await transferEntry.click({ force: true })
    await menu.waitFor()
    await page.keyboard.press('Escape')
    await menu.waitFor({ state: 'detached' })

    // The own phone's lamp: no call to oneself.
    await lampTile(page, '100').click({ button: 'right' })
    menu = page.getByRole('menu', { name: 'Extension 100' })
    expect(await menu.getByRole('menuitem', { name: 'Call 100' }).getAttribute('aria-disabled')).toBe('true')
    await page.keyboard.press('Escape')

    await talkingAtReception(h, page, 'Grace Hopper', '+4930777001')
    await callRowWith(page, 'Grace Hopper').click()
    // The menu key opens the lamp's menu from the keyboard.
    await lampTile(page, '105').focus()
    await page.keyboard.press('Shift+F10')
    menu = page.getByRole('menu', { name: 'Extension 105' })
    await menu.getByRole('menuitem', { name: 'Transfer Grace Hopper here' }).click()
    await ringingAt(h.demo, '105')
    await expect.poll(() => callRowWith(page, 'Grace Hopper').locator('.col-callee').textContent()).toContain('105')

    await talkingAtReception(h, page, 'Alan Turing', '+4930777002')
    await callRowWith(page, 'Alan Turing').click()
    await lampTile(page, '106').click({ button: 'right' })
    await page.getByRole('menu', { name: 'Extension 106' }).getByRole('menuitem', { name: 'Send Alan Turing to the voicemail of Farid Gül' }).click()
    await page.getByRole('status').filter({ hasText: 'Sent to the voicemail of Farid Gül (106)' }).waitFor()
    expect(errors).toEqual([])
  })

  it('groups: add lamps to Favourites, make a group, switch with [ and ], and find them again after a reload', async () => {
    const { page, errors } = await open()
    const tabs = page.getByRole('tablist', { name: 'Lamp groups' })
    expect(await tabs.getByRole('tab').allTextContents()).toEqual([expect.stringMatching(/^All \d+$/), 'Favourites 0'])

    for (const ext of ['106', '102']) {
      await lampTile(page, ext).click({ button: 'right' })
      await page
        .getByRole('menu', { name: `Extension ${ext}` })
        .getByRole('menuitem', { name: 'Add to Favourites' })
        .click()
    }
    await tabs.getByRole('tab', { name: /^Favourites/ }).click()
    await expect.poll(() => page.locator('.blf-tile').evaluateAll((els) => els.map((e) => e.getAttribute('data-extension')))).toEqual(['106', '102'])
    // Arranged by hand: 102 moves before 106.
    await lampTile(page, '102').click({ button: 'right' })
    await page.getByRole('menu', { name: 'Extension 102' }).getByRole('menuitem', { name: 'Move earlier' }).click()
    await expect.poll(() => page.locator('.blf-tile').evaluateAll((els) => els.map((e) => e.getAttribute('data-extension')))).toEqual(['102', '106'])

    // A new group: a taken name is refused beside the field and what was typed stays.
    await page.getByRole('button', { name: '+ New group' }).click()
    const name = page.getByRole('textbox', { name: 'New group’s name' })
    await name.fill('favourites')
    await name.press('Enter')
    await page.getByText('There is a group called favourites already.').waitFor()
    expect(await name.inputValue()).toBe('favourites')
    await name.fill('Sales')
    await name.press('Enter')
    await expect.poll(() => tabs.getByRole('tab', { selected: true }).textContent()).toBe('Sales 0')
    await page.getByText('Sales has no extensions yet').waitFor()
    await shoot(page, 'lamp-groups-empty-group')

    // [ goes back to Favourites (from anywhere on the calls screen).
    await page.locator('body').click({ position: { x: 5, y: 5 } })
    await page.keyboard.press('[')
    await expect.poll(() => tabs.getByRole('tab', { selected: true }).textContent()).toBe('Favourites 2')
    await shoot(page, 'lamp-groups-favourites')

    await page.reload()
    await page.locator('.live-status.live-live').waitFor({ timeout: 15_000 })
    expect(await tabs.getByRole('tab').allTextContents()).toEqual([expect.stringMatching(/^All \d+$/), 'Favourites 2', 'Sales 0'])
    await expect.poll(() => tabs.getByRole('tab', { selected: true }).textContent()).toBe('Favourites 2')
    await expect.poll(() => page.locator('.blf-tile').evaluateAll((els) => els.map((e) => e.getAttribute('data-extension')))).toEqual(['102', '106'])
    // ] steps on to Sales, then round to All.
    await page.keyboard.press(']')
    await page.keyboard.press(']')
    await expect.poll(() => tabs.getByRole('tab', { selected: true }).textContent()).toMatch(/^All/)
    expect(errors).toEqual([])
  })

  it('a new ringing call lands on top, the operator’s phone before a colleague’s; the summary line counts; ringing too long turns red', async () => {
    const { page, errors } = await open()
    await expect.poll(() => summary(page).textContent()).toBe('0 ringing · 0 waiting · 0 on hold')
    await h.core.dispatch('settings.set', { ringAlertSeconds: 5 }, { clientId: 'test', transport: 'web' })
    await talkingAtReception(h, page, 'First Talker', '+4930777011')
    await talkingAtReception(h, page, 'Second Talker', '+4930777012')
    expect(await summary(page).textContent()).toBe('0 ringing · 0 waiting · 0 on hold')

    inbound('Colleague Caller', '4930555104', '+4930777013')
    await expect.poll(() => shownCallers(page)).toEqual(['Colleague Caller', 'First Talker', 'Second Talker'])
    await expect.poll(() => summary(page).textContent()).toBe('1 ringing · 0 waiting · 0 on hold')

    // A call for the operator's own phone goes above the colleague's, though it rang later.
    inbound('Desk Caller', '4930555002', '+4930777014')
    await expect.poll(() => shownCallers(page)).toEqual(['Desk Caller', 'Colleague Caller', 'First Talker', 'Second Talker'])
    await expect.poll(() => summary(page).textContent()).toBe('2 ringing · 0 waiting · 0 on hold')

    // The header sorts over its whole width: a click at its right edge sorts by time.
    const timeHeader = page.locator('.calls-head [role=columnheader]').filter({ hasText: 'Time' })
    const box = await timeHeader.boundingBox()
    if (box === null) throw new Error('no Time header')
    await page.mouse.click(box.x + box.width - 3, box.y + box.height / 2)
    expect(await timeHeader.getAttribute('aria-sort')).toBe('ascending')
    const stateHeader = page.locator('.calls-head [role=columnheader]').filter({ hasText: 'State' })
    await stateHeader.getByRole('button').click()
    await expect.poll(() => shownCallers(page)).toEqual(['Desk Caller', 'Colleague Caller', 'First Talker', 'Second Talker'])

    // Ringing longer than the setting: its timer turns red.
    await expect
      .poll(() => callRowWith(page, 'Colleague Caller').locator('.col-duration span').getAttribute('class'), { timeout: 10_000 })
      .toContain('timer-late')
    await shoot(page, 'calls-ringing-on-top')

    // The filter that hides every call says so.
    await page.getByRole('searchbox', { name: 'Filter calls' }).fill('nobody-here')
    await page.getByText('No calls match the filter.').waitFor()
    expect(errors).toEqual([])
  })

  it('Escape closes the keyboard help, even after a click on its text', async () => {
    const { page, errors } = await open()
    await page.keyboard.press('?')
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
    await help.waitFor()
    await help.getByRole('heading', { name: 'Keyboard shortcuts' }).click()
    await page.keyboard.press('Escape')
    await help.waitFor({ state: 'detached' })
    expect(errors).toEqual([])
  })
})
