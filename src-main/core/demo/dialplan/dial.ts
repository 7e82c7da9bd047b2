/**
 * Dial(): one outgoing channel per target (Local pair, phone or trunk), rung until the first
 * answers — bridged with the caller, the rest cancelled — or all fail or the time runs out.
 */
import type { Channel } from '../model'
import type { Pbx } from '../pbx/pbx'

const DIAL_RESET_VARS = [
  'DIALSTATUS',
  'DIALEDPEERNUMBER',
  'DIALEDPEERNAME',
  'ANSWEREDTIME',
  'ANSWEREDTIME_MS',
  'DIALEDTIME',
  'DIALEDTIME_MS',
  'RINGTIME',
  'RINGTIME_MS',
  'PROGRESSTIME',
  'PROGRESSTIME_MS',
]

export class DialApp {
  /** A caller's Dial in progress: cancels its legs when the caller goes first. */
  private readonly cancelHooks = new Map<Channel, () => void>()

  constructor(private readonly pbx: Pbx) {}

  /** The caller's pending Dial cancellation, removed (the caller is going away). */
  takeCancelHook(caller: Channel): (() => void) | undefined {
    const hook = this.cancelHooks.get(caller)
    this.cancelHooks.delete(caller)
    return hook
  }

  /**
   * Dial(): creates one outgoing channel per target, rings them, bridges the first that
   * answers with the caller, cancels the rest. Returns the dialled channels.
   */
  dial(caller: Channel, targets: readonly string[], timeoutS: number, options: string, priority: number): Channel[] {
    const { channelEvents: ev, hangups, bridges, config } = this.pbx
    const appData = `${targets.join('&')},${timeoutS},${options}`
    ev.newexten(caller, 'Dial', appData, { priority })
    for (const v of DIAL_RESET_VARS) ev.setVar(caller, v, '')
    const dialStart = this.pbx.now()
    const legs: Channel[] = []
    let done = false
    const finish = (status: string, winner: Channel | undefined): void => {
      if (done) return
      done = true
      for (const leg of legs) {
        if (leg === winner || leg.hungUp) continue
        ev.dialEnd(caller, leg, 'CANCEL')
        hangups.destroy(leg, 26)
      }
      if (!winner) {
        ev.setVar(caller, 'DIALSTATUS', status)
        // Dial returned without an answer: unanswered call ends (office: voicemail for one phone).
        const single = targets.length === 1 ? targets[0] : undefined
        const phone = single ? this.pbx.calls.resolveDialString(single) : undefined
        if (phone?.kind === 'phone' && config.profile.id === 'office' && !caller.hungUp) {
          const exten = phone.phone.exten
          // FreePBX: busy goes to CFB, no answer or offline to CFU, else to the extension's voicemail.
          const forward = this.pbx.presence.forwardOnFailure(exten, status)
          if (forward !== undefined) {
            ev.newexten(caller, 'Goto', `${config.internalContext},${forward},1`)
            this.pbx.dialplan.run(caller, config.internalContext, forward)
            return
          }
          if (status !== 'CHANUNAVAIL' || this.pbx.voicemail.mailboxes.has(exten)) {
            this.pbx.voicemail.leaveMessage(caller, exten)
            return
          }
        }
        hangups.soft(caller, status === 'BUSY' ? 17 : 16)
        return
      }
      ev.setVar(caller, 'DIALSTATUS', 'ANSWER')
      ev.setVar(caller, 'DIALEDPEERNAME', winner.name)
      ev.setVar(caller, 'DIALEDPEERNUMBER', winner.vars.get('DIALEDPEERNUMBER') ?? '')
      ev.dialEnd(caller, winner, 'ANSWER')
      if (caller.state !== 6) ev.setState(caller, 6)
      caller.cdr.dstChannel = winner.name
      const bridge = bridges.createBasic()
      if (winner.tech === 'Local') ev.newexten(winner, 'AppDial', '(Outgoing Line)', { exten: '' })
      bridges.enter(bridge, winner)
      bridges.enter(bridge, caller)
      ev.setVar(winner, 'BRIDGEPEER', caller.name)
      ev.setVar(caller, 'BRIDGEPEER', winner.name)
      caller.onBridgePartnerGone = (cause) => {
        this.dialReturned(caller, dialStart, cause)
      }
      winner.onBridgePartnerGone = (cause) => {
        hangups.destroy(winner, cause)
      }
    }
    // Pickup (FreePBX's `**<ext>`): another phone answers instead of the rung one and takes its place.
    const pickedUp =
      (leg: Channel) =>
      (picker: Channel): boolean => {
        if (done) return false
        ev.setConnected(caller, picker.callerNum, picker.callerName)
        caller.cdr.dstChannel = leg.name
        this.pbx.cdrs.split(caller)
        legs[legs.indexOf(leg)] = picker
        finish('ANSWER', picker)
        return true
      }
    for (const target of targets) {
      const leg = this.dialOne(caller, target, (answered, status) => {
        if (done) return
        if (answered) finish('ANSWER', leg)
        else {
          if (leg && !leg.hungUp) {
            ev.dialEnd(caller, leg, status)
            hangups.destroy(leg, status === 'BUSY' ? 17 : 19)
          }
          if (legs.every((l) => l.hungUp)) finish(status, undefined)
        }
      })
      if (leg) legs.push(leg)
      const rung = this.pbx.calls.resolveDialString(target)
      if (leg && rung?.kind === 'phone') this.pbx.pickups.offer(leg, rung.phone.exten, pickedUp(leg))
    }
    if (legs.length === 0) {
      this.pbx.scheduler.schedule(0, () => {
        finish('CHANUNAVAIL', undefined)
      })
      return legs
    }
    this.pbx.channels.later(caller, timeoutS * 1000, () => {
      finish('NOANSWER', undefined)
    })
    caller.onBridgePartnerGone = undefined
    const cancelOnCallerGone = (): void => {
      if (!done) {
        done = true
        for (const leg of legs) {
          if (leg.hungUp) continue
          ev.dialEnd(caller, leg, 'CANCEL')
          hangups.destroy(leg, 0)
        }
      }
    }
    this.cancelHooks.set(caller, cancelOnCallerGone)
    return legs
  }

  private dialReturned(caller: Channel, dialStart: number, cause: number): void {
    if (caller.hungUp) return
    const ev = this.pbx.channelEvents
    const answered = caller.answeredMs ?? dialStart
    const now = this.pbx.now()
    ev.setVar(caller, 'ANSWEREDTIME', String(Math.floor((now - answered) / 1000)))
    ev.setVar(caller, 'ANSWEREDTIME_MS', String(now - answered))
    ev.setVar(caller, 'DIALEDTIME', String(Math.floor((now - dialStart) / 1000)))
    ev.setVar(caller, 'DIALEDTIME_MS', String(now - dialStart))
    ev.setVar(caller, 'DIALSTATUS', 'ANSWER')
    // Dial returns on the caller's PBX thread: it is still there for an action arriving at
    // the same moment (hold-moh.raw cleanup-1, 0 ms after cleanup-0 hung up the callee).
    this.pbx.channels.later(caller, 0, () => {
      this.pbx.hangups.destroy(caller, cause)
    })
  }

  /**
   * Creates and rings one dialled channel; `onDone(answered, status)` when it answers or fails.
   * `beforeDialBegin` runs between the leg's creation and its DialBegin (app_queue's AgentCalled).
   */
  dialOne(
    caller: Channel,
    target: string,
    onDone: (answered: boolean, status: string) => void,
    beforeDialBegin?: (leg: Channel) => void,
  ): Channel | undefined {
    const { channelEvents: ev, channels } = this.pbx
    const resolved = this.pbx.calls.resolveDialString(target)
    if (!resolved) return undefined
    if (resolved.kind === 'local') {
      const [one, two] = channels.localPair(resolved.exten, resolved.context, caller.linkedid)
      one.dialedBy = caller
      const byQueue = caller.queueName !== undefined
      const dialed = `${resolved.exten}@${resolved.context}${resolved.suffix}`
      ev.setVar(one, 'DIALEDPEERNUMBER', dialed)
      ev.newexten(one, byQueue ? 'AppQueue' : 'AppDial', '(Outgoing Line)', { exten: caller.exten })
      ev.setCallerId(one, caller.callerNum, caller.callerName)
      // app_queue sets the member leg's connected line only when it answers (queue.raw).
      if (!byQueue) ev.setConnected(one, caller.callerNum, caller.callerName)
      ev.setVar(two, 'DIALEDPEERNUMBER', dialed)
      ev.setCallerId(two, caller.callerNum, caller.callerName)
      ev.setConnected(two, caller.callerNum, caller.callerName)
      two.cdr.src = caller.callerNum
      ev.localBridge(one, two)
      beforeDialBegin?.(one)
      ev.dialBegin(caller, one, dialed)
      // The ;2 half starts its dialplan on its own thread in Asterisk: after Dial has set up.
      channels.later(two, 0, () => {
        this.pbx.dialplan.run(two, resolved.context, resolved.exten, {
          onAnswered: () => {
            onDone(true, 'ANSWER')
          },
        })
      })
      return one
    }
    if (resolved.kind === 'phone') {
      const phone = resolved.phone
      if (!phone.registered) {
        this.pbx.scheduler.schedule(0, () => {
          onDone(false, 'CHANUNAVAIL')
        })
        return undefined
      }
      const ch = channels.endpoint(phone.exten, phone.device, 'PJSIP', 0, caller.context, caller.exten, caller.linkedid)
      ch.dialedBy = caller
      ev.setVar(ch, 'DIALEDPEERNUMBER', phone.exten)
      ev.newexten(ch, 'AppDial', '(Outgoing Line)')
      ev.setConnected(ch, caller.callerNum, caller.callerName)
      ch.callerNum = phone.exten
      ch.callerName = phone.name
      beforeDialBegin?.(ch)
      ev.dialBegin(caller, ch, phone.exten)
      if (phone.dnd) {
        this.pbx.scheduler.schedule(0, () => {
          onDone(false, 'BUSY')
        })
        return ch
      }
      this.pbx.ringing.ring(ch, phone, 3_600_000, (answered) => {
        onDone(answered, answered ? 'ANSWER' : 'NOANSWER')
      })
      return ch
    }
    const ch = channels.endpoint(resolved.trunk, `${resolved.tech}/${resolved.trunk}`, resolved.tech, 0, 'default', 's', caller.linkedid)
    ch.dialedBy = caller
    ev.newexten(ch, 'AppDial', '(Outgoing Line)', { context: '' })
    beforeDialBegin?.(ch)
    ev.dialBegin(caller, ch, `${resolved.trunk}/${resolved.number}`)
    channels.later(ch, this.pbx.rng.int(800, 3000), () => {
      ev.setState(ch, 5)
    })
    channels.later(ch, this.pbx.config.isLab ? 0 : this.pbx.rng.int(3000, 12000), () => {
      ev.setState(ch, 6)
      onDone(true, 'ANSWER')
    })
    return ch
  }
}
