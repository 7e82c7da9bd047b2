import { createServer, type Server } from 'node:http'
import { describe, expect, it } from 'vitest'
import { testConnection } from '../../../src-main/core/connection/index'
import { makeUser } from '../../../src-main/core/demo/ami-users'
import { closeServer, listenLoopback } from '../../support/loopback'
import { cleanupsAfterEach } from '../../support/cleanups'
import { type DemoEndpoints, startDemoEndpoints } from '../../support/demo-endpoints'

const AMI_SECRET = 'ami-S3cret-value-91'
const ARI_SECRET = 'ari-S3cret-value-92'
const API_SECRET = 'api-S3cret-value-93'
const SECRETS = [AMI_SECRET, ARI_SECRET, API_SECRET]
const secrets = { ami: AMI_SECRET, ari: ARI_SECRET, freepbx: API_SECRET }

const cleanups = cleanupsAfterEach()

function setup(): Promise<DemoEndpoints> {
  return startDemoEndpoints(
    {
      secrets,
      authFailDelayMs: 20,
      moreAmiUsers: [
        makeUser('admin', AMI_SECRET, 'all', 'all'),
        makeUser('cmdonly', AMI_SECRET, 'call,reporting', 'call,reporting,command'),
        makeUser('listonly', AMI_SECRET, 'call,reporting', 'reporting'),
        makeUser('blind', AMI_SECRET, 'call', 'call'),
      ],
      moreApiClients: [{ clientId: 'cdr-only', clientSecret: API_SECRET, allowedScopes: ['gql:cdr'] }],
    },
    cleanups,
  )
}

function noSecrets(value: unknown): void {
  const text = JSON.stringify(value)
  for (const s of SECRETS) {
    expect(text).not.toContain(s)
    expect(text).not.toContain(Buffer.from(s).toString('base64'))
  }
}

/** The editor's line names the transport ('ARI: …'), so a reason never names it again ('ARI: ARI: turned off'). */
function wordsAlone(r: Awaited<ReturnType<typeof testConnection>>): void {
  for (const probe of [r.ami, r.ari, r.rest, r.config]) expect(probe?.reason ?? '').not.toMatch(/^(AMI|ARI|FreePBX API|Configuration):/)
}

describe('testConnection against the demo PBX', () => {
  it('all three ok for a least-privileged user, no warnings', async () => {
    const { profile } = await setup()
    const r = await testConnection(profile, secrets, { timeoutMs: 3000 })
    expect(r.ami).toMatchObject({ ok: true, warnings: [] })
    expect(r.ari).toMatchObject({ ok: true, warnings: [], version: 'Asterisk 22.10.1' })
    expect(r.rest).toMatchObject({ ok: true, warnings: [] })
    noSecrets(r)
  })

  it('wrong secrets → auth_failed on each transport', async () => {
    const { profile } = await setup()
    const r = await testConnection(profile, { ami: 'nope-1', ari: 'nope-2', freepbx: 'nope-3' }, { timeoutMs: 3000 })
    expect(r.ami.code).toBe('auth_failed')
    expect(r.ari.code).toBe('auth_failed')
    expect(r.rest.code).toBe('auth_failed')
    expect(r.ami.reason).toBe('authentication failed (user or secret rejected)')
    wordsAlone(r)
    expect(JSON.stringify(r)).not.toMatch(/nope-/)
  })

  it('warns when the AMI user holds system, command, config (all)', async () => {
    const { profile } = await setup()
    const r = await testConnection({ ...profile, ami: { ...profile.ami, user: 'admin' } }, secrets, { timeoutMs: 3000 })
    expect(r.ami.ok).toBe(true)
    expect(r.ami.warnings.join(' ')).toMatch(/command, system, config, all/)
    const c = await testConnection({ ...profile, ami: { ...profile.ami, user: 'cmdonly' } }, secrets, { timeoutMs: 3000 })
    expect(c.ami.warnings.join(' ')).toMatch(/\(command\)/)
  })

  it('missing permission classes are reported', async () => {
    const { profile } = await setup()
    const r = await testConnection({ ...profile, ami: { ...profile.ami, user: 'listonly' } }, secrets, { timeoutMs: 3000 })
    expect(r.ami).toMatchObject({ ok: false, code: 'missing_permission' })
    expect(r.ami.reason).toMatch(/'call' write class/)
    const ro = await testConnection(
      { ...profile, ami: { ...profile.ami, user: 'listonly' }, operator: { ...profile.operator, readOnly: true } },
      secrets,
      { timeoutMs: 3000 },
    )
    expect(ro.ami.ok).toBe(true)
    const blind = await testConnection({ ...profile, ami: { ...profile.ami, user: 'blind' } }, secrets, { timeoutMs: 3000 })
    expect(blind.ami).toMatchObject({ ok: false, code: 'missing_permission' })
    expect(blind.ami.reason).toMatch(/'reporting'/)
    const scope = await testConnection({ ...profile, freepbx: { ...profile.freepbx, clientId: 'cdr-only' } }, secrets, { timeoutMs: 3000 })
    expect(scope.rest).toMatchObject({ ok: false, code: 'missing_permission' })
  })

  it('wrong protocol: ports swapped (HTTP on the AMI port, AMI on the ARI port)', async () => {
    const { pbx, profile } = await setup()
    const swapped = { ...profile, ami: { ...profile.ami, port: pbx.ari.port }, ari: { ...profile.ari, port: pbx.ami.port } }
    const r = await testConnection(swapped, secrets, { timeoutMs: 1500 })
    expect(r.ami).toMatchObject({ ok: false, code: 'wrong_protocol' })
    expect(r.ami.reason).toMatch(/HTTP server answers there/)
    expect(r.ari).toMatchObject({ ok: false, code: 'wrong_protocol' })
    expect(r.ari.reason).toMatch(/AMI answers there/)
  })

  it('refused when nothing listens; FreePBX URL without the API → wrong protocol', async () => {
    const { pbx, profile } = await setup()
    const amiPort = pbx.ami.port
    const ariPort = pbx.ari.port
    await pbx.stopAmi()
    await pbx.stopAri()
    const plain: Server = createServer((_req, res) => {
      res.writeHead(404, { 'content-type': 'text/html' })
      res.end('<html>no</html>')
    })
    const plainPort = await listenLoopback(plain)
    cleanups.push(() => closeServer(plain))
    const r = await testConnection(
      {
        ...profile,
        ami: { ...profile.ami, port: amiPort },
        ari: { ...profile.ari, port: ariPort },
        freepbx: { ...profile.freepbx, baseUrl: `http://127.0.0.1:${String(plainPort)}` },
      },
      secrets,
      { timeoutMs: 1500 },
    )
    expect(r.ami).toMatchObject({ code: 'refused', reason: 'connection refused (nothing listens on that port)' })
    expect(r.ari).toMatchObject({ code: 'refused', reason: 'connection refused (nothing listens on that port)' })
    expect(r.rest).toMatchObject({ code: 'wrong_protocol', reason: 'no FreePBX API at this URL (is the API module installed?)' })
    wordsAlone(r)
  })

  it('disabled transports and missing secrets are reported as such', async () => {
    const { profile } = await setup()
    const r = await testConnection(
      { ...profile, ari: { ...profile.ari, enabled: false }, freepbx: { ...profile.freepbx, enabled: false } },
      { ami: '' },
      { timeoutMs: 1500 },
    )
    expect(r.ami).toMatchObject({ code: 'no_secret', reason: 'no secret entered' })
    expect(r.ari).toMatchObject({ code: 'disabled', reason: 'turned off in this profile' })
    expect(r.rest).toMatchObject({ code: 'disabled', reason: 'turned off in this profile' })
    wordsAlone(r)
  })
})
