// Presence and day/night used and attacked through the contract, as a window or socket would: the
// real dispatcher and core against the demo PBX. What the PBX holds is read back from the demo's
// AstDB and device states; what the PBX does with it is seen on the calls it routes.
import { describe, expect, it } from 'vitest'
import type { CallContext } from '../../../src-main/core/api/dispatcher'
import type { InvokeChannel } from '../../../src-preload/contract'
import type { PbxProfile } from '../../../src-main/core/profiles'
import type { AuditEntryView } from '../../../src-preload/types/audit'
import type { PresenceChange, PresenceSnapshot } from '../../../src-preload/types/presence'
import { cleanupsAfterEach } from '../../support/cleanups'
import { ringingAt } from '../../support/console-harness'
import { startDemoCore, type DemoCore, type TestCore } from '../../support/demo-core'

const cleanups = cleanupsAfterEach()
const tab: CallContext = { clientId: 'web-7', transport: 'web' }

/** The demo PBX and a core; `supervisor` is the demo's AMI user with the `system` write class AstDB writes need. */
function seat(operator: Partial<PbxProfile['operator']> = {}, amiUser = 'supervisor'): Promise<DemoCore> {
  return startDemoCore({ seed: 23, operator, loadedWith: '105', amiUser }, cleanups)
}

/** Lists presence as a window does and keeps every `presence.changed` it is sent. */
async function listen(core: TestCore, clientId = tab.clientId): Promise<{ snapshot: PresenceSnapshot; changes: PresenceChange[] }> {
  const changes: PresenceChange[] = []
  core.bus.register(clientId, {
    send: (channel, payload) => {
      if (channel === 'presence.changed') changes.push(payload as PresenceChange)
    },
    isBackedUp: () => false,
  })
  const r = await core.dispatch('presence.list', { profileId: 'demo' }, { clientId, transport: 'web' })
  if (!r.ok) throw new Error(r.error.message)
  return { snapshot: r.value, changes }
}

async function audit(core: TestCore, prefix: string): Promise<AuditEntryView[]> {
  const r = await core.dispatch('audit.read', { limit: 200 }, tab)
  if (!r.ok) throw new Error(r.error.message)
  return [...r.value].reverse().filter((e) => e.action.startsWith(prefix))
}

/** What the caller's channel runs now on the demo PBX (VoiceMail, Dial …). */
function appOf(d: DemoCore, uniqueid: string): string | undefined {
  return d.demo.pbx.engine.findChannel(uniqueid)?.app
}

describe('presence through the contract (demo PBX as FreePBX keeps it)', () => {
  it('lists FreePBX as the source and the office-hours toggle in day mode; lamps carry their time in state', async () => {
    const d = await seat()
    const { snapshot } = await listen(d.core)
    expect(snapshot).toMatchObject({ profileId: 'demo', source: 'freepbx', pollEveryMs: 10_000 })
    expect(snapshot.toggles).toEqual([expect.objectContaining({ index: '0', name: 'Call flow 0', mode: 'day', featureCode: '*280' })])
    expect(snapshot.extensions['105']).toMatchObject({ extension: '105', dnd: false, forward: {}, lampSince: { exact: false } })
    expect(snapshot.polledAt).not.toBeNull()
  })

  it('DND on: AstDB and Custom:DND105 as FreePBX’s *76 writes them, the lamp goes Busy, the window is told, a call goes to voicemail; off again', async () => {
    const d = await seat()
    const { changes } = await listen(d.core)
    const on = await d.core.dispatch('presence.setDnd', { profileId: 'demo', extension: '105', on: true }, tab)
    expect(on).toMatchObject({ ok: true, value: { message: 'Do not disturb is on for 105' } })
    expect(d.demo.pbx.engine.pbx.astdb.get('DND', '105')).toBe('YES')
    expect(d.demo.pbx.engine.pbx.presence.customState('Custom:DND105')).toBe('BUSY')
    await expect.poll(() => d.live.state().extensions['105']?.state).toBe('BUSY')
    await expect.poll(() => changes.find((c) => c.extensions['105']?.dnd === true)).toBeDefined()
    expect(changes.find((c) => c.extensions['105']?.dnd === true)?.extensions['105']?.since.exact).toBe(true)

    const call = d.demo.pbx.placeCall({ from: { trunk: 'trunk', callerNum: '+4930111', callerName: 'Caller' }, to: '4930555105' })
    if (call === undefined) throw new Error('no call')
    await expect.poll(() => appOf(d, call.uniqueid), { timeout: 5_000 }).toBe('VoiceMail')

    const off = await d.core.dispatch('presence.setDnd', { profileId: 'demo', extension: '105', on: false }, tab)
    expect(off).toMatchObject({ ok: true })
    expect(d.demo.pbx.engine.pbx.astdb.get('DND', '105')).toBeUndefined()
    await expect.poll(() => d.live.state().extensions['105']?.state).toBe('NOT_INUSE')
    const lines = await audit(d.core, 'presence.dnd')
    expect(lines.map((l) => [l.result, l.target])).toEqual([
      ['ok', 'Do not disturb on for 105'],
      ['ok', 'Do not disturb off for 105'],
    ])
  })

  it('forwarding: an internal target is stored as typed and calls follow it; premium and international targets and dial strings are refused and nothing is written', async () => {
    const d = await seat()
    const { changes } = await listen(d.core)
    const set = await d.core.dispatch('presence.setForward', { profileId: 'demo', extension: '105', kind: 'unconditional', target: '104' }, tab)
    expect(set).toMatchObject({ ok: true, value: { message: '105 is forwarded to 104 always' } })
    expect(d.demo.pbx.engine.pbx.astdb.get('CF', '105')).toBe('104')
    await expect.poll(() => changes.find((c) => c.extensions['105']?.forward.unconditional === '104')).toBeDefined()
    const call = d.demo.pbx.placeCall({ from: { trunk: 'trunk', callerNum: '+4930222', callerName: 'Caller' }, to: '4930555105' })
    if (call === undefined) throw new Error('no call')
    await expect.poll(() => d.live.state().extensions['104']?.state, { timeout: 5_000 }).toBe('RINGING')
    expect(d.live.state().extensions['105']?.state).toBe('NOT_INUSE')

    const refused: [string, string][] = [
      ['0900 1234567', 'premium'],
      ['+44 20 7946 0000', 'international'],
      ['106', 'forward_to_itself'],
      ['PJSIP/trunk/0900123', 'channel_technology'],
    ]
    for (const [target, rule] of refused) {
      const r = await d.core.dispatch('presence.setForward', { profileId: 'demo', extension: '106', kind: 'busy', target }, tab)
      expect(r, target).toMatchObject({ ok: false, error: { code: 'refused', detail: { rule } } })
    }
    const r = await d.core.dispatch('presence.setForward', { profileId: 'demo', extension: '105', kind: 'busy', target: '0900 1234567' }, tab)
    expect(r).toMatchObject({ ok: false, error: { code: 'refused', detail: { rule: 'premium' } } })
    expect(d.demo.pbx.engine.pbx.astdb.get('CFB', '106')).toBeUndefined()
    expect(d.demo.pbx.engine.pbx.astdb.get('CFB', '105')).toBeUndefined()
    // An outside number the guard allows is stored as the digits the PBX would dial.
    const mobile = await d.core.dispatch(
      'presence.setForward',
      { profileId: 'demo', extension: '106', kind: 'noAnswer', target: '0171 2345678' },
      tab,
    )
    expect(mobile).toMatchObject({ ok: true })
    expect(d.demo.pbx.engine.pbx.astdb.get('CFU', '106')).toBe('01712345678')

    const off = await d.core.dispatch('presence.setForward', { profileId: 'demo', extension: '105', kind: 'unconditional', target: null }, tab)
    expect(off).toMatchObject({ ok: true, value: { message: '105 is no longer forwarded always' } })
    expect(d.demo.pbx.engine.pbx.astdb.get('CF', '105')).toBeUndefined()
    const lines = await audit(d.core, 'presence.forward')
    expect(lines.filter((l) => l.result === 'refused').map((l) => l.rule)).toEqual([...refused.map(([, rule]) => rule), 'premium'])
  })

  it('a note with its own commas survives (Base64, as func_presencestate allows) and reaches the window', async () => {
    const d = await seat()
    const { changes } = await listen(d.core)
    const r = await d.core.dispatch('presence.setNote', { profileId: 'demo', extension: '105', status: 'away', message: 'Lunch, back at 2' }, tab)
    expect(r).toMatchObject({ ok: true })
    expect(d.demo.pbx.engine.pbx.presence.presence('CustomPresence:105')).toEqual({ status: 'away', subtype: '', message: 'Lunch, back at 2' })
    await expect
      .poll(() => changes.find((c) => c.extensions['105']?.note?.message === 'Lunch, back at 2')?.extensions['105']?.note)
      .toEqual({ status: 'away', subtype: '', message: 'Lunch, back at 2' })
  })

  it('day/night: night mode sends the main number to reception’s voicemail instead of ringing it; audited with the seat', async () => {
    const d = await seat()
    const { changes } = await listen(d.core)
    const r = await d.core.dispatch('presence.setDayNight', { profileId: 'demo', index: '0', mode: 'night' }, tab)
    expect(r).toMatchObject({ ok: true, value: { message: 'Call flow 0 is in night mode' } })
    expect(d.demo.pbx.engine.pbx.astdb.get('DAYNIGHT', 'C0')).toBe('NIGHT')
    expect(d.demo.pbx.engine.pbx.presence.customState('Custom:DAYNIGHT0')).toBe('INUSE')
    await expect.poll(() => changes.find((c) => c.toggles?.[0]?.mode === 'night')).toBeDefined()
    const call = d.demo.pbx.placeCall({ from: { trunk: 'trunk', callerNum: '+4930333', callerName: 'Late caller' }, to: '4930555002' })
    if (call === undefined) throw new Error('no call')
    await expect.poll(() => appOf(d, call.uniqueid), { timeout: 5_000 }).toBe('VoiceMail')
    expect(d.live.state().extensions['100']?.state).toBe('NOT_INUSE')

    const unknown = await d.core.dispatch('presence.setDayNight', { profileId: 'demo', index: '7', mode: 'day' }, tab)
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found', detail: { rule: 'unknown_toggle' } } })
    const lines = await audit(d.core, 'daynight')
    expect(lines.map((l) => [l.result, l.target, l.seat])).toEqual([
      ['ok', 'Call flow 0 (*280) → night mode', 'web socket 7'],
      ['refused', 'Call flow 7 (*287) → day mode', 'web socket 7'],
    ])
  })

  it('a blind transfer to an offline extension says the call goes to its voicemail (not "Transferred to 118"), and it does', async () => {
    const d = await seat()
    const call = d.demo.pbx.placeCall({ from: { trunk: 'trunk', callerNum: '+4930444', callerName: 'Caller' }, to: '4930555002' })
    if (call === undefined) throw new Error('no call')
    const phone = await ringingAt(d.demo, '100')
    expect(d.demo.pbx.answer(phone.uniqueid)).toBe(true)
    await expect.poll(() => d.live.state().extensions['118']?.state).toBe('UNAVAILABLE')
    await expect.poll(() => d.live.state().channels[call.uniqueid]?.bridgeId).toBeDefined()
    const r = await d.core.dispatch('calls.transfer', { profileId: 'demo', channelId: call.uniqueid, destination: '118', mode: 'blind' }, tab)
    expect(r).toMatchObject({ ok: true })
    expect(r.ok ? r.value.message : '').toMatch(/is offline: the call goes to its voicemail, not to the phone$/)
    await expect.poll(() => appOf(d, call.uniqueid), { timeout: 5_000 }).toBe('VoiceMail')
    expect((await audit(d.core, 'call.transfer.blind')).map((l) => [l.result, l.detail])).toEqual([
      ['ok', expect.stringContaining('118 was offline')],
    ])
  })

  it('a DND set at the phone (AstDB written behind the console’s back, no event) appears after the next read', async () => {
    const d = await seat()
    const { changes } = await listen(d.core)
    d.demo.pbx.engine.pbx.astdb.put('DND', '106', 'YES')
    d.demo.pbx.engine.pbx.astdb.put('CFB', '106', '101')
    await expect
      .poll(() => changes.find((c) => c.extensions['106']?.dnd === true)?.extensions['106'], { timeout: 15_000, interval: 250 })
      .toMatchObject({ dnd: true, forward: { busy: '101' } })
  }, 30_000)

  it('a read-only seat may list but is refused every change, each refusal audited, nothing written', async () => {
    const d = await seat({ readOnly: true })
    await listen(d.core)
    const writes: [InvokeChannel, unknown][] = [
      ['presence.setDnd', { profileId: 'demo', extension: '105', on: true }],
      ['presence.setForward', { profileId: 'demo', extension: '105', kind: 'unconditional', target: '104' }],
      ['presence.setNote', { profileId: 'demo', extension: '105', status: 'away', message: 'Out' }],
      ['presence.setDayNight', { profileId: 'demo', index: '0', mode: 'night' }],
    ]
    for (const [channel, input] of writes) {
      const r = await d.core.dispatch(channel, input, tab)
      expect(r, channel).toMatchObject({ ok: false, error: { code: 'forbidden', detail: { rule: 'read_only' } } })
    }
    const pbx = d.demo.pbx.engine.pbx
    expect([pbx.astdb.get('DND', '105'), pbx.astdb.get('CF', '105'), pbx.astdb.get('DAYNIGHT', 'C0')]).toEqual([undefined, undefined, 'DAY'])
    const lines = [...(await audit(d.core, 'presence.')), ...(await audit(d.core, 'daynight'))]
    expect(lines.filter((l) => l.result === 'refused' && l.rule === 'read_only')).toHaveLength(writes.length)
  })

  it('unknown extensions, feature codes and injected headers are refused before the PBX hears of them', async () => {
    const d = await seat()
    const bad: [InvokeChannel, unknown, string][] = [
      ['presence.setDnd', { profileId: 'demo', extension: '999', on: true }, 'refused'],
      ['presence.setDnd', { profileId: 'demo', extension: '*76105', on: true }, 'invalid_input'],
      ['presence.setDnd', { profileId: 'demo', extension: '105\r\nAction: Originate', on: true }, 'invalid_input'],
      ['presence.setNote', { profileId: 'demo', extension: '105', status: 'away', message: 'Out\r\nAction: Command' }, 'invalid_input'],
      ['presence.setNote', { profileId: 'demo', extension: '105', status: 'sleeping', message: '' }, 'invalid_input'],
      ['presence.setNote', { profileId: 'demo', extension: '105', status: 'away', message: 'x'.repeat(81) }, 'invalid_input'],
      ['presence.setForward', { profileId: 'demo', extension: '105', kind: 'always', target: '104' }, 'invalid_input'],
      ['presence.setDayNight', { profileId: 'demo', index: 'C0', mode: 'night' }, 'invalid_input'],
      ['presence.setDayNight', { profileId: 'demo', index: '0', mode: 'night', extra: 1 }, 'invalid_input'],
    ]
    for (const [channel, input, code] of bad) {
      const r = await d.core.dispatch(channel, input, tab)
      expect(r, JSON.stringify(input)).toMatchObject({ ok: false, error: { code } })
    }
    expect(d.demo.pbx.engine.pbx.astdb.entries('DND')).toEqual([])
    expect(d.demo.pbx.engine.pbx.astdb.get('DAYNIGHT', 'C0')).toBe('DAY')
    expect((await audit(d.core, 'presence.dnd')).map((l) => [l.result, l.rule])).toEqual([['refused', 'unknown_extension']])
  })

  it('an AMI user without the system write class: the change is refused in words an admin can act on, nothing half-done', async () => {
    const d = await seat({}, 'operator')
    const r = await d.core.dispatch('presence.setDnd', { profileId: 'demo', extension: '105', on: true }, tab)
    expect(r).toMatchObject({ ok: false, error: { code: 'pbx_error', detail: { rule: 'ami_permission' } } })
    expect(r.ok ? '' : r.error.message).toContain('“system” write class')
    expect(d.demo.pbx.engine.pbx.presence.customState('Custom:DND105')).toBe('UNKNOWN')
    expect((await audit(d.core, 'presence.dnd')).map((l) => l.result)).toEqual(['error'])
  })
})
