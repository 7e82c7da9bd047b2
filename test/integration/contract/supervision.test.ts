// Listen / whisper / barge and recording control, used and attacked through the contract as a
// window or socket would: the real dispatcher and core against the demo PBX. What reaches the PBX
// is watched at the demo's concerns (Originate, ChanSpy, MixMonitor), which every AMI action goes through.
import { describe, expect, it, vi } from 'vitest'
import type { CallContext } from '../../../src-main/core/api/dispatcher'
import type { OriginateRequest } from '../../../src-main/core/demo/dialplan/originate'
import type { PbxProfile } from '../../../src-main/core/profiles'
import type { AuditEntryView } from '../../../src-preload/types/audit'
import type { SupervisionState } from '../../../src-preload/types/supervision'
import { cleanupsAfterEach } from '../../support/cleanups'
import { ringingAt } from '../../support/console-harness'
import { startDemoCore, type DemoCore } from '../../support/demo-core'
import { eventually } from '../../support/wait'

const cleanups = cleanupsAfterEach()
const tab: CallContext = { clientId: 'web-7', transport: 'web' }
const SCOPE_104: NonNullable<PbxProfile['supervision']> = { queues: [], extensions: ['104'], spyTone: false, recordingBeep: false }

interface Seat extends DemoCore {
  readonly originates: OriginateRequest[]
  /** What `supervision.changed` last told the watching window. */
  readonly watched: () => SupervisionState | undefined
}

/** A core on the demo PBX whose seat (own phone 100) is a supervisor of extension 104 unless told otherwise. */
async function seat(
  operator: Partial<PbxProfile['operator']> = {},
  supervision: PbxProfile['supervision'] | null = SCOPE_104,
  amiUser = 'supervisor',
): Promise<Seat> {
  const started = await startDemoCore(
    { seed: 19, operator: { role: 'supervisor', ...operator }, profile: supervision === null ? {} : { supervision }, loadedWith: '104', amiUser },
    cleanups,
  )
  const concern = started.demo.pbx.engine.pbx.originates
  const originates: OriginateRequest[] = []
  const real = concern.originate.bind(concern)
  vi.spyOn(concern, 'originate').mockImplementation((req, onResult) => {
    originates.push(req)
    return real(req, onResult)
  })
  let last: SupervisionState | undefined
  started.core.bus.register(tab.clientId, {
    send: (channel, payload) => {
      if (channel === 'supervision.changed') last = payload as SupervisionState
    },
    isBackedUp: () => false,
  })
  const first = await started.core.dispatch('supervision.watch', { profileId: 'demo' }, tab)
  if (first.ok) last = first.value
  return { ...started, originates, watched: () => last }
}

/** An outside caller on `ext`'s direct line, answered there: the live call's id and the phone's channel. */
async function answeredAt(d: DemoCore, ext: string, callerName = 'Ada Lovelace'): Promise<{ callId: string; phone: string; phoneName: string }> {
  const call = d.demo.pbx.placeCall({ from: { trunk: 'trunk', callerNum: '+4930123456', callerName }, to: `4930555${ext}` })
  if (call === undefined) throw new Error('the demo placed no call')
  const rung = await ringingAt(d.demo, ext)
  expect(d.demo.pbx.answer(rung.uniqueid)).toBe(true)
  const callId = await eventually(`the call answered at ${ext} in the live state`, () => {
    const found = Object.values(d.live.state().calls).find((c) => c.channelIds.includes(rung.uniqueid) && c.state === 'up')
    return found?.id
  })
  return { callId, phone: rung.uniqueid, phoneName: rung.name }
}

async function audit(d: DemoCore, prefix: string): Promise<AuditEntryView[]> {
  const r = await d.core.dispatch('audit.read', { limit: 200 }, tab)
  if (!r.ok) throw new Error(r.error.message)
  return [...r.value].reverse().filter((e) => e.action.startsWith(prefix))
}

/** The supervisor's phone (100) rings for the spy session; answered, ChanSpy starts. */
async function answerOwnPhone(d: DemoCore): Promise<string> {
  const own = await ringingAt(d.demo, '100')
  expect(d.demo.pbx.answer(own.uniqueid)).toBe(true)
  return own.uniqueid
}

describe('listen, whisper and barge through the contract (demo PBX)', () => {
  it('rings the supervisor’s own phone into ChanSpy on the agent’s channel, switches listen → whisper → barge by ChanSpy’s DTMF, ends it, and audits each step and the session from start to end', async () => {
    const d = await seat()
    const { callId, phone, phoneName } = await answeredAt(d, '104')

    const r = await d.core.dispatch('supervision.spy', { profileId: 'demo', callId, mode: 'listen' }, tab)
    expect(r).toMatchObject({ ok: true, value: { message: expect.stringContaining('Your phone (100) rings') } })
    // One Originate: the seat's own phone into ChanSpy on the agent's channel, by its Uniqueid, with the fixed options.
    expect(d.originates).toEqual([expect.objectContaining({ channel: 'PJSIP/100', application: 'ChanSpy', data: `${phone},qdESu` })])
    const spyer = await answerOwnPhone(d)
    const session = await eventually('the session in the watched state', () => d.watched()?.spies.find((s) => s.id === spyer))
    expect(session).toMatchObject({
      spiedChannelId: phone,
      spiedChannelName: phoneName,
      mode: 'listen',
      ours: true,
      seat: 'web socket 7',
      byNumber: '100',
    })
    const spies = d.demo.pbx.engine.pbx.spy
    const spyerChannel = d.demo.pbx.engine.findChannel(spyer)
    if (spyerChannel === undefined) throw new Error('no spying channel')
    expect(spies.modeOf(spyerChannel)).toBe('listen')

    for (const mode of ['whisper', 'barge'] as const) {
      const switched = await d.core.dispatch('supervision.spyMode', { profileId: 'demo', sessionId: spyer, mode }, tab)
      expect(switched).toMatchObject({ ok: true })
      expect(spies.modeOf(spyerChannel)).toBe(mode)
      await eventually(`${mode} in the watched state`, () => (d.watched()?.spies.find((s) => s.id === spyer)?.mode === mode ? true : undefined))
    }

    expect(await d.core.dispatch('supervision.spyStop', { profileId: 'demo', sessionId: spyer }, tab)).toMatchObject({ ok: true })
    await eventually('the session gone', () => (d.watched()?.spies.length === 0 ? true : undefined))
    // The call itself goes on.
    expect(d.demo.pbx.engine.findChannel(phone)).toBeDefined()

    const lines = await eventually('the end line', async () => {
      const found = await audit(d, 'call.spy')
      return found.some((e) => e.action === 'call.spy.ended') ? found : undefined
    })
    // The stop's own line and the session's end line may be written in either order (ChanSpyStop can beat the Hangup's answer).
    expect(lines.map((e) => [e.action, e.result]).slice(0, 3)).toEqual([
      ['call.spy', 'ok'],
      ['call.spy.mode', 'ok'],
      ['call.spy.mode', 'ok'],
    ])
    expect(
      lines
        .map((e) => e.action)
        .slice(3)
        .sort(),
    ).toEqual(['call.spy.ended', 'call.spy.stop'])
    const ended = lines.find((e) => e.action === 'call.spy.ended')
    expect(lines[0]?.target).toContain('Ada Lovelace')
    expect(lines[0]?.target).toContain('listen')
    expect(lines[1]?.target).toContain('listen → whisper')
    expect(ended?.target).toMatch(/Supervisor 100 listened to .*Ada Lovelace.* · listen → whisper → barge · \d\d:\d\d:\d\d–\d\d:\d\d:\d\d UTC/)
    expect(ended?.seat).toBe('web socket 7')
  })

  it('shows a session it did not start as "listened to" (no mode): another phone running ChanSpy on the call', async () => {
    const d = await seat()
    const { phone, phoneName } = await answeredAt(d, '104')
    // Someone else's console (or a feature code) spies from phone 105: the wire says nothing of the mode.
    d.demo.pbx.engine.pbx.originates.originate({
      channel: 'PJSIP/105',
      application: 'ChanSpy',
      // By name prefix (no `u`), as a hand-written ChanSpy(PJSIP/104-…) does.
      data: `${phoneName},qw`,
      callerNum: '105',
      callerName: 'Night Supervisor',
    })
    const other = await ringingAt(d.demo, '105')
    expect(d.demo.pbx.answer(other.uniqueid)).toBe(true)
    const seen = await eventually('the other session', () => d.watched()?.spies.find((s) => s.id === other.uniqueid))
    expect(seen).toMatchObject({ spiedChannelId: phone, mode: undefined, ours: false, byName: 'Night Supervisor', byNumber: '105' })
    expect(seen.seat).toBeUndefined()
    // Not this seat's phone: it may neither switch nor end it.
    const r = await d.core.dispatch('supervision.spyMode', { profileId: 'demo', sessionId: other.uniqueid, mode: 'barge' }, tab)
    expect(r).toMatchObject({ ok: false, error: { code: 'refused', detail: { rule: 'not_your_session' } } })
    // The spied call ends: ChanSpy's session ends with it.
    d.demo.pbx.hangup(phone)
    await eventually('the session gone with the call', () => (d.watched()?.spies.length === 0 ? true : undefined))
  })

  it('refuses a receptionist and a read-only supervisor (audited, nothing originated), and shows a receptionist no listening sessions', async () => {
    for (const operator of [{ role: 'receptionist' as const }, { readOnly: true }]) {
      const d = await seat(operator)
      const { callId, phone, phoneName } = await answeredAt(d, '104')
      const r = await d.core.dispatch('supervision.spy', { profileId: 'demo', callId, mode: 'barge' }, tab)
      expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } })
      const rec = await d.core.dispatch('supervision.record', { profileId: 'demo', callId, op: 'start' }, tab)
      expect(rec).toMatchObject({ ok: false, error: { code: 'forbidden' } })
      expect(d.originates).toEqual([])
      expect((await audit(d, 'call.')).map((e) => [e.action, e.result, e.rule])).toEqual([
        ['call.spy', 'refused', operator.readOnly === true ? 'read_only' : 'role'],
        ['call.record.start', 'refused', operator.readOnly === true ? 'read_only' : 'role'],
      ])
      // A receptionist is told no scope; a read-only supervisor its own, greyed by allowed: false (main refuses anyway).
      expect(d.watched()).toMatchObject({ allowed: false, scope: { all: false, queues: [], extensions: operator.readOnly === true ? ['104'] : [] } })
      if (operator.readOnly !== true) {
        d.demo.pbx.engine.pbx.originates.originate({ channel: 'PJSIP/105', application: 'ChanSpy', data: `${phoneName},q` })
        await answerOwnPhoneOf(d, '105')
        const spied = d.demo.pbx.engine.findChannel(phone)
        if (spied === undefined) throw new Error('the call is gone')
        await eventually('105 listening on the PBX', () => (d.demo.pbx.engine.pbx.spy.spyersOf(spied).length === 1 ? true : undefined))
        // A receptionist is never told who listens.
        await new Promise((resolve) => setTimeout(resolve, 300))
        expect(d.watched()?.spies).toEqual([])
      }
    }
  })

  it('refuses a call outside the supervisor’s scope, a channel that is not part of the call, and a supervisor whose profile names nothing', async () => {
    const d = await seat()
    const inScope = await answeredAt(d, '104')
    const outside = await answeredAt(d, '103', 'Grace Hopper')
    // The window is told the scope it greys its buttons by; main refuses by the same rule, in the same words.
    expect(d.watched()?.scope).toEqual({ all: false, queues: [], extensions: ['104'] })
    const notMine = await d.core.dispatch('supervision.spy', { profileId: 'demo', callId: outside.callId, mode: 'listen' }, tab)
    expect(notMine).toMatchObject({
      ok: false,
      error: { code: 'refused', message: 'This call is not one you supervise (yours: 104)', detail: { rule: 'supervision_scope' } },
    })
    // The window names a channel of another call (here: the out-of-scope one) for an in-scope call.
    const smuggled = await d.core.dispatch(
      'supervision.spy',
      { profileId: 'demo', callId: inScope.callId, channelId: outside.phone, mode: 'listen' },
      tab,
    )
    expect(smuggled).toMatchObject({ ok: false, error: { code: 'refused', detail: { rule: 'channel_not_in_call' } } })
    // Not an id of the live state at all: refused by the contract's schema before any handler.
    const injected = await d.core.dispatch(
      'supervision.spy',
      { profileId: 'demo', callId: inScope.callId, channelId: 'PJSIP/103,qB', mode: 'listen' },
      tab,
    )
    expect(injected).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    const recordOutside = await d.core.dispatch('supervision.record', { profileId: 'demo', callId: outside.callId, op: 'start' }, tab)
    expect(recordOutside).toMatchObject({ ok: false, error: { code: 'refused', detail: { rule: 'supervision_scope' } } })
    expect(d.originates).toEqual([])
    expect((await audit(d, 'call.')).map((e) => [e.action, e.result, e.rule])).toEqual([
      ['call.spy', 'refused', 'supervision_scope'],
      ['call.spy', 'refused', 'channel_not_in_call'],
      ['call.record.start', 'refused', 'supervision_scope'],
    ])

    const unscoped = await seat({}, null)
    const call = await answeredAt(unscoped, '104')
    const none = await unscoped.core.dispatch('supervision.spy', { profileId: 'demo', callId: call.callId, mode: 'listen' }, tab)
    expect(none).toMatchObject({ ok: false, error: { code: 'refused', message: expect.stringContaining('names no queues or extensions') } })
    // An admin with nothing named supervises every call.
    const admin = await seat({ role: 'admin' }, null)
    expect(admin.watched()?.scope).toMatchObject({ all: true })
    const adminCall = await answeredAt(admin, '103')
    expect(await admin.core.dispatch('supervision.spy', { profileId: 'demo', callId: adminCall.callId, mode: 'listen' }, tab)).toMatchObject({
      ok: true,
    })
  })

  it('plays the monitoring tone into the call when the profile asks for it: a beep barged in by func_periodic_hook’s beep extension', async () => {
    const d = await seat({}, { ...SCOPE_104, spyTone: true })
    const { callId, phone } = await answeredAt(d, '104')
    expect(await d.core.dispatch('supervision.spy', { profileId: 'demo', callId, mode: 'listen' }, tab)).toMatchObject({ ok: true })
    await answerOwnPhone(d)
    await eventually('the beep originated', () =>
      d.originates.find(
        (o) => o.channel === 'Local/beep@__func_periodic_hook_context__' && o.application === 'ChanSpy' && o.data === `${phone},qEBSu`,
      ),
    )
    // The beep's own ChanSpy session is not a person listening.
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(d.watched()?.spies.map((s) => s.byNumber)).toEqual(['100'])
  })
})

describe('recording control through the contract (demo PBX)', () => {
  it('starts a recording on the caller’s channel with a file name made in main, mutes, unmutes and stops it, each audited', async () => {
    const d = await seat()
    const { callId } = await answeredAt(d, '104')
    const pbx = d.demo.pbx.engine.pbx
    const caller = d.demo.pbx.engine.findChannel(callId)
    if (caller === undefined) throw new Error('no caller channel')

    const started = await d.core.dispatch('supervision.record', { profileId: 'demo', callId, op: 'start' }, tab)
    expect(started).toMatchObject({
      ok: true,
      value: { message: expect.stringMatching(/^Recording: attendant-\d{8}-\d{6}-.+-4930123456-104\.wav$/) },
    })
    expect(pbx.recording.recordings(caller)).toEqual([
      expect.objectContaining({ file: expect.stringMatching(/^\/var\/spool\/asterisk\/monitor\/attendant-.+\.wav$/) }),
    ])
    const rec = await eventually('the recording watched', () => d.watched()?.recordings.find((x) => x.channelId === callId))
    expect(rec).toMatchObject({ ours: true, muted: false, file: expect.stringMatching(/^attendant-/) })

    const again = await d.core.dispatch('supervision.record', { profileId: 'demo', callId, op: 'start' }, tab)
    expect(again).toMatchObject({ ok: false, error: { code: 'refused', detail: { rule: 'already_recording' } } })

    expect(await d.core.dispatch('supervision.record', { profileId: 'demo', callId, op: 'mute' }, tab)).toMatchObject({ ok: true })
    expect(pbx.recording.recordings(caller)[0]?.muted).toEqual({ read: true, write: true })
    await eventually('muted in the watched state', () => (d.watched()?.recordings[0]?.muted === true ? true : undefined))
    expect(await d.core.dispatch('supervision.record', { profileId: 'demo', callId, op: 'unmute' }, tab)).toMatchObject({ ok: true })
    await eventually('unmuted in the watched state', () => (d.watched()?.recordings[0]?.muted === false ? true : undefined))

    expect(await d.core.dispatch('supervision.record', { profileId: 'demo', callId, op: 'stop' }, tab)).toMatchObject({ ok: true })
    expect(pbx.recording.recordings(caller)).toEqual([])
    await eventually('the recording gone', () => (d.watched()?.recordings.length === 0 ? true : undefined))
    const stopAgain = await d.core.dispatch('supervision.record', { profileId: 'demo', callId, op: 'stop' }, tab)
    expect(stopAgain).toMatchObject({ ok: false, error: { code: 'not_found' } })

    const lines = await audit(d, 'call.record')
    expect(lines.map((e) => [e.action, e.result])).toEqual([
      ['call.record.start', 'ok'],
      ['call.record.start', 'refused'],
      ['call.record.mute', 'ok'],
      ['call.record.unmute', 'ok'],
      ['call.record.stop', 'ok'],
      ['call.record.stop', 'refused'],
    ])
    expect(lines[0]?.target).toContain('Ada Lovelace')
    expect(lines[0]?.detail).toMatch(/file attendant-.+\.wav/)
  })
})

describe('recording beside the PBX’s own recording', () => {
  it('asks MixMonitor for its id, so stopping stops the console’s recording and leaves one the PBX started on the same channel running and shown', async () => {
    const d = await seat()
    const { callId } = await answeredAt(d, '104')
    const pbx = d.demo.pbx.engine.pbx
    const caller = d.demo.pbx.engine.findChannel(callId)
    if (caller === undefined) throw new Error('no caller channel')
    expect(await d.core.dispatch('supervision.record', { profileId: 'demo', callId, op: 'start' }, tab)).toMatchObject({ ok: true })
    // The id is asked for with i(): real Asterisk answers MixMonitorID only then (mixmonitor.raw).
    expect(pbx.recording.recordings(caller)).toEqual([expect.objectContaining({ options: 'i(ATTENDANT_MIXMONITOR_ID)' })])
    await eventually('ours in the watched state', () => (d.watched()?.recordings[0]?.ours === true ? true : undefined))
    // FreePBX's on-demand recording (*1) starts on the same channel afterwards: the newest is what a plain StopMixMonitor stops.
    pbx.recording.start(caller, 'ondemand-freepbx.wav')
    expect(await d.core.dispatch('supervision.record', { profileId: 'demo', callId, op: 'stop' }, tab)).toMatchObject({ ok: true })
    expect(pbx.recording.recordings(caller).map((r) => r.file)).toEqual(['/var/spool/asterisk/monitor/ondemand-freepbx.wav'])
    // Still recorded (by the PBX), no longer the console's.
    const left = await eventually('the PBX’s recording left', () => {
      const recs = d.watched()?.recordings
      return recs?.length === 1 && recs[0]?.ours === false ? recs[0] : undefined
    })
    expect(left).toMatchObject({ channelId: callId, file: undefined })
  })
})

describe('recording refused by the PBX’s own permissions', () => {
  it('says what the PBX needs when the console’s AMI user may not run MixMonitor (write=system), and records nothing', async () => {
    const d = await seat({}, SCOPE_104, 'operator')
    const { callId } = await answeredAt(d, '104')
    const r = await d.core.dispatch('supervision.record', { profileId: 'demo', callId, op: 'start' }, tab)
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'pbx_error', message: expect.stringContaining('write=system'), detail: { rule: 'ami_permission' } },
    })
    expect(d.watched()?.recordings).toEqual([])
    expect((await audit(d, 'call.record')).map((e) => [e.action, e.result])).toEqual([['call.record.start', 'error']])
  })
})

/** Answers the phone of `ext` ringing now. */
async function answerOwnPhoneOf(d: DemoCore, ext: string): Promise<void> {
  const ringing = await ringingAt(d.demo, ext)
  expect(d.demo.pbx.answer(ringing.uniqueid)).toBe(true)
}
