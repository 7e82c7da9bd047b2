/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { chromiumForFile } from '../support/browser'
import { consoleForEachTest, openConsole, shootBothThemes, type ConsoleHarness } from '../support/console-harness'

/**
 * Issue 20 item 5, the words main and the windows share (src-preload/i18n/strings): the profile
 * editor checks the typed Time zone against the PBX's clock (the demo runs on UTC) and says so in
 * the chosen language, with the rule and words main uses. Settings' Language row is laid out as the
 * other setting rows: its label, a gap, the menu.
 */
const ADMIN = 'correct horse battery staple'
const SETUP_CODE = 'KMQX-R3DA-9TWC'
let browser: Browser
let harness: ConsoleHarness
chromiumForFile((b) => (browser = b))
// A profile saved as an admin saves one (the built-in demo has no editor): the editor checks its zone against the live PBX.
consoleForEachTest((h) => (harness = h), { builtinProfile: false, setupCode: SETUP_CODE })

const seat = { clientId: 'shared-words-test', transport: 'web' as const }
const desktop = { clientId: 'ipc-1', transport: 'ipc' as const }

/** The demo PBX saved as the profile 'office' (on UTC, as the demo runs), and shown. */
async function officeProfile(): Promise<void> {
  const set = await harness.core.dispatch('admin.setPassphrase', { next: ADMIN, setupCode: SETUP_CODE }, desktop)
  if (!set.ok) throw new Error(set.error.message)
  const profile = { ...harness.demo.builtin.profile, id: 'office', name: 'Office', timeZone: 'UTC' }
  const saved = await harness.core.dispatch('profiles.save', { profile, secrets: harness.demo.builtin.secrets, adminPassphrase: ADMIN }, desktop)
  if (!saved.ok) throw new Error(saved.error.message)
  await harness.core.dispatch('settings.set', { activeProfileId: 'office' }, seat)
}
const SHOTS = process.env.ATTENDANT_SHOTS_DIR
const sidebar = (page: Page) => page.getByRole('navigation').first()

interface Language {
  readonly code: 'de' | 'fr'
  readonly admin: string
  readonly settings: string
  readonly language: string
  readonly edit: RegExp
  readonly timeZone: string
  readonly warning: RegExp
}

const LANGUAGES: readonly Language[] = [
  {
    code: 'de',
    admin: 'Administration',
    settings: 'Einstellungen',
    language: 'Sprache',
    edit: / bearbeiten$/,
    timeZone: 'Zeitzone',
    warning: /^Die Uhr der Telefonanlage läuft auf UTC, dieses Profil nennt aber Europe\/Berlin \(UTC\+[12]\): /,
  },
  {
    code: 'fr',
    admin: 'Administration',
    settings: 'Réglages',
    language: 'Langue',
    edit: /^Modifier /,
    timeZone: 'Fuseau horaire',
    warning: /^L’horloge du PBX est à UTC, mais ce profil indique Europe\/Berlin \(UTC\+[12]\)\u00a0: /,
  },
]

/** The horizontal room between the Language row's label and its menu, in CSS pixels. */
async function languageGap(page: Page, label: string): Promise<number> {
  const labelBox = await page.locator('label', { hasText: new RegExp(`^${label}$`) }).boundingBox()
  const menuBox = await page.getByRole('combobox', { name: label }).boundingBox()
  if (labelBox === null || menuBox === null) throw new Error('the Language row is not on screen')
  return menuBox.x - (labelBox.x + labelBox.width)
}

describe('the shared words in German and French (Chromium, web mode)', () => {
  it('the profile editor’s clock warning and Settings’ Language row, in each language', async () => {
    await officeProfile()
    const { page, errors } = await openConsole(browser, harness, { declineNotifications: true })
    await sidebar(page).getByRole('button', { name: 'Settings', exact: true }).click()
    expect(await languageGap(page, 'Language')).toBeGreaterThanOrEqual(8)

    for (const l of LANGUAGES) {
      await harness.core.dispatch('settings.set', { language: l.code }, seat)
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(l.code)

      await sidebar(page).getByRole('button', { name: l.settings, exact: true }).click()
      await page.getByRole('combobox', { name: l.language }).waitFor()
      expect(await languageGap(page, l.language)).toBeGreaterThanOrEqual(8)
      if (SHOTS !== undefined) await shootBothThemes(harness, page, SHOTS, `shared-settings-${l.code}`)

      await sidebar(page).getByRole('button', { name: l.admin, exact: true }).click()
      await page.getByRole('button', { name: l.edit }).first().click()
      const zone = page.getByRole('textbox', { name: l.timeZone })
      await zone.fill('Europe/Berlin')
      const warning = page.locator('.time-zone-warning')
      await expect.poll(async () => ((await warning.count()) > 0 ? await warning.textContent() : '')).toMatch(l.warning)
      await warning.scrollIntoViewIfNeeded()
      if (SHOTS !== undefined) await shootBothThemes(harness, page, SHOTS, `shared-clock-${l.code}`)
      await page.keyboard.press('Escape')
    }

    await harness.core.dispatch('settings.set', { language: 'en' }, seat)
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en')
    expect(errors).toEqual([])
  })
})
