import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import Conf from 'conf'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ProfileError, RECOMMENDED_STORE_OPTIONS, openStoreWithRecovery, profileSecretName } from '../../../src-main/core/profiles'
import { ADMIN, makeFixture, profile, type Fixture } from './helpers'

let fx: Fixture
beforeEach(() => {
  fx = makeFixture()
})
afterEach(() => {
  fx.cleanup()
})

function editFile(edit: (data: { profiles: Record<string, { profile: Record<string, Record<string, unknown>>; seal: string }> } & Record<string, unknown>) => void): void {
  const data = JSON.parse(readFileSync(fx.conf.path, 'utf8')) as Parameters<typeof edit>[0]
  edit(data)
  writeFileSync(fx.conf.path, JSON.stringify(data, null, 2))
}

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise
    return undefined
  } catch (error) {
    return (error as { code?: string }).code
  }
}

describe('ProfileStore', () => {
  it('saves, reads back after a restart, and keeps secrets out of the profile file', async () => {
    await fx.store.save(profile())
    await fx.store.setSecret('demo', 'ami', 'ami-Secret-Value-77')
    const reopened = fx.reopen()
    const read = await reopened.get('demo')
    expect(read.name).toBe('Demo PBX')
    expect(read.ami.hasSecret).toBe(true)
    expect(read.ari.hasSecret).toBe(false)
    expect(await reopened.getSecret('demo', 'ami')).toBe('ami-Secret-Value-77')
    expect(readFileSync(fx.conf.path, 'utf8')).not.toContain('ami-Secret-Value-77')
    if (process.platform !== 'win32') expect(statSync(fx.conf.path).mode & 0o777).toBe(0o600)
    await reopened.clearSecret('demo', 'ami')
    expect((await reopened.get('demo')).ami.hasSecret).toBe(false)
  })

  it('ignores hasSecret claims in the input: the SecretBox is the truth', async () => {
    const saved = await fx.store.save(profile({ ami: { ...profile().ami, hasSecret: true } }))
    expect(saved.ami.hasSecret).toBe(false)
  })

  it('rejects an invalid profile on write with the paths that are wrong', async () => {
    const error = await fx.store.save({ ...profile(), timeZone: 'Nowhere/Land', ami: { ...profile().ami, port: 70000 } }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ProfileError)
    expect((error as ProfileError).code).toBe('invalid')
    expect((error as ProfileError).message).toMatch(/timeZone/)
    expect((error as ProfileError).message).toMatch(/ami\.port/)
  })

  it('lets anyone change non-widening fields, but role/readOnly/prefixes only with the admin passphrase', async () => {
    await fx.store.save(profile())
    await fx.store.save(profile({ name: 'Front desk' }))
    const asAdmin = profile({ operator: { ...profile().operator, role: 'admin' } })
    expect(await codeOf(fx.store.save(asAdmin))).toBe('admin_passphrase_not_set')
    await fx.store.setAdminPassphrase(ADMIN)
    expect(await codeOf(fx.store.save(asAdmin))).toBe('passphrase_required')
    expect(await codeOf(fx.store.save(asAdmin, { adminPassphrase: 'wrong passphrase!!' }))).toBe('passphrase_wrong')
    await fx.store.save(asAdmin, { adminPassphrase: ADMIN })
    expect((await fx.store.get('demo')).operator.role).toBe('admin')

    const readOnly = profile({ operator: { ...profile().operator, role: 'admin', readOnly: true } })
    expect(await codeOf(fx.store.save(readOnly))).toBe('passphrase_required')
    const widened = profile({ operator: asAdmin.operator, dialPlan: { ...profile().dialPlan, allowedOutboundPrefixes: ['+44'] } })
    expect(await codeOf(fx.store.save(widened))).toBe('passphrase_required')
    await fx.store.save(widened, { adminPassphrase: ADMIN })
    expect((await fx.store.get('demo')).dialPlan.allowedOutboundPrefixes).toEqual(['+44'])
  })

  it('needs the passphrase to create a profile beyond the receptionist baseline', async () => {
    await fx.store.setAdminPassphrase(ADMIN)
    const supervisor = profile({ id: 'sup', operator: { ...profile().operator, role: 'supervisor' } })
    expect(await codeOf(fx.store.save(supervisor))).toBe('passphrase_required')
    await fx.store.save(supervisor, { adminPassphrase: ADMIN })
    expect((await fx.store.get('sup')).operator.role).toBe('supervisor')
  })

  it('detects and refuses a hand edit of the role in the file, keeps a backup, and lets an admin accept it', async () => {
    await fx.store.setAdminPassphrase(ADMIN)
    await fx.store.save(profile())
    await fx.store.save(profile({ id: 'other', name: 'Other' }))
    editFile((data) => {
      const demo = data.profiles.demo
      if (demo?.profile.operator) demo.profile.operator.role = 'admin'
    })
    const error = await fx.store.get('demo').catch((e: unknown) => e)
    expect((error as ProfileError).code).toBe('seal_mismatch')
    expect((error as ProfileError).message).toMatch(/changed outside the app/)
    const { profiles, problems } = await fx.store.list()
    expect(profiles.map((p) => p.id)).toEqual(['other'])
    expect(problems).toHaveLength(1)
    expect(problems[0]?.code).toBe('seal_mismatch')
    const backup = problems[0]?.backupPath
    expect(backup !== undefined && existsSync(backup)).toBe(true)
    expect(await codeOf(fx.store.acceptSealedFields('demo', 'not the passphrase'))).toBe('passphrase_wrong')
    const accepted = await fx.store.acceptSealedFields('demo', ADMIN)
    expect(accepted.operator.role).toBe('admin')
    expect((await fx.store.get('demo')).operator.role).toBe('admin')
  })

  it('detects hand edits of readOnly and of the allowed prefixes, and a seal copied from another profile', async () => {
    await fx.store.save(profile({ operator: { ...profile().operator, readOnly: false } }))
    await fx.store.save(profile({ id: 'twin', name: 'Twin' }))
    editFile((data) => {
      const demo = data.profiles.demo
      if (demo?.profile.dialPlan) demo.profile.dialPlan.allowedOutboundPrefixes = ['+882']
    })
    expect(await codeOf(fx.store.get('demo'))).toBe('seal_mismatch')
    editFile((data) => {
      const demo = data.profiles.demo
      if (demo?.profile.dialPlan) demo.profile.dialPlan.allowedOutboundPrefixes = []
    })
    expect((await fx.store.get('demo')).id).toBe('demo')
    editFile((data) => {
      const twin = data.profiles.twin
      if (twin?.profile.operator) twin.profile.operator.readOnly = true
    })
    expect(await codeOf(fx.store.get('twin'))).toBe('seal_mismatch')
    editFile((data) => {
      const twin = data.profiles.twin
      const demo = data.profiles.demo
      if (twin?.profile.operator && demo) {
        twin.profile.operator.readOnly = false
        twin.seal = demo.seal
      }
    })
    expect(await codeOf(fx.store.get('twin'))).toBe('seal_mismatch')
  })

  it('refuses a schema-invalid record without losing it or the other profiles', async () => {
    await fx.store.save(profile())
    await fx.store.save(profile({ id: 'b', name: 'B' }))
    editFile((data) => {
      const b = data.profiles.b
      if (b?.profile.ami) b.profile.ami.port = 'five thousand'
    })
    const { profiles, problems } = await fx.store.list()
    expect(profiles.map((p) => p.id)).toEqual(['demo'])
    expect(problems[0]).toMatchObject({ profileId: 'b', code: 'invalid' })
    expect(problems[0]?.message).toMatch(/ami\.port/)
    await fx.store.save(profile({ name: 'Renamed' }))
    const raw = JSON.parse(readFileSync(fx.conf.path, 'utf8')) as { profiles: Record<string, { profile: { ami: { port: unknown } } }> }
    expect(raw.profiles.b?.profile.ami.port).toBe('five thousand')
  })

  it('reports an unparseable file with a backup instead of crashing, and recovery moves it aside', async () => {
    await fx.store.save(profile())
    writeFileSync(fx.conf.path, '{"profiles": {"demo": ')
    const error = await fx.store.list().catch((e: unknown) => e)
    expect((error as ProfileError).code).toBe('store_unreadable')
    const backup = (error as ProfileError).backupPath
    expect(backup !== undefined && readFileSync(backup, 'utf8')).toBe('{"profiles": {"demo": ')

    const path = fx.conf.path
    const opened = openStoreWithRecovery(() => new Conf<Record<string, unknown>>({ cwd: fx.dir, configName: 'profiles', ...RECOMMENDED_STORE_OPTIONS }), path)
    expect(opened.recovered?.reason).toMatch(/not valid JSON/)
    expect(opened.recovered && readFileSync(opened.recovered.backupPath, 'utf8')).toBe('{"profiles": {"demo": ')
    expect(opened.kv.get('profiles')).toBeUndefined()
  })

  it('refuses to set a first passphrase when profiles were sealed under one that was deleted', async () => {
    await fx.store.setAdminPassphrase(ADMIN)
    await fx.store.save(profile())
    editFile((data) => {
      delete data['secret:attendant:admin-passphrase']
    })
    expect(await fx.store.hasAdminPassphrase()).toBe(false)
    expect(await codeOf(fx.store.get('demo'))).toBe('seal_mismatch')
    expect(await codeOf(fx.store.setAdminPassphrase('attacker passphrase'))).toBe('admin_passphrase_missing')
  })

  it('changes the passphrase only with the current one; old seals stay valid', async () => {
    await fx.store.save(profile())
    expect(await codeOf(fx.store.setAdminPassphrase('short'))).toBe('passphrase_too_short')
    await fx.store.setAdminPassphrase(ADMIN)
    expect((await fx.store.get('demo')).id).toBe('demo')
    expect(await codeOf(fx.store.setAdminPassphrase('a brand new passphrase'))).toBe('passphrase_required')
    expect(await codeOf(fx.store.setAdminPassphrase('a brand new passphrase', 'wrong one here'))).toBe('passphrase_wrong')
    await fx.store.setAdminPassphrase('a brand new passphrase', ADMIN)
    expect(await fx.store.verifyAdminPassphrase('a brand new passphrase')).toBe(true)
    expect(await fx.store.verifyAdminPassphrase(ADMIN)).toBe(false)
    expect((await fx.store.get('demo')).id).toBe('demo')
  })

  it('refuses admin changes when the passphrase record was replaced by hand', async () => {
    await fx.store.setAdminPassphrase(ADMIN)
    editFile((data) => {
      data['secret:attendant:admin-passphrase'] = 'fk1.AAAA.AAAA.AAAA'
    })
    expect(await codeOf(fx.store.verifyAdminPassphrase(ADMIN))).toBe('admin_passphrase_missing')
    expect(await codeOf(fx.store.save(profile({ operator: { ...profile().operator, role: 'admin' } }), { adminPassphrase: ADMIN }))).toBe('admin_passphrase_missing')
  })

  it('refuses every profile when the seal key is removed from the secret store', async () => {
    await fx.store.save(profile())
    editFile((data) => {
      delete data['secret:attendant:seal-key']
    })
    expect(await codeOf(fx.store.get('demo'))).toBe('seal_key_missing')
  })

  it('removes a profile with its secrets; a re-created profile does not inherit them', async () => {
    await fx.store.save(profile())
    await fx.store.setSecret('demo', 'ari', 'ari-pass-1')
    await fx.store.remove('demo')
    expect(await codeOf(fx.store.get('demo'))).toBe('not_found')
    expect(fx.conf.get(`secret:${profileSecretName('demo', 'ari')}`)).toBeUndefined()
    expect(await codeOf(fx.store.setSecret('demo', 'ari', 'x'))).toBe('not_found')
    // Simulate a leftover secret (record deleted by hand, secret kept) and re-create the profile.
    await fx.store.save(profile())
    await fx.store.setSecret('demo', 'ari', 'ari-pass-2')
    editFile((data) => {
      delete data.profiles.demo
    })
    const recreated = await fx.store.save(profile())
    expect(recreated.ari.hasSecret).toBe(false)
  })
})
