// A FreePBX whose web server carries a certificate from a private CA (self-signed installs are
// common): the profile's pasted CA makes the API trusted; without it the probe says why not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freepbxTls, testConnection } from '../../../src-main/core/connection/index'
import { startFreepbxDemoServer, type FreepbxDemoServer } from '../../../src-main/core/demo-freepbx'
import { builtinDemoProfile, type PbxProfile } from '../../../src-main/core/profiles/index'
import { makePki, tlsFront } from '../../support/tls-front'

const CLIENT = { clientId: 'tls-client', clientSecret: 'tls-client-S3cret-42' }
let api: FreepbxDemoServer
let front: { port: number; close: () => Promise<void> }
let ca: string
let profile: PbxProfile

beforeAll(async () => {
  const pki = makePki('localhost')
  ca = pki.ca
  api = await startFreepbxDemoServer({ port: 0, clients: [CLIENT] })
  front = await tlsFront(api.port, pki)
  const base = builtinDemoProfile({ ami: 1 })
  profile = {
    ...base,
    ami: { ...base.ami, hasSecret: false },
    ari: { ...base.ari, enabled: false },
    freepbx: { ...base.freepbx, enabled: true, baseUrl: `https://localhost:${String(front.port)}`, clientId: CLIENT.clientId, hasSecret: true, ca },
  }
})

afterAll(async () => {
  await front.close()
  await api.close()
})

describe('the FreePBX API over https with a private CA', () => {
  it('uses the pasted CA, and only for an https base URL', () => {
    expect(freepbxTls(profile)).toEqual({ rejectUnauthorized: true, ca })
    expect(freepbxTls({ ...profile, freepbx: { ...profile.freepbx, ca: undefined } })).toEqual({ rejectUnauthorized: true })
    expect(freepbxTls({ ...profile, freepbx: { ...profile.freepbx, baseUrl: 'http://localhost' } })).toBeUndefined()
  })

  it('is trusted with the CA, and refused as untrusted without it', async () => {
    const trusted = await testConnection(profile, { freepbx: CLIENT.clientSecret }, { timeoutMs: 3000 })
    expect(trusted.rest).toMatchObject({ ok: true })
    const without = await testConnection(
      { ...profile, freepbx: { ...profile.freepbx, ca: undefined } },
      { freepbx: CLIENT.clientSecret },
      { timeoutMs: 3000 },
    )
    expect(without.rest).toMatchObject({ ok: false, code: 'tls_untrusted' })
    expect(JSON.stringify([trusted, without])).not.toContain(CLIENT.clientSecret)
  })
})
