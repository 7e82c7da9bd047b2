/// <reference lib="dom" />
// Listen, whisper and barge from the agent board in real Chromium (web mode, demo PBX): a
// supervisor of queue support listens to the call agent 102 (Ben Cho) took from that queue, from
// their own phone (100), with L, W and the row's Barge button; the row and a second window's row say
// "Listened by 100"; E ends it; the audit names each step and the session. Agent 106's direct call is
// outside the scope: its buttons are greyed with main's words, L says them and rings nothing, and
// main refuses the same call when asked anyway. An idle agent offers nothing. Screenshots of the
// board during the session, light and dark, go to test-results/agent-spy (or ATTENDANT_SHOTS).
import { join } from 'node:path'
import type { Browser, Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { chromiumForFile } from '../support/browser'
import { watchLive } from '../support/demo-core'
import { consoleForEachTest, openConsole, ringingAt, shootBothThemes, type ConsoleHarness } from '../support/console-harness'
import { eventually, sleep } from '../support/wait'

const SHOTS = process.env.ATTENDANT_SHOTS ?? join(import.meta.dirname, '../../test-results/agent-spy')
const tab = { clientId: 'test', transport: 'web' } as const

let browser: Browser
chromiumForFile((b) => (browser = b))

const agentRow = (page: Page, text: string): Locator => page.getByRole('table', { name: 'Agents' }).locator('tbody tr').filter({ hasText: text })
const toast = (page: Page, text: string): Locator => page.locator('.toasts').getByText(text)

/** An outside caller on `did`, answered at `ext`: the phone's channel. */
async function answered(h: ConsoleHarness, did: string, ext: string, callerName: string, callerNum: string): Promise<string> {
  if (h.demo.pbx.placeCall({ from: { trunk: 'trunk', callerNum, callerName }, to: did }) === undefined) throw new Error('the demo refused the call')
  const phone = await ringingAt(h.demo, ext)
  expect(h.demo.pbx.answer(phone.uniqueid)).toBe(true)
  return phone.uniqueid
}

async function openBoard(h: ConsoleHarness): Promise<{ page: Page; errors: string[] }> {
  const opened = await openConsole(browser, h, { declineNotifications: true })
  await opened.page.keyboard.press('Alt+8')
  await opened.page.getByRole('heading', { name: 'Agents' }).waitFor()
  return opened
}

/** The audit log as the Admin view shows it, oldest first: [action, target, result]. */
async function auditSummary(page: Page, prefix: string): Promise<[string, string, string][]> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Admin', exact: true }).click()
  const table = page.getByRole('table', { name: 'Audit log' })
  await table.waitFor()
  const headings = await table.locator('thead th').allTextContents()
  const cells = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)))
  return cells
    .map((row) => Object.fromEntries(headings.map((name, i) => [name, row[i] ?? ''])))
    .map((r): [string, string, string] => [r.Action ?? '', r.Target ?? '', r.Result ?? ''])
    .filter(([action]) => action.startsWith(prefix))
    .reverse()
}

describe('listening in from the agent board in real Chromium (web mode, demo PBX): a supervisor of queue support', () => {
  let h: ConsoleHarness
  consoleForEachTest((c) => (h = c), {
    role: 'supervisor',
    amiUser: 'supervisor',
    supervision: { queues: ['support'], extensions: [], spyTone: false, recordingBeep: false },
  })

  it('listen → whisper → barge on agent 102’s queue call from the board, "Listened by 100" on its row here and in another window, E ends it, the audit says each step', async () => {
    const { page, errors } = await openBoard(h)
    const second = await openBoard(h)
    const agentPhone = await answered(h, '4930555000', '102', 'Ada Lovelace', '+4930123456')
    const row = agentRow(page, 'Ben Cho')
    await expect.poll(() => row.getByRole('button', { name: 'Listen to Ben Cho' }).count()).toBe(1)
    expect(await row.getByRole('button', { name: 'Listen to Ben Cho' }).getAttribute('aria-disabled')).toBeNull()
    // An idle agent offers nothing.
    expect(await agentRow(page, '105').getByRole('button').count()).toBe(0)
    // The keys are in the help (F1, from any screen).
    await page.keyboard.press('F1')
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
    await help.getByText('Listen, whisper or barge on the selected agent’s call from your phone', { exact: false }).waitFor()
    await page.keyboard.press('Escape')
    await help.waitFor({ state: 'detached' })

    // Selected with a click, L: the seat's phone rings, answered, ChanSpy listens on 102's channel.
    await row.locator('td').first().click()
    await page.keyboard.press('l')
    await toast(page, 'Your phone (100) rings: answer it to start listening to Ben Cho').waitFor()
    const own = await ringingAt(h.demo, '100')
    expect(h.demo.pbx.answer(own.uniqueid)).toBe(true)
    const spying = h.demo.pbx.engine.findChannel(own.uniqueid)
    if (spying === undefined) throw new Error('no listening channel')
    await expect.poll(() => row.getByTestId('spy-badge').textContent()).toBe('Listened by 100')
    expect(await row.getByTestId('spy-badge').getAttribute('title')).toBe('Being listened to by Supervisor 100 (listen)')
    expect(await row.getByRole('button', { name: 'Listen to Ben Cho' }).getAttribute('aria-pressed')).toBe('true')
    const secondRow = agentRow(second.page, 'Ben Cho')
    await expect.poll(() => secondRow.getByTestId('spy-badge').textContent()).toBe('Listened by 100')
    const bar = page.getByRole('region', { name: 'Listening session' })
    await bar.getByText('Your phone is listening to Ben Cho (102)').waitFor()

    // W on the selected agent switches the session; the row's Barge button does the same.
    await page.keyboard.press('w')
    await expect.poll(() => h.demo.pbx.engine.pbx.spy.modeOf(spying)).toBe('whisper')
    await expect.poll(() => secondRow.getByTestId('spy-badge').getAttribute('title')).toBe('Being listened to by Supervisor 100 (whisper)')
    await row.getByRole('button', { name: 'Barge in on Ben Cho' }).click()
    await expect.poll(() => h.demo.pbx.engine.pbx.spy.modeOf(spying)).toBe('barge')
    await expect.poll(() => row.getByRole('button', { name: 'Barge in on Ben Cho' }).getAttribute('aria-pressed')).toBe('true')
    await expect.poll(() => row.getByTestId('spy-badge').getAttribute('title')).toBe('Being listened to by Supervisor 100 (barge)')
    await shootBothThemes(h, page, SHOTS, 'agents-session')

    // E ends it; the call goes on.
    await page.locator('.agents-view').focus()
    await page.keyboard.press('e')
    await bar.waitFor({ state: 'detached' })
    await expect.poll(() => row.getByTestId('spy-badge').count()).toBe(0)
    await expect.poll(() => secondRow.getByTestId('spy-badge').count()).toBe(0)
    expect(h.demo.pbx.engine.findChannel(agentPhone)).toBeDefined()

    const lines = await eventually('the session’s end line in the audit', async () => {
      const found = await auditSummary(page, 'call.spy')
      return found.some(([action]) => action === 'call.spy.ended') ? found : undefined
    })
    const call = 'Ada Lovelace <+4930123456> → Ben Cho <102>'
    expect(lines.slice(0, 3)).toEqual([
      ['call.spy', `${call} (listening to Ben Cho <102>) · listen`, 'OK'],
      ['call.spy.mode', `${call} (listening to Ben Cho <102>) · listen → whisper`, 'OK'],
      ['call.spy.mode', `${call} (listening to Ben Cho <102>) · whisper → barge`, 'OK'],
    ])
    expect(lines.slice(3).map(([action, , result]) => [action, result])).toEqual(
      expect.arrayContaining([
        ['call.spy.stop', 'OK'],
        ['call.spy.ended', 'OK'],
      ]),
    )
    expect(lines.find(([action]) => action === 'call.spy.ended')?.[1]).toMatch(
      /^Supervisor 100 listened to Ada Lovelace <\+4930123456> → Ben Cho <102> \(listening to Ben Cho <102>\) · listen → whisper → barge · /,
    )
    expect(errors).toEqual([])
    expect(second.errors).toEqual([])
  })

  it('greys an agent’s call outside the scope with the reason, L says it and rings nothing, and main refuses it when asked anyway (audited)', async () => {
    const { page, errors } = await openBoard(h)
    await answered(h, '4930555106', '106', 'Grace Hopper', '+4930777001')
    const row = agentRow(page, '106')
    const listen = row.getByRole('button', { name: /^Listen to / })
    await expect.poll(() => listen.getAttribute('aria-disabled')).toBe('true')
    const reason = 'This call is not one you supervise (yours: queue support)'
    expect(await listen.getAttribute('title')).toBe(reason)
    // Greyed with aria-disabled (still focusable, the reason as its tooltip): a click says why instead of asking main.
    await listen.click({ force: true })
    await toast(page, reason).waitFor()
    await row.locator('td').first().click()
    await page.getByText(`Listen in: ${reason}`, { exact: false }).waitFor()
    await shootBothThemes(h, page, SHOTS, 'agents-out-of-scope')
    await page.keyboard.press('b')
    await sleep(500)
    expect(h.demo.pbx.engine.ringingChannels().filter((c) => c.name.startsWith('PJSIP/100-'))).toEqual([])
    expect(h.demo.pbx.channels().filter((c) => c.name.startsWith('PJSIP/100-'))).toEqual([])
    // Nothing reached main from the window…
    const none = await h.core.dispatch('audit.read', { limit: 50 }, tab)
    expect(none.ok && none.value.filter((e) => e.action.startsWith('call.'))).toEqual([])
    // …and asked anyway through the contract, main refuses the call in the same words and audits it.
    const live = watchLive(h.core)
    await live.subscribe()
    const callId = await eventually(
      '106’s call in the live state',
      () => Object.values(live.state().calls).find((c) => c.caller.number === '+4930777001' && c.state === 'up')?.id,
    )
    const refused = await h.core.dispatch('supervision.spy', { profileId: 'demo', callId, mode: 'barge' }, tab)
    expect(refused).toMatchObject({ ok: false, error: { code: 'refused', message: reason, detail: { rule: 'supervision_scope' } } })
    expect((await auditSummary(page, 'call.spy')).map(([action, , result]) => [action, result])).toEqual([['call.spy', 'Refused']])
    expect(errors).toEqual([])
  })
})
