/// <reference lib="dom" />
// The supervisor's queue tools in real Chromium (web mode, demo PBX, a supervisor seat): a member
// added and removed on the agent board, an agent paused in all its queues with a reason from the
// list, and the wallboard turning a tile red (with its alert) when a waiting threshold is crossed.
// Screenshots of the agent board and the wallboard, light and dark, go to test-results/queues.
import { mkdirSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { chromiumForFile } from '../support/browser'
import { consoleForEachTest, openConsole, type ConsoleHarness } from '../support/console-harness'

let browser: Browser
let h: ConsoleHarness
chromiumForFile((b) => (browser = b))
consoleForEachTest((c) => (h = c), { role: 'supervisor' })

const SHOTS = 'test-results/queues'

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true })
  await page.screenshot({ path: `${SHOTS}/${name}.png` })
}

const agentRow = (page: Page, text: string) => page.getByRole('table', { name: 'Agents' }).locator('tbody tr').filter({ hasText: text })

describe('supervisor queue tools in real Chromium (web mode, demo PBX)', () => {
  it('adds an extension to a queue on the agent board, pauses it in all queues with a reason, and removes it again', async () => {
    const { page, errors } = await openConsole(browser, h)
    await page.keyboard.press('Alt+8')
    await page.getByRole('heading', { name: 'Agents' }).waitFor()
    await agentRow(page, 'PJSIP/103').or(agentRow(page, '103')).first().waitFor()

    // A: add 108 to support (keyboard: the board has focus).
    await page.getByRole('region', { name: 'Agents' }).or(page.locator('.agents-view')).first().focus()
    await page.keyboard.press('a')
    const add = page.getByRole('dialog', { name: 'Add a queue member' })
    await add.getByLabel('Extension').fill('108')
    await add.getByLabel('Queue').selectOption('support')
    await add.getByRole('button', { name: 'Add to support' }).click()
    await page
      .getByRole('status')
      .filter({ hasText: /Added 108 .*to support/ })
      .waitFor()
    await expect.poll(() => h.demo.pbx.engine.pbx.queues.byName.get('support')?.members.some((m) => m.interface === 'PJSIP/108')).toBe(true)
    await agentRow(page, '108').waitFor()
    // …and to sales, so "all queues" means two.
    await page.getByRole('button', { name: 'Add member…' }).click()
    await add.getByLabel('Extension').fill('108')
    await add.getByLabel('Queue').selectOption('sales')
    await add.getByRole('button', { name: 'Add to sales' }).click()
    await page
      .getByRole('status')
      .filter({ hasText: /Added 108 .*to sales/ })
      .waitFor()
    await expect.poll(() => agentRow(page, '108').textContent()).toContain('sales (0)')

    // Select 108 with the keyboard, P: pause in all queues with "Lunch" from the list.
    await agentRow(page, '108').click()
    await page.keyboard.press('p')
    const manage = page.getByRole('dialog', { name: /Membership of/ })
    await expect.poll(() => manage.getByLabel('In', { exact: true }).inputValue()).not.toBe('support')
    await manage.getByLabel('Reason').selectOption('Lunch')
    await manage.getByRole('button', { name: 'Pause', exact: true }).click()
    await page.getByRole('status').filter({ hasText: 'in all 2 queues' }).waitFor()
    for (const q of ['support', 'sales']) {
      await expect
        .poll(() => {
          const m = h.demo.pbx.engine.pbx.queues.byName.get(q)?.members.find((x) => x.interface === 'PJSIP/108')
          return m === undefined ? undefined : [m.paused, m.pausedReason]
        })
        .toEqual([true, 'Lunch'])
    }
    await expect.poll(() => agentRow(page, '108').textContent()).toContain('Lunch')
    expect(await agentRow(page, '108').textContent()).toContain('Paused')
    await shot(page, 'agents-light')

    // A static member cannot be removed: the dialog says where it is changed instead.
    await agentRow(page, 'PJSIP/101').or(agentRow(page, '101')).first().click()
    await page.keyboard.press('Enter')
    await manage.getByLabel('In', { exact: true }).selectOption('support')
    await manage.getByText('A static member').waitFor()
    expect(await manage.getByRole('button', { name: /Remove from/ }).count()).toBe(0)
    await page.keyboard.press('Escape')

    // Remove 108 from support (a dynamic member).
    await agentRow(page, '108').click()
    await page.keyboard.press('Enter')
    await manage.getByLabel('In', { exact: true }).selectOption('support')
    await manage.getByRole('button', { name: 'Remove from support' }).click()
    await page.getByRole('status').filter({ hasText: 'from support' }).waitFor()
    await expect.poll(() => h.demo.pbx.engine.pbx.queues.byName.get('support')?.members.some((m) => m.interface === 'PJSIP/108')).toBe(false)
    await expect.poll(() => agentRow(page, '108').textContent()).not.toContain('support')
    expect(errors).toEqual([])
  })

  it('the wallboard turns a queue’s tile red, with its alert, when callers waiting reach its threshold', async () => {
    const { page, errors } = await openConsole(browser, h)
    await page.evaluate(() => {
      ;(window as unknown as { __wallboardBeeps?: number }).__wallboardBeeps = 0
    })
    await page.keyboard.press('Alt+9')
    const board = page.getByRole('region', { name: 'Wallboard' })
    await board.waitFor()
    const tile = board.getByRole('article', { name: 'Queue support' })
    await tile.waitFor()
    expect(await tile.getAttribute('data-level')).toBe('ok')
    await shot(page, 'wallboard-dark')

    // S: settings; support: 2 waiting turns it red.
    await page.keyboard.press('s')
    const settings = page.getByRole('dialog', { name: 'Wallboard settings' })
    await settings.getByLabel('support Waiting ≥').fill('2')
    await settings.getByRole('button', { name: 'Save' }).click()
    await settings.getByText('Saved for this PBX').waitFor()
    await settings.getByRole('button', { name: 'Close' }).click()

    // Every support member paused, so callers stay waiting.
    for (const m of h.demo.pbx.engine.pbx.queues.byName.get('support')?.members ?? [])
      h.demo.pbx.engine.pbx.queues.pause('support', m.interface, true, 'test')
    h.demo.pbx.placeCall({ from: { trunk: 'trunk', callerNum: '+4930111', callerName: 'First Caller' }, to: '4930555000' })
    await expect.poll(() => tile.locator('.wb-big .wb-value').first().textContent()).toBe('1')
    expect(await tile.getAttribute('data-level')).toBe('ok')
    h.demo.pbx.placeCall({ from: { trunk: 'trunk', callerNum: '+4930222', callerName: 'Second Caller' }, to: '4930555000' })
    await expect.poll(() => tile.getAttribute('data-level')).toBe('alert')
    await board.getByRole('alert').filter({ hasText: 'support' }).waitFor()
    expect(await tile.textContent()).toContain('2 waiting (limit 2)')
    // Colour is never the only signal: the tile says which measure is over its limit.
    expect(await tile.locator('.wb-status').textContent()).toContain('Over limit: waiting')
    await expect.poll(() => page.evaluate(() => (window as unknown as { __wallboardBeeps?: number }).__wallboardBeeps)).toBe(1)
    await shot(page, 'wallboard-dark-alert')
    // Light on T; the threshold was saved for this PBX.
    await board.focus()
    await page.keyboard.press('t')
    await expect.poll(() => board.getAttribute('class')).toContain('wb-theme-light')
    await shot(page, 'wallboard-light-alert')
    const saved = await h.core.dispatch('queues.prefs.get', { profileId: 'demo' }, { clientId: 'test', transport: 'web' })
    expect(saved).toMatchObject({ ok: true, value: { wallboard: { thresholds: [{ queue: 'support', waiting: 2 }] } } })
    expect(errors).toEqual([])
  })
})
