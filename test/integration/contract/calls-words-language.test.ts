// What main says about a call a receptionist places reaches them in the language of the console's
// settings: chosen through the contract (settings.set), read back from the contract's answers, as
// a window would see them. The English words stay what the other tests assert.
import { afterEach, describe, expect, it } from 'vitest'
import { setMainLanguage } from '../../../src-main/core/i18n'
import { cleanupsAfterEach } from '../../support/cleanups'
import { startDemoCore } from '../../support/demo-core'

const ctx = { clientId: 'web-4', transport: 'web' as const }
const cleanups = cleanupsAfterEach()

afterEach(() => {
  // Main has one current language for the process: the next test file starts in English again.
  setMainLanguage('en', [])
})

describe('the dial guard and the call actions follow the language setting', () => {
  it('refuses an international number, letters, a premium number and a hang-up of a call gone; says a call placed in German, then French, then English', async () => {
    const { core } = await startDemoCore({ seed: 4, operator: { role: 'receptionist' } }, cleanups)
    const dial = (destination: string): ReturnType<typeof core.dispatch> =>
      core.dispatch('calls.originate', { profileId: 'demo', destination, confirmEmergency: false }, ctx)

    expect(await core.dispatch('settings.set', { language: 'de' }, ctx)).toMatchObject({ ok: true })
    expect(await dial('+1 212 555 0100')).toMatchObject({
      ok: false,
      error: { code: 'refused', message: 'Auslandsgespräche sind von dieser Konsole aus nicht erlaubt' },
    })
    expect(await dial('10x5')).toMatchObject({
      error: { code: 'refused', message: 'Buchstaben lassen sich nicht wählen; geben Sie die Nummer in Ziffern ein' },
    })
    // The demo PBX's 110 is an extension (a German PBX's own 110 and 112 are people, not the police).
    expect(await dial('110')).toMatchObject({ ok: true, value: { message: 'Jonas Keller (110) wird von Ihrem Telefon aus angerufen' } })
    expect(await core.dispatch('calls.hangup', { profileId: 'demo', channelId: 'no-such-channel' }, ctx)).toMatchObject({
      error: { code: 'not_found', message: 'Dieser Anruf ist schon beendet' },
    })

    expect(await core.dispatch('settings.set', { language: 'fr' }, ctx)).toMatchObject({ ok: true })
    expect(await dial('+1 212 555 0100')).toMatchObject({
      error: { message: 'les appels internationaux ne sont pas autorisés depuis cette console' },
    })
    expect(await dial('+49 900 1234567')).toMatchObject({ error: { message: 'numéro surtaxé bloqué (numéros surtaxés allemands 0900)' } })

    expect(await core.dispatch('settings.set', { language: 'en' }, ctx)).toMatchObject({ ok: true })
    expect(await dial('+1 212 555 0100')).toMatchObject({ error: { message: 'international calls are not allowed from this console' } })
  })
})
