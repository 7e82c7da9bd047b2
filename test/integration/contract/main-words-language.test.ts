// What main's phonebook, reports and directed pickup say reaches the person in the language of the
// console's settings: chosen through the contract (settings.set), read back from the contract's
// answers, as a window would see them.
import { afterEach, describe, expect, it } from 'vitest'
import { setMainLanguage } from '../../../src-main/core/i18n'
import { cleanupsAfterEach } from '../../support/cleanups'
import { startDemoCore } from '../../support/demo-core'

const ctx = { clientId: 'web-7', transport: 'web' as const }
const cleanups = cleanupsAfterEach()

afterEach(() => {
  // Main has one current language for the process: the next test file starts in English again.
  setMainLanguage('en', [])
})

const CSV = 'Name,Company,Phone\n,,030 1111\nEva Fischer,Fischer GmbH,030 1234567,extra\n'

describe('main’s words follow the language setting', () => {
  it('a receptionist is told in German, then in French, why a contact, a report, a pickup or an import row fails', async () => {
    const { core } = await startDemoCore({ seed: 3, operator: { role: 'receptionist' } }, cleanups)
    expect(await core.dispatch('settings.set', { language: 'de' }, ctx)).toMatchObject({ ok: true })

    expect(await core.dispatch('phonebook.get', { profileId: 'demo', id: '987654' }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: 'Dieser Kontakt ist nicht mehr im Telefonbuch.' },
    })
    expect(await core.dispatch('reports.options', { profileId: 'demo' }, ctx)).toMatchObject({
      ok: false,
      error: {
        code: 'forbidden',
        message: 'Berichte sind Supervisoren und Administratoren vorbehalten; dieser Arbeitsplatz hat die Rolle „Empfang“.',
      },
    })
    expect(await core.dispatch('pickup.directed', { profileId: 'demo', extension: '105' }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: 'An 105 klingelt gerade nichts' },
    })
    const staged = await core.dispatch(
      'phonebook.importStage',
      { profileId: 'demo', format: 'csv', fileName: 'a.csv', text: CSV, part: 0, last: true },
      ctx,
    )
    if (!staged.ok) throw new Error(staged.error.message)
    expect(staged.value.preview?.errors.map((e) => e.message)).toEqual(['kein Name und keine Firma: Wer ist das?'])
    expect(staged.value.preview?.warnings.map((w) => w.message)).toEqual(['1 Wert nach der letzten Spalte wurde in den Notizen behalten'])

    expect(await core.dispatch('settings.set', { language: 'fr' }, ctx)).toMatchObject({ ok: true })
    expect(await core.dispatch('phonebook.get', { profileId: 'demo', id: '987654' }, ctx)).toMatchObject({
      error: { message: 'Ce contact n’est plus dans l’annuaire.' },
    })
    expect(await core.dispatch('pickup.directed', { profileId: 'demo', extension: '999' }, ctx)).toMatchObject({
      error: { code: 'refused', message: '999 n’est pas un poste de ce PBX' },
    })

    // The audit keeps its own English words for the refusal of the report.
    const audit = await core.dispatch('audit.read', { limit: 50 }, ctx)
    if (!audit.ok) throw new Error(audit.error.message)
    expect(audit.value.find((e) => e.action === 'report.read' && e.result === 'refused')).toMatchObject({ role: 'receptionist' })

    expect(await core.dispatch('settings.set', { language: 'en' }, ctx)).toMatchObject({ ok: true })
    expect(await core.dispatch('phonebook.get', { profileId: 'demo', id: '987654' }, ctx)).toMatchObject({
      error: { message: 'This contact is no longer in the phonebook.' },
    })
  })
})
