/**
 * The dialplan: a channel entering (context, exten) runs the route the configuration gives it.
 * Simple applications (the lab's phones, BridgeWait, Echo, MusicOnHold, Wait, Goto) run here;
 * Dial, Queue, Park/ParkedCall, VoiceMail and Stasis belong to their concerns.
 */
import type { Route } from '../config/profile'
import type { Channel } from '../model'
import type { Pbx } from '../pbx/pbx'

export interface DialplanHooks {
  /** Called once the channel is answered (an originate's OriginateResponse waits for it). */
  readonly onAnswered?: () => void
}

/** `PJSIP/101` from `PJSIP/101-0000000a` or `Local/101@lab` from `Local/101@lab-00000001;2`. */
export function parkerDialString(channelName: string): string {
  return channelName.replace(/-[0-9a-f]{8}(;\d)?$/, '')
}

export class Dialplan {
  constructor(private readonly pbx: Pbx) {}

  /** Runs a route for a channel that just entered (context, exten). */
  run(ch: Channel, context: string, exten: string, hooks?: DialplanHooks): void {
    const route = this.pbx.config.route(context, exten, ch.callerNum)
    ch.runsPbx = true
    ch.context = context
    ch.exten = exten
    ch.priority = 1
    if (!route) {
      this.pbx.channelEvents.newexten(ch, 'Hangup', '', { priority: 1 })
      this.pbx.hangups.soft(ch, 1)
      return
    }
    this.execute(ch, route, hooks)
  }

  private execute(ch: Channel, route: Route, hooks?: DialplanHooks): void {
    const { channelEvents: ev, channels, hangups, config } = this.pbx
    switch (route.kind) {
      case 'phone': {
        // The lab's simulated phone answers at once: NoOp, Answer, Wait(600) on the ;2 half.
        ev.newexten(ch, 'NoOp', `Simulated phone ${route.exten} answers`, { priority: 1 })
        ev.newexten(ch, 'Answer', '', { priority: 2 })
        ev.answerLocalTwo(ch)
        hooks?.onAnswered?.()
        channels.later(ch, 0, () => {
          ev.newexten(ch, 'Wait', '600', { priority: 3 })
          channels.later(ch, 600_000, () => {
            hangups.soft(ch, 16)
          })
        })
        return
      }
      case 'dial': {
        // FreePBX's call to an extension: a forward set with *72 (AstDB CF) sends it on instead.
        const forward = route.extension === undefined ? undefined : this.pbx.presence.forwardAlways(route.extension)
        if (forward !== undefined) {
          ev.newexten(ch, 'Goto', `${config.internalContext},${forward},1`, { priority: 1 })
          this.run(ch, config.internalContext, forward, hooks)
          return
        }
        if (config.isLab) ev.newexten(ch, 'NoOp', route.note, { priority: 1 })
        this.answerIfLocal(ch, hooks)
        this.pbx.dial.dial(ch, route.targets, route.timeoutS, route.options, config.isLab ? 2 : 1)
        return
      }
      case 'queue':
        this.answerIfLocal(ch, hooks, true)
        this.pbx.queueCalls.join(ch, route.queue)
        return
      case 'stasis':
        this.answerIfLocal(ch, hooks)
        this.pbx.stasis.enter(ch, route.app)
        return
      case 'park':
        this.answerIfLocal(ch, hooks, true)
        ev.newexten(ch, 'Park', '', { priority: 1 })
        this.pbx.parking.park(ch, undefined, parkerDialString(ch.name))
        return
      case 'parkedcall':
        this.answerIfLocal(ch, hooks, true)
        ev.newexten(ch, 'ParkedCall', `default,${route.space}`, { priority: 1 })
        this.pbx.parking.retrieve(ch, route.space)
        return
      case 'holding': {
        // BridgeWait(): the channel waits alone in a holding bridge with music (transfer.raw).
        this.answerIfLocal(ch, hooks, true)
        ev.newexten(ch, 'BridgeWait', '', { priority: 1 })
        const holding = this.pbx.bridges.create('holding', 'holding_bridge', 'BridgeWait', `wait-${ch.uniqueid}`, 'none', 'holding', 'holding')
        this.pbx.bridges.enter(holding, ch)
        ev.startMusic(ch)
        channels.later(ch, 600_000, () => {
          hangups.soft(ch, 16)
        })
        return
      }
      case 'echo': {
        this.answerIfLocal(ch, hooks, true)
        ev.newexten(ch, 'Echo', '', { priority: 1 })
        channels.later(ch, 600_000, () => {
          hangups.soft(ch, 16)
        })
        return
      }
      case 'moh':
        // MusicOnHold() in the dialplan: music on this channel, no Hold event (hold-moh.raw).
        this.answerIfLocal(ch, hooks, true)
        ev.newexten(ch, 'MusicOnHold', 'default,600', { priority: 1 })
        ev.startMusic(ch)
        channels.later(ch, 600_000, () => {
          hangups.soft(ch, 16)
        })
        return
      case 'timed':
        this.answerIfLocal(ch, hooks, true)
        ev.newexten(ch, 'Wait', String(route.seconds), { priority: 2 })
        channels.later(ch, route.seconds * 1000, () => {
          ev.newexten(ch, 'Hangup', '16', { priority: 3 })
          hangups.soft(ch, 16)
        })
        return
      case 'voicemail':
        this.answerIfLocal(ch, hooks, true)
        this.pbx.voicemail.leaveMessage(ch, route.mailbox)
        return
      case 'outbound':
        this.answerIfLocal(ch, hooks)
        this.pbx.dial.dial(ch, [`PJSIP/${route.trunk}/${route.number}`], 60, 'T', 1)
        return
      case 'pickup':
        this.pbx.pickups.run(ch, route.exten)
        return
      case 'goto':
        ev.newexten(ch, 'Goto', `${route.context},${route.exten},1`, { priority: 1 })
        this.run(ch, route.context, route.exten, hooks)
        return
      case 'daynight': {
        // app-daynight: GotoIf on DB(DAYNIGHT/C<n>); the chosen destination runs in place.
        const next = this.pbx.presence.isNight(route.index) ? route.night : route.day
        if (next === undefined) {
          ev.newexten(ch, 'Hangup', '', { priority: 1 })
          hangups.soft(ch, 1)
          return
        }
        this.execute(ch, next, hooks)
        return
      }
    }
  }

  /** A channel from a phone or trunk is answered by the PBX for queues, parking, voicemail. */
  private answerIfLocal(ch: Channel, hooks: DialplanHooks | undefined, answerNow = false): void {
    const ev = this.pbx.channelEvents
    if (ch.localHalf === 2 && ch.state !== 6) {
      ev.newexten(ch, 'Answer', '', { priority: ch.priority })
      ev.answerLocalTwo(ch)
      hooks?.onAnswered?.()
      return
    }
    if (answerNow && ch.state !== 6) {
      ev.newexten(ch, 'Answer', '', { priority: ch.priority })
      ev.setState(ch, 6)
    }
    hooks?.onAnswered?.()
  }

  /** Originate with Application/Data: the answered channel runs that application. */
  runApplication(ch: Channel, app: string, data: string): void {
    const { channels, hangups } = this.pbx
    // No Newexten: the application runs outside the dialplan (the OriginateResponse names it).
    this.pbx.channelEvents.runApp(ch, app, data)
    const seconds = Number.parseInt(data, 10)
    if (app.toLowerCase() === 'wait' && Number.isFinite(seconds)) {
      channels.later(ch, seconds * 1000, () => {
        hangups.soft(ch, 16)
      })
      return
    }
    if (app.toLowerCase() === 'chanspy' || app.toLowerCase() === 'extenspy') {
      this.pbx.spy.start(ch, data, app.toLowerCase() === 'extenspy')
      return
    }
    if (app.toLowerCase() === 'voicemailmain') {
      this.pbx.voicemail.listen(ch, data)
      return
    }
    if (app.toLowerCase() === 'park') {
      this.pbx.parking.park(ch, undefined, parkerDialString(ch.name))
      return
    }
    // Echo, MusicOnHold, Playback…: the channel stays up until hung up, at most 10 minutes.
    channels.later(ch, 600_000, () => {
      hangups.soft(ch, 16)
    })
  }
}
