// The configuration workspace's words from main (field labels, rules, notes, refusals beside a
// field, Apply's progress) reach the admin in the console's language, asked through the contract as
// a window asks; FreePBX's own names stay as they are, and the audit keeps its English lines.
import { afterEach, describe, expect, it } from 'vitest'
import type { ConfigKindDescriptor } from '../../../src-preload/types/config'
import { LANGUAGES } from '../../../src-preload/i18n/languages'
import { setMainLanguage } from '../../../src-main/core/i18n'
import { cleanupsAfterEach } from '../../support/cleanups'
import { ctx, startConfigCore } from './support'

const cleanups = cleanupsAfterEach()

afterEach(() => {
  // Main has one language for the process: the next test starts in English again.
  setMainLanguage('en', [])
})

const field = (kinds: readonly ConfigKindDescriptor[], kind: string, name: string) =>
  kinds.find((k) => k.kind === kind)?.fields.find((f) => f.name === name)

describe('configuration words follow the language setting', () => {
  it('describes every kind and field in each language: no missing text, no key shown, the same fields and limits', async () => {
    const c = await startConfigCore(cleanups)
    const english = await c.call('config.describe', undefined)
    for (const language of LANGUAGES) {
      expect(await c.core.dispatch('settings.set', { language }, ctx)).toMatchObject({ ok: true })
      const kinds = await c.call('config.describe', undefined)
      expect(kinds.map((k) => k.kind)).toEqual(english.map((k) => k.kind))
      for (const [i, kind] of kinds.entries()) {
        const en = english[i]
        expect(kind.label).not.toMatch(/^kind\./)
        expect(kind.plural).not.toMatch(/^kinds\./)
        expect(kind.updateNote === undefined).toBe(en?.updateNote === undefined)
        expect(kind.fields.map((f) => [f.name, f.type, f.min, f.max, f.maxLength, f.hint === undefined])).toEqual(
          en?.fields.map((f) => [f.name, f.type, f.min, f.max, f.maxLength, f.hint === undefined]),
        )
        for (const f of kind.fields) {
          expect(f.label, `${kind.kind}.${f.name} in ${language}`).not.toMatch(/^[fh]\./)
          expect(f.label.trim()).not.toBe('')
          if (f.hint !== undefined) expect(f.hint).not.toMatch(/^h\./)
        }
      }
    }
  })

  it('a German admin reads German labels and a German refusal beside the field; French likewise; English is unchanged', async () => {
    const c = await startConfigCore(cleanups)
    const english = await c.call('config.describe', undefined)
    expect(field(english, 'extension', 'name')?.label).toBe('Display name')

    await c.core.dispatch('settings.set', { language: 'de' }, ctx)
    const german = await c.call('config.describe', undefined)
    expect(german.find((k) => k.kind === 'extension')?.label).toBe('Nebenstelle')
    expect(field(german, 'extension', 'name')?.label).toBe('Anzeigename')
    expect(field(german, 'inboundRoute', 'did')?.hint).toMatch(/^leer für jede/)

    const ext = await c.get('extension', '105')
    const saved = await c.call('config.save', {
      profileId: 'demo',
      changes: [{ kind: 'extension', operation: 'update', id: '105', baseVersion: ext.version, values: { ...ext.values, email: 'no-at-sign' } }],
    })
    expect(saved.outcomes[0]).toMatchObject({ ok: false, code: 'invalid_input', fields: { email: 'keine E-Mail-Adresse' } })
    expect(saved.outcomes[0]?.ok === false && saved.outcomes[0].message).toBe('Nebenstelle 105 Eva Fischer: keine E-Mail-Adresse.')
    expect(await c.core.dispatch('config.get', { profileId: 'demo', kind: 'extension', id: '999' }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: 'Nebenstelle 999 gibt es auf der Telefonanlage nicht.' },
    })

    await c.core.dispatch('settings.set', { language: 'fr' }, ctx)
    const french = await c.call('config.describe', undefined)
    expect(field(french, 'ringGroup', 'noAnswer')?.label).toBe('Si personne ne répond')
    const again = await c.call('config.save', {
      profileId: 'demo',
      changes: [{ kind: 'extension', operation: 'update', id: '105', baseVersion: ext.version, values: { ...ext.values, email: 'no-at-sign' } }],
    })
    expect(again.outcomes[0]).toMatchObject({ fields: { email: 'pas une adresse e-mail' } })
  })

  it('the picker’s destinations and the pending tray are named in German; the audit keeps the English names', async () => {
    const c = await startConfigCore(cleanups)
    await c.core.dispatch('settings.set', { language: 'de' }, ctx)
    const options = await c.call('config.destinations', { profileId: 'demo' })
    expect(options.map((o) => o.label)).toEqual(expect.arrayContaining(['Auflegen', 'Besetztton', 'Rufgruppe 600 Sales team']))
    expect(options.find((o) => o.destination.type === 'callFlow')?.label).toMatch(/^Anruffluss 0/)

    const ext = await c.get('extension', '105')
    const saved = await c.call('config.save', {
      profileId: 'demo',
      changes: [{ kind: 'extension', operation: 'update', id: '105', baseVersion: ext.version, values: { ...ext.values, name: 'Eva Fischer-Berg' } }],
    })
    const change = saved.pending.changes.at(-1)
    expect(change?.label).toMatch(/^Nebenstelle 105/)
    expect(change?.diff.map((d) => d.label)).toContain('Anzeigename')
    const audit = JSON.stringify(await c.call('audit.read', { limit: 20 }))
    expect(audit).toContain('Extension 105')
    expect(audit).not.toContain('Nebenstelle 105')
  })

  it('Apply’s progress is said in German to the window, while the audit keeps its English line', async () => {
    const c = await startConfigCore(cleanups)
    await c.core.dispatch('settings.set', { language: 'de' }, ctx)
    await c.call('config.apply', { profileId: 'demo' })
    await expect.poll(() => c.progress.at(-1)?.state, { timeout: 5000 }).toBe('executed')
    expect(c.progress.at(-1)?.message).toBe('Übernommen: die Telefonanlage läuft mit der neuen Konfiguration.')
    const audit = await c.call('audit.read', { limit: 20 })
    const applied = JSON.stringify(audit)
    expect(applied).toContain('Applied: the PBX runs the new configuration.')
    expect(applied).not.toContain('Übernommen')
  })
})
