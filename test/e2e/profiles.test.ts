/// <reference lib="dom" />
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startBuiltinDemo, type BuiltinDemo } from '../../src-main/core/app/builtin-demo'
import { chromiumForFile } from '../support/browser'
import { openConsole, startConsole, type ConsoleHarness } from '../support/console-harness'

let browser: Browser
let h: ConsoleHarness
const ADMIN = 'correct horse battery staple'
const SETUP_CODE = 'KMQX-R3DA-9TWC'
/** Screenshots of the first-run step and the sealed section, to look at (light and dark). */
const SHOTS = process.env.ATTENDANT_SHOTS ?? join(import.meta.dirname, '../../test-results/profiles')
/** A second PBX, for the side-by-side test. */
let branch: BuiltinDemo | undefined

chromiumForFile((b) => (browser = b))
beforeEach(async () => {
  // No built-in profile: every PBX the console shows is one created in the Admin view.
  h = await startConsole({ builtinProfile: false, setupCode: SETUP_CODE })
})

/** The first-run step as the local desktop window does it, for tests about something else. */
async function adminPassphraseSet(): Promise<void> {
  const r = await h.core.dispatch('admin.setPassphrase', { next: ADMIN }, { clientId: 'ipc-1', transport: 'ipc' })
  if (!r.ok) throw new Error(r.error.message)
}
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
  await form.getByLabel('Admin passphrase').fill(ADMIN)
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
  if (pbx.pbx.placeCall({ from: { trunk: 'trunk', callerNum: '+4930123456', callerName }, to: '4930555002' }) === undefined)
    throw new Error('the demo refused the call')
}

const callRow = (page: Page, text: string) =>
  page.getByRole('grid', { name: 'Live calls' }).locator('[role=row][data-call-id]').filter({ hasText: text })
const statusGroup = (page: Page, name: string) =>
  page.getByRole('contentinfo', { name: 'Connection status' }).locator('.status-group').filter({ hasText: name })

describe('PBX profiles in real Chromium (web mode, demo PBX)', () => {
  it('first run: no profile can be created until the admin passphrase is set with the setup code from the terminal', async () => {
    const { page, errors } = await openConsole(browser, h, { waitLive: false })
    await nav(page, 'Admin')
    const step = page.getByRole('form', { name: 'First run: set the admin passphrase' })
    await step.waitFor()
    expect(await page.getByRole('button', { name: 'New profile' }).isDisabled()).toBe(true)
    mkdirSync(SHOTS, { recursive: true })
    for (const theme of ['light', 'dark'] as const) {
      await h.core.dispatch('settings.set', { theme }, { clientId: 'shots', transport: 'web' })
      await page.locator(`html[data-theme="${theme}"]`).waitFor({ state: 'attached' })
      await step.screenshot({ path: join(SHOTS, `first-run-${theme}.png`) })
    }
    await step.getByLabel('Admin passphrase').fill(ADMIN)
    await step.getByLabel('Repeat it').fill(ADMIN)
    await step.getByLabel('Setup code').fill('AAAA-AAAA-AAAA')
    await step.getByRole('button', { name: 'Set admin passphrase' }).click()
    await step
      .getByRole('alert')
      .getByText(/setup code is not correct/)
      .waitFor()
    // The wrong code costs a wait; the right one, typed after it, is accepted.
    await page.waitForTimeout(1100)
    await step.getByLabel('Setup code').fill(SETUP_CODE.toLowerCase())
    await step.getByRole('button', { name: 'Set admin passphrase' }).click()
    await step.waitFor({ state: 'detached' })
    expect(await page.getByRole('button', { name: 'New profile' }).isEnabled()).toBe(true)
    await page.getByRole('form', { name: 'Admin passphrase' }).waitFor()
    expect(await h.core.profiles.view()).toMatchObject({ hasAdminPassphrase: true })
    expect(errors).toEqual([])
  })

  it('the editor sets the sealed settings apart and says what a save will need and drop', async () => {
    await adminPassphraseSet()
    const { page, errors } = await openConsole(browser, h, { waitLive: false })
    await fillNewProfile(page, h.demo, 'main-office', 'Main office')
    await saveProfile(page, 'Main office')
    await page.getByRole('button', { name: 'Edit Main office' }).click()
    const form = page.getByRole('form', { name: 'Edit Main office' })
    const sealed = form.getByRole('region', { name: 'Sealed settings' })
    await sealed.getByRole('textbox', { name: 'Burst (calls)' }).fill('5')
    await form.getByRole('group', { name: 'AMI', exact: true }).getByRole('textbox', { name: 'Port' }).fill('5039')
    const notes = form.getByRole('note', { name: 'What saving needs' })
    await notes.getByText('Changed sealed settings (dial limits, AMI endpoint): saving needs the admin passphrase.').waitFor()
    await notes
      .getByText(/The stored AMI secret was entered for 127\.0\.0\.1:\d+; it is dropped on save unless you type it again for 127\.0\.0\.1:5039\./)
      .waitFor()
    mkdirSync(SHOTS, { recursive: true })
    for (const theme of ['light', 'dark'] as const) {
      await h.core.dispatch('settings.set', { theme }, { clientId: 'shots', transport: 'web' })
      await page.locator(`html[data-theme="${theme}"]`).waitFor({ state: 'attached' })
      await sealed.screenshot({ path: join(SHOTS, `sealed-section-${theme}.png`) })
      await notes.screenshot({ path: join(SHOTS, `save-notes-${theme}.png`) })
    }
    // Without the passphrase main refuses, naming what changed.
    await form.getByRole('button', { name: 'Save profile' }).click()
    await form.getByRole('alert').getByText('changing the dial limits, AMI endpoint needs the admin passphrase').waitFor()
    expect((await h.core.profiles.get('main-office')).dialLimits.burst).toBe(20)
    expect(errors).toEqual([])
  })

  it('names the other mailboxes a receptionist may listen to, checked as typed and sealed by the admin passphrase', async () => {
    await adminPassphraseSet()
    const { page, errors } = await openConsole(browser, h, { waitLive: false })
    await fillNewProfile(page, h.demo, 'front-desk', 'Front desk')
    await saveProfile(page, 'Front desk')
    await page.getByRole('button', { name: 'Edit Front desk' }).click()
    const form = page.getByRole('form', { name: 'Edit Front desk' })
    const voicemail = form.getByRole('region', { name: 'Sealed settings' }).getByRole('group', { name: 'Voicemail', exact: true })
    const mailboxes = voicemail.getByRole('textbox', { name: 'Other mailboxes' })
    await voicemail.getByText('Nothing named: this seat reaches only its own mailbox (100).').waitFor()
    // A mistake is said beside the field as it is typed, and nothing of it reaches the profile.
    await mailboxes.fill('104, 10a')
    await voicemail.getByText('“10a” is not a mailbox (1 to 15 digits)').waitFor()
    expect(await mailboxes.getAttribute('aria-invalid')).toBe('true')
    expect(await form.getByRole('note', { name: 'What saving needs' }).count()).toBe(0)
    await mailboxes.fill('104 105')
    await mailboxes.press('Tab')
    await voicemail.getByText('This seat reaches its own mailbox (100) and mailboxes 104, 105.').waitFor()
    const notes = form.getByRole('note', { name: 'What saving needs' })
    await notes.getByText('Changed sealed settings (voicemail mailboxes): saving needs the admin passphrase.').waitFor()
    mkdirSync(SHOTS, { recursive: true })
    for (const theme of ['light', 'dark'] as const) {
      await h.core.dispatch('settings.set', { theme }, { clientId: 'shots', transport: 'web' })
      await page.locator(`html[data-theme="${theme}"]`).waitFor({ state: 'attached' })
      await voicemail.screenshot({ path: join(SHOTS, `voicemail-mailboxes-${theme}.png`) })
    }
    await form.getByRole('button', { name: 'Save profile' }).click()
    await form.getByRole('alert').getByText('changing the voicemail mailboxes needs the admin passphrase').waitFor()
    expect((await h.core.profiles.get('front-desk')).voicemail).toBeUndefined()
    await form.getByLabel('Admin passphrase').fill(ADMIN)
    await form.getByRole('button', { name: 'Save profile' }).click()
    await form.waitFor({ state: 'detached' })
    expect((await h.core.profiles.get('front-desk')).voicemail).toEqual({ mailboxes: ['104', '105'] })
    expect(errors).toEqual([])
  })

  it('creates a profile against the demo PBX, tests it, saves it, switches to it and shows its live calls', async () => {
    await adminPassphraseSet()
    const { page, errors } = await openConsole(browser, h, { waitLive: false })
    await page.getByRole('contentinfo', { name: 'Connection status' }).getByText('No PBX connected').waitFor()
    await fillNewProfile(page, h.demo, 'main-office', 'Main office')
    const results = await testConnection(page)
    expect(results[0]).toMatch(/^AMI: connected/)
    // The operator user holds only what the console needs: no over-privilege warning.
    expect(results[0]).not.toContain('⚠')
    // Each line names its transport once: 'ARI: turned off in this profile', never 'ARI: ARI: …'.
    expect(results[1]).toBe('ARI: turned off in this profile')
    for (const line of results) expect(line).not.toMatch(/^([A-Za-z ]+): \1:/)
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
    await adminPassphraseSet()
    const { page, errors } = await openConsole(browser, h, { waitLive: false })
    await fillNewProfile(page, h.demo, 'wrong', 'Wrong secret')
    await page
      .getByRole('form', { name: 'New PBX profile' })
      .getByRole('group', { name: 'AMI', exact: true })
      .getByLabel('AMI secret')
      .fill('not-the-secret')
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
    await adminPassphraseSet()
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
