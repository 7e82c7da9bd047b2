import { randomUUID } from 'node:crypto'
import type { ActionDone } from '../../../src-preload/types/actions'
import type { LiveChannel } from '../../../src-preload/types/live'
import { NO_SUPERVISION_SCOPE, supervisionScopeOf, type RecordOp, type SpyMode, type SupervisionState } from '../../../src-preload/types/supervision'
import { callText, partyText } from '../actions/audit-target'
import { runGuarded, type Actor, type GuardDeps } from '../actions/guarded-run'
import type { AmiPort, LiveLookup } from '../actions/pbx-port'
import type { ListResult } from '../ami/client'
import { isAmiError } from '../ami/errors'
import type { AmiFieldsInput, AmiMessage } from '../ami/message'
import { seatLabel } from '../audit'
import { ApiFailure } from '../errors/api-failure'
import { authorizeIn } from '../guard'
import { say } from '../i18n'
import type { LiveModel } from '../live'
import { supervisionOf } from '../profiles/schema'
import { SUPERVISION_POLICIES } from './policy'
import { recordingFileName } from './recording-file'
import { BEEP_CHANNEL, beepSpyData, chanSpyData, MODE_DIGIT, SPY_TONE_INTERVAL_S } from './spy-options'
import { assertInScope, assertNotOwnCall, liveCall, recordedChannel, spiedChannel } from './supervised-call'
import { strings } from './strings'
import { SupervisionTracker, type SpySession } from './tracker'

const t = say(strings)

export interface SupervisionDeps extends GuardDeps {
  readonly ami: AmiPort
  readonly live: LiveLookup
  readonly liveModel: () => LiveModel | undefined
  readonly onAmiEvent: (listener: (msg: AmiMessage) => void) => () => void
  readonly onAmiReady: (listener: () => void) => () => void
  readonly amiList: (name: string, fields?: AmiFieldsInput) => Promise<ListResult>
  readonly now?: () => number
  readonly log?: (message: string, err?: unknown) => void
}

const MODE_WORD: Readonly<Record<SpyMode, string>> = { listen: 'listen', whisper: 'whisper', barge: 'barge' }
/** The channel variable MixMonitor's `i()` option puts the recording's id in (and the response carries). */
const MIXMONITOR_ID_VAR = 'ATTENDANT_MIXMONITOR_ID'
/** A tone timer never outlives a session by more than this, whatever is missed (a lost ChanSpyStop). */
const TONE_MAX_MS = 4 * 60 * 60_000

/**
 * Asterisk registers the MixMonitor action with the `system` class: an AMI user without
 * write=system is refused, whatever else it may do. Said so, rather than the PBX's bare words.
 */
function mixMonitorRefusal(err: unknown): ApiFailure | undefined {
  if (!isAmiError(err) || err.code !== 'action_error') return undefined
  if (!/permission denied/i.test(err.response?.get('Message') ?? err.message)) return undefined
  return new ApiFailure('pbx_error', t('noMixMonitor'), {
    rule: 'ami_permission',
  })
}

function clock(ms: number): string {
  return new Date(ms).toISOString().slice(11, 19)
}

function duration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000))
  const m = Math.floor(s / 60)
  return m === 0 ? `${String(s)} s` : `${String(m)} min ${String(s % 60)} s`
}

/** A channel as a person reads it: the phone's caller ID ("Bob <101>"), else its name. */
function channelText(ch: LiveChannel): string {
  const said = partyText({ name: ch.callerName, number: ch.callerNum })
  return said === 'unknown caller' ? ch.name : said
}

/**
 * Listening in (ChanSpy) and recording (MixMonitor) on one PBX's live calls. Every action runs
 * through runGuarded (role, read-only, audit) and is scoped to the calls the profile names; the
 * PBX gets only channels of the live state and texts made here from fixed templates. Windows that
 * watch get the state pushed whenever it changes; sessions this console started are audited again
 * when they end, with their modes and from when to when.
 */
export class Supervision {
  private readonly tracker: SupervisionTracker
  private readonly watchers = new Map<string, (state: SupervisionState) => void>()
  private readonly tones = new Map<string, NodeJS.Timeout>()
  private readonly now: () => number

  constructor(private readonly d: SupervisionDeps) {
    this.now = d.now ?? Date.now
    this.tracker = new SupervisionTracker({
      onAmiEvent: d.onAmiEvent,
      onAmiReady: d.onAmiReady,
      amiList: d.amiList,
      now: this.now,
      onSpyStarted: (s) => {
        this.startTone(s)
      },
      onSpyEnded: (s, at) => {
        this.stopTone(s.id)
        void this.auditEnd(s, at)
      },
      ...(d.log === undefined ? {} : { log: d.log }),
    })
    this.tracker.subscribe(() => {
      this.publish()
    })
    void this.tracker.reload()
  }

  /** The state now; `send` gets each later change until the window goes (or watches again). */
  watch(clientId: string, send: (state: SupervisionState) => void): SupervisionState {
    this.watchers.set(clientId, send)
    return this.view()
  }

  unwatch(clientId: string): void {
    this.watchers.delete(clientId)
  }

  /** What a window of this profile's seat is shown: who listens only to supervisors and admins. */
  view(): SupervisionState {
    const profile = this.d.profile()
    const auth = authorizeIn(SUPERVISION_POLICIES, 'call.spy', { ...profile.operator, readOnly: false })
    const supervisor = auth.ok
    const writable = authorizeIn(SUPERVISION_POLICIES, 'call.spy', profile)
    const spies = supervisor
      ? this.tracker.sessions().map((s) => ({
          id: s.id,
          spiedChannelId: s.spiedChannelId,
          spiedChannelName: s.spiedChannelName,
          byName: s.byName,
          byNumber: s.byNumber,
          mode: s.ask?.mode,
          ours: s.ask !== undefined,
          ...(s.ask === undefined ? {} : { seat: s.ask.seat }),
          since: s.since,
        }))
      : []
    const recordings = this.tracker.recordings().map((r) => ({
      channelId: r.channelId,
      file: r.file,
      muted: r.readMuted && r.writeMuted,
      ours: r.file !== undefined,
      since: r.since,
    }))
    return {
      profileId: profile.id,
      spies,
      recordings,
      allowed: writable.ok,
      ...(writable.ok ? {} : { refusal: writable.reason }),
      scope: supervisor ? supervisionScopeOf(profile.operator.role, supervisionOf(profile)) : NO_SUPERVISION_SCOPE,
    }
  }

  /** Rings the seat's own phone into ChanSpy on a channel of the call, in the mode asked for. */
  spy(input: { callId: string; channelId?: string | undefined; mode: SpyMode }, actor: Actor): Promise<ActionDone> {
    const own = this.d.profile().operator.ownExtension
    const seen = this.describeSpy(input.callId, input.channelId)
    return runGuarded(
      this.d,
      SUPERVISION_POLICIES,
      {
        action: 'call.spy',
        target: `${seen.target} · ${MODE_WORD[input.mode]}`,
        actor,
        ...(seen.support === undefined ? {} : { support: seen.support }),
      },
      async (scope) => {
        const model = this.d.liveModel()
        const { call, channels } = liveCall(model, input.callId)
        if (model === undefined) throw new ApiFailure('unavailable', t('notLoaded'))
        assertInScope(model, call, channels, this.d.profile())
        assertNotOwnCall(model, channels, own)
        const spied = spiedChannel(model, call, channels, input.channelId)
        if (this.tracker.sessions().some((s) => s.ask !== undefined)) {
          throw new ApiFailure('refused', t('alreadyListening'), { rule: 'already_listening' })
        }
        scope.spendDialBudget()
        // The ChannelId is chosen here: the session's ChanSpyStart names it, and a lost answer is settled by it.
        const channelId = randomUUID()
        scope.expect({ kind: 'appeared', channelId })
        this.tracker.expectSpy(channelId, { mode: input.mode, seat: seatLabel(actor), clientId: actor.clientId, target: seen.target })
        const p = this.d.profile()
        try {
          const handle = await this.d.ami.originate([
            ['Channel', p.originate.channelTemplate.replace('{ext}', own)],
            ['Application', 'ChanSpy'],
            ['Data', chanSpyData(spied.id, input.mode)],
            ['CallerID', `Supervisor <${own}>`],
            ['ChannelId', channelId],
          ])
          const tone = supervisionOf(p).spyTone ? t('tone') : ''
          return {
            message: t(`rings.${input.mode}`, { own, who: channelText(spied), tone }),
            ref: handle.channelId,
            note: `listens on ${spied.name}${supervisionOf(p).spyTone ? ' · tone on' : ''}`,
          }
        } catch (err) {
          this.tracker.forgetSpy(channelId)
          throw err
        }
      },
    )
  }

  /**
   * Switches a session of this seat's phone: ChanSpy's `d` option reads DTMF 4/5/6 from the
   * listening channel, and PlayDTMF with `Receive` hands it that digit as if the phone sent it.
   */
  switchMode(sessionId: string, mode: SpyMode, actor: Actor): Promise<ActionDone> {
    const before = this.tracker.session(sessionId)
    const target = `${before?.ask?.target ?? 'a session no longer running'} · ${before?.ask?.mode ?? '?'} → ${mode}`
    return runGuarded(this.d, SUPERVISION_POLICIES, { action: 'call.spy.mode', target, actor, support: `spyer ${sessionId}` }, async () => {
      const s = this.ownSession(sessionId)
      if (s.ask.mode === mode) return { message: t(`already.${mode}`) }
      await this.d.ami.action('PlayDTMF', [
        ['Channel', s.spyerChannel],
        ['Digit', MODE_DIGIT[mode]],
        ['Receive', 'true'],
      ])
      this.tracker.switched(s.id, mode)
      return { message: t(`now.${mode}`) }
    })
  }

  /** Ends a session of this seat's phone: its listening channel is hung up. */
  stop(sessionId: string, actor: Actor): Promise<ActionDone> {
    const before = this.tracker.session(sessionId)
    const target = before?.ask?.target ?? 'a session no longer running'
    return runGuarded(this.d, SUPERVISION_POLICIES, { action: 'call.spy.stop', target, actor, support: `spyer ${sessionId}` }, async () => {
      const s = this.ownSession(sessionId)
      await this.d.ami.action('Hangup', [
        ['Channel', s.spyerChannel],
        ['Cause', 16],
      ])
      return { message: t('stopped') }
    })
  }

  /** Starts, stops, mutes or unmutes the recording of a call (MixMonitor on one of its channels). */
  record(callId: string, op: RecordOp, actor: Actor): Promise<ActionDone> {
    const seen = this.describeCall(callId)
    return runGuarded(
      this.d,
      SUPERVISION_POLICIES,
      { action: `call.record.${op}`, target: seen.target, actor, ...(seen.support === undefined ? {} : { support: seen.support }) },
      async () => {
        const model = this.d.liveModel()
        const { call, channels } = liveCall(model, callId)
        if (model === undefined) throw new ApiFailure('unavailable', t('notLoaded'))
        assertInScope(model, call, channels, this.d.profile())
        const current = channels.map((c) => ({ ch: c, rec: this.tracker.recording(c.id) })).find((x) => x.rec !== undefined)
        if (op === 'start') {
          if (current !== undefined) throw new ApiFailure('refused', t('alreadyRecording'), { rule: 'already_recording' })
          const ch = recordedChannel(call, channels)
          const file = recordingFileName(call, new Date(this.now()))
          const beep = supervisionOf(this.d.profile()).recordingBeep
          // i(<var>): Asterisk answers with the recording's MixMonitorID only when asked (mixmonitor.raw),
          // so stop and mute reach this recording and never another one on the channel (FreePBX's own).
          const options = `${beep ? `B(${String(SPY_TONE_INTERVAL_S)})` : ''}i(${MIXMONITOR_ID_VAR})`
          const reply = await this.d.ami
            .action('MixMonitor', [
              ['Channel', ch.name],
              ['File', file],
              ['Options', options],
            ])
            .catch((err: unknown) => {
              throw mixMonitorRefusal(err) ?? err
            })
          this.tracker.recordingStarted(ch.id, file, reply.get('MixMonitorID'))
          return { message: t('recording', { file }), note: `file ${file} · on ${ch.name}${beep ? ' · beep every 15 s' : ''}` }
        }
        if (current?.rec === undefined) throw new ApiFailure('not_found', t('notRecording'))
        const { ch, rec } = current
        const id: (readonly [string, string])[] = rec.mixMonitorId === undefined ? [] : [['MixMonitorID', rec.mixMonitorId]]
        if (op === 'stop') {
          await this.d.ami.action('StopMixMonitor', [['Channel', ch.name], ...id])
          this.tracker.ownRecordingStopped(ch.id)
          return { message: t('recordingStopped'), ...(rec.file === undefined ? {} : { note: `file ${rec.file}` }) }
        }
        await this.d.ami.action('MixMonitorMute', [['Channel', ch.name], ['Direction', 'both'], ['State', op === 'mute' ? 1 : 0], ...id])
        return { message: op === 'mute' ? t('recordingMuted') : t('recordingAgain') }
      },
    )
  }

  dispose(): void {
    for (const t of this.tones.values()) clearInterval(t)
    this.tones.clear()
    this.watchers.clear()
    this.tracker.dispose()
  }

  private ownSession(sessionId: string): SpySession & { ask: NonNullable<SpySession['ask']> } {
    const s = this.tracker.session(sessionId)
    if (s === undefined) throw new ApiFailure('not_found', t('sessionEnded'))
    const ask = s.ask
    if (ask === undefined) throw new ApiFailure('refused', t('notYourSession'), { rule: 'not_your_session' })
    return { ...s, ask }
  }

  /** The audit line's words for a spy request, as the call list shows the call now. */
  private describeSpy(callId: string, channelId: string | undefined): { target: string; support?: string } {
    const call = this.describeCall(callId)
    const model = this.d.liveModel()
    const ch = channelId === undefined ? undefined : model?.channels[channelId]
    return ch === undefined ? call : { target: `${call.target} (listening to ${channelText(ch)})`, support: `${call.support ?? ''} · on ${ch.name}` }
  }

  private describeCall(callId: string): { target: string; support?: string } {
    const model = this.d.liveModel()
    const call = model === undefined || !Object.hasOwn(model.calls, callId) ? undefined : model.calls[callId]
    if (call === undefined) return { target: 'a call no longer listed', support: `call ${callId}` }
    return { target: callText(this.d.live.callParties(call.id) ?? { caller: call.caller, callee: call.callee }), support: `call ${callId}` }
  }

  private publish(): void {
    if (this.watchers.size === 0) return
    const state = this.view()
    for (const send of this.watchers.values()) send(state)
  }

  /** The beep into the monitored call, at the start and every 15 s while this seat's session lasts. */
  private startTone(s: SpySession): void {
    if (s.ask === undefined || !supervisionOf(this.d.profile()).spyTone) return
    const beep = (): void => {
      this.d.ami
        .originate([
          ['Channel', BEEP_CHANNEL],
          ['Application', 'ChanSpy'],
          ['Data', beepSpyData(s.spiedChannelId)],
          ['CallerID', 'Monitoring tone <0>'],
        ])
        .catch((err: unknown) => this.d.log?.('supervision: the monitoring tone could not be played', err))
    }
    beep()
    const started = this.now()
    const timer = setInterval(() => {
      if (this.tracker.session(s.id) === undefined || this.now() - started > TONE_MAX_MS) this.stopTone(s.id)
      else beep()
    }, SPY_TONE_INTERVAL_S * 1000)
    timer.unref()
    this.tones.set(s.id, timer)
  }

  private stopTone(sessionId: string): void {
    clearInterval(this.tones.get(sessionId))
    this.tones.delete(sessionId)
  }

  /** The end line of a session this console started: who listened to whom, in which modes, from when to when. */
  private async auditEnd(s: SpySession, at: number): Promise<void> {
    const ask = s.ask
    if (ask === undefined) return
    const profile = this.d.profile()
    const by = [s.byName, s.byNumber].filter((x) => x !== '').join(' ') || s.spyerChannel
    try {
      await this.d.audit.append({
        profileId: profile.id,
        role: profile.operator.role,
        action: 'call.spy.ended',
        target: `${by} listened to ${ask.target} · ${ask.modes.join(' → ')} · ${clock(s.since)}–${clock(at)} UTC (${duration(at - s.since)})`,
        operator: profile.operator.ownExtension,
        seat: ask.seat,
        result: 'ok',
        detail: `spyer ${s.id} · on ${s.spiedChannelName}`,
      })
    } catch (err) {
      this.d.log?.('supervision: the end of a listening session could not be audited', err)
    }
  }
}
