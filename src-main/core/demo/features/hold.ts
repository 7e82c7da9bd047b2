/** Hold: Hold on the channel, music for the other party in its bridge (captured shape). */
import { type Channel, channelBlock } from '../model'
import { PRIV_CALL, ariChannelEvent } from '../pbx/events'
import type { Pbx } from '../pbx/pbx'

export class Holds {
  constructor(private readonly pbx: Pbx) {}

  /** Puts a bridged channel on hold (or takes it off). False when it already was. */
  hold(ch: Channel, on: boolean): boolean {
    if (ch.onHold === on) return false
    const { events } = this.pbx
    ch.onHold = on
    if (on)
      events.emit(
        'Hold',
        PRIV_CALL,
        [...channelBlock(ch), ['MusicClass', 'default']],
        ariChannelEvent('ChannelHold', ch, {}, { musicclass: 'default' }),
      )
    else events.emit('Unhold', PRIV_CALL, channelBlock(ch), ariChannelEvent('ChannelUnhold', ch))
    for (const other of this.pbx.bridges.of(ch)?.channels ?? []) {
      if (other === ch) continue
      other.mohPlaying = on
      if (on) events.emit('MusicOnHoldStart', PRIV_CALL, [...channelBlock(other), ['Class', 'default']])
      else events.emit('MusicOnHoldStop', PRIV_CALL, channelBlock(other))
    }
    this.pbx.devices.update(ch.device)
    return true
  }
}
