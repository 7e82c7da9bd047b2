import { describe, expect, it } from 'vitest'
import { explain, freepbxConfigBackend } from '../../../src-main/core/freepbx/config/backend'
import { FreepbxClient } from '../../../src-main/core/freepbx/index'
import { startFreepbxDemoServer, type FreepbxDemoServer, type FreepbxVersion } from '../../../src-main/core/demo-freepbx/index'
import { cleanupsAfterEach } from '../../support/cleanups'
import { applyOutcome, ctx, startConfigCore } from './support'

const cleanups = cleanupsAfterEach()

describe('Apply Config with progress', () => {
  it('an apply that fails streams Processing then Failed with FreePBX’s details; the batch stays pending and the outcome is audited', async () => {
    const c = await startConfigCore(cleanups)
    const ext = await c.get('extension', '105')
    await c.call('config.save', {
      profileId: 'demo',
      changes: [{ kind: 'extension', operation: 'update', id: '105', baseVersion: ext.version, values: { ...ext.values, name: 'X' } }],
    })
    c.demo.api.handler.setReloadBehaviour({ delayMs: 300, outcome: 'failed', details: 'Reload failed because retrieve_conf encountered an error: 1' })
    const { applyId } = await c.call('config.apply', { profileId: 'demo' })
    const last = await applyOutcome(c, applyId)
    expect(last).toMatchObject({ state: 'failed', details: 'Reload failed because retrieve_conf encountered an error: 1' })
    expect(c.progress.filter((p) => p.applyId === applyId).map((p) => p.state)).toContain('processing')
    const pending = await c.call('config.pending', { profileId: 'demo' })
    expect(pending).toMatchObject({ applySuggested: true, lastApply: { state: 'failed' } })
    expect(pending.changes).toHaveLength(1)
    const audit = await c.call('audit.read', { limit: 10 })
    expect(audit.find((e) => e.action === 'config.apply' && e.result === 'error')?.detail).toContain('retrieve_conf')
  })

  it('an apply that hangs in Processing is called "outcome unknown — check the PBX" after the limit, never a guess', async () => {
    const c = await startConfigCore(cleanups)
    c.demo.api.handler.setReloadBehaviour({ outcome: 'stuck' })
    const { applyId } = await c.call('config.apply', { profileId: 'demo' })
    // Asking again while it runs is the same apply, not a second doreload.
    expect(await c.call('config.apply', { profileId: 'demo' })).toEqual({ applyId })
    const last = await applyOutcome(c, applyId)
    expect(last.state).toBe('unknown')
    expect(last.message).toMatch(/Outcome unknown — check the PBX/)
    expect(last.elapsedMs).toBeGreaterThanOrEqual(1500)
    const audit = await c.call('audit.read', { limit: 10 })
    expect(audit.find((e) => e.action === 'config.apply' && e.result === 'outcome_unknown')).toBeDefined()
  })

  it('progress goes only to the window that applied', async () => {
    const c = await startConfigCore(cleanups)
    const other: string[] = []
    c.core.bus.register('web-8', { send: (channel) => other.push(channel), isBackedUp: () => false })
    const { applyId } = await c.call('config.apply', { profileId: 'demo' })
    await applyOutcome(c, applyId)
    expect(other).not.toContain('config.progress')
  })

  it('an expired or revoked token is replaced once and the call goes through', async () => {
    const c = await startConfigCore(cleanups)
    await c.call('config.list', { profileId: 'demo', kind: 'ringGroup' })
    const before = c.demo.api.handler.stats.tokenRequests
    c.demo.api.handler.revokeAll()
    const r = await c.core.dispatch('config.list', { profileId: 'demo', kind: 'ringGroup' }, ctx)
    expect(r).toMatchObject({ ok: true })
    expect(c.demo.api.handler.stats.tokenRequests).toBe(before + 1)
  })
})

const CLIENT = 'c'.repeat(64)
const SECRET = 'd'.repeat(32)

async function server(version: FreepbxVersion, quirks = {}): Promise<FreepbxDemoServer> {
  const s = await startFreepbxDemoServer({
    version,
    quirks,
    clients: [
      { clientId: CLIENT, clientSecret: SECRET },
      { clientId: 'core-only', clientSecret: SECRET, allowedScopes: ['gql:core'] },
    ],
    data: { extensions: () => [{ extensionId: '100', name: 'Alice', tech: 'pjsip' }], cdrs: () => [] },
  })
  cleanups.push(() => s.close())
  return s
}

function backendFor(s: FreepbxDemoServer, clientId = CLIENT): ReturnType<typeof freepbxConfigBackend> {
  const client = new FreepbxClient({ baseUrl: s.baseUrl, clientId, clientSecret: SECRET, timeoutMs: 3000 })
  cleanups.push(() => client.close())
  return freepbxConfigBackend({ run: (work) => work(client) })
}

describe('FreePBX error shapes, in the admin’s words', () => {
  for (const version of ['16', '17'] as const) {
    it(`FreePBX ${version}: a business refusal quotes FreePBX; a resolver error says where FreePBX logs why`, async () => {
      const s = await server(version, { voicemailDestinationError: true })
      const b = backendFor(s)
      const g = {
        group: '650',
        description: 'a',
        strategy: 'ringall',
        members: ['100'],
        ringTime: 20,
        cidPrefix: '',
        noAnswer: { type: 'hangup' },
        alertInfo: '',
        confirmCalls: false,
        ignoreCallForward: false,
        ignoreCallWaiting: false,
        pickup: false,
      } as const
      await b.kinds.ringGroup.create?.({ ...g, members: [...g.members] }, {})
      const dup = await b.kinds.ringGroup.create?.({ ...g, members: [...g.members] }, {}).catch((err: unknown) => err)
      expect(explain(dup)).toEqual({ code: 'pbx_error', message: '“Sorry,Ringgroup already exists”' })
      const resolver = await b.kinds.inboundRoute
        .create?.(
          {
            did: '555',
            cid: '',
            description: '',
            destination: { type: 'voicemail', extension: '100', greeting: 'busy' },
            cidPrefix: '',
            alertInfo: '',
            musicClass: '',
            ringing: false,
            delayAnswer: 0,
            privacyManager: false,
          },
          {},
        )
        .catch((err: unknown) => err)
      const said = explain(resolver)
      expect(said.code).toBe('pbx_error')
      expect(said.message).toMatch(/gql_api_error\.log|Internal server error|Undefined index/)
    })
  }

  it('a missing scope names the scope to add, from the probe and from a call', async () => {
    const s = await server('17')
    const b = backendFor(s, 'core-only')
    const probe = await b.probe()
    expect(probe.kinds).toContain('extension')
    expect(probe.kinds).not.toContain('ringGroup')
    expect(probe.needs.join(' ')).toMatch(/gql:ringgroups/)
    expect(probe.needs.join(' ')).toMatch(/rest:queues/)
    const err = await b.kinds.ringGroup.list().catch((e: unknown) => e)
    expect(explain(err)).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/add the scope gql:ringgroups/) as unknown })
  })

  it('no API module: the admin is told to install it', async () => {
    const s = await server('17')
    const client = new FreepbxClient({ baseUrl: `${s.baseUrl}/nothing-here`, clientId: CLIENT, clientSecret: SECRET, timeoutMs: 3000 })
    cleanups.push(() => client.close())
    const b = freepbxConfigBackend({ run: (work) => work(client) })
    const probe = await b.probe()
    expect(probe.kinds).toEqual([])
    expect(probe.needs.join(' ')).toMatch(/install and enable the API module/)
  })
})
