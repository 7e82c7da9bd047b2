/**
 * How channels end: a hangup request from outside (AMI Hangup, ARI DELETE, the control API, a
 * phone), leaving the application the channel waits in, the bridge, Stasis, then Hangup and Cdr
 * — each concern's part in the order Asterisk publishes it.
 */
import { type Bridge, type Channel, HANGUP_CAUSE_TEXT, ariChannel, channelBlock } from '../model'
import { PRIV_CALL, ariChannelEvent } from '../pbx/events'
import type { Pbx } from '../pbx/pbx'

export class Hangups {
  constructor(private readonly pbx: Pbx) {}

  /**
   * AMI Hangup: Asterisk's manager thread only flags the channel (ast_softhangup_nolock) and
   * answers; the channel's own thread acts on it. A channel running a PBX notices it on its
   * next turn — two Hangups written back to back (the captures' cleanup pairs, 1 ms apart)
   * then both find their channels (hints, atxfer-cancel). A channel without a PBX that sits in
   * a bridge is handled by the bridge at once, and its partner is gone before the next action
   * (atxfer-complete: the transferee is `No such channel` 1 ms after the target's Hangup).
   */
  request(ch: Channel, cause: number): void {
    if (ch.runsPbx || this.pbx.queueCalls.isMemberLeg(ch))
      this.pbx.channels.later(ch, 0, () => {
        this.soft(ch, cause)
      })
    else this.soft(ch, cause)
  }

  /**
   * ARI DELETE /channels/{id}: ast_softhangup() publishes a soft hangup request at once; the
   * channel's PBX publishes a second one when it ends (events-stasis.jsonl).
   */
  ari(ch: Channel, cause: number): void {
    if (ch.hungUp) return
    this.pbx.events.emit(
      'SoftHangupRequest',
      PRIV_CALL,
      [...channelBlock(ch), ['Cause', String(cause)]],
      ariChannelEvent('ChannelHangupRequest', ch, { cause, soft: true }),
    )
    this.soft(ch, cause)
  }

  /** A hangup request from outside (AMI Hangup, ARI DELETE, the control API, a phone). */
  soft(ch: Channel, cause: number): void {
    if (ch.hungUp) return
    // A transferer hanging up during a consultation completes the attended transfer.
    if (this.pbx.attended.isConsulting(ch)) {
      this.pbx.attended.complete(ch)
      return
    }
    const { bridges } = this.pbx
    if (ch.bridgeId && bridges.byId.get(ch.bridgeId)?.ariClass !== 'stasis') {
      this.pbx.channelEvents.setVar(ch, 'BRIDGEPEER', '')
    }
    this.leaveWaitingApps(ch)
    const bridge = bridges.of(ch)
    if (bridge) bridges.leave(ch)
    if (ch.stasisApp) this.pbx.stasis.leave(ch)
    this.destroy(ch, cause, bridge)
  }

  /**
   * A hung-up channel first leaves the application it waits in — Queue (MusicOnHoldStop,
   * QueueCallerAbandon, QueueCallerLeave) or a parking space (MusicOnHoldStop,
   * ParkedCallGiveUp) — before it leaves any bridge and hangs up (queue-abandon.raw, park.raw).
   */
  private leaveWaitingApps(ch: Channel): void {
    const bridge = this.pbx.bridges.of(ch)
    if ((ch.queueName !== undefined || bridge?.creator === 'BridgeWait' || ch.app === 'MusicOnHold') && ch.mohPlaying) {
      this.pbx.channelEvents.stopMusic(ch)
    }
    this.pbx.queueCalls.leaveOnHangup(ch)
    this.pbx.parking.giveUp(ch)
    this.pbx.spy.leaveOnHangup(ch)
  }

  /** The channel goes away: Local peer told, Hangup, Cdr, partner and waiting parties cleaned up. */
  destroy(ch: Channel, cause: number, leftBridge?: Bridge): void {
    if (ch.hungUp) return
    const { events, bridges } = this.pbx
    this.pbx.queueCalls.forgetMemberLeg(ch)
    this.leaveWaitingApps(ch)
    const bridge = leftBridge ?? (ch.bridgeId ? bridges.leave(ch) : undefined)
    if (ch.runsPbx) {
      events.emit(
        'SoftHangupRequest',
        PRIV_CALL,
        [...channelBlock(ch), ['Cause', String(cause)]],
        ariChannelEvent('ChannelHangupRequest', ch, { cause, soft: true }),
      )
    }
    const peer = ch.localPeer
    if (peer && !peer.hungUp) {
      events.emit(
        'HangupRequest',
        PRIV_CALL,
        [...channelBlock(peer), ['Cause', String(cause)]],
        ariChannelEvent('ChannelHangupRequest', peer, { cause }),
      )
    }
    const cancelDial = this.pbx.dial.takeCancelHook(ch)
    this.pbx.ringing.forget(ch)
    this.emitHangup(ch, cause)
    if (ch.cdr.disposition === undefined && ch.dialedBy === undefined) this.pbx.cdrs.emit(ch)
    cancelDial?.()
    bridges.partnerGone(bridge, cause)
    if (peer && !peer.hungUp) {
      this.pbx.scheduler.schedule(0, () => {
        if (peer.hungUp) return
        if (peer.bridgeId) this.pbx.channelEvents.setVar(peer, 'BRIDGEPEER', '')
        const pb = peer.bridgeId ? bridges.leave(peer) : undefined
        this.destroy(peer, cause, pb)
      })
    }
  }

  /** Hangup itself: the channel leaves the registry, then its device's state follows. */
  emitHangup(ch: Channel, cause: number): void {
    this.pbx.channels.remove(ch)
    this.pbx.events.counters.hangup++
    const text = HANGUP_CAUSE_TEXT[cause] ?? 'Unknown'
    this.pbx.events.emit('Hangup', PRIV_CALL, [...channelBlock(ch), ['Cause', String(cause)], ['Cause-txt', text]], () => ({
      type: 'ChannelDestroyed',
      timestamp: '',
      cause,
      cause_txt: text,
      channel: ariChannel(ch),
    }))
    this.pbx.channelEvents.flushCallerIdAfterHangup(ch)
    this.pbx.dtmf.forget(ch)
    this.pbx.recording.forget(ch)
    // A Local channel to a nonexistent context never had a device state: INVALID is published instead.
    if (ch.cdr.disposition === 'FAILED') return
    const { config } = this.pbx
    if (ch.device.startsWith('Local/') || config.phones.size === 0 || config.phoneByDevice.has(ch.device)) {
      this.pbx.devices.update(ch.device)
    }
  }
}
