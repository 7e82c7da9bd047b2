// What the audit log says about operator actions, read back through the contract after acting on
// the demo PBX: the seat that acted, its role, the caller and where the call went, the queue
// member and reason, the parked space — and the PBX's channel id kept in the detail for support.
import { describe, expect, it } from 'vitest'
import type { CallContext } from '../../../src-main/core/api/dispatcher'
import type { BuiltinDemo } from '../../../src-main/core/app/builtin-demo'
import type { PbxProfile } from '../../../src-main/core/profiles'
import type { AuditEntryView } from '../../../src-preload/types/audit'
import type { LiveState } from '../../../src-preload/types/live'
import { cleanupsAfterEach } from '../../support/cleanups'
import { startDemoCore, type TestCore } from '../../support/demo-core'

const cleanups = cleanupsAfterEach()

const tab: CallContext = { clientId: 'web-9', transport: 'web' }
const window2: CallContext = { clientId: 'window-2', transport: 'ipc' }

async function connected(operator: Partial<PbxProfile['operator']>): Promise<{ core: TestCore; demo: BuiltinDemo; live: () => LiveState }> {
  // 110 must be known as an extension of this PBX before a transfer names it.
  const { core, demo, live } = await startDemoCore({ seed: 3, operator, loadedWith: '110' }, cleanups)
  return { core, demo, live: live.state }
}

async function auditLines(c: TestCore): Promise<AuditEntryView[]> {
  const r = await c.dispatch('audit.read', { limit: 100 }, tab)
  if (!r.ok) throw new Error(r.error.message)
  return [...r.value].reverse()
}

describe('audit lines of operator actions, through the contract', () => {
  it('name the seat, the real role, the caller and where the call goes; the channel id is in the detail', async () => {
    const { core, demo, live } = await connected({ role: 'supervisor' })
    const call = demo.pbx.placeCall({ from: { trunk: 'trunk', callerNum: '+4930123', callerName: 'Anna Berg' }, to: '4930555002' })
    if (call === undefined) throw new Error('the demo placed no call')
    await expect.poll(() => live().channels[call.uniqueid]?.id, { timeout: 10_000 }).toBe(call.uniqueid)
    const channelId = call.uniqueid

    // Extension 110 is a phone on this PBX (and the German police number): a transfer, not an emergency call.
    expect(await core.dispatch('calls.transfer', { profileId: 'demo', channelId, destination: '110', mode: 'blind' }, tab)).toMatchObject({
      ok: true,
    })
    expect(await core.dispatch('calls.transfer', { profileId: 'demo', channelId, destination: '112', mode: 'voicemail' }, window2)).toMatchObject({
      ok: true,
    })
    // The real emergency number is behind the outside line, and still asks to confirm.
    expect(await core.dispatch('calls.originate', { profileId: 'demo', destination: '0110' }, tab)).toMatchObject({
      ok: false,
      error: { code: 'confirm_required' },
    })
    expect(await core.dispatch('calls.transfer', { profileId: 'demo', channelId, destination: '0 0900 1234567', mode: 'blind' }, tab)).toMatchObject({
      ok: false,
      error: { code: 'refused', detail: { rule: 'premium' } },
    })
    expect(
      await core.dispatch('queues.pause', { profileId: 'demo', queue: 'support', iface: 'PJSIP/101', paused: true, reason: 'Lunch' }, window2),
    ).toMatchObject({ ok: true })
    expect(await core.dispatch('queues.pause', { profileId: 'demo', queue: 'support', iface: 'PJSIP/101', paused: false }, window2)).toMatchObject({
      ok: true,
    })
    expect(await core.dispatch('calls.hangup', { profileId: 'demo', channelId: 'gone.404' }, tab)).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    })

    const lines = await auditLines(core)
    expect(lines.map((e) => [e.action, e.target, e.result, e.seat])).toEqual([
      ['call.transfer.blind', 'Anna Berg <+4930123> → Jonas Keller <110>', 'ok', 'web socket 9'],
      ['call.transfer.voicemail', 'Anna Berg <+4930123> → voicemail of Luca Moretti <112>', 'ok', 'window 2'],
      ['call.originate', 'your phone (100) → 0110', 'refused', 'web socket 9'],
      ['call.transfer.blind', 'Anna Berg <+4930123> → 0 0900 1234567', 'refused', 'web socket 9'],
      ['queue.pause', 'Anna Berger (PJSIP/101) in queue support, reason “Lunch”', 'ok', 'window 2'],
      ['queue.unpause', 'Anna Berger (PJSIP/101) in queue support', 'ok', 'window 2'],
      ['call.hangup', 'a call no longer listed', 'refused', 'web socket 9'],
    ])
    for (const line of lines) expect(line).toMatchObject({ profileId: 'demo', role: 'supervisor', operator: '100' })
    expect(lines[0]?.detail).toBe(`channel ${channelId}`)
    expect(lines[1]?.detail).toBe(`channel ${channelId}`)
    expect(lines[2]).toMatchObject({ errorCode: 'confirm_required', rule: 'emergency' })
    expect(lines[3]).toMatchObject({ rule: 'premium', detail: `German premium-rate 0900 numbers · channel ${channelId}` })
    expect(lines[6]).toMatchObject({ errorCode: 'not_found', detail: 'That call has already gone · channel gone.404' })
  })

  it('name the parked call and its space; a role refusal is audited the same way', async () => {
    const { core, demo, live } = await connected({ role: 'receptionist' })
    const call = demo.pbx.placeCall({ from: { trunk: 'trunk', callerNum: '+4940555', callerName: 'Olaf Park' }, to: '4930555002' })
    if (call === undefined) throw new Error('the demo placed no call')
    await expect.poll(() => live().channels[call.uniqueid]?.id, { timeout: 10_000 }).toBe(call.uniqueid)
    expect(await core.dispatch('calls.park', { profileId: 'demo', channelId: call.uniqueid }, tab)).toMatchObject({ ok: true })
    await expect.poll(() => Object.values(live().parked).find((p) => p.parkeeId === call.uniqueid)?.space, { timeout: 10_000 }).toBeDefined()
    const space = Object.values(live().parked).find((p) => p.parkeeId === call.uniqueid)?.space ?? ''
    expect(await core.dispatch('calls.pickup', { profileId: 'demo', space }, tab)).toMatchObject({ ok: true })
    expect(
      await core.dispatch('queues.pause', { profileId: 'demo', queue: 'sales', iface: 'PJSIP/105', paused: true, reason: 'Break' }, window2),
    ).toMatchObject({
      ok: false,
      error: { code: 'forbidden', detail: { rule: 'role' } },
    })

    const lines = await auditLines(core)
    expect(lines.map((e) => [e.action, e.target, e.result, e.seat, e.role])).toEqual([
      ['call.park', 'Olaf Park <+4940555> → parking lot default', 'ok', 'web socket 9', 'receptionist'],
      ['call.pickup', `Olaf Park <+4940555> parked in space ${space} → your phone (100)`, 'ok', 'web socket 9', 'receptionist'],
      ['queue.pause', 'Eva Fischer (PJSIP/105) in queue sales, reason “Break”', 'refused', 'window 2', 'receptionist'],
    ])
    expect(lines[0]?.detail).toContain(`channel ${call.uniqueid}`)
    expect(lines[1]?.detail).toMatch(new RegExp(`^ref .+ · parking space ${space}$`))
    expect(lines[2]).toMatchObject({ rule: 'role', errorCode: 'forbidden' })
  })
})
