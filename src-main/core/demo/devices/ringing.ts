/**
 * Phones ringing: a phone's channel rings until the person answers (the control API, the call
 * generator, or the phone's auto-answer) or the ring time runs out.
 */
import type { Phone } from '../config/config-state'
import type { Channel } from '../model'
import type { Pbx } from '../pbx/pbx'

export class Ringing {
  private readonly ringing = new Map<string, (answered: boolean) => void>()

  constructor(private readonly pbx: Pbx) {}

  /** Rings a phone's channel until it is answered (control API / auto-answer) or times out. */
  ring(ch: Channel, phone: Phone, timeoutMs: number, done: (answered: boolean) => void): void {
    const { channelEvents, channels } = this.pbx
    channelEvents.setState(ch, 5)
    this.ringing.set(ch.uniqueid, (answered) => {
      this.ringing.delete(ch.uniqueid)
      if (answered) channelEvents.setState(ch, 6)
      done(answered)
    })
    if (phone.autoAnswerMs !== undefined) channels.later(ch, phone.autoAnswerMs, () => this.answer(ch.uniqueid))
    channels.later(ch, timeoutMs, () => {
      const cb = this.ringing.get(ch.uniqueid)
      if (cb) cb(false)
    })
  }

  /** Answers a ringing phone channel (control API). */
  answer(channelId: string): boolean {
    const ch = this.pbx.channels.find(channelId)
    if (!ch) return false
    const cb = this.ringing.get(ch.uniqueid)
    if (!cb) return false
    cb(true)
    return true
  }

  /** Channels currently ringing (for the generator and the control API). */
  channels(): Channel[] {
    return [...this.ringing.keys()].map((id) => this.pbx.channels.byId.get(id)).filter((c): c is Channel => c !== undefined)
  }

  forget(ch: Channel): void {
    this.ringing.delete(ch.uniqueid)
  }
}
