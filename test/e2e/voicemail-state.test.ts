/// <reference lib="dom" />
// A call into voicemail says so in real Chromium (web mode, demo PBX; issue 18 item 7): phone 101
// dials *104 and leaves David Eze a message. Its row says Voicemail, not Talking, and for whom
// ("Message for David Eze (104)"); the card says "Leaving a message for David Eze (104)" and how long, with no waiting alert;
// 101's lamp says the same instead of naming a talk. The console logs in as the demo's attendant
// user, whose session takes app_voicemail's Newexten behind filters (live/voicemail-events.ts).
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { chromiumForFile } from '../support/browser'
import { consoleForEachTest, openConsole, shootBothThemes, type ConsoleHarness } from '../support/console-harness'
import { callRowWith, lampTile } from '../support/calls-page'

const SHOTS = process.env.ATTENDANT_SHOTS ?? join(import.meta.dirname, '../../test-results/voicemail-state')

let browser: Browser
chromiumForFile((b) => (browser = b))

describe('a call into voicemail in real Chromium', () => {
  let h: ConsoleHarness
  consoleForEachTest((c) => (h = c), { amiUser: 'attendant' })

  it('the row says Voicemail and for whom, the card and the caller’s lamp say a message is being left', async () => {
    const { page, errors } = await openConsole(browser, h)
    await lampTile(page, '104').waitFor()
    // The demo's clock slowed: the message (5–25 s) lasts long enough to look at.
    h.demo.pbx.setSpeed(0.2)
    expect(h.demo.pbx.placeCall({ from: { exten: '101' }, to: '*104' })).toBeDefined()
    const row = callRowWith(page, 'Message for David Eze (104)')
    await expect.poll(() => row.locator('.col-state').textContent(), { timeout: 10_000 }).toBe('Voicemail')

    await row.click()
    await expect.poll(() => page.getByTestId('call-card-target').textContent()).toBe('Leaving a message for David Eze (104)')
    const card = page.getByRole('region', { name: 'Call card' })
    expect(await card.locator('.state-badge').textContent()).toBe('Voicemail')
    expect(await card.locator('dt', { hasText: /^In voicemail$/ }).count()).toBe(1)
    expect(await card.getByText('Talking', { exact: true }).count()).toBe(0)
    await expect.poll(() => lampTile(page, '101').textContent()).toContain('Message for David Eze (104)')
    await shootBothThemes(h, page, SHOTS, 'calls-voicemail')

    // Once the message is saved and 101 hangs up, the call is gone.
    h.demo.pbx.setSpeed(20)
    await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(0)
    expect(errors).toEqual([])
  })
})
