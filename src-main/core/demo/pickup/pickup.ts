/**
 * Directed pickup, as Asterisk's Pickup() does it (apps/app_directed_pickup.c, main/pickup.c
 * ast_do_pickup) and FreePBX reaches it: a phone dials `**<ext>`, and the call ringing at <ext>
 * is answered at that phone instead (ami/pickup.raw, `Pickup 110@PICKUPMARK`).
 *
 * FreePBX marks every call it rings at an extension with PICKUPMARK=<ext>. Here the Dial that rings
 * a phone offers its leg under the phone's extension (`offer`), which is what the mark says. A leg
 * can be picked up while it rings (not answered, not in a bridge: ast_can_pickup). The picker then
 * takes the leg's place in the caller's Dial (ast_channel_move): its connected line becomes the
 * caller's, the Pickup event names it as it was and the leg it takes, the leg hangs up with cause
 * 26 (answered elsewhere), and the caller's Dial is answered by the picker and bridged with it.
 */
import { type Channel, channelBlock } from '../model'
import { PRIV_CALL } from '../pbx/events'
import type { Pbx } from '../pbx/pbx'

/** The Dial that rang the leg hands the call to the picker; false when that Dial is over. */
export type TakeOver = (picker: Channel) => boolean

/** ChannelStates ast_can_pickup accepts: Down, Ring, Ringing. */
const PICKABLE_STATES = new Set([0, 4, 5])

export class Pickups {
  /** Legs a Dial rings at an extension, by leg: gone with the channel, so nothing to clean up. */
  private readonly offers = new WeakMap<Channel, { readonly mark: string; readonly takeOver: TakeOver }>()

  constructor(private readonly pbx: Pbx) {}

  /** A Dial rings `leg` at extension `mark` (FreePBX's PICKUPMARK): it may be picked up from now on. */
  offer(leg: Channel, mark: string, takeOver: TakeOver): void {
    this.offers.set(leg, { mark, takeOver })
  }

  /**
   * The `**<ext>` feature code on `picker`'s dialplan (FreePBX's app-pickup: NoOp, Pickup by the
   * mark, Hangup). A picker that found nothing goes on in the dialplan, which hangs it up.
   */
  run(picker: Channel, mark: string): void {
    const ev = this.pbx.channelEvents
    ev.newexten(picker, 'NoOp', `Attempt to Pickup ${mark} by ${picker.callerNum}`, { priority: 1 })
    ev.newexten(picker, 'Pickup', `${mark}@PICKUPMARK`, { priority: 2 })
    if (this.pickUp(picker, mark)) return
    ev.newexten(picker, 'Hangup', '', { priority: 3 })
    this.pbx.hangups.soft(picker, 16)
  }

  /** Pickup(<mark>@PICKUPMARK): takes the leg ringing longest under that mark; false when none rings. */
  pickUp(picker: Channel, mark: string): boolean {
    for (const target of this.ringing(picker, mark)) {
      const offer = this.offers.get(target)
      if (offer !== undefined && this.take(picker, target, offer.takeOver)) return true
    }
    return false
  }

  /** Legs offered under `mark` that can be picked up now, the one ringing longest first. */
  private ringing(picker: Channel, mark: string): Channel[] {
    const phone = this.pbx.config.phones.get(mark)
    if (phone === undefined) return []
    return [...this.pbx.channels.onDevice(phone.device)]
      .filter((ch) => ch !== picker && !ch.hungUp && ch.bridgeId === undefined && PICKABLE_STATES.has(ch.state) && this.offers.get(ch)?.mark === mark)
      .sort((a, b) => a.createdMs - b.createdMs)
  }

  /** ast_do_pickup: the events in the order ami/pickup.raw shows them. */
  private take(picker: Channel, target: Channel, takeOver: TakeOver): boolean {
    const { channelEvents: ev, events, hangups } = this.pbx
    const caller = target.dialedBy
    if (caller === undefined || caller.hungUp) return false
    this.offers.delete(target)
    ev.setConnected(picker, target.connectedNum, target.connectedName)
    // The Pickup event shows the picker as it was before it moved into the leg's place.
    const pickerBefore = channelBlock(picker)
    const where = { context: picker.context, exten: picker.exten, priority: picker.priority }
    ev.newexten(picker, 'AppDial', '(Outgoing Line)', { context: target.context, exten: target.exten, priority: target.priority })
    events.emit('Pickup', PRIV_CALL, [...pickerBefore, ...channelBlock(target, 'Target')])
    // The picker's dialplan ends (its PBX is a zombie now); it is the caller's dialled party.
    picker.runsPbx = false
    picker.dialedBy = caller
    picker.vars.set('DIALEDPEERNUMBER', target.vars.get('DIALEDPEERNUMBER') ?? '')
    // What is left of the rung leg carries the picker's old place and ends as answered elsewhere,
    // with a record of its own (it is no longer the caller's dialled party).
    target.context = where.context
    target.exten = where.exten
    target.priority = where.priority
    target.dialedBy = undefined
    target.cdr.dst = where.exten
    target.cdr.dcontext = where.context
    hangups.destroy(target, 26)
    return takeOver(picker)
  }
}
