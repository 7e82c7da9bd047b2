/**
 * Redirect and blind transfer: a channel is moved to another dialplan location; a bridged
 * channel's CDR is closed and a new one begins (two Cdr events with one UniqueID).
 */
import { type Channel, bridgeBlock, channelBlock } from '../model'
import { PRIV_CALL, ariChannelEvent } from '../pbx/events'
import type { Pbx } from '../pbx/pbx'

export class BlindTransfers {
  constructor(private readonly pbx: Pbx) {}

  /**
   * Moves a channel to another dialplan location (Redirect / BlindTransfer). A bridged channel's
   * CDR is closed and a new one begins: the channel will produce two Cdr events with one UniqueID.
   */
  redirect(ch: Channel, context: string, exten: string, blind?: { transferer: Channel }): void {
    const { bridges, events } = this.pbx
    const bridge = bridges.of(ch)
    if (bridge) {
      this.pbx.channelEvents.setVar(ch, 'BRIDGEPEER', '')
      ch.onBridgePartnerGone = undefined
      bridges.leave(ch)
    }
    if (blind) {
      const t = blind.transferer
      // The transferer's bridge features take it off hold first (transfer.raw: Unhold, then BlindTransfer).
      events.emit('Unhold', PRIV_CALL, channelBlock(t), ariChannelEvent('ChannelUnhold', t))
      events.emit('BlindTransfer', PRIV_CALL, [
        ['Result', 'Success'],
        ...channelBlock(t, 'Transferer'),
        ...channelBlock(ch, 'Transferee'),
        ...(bridge ? bridgeBlock(bridge) : []),
        ['IsExternal', 'Yes'],
        ['Context', context],
        ['Extension', exten],
      ])
    }
    if (bridge && ch.dialedBy === undefined) {
      this.pbx.cdrs.emit(ch)
      ch.cdr.startMs = this.pbx.now()
      ch.cdr.answerMs = ch.state === 6 ? this.pbx.now() : undefined
      ch.cdr.dstChannel = ''
    }
    if (ch.dialedBy) ch.dialedBy = undefined
    bridges.partnerGone(bridge, 16)
    this.pbx.dialplan.run(ch, context, exten)
  }
}
