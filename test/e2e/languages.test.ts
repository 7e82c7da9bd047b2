/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { chromiumForFile } from '../support/browser'
import { consoleForEachTest, openConsole, shootBothThemes, type ConsoleHarness } from '../support/console-harness'

/**
 * Issue 20 item 5: the console in the operator's language. Chosen in Settings, it applies at once to
 * the sidebar, the screens and <html lang>, stays after a reload, and dates follow the language's locale.
 */
let browser: Browser
let harness: ConsoleHarness
chromiumForFile((b) => (browser = b))
consoleForEachTest((h) => (harness = h))

const seat = { clientId: 'languages-test', transport: 'web' as const }
const SHOTS = process.env.ATTENDANT_SHOTS_DIR

const sidebar = (page: Page) => page.getByRole('navigation').first()
const htmlLang = (page: Page): Promise<string> => page.evaluate(() => document.documentElement.lang)

/** Picks a language in Settings' menu, named as the screen names it now. */
async function chooseLanguage(page: Page, settingsNav: string, languageLabel: string, language: 'en' | 'de' | 'fr'): Promise<void> {
  await sidebar(page).getByRole('button', { name: settingsNav, exact: true }).click()
  await page.getByRole('combobox', { name: languageLabel }).selectOption(language)
  await expect.poll(() => htmlLang(page)).toBe(language)
}

describe('the console in German and French (Chromium, web mode)', () => {
  it('German, then French, from Settings: sidebar, Settings, Calls and Admin read it, <html lang> follows, a reload keeps it', async () => {
    const { page, errors } = await openConsole(browser, harness)
    expect(await htmlLang(page)).toBe('en')

    await chooseLanguage(page, 'Settings', 'Language', 'de')
    await page.getByRole('heading', { level: 1, name: 'Einstellungen' }).waitFor()
    for (const name of ['Anrufe', 'Einstellungen', 'Administration']) {
      expect(await sidebar(page).getByRole('button', { name, exact: true }).count()).toBe(1)
    }
    expect(await sidebar(page).getByRole('button', { name: 'Settings', exact: true }).count()).toBe(0)
    expect(await page.getByRole('radio', { name: 'Dunkel' }).count()).toBe(1)
    expect(await page.locator('footer.statusbar').getAttribute('aria-label')).toBe('Verbindungsstatus')
    if (SHOTS !== undefined) await shootBothThemes(harness, page, SHOTS, 'settings-de')

    await sidebar(page).getByRole('button', { name: 'Anrufe', exact: true }).click()
    await page.getByRole('heading', { level: 1, name: 'Anrufe' }).waitFor()
    expect(await page.getByRole('searchbox', { name: 'Anrufe filtern' }).count()).toBe(1)

    await sidebar(page).getByRole('button', { name: 'Administration', exact: true }).click()
    await page.getByRole('heading', { level: 1, name: 'Administration' }).waitFor()
    expect(await page.getByRole('button', { name: 'Neues Profil' }).count()).toBe(1)
    expect(await page.getByRole('heading', { level: 2, name: 'Prüfprotokoll' }).count()).toBe(1)
    if (SHOTS !== undefined) await shootBothThemes(harness, page, SHOTS, 'admin-de')

    // A reload reads the setting from main again: still German.
    await page.reload()
    await sidebar(page).getByRole('button', { name: 'Einstellungen', exact: true }).waitFor()
    expect(await htmlLang(page)).toBe('de')

    await chooseLanguage(page, 'Einstellungen', 'Sprache', 'fr')
    await page.getByRole('heading', { level: 1, name: 'Réglages' }).waitFor()
    for (const name of ['Appels', 'Réglages', 'Administration']) {
      expect(await sidebar(page).getByRole('button', { name, exact: true }).count()).toBe(1)
    }
    expect(await page.getByRole('radio', { name: 'Sombre' }).count()).toBe(1)
    if (SHOTS !== undefined) await shootBothThemes(harness, page, SHOTS, 'settings-fr')
    await sidebar(page).getByRole('button', { name: 'Appels', exact: true }).click()
    await page.getByRole('heading', { level: 1, name: 'Appels' }).waitFor()
    await sidebar(page).getByRole('button', { name: 'Administration', exact: true }).click()
    expect(await page.getByRole('button', { name: 'Nouveau profil' }).count()).toBe(1)
    if (SHOTS !== undefined) await shootBothThemes(harness, page, SHOTS, 'admin-fr')

    // And back: English words again, the lang attribute with them.
    await chooseLanguage(page, 'Réglages', 'Langue', 'en')
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor()
    for (const name of ['Calls', 'Settings', 'Admin']) {
      expect(await sidebar(page).getByRole('button', { name, exact: true }).count()).toBe(1)
    }
    expect(errors).toEqual([])
    await page.close()
  })

  it('a time in the audit log is written as the chosen language writes it', async () => {
    // Any action leaves a line in the audit log, done or refused.
    await harness.core.dispatch('queues.pause', { profileId: 'demo', queue: 'support', iface: 'PJSIP/101', paused: true }, seat)
    const audit = await harness.core.dispatch('audit.read', { limit: 5 }, seat)
    if (!audit.ok) throw new Error(audit.error.message)
    const newest = audit.value[0]
    if (newest === undefined) throw new Error('nothing in the audit log')
    const at = Date.parse(newest.time)
    const written = (locale: string): string => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' }).format(at)
    // The three differ ("Dec 7, 2026, 1:20:33 AM" / "07.12.2026, 01:20:33" / "7 déc. 2026, 01:20:33"), so each is seen only in its language.
    expect(new Set([written('en'), written('de'), written('fr')]).size).toBe(3)

    const { page, errors } = await openConsole(browser, harness)
    const timeCell = (locale: string) =>
      page.getByRole('table', { name: /Audit log|Prüfprotokoll|Journal d’audit/ }).getByRole('cell', { name: written(locale), exact: true })
    await chooseLanguage(page, 'Settings', 'Language', 'de')
    await sidebar(page).getByRole('button', { name: 'Administration', exact: true }).click()
    await timeCell('de').first().waitFor()
    expect(await timeCell('en').count()).toBe(0)

    await chooseLanguage(page, 'Einstellungen', 'Sprache', 'fr')
    await sidebar(page).getByRole('button', { name: 'Administration', exact: true }).click()
    await timeCell('fr').first().waitFor()
    expect(await timeCell('de').count()).toBe(0)
    expect(errors).toEqual([])
    await page.close()
  })
})
