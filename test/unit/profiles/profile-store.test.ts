import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import Conf from 'conf'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ProfileError, RECOMMENDED_STORE_OPTIONS, openStoreWithRecovery, profileSecretName, type PbxProfile } from '../../../src-main/core/profiles'
import { ADMIN, makeFixture, profile, type Fixture } from './helpers'

let fx: Fixture
beforeEach(() => {
  fx = makeFixture()
})
afterEach(() => {
  fx.cleanup()
})

function editFile(
  edit: (data: { profiles: Record<string, { profile: Record<string, Record<string, unknown>>; seal: string }> } & Record<string, unknown>) => void,
): void {
  const data = JSON.parse(readFileSync(fx.conf.path, 'utf8')) as Parameters<typeof edit>[0]
  edit(data)
  writeFileSync(fx.conf.path, JSON.stringify(data, null, 2))
}

/** Creating a profile needs the admin passphrase: set it, then save as the admin. */
async function create(p: PbxProfile = profile(), secrets?: Partial<Record<'ami' | 'ari' | 'freepbx', string>>): Promise<void> {
  if (!(await fx.store.hasAdminPassphrase())) await fx.store.setAdminPassphrase(ADMIN)
  await fx.store.save(p, { adminPassphrase: ADMIN, secrets })
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
    await create(profile(), { ami: 'ami-Secret-Value-77' })
    const reopened = fx.reopen()
    const read = await reopened.get('demo')
    expect(read.name).toBe('Demo PBX')
    expect(read.ami.hasSecret).toBe(true)
    expect(read.ari.hasSecret).toBe(false)
    expect(await reopened.secretFor(read, 'ami')).toEqual({ state: 'bound', value: 'ami-Secret-Value-77' })
    expect(await reopened.secretFor(read, 'ari')).toEqual({ state: 'none' })
    expect(readFileSync(fx.conf.path, 'utf8')).not.toContain('ami-Secret-Value-77')
    if (process.platform !== 'win32') expect(statSync(fx.conf.path).mode & 0o777).toBe(0o600)
  })

  it('ignores hasSecret claims in the input: the SecretBox is the truth', async () => {
    await fx.store.setAdminPassphrase(ADMIN)
    const saved = await fx.store.save(profile({ ami: { ...profile().ami, hasSecret: true } }), { adminPassphrase: ADMIN })
    expect(saved.profile.ami.hasSecret).toBe(false)
  })

  it('rejects an invalid profile on write with the paths that are wrong', async () => {
    const error = await fx.store.save({ ...profile(), timeZone: 'Nowhere/Land', ami: { ...profile().ami, port: 70000 } }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ProfileError)
    expect((error as ProfileError).code).toBe('invalid')
    expect((error as ProfileError).message).toMatch(/timeZone/)
    expect((error as ProfileError).message).toMatch(/ami\.port/)
  })

  it('creates a profile only with the admin passphrase, and not before one exists', async () => {
    expect(await codeOf(fx.store.save(profile()))).toBe('admin_passphrase_not_set')
    await fx.store.setAdminPassphrase(ADMIN)
    expect(await codeOf(fx.store.save(profile()))).toBe('passphrase_required')
    expect(await codeOf(fx.store.save(profile(), { adminPassphrase: 'wrong passphrase!!' }))).toBe('passphrase_wrong')
    fx.later()
    const outcome = await fx.store.save(profile(), { adminPassphrase: ADMIN })
    expect(outcome.adminVerified).toBe(true)
    expect((await fx.store.get('demo')).id).toBe('demo')
  })

  it('lets anyone change the name, AMI user and time zone, but every sealed field only with the admin passphrase', async () => {
    await create()
    const base = profile()
    const unsealed = { ...base, name: 'Front desk', timeZone: 'Europe/Berlin', ami: { ...base.ami, user: 'frontdesk' } }
    expect((await fx.store.save(unsealed)).adminVerified).toBe(false)
    const sealed: [string, PbxProfile][] = [
      ['role', { ...unsealed, operator: { ...base.operator, role: 'admin' } }],
      ['read-only', { ...unsealed, operator: { ...base.operator, readOnly: true } }],
      ['own extension', { ...unsealed, operator: { ...base.operator, ownExtension: '101' } }],
      ['dial plan', { ...unsealed, dialPlan: { ...base.dialPlan, country: '44' } }],
      ['dial plan', { ...unsealed, dialPlan: { ...base.dialPlan, outsideLinePrefix: '9' } }],
      ['dial plan', { ...unsealed, dialPlan: { ...base.dialPlan, internationalPrefix: '000' } }],
      [
        'dial plan',
        {
          ...unsealed,
          dialPlan: { ...base.dialPlan, internalExtensions: { patterns: [...base.dialPlan.internalExtensions.patterns, '900NXXXXXX'], list: [] } },
        },
      ],
      [
        'dial plan',
        {
          ...unsealed,
          dialPlan: { ...base.dialPlan, internalExtensions: { patterns: base.dialPlan.internalExtensions.patterns, list: ['9005551234'] } },
        },
      ],
      ['dial plan', { ...unsealed, dialPlan: { ...base.dialPlan, emergencyNumbers: ['112'] } }],
      ['dial plan', { ...unsealed, dialPlan: { ...base.dialPlan, allowedOutboundPrefixes: ['+44'] } }],
      ['originate settings', { ...unsealed, originate: { ...base.originate, channelTemplate: 'Local/{ext}@from-internal' } }],
      ['originate settings', { ...unsealed, originate: { ...base.originate, context: 'from-trunk' } }],
      ['originate settings', { ...unsealed, originate: { ...base.originate, voicemailContext: 'other' } }],
      ['originate settings', { ...unsealed, originate: { ...base.originate, voicemailPrefix: '**' } }],
      ['originate settings', { ...unsealed, originate: { ...base.originate, parkingLot: 'vip' } }],
      ['dial limits', { ...unsealed, dialLimits: { burst: 200, perMinute: 600 } }],
      ['AMI endpoint', { ...unsealed, host: '10.0.0.6' }],
      ['AMI endpoint', { ...unsealed, ami: { ...unsealed.ami, port: 5039 } }],
      ['AMI endpoint', { ...unsealed, ami: { ...unsealed.ami, auth: 'plain' } }],
      ['ARI endpoint', { ...unsealed, ari: { ...unsealed.ari, port: 8089 } }],
      ['FreePBX API endpoint', { ...unsealed, freepbx: { ...unsealed.freepbx, baseUrl: 'https://elsewhere.example' } }],
    ]
    for (const [group, changed] of sealed) {
      const error = await fx.store.save(changed).catch((e: unknown) => e)
      expect((error as ProfileError).code, group).toBe('passphrase_required')
      expect((error as ProfileError).message, group).toContain(group)
    }
    expect((await fx.store.get('demo')).dialPlan).toEqual(base.dialPlan)
    const widened = sealed[9]?.[1] ?? base
    const outcome = await fx.store.save(widened, { adminPassphrase: ADMIN })
    expect(outcome.sealedChanges).toEqual(['dial plan'])
    expect((await fx.store.get('demo')).dialPlan.allowedOutboundPrefixes).toEqual(['+44'])
  })

  it('refuses an own extension that is not an internal extension of the dial plan', async () => {
    await fx.store.setAdminPassphrase(ADMIN)
    const premium = profile({ operator: { ...profile().operator, ownExtension: '9005551234' } })
    const error = await fx.store.save(premium, { adminPassphrase: ADMIN }).catch((e: unknown) => e)
    expect((error as ProfileError).code).toBe('invalid')
    expect((error as ProfileError).message).toMatch(/operator\.ownExtension: 9005551234 is not an internal extension/)
    const listed = profile({
      operator: premium.operator,
      dialPlan: { ...profile().dialPlan, internalExtensions: { patterns: ['1XX'], list: ['9005551234'] } },
    })
    await fx.store.save(listed, { adminPassphrase: ADMIN })
  })

  it('binds each secret to its endpoint: a moved endpoint drops it unless a new one comes with the save', async () => {
    await create(profile(), { ami: 'ami-old-secret', ari: 'ari-old-pass' })
    const moved = profile({ host: '10.0.0.6' })
    const outcome = await fx.store.save(moved, { adminPassphrase: ADMIN })
    expect(outcome.droppedSecrets).toEqual(['ami', 'ari'])
    expect(outcome.endpointMoves).toEqual([
      { kind: 'ami', from: '127.0.0.1:5038', to: '10.0.0.6:5038' },
      { kind: 'ari', from: 'http://127.0.0.1:8088', to: 'http://10.0.0.6:8088' },
    ])
    expect(await fx.store.secretFor(moved, 'ami')).toEqual({ state: 'none' })
    await fx.store.save(profile(), { adminPassphrase: ADMIN, secrets: { ami: 'ami-new-secret' } })
    expect(await fx.store.secretFor(profile(), 'ami')).toEqual({ state: 'bound', value: 'ami-new-secret' })
    // Asked for another endpoint (a test, a runtime holding other settings): refused with the reason.
    expect(await fx.store.secretFor(profile({ host: '10.0.0.5' }), 'ami')).toEqual({
      state: 'unbound',
      reason: 'the AMI secret was entered for 127.0.0.1:5038; enter it again for the new address',
    })
    const plain = profile({ ami: { ...profile().ami, auth: 'plain' } })
    expect(await fx.store.secretFor(plain, 'ami')).toMatchObject({
      state: 'unbound',
      reason: expect.stringMatching(/TLS, certificate or login method/) as unknown,
    })
  })

  it('detects and refuses a hand edit of the role in the file, keeps a backup, and lets an admin accept it', async () => {
    await create()
    await create(profile({ id: 'other', name: 'Other' }))
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
    fx.later()
    const accepted = await fx.store.acceptSealedFields('demo', ADMIN)
    expect(accepted.operator.role).toBe('admin')
    expect((await fx.store.get('demo')).operator.role).toBe('admin')
  })

  it('detects hand edits of readOnly, the allowed prefixes, the dial plan and the host, and a seal copied from another profile', async () => {
    await create(profile({ operator: { ...profile().operator, readOnly: false } }))
    await create(profile({ id: 'twin', name: 'Twin' }))
    for (const edit of [
      (p: Record<string, Record<string, unknown>>) => {
        ;(p.dialPlan as { country: string }).country = '44'
      },
      (p: Record<string, Record<string, unknown>>) => {
        ;(p.originate as { channelTemplate: string }).channelTemplate = 'Local/{ext}@from-internal'
      },
      (p: Record<string, unknown>) => {
        p.host = '10.9.9.9'
      },
    ]) {
      const before = readFileSync(fx.conf.path, 'utf8')
      editFile((data) => {
        const demo = data.profiles.demo
        if (demo) edit(demo.profile)
      })
      expect(await codeOf(fx.store.get('demo'))).toBe('seal_mismatch')
      writeFileSync(fx.conf.path, before)
    }
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
    await create()
    await create(profile({ id: 'b', name: 'B' }))
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
    await create()
    writeFileSync(fx.conf.path, '{"profiles": {"demo": ')
    const error = await fx.store.list().catch((e: unknown) => e)
    expect((error as ProfileError).code).toBe('store_unreadable')
    const backup = (error as ProfileError).backupPath
    expect(backup !== undefined && readFileSync(backup, 'utf8')).toBe('{"profiles": {"demo": ')

    const path = fx.conf.path
    const opened = openStoreWithRecovery(
      () => new Conf<Record<string, unknown>>({ cwd: fx.dir, configName: 'profiles', ...RECOMMENDED_STORE_OPTIONS }),
      path,
    )
    expect(opened.recovered?.reason).toMatch(/not valid JSON/)
    expect(opened.recovered && readFileSync(opened.recovered.backupPath, 'utf8')).toBe('{"profiles": {"demo": ')
    expect(opened.kv.get('profiles')).toBeUndefined()
  })

  it('refuses to set a first passphrase when profiles were sealed under one that was deleted', async () => {
    await create()
    editFile((data) => {
      delete data['secret:attendant:admin-passphrase']
    })
    expect(await fx.store.hasAdminPassphrase()).toBe(false)
    expect(await codeOf(fx.store.get('demo'))).toBe('seal_mismatch')
    expect(await codeOf(fx.store.setAdminPassphrase('attacker passphrase'))).toBe('admin_passphrase_missing')
  })

  it('changes the passphrase only with the current one; old seals stay valid', async () => {
    expect(await codeOf(fx.store.setAdminPassphrase('short'))).toBe('passphrase_too_short')
    await create()
    expect((await fx.store.get('demo')).id).toBe('demo')
    expect(await codeOf(fx.store.setAdminPassphrase('a brand new passphrase'))).toBe('passphrase_required')
    expect(await codeOf(fx.store.setAdminPassphrase('a brand new passphrase', 'wrong one here'))).toBe('passphrase_wrong')
    // The wrong guess started a wait: even the right passphrase is not checked until it is over.
    expect(await codeOf(fx.store.setAdminPassphrase('a brand new passphrase', ADMIN))).toBe('passphrase_throttled')
    fx.later()
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
    expect(await codeOf(fx.store.save(profile({ operator: { ...profile().operator, role: 'admin' } }), { adminPassphrase: ADMIN }))).toBe(
      'admin_passphrase_missing',
    )
  })

  it('refuses every profile when the seal key is removed from the secret store', async () => {
    await create()
    editFile((data) => {
      delete data['secret:attendant:seal-key']
    })
    expect(await codeOf(fx.store.get('demo'))).toBe('seal_key_missing')
  })

  it('removes a profile with its secrets; a re-created profile does not inherit them', async () => {
    await create(profile(), { ari: 'ari-pass-1' })
    expect(await codeOf(fx.store.remove('demo'))).toBe('passphrase_required')
    await fx.store.remove('demo', { adminPassphrase: ADMIN })
    expect(await codeOf(fx.store.get('demo'))).toBe('not_found')
    expect(fx.conf.get(`secret:${profileSecretName('demo', 'ari')}`)).toBeUndefined()
    expect(await codeOf(fx.store.secretFor(profile(), 'ari'))).toBe('not_found')
    // Simulate a leftover secret (record deleted by hand, secret kept) and re-create the profile.
    await create(profile(), { ari: 'ari-pass-2' })
    editFile((data) => {
      delete data.profiles.demo
    })
    const recreated = await fx.store.save(profile(), { adminPassphrase: ADMIN })
    expect(recreated.profile.ari.hasSecret).toBe(false)
  })
})
