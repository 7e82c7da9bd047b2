/// <reference lib="dom" />
// Getting attention in real Chromium (web mode, demo PBX): a call ringing at the operator's phone
// raises one browser notification (window.Notification stubbed in the page to record them); while
// the operator types in a dialog nothing interrupts them, and what happened meanwhile is raised
// once they leave the field; a click on the notification selects the call. Click-to-dial: a number
// handed to the window (as the desktop shell hands a tel: link) is asked first, dialled only on
// the operator's word and through the guard; a junk link says why nothing was dialled.
import type { Browser, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { chromiumForFile } from '../support/browser'
import { consoleForEachTest, openConsole, ringingAt, type ConsoleHarness } from '../support/console-harness'

let browser: Browser
let h: ConsoleHarness
chromiumForFile((b) => (browser = b))
consoleForEachTest((c) => (h = c))

interface Recorded {
  readonly title: string
  readonly body: string
}

/**
 * Before the page's scripts: a Notification that records what the console raises (permission
 * already granted), and a window the operator is not looking at (they work in another one).
 */
async function recordNotifications(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const shown: { title: string; body: string; click: () => void }[] = []
    class RecordingNotification {
      static permission = 'granted'
      static requestPermission = () => Promise.resolve('granted')
      onclick: (() => void) | null = null
      constructor(title: string, options: { body?: string } = {}) {
        shown.push({ title, body: options.body ?? '', click: () => this.onclick?.() })
      }
      close(): void {}
    }
    Object.assign(window, { Notification: RecordingNotification, __notifications: shown })
    document.hasFocus = () => false
  })
}

const notifications = (page: Page): Promise<Recorded[]> =>
  page.evaluate(() => (window as unknown as { __notifications: Recorded[] }).__notifications.map(({ title, body }) => ({ title, body })))

/** An outside caller on the main number: by day it rings at reception, the operator's phone (100). */
function callOperator(callerName: string, callerNum: string): { uniqueid: string; name: string } {
  const caller = h.demo.pbx.placeCall({ from: { trunk: 'trunk', callerNum, callerName }, to: '4930555002' })
  if (caller === undefined) throw new Error('the demo refused the call')
  return caller
}

const callRow = (page: Page, text: string) =>
  page.getByRole('grid', { name: 'Live calls' }).locator('[role=row][data-call-id]').filter({ hasText: text })

describe('getting attention in real Chromium (web mode, demo PBX)', () => {
  it('a call ringing at the operator’s phone raises one notification; typing in a dialog defers the next until the field is left; a click selects the call', async () => {
    const { page, errors } = await openConsole(browser, h)
    await recordNotifications(page)
    await page.reload()
    await page.locator('.live-status.live-live').waitFor({ timeout: 15_000 })

    const first = callOperator('Grace Hopper', '+4930777001')
    await ringingAt(h.demo, '100')
    await expect.poll(() => notifications(page)).toEqual([{ title: 'Grace Hopper is calling', body: '+4930777001 · ringing at Reception' }])
    // The tab's title counts the calls waiting.
    await expect.poll(() => page.title()).toBe('(1) Attendant')

    // The operator selects the call (Enter takes the suggestion), opens the transfer prompt and types into it.
    await page.keyboard.press('Enter')
    await expect.poll(() => callRow(page, 'Grace Hopper').getAttribute('aria-selected')).toBe('true')
    await page.keyboard.press('t')
    const prompt = page.getByRole('dialog', { name: 'Transfer to' })
    await prompt.getByRole('combobox').pressSequentially('10')
    h.demo.pbx.hangup(first.uniqueid)
    await expect.poll(() => page.title()).toBe('Attendant')
    callOperator('Alan Turing', '+4930777002')
    await ringingAt(h.demo, '100')
    await expect.poll(() => page.title()).toBe('(1) Attendant')
    // Well past the next frame and a clock tick: nothing raised while they type.
    await page.waitForTimeout(1500)
    expect(await notifications(page)).toHaveLength(1)

    // The first Escape clears the field (still in it: still held back), the second closes the prompt.
    await page.keyboard.press('Escape')
    await page.waitForTimeout(300)
    expect(await notifications(page)).toHaveLength(1)
    // Leaving the field: the call still rings, so it is raised now.
    await page.keyboard.press('Escape')
    await prompt.waitFor({ state: 'detached' })
    await expect
      .poll(() => notifications(page))
      .toEqual([
        { title: 'Grace Hopper is calling', body: '+4930777001 · ringing at Reception' },
        { title: 'Alan Turing is calling', body: '+4930777002 · ringing at Reception' },
      ])

    // A click on it brings the calls screen with that call selected, from another screen.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'History', exact: true }).click()
    await page.evaluate(() => {
      ;(window as unknown as { __notifications: { click: () => void }[] }).__notifications[1]?.click()
    })
    await expect.poll(() => callRow(page, 'Alan Turing').getAttribute('aria-selected')).toBe('true')
    expect(errors).toEqual([])
  })

  it('asks once, politely, before the browser may notify; "Not now" is remembered', async () => {
    const { page, errors } = await openConsole(browser, h)
    const bar = page.getByRole('region', { name: 'Notifications' })
    await bar.getByText('Let Attendant tell you about ringing and waiting calls').waitFor()
    await bar.getByRole('button', { name: 'Not now' }).click()
    await bar.waitFor({ state: 'detached' })
    await page.reload()
    await page.locator('.live-status.live-live').waitFor({ timeout: 15_000 })
    expect(await bar.count()).toBe(0)
    expect(errors).toEqual([])
  })

  it('a number handed to the window is asked first: number, who, from where, which PBX; Escape drops it, Dial dials from the operator’s phone', async () => {
    const { page, errors } = await openConsole(browser, h)
    // As the desktop shell hands over a tel: link (main's DialLinks), to this window.
    const hand = (id: number, number: string, from: string): void => {
      h.core.bus.publish('attention.dialRequest', { kind: 'dial', id, number, source: 'tel', from })
    }
    hand(1, '104', 'tel:104')
    const dialog = page.getByRole('alertdialog', { name: /^Dial / })
    await dialog.waitFor()
    const facts = await dialog
      .locator('dl')
      .evaluate((dl) => [...dl.querySelectorAll('dt')].map((dt) => [dt.textContent, dt.nextElementSibling?.textContent]))
    expect(facts).toEqual([
      ['Number', '104'],
      ['Who', expect.stringMatching(/104/)],
      ['From', 'a telephone link tel:104'],
      ['Dials on', expect.stringMatching(/, from your phone 100$/)],
    ])
    // A stray Enter the moment the window jumped forward dials nothing: the button is not armed yet.
    const dialButton = dialog.getByRole('button', { name: 'Dial 104' })
    expect(await dialButton.isDisabled()).toBe(true)
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
    expect(h.demo.pbx.engine.ringingChannels().filter((c) => c.name.startsWith('PJSIP/100-'))).toEqual([])

    hand(2, '104', 'tel:104')
    await dialog.waitFor()
    await expect.poll(() => dialButton.isEnabled()).toBe(true)
    await page.keyboard.press('Enter')
    await dialog.waitFor({ state: 'detached' })
    // The operator's own phone rings first, as for any dial from the console.
    await ringingAt(h.demo, '100')

    // A link that holds no number: nothing dialled, and the operator is told why.
    h.core.bus.publish('attention.dialRequest', {
      kind: 'refused',
      id: 3,
      source: 'sip',
      from: 'sip:alice@example.com',
      reason: 'The link names “alice”, not a phone number: Attendant dials numbers only.',
    })
    await page.getByText('Nothing dialled: The link names “alice”, not a phone number').waitFor()
    expect(errors).toEqual([])
  })
})
