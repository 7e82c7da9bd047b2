/// <reference lib="dom" />
// Directed pickup in real Chromium (web mode, demo PBX): a call rings at 104, the operator takes it
// to their own phone with G on the selected call or with the lamp's menu; the operator's phone gets
// the call, 104 stops ringing, and the audit log says who took whose call from where.
import type { Browser, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { chromiumForFile } from '../support/browser'
import { consoleForEachTest, openConsole, ringingAt, type ConsoleHarness } from '../support/console-harness'
import { eventually } from '../support/wait'

let browser: Browser
let h: ConsoleHarness
chromiumForFile((b) => (browser = b))
consoleForEachTest((c) => (h = c))

/** An outside caller on 104's direct line: it rings at 104. */
async function ringingAt104(
  callerName: string,
  callerNum: string,
): Promise<{ caller: { uniqueid: string; name: string }; rung: { uniqueid: string; name: string } }> {
  const caller = h.demo.pbx.placeCall({ from: { trunk: 'trunk', callerNum, callerName }, to: '4930555104' })
  if (caller === undefined) throw new Error('the demo refused the call')
  return { caller, rung: await ringingAt(h.demo, '104') }
}

/** The operator's phone (100) rings for the pickup; it answers, and talks with the caller. */
async function operatorAnswers(caller: { uniqueid: string }): Promise<void> {
  const own = await ringingAt(h.demo, '100')
  expect(h.demo.pbx.answer(own.uniqueid)).toBe(true)
  await eventually('the caller talking with the operator’s phone', () => {
    const engine = h.demo.pbx.engine
    const ch = engine.findChannel(caller.uniqueid)
    const bridge = ch?.bridgeId === undefined ? undefined : engine.bridges.get(ch.bridgeId)
    return bridge?.channels.some((c) => c.name.startsWith('PJSIP/100-')) === true ? true : undefined
  })
}

const lamp = (page: Page, extension: string) => page.locator(`.blf-tile[data-extension="${extension}"]`)

/** The audit log as the Admin view shows it, oldest first: [action, target, result]. */
async function auditSummary(page: Page): Promise<[string, string, string][]> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Admin', exact: true }).click()
  const table = page.getByRole('table', { name: 'Audit log' })
  await table.waitFor()
  const headings = await table.locator('thead th').allTextContents()
  const cells = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)))
  const rows = cells.map((row) => Object.fromEntries(headings.map((name, i) => [name, row[i] ?? ''])))
  return rows.map((r): [string, string, string] => [r.Action ?? '', r.Target ?? '', r.Result ?? '']).reverse()
}

describe('directed pickup in real Chromium (web mode, demo PBX)', () => {
  it('G on the selected call ringing at 104 takes it to the operator’s phone; 104 stops ringing; the audit says so', async () => {
    const { page, errors } = await openConsole(browser, h)
    const { caller, rung } = await ringingAt104('Grace Hopper', '+4930777104')
    await expect.poll(() => lamp(page, '104').getAttribute('class')).toContain('blf-RINGING')
    const row = page.getByRole('grid', { name: 'Live calls' }).locator('[role=row][data-call-id]').filter({ hasText: 'Grace Hopper' })
    await row.click()
    expect(await row.getAttribute('aria-selected')).toBe('true')
    await page.keyboard.press('g')
    await page.getByRole('status').filter({ hasText: 'Picking up the call for David Eze (104) at your phone' }).waitFor()
    await operatorAnswers(caller)
    // 104's phone no longer rings, on the PBX and on its lamp.
    expect(h.demo.pbx.engine.findChannel(rung.uniqueid)).toBeUndefined()
    await expect.poll(() => lamp(page, '104').getAttribute('class')).toContain('blf-NOT_INUSE')
    await expect.poll(() => lamp(page, '100').getAttribute('class')).toContain('blf-INUSE')
    expect(await auditSummary(page)).toEqual([
      ['call.pickup.directed', 'Grace Hopper <+4930777104> ringing at David Eze <104> → your phone (100)', 'OK'],
    ])
    expect(errors).toEqual([])
  })

  it('the ringing lamp’s menu offers the pickup; an idle lamp does not', async () => {
    const { page, errors } = await openConsole(browser, h)
    // An idle lamp: its own entries (the call entries, presence's, its groups), no pickup.
    await lamp(page, '105').click({ button: 'right' })
    const idleMenu = page.getByRole('menu', { name: 'Extension 105' })
    const idleEntries = await idleMenu.locator('[role=menuitem]:not([aria-disabled])').allTextContents()
    expect(idleEntries.filter((e) => !/do not disturb|forward|note/i.test(e))).toEqual(['Call 105', 'Add to Favourites'])
    await page.keyboard.press('Escape')
    await idleMenu.waitFor({ state: 'detached' })

    const { caller, rung } = await ringingAt104('Alan Turing', '+4930777105')
    await expect.poll(() => lamp(page, '104').getAttribute('class')).toContain('blf-RINGING')
    await lamp(page, '104').click({ button: 'right' })
    const menu = page.getByRole('menu', { name: 'Extension 104' })
    await menu.getByRole('menuitem', { name: 'Pick up 104’s call at your phone' }).click()
    await menu.waitFor({ state: 'detached' })
    await page.getByRole('status').filter({ hasText: 'Picking up the call for David Eze (104) at your phone' }).waitFor()
    await operatorAnswers(caller)
    expect(h.demo.pbx.engine.findChannel(rung.uniqueid)).toBeUndefined()
    await expect.poll(() => lamp(page, '104').getAttribute('class')).toContain('blf-NOT_INUSE')
    expect(await auditSummary(page)).toEqual([
      ['call.pickup.directed', 'Alan Turing <+4930777105> ringing at David Eze <104> → your phone (100)', 'OK'],
    ])
    expect(errors).toEqual([])
  })

  it('the keyboard help lists G under directed pickup', async () => {
    const { page, errors } = await openConsole(browser, h)
    await page.keyboard.press('?')
    const help = page.getByRole('table', { name: 'Directed pickup keys' })
    expect(await help.locator('tbody tr').allTextContents()).toEqual(['GPick up the selected call ringing at another extension at your phone'])
    expect(errors).toEqual([])
  })
})
