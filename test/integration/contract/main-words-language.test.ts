// Main's own words (the dispatcher's refusals, what is wrong with a field, ...) reach a window in the
// console's language, asked through the contract as a window or an attacker asks; the English words
// stay as they were, and the audit keeps its English lines.
import { afterEach, describe, expect, it } from 'vitest'
import type { CallContext } from '../../../src-main/core/api/dispatcher'
import { setMainLanguage } from '../../../src-main/core/i18n'
import { builtinDemoProfile } from '../../../src-main/core/profiles/demo-profile'
import { cleanupsAfterEach } from '../../support/cleanups'
import { createTestCore } from '../../support/test-core'
import { createServer } from 'node:net'

const cleanups = cleanupsAfterEach()
const ctx: CallContext = { clientId: 'words-test', transport: 'web' }

afterEach(() => {
  // Main has one language for the process: the next test starts in English again.
  setMainLanguage('en', [])
})

function startCore() {
  const core = createTestCore()
  cleanups.push(() => core.close())
  return core
}

describe('the dispatcher refuses in the console’s language', () => {
  it('an unknown channel, an unknown field, a value out of range, not allowed or of the wrong kind: German, French, then English', async () => {
    const core = startCore()
    const refusals = async () => ({
      channel: await core.dispatch('no.such.channel' as never, undefined, ctx),
      key: await core.dispatch('settings.set', { sneaky: true }, ctx),
      range: await core.dispatch('settings.set', { holdAlertSeconds: 1_000_000 }, ctx),
      kind: await core.dispatch('settings.set', { theme: 'neon' }, ctx),
      type: await core.dispatch('settings.set', { holdAlertSeconds: 'soon' }, ctx),
    })
    const english = await refusals()
    expect(english.channel).toMatchObject({ ok: false, error: { code: 'unknown_channel', message: 'No such channel: no.such.channel' } })
    expect(english.key).toMatchObject({ ok: false, error: { code: 'invalid_input', message: 'Unrecognized key: "sneaky"' } })

    expect(await core.dispatch('settings.set', { language: 'de' }, ctx)).toMatchObject({ ok: true })
    const german = await refusals()
    expect(german.channel).toMatchObject({ error: { code: 'unknown_channel', message: 'Unbekannter Kanal: no.such.channel' } })
    expect(german.key).toMatchObject({ error: { code: 'invalid_input', message: 'Unbekanntes Feld: "sneaky"' } })
    expect(german.range).toMatchObject({
      error: { code: 'invalid_input', message: expect.stringMatching(/^holdAlertSeconds: zu groß: höchstens \d+$/) },
    })
    expect(german.kind).toMatchObject({ error: { code: 'invalid_input', message: expect.stringMatching(/^theme: keiner der erlaubten Werte \("/) } })
    expect(german.type).toMatchObject({ error: { code: 'invalid_input', message: 'holdAlertSeconds: erwartet wird eine Zahl' } })

    expect(await core.dispatch('settings.set', { language: 'fr' }, ctx)).toMatchObject({ ok: true })
    const french = await refusals()
    expect(french.channel).toMatchObject({ error: { message: 'Canal inconnu\u00a0: no.such.channel' } })
    expect(french.key).toMatchObject({ error: { message: 'Champ inconnu\u00a0: "sneaky"' } })
    expect(french.type).toMatchObject({ error: { message: 'holdAlertSeconds: nombre attendu' } })

    expect(await core.dispatch('settings.set', { language: 'en' }, ctx)).toMatchObject({ ok: true })
    const again = await refusals()
    expect(again.channel).toEqual(english.channel)
    expect(again.key).toEqual(english.key)
    expect(again.range).toMatchObject({ error: { message: expect.stringMatching(/^holdAlertSeconds: too large: at most \d+$/) } })
  })

  it('keeps a contract’s own words for a field: a schema’s message wins over the plain words', async () => {
    const core = startCore()
    // The contract's refine names what to do (src-preload/types/updates.ts); the plain words are for checks without one.
    const refused = () => core.dispatch('updates.set', { enabled: true, feedUrl: null }, ctx)
    expect(await refused()).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: 'feedUrl: Name the update address to turn updates on.' },
    })
    await core.dispatch('settings.set', { language: 'de' }, ctx)
    const german = await refused()
    expect(german).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/^feedUrl: \S/) } })
    expect(JSON.stringify(german)).not.toMatch(/issue\.|ungültig|erforderlich/)
  })
})

/** A loopback port nothing listens on (taken, then let go). */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return port
}

describe('Test connection and the connection’s state in the console’s language', () => {
  it('says why a transport fails in German and French, and as before in English', async () => {
    const core = startCore()
    const profile = { ...builtinDemoProfile({ ami: await closedPort() }), id: 'office', name: 'Office' }
    const probe = async () => {
      const r = await core.dispatch('profiles.test', { profile, secrets: { ami: 'a-secret' } }, ctx)
      if (!r.ok) throw new Error(r.error.message)
      return r.value
    }
    expect((await probe()).ami).toMatchObject({ ok: false, code: 'refused', reason: 'connection refused (nothing listens on that port)' })
    expect((await probe()).ari).toMatchObject({ ok: false, code: 'disabled', reason: 'turned off in this profile' })

    await core.dispatch('settings.set', { language: 'de' }, ctx)
    const german = await probe()
    expect(german.ami).toMatchObject({ code: 'refused', reason: 'Verbindung abgelehnt (an diesem Port lauscht nichts)' })
    expect(german.ari).toMatchObject({ code: 'disabled', reason: 'in diesem Profil ausgeschaltet' })

    await core.dispatch('settings.set', { language: 'fr' }, ctx)
    expect((await probe()).ami).toMatchObject({ code: 'refused', reason: 'connexion refusée (rien n’écoute sur ce port)' })
  })
})

describe('the admin passphrase’s refusals in the console’s language, audited in English', () => {
  it('a wrong setup code and the wait after it in German; the audit keeps the English words', async () => {
    const core = createTestCore({ setupCode: 'KMQX-R3DA-9TWC' })
    cleanups.push(() => core.close())
    const web = { clientId: 'web-9', transport: 'web' as const }
    await core.dispatch('settings.set', { language: 'de' }, web)
    const wrong = await core.dispatch('admin.setPassphrase', { next: 'a long enough passphrase', setupCode: 'AAAA-BBBB-CCCC' }, web)
    expect(wrong).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: 'Der Einrichtungscode ist nicht richtig; er steht im Terminal, in dem `npm run web` gestartet wurde' },
    })
    const again = await core.dispatch('admin.setPassphrase', { next: 'a long enough passphrase', setupCode: 'AAAA-BBBB-CCCC' }, web)
    expect(again).toMatchObject({
      ok: false,
      error: { code: 'refused', message: expect.stringMatching(/^Zu viele falsche Einrichtungscodes; versuchen Sie es in \d+ s erneut$/) },
    })
    await core.dispatch('settings.set', { language: 'fr' }, web)
    const missing = await core.dispatch('profiles.remove', { id: 'nobody', adminPassphrase: 'whatever it is' }, web)
    expect(missing.ok).toBe(false)
    expect(JSON.stringify(missing)).not.toMatch(/ needs | is not /)

    const audit = await core.dispatch('audit.read', { limit: 20 }, web)
    if (!audit.ok) throw new Error(audit.error.message)
    const details = audit.value.filter((e) => e.action === 'admin.setPassphrase').map((e) => e.detail)
    expect(details).toEqual(
      expect.arrayContaining([
        'the setup code is not correct; it is printed in the terminal that started `npm run web`',
        expect.stringMatching(/^too many wrong setup code attempts; try again in \d+ s$/),
      ]),
    )
  })
})

describe('Admin’s web link and updates sections in the console’s language', () => {
  it('a core without a web link or an updater says so in German and French, as before in English', async () => {
    const core = startCore()
    const said = async () => {
      const link = await core.dispatch('webAccess.link', undefined, ctx)
      const updates = await core.dispatch('updates.status', undefined, ctx)
      if (!link.ok || !updates.ok) throw new Error('refused')
      return [link.value, updates.value]
    }
    expect(await said()).toEqual([
      { available: false, reason: 'The desktop app opens without a link; only web mode (npm run web) has one.' },
      { available: false, reason: expect.stringMatching(/^Updates belong to the desktop app\./) },
    ])
    await core.dispatch('settings.set', { language: 'de' }, ctx)
    expect(await said()).toEqual([
      { available: false, reason: 'Die Desktop-App öffnet sich ohne Link; nur der Web-Modus (npm run web) hat einen.' },
      { available: false, reason: expect.stringMatching(/^Updates gehören zur Desktop-App\./) },
    ])
    await core.dispatch('settings.set', { language: 'fr' }, ctx)
    expect((await said())[1]).toEqual({ available: false, reason: expect.stringMatching(/^Les mises à jour concernent l’application de bureau\./) })
  })
})
