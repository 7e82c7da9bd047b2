import { describe, expect, it } from 'vitest'
import { builtinDemoProfile } from '../../../src-main/core/profiles'
import { createTestCore } from '../../support/test-core'
import { sleep } from '../../support/wait'

const ctx = { clientId: 'test', transport: 'web' as const }
const SECRETS = { ami: 'ami-Secret-7f3a91', ari: 'ari-Pass-19c2e', freepbx: 'oauth-Client-Secret-55d0' }
const ADMIN = 'correct horse battery staple'
const SETUP_CODE = 'KMQX-R3DA-9TWC'

/** A core whose first-run step is done: the admin passphrase set with web mode's setup code. */
async function adminCore(): Promise<ReturnType<typeof createTestCore>> {
  const core = createTestCore({ setupCode: SETUP_CODE })
  expect(await core.dispatch('admin.setPassphrase', { next: ADMIN, setupCode: SETUP_CODE }, ctx)).toMatchObject({ ok: true })
  return core
}

describe('profiles over the contract', () => {
  it('saves secrets write-only: every response and event says hasSecret, never the value', async () => {
    const core = await adminCore()
    const seen: string[] = []
    core.bus.register('t', { send: (channel, payload) => seen.push(JSON.stringify([channel, payload])), isBackedUp: () => false })
    const profile = { ...builtinDemoProfile({ ami: 5038, ari: 8088, freepbxHttp: 8443 }), id: 'office', name: 'Office' }
    const saved = await core.dispatch('profiles.save', { profile, secrets: SECRETS, adminPassphrase: ADMIN }, ctx)
    expect(saved).toMatchObject({
      ok: true,
      value: { id: 'office', ami: { hasSecret: true }, ari: { hasSecret: true }, freepbx: { hasSecret: true } },
    })
    const responses = [
      saved,
      await core.dispatch('profiles.list', undefined, ctx),
      await core.dispatch('audit.read', { limit: 100 }, ctx),
      await core.dispatch('settings.get', undefined, ctx),
      await core.dispatch('app.info', undefined, ctx),
    ].map((r) => JSON.stringify(r))
    for (const text of [...responses, ...seen]) {
      for (const secret of Object.values(SECRETS)) expect(text).not.toContain(secret)
    }
    // The secret is still there for the main process to connect with, to the endpoint it was entered for.
    expect(await core.profiles.secretFor(profile, 'ami')).toEqual({ state: 'bound', value: SECRETS.ami })
  })

  it('refuses creating or widening a profile without the admin passphrase, and audits every attempt', async () => {
    const core = createTestCore({ setupCode: SETUP_CODE })
    const base = { ...builtinDemoProfile({ ami: 5038 }), id: 'p1' }
    // Before the first-run step nobody may create a profile.
    expect(await core.dispatch('profiles.save', { profile: base }, ctx)).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(await core.dispatch('admin.setPassphrase', { next: ADMIN, setupCode: SETUP_CODE }, ctx)).toMatchObject({ ok: true })
    expect(await core.dispatch('profiles.save', { profile: base }, ctx)).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(await core.dispatch('profiles.save', { profile: base, adminPassphrase: ADMIN }, ctx)).toMatchObject({ ok: true })
    const widened = { ...base, operator: { ...base.operator, role: 'admin' as const } }
    const refused = await core.dispatch('profiles.save', { profile: widened }, ctx)
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    const wrong = await core.dispatch('profiles.save', { profile: widened, adminPassphrase: 'guess guess guess' }, ctx)
    expect(wrong).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    // The wrong guess costs a wait (one second after the first failure).
    await sleep(1100)
    const right = await core.dispatch('profiles.save', { profile: widened, adminPassphrase: ADMIN }, ctx)
    expect(right).toMatchObject({ ok: true, value: { operator: { role: 'admin' } } })
    const audit = await core.dispatch('audit.read', { limit: 10 }, ctx)
    if (!audit.ok) throw new Error(audit.error.message)
    expect(audit.value.map((e) => `${e.action}:${e.result}`)).toEqual([
      'profile.save:ok',
      'profile.save:refused',
      'profile.save:refused',
      'profile.save:ok',
      'profile.save:refused',
      'admin.setPassphrase:ok',
      'profile.save:refused',
    ])
  })

  it('rejects dial-string injection in profile fields at the edge', async () => {
    const core = await adminCore()
    const base = builtinDemoProfile({ ami: 5038 })
    for (const profile of [
      { ...base, ami: { ...base.ami, user: 'op\r\nAction: Originate' } },
      { ...base, originate: { ...base.originate, channelTemplate: 'PJSIP/{ext}&DAHDI/g0/900' } },
      { ...base, timeZone: 'Mars/Olympus' },
    ]) {
      expect(await core.dispatch('profiles.save', { profile, adminPassphrase: ADMIN }, ctx)).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' },
      })
    }
    expect(await core.dispatch('profiles.list', undefined, ctx)).toMatchObject({ ok: true, value: { profiles: [] } })
  })

  it('removing an unknown profile is not_found', async () => {
    const core = createTestCore()
    expect(await core.dispatch('profiles.remove', { id: 'ghost' }, ctx)).toMatchObject({ ok: false, error: { code: 'not_found' } })
  })
})
