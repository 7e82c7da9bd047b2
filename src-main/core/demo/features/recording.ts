/** Call recording (MixMonitor / StopMixMonitor). */
import { type Channel, channelBlock } from '../model'
import { PRIV_CALL } from '../pbx/events'
import type { Pbx } from '../pbx/pbx'

export class Recording {
  constructor(private readonly pbx: Pbx) {}

  start(ch: Channel, file: string): string {
    const id = `${ch.uniqueid}-mm`
    ch.mixMonitorId = id
    this.pbx.channelEvents.setVar(ch, 'MIXMONITOR_FILENAME', file)
    this.pbx.events.emit('MixMonitorStart', PRIV_CALL, channelBlock(ch))
    return id
  }

  stop(ch: Channel): boolean {
    if (!ch.mixMonitorId) return false
    ch.mixMonitorId = undefined
    this.pbx.events.emit('MixMonitorStop', PRIV_CALL, channelBlock(ch))
    return true
  }
}
