// The words main and the windows share (src-preload/types: the dial shortcut's check, the update address's,
// the PBX clock's warning, the contract's own refusals for a field) reach a window in the console's
// language, asked through the contract as a window or an attacker asks: German, French, then English again.
import { afterEach, describe, expect, it } from 'vitest'
import type { CallContext } from '../../../src-main/core/api/dispatcher'
import { setMainLanguage } from '../../../src-main/core/i18n'
import { cleanupsAfterEach } from '../../support/cleanups'
import { startDemoCore } from '../../support/demo-core'
import { createTestCore } from '../../support/test-core'

const cleanups = cleanupsAfterEach()
const tab: CallContext = { clientId: 'web-7', transport: 'web' }

afterEach(() => {
  // Main has one language for the process: the next test starts in English again.
  setMainLanguage('en', [])
})

const message = (r: { ok: boolean; error?: { message: string } }): string => (r.ok ? '(accepted)' : (r.error?.message ?? ''))

describe('a shared schema refuses in the console’s language', () => {
  it('the update address, the dial shortcut and a field’s own rule: German, French, then English as before', async () => {
    const core = createTestCore()
    cleanups.push(() => core.close())
    const refusals = async () => ({
      needed: message(await core.dispatch('updates.set', { enabled: true, feedUrl: null }, tab)),
      http: message(await core.dispatch('updates.set', { enabled: true, feedUrl: 'http://updates.example.com/' }, tab)),
      shortcut: message(await core.dispatch('settings.set', { desktop: { alwaysOnTop: false, dialShortcut: 'D' } }, tab)),
      profileId: message(await core.dispatch('pbxClock.read', { profileId: 'no such id!' }, tab)),
      group: message(await core.dispatch('settings.set', { lampGroups: { demo: { groups: [{ name: 'Front\ndesk', extensions: ['201'] }] } } }, tab)),
    })
    const english = await refusals()
    expect(english).toEqual({
      needed: 'feedUrl: Name the update address to turn updates on.',
      http: 'feedUrl: The update address must start with https://.',
      shortcut: 'desktop.dialShortcut: not a usable shortcut',
      profileId: 'profileId: id must be 1-64 letters, digits, _ or -',
      group: 'lampGroups.demo.groups.0.name: a group name holds no control characters or direction marks',
    })

    expect(await core.dispatch('settings.set', { language: 'de' }, tab)).toMatchObject({ ok: true })
    expect(await refusals()).toEqual({
      needed: 'feedUrl: Geben Sie die Update-Adresse an, um Updates einzuschalten.',
      http: 'feedUrl: Die Update-Adresse muss mit https:// beginnen.',
      shortcut: 'desktop.dialShortcut: kein verwendbares Tastenkürzel',
      profileId: 'profileId: die ID muss aus 1–64 Buchstaben, Ziffern, _ oder - bestehen',
      group: 'lampGroups.demo.groups.0.name: ein Gruppenname enthält keine Steuer- oder Schreibrichtungszeichen',
    })

    expect(await core.dispatch('settings.set', { language: 'fr' }, tab)).toMatchObject({ ok: true })
    const french = await refusals()
    expect(french.needed).toBe('feedUrl: Indiquez l’adresse des mises à jour pour les activer.')
    expect(french.http).toBe('feedUrl: L’adresse des mises à jour doit commencer par https://.')
    expect(french.shortcut).toBe('desktop.dialShortcut: raccourci inutilisable')
    expect(french.profileId).toBe('profileId: l’identifiant doit compter 1 à 64 lettres, chiffres, _ ou -')

    expect(await core.dispatch('settings.set', { language: 'en' }, tab)).toMatchObject({ ok: true })
    expect(await refusals()).toEqual(english)
  })
})

describe('the PBX clock’s warning', () => {
  it('is said in the console’s language: German, French, then English', async () => {
    const { core } = await startDemoCore({ seed: 3, profile: { timeZone: 'Europe/Berlin' } }, cleanups)
    const warning = async (): Promise<string | undefined> => {
      const r = await core.dispatch('pbxClock.read', { profileId: 'demo' }, tab)
      return r.ok ? r.value.warning : `refused: ${r.error.message}`
    }
    await core.dispatch('settings.set', { language: 'de' }, tab)
    expect(await warning()).toMatch(/^Die Uhr der Telefonanlage läuft auf UTC, dieses Profil nennt aber Europe\/Berlin \(UTC\+[12]\): /)
    await core.dispatch('settings.set', { language: 'fr' }, tab)
    expect(await warning()).toMatch(/^L’horloge du PBX est à UTC, mais ce profil indique Europe\/Berlin \(UTC\+[12]\)\u00a0: /)
    await core.dispatch('settings.set', { language: 'en' }, tab)
    expect(await warning()).toMatch(/^The PBX's clock runs on UTC, but this profile says Europe\/Berlin \(UTC\+[12]\)/)
  })
})
