// Queue membership attacked and used through the contract, as a window or socket would: the real
// dispatcher and core against the demo PBX (office: support has static 101, 102 and dynamic 103,
// 104; sales static 105, dynamic 106, 107). What reaches the PBX is watched at the demo's queues.
import { describe, expect, it, vi } from 'vitest'
import type { CallContext } from '../../../src-main/core/api/dispatcher'
import type { PbxProfile } from '../../../src-main/core/profiles'
import type { InvokeChannel } from '../../../src-preload/contract'
import type { AuditEntryView } from '../../../src-preload/types/audit'
import { defaultQueuePrefs } from '../../../src-preload/types/queues'
import { cleanupsAfterEach } from '../../support/cleanups'
import { startDemoCore, type DemoCore, type TestCore } from '../../support/demo-core'

const cleanups = cleanupsAfterEach()
const tab: CallContext = { clientId: 'web-7', transport: 'web' }

type Sent = [string, ...unknown[]]

/** A core on the demo PBX with this seat; `sent` records every membership change that reached the PBX. */
async function connected(operator: Partial<PbxProfile['operator']>): Promise<DemoCore & { sent: Sent[] }> {
  const started = await startDemoCore({ seed: 3, operator }, cleanups)
  const queues = started.demo.pbx.engine.pbx.queues
  const sent: Sent[] = []
  for (const method of ['add', 'remove', 'pause', 'penalty'] as const) {
    const real = (queues[method] as (...a: unknown[]) => unknown).bind(queues)
    vi.spyOn(queues, method).mockImplementation(((...args: unknown[]) => {
      sent.push([method, ...args])
      return real(...args)
    }) as never)
  }
  await expect.poll(() => started.live.state().queues.support?.members['PJSIP/101']?.membership, { timeout: 10_000 }).toBe('static')
  return { ...started, sent }
}

async function auditOf(core: TestCore, action: string): Promise<AuditEntryView[]> {
  const r = await core.dispatch('audit.read', { limit: 200 }, tab)
  if (!r.ok) throw new Error(r.error.message)
  return [...r.value].reverse().filter((e) => e.action === action)
}

describe('queue membership through the contract (demo PBX)', () => {
  it('a supervisor adds an extension as a dynamic member (paused, with a reason and penalty), then removes it; both audited by name', async () => {
    const d = await connected({ role: 'supervisor' })
    const add = await d.core.dispatch(
      'queues.add',
      { profileId: 'demo', queue: 'support', extension: '108', name: 'Hana Ito', penalty: 2, paused: true, reason: 'Training' },
      tab,
    )
    expect(add).toMatchObject({ ok: true, value: { message: 'Added 108 Hana Ito to support' } })
    // The interface follows the PBX's own members (PJSIP/<ext> on this PBX), never typed.
    expect(d.sent).toEqual([
      ['add', 'support', { interface: 'PJSIP/108', name: 'Hana Ito', stateInterface: 'PJSIP/108', penalty: 2 }, true, 'Training', 0],
    ])
    await expect
      .poll(() => d.live.state().queues.support?.members['PJSIP/108'])
      .toMatchObject({ name: 'Hana Ito', membership: 'dynamic', penalty: 2, paused: true, pausedReason: 'Training' })
    const [added] = await auditOf(d.core, 'queue.add')
    expect(added).toMatchObject({ result: 'ok', target: '108 Hana Ito to queue support (penalty 2, paused “Training”)', role: 'supervisor' })
    expect(added?.detail).toContain('Configuration → Queue members')

    const again = await d.core.dispatch('queues.add', { profileId: 'demo', queue: 'support', extension: '108' }, tab)
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict', message: 'Hana Ito (PJSIP/108) is already a member of support' } })

    const removed = await d.core.dispatch('queues.remove', { profileId: 'demo', queue: 'support', iface: 'PJSIP/108' }, tab)
    expect(removed).toMatchObject({ ok: true, value: { message: 'Removed Hana Ito from support' } })
    await expect.poll(() => d.live.state().queues.support?.members['PJSIP/108']).toBeUndefined()
    expect(await auditOf(d.core, 'queue.remove')).toEqual([
      expect.objectContaining({ result: 'ok', target: 'Hana Ito (PJSIP/108) from queue support' }),
    ])
  })

  it('a static member is not removed: refused in words with what can be done, audited, and nothing reaches the PBX', async () => {
    const d = await connected({ role: 'admin' })
    const r = await d.core.dispatch('queues.remove', { profileId: 'demo', queue: 'support', iface: 'PJSIP/101' }, tab)
    expect(r).toMatchObject({ ok: false, error: { code: 'refused', detail: { rule: 'static_member' } } })
    if (r.ok) return
    expect(r.error.message).toMatch(/static member of support/)
    expect(r.error.message).toMatch(/Pause it here, or remove it in Configuration → Queue members/)
    expect(d.sent).toEqual([])
    expect(d.live.state().queues.support?.members['PJSIP/101']).toBeDefined()
    expect(await auditOf(d.core, 'queue.remove')).toEqual([expect.objectContaining({ result: 'refused', rule: 'static_member', role: 'admin' })])
  })

  it('pauses a member in every queue it is in with one reason, and unpauses it everywhere (QueuePause without Queue)', async () => {
    const d = await connected({ role: 'supervisor' })
    for (const queue of ['support', 'sales']) {
      const r = await d.core.dispatch('queues.add', { profileId: 'demo', queue, extension: '109', name: 'Ivo Petrov' }, tab)
      expect(r.ok).toBe(true)
    }
    d.sent.length = 0
    const paused = await d.core.dispatch('queues.pause', { profileId: 'demo', iface: 'PJSIP/109', paused: true, reason: 'Coffee' }, tab)
    expect(paused).toMatchObject({ ok: true, value: { message: 'Paused Ivo Petrov in all 2 queues' } })
    expect(d.sent).toEqual([['pause', undefined, 'PJSIP/109', true, 'Coffee']])
    for (const queue of ['support', 'sales']) {
      await expect.poll(() => d.live.state().queues[queue]?.members['PJSIP/109']).toMatchObject({ paused: true, pausedReason: 'Coffee' })
    }
    expect(await auditOf(d.core, 'queue.pause')).toEqual([
      expect.objectContaining({ result: 'ok', target: 'Ivo Petrov (PJSIP/109) in every queue (sales, support), reason “Coffee”' }),
    ])
    const unpaused = await d.core.dispatch('queues.pause', { profileId: 'demo', iface: 'PJSIP/109', paused: false }, tab)
    expect(unpaused.ok).toBe(true)
    for (const queue of ['support', 'sales']) await expect.poll(() => d.live.state().queues[queue]?.members['PJSIP/109']?.paused).toBe(false)

    const penalty = await d.core.dispatch('queues.penalty', { profileId: 'demo', iface: 'PJSIP/109', penalty: 4 }, tab)
    expect(penalty).toMatchObject({ ok: true, value: { message: 'Penalty 4 for Ivo Petrov in all 2 queues' } })
    for (const queue of ['support', 'sales']) await expect.poll(() => d.live.state().queues[queue]?.members['PJSIP/109']?.penalty).toBe(4)
    const one = await d.core.dispatch('queues.penalty', { profileId: 'demo', queue: 'sales', iface: 'PJSIP/109', penalty: 0 }, tab)
    expect(one.ok).toBe(true)
    await expect.poll(() => d.live.state().queues.sales?.members['PJSIP/109']?.penalty).toBe(0)
    expect(d.live.state().queues.support?.members['PJSIP/109']?.penalty).toBe(4)
  })

  it('an unknown queue, an unknown extension and a member not in the queue are refused before the PBX hears of them, and audited', async () => {
    const d = await connected({ role: 'supervisor' })
    const cases: [InvokeChannel, unknown, string][] = [
      ['queues.add', { profileId: 'demo', queue: 'nosuch', extension: '108' }, 'There is no queue “nosuch” on this PBX'],
      ['queues.remove', { profileId: 'demo', queue: 'nosuch', iface: 'PJSIP/103' }, 'There is no queue “nosuch” on this PBX'],
      ['queues.pause', { profileId: 'demo', queue: 'nosuch', iface: 'PJSIP/103', paused: true }, 'There is no queue “nosuch” on this PBX'],
      ['queues.penalty', { profileId: 'demo', queue: 'nosuch', iface: 'PJSIP/103', penalty: 1 }, 'There is no queue “nosuch” on this PBX'],
      ['queues.add', { profileId: 'demo', queue: 'support', extension: '999' }, '999 is not an extension of this PBX'],
      ['queues.remove', { profileId: 'demo', queue: 'sales', iface: 'PJSIP/103' }, 'PJSIP/103 is not a member of sales any more'],
      ['queues.pause', { profileId: 'demo', iface: 'PJSIP/119', paused: true }, 'PJSIP/119 is not a member of any queue'],
    ]
    for (const [channel, input, message] of cases) {
      const r = await d.core.dispatch(channel, input, tab)
      expect(r, `${channel} ${JSON.stringify(input)}`).toMatchObject({ ok: false, error: { code: 'not_found', message } })
    }
    expect(d.sent).toEqual([])
    const lines = [
      ...(await auditOf(d.core, 'queue.add')),
      ...(await auditOf(d.core, 'queue.remove')),
      ...(await auditOf(d.core, 'queue.pause')),
      ...(await auditOf(d.core, 'queue.penalty')),
    ]
    expect(lines).toHaveLength(cases.length)
    for (const line of lines) expect(line).toMatchObject({ result: 'refused', errorCode: 'not_found' })
  })

  const writes: [InvokeChannel, unknown][] = [
    ['queues.add', { profileId: 'demo', queue: 'support', extension: '108' }],
    ['queues.remove', { profileId: 'demo', queue: 'support', iface: 'PJSIP/103' }],
    ['queues.pause', { profileId: 'demo', iface: 'PJSIP/103', paused: true, reason: 'Lunch' }],
    ['queues.penalty', { profileId: 'demo', iface: 'PJSIP/103', penalty: 3 }],
  ]

  it('a receptionist is refused every membership action and the preferences, audited, and nothing reaches the PBX', async () => {
    const d = await connected({ role: 'receptionist' })
    for (const [channel, input] of [...writes, ['queues.prefs.set', { profileId: 'demo', prefs: defaultQueuePrefs }] as [InvokeChannel, unknown]]) {
      const r = await d.core.dispatch(channel, input, tab)
      expect(r, channel).toMatchObject({ ok: false, error: { code: 'forbidden', detail: { rule: 'role' } } })
    }
    expect(d.sent).toEqual([])
    const audit = await d.core.dispatch('audit.read', { limit: 50 }, tab)
    if (!audit.ok) throw new Error(audit.error.message)
    expect(audit.value.filter((e) => e.action.startsWith('queue.') && e.rule === 'role')).toHaveLength(writes.length + 1)
  })

  it('a read-only seat is refused every membership change (even as admin), but may tune its wallboard', async () => {
    const d = await connected({ role: 'admin', readOnly: true })
    for (const [channel, input] of writes) {
      const r = await d.core.dispatch(channel, input, tab)
      expect(r, channel).toMatchObject({ ok: false, error: { code: 'forbidden', detail: { rule: 'read_only' } } })
    }
    expect(d.sent).toEqual([])
    const audit = await d.core.dispatch('audit.read', { limit: 50 }, tab)
    if (!audit.ok) throw new Error(audit.error.message)
    expect(audit.value.filter((e) => e.action.startsWith('queue.') && e.rule === 'read_only')).toHaveLength(writes.length)
    // The wallboard's settings change nothing on the PBX.
    const prefs = await d.core.dispatch('queues.prefs.set', { profileId: 'demo', prefs: defaultQueuePrefs }, tab)
    expect(prefs.ok).toBe(true)
  })

  it('input that could reach an AMI header is refused at the edge: line breaks, control characters, negative penalties, free interfaces', async () => {
    const d = await connected({ role: 'admin' })
    const bad: [InvokeChannel, unknown][] = [
      ['queues.pause', { profileId: 'demo', queue: 'support', iface: 'PJSIP/103', paused: true, reason: 'x\r\nAction: Originate' }],
      ['queues.pause', { profileId: 'demo', queue: 'support', iface: 'PJSIP/103\r\nPaused: false', paused: true }],
      ['queues.add', { profileId: 'demo', queue: 'support', extension: '108', name: 'Eve\u202Eevil' }],
      ['queues.add', { profileId: 'demo', queue: 'support', extension: 'Local/108@x' }],
      ['queues.add', { profileId: 'demo', queue: 'support', extension: '108', interface: 'Local/900@evil' }],
      ['queues.penalty', { profileId: 'demo', iface: 'PJSIP/103', penalty: -3 }],
      ['queues.penalty', { profileId: 'demo', iface: 'PJSIP/103', penalty: 1.5 }],
      ['queues.remove', { profileId: 'demo', queue: 'support\nx', iface: 'PJSIP/103' }],
    ]
    for (const [channel, input] of bad) {
      const r = await d.core.dispatch(channel, input, tab)
      expect(r, JSON.stringify(input)).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    }
    expect(d.sent).toEqual([])
  })

  it('the queue preferences: defaults, saved per profile (audited), pushed to every window; a malformed one refused', async () => {
    const d = await connected({ role: 'supervisor' })
    const pushed: unknown[] = []
    d.core.bus.register('other-window', {
      send: (channel, payload) => channel === 'queues.prefs.changed' && pushed.push(payload),
      isBackedUp: () => false,
    })
    expect(await d.core.dispatch('queues.prefs.get', { profileId: 'demo' }, tab)).toEqual({ ok: true, value: defaultQueuePrefs })
    const prefs = {
      pauseReasons: ['Lunch', 'Outbound campaign'],
      wallboard: {
        queues: ['sales'],
        thresholds: [{ queue: 'sales', waiting: 3, longestWaitS: 60 }],
        theme: 'light' as const,
        sound: false,
        pageSeconds: 15,
      },
    }
    expect(await d.core.dispatch('queues.prefs.set', { profileId: 'demo', prefs }, tab)).toEqual({ ok: true, value: prefs })
    expect(await d.core.dispatch('queues.prefs.get', { profileId: 'demo' }, tab)).toEqual({ ok: true, value: prefs })
    expect(pushed).toEqual([{ profileId: 'demo', prefs }])
    expect(await auditOf(d.core, 'queue.prefs')).toEqual([expect.objectContaining({ result: 'ok', role: 'supervisor' })])
    const bad = await d.core.dispatch('queues.prefs.set', { profileId: 'demo', prefs: { ...prefs, pauseReasons: ['ok', 'two\nlines'] } }, tab)
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    const keyed = await d.core.dispatch(
      'queues.prefs.set',
      { profileId: 'demo', prefs: { ...prefs, wallboard: { ...prefs.wallboard, thresholds: { __proto__: {} } } } },
      tab,
    )
    expect(keyed).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(await d.core.dispatch('queues.prefs.get', { profileId: 'demo' }, tab)).toEqual({ ok: true, value: prefs })
  })
})
