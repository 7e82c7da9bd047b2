/**
 * DTMF (PlayDTMF) and the bridge feature codes it can trigger: `*2` completes an attended
 * transfer in progress, the lab's `labhold` applicationmap feature (`*5`) holds for 4 s.
 */
import { type Channel, channelBlock } from '../model'
import { PRIV_DTMF } from '../pbx/events'
import type { Pbx } from '../pbx/pbx'

export class Dtmf {
  /** The last two digits each channel received: feature codes are matched against them. */
  private readonly featureDigits = new Map<Channel, string>()

  constructor(private readonly pbx: Pbx) {}

  /**
   * PlayDTMF. By default the digit goes out of the channel: for a Local `;1` it arrives on the
   * `;2` half (DTMFBegin + DTMFEnd, Direction Received) and never reaches bridge features.
   * `Receive: true` injects it as received on the channel itself (a DTMFEnd only), where the
   * bridge's feature codes see it: `*2` completes an attended transfer in progress.
   */
  play(ch: Channel, digit: string, receive: boolean): void {
    if (!receive) {
      this.pass(ch.localPeer ?? ch, digit, ch.localPeer ? 'Received' : 'Sent')
      return
    }
    this.received(ch, digit)
    // ChanSpy's `d` option reads 4/5/6 on the spying channel as a mode switch.
    if (this.pbx.spy.digit(ch, digit)) return
    const typed = ((this.featureDigits.get(ch) ?? '') + digit).slice(-2)
    this.featureDigits.set(ch, typed)
    if (typed === '*2' && this.pbx.attended.inProgress(ch)) {
      this.featureDigits.delete(ch)
      this.pbx.attended.complete(ch)
      return
    }
    // The lab's applicationmap feature `labhold => *5,self,Wait,4,default` (only where
    // DYNAMIC_FEATURES lists it): Hold with music for the other party while Wait(4) runs.
    const dynamic = (ch.vars.get('DYNAMIC_FEATURES') ?? '').split('#')
    if (typed === '*5' && dynamic.includes('labhold') && ch.bridgeId !== undefined) {
      const { channelEvents: ev, holds } = this.pbx
      this.featureDigits.delete(ch)
      ev.setVar(ch, 'DYNAMIC_FEATURENAME', 'labhold')
      ev.setVar(ch, 'DYNAMIC_WHO_ACTIVATED', ch.name)
      holds.hold(ch, true)
      this.pbx.channels.later(ch, 4000, () => {
        holds.hold(ch, false)
      })
    }
  }

  /** A digit received on the channel (the DTMFEnd the bridge's features see). */
  received(ch: Channel, digit: string): void {
    this.pbx.events.emit('DTMFEnd', PRIV_DTMF, [...channelBlock(ch), ['Digit', digit], ['DurationMs', '100'], ['Direction', 'Received']])
  }

  /** A digit passing through a channel: DTMFBegin and DTMFEnd. */
  pass(at: Channel, digit: string, direction: 'Received' | 'Sent'): void {
    const { events } = this.pbx
    events.emit('DTMFBegin', PRIV_DTMF, [...channelBlock(at), ['Digit', digit], ['Direction', direction]])
    events.emit('DTMFEnd', PRIV_DTMF, [...channelBlock(at), ['Digit', digit], ['DurationMs', '100'], ['Direction', direction]])
  }

  forget(ch: Channel): void {
    this.featureDigits.delete(ch)
  }
}
