import { describe, expect, it } from 'vitest'
import { invokeChannelNames, type InvokeChannel } from '../../../src-preload/contract'
import type { PbxProfile } from '../../../src-main/core/profiles'
import { cleanupsAfterEach } from '../../support/cleanups'
import { startDemoCore, type DemoCore } from '../../support/demo-core'
import { sleep } from '../../support/wait'

const ctx = { clientId: 'web-9', transport: 'web' as const }
const cleanups = cleanupsAfterEach()

function connected(seat: Partial<PbxProfile['operator']>): Promise<DemoCore> {
  return startDemoCore({ seed: 5, operator: seat }, cleanups)
}

describe('the console contract against the demo PBX (no UI)', () => {
  it('a read-only seat is refused every write, with the rule, and nothing reaches the PBX', async () => {
    const { core, demo } = await connected({ readOnly: true, role: 'admin' })
    const call = demo.pbx.placeCall({ from: { trunk: 'trunk', callerNum: '+4930999', callerName: 'X' }, to: '4930555002' })
    expect(call).toBeDefined()
    await sleep(300)
    const before = demo.pbx.channels().length
    const writes: [InvokeChannel, unknown][] = [
      ['calls.hangup', { profileId: 'demo', channelId: call?.uniqueid }],
      ['calls.originate', { profileId: 'demo', destination: '101' }],
      ['calls.transfer', { profileId: 'demo', channelId: call?.uniqueid, destination: '101', mode: 'blind' }],
      ['calls.park', { profileId: 'demo', channelId: call?.uniqueid }],
      ['queues.pause', { profileId: 'demo', queue: 'support', iface: 'PJSIP/101', paused: true }],
    ]
    for (const [channel, input] of writes) {
      const r = await core.dispatch(channel, input, ctx)
      expect(r, channel).toMatchObject({ ok: false, error: { code: 'forbidden', detail: { rule: 'read_only' } } })
    }
    expect(demo.pbx.channels().length).toBe(before)
    const audit = await core.dispatch('audit.read', { limit: 20 }, ctx)
    if (!audit.ok) throw new Error(audit.error.message)
    expect(audit.value.filter((e) => e.result === 'refused' && e.rule === 'read_only')).toHaveLength(writes.length)
  })

  it('a receptionist may not pause queue members (supervisor action), and says so', async () => {
    const { core } = await connected({ role: 'receptionist' })
    const r = await core.dispatch('queues.pause', { profileId: 'demo', queue: 'support', iface: 'PJSIP/101', paused: true }, ctx)
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden', detail: { rule: 'role' } } })
  })

  it('a supervisor pauses a member with a reason, seen in the live state', async () => {
    const { core, live } = await connected({ role: 'supervisor' })
    const status = await core.dispatch('connections.list', undefined, ctx)
    expect(status).toMatchObject({ ok: true, value: [{ profileId: 'demo', ami: 'connected' }] })
    const r = await core.dispatch('queues.pause', { profileId: 'demo', queue: 'support', iface: 'PJSIP/101', paused: true, reason: 'Lunch' }, ctx)
    expect(r).toMatchObject({ ok: true })
    await expect.poll(() => live.state().queues.support?.members['PJSIP/101']).toMatchObject({ paused: true, pausedReason: 'Lunch' })
  })

  it('no secret value appears in any response or event, whichever channel is called', async () => {
    const { core, demo } = await connected({ role: 'admin' })
    // The demo's AMI/ARI secrets are the words `operator` and `demo`, which also name users and the
    // profile id; scan for its API secret and for the stored profile's distinctive secrets.
    const secrets = [demo.builtin.secrets.freepbx ?? 'missing']
    // A stored profile with its own secrets too.
    const stored = { ...demo.builtin.profile, id: 'office', name: 'Office' }
    const storedSecrets = { ami: 'Stored-AMI-Secret-81f3', ari: 'Stored-ARI-Pass-5c1e', freepbx: 'Stored-OAuth-9d2a' }
    const seen: string[] = []
    core.bus.register('spy', { send: (channel, payload) => seen.push(JSON.stringify([channel, payload])), isBackedUp: () => false })
    await core.dispatch('live.subscribe', { profileId: 'demo' }, { clientId: 'spy', transport: 'web' })
    // The first-run step (a desktop window sets the first passphrase), so the stored profile is saved for real.
    const admin = 'a long enough passphrase'
    expect(await core.dispatch('admin.setPassphrase', { next: admin }, { clientId: 'ipc-1', transport: 'ipc' })).toMatchObject({ ok: true })
    const inputs: Partial<Record<InvokeChannel, unknown>> = {
      'settings.set': { theme: 'dark' },
      'profiles.save': { profile: stored, secrets: storedSecrets, adminPassphrase: admin },
      'profiles.test': { profile: stored },
      'profiles.remove': { id: 'nobody' },
      'admin.setPassphrase': { next: 'another long passphrase', current: admin },
      'audit.read': { limit: 100 },
      'live.subscribe': { profileId: 'demo' },
      'calls.hangup': { profileId: 'demo', channelId: 'none.1' },
      'calls.transfer': { profileId: 'demo', channelId: 'none.1', destination: '101', mode: 'blind' },
      'calls.transferComplete': { profileId: 'demo', channelId: 'none.1' },
      'calls.transferCancel': { profileId: 'demo', channelId: 'none.1' },
      'calls.originate': { profileId: 'demo', destination: '+44 20 7946 0000' },
      'calls.park': { profileId: 'demo', channelId: 'none.1' },
      'calls.pickup': { profileId: 'demo', space: '701' },
      'queues.pause': { profileId: 'demo', queue: 'support', iface: 'PJSIP/101', paused: false },
      'history.query': { filter: { profileId: 'demo' } },
      'history.aggregate': { filter: { profileId: 'demo' }, bucket: 'day' },
      'history.stats': { profileId: 'demo' },
      'history.export': { filter: { profileId: 'demo' } },
      'history.retentionPreview': { days: 30 },
    }
    const responses: string[] = []
    for (const channel of invokeChannelNames) responses.push(JSON.stringify(await core.dispatch(channel, inputs[channel], ctx)))
    // The stored profile reconnects with its secrets; its status events are in `seen` too.
    await sleep(500)
    const all = [...responses, ...seen]
    expect(responses.length).toBe(invokeChannelNames.length)
    expect(JSON.parse(responses[invokeChannelNames.indexOf('profiles.save')] ?? '{}')).toMatchObject({ ok: true })
    for (const secret of [...secrets, ...Object.values(storedSecrets)]) {
      for (const text of all) expect(text.includes(secret), `secret leaked in ${text.slice(0, 120)}`).toBe(false)
    }
  })
})
