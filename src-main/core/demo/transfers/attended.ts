/**
 * Attended transfer (AMI Atxfer, the `*2` feature), as captured (atxfer-*.raw): the call is held,
 * the target called into a consultation bridge, the transferer moved there; completion merges the
 * bridges (the transferer's Hangup or `*2`), cancellation (`*1`) takes the transferer back.
 */
import { type Bridge, type Channel, bridgeBlock, channelBlock } from '../model'
import { PRIV_CALL, ariChannelEvent } from '../pbx/events'
import type { Pbx } from '../pbx/pbx'

interface Atxfer {
  readonly original: Bridge
  readonly consult: Bridge
  readonly target: Channel
}

export class AttendedTransfers {
  /** By transferer. */
  private readonly atxfers = new Map<Channel, Atxfer>()

  constructor(private readonly pbx: Pbx) {}

  inProgress(transferer: Channel): boolean {
    return this.atxfers.has(transferer)
  }

  /** The transferer talks with the target in the consultation bridge. */
  isConsulting(ch: Channel): boolean {
    const x = this.atxfers.get(ch)
    return x !== undefined && ch.bridgeId === x.consult.id
  }

  /**
   * Attended transfer (AMI Atxfer), as captured (atxfer-*.raw): Asterisk plays the atxfer
   * feature code and the number as DTMF received on the transferer, holds the call (Hold on
   * the transferer, music for the transferee), then calls the target into a new consultation
   * bridge — no DialBegin, a DialEnd with only Dest keys — and moves the transferer there.
   */
  start(transferer: Channel, context: string, exten: string): boolean {
    const { bridges, events, channelEvents: ev, dtmf, channels } = this.pbx
    const bridge = bridges.of(transferer)
    if (!bridge) return false
    for (const d of ['*', '2']) dtmf.received(transferer, d)
    events.emit('Hold', PRIV_CALL, channelBlock(transferer), ariChannelEvent('ChannelHold', transferer))
    transferer.onHold = true
    for (const other of bridge.channels) {
      if (other === transferer) continue
      other.mohPlaying = true
      events.emit('MusicOnHoldStart', PRIV_CALL, [...channelBlock(other), ['Class', 'default']])
    }
    for (const d of exten) dtmf.received(transferer, d)
    const target = this.routeTarget(context, exten)
    if (!target) return false
    const resolved = this.pbx.calls.resolveDialString(target)
    if (resolved?.kind === 'local') {
      const [one, two] = channels.localPair(resolved.exten, resolved.context, transferer.linkedid)
      one.dialedBy = transferer
      const consult = bridges.createBasic()
      ev.setCallerId(two, transferer.callerNum, transferer.callerName)
      ev.localBridge(one, two)
      ev.setConnected(one, transferer.callerNum, transferer.callerName)
      bridges.enter(consult, one)
      this.atxfers.set(transferer, { original: bridge, consult, target: one })
      channels.later(two, 0, () => {
        this.pbx.dialplan.run(two, resolved.context, resolved.exten, {
          onAnswered: () => {
            ev.dialEnd(undefined, one, 'ANSWER')
            if (this.atxfers.get(transferer)?.consult !== consult || transferer.hungUp) return
            this.pbx.cdrs.split(transferer)
            bridges.leave(transferer)
            bridges.enter(consult, transferer)
            ev.setConnected(transferer, one.callerNum, one.callerName)
          },
        })
      })
      one.onBridgePartnerGone = (cause) => {
        this.pbx.hangups.destroy(one, cause)
      }
      return true
    }
    const consult = bridges.createBasic()
    const leg = this.pbx.dial.dialOne(transferer, target, (answered) => {
      if (!answered || !leg) return
      bridges.enter(consult, leg)
      this.pbx.cdrs.split(transferer)
      bridges.leave(transferer)
      bridges.enter(consult, transferer)
      leg.onBridgePartnerGone = (cause) => {
        this.pbx.hangups.destroy(leg, cause)
      }
    })
    if (!leg) return false
    this.atxfers.set(transferer, { original: bridge, consult, target: leg })
    return true
  }

  private routeTarget(context: string, exten: string): string | undefined {
    const route = this.pbx.config.route(context, exten)
    if (route?.kind === 'dial') return route.targets[0]
    if (route?.kind === 'phone') return `Local/${route.exten}@${context}`
    return undefined
  }

  /** Completes an attended transfer: the target joins the original bridge, the transferer leaves. */
  complete(transferer: Channel): boolean {
    const x = this.atxfers.get(transferer)
    if (!x) return false
    const { bridges, events, channelEvents: ev, hangups } = this.pbx
    this.atxfers.delete(transferer)
    // Order as captured (atxfer-complete.raw): merge, target moves, music stops, the
    // transferee's connected line changes, the transferer leaves, AttendedTransfer.
    events.emit('BridgeMerge', PRIV_CALL, [...bridgeBlock(x.original, 'ToBridge'), ...bridgeBlock(x.consult, 'FromBridge')])
    bridges.leave(x.target)
    for (const other of x.original.channels) {
      if (other.mohPlaying) {
        other.mohPlaying = false
        events.emit('MusicOnHoldStop', PRIV_CALL, channelBlock(other))
      }
    }
    bridges.enter(x.original, x.target)
    const transferees = x.original.channels.filter((c) => c !== x.target && c !== transferer)
    for (const other of transferees) ev.setConnected(other, x.target.callerNum, x.target.callerName)
    if (transferer.bridgeId) bridges.leave(transferer)
    events.emit('AttendedTransfer', PRIV_CALL, [
      ['Result', 'Success'],
      ...channelBlock(transferer, 'OrigTransferer'),
      ...bridgeBlock(x.original, 'OrigBridge'),
      ...channelBlock(transferer, 'SecondTransferer'),
      ...bridgeBlock(x.consult, 'SecondBridge'),
      ...(transferees[0] ? channelBlock(transferees[0], 'Transferee') : []),
      ...channelBlock(x.target, 'TransferTarget'),
      ['IsExternal', 'No'],
      ['DestType', 'Bridge'],
      ['DestBridgeUniqueid', x.original.id],
    ])
    bridges.destroy(x.consult)
    // The target now talks to the transferee: no longer the transferer's B party, its own CDR.
    if (x.target.dialedBy !== undefined) {
      x.target.dialedBy = undefined
      x.target.cdr.startMs = this.pbx.now()
      x.target.cdr.answerMs = this.pbx.now()
    }
    x.target.onBridgePartnerGone = (cause) => {
      hangups.destroy(x.target, cause)
    }
    for (const other of transferees) {
      if (!other.onBridgePartnerGone)
        other.onBridgePartnerGone = (cause) => {
          hangups.destroy(other, cause)
        }
    }
    // The Local ;2 halves of transferer and transferee publish a NewCallerid after their Hangup.
    for (const c of [transferer, ...transferees]) if (c.localPeer) ev.newCallerIdAfterHangup(c.localPeer)
    transferer.onBridgePartnerGone = undefined
    hangups.destroy(transferer, 16)
    return true
  }

  /**
   * CancelAtxfer queues the atxferabort code (`*1`) as DTMF received on the transferer. With a
   * transfer in progress: back into the original bridge, music stops, Unhold, the target leg is
   * hung up. Without one, the digits cross the bridge to the other party's Local `;2` half
   * (atxfer-cancel.raw, axc-cancel-again).
   */
  cancel(transferer: Channel): void {
    const { bridges, events, channelEvents: ev, dtmf } = this.pbx
    for (const d of ['*', '1']) dtmf.received(transferer, d)
    const x = this.atxfers.get(transferer)
    if (!x) {
      for (const other of bridges.of(transferer)?.channels ?? []) {
        const far = other === transferer ? undefined : (other.localPeer ?? other)
        if (!far) continue
        for (const d of ['*', '1']) dtmf.pass(far, d, 'Received')
      }
      return
    }
    this.atxfers.delete(transferer)
    if (transferer.bridgeId === x.consult.id) {
      this.pbx.cdrs.split(transferer)
      bridges.leave(transferer)
    }
    if (!x.original.channels.includes(transferer)) bridges.enter(x.original, transferer)
    for (const other of x.original.channels) {
      if (other.mohPlaying) {
        other.mohPlaying = false
        events.emit('MusicOnHoldStop', PRIV_CALL, channelBlock(other))
      }
    }
    transferer.onHold = false
    events.emit('Unhold', PRIV_CALL, channelBlock(transferer), ariChannelEvent('ChannelUnhold', transferer))
    x.target.onBridgePartnerGone = undefined
    if (!x.target.hungUp) this.pbx.hangups.soft(x.target, 16)
    bridges.destroy(x.consult)
    const partner = x.original.channels.find((c) => c !== transferer)
    if (partner) ev.setConnected(transferer, partner.callerNum, partner.callerName)
  }
}
