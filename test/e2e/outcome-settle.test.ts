/// <reference lib="dom" />
// The operator's view of a lost answer: "outcome unknown" first, then — once the console has
// reconnected and rebuilt its state — the same toast says what the PBX's call list shows.
import type { Browser } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { chromiumForFile } from '../support/browser'
import { channelNames, openConsole, startConsole, type ConsoleHarness } from '../support/console-harness'
import { cuttingProxy, type CuttingProxy } from '../support/cutting-proxy'
import { eventually } from '../support/wait'

let browser: Browser
let h: ConsoleHarness | undefined
chromiumForFile((b) => (browser = b))
afterEach(async () => {
  await h?.stop()
  h = undefined
})

describe('an action whose answer is lost, in real Chromium', () => {
  it('shows outcome unknown, then what the resynced call list says, and never sends it twice', async () => {
    let proxy: CuttingProxy | undefined
    h = await startConsole({
      amiVia: async (port) => {
        proxy = await cuttingProxy(port)
        return proxy
      },
    })
    const harness = h
    const { page, errors } = await openConsole(browser, harness)
    const ch = harness.demo.pbx.placeCall({ from: { trunk: 'trunk', callerNum: '+4930777777', callerName: 'Lost Answer' }, to: '4930555002' })
    if (ch === undefined) throw new Error('the demo refused the call')
    const row = page.getByRole('grid', { name: 'Live calls' }).locator('[role=row][data-call-id]').filter({ hasText: 'Lost Answer' })
    await row.waitFor()
    await row.click()

    // The PBX stays unreachable for 2 s after the cut: the unknown state is on screen meanwhile.
    proxy?.loseAnswerTo('Hangup', 2000)
    await page.keyboard.press('h')
    await page.getByRole('status').filter({ hasText: 'Outcome unknown' }).waitFor()
    // The PBX did hang up; the console only learns it from the rebuilt call list.
    await page
      .getByRole('status')
      .filter({ hasText: 'Hang-up done (after the PBX answered again): the call is gone from the PBX' })
      .waitFor({ timeout: 20_000 })
    expect(await page.getByRole('status').filter({ hasText: 'Outcome unknown' }).count()).toBe(0)
    await eventually('the trunk channel gone', () => (channelNames(harness.demo).includes(ch.name) ? undefined : true))
    await row.waitFor({ state: 'detached' })
    expect(proxy?.seen('Hangup')).toBe(1)
    expect(errors).toEqual([])
  })
})
