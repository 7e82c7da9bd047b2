// What a FreePBX profile still needs for configuration, and why AMI refused, reach the admin in the
// console's language, asked through the contract (`profiles.test`, `config.status`) as a window asks;
// scopes, module names and FreePBX's menu path stay as FreePBX writes them, English is as before.
import { afterEach, describe, expect, it } from 'vitest'
import type { TestConnectionView } from '../../../src-preload/types/connections'
import { setMainLanguage } from '../../../src-main/core/i18n'
import { cleanupsAfterEach } from '../../support/cleanups'
import { type ConfigCore, ctx, startConfigCore } from '../config/support'

const cleanups = cleanupsAfterEach()

afterEach(() => {
  // Main has one language for the process: the next test starts in English again.
  setMainLanguage('en', [])
})

async function testConnection(c: ConfigCore): Promise<TestConnectionView> {
  const profile = c.demo.builtin.profile
  const r = await c.core.dispatch(
    'profiles.test',
    { profile: { ...profile, freepbx: { ...profile.freepbx, baseUrl: c.freepbxBaseUrl } }, secrets: c.demo.builtin.secrets },
    ctx,
  )
  if (!r.ok) throw new Error(`profiles.test: ${r.error.message}`)
  return r.value
}

describe('what configuration needs, in the admin’s language', () => {
  it('scopes removed: Test connection and the workspace name each missing scope in German, then French, then English again', async () => {
    const c = await startConfigCore(cleanups, { role: 'admin' }, {}, { scopes: ['gql:core:read', 'gql:framework:read:system'] })
    const english = await testConnection(c)
    expect(english.config?.reason).toBe(
      'partly: extensions and inbound routes only read; ring groups, voicemail and queue members not at all; Apply Config not allowed',
    )

    expect(await c.core.dispatch('settings.set', { language: 'de' }, ctx)).toMatchObject({ ok: true })
    const german = await testConnection(c)
    expect(german.config).toMatchObject({
      ok: false,
      code: 'missing_permission',
      reason:
        'teilweise: Nebenstellen und Eingangsrouten nur lesbar; Rufgruppen, Voicemail und Warteschlangenmitglieder gar nicht; Apply Config nicht erlaubt',
    })
    const said = german.config?.warnings ?? []
    expect(said).toContain('Die API-Anwendung darf Nebenstellen lesen, aber nicht ändern: fügen Sie den Scope gql:core (oder gql:core:write) hinzu.')
    expect(said).toContain(
      'Die API-Anwendung darf Rufgruppen weder lesen noch ändern: fügen Sie den Scope gql:ringgroups hinzu (ist er schon da, aktivieren Sie auf FreePBX das Modul Ring Groups).',
    )
    expect(said.at(-1)).toMatch(
      /^Hinzuzufügende Scopes: gql:core gql:ringgroups gql:voicemail gql:framework rest:queues \(FreePBX: Connectivity → API/,
    )
    expect(said.join(' ')).not.toMatch(/The API application|Scopes to add|\(or /)
    // The workspace says the same, read in the same language.
    const status = await c.call('config.status', { profileId: 'demo' })
    expect(status.needs).toEqual(said)

    await c.core.dispatch('settings.set', { language: 'fr' }, ctx)
    const french = await testConnection(c)
    expect(french.config?.reason).toMatch(/^en partie\u00a0: les postes et les routes entrantes en lecture seule\u00a0?;/)
    expect(french.config?.warnings.at(-1)).toMatch(/^Scopes à ajouter\u00a0: gql:core /)

    await c.core.dispatch('settings.set', { language: 'en' }, ctx)
    expect(await testConnection(c)).toEqual(english)
  })

  it('an admin profile with the FreePBX API off is told in German what to turn on, install and give', async () => {
    const c = await startConfigCore(cleanups)
    await c.core.dispatch('settings.set', { language: 'de' }, ctx)
    const profile = c.demo.builtin.profile
    const r = await c.core.dispatch(
      'profiles.test',
      { profile: { ...profile, operator: { ...profile.operator, role: 'admin' }, freepbx: { ...profile.freepbx, enabled: false } } },
      ctx,
    )
    if (!r.ok) throw new Error(r.error.message)
    expect(r.value.config).toMatchObject({
      ok: false,
      reason: 'die Konfiguration der Telefonanlage kann von der Konsole aus noch nicht bearbeitet werden',
    })
    const said = r.value.config?.warnings.join(' ') ?? ''
    expect(said).toMatch(/^Schalten Sie in diesem Profil die FreePBX-API ein/)
    expect(said).toMatch(/legen Sie dann eine Machine-to-Machine-Anwendung an/)
    expect(said).toMatch(/Geben Sie der Anwendung die Scopes gql/)
  })
})

describe('a write’s state and a taken number in the admin’s language', () => {
  it('a half-written extension is explained in German, in the answer and the tray, while the audit keeps the English record', async () => {
    const c = await startConfigCore(cleanups)
    await c.core.dispatch('settings.set', { language: 'de' }, ctx)
    const ext = await c.get('extension', '102')
    // FreePBX deletes the extension, then its quick-create refuses chan_sip: the extension is gone.
    const saved = await c.call('config.save', {
      profileId: 'demo',
      changes: [{ kind: 'extension', operation: 'update', id: '102', baseVersion: ext.version, values: { ...ext.values, tech: 'sip' } }],
    })
    const outcome = saved.outcomes[0]
    expect(outcome).toMatchObject({ ok: false, code: 'half_written' })
    const message = outcome?.ok === false ? outcome.message : ''
    expect(message).toMatch(/^Nebenstelle 102 .*: FreePBX hat es abgelehnt — /)
    expect(message).toMatch(/ist auf der Telefonanlage nicht mehr vorhanden: FreePBX hat das Objekt gelöscht und nicht neu angelegt\./)
    const tray = await c.call('config.pending', { profileId: 'demo' })
    expect(tray.changes.at(-1)?.note).toBe(message)

    const audit = JSON.stringify(await c.call('audit.read', { limit: 20 }))
    expect(audit).toContain('no longer exists on the PBX: FreePBX deleted it and did not create it again')
    expect(audit).not.toContain('nicht mehr vorhanden')

    // The tray is read again in the language shown now.
    await c.core.dispatch('settings.set', { language: 'en' }, ctx)
    const english = await c.call('config.pending', { profileId: 'demo' })
    expect(english.changes.at(-1)?.note).toMatch(/^Extension 102 .*: FreePBX refused it — .*no longer exists on the PBX/)
  })

  it('a new extension on a ring group’s number is refused naming the ring group in German', async () => {
    const c = await startConfigCore(cleanups)
    const ext = await c.get('extension', '105')
    const create = () =>
      c.call('config.save', {
        profileId: 'demo',
        changes: [{ kind: 'extension', operation: 'create', values: { ...ext.values, extension: '600', name: 'New desk' } }],
      })
    expect((await create()).outcomes[0]).toMatchObject({ ok: false, fields: { extension: '600 is already used by ring group 600' } })
    await c.core.dispatch('settings.set', { language: 'de' }, ctx)
    expect((await create()).outcomes[0]).toMatchObject({ ok: false, fields: { extension: '600 ist bereits belegt von Rufgruppe 600' } })
  })
})

describe('an AMI refusal in the admin’s language', () => {
  it('the PBX refusing the AMI login is said in German, then in English as before', async () => {
    const c = await startConfigCore(cleanups)
    const probe = async () => {
      const r = await c.core.dispatch(
        'profiles.test',
        { profile: c.demo.builtin.profile, secrets: { ...c.demo.builtin.secrets, ami: 'not-the-secret' } },
        ctx,
      )
      if (!r.ok) throw new Error(r.error.message)
      return r.value.ami
    }
    expect(await probe()).toMatchObject({ ok: false, code: 'auth_failed', reason: 'authentication failed (user or secret rejected)' })
    await c.core.dispatch('settings.set', { language: 'de' }, ctx)
    const german = await probe()
    expect(german).toMatchObject({ ok: false, code: 'auth_failed' })
    expect(german.reason).toMatch(/^Anmeldung abgelehnt/)
    await c.core.dispatch('settings.set', { language: 'en' }, ctx)
    expect(await probe()).toMatchObject({ reason: 'authentication failed (user or secret rejected)' })
  })
})
