/**
 * The Calls view in the bench's page, newest call first, so every new call gets a row on screen:
 * Time sorted ascending, the shortest time shown first (a new call's timer has just started).
 */
import type { Page } from 'playwright-core'

export async function showCallsNewestFirst(page: Page): Promise<void> {
  const callsNav = page.getByRole('button', { name: 'Calls', exact: true })
  if ((await callsNav.getAttribute('aria-current', { timeout: 60_000 })) !== 'page') await callsNav.click({ timeout: 60_000 })
  await page.waitForSelector('[data-call-id]', { timeout: 60_000 })
  const timeHeader = page.getByRole('columnheader', { name: /^Time/ })
  for (let i = 0; i < 3 && (await timeHeader.getAttribute('aria-sort')) !== 'ascending'; i++) await timeHeader.getByRole('button').click()
  if ((await timeHeader.getAttribute('aria-sort')) !== 'ascending') throw new Error('could not sort the calls list newest first')
}
