/**
 * Originate (AMI Originate, ARI POST /channels): the channel is created (Local pair, phone or
 * trunk), answered, then sent to the dialplan or to an application.
 */
import type { Channel } from '../model'
import type { Pbx } from '../pbx/pbx'

export interface OriginateRequest {
  readonly channel: string
  readonly context?: string | undefined
  readonly exten?: string | undefined
  readonly priority?: number | undefined
  readonly application?: string | undefined
  readonly data?: string | undefined
  readonly callerNum?: string | undefined
  readonly callerName?: string | undefined
  readonly channelId?: string | undefined
  readonly otherChannelId?: string | undefined
  readonly variables?: readonly (readonly [string, string])[] | undefined
  readonly timeoutMs?: number | undefined
}

export interface OriginateResult {
  readonly ok: boolean
  /** OriginateResponse Reason: 4 answered, 0 failed, 1 no answer/busy. */
  readonly reason: number
  readonly channel: Channel | undefined
  /** `Channel:` of a failed OriginateResponse (the dial string). */
  readonly dialString: string
}

export class Originates {
  constructor(private readonly pbx: Pbx) {}

  /**
   * Originate: creates the channel (Local pair or endpoint), waits for it to answer, then sends
   * it to the dialplan or application. `onResult` fires when Asterisk would send the
   * OriginateResponse. Returns at once with the created channel (undefined if none).
   */
  originate(req: OriginateRequest, onResult?: (r: OriginateResult) => void): OriginateResult {
    const { channelEvents: ev, channels, scheduler } = this.pbx
    const target = this.pbx.calls.resolveDialString(req.channel)
    const fail = (): OriginateResult => {
      const r: OriginateResult = { ok: false, reason: 0, channel: undefined, dialString: req.channel }
      onResult?.(r)
      return r
    }
    if (!target) return fail()
    this.pbx.processedCalls++
    if (target.kind === 'local') {
      const [one, two] = channels.localPair(target.exten, target.context, req.channelId, { one: req.channelId, two: req.otherChannelId })
      ev.newexten(one, 'AppDial2', '(Outgoing Line)', { exten: target.exten })
      for (const [k, v] of req.variables ?? []) ev.setVar(one, k, v)
      const route = this.pbx.config.route(target.context, target.exten)
      if (!route) {
        // Unknown context/extension behind the Local channel: both halves die at once.
        scheduler.schedule(0, () => {
          this.finishFailedLocal(one, two)
          fail()
        })
        return { ok: false, reason: 0, channel: one, dialString: req.channel }
      }
      if (req.callerNum !== undefined || req.callerName !== undefined) {
        const num = req.callerNum ?? ''
        const name = req.callerName ?? ''
        ev.setCallerId(one, num, name)
        ev.setConnected(one, num, name)
        ev.setCallerId(two, num, name)
        ev.setConnected(two, num, name)
      }
      one.cdr.src = one.callerNum
      two.cdr.src = two.callerNum
      ev.localBridge(one, two)
      ev.dialBegin(undefined, one, `${target.exten}@${target.context}${target.suffix}`)
      let reported = false
      const report = (): void => {
        if (reported) return
        reported = true
        onResult?.({ ok: true, reason: 4, channel: one, dialString: req.channel })
      }
      const afterAnswer = (): void => {
        ev.dialEnd(undefined, one, 'ANSWER')
        report()
        this.continueOriginated(one, req)
      }
      this.pbx.dialplan.run(two, target.context, target.exten, { onAnswered: afterAnswer })
      return { ok: true, reason: 4, channel: one, dialString: req.channel }
    }
    if (target.kind === 'phone') {
      const phone = target.phone
      if (!phone.registered) {
        scheduler.schedule(0, fail)
        return { ok: false, reason: 0, channel: undefined, dialString: req.channel }
      }
      const ch = channels.endpoint(
        phone.exten,
        phone.device,
        'PJSIP',
        0,
        req.context ?? phone.context,
        req.exten ?? 's',
        req.channelId,
        req.channelId,
      )
      if (req.callerNum !== undefined) {
        ev.setCallerId(ch, req.callerNum, req.callerName ?? '')
      }
      ch.cdr.src = ch.callerNum
      ev.newexten(ch, 'AppDial2', '(Outgoing Line)')
      ev.dialBegin(undefined, ch, phone.exten)
      this.pbx.ringing.ring(ch, phone, req.timeoutMs ?? 30_000, (answered) => {
        if (!answered) {
          ev.dialEnd(undefined, ch, 'NOANSWER')
          onResult?.({ ok: false, reason: 1, channel: undefined, dialString: req.channel })
          this.pbx.hangups.destroy(ch, 19)
          return
        }
        ev.dialEnd(undefined, ch, 'ANSWER')
        onResult?.({ ok: true, reason: 4, channel: ch, dialString: req.channel })
        this.continueOriginated(ch, req)
      })
      return { ok: true, reason: 4, channel: ch, dialString: req.channel }
    }
    // Trunk: the far end answers after a short delay.
    const ch = channels.endpoint(
      target.trunk,
      `${target.tech}/${target.trunk}`,
      target.tech,
      0,
      req.context ?? 'default',
      req.exten ?? 's',
      req.channelId,
      req.channelId,
    )
    ev.dialBegin(undefined, ch, `${target.trunk}/${target.number}`)
    channels.later(ch, this.pbx.config.isLab ? 0 : this.pbx.rng.int(1500, 6000), () => {
      ev.setState(ch, 6)
      ev.dialEnd(undefined, ch, 'ANSWER')
      onResult?.({ ok: true, reason: 4, channel: ch, dialString: req.channel })
      this.continueOriginated(ch, req)
    })
    return { ok: true, reason: 4, channel: ch, dialString: req.channel }
  }

  private continueOriginated(ch: Channel, req: OriginateRequest): void {
    if (ch.hungUp) return
    if (req.application !== undefined) {
      this.pbx.dialplan.runApplication(ch, req.application, req.data ?? '')
      return
    }
    this.pbx.dialplan.run(ch, req.context ?? this.pbx.config.internalContext, req.exten ?? 's')
  }

  /**
   * Originate of a Local channel whose OtherChannelId is already in use: Asterisk creates the
   * `;1`, cannot create the `;2` and destroys the `;1` at once — its FAILED Cdr is published
   * before its Newchannel, then Hangup with cause 0 (originate-channelid.raw).
   */
  otherIdTaken(dial: string, channelId: string | undefined): Channel | undefined {
    const target = this.pbx.calls.resolveDialString(dial)
    if (target?.kind !== 'local') return undefined
    const { channels, devices } = this.pbx
    const seq = channels.nextLocalSeq()
    const device = `Local/${target.exten}@${target.context}`
    const one = channels.make({
      name: `Local/${target.exten}@${target.context}-${seq};1`,
      tech: 'Local',
      device,
      state: 0,
      context: target.context,
      exten: target.exten,
      linkedid: channelId,
      uniqueid: channelId,
      localHalf: 1,
    })
    one.cdr.disposition = 'FAILED'
    this.pbx.cdrs.emit(one)
    channels.announce(one)
    this.pbx.hangups.emitHangup(one, 0)
    devices.publish(device, devices.compute(device))
    return one
  }

  private finishFailedLocal(one: Channel, two: Channel): void {
    one.cdr.disposition = 'FAILED'
    two.cdr.disposition = 'FAILED'
    this.pbx.hangups.emitHangup(two, 0)
    this.pbx.hangups.emitHangup(one, 0)
    this.pbx.devices.publish(one.device, 'INVALID')
    this.pbx.cdrs.emit(two)
    this.pbx.cdrs.emit(one)
  }
}
