/// <reference lib="dom" />
// Names from the PBX everywhere, in real Chromium (web mode, the demo PBX keeping its names as
// FreePBX does): on the lamps, on call rows and the card; the dial box and the transfer and
// voicemail prompts as type-ahead pickers (arrows, Enter, Esc; typed digits pass through);
// "eva" + Enter in the transfer picker transfers to Eva Fischer (105); toasts and the audit log name her.
import { join } from 'node:path'
import type { Browser, Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { chromiumForFile } from '../support/browser'
import { consoleForEachTest, openConsole, ringingAt, shootBothThemes, type ConsoleHarness } from '../support/console-harness'
import { callRowWith, lampTile, talkingAtReception } from '../support/calls-page'

const SHOTS = process.env.ATTENDANT_SHOTS ?? join(import.meta.dirname, '../../test-results/names')

let browser: Browser
let h: ConsoleHarness
chromiumForFile((b) => (browser = b))
consoleForEachTest((c) => (h = c))

const toast = (page: Page, text: string): Locator => page.getByRole('status').filter({ hasText: text })

/** Opens the console and answers the browser-notification question ("Not now"), whose bar sits over the lamps. */
const open = (): Promise<{ page: Page; errors: string[] }> => openConsole(browser, h, { declineNotifications: true })

const shoot = (page: Page, name: string): Promise<void> => shootBothThemes(h, page, SHOTS, name)

/** The picker's rows as shown: each option's text. */
const options = (scope: Locator | Page): Promise<string[]> => scope.getByRole('option').allTextContents()

describe('names from the PBX (Chromium, web mode, demo PBX)', () => {
  it('the lamps, the rows and the card name people; the dial box finds them by name; arrows, Esc and typed digits behave', async () => {
    const { page, errors } = await open()
    await expect.poll(() => lampTile(page, '105').textContent()).toContain('Eva Fischer')
    await expect.poll(() => lampTile(page, '106').textContent()).toContain('Farid Gül')

    // The lamp search finds a colleague by name, without accents.
    const search = page.getByRole('searchbox', { name: 'Search extensions' })
    await search.fill('gul')
    await expect.poll(() => page.locator('.blf-tile').evaluateAll((els) => els.map((e) => e.getAttribute('data-extension')))).toEqual(['106'])
    await search.fill('')

    // Rows and card: the caller talks with Reception (100), named.
    await talkingAtReception(h, page, 'Ada Außen', '+4930111222')
    await callRowWith(page, 'Ada Außen').click()
    await expect.poll(() => callRowWith(page, 'Ada Außen').locator('.col-callee').textContent()).toContain('Reception')
    await expect.poll(() => page.getByTestId('call-card-target').textContent()).toBe('100 Reception')

    // The dial box: "eva" lists Eva Fischer first, with her number and state.
    const dial = page.getByRole('combobox', { name: 'Dial a person, number or extension' })
    await dial.click()
    await dial.fill('eva')
    const list = page.getByRole('listbox', { name: /Dial a person, number or extension/ })
    await expect.poll(() => options(list)).toEqual([expect.stringMatching(/^Eva Fischer · 105 · Available/)])
    expect(await list.getByRole('option').first().getAttribute('aria-selected')).toBe('true')
    await shoot(page, 'dial-picker')
    // Esc clears what was typed, a second Esc leaves the field.
    await page.keyboard.press('Escape')
    expect(await dial.inputValue()).toBe('')
    // Digits: nothing is highlighted until an arrow chooses, so Enter dials what was typed.
    await dial.fill('10')
    await expect.poll(async () => (await options(list)).length).toBeGreaterThan(2)
    expect(await list.getByRole('option', { selected: true }).count()).toBe(0)
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('ArrowDown')
    const second = await list.getByRole('option').nth(1).textContent()
    expect(await list.getByRole('option', { selected: true }).textContent()).toBe(second)
    await page.keyboard.press('ArrowUp')
    expect(await list.getByRole('option', { selected: true }).textContent()).toBe(await list.getByRole('option').first().textContent())
    await page.keyboard.press('Escape')
    await dial.fill('105')
    await page.keyboard.press('Enter')
    await toast(page, 'Calling Eva Fischer (105) from your phone').waitFor()
    expect(errors).toEqual([])
  })

  it('"eva" + Enter in the transfer picker transfers to Eva Fischer; the voicemail picker by name; toasts and the audit name them', async () => {
    const { page, errors } = await open()
    await talkingAtReception(h, page, 'Bert Blind', '+4930222333')
    await callRowWith(page, 'Bert Blind').click()
    await page.keyboard.press('t')
    const prompt = page.getByRole('dialog', { name: 'Transfer to' })
    const picker = prompt.getByRole('combobox', { name: 'Destination' })
    await picker.fill('eva')
    await expect.poll(() => options(prompt)).toEqual([expect.stringMatching(/^Eva Fischer · 105/)])
    await shoot(page, 'transfer-picker')
    await page.keyboard.press('Enter')
    await toast(page, 'Transferred to Eva Fischer (105)').waitFor()
    const at105 = await ringingAt(h.demo, '105')
    expect(h.demo.pbx.answer(at105.uniqueid)).toBe(true)
    await expect.poll(() => callRowWith(page, 'Bert Blind').locator('.col-callee').textContent()).toContain('Eva Fischer')
    await callRowWith(page, 'Bert Blind').click()
    await expect.poll(() => page.getByTestId('call-card-target').textContent()).toBe('105 Eva Fischer')
    await shoot(page, 'row-and-card')

    // The voicemail picker: "farid" + Enter sends the caller to Farid Gül's voicemail.
    await page.keyboard.press('v')
    const vm = page.getByRole('dialog', { name: 'Send to voicemail of extension' })
    await vm.getByRole('combobox', { name: 'Destination' }).fill('farid')
    await expect.poll(() => options(vm)).toEqual([expect.stringMatching(/^Farid Gül · 106/)])
    await page.keyboard.press('Enter')
    await toast(page, 'Sent to the voicemail of Farid Gül (106)').waitFor()

    // The audit log names them too.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Admin', exact: true }).click()
    const audit = page.getByRole('table', { name: 'Audit log' })
    await audit.waitFor()
    const text = await audit.locator('tbody').textContent()
    expect(text).toContain('Bert Blind <+4930222333> → Eva Fischer <105>')
    expect(text).toContain('voicemail of Farid Gül <106>')
    expect(errors).toEqual([])
  })
})
