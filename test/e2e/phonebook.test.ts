/// <reference lib="dom" />
// The phonebook in real Chromium (web mode, demo PBX): a CSV chosen with the file picker (German
// Outlook, semicolons, Windows-1252, one record that cannot be imported) and a vCard dropped on the
// list are previewed and imported; search finds contacts by name, company and number; a contact is
// edited and saved; an inbound call from a contact's number without a caller-ID name shows the
// contact's name and company on the call card, marked "from phonebook", and its name on the call's row. Screenshots light and dark.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { chromiumForFile } from '../support/browser'
import { consoleForEachTest, openConsole, type ConsoleHarness } from '../support/console-harness'

const SHOTS = process.env.ATTENDANT_SHOTS ?? join(import.meta.dirname, '../../test-results/phonebook')

let browser: Browser
let h: ConsoleHarness
chromiumForFile((b) => (browser = b))
consoleForEachTest((c) => (h = c))

async function open(): Promise<{ page: Page; errors: string[] }> {
  const opened = await openConsole(browser, h)
  const notNow = opened.page.getByRole('region', { name: 'Notifications' }).getByRole('button', { name: 'Not now' })
  if ((await notNow.count()) > 0) await notNow.click()
  return opened
}

async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true })
  for (const theme of ['light', 'dark'] as const) {
    await h.core.dispatch('settings.set', { theme }, { clientId: 'shots', transport: 'web' })
    await page.locator(`html[data-theme="${theme}"]`).waitFor({ state: 'attached' })
    await page.screenshot({ path: join(SHOTS, `${name}-${theme}.png`) })
  }
  await h.core.dispatch('settings.set', { theme: 'light' }, { clientId: 'shots', transport: 'web' })
}

/** German Outlook's export: semicolons, Windows-1252 (ü is 0xFC), one row without name or company. */
const OUTLOOK_CSV = Buffer.from(
  'Vorname;Nachname;Firma;Telefon geschäftlich;Mobiltelefon;Notizen\r\n' +
    'Eva;Fischer;Fischer GmbH;030 1234567;;Prefers e-mail\r\n' +
    'Jürgen;Müller;Bäckerei Sonne;030 5550001;0171 5550002;\r\n' +
    ';;;030 999;;no name here\r\n' +
    'Anna;Schmidt;Kanzlei Schmidt;+49 40 7654321;;\r\n',
  'latin1',
)

const VCARD = [
  'BEGIN:VCARD',
  'VERSION:3.0',
  'FN:Taxi Zentrale',
  'ORG:Taxi Zentrale Berlin',
  'TEL;TYPE=WORK,VOICE:030 202020',
  'NOTE:Account 4711\\, ask for the night desk',
  'END:VCARD',
  'BEGIN:VCARD',
  'VERSION:2.1',
  'N;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:G=FCl;Farid',
  'TEL;CELL:0172 3334445',
  'END:VCARD',
  '',
].join('\r\n')

const grid = (page: Page): Locator => page.getByRole('grid', { name: 'Contacts' })
const contactRows = (page: Page): Locator => grid(page).locator('.grid-row')

/** A file dropped on the element, as a file manager does. */
async function dropFile(target: Locator, name: string, text: string, type: string): Promise<void> {
  const transfer = await target.page().evaluateHandle(
    ([n, t, ty]) => {
      const dt = new DataTransfer()
      dt.items.add(new File([t], n, { type: ty }))
      return dt
    },
    [name, text, type] as const,
  )
  await target.dispatchEvent('dragover', { dataTransfer: transfer })
  await target.dispatchEvent('drop', { dataTransfer: transfer })
}

describe('the phonebook in real Chromium (web mode, demo PBX)', () => {
  it('imports a CSV and a vCard, searches, edits, and names an inbound caller on the call card', async () => {
    const { page, errors } = await open()
    await page.keyboard.press('Alt+7')
    await page.getByRole('heading', { name: 'Phonebook' }).waitFor()
    await page.getByText('The phonebook is empty.').waitFor()
    await shoot(page, 'empty')

    // CSV through the file picker: the preview before anything is stored.
    await page.keyboard.press('i')
    const dialog = page.getByRole('dialog', { name: 'Import contacts' })
    await dialog.waitFor()
    await dialog.locator('input[type=file]').setInputFiles({ name: 'Kontakte.csv', mimeType: 'text/csv', buffer: OUTLOOK_CSV })
    await dialog.getByText('3 new contacts').waitFor()
    expect(await dialog.getByRole('status').textContent()).toContain('read as Windows-1252')
    expect(await dialog.getByRole('combobox', { name: 'Where “Telefon geschäftlich” goes' }).inputValue()).toBe('phone:work')
    expect(await dialog.getByRole('combobox', { name: 'Where “Firma” goes' }).inputValue()).toBe('company')
    const problems = dialog.locator('.import-problems').first()
    expect(await problems.textContent()).toContain('Line 4')
    expect(await problems.textContent()).toContain(';;;030 999;;no name here')
    expect(await dialog.locator('.import-sample').textContent()).toContain('Jürgen Müller')
    await shoot(page, 'import-preview')
    await dialog.getByRole('button', { name: 'Import 3 contacts' }).click()
    await dialog.getByText('3 contacts imported').waitFor()
    await dialog.getByRole('button', { name: 'Done' }).click()
    await expect.poll(() => contactRows(page).count()).toBe(3)

    // vCard dropped on the list.
    await dropFile(page.locator('.phonebook-view'), 'taxi.vcf', VCARD, 'text/vcard')
    await dialog.getByText('2 new contacts').waitFor()
    await dialog.getByRole('button', { name: 'Import 2 contacts' }).click()
    await dialog.getByRole('button', { name: 'Done' }).click()
    await expect.poll(() => contactRows(page).count()).toBe(5)
    expect(await page.locator('.phonebook-toolbar [role=status]').textContent()).toBe('5 contacts')

    // Search: a name, a company, a number in another spelling, a note.
    const search = page.getByRole('searchbox', { name: 'Search the phonebook' })
    const shownNames = async (): Promise<string[]> => contactRows(page).locator('.col-name').allTextContents()
    await page.keyboard.press('/')
    await search.fill('gül')
    await expect.poll(shownNames).toEqual(['Farid Gül'])
    await search.fill('bäckerei')
    await expect.poll(shownNames).toEqual(['Jürgen Müller'])
    await search.fill('+49 30 202')
    await expect.poll(shownNames).toEqual(['Taxi Zentrale'])
    await search.fill('night desk')
    await expect.poll(shownNames).toEqual(['Taxi Zentrale'])

    // Edit: open Eva, change her company, save; the list shows it.
    await search.fill('eva')
    await expect.poll(shownNames).toEqual(['Eva Fischer'])
    await search.press('ArrowDown')
    await page.keyboard.press('Enter')
    const editor = page.getByRole('form', { name: 'Contact Eva Fischer' })
    await editor.waitFor()
    await editor.getByLabel('Company').fill('Fischer & Söhne GmbH')
    await shoot(page, 'editor')
    await page.keyboard.press('Control+Enter')
    await expect.poll(() => contactRows(page).locator('.col-company').allTextContents()).toEqual(['Fischer & Söhne GmbH'])
    expect(await editor.getByRole('button', { name: 'Save' }).isDisabled()).toBe(true)
    // Closing with unsaved changes asks first; Keep editing keeps them, Drop changes drops them.
    await editor.getByLabel('Notes').fill('Changed my mind')
    await editor.getByRole('button', { name: 'Close the contact' }).click()
    const ask = editor.getByRole('alertdialog', { name: 'Unsaved changes' })
    await ask.getByRole('button', { name: 'Keep editing' }).click()
    expect(await editor.getByLabel('Notes').inputValue()).toBe('Changed my mind')
    await editor.getByRole('button', { name: 'Close the contact' }).click()
    await ask.getByRole('button', { name: 'Drop changes' }).click()
    await editor.waitFor({ state: 'detached' })
    expect(await contactRows(page).locator('.col-notes').allTextContents()).toEqual(['Prefers e-mail'])

    // An inbound call from Eva's work number without a caller-ID name: named from the phonebook.
    await page.keyboard.press('Alt+1')
    if (h.demo.pbx.placeCall({ from: { trunk: 'trunk', callerNum: '+49301234567', callerName: '' }, to: '4930555002' }) === undefined) {
      throw new Error('the demo refused the call')
    }
    const card = page.getByRole('region', { name: 'Call card' })
    await expect.poll(() => card.getByTestId('call-card-caller').textContent(), { timeout: 10_000 }).toBe('Eva Fischer')
    expect(await card.getByTestId('call-card-phonebook').textContent()).toBe('Fischer & Söhne GmbH · work · from phonebook')
    expect(await card.locator('.call-card-number').textContent()).toBe('+49301234567')
    // The call's row names the caller too (the number beside the name, the contact's note as its title).
    const caller = page.locator('.call-row .party-phonebook')
    await expect.poll(() => caller.locator('.party-primary').textContent(), { timeout: 10_000 }).toBe('Eva Fischer')
    expect(await caller.locator('.party-secondary').textContent()).toBe('+49301234567')
    expect(await caller.getAttribute('title')).toBe('Fischer & Söhne GmbH · work · from phonebook')
    // And the lamp of the phone it rings (the main number rings reception) says whom it rings for.
    await expect
      .poll(() =>
        page
          .locator('.blf-tile')
          .filter({ has: page.locator('.blf-num', { hasText: /^100$/ }) })
          .locator('.blf-sub')
          .textContent(),
      )
      .toContain('Eva Fischer')
    await shoot(page, 'call-card')

    // Every write is in the audit log with the seat.
    const audit = await h.core.dispatch('audit.read', { limit: 50 }, { clientId: 'check', transport: 'web' })
    if (!audit.ok) throw new Error(audit.error.message)
    expect(audit.value.filter((e) => e.action.startsWith('phonebook.')).map((e) => [e.action, e.target, e.result])).toEqual([
      ['phonebook.update', 'Eva Fischer, Fischer & Söhne GmbH', 'ok'],
      ['phonebook.import', 'taxi.vcf', 'ok'],
      ['phonebook.import', 'Kontakte.csv', 'ok'],
    ])
    expect(errors).toEqual([])
  })
})
