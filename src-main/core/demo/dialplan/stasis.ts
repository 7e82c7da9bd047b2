/**
 * Stasis (ARI applications): a channel the dialplan hands to an application (StasisStart),
 * leaving it when hung up (StasisEnd), and the mixing bridges ARI creates.
 */
import { type Bridge, type Channel, ariChannel } from '../model'
import type { Pbx } from '../pbx/pbx'

export class Stasis {
  constructor(private readonly pbx: Pbx) {}

  /** Stasis(app) in the dialplan. */
  enter(ch: Channel, app: string): void {
    const ev = this.pbx.channelEvents
    ev.newexten(ch, 'NoOp', `To Stasis app ${app}`, { priority: 1 })
    ev.newexten(ch, 'Stasis', app, { priority: 2 })
    ev.setVar(ch, 'STASISSTATUS', '')
    ch.stasisApp = app
    this.pbx.events.emitAriOnly(() => ({ type: 'StasisStart', timestamp: '', args: [], channel: ariChannel(ch), application: app }))
  }

  leave(ch: Channel): void {
    const app = ch.stasisApp
    if (!app) return
    ch.stasisApp = undefined
    this.pbx.events.emitAriOnly(() => ({ type: 'StasisEnd', timestamp: '', channel: ariChannel(ch), application: app }))
    this.pbx.channelEvents.setVar(ch, 'STASISSTATUS', 'SUCCESS')
  }

  /** A mixing bridge created by Stasis (POST /ari/bridges). */
  createBridge(name: string): Bridge {
    return this.pbx.bridges.create('stasis', 'simple_bridge', 'Stasis', name, 'talker', 'mixing', 'stasis')
  }
}
