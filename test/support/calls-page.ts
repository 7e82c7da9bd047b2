/// <reference lib="dom" />
// The calls screen as the e2e tests read it in Chromium: a lamp, the live calls list's rows, and a
// caller brought to talk with the operator's phone through the demo PBX.
import type { Locator, Page } from 'playwright-core'
import { expect } from 'vitest'
import { ringingAt, type ConsoleHarness } from './console-harness'

/** The lamp of an extension. */
export const lampTile = (page: Page, extension: string): Locator => page.locator(`.blf-tile[data-extension="${extension}"]`)

/** The rows of the live calls list (one per call). */
export const callRows = (page: Page): Locator => page.getByRole('grid', { name: 'Live calls' }).locator('[role=row][data-call-id]')

/** The call rows that show `text` (a caller's name, a number). */
export const callRowWith = (page: Page, text: string): Locator => callRows(page).filter({ hasText: text })

/** An outside caller on the reception DID (4930555002), answered at the operator's phone (100): waits until its row says Talking. */
export async function talkingAtReception(h: ConsoleHarness, page: Page, callerName: string, callerNum: string): Promise<void> {
  if (h.demo.pbx.placeCall({ from: { trunk: 'trunk', callerNum, callerName }, to: '4930555002' }) === undefined)
    throw new Error('the demo refused the call')
  const phone = await ringingAt(h.demo, '100')
  expect(h.demo.pbx.answer(phone.uniqueid)).toBe(true)
  await expect.poll(() => callRowWith(page, callerName).locator('.col-state').textContent()).toBe('Talking')
}
