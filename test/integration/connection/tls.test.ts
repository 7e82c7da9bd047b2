import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testConnection } from '../../../src-main/core/connection/index'
import { type DemoPbx, startDemoPbx } from '../../../src-main/core/demo/index'
import { makeUser } from '../../../src-main/core/demo/ami-users'
import { type PbxProfile, builtinDemoProfile } from '../../../src-main/core/profiles/index'
import { makePki, tlsFront } from '../../support/tls-front'

const SECRET = 'tls-S3cret-value-77'
let pbx: DemoPbx
let amiTls: { port: number; close: () => Promise<void> }
let ariTls: { port: number; close: () => Promise<void> }
let ca: string
let otherCa: string
let profile: PbxProfile

beforeAll(async () => {
  const pki = makePki('pbx.attendant.test')
  ca = pki.ca
  otherCa = makePki('pbx.attendant.test').ca
  pbx = await startDemoPbx({
    amiPort: 0,
    ariPort: 0,
    rate: 0,
    amiUsers: [makeUser('console', SECRET, 'call,reporting', 'call,reporting')],
    ariUsers: [{ username: 'console', secret: SECRET }],
  })
  amiTls = await tlsFront(pbx.ami.port, pki)
  ariTls = await tlsFront(pbx.ari.port, pki)
  const base = builtinDemoProfile({ ami: amiTls.port, ari: ariTls.port })
  profile = {
    ...base,
    ami: { ...base.ami, tls: true, ca, servername: 'pbx.attendant.test', user: 'console' },
    ari: { ...base.ari, tls: true, ca, user: 'console' },
  }
})

afterAll(async () => {
  await amiTls.close()
  await ariTls.close()
  await pbx.stop()
})

const secrets = { ami: SECRET, ari: SECRET }

describe('TLS with a certificate made in the test', () => {
  it('trusted with the CA and the right name → ok over AMI/TLS and ARI/https', async () => {
    const r = await testConnection(profile, secrets, { timeoutMs: 3000 })
    expect(r.ami).toMatchObject({ ok: true })
    expect(r.ari).toMatchObject({ ok: true })
    expect(JSON.stringify(r)).not.toContain(SECRET)
  })

  it('without the CA (or with another CA) → TLS certificate not trusted', async () => {
    const noCa = { ...profile, ami: { ...profile.ami, ca: undefined }, ari: { ...profile.ari, ca: undefined } }
    const r = await testConnection(noCa, secrets, { timeoutMs: 3000 })
    expect(r.ami).toMatchObject({ ok: false, code: 'tls_untrusted' })
    expect(r.ami.reason).toMatch(/TLS certificate not trusted/)
    expect(r.ari).toMatchObject({ ok: false, code: 'tls_untrusted' })
    const wrongCa = { ...profile, ami: { ...profile.ami, ca: otherCa }, ari: { ...profile.ari, ca: otherCa } }
    const w = await testConnection(wrongCa, secrets, { timeoutMs: 3000 })
    expect(w.ami.code).toBe('tls_untrusted')
    expect(w.ari.code).toBe('tls_untrusted')
  })

  it('name mismatch → refused with tls_name_mismatch', async () => {
    const other = { ...profile, ami: { ...profile.ami, servername: 'other.attendant.test' } }
    const r = await testConnection(other, secrets, { timeoutMs: 3000 })
    expect(r.ami).toMatchObject({ ok: false, code: 'tls_name_mismatch' })
    expect(r.ami.reason).toMatch(/name mismatch/)
    // ARI takes the AMI servername; the IP 127.0.0.1 is not in the certificate either.
    expect(r.ari).toMatchObject({ ok: false, code: 'tls_name_mismatch' })
  })

  it('TLS on in the profile against a plain port, and plain against a TLS port → wrong protocol', async () => {
    const tlsToPlain = { ...profile, ami: { ...profile.ami, port: pbx.ami.port }, ari: { ...profile.ari, port: pbx.ari.port } }
    const a = await testConnection(tlsToPlain, secrets, { timeoutMs: 1500 })
    expect(a.ami.code).toBe('wrong_protocol')
    expect(a.ari.code).toBe('wrong_protocol')
    const plainToTls = { ...profile, ami: { ...profile.ami, tls: false } }
    const b = await testConnection(plainToTls, secrets, { timeoutMs: 1000 })
    expect(b.ami.code).toBe('wrong_protocol')
  })

  it('rejectUnauthorized stays on by default, and turning it off is warned about', async () => {
    const off = { ...profile, ami: { ...profile.ami, ca: undefined, rejectUnauthorized: false } }
    const r = await testConnection(off, secrets, { timeoutMs: 3000 })
    expect(r.ami.ok).toBe(true)
    expect(r.ami.warnings.join(' ')).toMatch(/certificate checking is turned off/)
  })
})
