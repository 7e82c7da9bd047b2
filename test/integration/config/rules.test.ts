import { describe, expect, it } from 'vitest'
import type { InvokeChannel } from '../../../src-preload/contract'
import { cleanupsAfterEach } from '../../support/cleanups'
import { ctx, startConfigCore } from './support'

const cleanups = cleanupsAfterEach()

describe('configuration rules, through the contract', () => {
  it('a read-only admin seat is refused every write and Apply, each refusal audited, and nothing changes on FreePBX', async () => {
    const c = await startConfigCore(cleanups, { role: 'admin', readOnly: true })
    const config = c.demo.api.handler.config
    const before = JSON.stringify([...config.extensions.values(), ...config.ringGroups.values(), ...config.inboundRoutes.values()])
    // Reading is allowed: an admin on a read-only profile may look.
    const ext = await c.get('extension', '105')
    const { extension: _number, ...template } = ext.values
    const writes: [InvokeChannel, unknown][] = [
      [
        'config.save',
        {
          profileId: 'demo',
          changes: [{ kind: 'extension', operation: 'update', id: '105', baseVersion: ext.version, values: { ...ext.values, name: 'Hacked' } }],
        },
      ],
      [
        'config.save',
        {
          profileId: 'demo',
          changes: [
            {
              kind: 'ringGroup',
              operation: 'create',
              values: {
                group: '650',
                description: 'x',
                strategy: 'ringall',
                members: ['101'],
                ringTime: 20,
                cidPrefix: '',
                noAnswer: { type: 'hangup' },
                alertInfo: '',
                confirmCalls: false,
                ignoreCallForward: false,
                ignoreCallWaiting: false,
                pickup: false,
              },
            },
          ],
        },
      ],
      ['config.createRange', { profileId: 'demo', range: { start: '700', count: 2, template: { ...template, name: 'Temp' } } }],
      ['config.remove', { profileId: 'demo', kind: 'extension', id: '105', baseVersion: ext.version }],
      ['config.rotateSecret', { profileId: 'demo', extension: '105', baseVersion: ext.version }],
      ['config.restore', { profileId: 'demo', changeId: 'chg-1' }],
      ['config.apply', { profileId: 'demo' }],
    ]
    for (const [channel, input] of writes) {
      const r = await c.core.dispatch(channel, input, ctx)
      expect(r, channel).toMatchObject({ ok: false, error: { code: 'forbidden', detail: { rule: 'read_only' } } })
    }
    expect(JSON.stringify([...config.extensions.values(), ...config.ringGroups.values(), ...config.inboundRoutes.values()])).toBe(before)
    const audit = await c.call('audit.read', { limit: 50 })
    expect(audit.filter((e) => e.result === 'refused' && e.rule === 'read_only' && e.action.startsWith('config.')).length).toBe(writes.length)
  })

  it('a receptionist and a supervisor may not even read the configuration; the refusal is audited', async () => {
    const c = await startConfigCore(cleanups, { role: 'supervisor' })
    for (const [channel, input] of [
      ['config.list', { profileId: 'demo', kind: 'extension' }],
      ['config.get', { profileId: 'demo', kind: 'extension', id: '101' }],
      ['config.status', { profileId: 'demo' }],
      ['config.pending', { profileId: 'demo' }],
      ['config.destinations', { profileId: 'demo' }],
    ] as const) {
      const r = await c.core.dispatch(channel, input, ctx)
      expect(r, channel).toMatchObject({ ok: false, error: { code: 'forbidden', detail: { rule: 'role' } } })
    }
    const audit = await c.call('audit.read', { limit: 20 })
    expect(audit.filter((e) => e.result === 'refused' && e.rule === 'role').length).toBe(5)
  })

  it('no SIP secret or PIN read from FreePBX crosses the contract, in any answer or event', async () => {
    const c = await startConfigCore(cleanups)
    const config = c.demo.api.handler.config
    await c.call('config.list', { profileId: 'demo', kind: 'extension' })
    await c.call('config.list', { profileId: 'demo', kind: 'voicemail' })
    for (const id of ['100', '101', '105']) {
      await c.get('extension', id)
      await c.get('voicemail', id)
    }
    const ext = await c.get('extension', '105')
    await c.call('config.save', {
      profileId: 'demo',
      changes: [{ kind: 'extension', operation: 'update', id: '105', baseVersion: ext.version, values: { ...ext.values, name: 'Renamed' } }],
    })
    await c.call('config.pending', { profileId: 'demo' })
    const secrets = [...config.extensions.values()].map((e) => e.secret).filter((s) => s.length >= 8)
    const pins = [...config.voicemail.values()].map((v) => v.password).filter((p) => p.length >= 4 && !config.extensions.has(p))
    expect(secrets.length).toBeGreaterThan(5)
    const everything = c.seen.join('\n')
    for (const s of [...secrets, ...pins]) expect(everything).not.toContain(s)
    expect(everything).toContain('"hasSecret":true')
  })

  it('a profile without the FreePBX API is told what it needs: the module, a Machine-to-Machine application, the scopes', async () => {
    const c = await startConfigCore(cleanups, { role: 'admin' }, {})
    const base = c.demo.builtin.profile
    await c.core.runtimes.restart({
      ...base,
      id: 'noapi',
      name: 'No API',
      operator: { ...base.operator, role: 'admin' },
      freepbx: { ...base.freepbx, enabled: false },
    })
    const status = await c.call('config.status', { profileId: 'noapi' })
    expect(status.ready).toBe(false)
    expect(status.needs?.join(' ')).toMatch(/API module/)
    expect(status.needs?.join(' ')).toMatch(/Machine-to-Machine/)
    expect(status.needs?.join(' ')).toMatch(/gql/)
    const r = await c.core.dispatch('config.list', { profileId: 'noapi', kind: 'extension' }, ctx)
    expect(r).toMatchObject({ ok: false, error: { code: 'unavailable' } })
    const ready = await c.call('config.status', { profileId: 'demo' })
    expect(ready).toMatchObject({ ready: true, freepbxVersion: '17' })
    expect(ready.kinds).toEqual(['extension', 'ringGroup', 'inboundRoute', 'voicemail', 'queueMembers'])
  })
})
