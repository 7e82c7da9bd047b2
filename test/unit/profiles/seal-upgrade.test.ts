import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { profileSecretName, type PbxProfile } from '../../../src-main/core/profiles'
import { computeSealV1 } from '../../../src-main/core/profiles/seal'
import { hashPassphrase } from '../../../src-main/core/profiles/passphrase'
import { ADMIN, TEST_COST, makeFixture, profile, type Fixture } from './helpers'

let fx: Fixture
beforeEach(() => {
  fx = makeFixture()
})
afterEach(() => {
  fx.cleanup()
})

/** A profile as the version before `ami.auth` wrote it to the file. */
function asVersion1File(p: PbxProfile): Record<string, unknown> {
  const { auth: _auth, ...ami } = p.ami
  return { ...p, ami }
}

/**
 * The store as the previous version left it: the seal key and a legacy (unbound) AMI secret in the
 * SecretBox, the admin passphrase set, and records sealed with version 1 (role, read-only, prefixes).
 */
async function version1Store(profiles: PbxProfile[]): Promise<{ key: Buffer; records: Record<string, unknown> }> {
  const key = randomBytes(32)
  await fx.secrets.put('attendant:seal-key', key.toString('base64'))
  await fx.secrets.put('attendant:admin-passphrase', JSON.stringify(await hashPassphrase(ADMIN, TEST_COST)))
  const records: Record<string, unknown> = {}
  for (const p of profiles) {
    records[p.id] = { v: 1, profile: asVersion1File(p), seal: computeSealV1(key, p.id, true, p) }
    await fx.secrets.put(profileSecretName(p.id, 'ami'), `legacy-secret-${p.id}`)
  }
  fx.conf.set('profiles', records)
  return { key, records }
}

describe('upgrading version-1 seals', () => {
  it('accepts a profile whose v1 seal verifies, re-seals it as v2 and binds its old secret to its endpoint', async () => {
    const office = profile({ id: 'office', name: 'Office', dialPlan: { ...profile().dialPlan, allowedOutboundPrefixes: ['+44'] } })
    await version1Store([office])
    const store = fx.reopen()
    const read = await store.get('office')
    expect(read.dialPlan.allowedOutboundPrefixes).toEqual(['+44'])
    expect(read.ami.auth).toBe('md5')
    expect(read.ami.hasSecret).toBe(true)
    expect(await store.secretFor(read, 'ami')).toEqual({ state: 'bound', value: 'legacy-secret-office' })
    // Bound now: the old secret does not follow the profile to another address.
    expect(await store.secretFor({ ...read, host: '10.0.0.6' }, 'ami')).toMatchObject({ state: 'unbound' })
    const raw = JSON.parse(readFileSync(fx.conf.path, 'utf8')) as { profiles: Record<string, { v: number }> }
    expect(raw.profiles.office?.v).toBe(2)
    // The dial plan is sealed from here on: a hand edit is now detected.
    const edited = JSON.parse(readFileSync(fx.conf.path, 'utf8')) as { profiles: Record<string, { profile: { dialPlan: { country: string } } }> }
    const rec = edited.profiles.office
    if (rec) rec.profile.dialPlan.country = '44'
    fx.conf.set('profiles', edited.profiles)
    expect(
      await fx
        .reopen()
        .get('office')
        .catch((e: unknown) => (e as { code: string }).code),
    ).toBe('seal_mismatch')
  })

  it('keeps a v1 record whose seal does not verify refused, and still upgrades the others', async () => {
    const good = profile({ id: 'good', name: 'Good' })
    const bad = profile({ id: 'bad', name: 'Bad' })
    const { records } = await version1Store([good, bad])
    // Someone widened the role of `bad` by hand under the old version: its v1 seal no longer matches.
    const badRecord = records.bad as { profile: { operator: { role: string } } }
    badRecord.profile.operator.role = 'admin'
    fx.conf.set('profiles', records)
    const { profiles, problems } = await fx.reopen().list()
    expect(profiles.map((p) => p.id)).toEqual(['good'])
    expect(problems).toMatchObject([{ profileId: 'bad', code: 'seal_mismatch' }])
  })

  it('does not let a v1 record saved before the upgrade be replayed into the file afterwards', async () => {
    const office = profile({ id: 'office', name: 'Office' })
    const { key } = await version1Store([office])
    await fx.reopen().get('office')
    // The attacker kept a v1 record and its seal (computed with the pre-upgrade key) and now writes a
    // version with a premium pattern made "internal": the upgrade replaced the key, so it fails.
    const hostile = { ...office, dialPlan: { ...office.dialPlan, internalExtensions: { patterns: ['1XX', '900NXXXXXX'], list: [] } } }
    fx.conf.set('profiles', { office: { v: 1, profile: asVersion1File(hostile), seal: computeSealV1(key, 'office', true, hostile) } })
    const store = fx.reopen()
    expect(await store.get('office').catch((e: unknown) => (e as { code: string }).code)).toBe('seal_mismatch')
  })
})
