/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startBuiltinDemo, type BuiltinDemo } from '../../src-main/core/app/builtin-demo'
import { launchChromium } from '../support/browser'
import { openConsole, startConsole, type ConsoleHarness } from '../support/console-harness'

let browser: Browser
let h: ConsoleHarness
/** A second PBX, for the side-by-side test. */
let branch: BuiltinDemo | undefined

beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  await browser.close()
})
beforeEach(async () => {
  // No built-in profile: every PBX the console shows is one created in the Admin view.
  h = await startConsole({ builtinProfile: false })
})
afterEach(async () => {
  await h.stop()
  await branch?.stop()
  branch = undefined
})

const nav = (page: Page, view: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: view, exact: true }).click()

/** Fills the Admin view's new-profile form for `pbx` with its least-privileged AMI user. */
async function fillNewProfile(page: Page, pbx: BuiltinDemo, id: string, name: string): Promise<void> {
  const info = pbx.pbx.info()
  const operator = info.ami.users.find((u) => u.username === 'operator')
  if (operator === undefined) throw new Error('the demo PBX has no operator user')
  await nav(page, 'Admin')
  await page.getByRole('button', { name: 'New profile' }).click()
  const form = page.getByRole('form', { name: 'New PBX profile' })
  const pbxGroup = form.getByRole('group', { name: 'PBX', exact: true })
  await pbxGroup.getByRole('textbox', { name: 'Name' }).fill(name)
  await pbxGroup.getByRole('textbox', { name: 'Profile id' }).fill(id)
  await pbxGroup.getByRole('textbox', { name: 'Host' }).fill(info.ami.host)
  const ami = form.getByRole('group', { name: 'AMI', exact: true })
  await ami.getByRole('textbox', { name: 'Port' }).fill(String(info.ami.port))
  await ami.getByRole('textbox', { name: 'User' }).fill(operator.username)
  await ami.getByLabel('AMI secret').fill(operator.secret)
}

/** Runs Test connection and returns the three result lines (AMI, ARI, FreePBX API). */
async function testConnection(page: Page): Promise<string[]> {
  const form = page.getByRole('form', { name: 'New PBX profile' })
  await form.getByRole('button', { name: 'Test connection' }).click()
  const results = form.getByRole('list', { name: 'Connection test results' })
  await results.waitFor()
  return results.getByRole('listitem').allTextContents()
}

async function saveProfile(page: Page, name: string): Promise<void> {
  await page.getByRole('form', { name: 'New PBX profile' }).getByRole('button', { name: 'Save profile' }).click()
  await page.getByRole('form', { name: 'New PBX profile' }).waitFor({ state: 'detached' })
  await page.getByRole('table', { name: 'PBX profiles' }).getByRole('cell', { name, exact: true }).waitFor()
}

/** An outside caller on a DID that rings extension 100. */
function inbound(pbx: BuiltinDemo, callerName: string): void {
  if (pbx.pbx.placeCall({ from: { trunk: 'trunk', callerNum: '+4930123456', callerName }, to: '4930555002' }) === undefined) throw new Error('the demo refused the call')
}

const callRow = (page: Page, text: string) => page.getByRole('grid', { name: 'Live calls' }).locator('[role=row][data-call-id]').filter({ hasText: text })
const statusGroup = (page: Page, name: string) => page.getByRole('contentinfo', { name: 'Connection status' }).locator('.status-group').filter({ hasText: name })

describe('PBX profiles in real Chromium (web mode, demo PBX)', () => {
  it('creates a profile against the demo PBX, tests it, saves it, switches to it and shows its live calls', async () => {
    const { page, errors } = await openConsole(browser, h, { waitLive: false })
    await page.getByRole('contentinfo', { name: 'Connection status' }).getByText('No PBX connected').waitFor()
    await fillNewProfile(page, h.demo, 'main-office', 'Main office')
    const results = await testConnection(page)
    expect(results[0]).toMatch(/^AMI: connected/)
    // The operator user holds only what the console needs: no over-privilege warning.
    expect(results[0]).not.toContain('⚠')
    await saveProfile(page, 'Main office')
    await statusGroup(page, 'Main office').getByText('AMI connected').waitFor()
    await page.getByRole('combobox', { name: 'PBX shown' }).selectOption('main-office')
    await nav(page, 'Calls')
    await page.locator('.live-status.live-live').waitFor()
    inbound(h.demo, 'Profile Caller')
    await callRow(page, 'Profile Caller').waitFor()
    expect(errors).toEqual([])
  })

  it('reports a wrong AMI secret in Test connection and saves nothing', async () => {
    const { page, errors } = await openConsole(browser, h, { waitLive: false })
    await fillNewProfile(page, h.demo, 'wrong', 'Wrong secret')
    await page.getByRole('form', { name: 'New PBX profile' }).getByRole('group', { name: 'AMI', exact: true }).getByLabel('AMI secret').fill('not-the-secret')
    const results = await testConnection(page)
    expect(results[0]).toMatch(/^AMI: /)
    expect(results[0]).not.toMatch(/connected/)
    expect(results[0]).toMatch(/auth|password|secret|login/i)
    await page.getByRole('form', { name: 'New PBX profile' }).getByRole('button', { name: 'Cancel' }).click()
    expect(await h.core.profiles.view()).toMatchObject({ profiles: [] })
    expect(errors).toEqual([])
  })

  it('keeps two PBX profiles connected side by side, each with its own calls', async () => {
    branch = await startBuiltinDemo({ rate: 0, seed: 11 })
    const { page, errors } = await openConsole(browser, h, { waitLive: false })
    await fillNewProfile(page, h.demo, 'main-office', 'Main office')
    await saveProfile(page, 'Main office')
    await fillNewProfile(page, branch, 'branch', 'Branch office')
    expect((await testConnection(page))[0]).toMatch(/^AMI: connected/)
    await saveProfile(page, 'Branch office')
    // The status bar shows both PBXs, each connected.
    await statusGroup(page, 'Main office').getByText('AMI connected').waitFor()
    await statusGroup(page, 'Branch office').getByText('AMI connected').waitFor()

    inbound(h.demo, 'Main Caller')
    inbound(branch, 'Branch Caller')
    const shown = page.getByRole('combobox', { name: 'PBX shown' })
    await shown.selectOption('main-office')
    await nav(page, 'Calls')
    await callRow(page, 'Main Caller').waitFor()
    expect(await callRow(page, 'Branch Caller').count()).toBe(0)
    await shown.selectOption('branch')
    await callRow(page, 'Branch Caller').waitFor()
    expect(await callRow(page, 'Main Caller').count()).toBe(0)
    // Switching shows the other PBX; it does not disconnect the first.
    expect(await statusGroup(page, 'Main office').textContent()).toContain('AMI connected')
    expect(errors).toEqual([])
  })
})
