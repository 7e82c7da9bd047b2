/**
 * What a FreePBX profile needs before it can be configured, said plainly by Test connection
 * (`profiles.test`) and by the workspace (`config.status`), through the real dispatcher against
 * the demo FreePBX: scopes removed from the API application, the API module absent (404), a
 * refused client, and everything in place. The status reads no configuration to find it out.
 */
import { describe, expect, it } from 'vitest'
import type { ProbeResultView, TestConnectionView } from '../../../src-preload/types/connections'
import { cleanupsAfterEach } from '../../support/cleanups'
import { type ConfigCore, ctx, startConfigCore } from './support'

const cleanups = cleanupsAfterEach()

/** Test connection of the demo profile, its FreePBX API moved to `baseUrl` (the secret typed, as an admin would). */
async function testConnection(c: ConfigCore, freepbx: { baseUrl?: string; clientSecret?: string } = {}): Promise<TestConnectionView> {
  const profile = c.demo.builtin.profile
  const r = await c.core.dispatch(
    'profiles.test',
    {
      profile: { ...profile, freepbx: { ...profile.freepbx, baseUrl: freepbx.baseUrl ?? c.freepbxBaseUrl } },
      secrets: { ...c.demo.builtin.secrets, freepbx: freepbx.clientSecret ?? c.demo.builtin.secrets.freepbx },
    },
    ctx,
  )
  if (!r.ok) throw new Error(`profiles.test: ${r.error.message}`)
  return r.value
}

function config(view: TestConnectionView): ProbeResultView {
  if (view.config === undefined) throw new Error('Test connection said nothing about configuration')
  return view.config
}

describe('what configuration needs, from Test connection and the workspace', () => {
  it('everything in place: Test connection says what can be configured; the status is ready and reads no configuration', async () => {
    const c = await startConfigCore(cleanups)
    const line = config(await testConnection(c))
    expect(line).toMatchObject({ ok: true, warnings: [] })
    expect(line.version).toBe('FreePBX 17: extensions, ring groups, inbound routes, voicemail and queue members can be read, changed and applied')
    const before = c.demo.api.handler.stats.gqlRequests
    const status = await c.call('config.status', { profileId: 'demo' })
    expect(status).toMatchObject({ ready: true, canApply: true, freepbxVersion: '17' })
    expect(status.writableKinds).toEqual(['extension', 'ringGroup', 'inboundRoute', 'voicemail', 'queueMembers'])
    // One introspection and the system block: no list of any kind is read to find this out.
    expect(c.demo.api.handler.stats.gqlRequests - before).toBeLessThanOrEqual(2)
  })

  it('scopes removed: each missing scope is named, read and write apart, with the list to add', async () => {
    // Extensions readable but not writable, no ring groups, voicemail or queues REST, no Apply.
    const c = await startConfigCore(cleanups, { role: 'admin' }, {}, { scopes: ['gql:core:read', 'gql:framework:read:system'] })
    const line = config(await testConnection(c))
    expect(line.ok).toBe(false)
    expect(line.reason).toBe(
      'partly: extensions and inbound routes only read; ring groups, voicemail and queue members not at all; Apply Config not allowed',
    )
    const said = line.warnings.join('\n')
    expect(said).toMatch(/may read extensions but not change them: add the scope gql:core \(or gql:core:write\)/)
    expect(said).toMatch(
      /may not read or change ring groups: add the scope gql:ringgroups \(if the scope is already there, enable the Ring Groups module/,
    )
    expect(said).toMatch(/may not run Apply Config.*gql:framework \(or gql:framework:read:modules\)/)
    expect(said).toMatch(/queue members: add the scope rest:queues/)
    expect(said).toMatch(
      /Scopes to add: gql:core gql:ringgroups gql:voicemail gql:framework rest:queues \(FreePBX: Connectivity → API → Applications/,
    )

    const status = await c.call('config.status', { profileId: 'demo' })
    expect(status).toMatchObject({ ready: false, canApply: false })
    // gql:core:read alone reads extensions; inbound routes need gql:core:read:did or coarser, which it is.
    expect(status.kinds).toEqual(['extension', 'inboundRoute'])
    expect(status.writableKinds).toEqual([])
    expect(status.needs).toEqual(line.warnings)
    // A write the application may not make is refused by FreePBX, with the scope named.
    const ext = await c.get('extension', '105')
    const saved = await c.call('config.save', {
      profileId: 'demo',
      changes: [{ kind: 'extension', operation: 'update', id: '105', baseVersion: ext.version, values: { ...ext.values, name: 'X' } }],
    })
    expect(saved.outcomes[0]).toMatchObject({ ok: false, code: 'forbidden', message: expect.stringMatching(/add the scope gql:core/) as unknown })
  })

  it('the API module absent (404): install it, then a Machine-to-Machine application', async () => {
    const c = await startConfigCore(cleanups, { role: 'admin' }, {}, { path: '/nothing-here' })
    const view = await testConnection(c)
    expect(view.rest).toMatchObject({ ok: false, code: 'wrong_protocol' })
    const line = config(view)
    expect(line).toMatchObject({ ok: false, reason: 'the PBX configuration cannot be edited from the console yet' })
    expect(line.warnings.join(' ')).toMatch(
      /install and enable the API module \(Admin → Module Admin → API\), then create a Machine-to-Machine application/,
    )
    const status = await c.call('config.status', { profileId: 'demo' })
    expect(status).toMatchObject({ ready: false, kinds: [], writableKinds: [], canApply: false })
    expect(status.needs?.join(' ')).toMatch(/install and enable the API module/)
  })

  it('a client FreePBX refuses: create a Machine-to-Machine application and enter its id and secret', async () => {
    const c = await startConfigCore(cleanups)
    const view = await testConnection(c, { clientSecret: 'not-the-secret' })
    expect(view.rest).toMatchObject({ ok: false, code: 'auth_failed' })
    expect(config(view).warnings.join(' ')).toMatch(/create a Machine-to-Machine application and enter its client id and secret/)
  })

  it('an admin profile with the FreePBX API off is told all three: the API in the profile, the module and application, the scopes', async () => {
    const c = await startConfigCore(cleanups)
    const profile = c.demo.builtin.profile
    const r = await c.core.dispatch(
      'profiles.test',
      { profile: { ...profile, operator: { ...profile.operator, role: 'admin' }, freepbx: { ...profile.freepbx, enabled: false } } },
      ctx,
    )
    if (!r.ok) throw new Error(r.error.message)
    expect(r.value.rest.code).toBe('disabled')
    const said = config(r.value).warnings.join(' ')
    expect(said).toMatch(/Turn on the FreePBX API in this profile/)
    expect(said).toMatch(/Machine-to-Machine/)
    expect(said).toMatch(/scopes gql/)
  })
})
