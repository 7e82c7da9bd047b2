/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { launchChromium } from '../support/browser'
import { channelNames, eventually, openConsole, ringingAt, startConsole, type ConsoleHarness } from '../support/console-harness'

let browser: Browser
let h: ConsoleHarness

beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  await browser.close()
})
beforeEach(async () => {
  h = await startConsole()
})
afterEach(async () => {
  await h.stop()
})

/** An outside caller on the reception DID (rings extension 100); returns the trunk channel. */
function inbound(callerName: string, callerNum = '+4930123456'): { uniqueid: string; name: string } {
  const ch = h.demo.pbx.placeCall({ from: { trunk: 'trunk', callerNum, callerName }, to: '4930555002' })
  if (ch === undefined) throw new Error('the demo refused the call')
  return ch
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
})
