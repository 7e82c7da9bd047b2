/**
 * Queues (app_queue): each queue's members and figures, membership changes (QueueAdd,
 * QueueRemove, QueuePause, QueuePenalty), each member's status from its device, and the
 * `Queue:<name>_avail` / `_pause_` device states. Callers waiting and being connected: queue-calls.ts.
 */
import type { AmiField } from '../ami-wire'
import type { QueueMemberSpec } from '../config/profile'
import type { Channel, DeviceState } from '../model'
import { PRIV_AGENT } from '../pbx/events'
import type { Pbx } from '../pbx/pbx'
import { runningAverage, wholeSecondsBetween } from './figures'

export interface QueueMember {
  readonly interface: string
  readonly name: string
  readonly stateInterface: string
  readonly membership: 'static' | 'dynamic'
  penalty: number
  callsTaken: number
  lastCall: number
  lastPause: number
  readonly loginTime: number
  inCall: boolean
  /**
   * When the member's current queue call was bridged (app_queue's member->starttime), 0 when
   * none: update_queue() counts a call once, whichever of the hang-up and the member's device
   * going idle comes first.
   */
  callStart: number
  /** That call was answered within the queue's service level. */
  callInSl: boolean
  paused: boolean
  pausedReason: string
  wrapupTime: number
  /** queues.conf `ringinuse` per member (QueueMemberRingInUse): 1 rings it while in use. */
  ringInUse: boolean
}

export interface QueueCaller {
  readonly channel: Channel
  readonly joinedMs: number
  readonly originalPosition: number
}

export interface Queue {
  readonly name: string
  readonly strategy: string
  readonly members: QueueMember[]
  readonly callers: QueueCaller[]
  /** queues.conf `servicelevel` (seconds). */
  readonly serviceLevel: number
  completed: number
  abandoned: number
  completedInSl: number
  abandonedInSl: number
  /** app_queue's running averages (seconds): the first call sets them, then (3·old + new) / 4. */
  holdTimeAvg: number
  talkTimeAvg: number
}

/** Queue member `Status` numbers (app_queue uses the ast_device_state enum values). */
export const DEVICE_STATE_CODE: Readonly<Record<DeviceState, number>> = {
  UNKNOWN: 0,
  NOT_INUSE: 1,
  INUSE: 2,
  BUSY: 3,
  INVALID: 4,
  UNAVAILABLE: 5,
  RINGING: 6,
  RINGINUSE: 7,
  ONHOLD: 8,
}

function newMember(
  spec: QueueMemberSpec,
  membership: 'static' | 'dynamic',
  loginTime: number,
  paused: boolean,
  reason: string,
  wrapupTime = 0,
): QueueMember {
  return {
    interface: spec.interface,
    name: spec.name,
    stateInterface: spec.stateInterface,
    membership,
    penalty: spec.penalty,
    callsTaken: 0,
    lastCall: 0,
    // A member added paused was paused at login (queue-members.raw: LastPause = LoginTime).
    lastPause: paused ? loginTime : 0,
    loginTime,
    inCall: false,
    callStart: 0,
    callInSl: false,
    paused,
    pausedReason: reason,
    wrapupTime,
    ringInUse: false,
  }
}

export class Queues {
  readonly byName = new Map<string, Queue>()

  constructor(private readonly pbx: Pbx) {}

  /** The configured queues with their static and (logged-in) dynamic members. */
  load(): void {
    const loginTime = Math.floor(this.pbx.now() / 1000)
    for (const q of this.pbx.config.queues) {
      const members: QueueMember[] = []
      for (const m of q.staticMembers) members.push(newMember(m, 'static', loginTime, false, ''))
      for (const m of q.dynamicMembers) members.push(newMember(m, 'dynamic', loginTime, false, ''))
      this.byName.set(q.name, {
        name: q.name,
        strategy: q.strategy,
        serviceLevel: q.serviceLevel ?? 0,
        members,
        callers: [],
        completed: 0,
        abandoned: 0,
        completedInSl: 0,
        abandonedInSl: 0,
        holdTimeAvg: 0,
        talkTimeAvg: 0,
      })
    }
  }

  /** Each member's `_pause_` device and each queue's `_avail` device, as a started PBX has them. */
  loadDeviceStates(): void {
    const states = this.pbx.devices.states
    for (const q of this.byName.values()) {
      for (const m of q.members) states.set(`Queue:${q.name}_pause_${m.interface}`, 'NOT_INUSE')
      // A freshly booted lab Asterisk reports every queue's _avail device as INUSE until the
      // first member change evaluates it (snapshots-idle); the office profile starts evaluated.
      const avail = this.pbx.config.isLab || !this.available(q) ? 'INUSE' : 'NOT_INUSE'
      states.set(`Queue:${q.name}_avail`, avail)
    }
  }

  reset(): void {
    this.byName.clear()
  }

  /**
   * `module reload app_queue.so` after Apply Config: each queue's static members become the
   * configured ones — members kept keep their figures, gone ones are dropped, new ones publish their
   * `_pause_` device (config-objects.raw: no QueueMemberAdded/Removed for static members on reload).
   * Dynamic members are runtime state and stay.
   */
  reloadStatic(): void {
    const loginTime = Math.floor(this.pbx.now() / 1000)
    for (const spec of this.pbx.config.queues) {
      const q = this.byName.get(spec.name)
      if (q === undefined) continue
      const wanted = new Map(spec.staticMembers.map((m) => [m.interface, m]))
      for (let i = q.members.length - 1; i >= 0; i--) {
        const m = q.members[i]
        if (m?.membership === 'static' && !wanted.has(m.interface)) {
          q.members.splice(i, 1)
          this.pbx.devices.states.delete(`Queue:${q.name}_pause_${m.interface}`)
        }
      }
      for (const m of spec.staticMembers) {
        const old = q.members.find((x) => x.interface === m.interface)
        if (old !== undefined) {
          old.penalty = m.penalty
          continue
        }
        q.members.push(newMember(m, 'static', loginTime, false, ''))
        this.pbx.devices.publish(`Queue:${q.name}_pause_${m.interface}`, 'NOT_INUSE')
      }
      this.refreshAvail(q)
    }
  }

  memberState(m: QueueMember): DeviceState {
    return this.pbx.devices.current(m.stateInterface)
  }

  memberFields(q: Queue, m: QueueMember, state = this.memberState(m)): AmiField[] {
    return [
      ['Queue', q.name],
      ['MemberName', m.name],
      ['Interface', m.interface],
      ['StateInterface', m.stateInterface],
      ['Membership', m.membership],
      ['Penalty', String(m.penalty)],
      ['CallsTaken', String(m.callsTaken)],
      ['LastCall', String(m.lastCall)],
      ['LastPause', String(m.lastPause)],
      ['LoginTime', String(m.loginTime)],
      ['InCall', m.inCall ? '1' : '0'],
      ['Status', String(DEVICE_STATE_CODE[state])],
      ['Paused', m.paused ? '1' : '0'],
      ['PausedReason', m.pausedReason],
      ['Ringinuse', m.ringInUse ? '1' : '0'],
      ['Wrapuptime', String(m.wrapupTime)],
    ]
  }

  available(q: Queue): boolean {
    return q.members.some((m) => !m.paused && this.memberState(m) === 'NOT_INUSE')
  }

  private refreshAvail(q: Queue): void {
    const device = `Queue:${q.name}_avail`
    const state: DeviceState = this.available(q) ? 'NOT_INUSE' : 'INUSE'
    if (this.pbx.devices.states.get(device) !== state) this.pbx.devices.publish(device, state)
  }

  /** A member's device changed: QueueMemberStatus, and a member gone idle has finished its call. */
  deviceChanged(device: string, state: DeviceState): void {
    for (const q of this.byName.values()) {
      let touched = false
      for (const m of q.members) {
        if (m.stateInterface !== device) continue
        touched = true
        // update_status(): a member whose device goes idle has finished its queue call.
        if (state === 'NOT_INUSE') this.callCompleted(q, m, m.callStart)
        this.pbx.events.emit('QueueMemberStatus', PRIV_AGENT, this.memberFields(q, m, state))
      }
      if (touched) this.refreshAvail(q)
    }
  }

  /**
   * app_queue's update_queue(): the member's call `start` counts once — completed (within the
   * service level or not), the talk-time average, the member's CallsTaken and LastCall.
   */
  callCompleted(q: Queue, m: QueueMember, start: number): void {
    if (start === 0 || m.callStart !== start) return
    const now = this.pbx.now()
    m.callStart = 0
    m.inCall = false
    m.callsTaken++
    m.lastCall = Math.floor(now / 1000)
    q.completed++
    if (m.callInSl) q.completedInSl++
    q.talkTimeAvg = runningAverage(q.talkTimeAvg, wholeSecondsBetween(start, now), q.completed === 1)
  }

  pause(queueName: string | undefined, iface: string, paused: boolean, reason: string): boolean {
    let found = false
    for (const q of this.byName.values()) {
      if (queueName && q.name !== queueName) continue
      const m = q.members.find((x) => x.interface.toLowerCase() === iface.toLowerCase())
      if (!m) continue
      found = true
      m.paused = paused
      m.pausedReason = reason
      if (paused) m.lastPause = Math.floor(this.pbx.now() / 1000)
      this.pbx.devices.publish(`Queue:${q.name}_pause_${m.interface}`, paused ? 'INUSE' : 'NOT_INUSE')
      this.refreshAvail(q)
      this.pbx.events.emit('QueueMemberPause', PRIV_AGENT, this.memberFields(q, m))
      if (!paused)
        this.pbx.scheduler.schedule(0, () => {
          this.pbx.queueCalls.offer(q)
        })
    }
    return found
  }

  add(queueName: string, spec: QueueMemberSpec, paused: boolean, reason: string, wrapupTime = 0): 'ok' | 'exists' | 'noqueue' {
    const q = this.byName.get(queueName)
    if (!q) return 'noqueue'
    if (q.members.some((m) => m.interface.toLowerCase() === spec.interface.toLowerCase())) return 'exists'
    const m = newMember(spec, 'dynamic', Math.floor(this.pbx.now() / 1000), paused, reason, wrapupTime)
    q.members.push(m)
    this.pbx.devices.publish(`Queue:${q.name}_pause_${m.interface}`, paused ? 'INUSE' : 'NOT_INUSE')
    this.pbx.events.emit('QueueMemberAdded', PRIV_AGENT, this.memberFields(q, m))
    this.refreshAvail(q)
    this.pbx.scheduler.schedule(0, () => {
      this.pbx.queueCalls.offer(q)
    })
    return 'ok'
  }

  remove(queueName: string, iface: string): 'ok' | 'notthere' | 'noqueue' | 'static' {
    const q = this.byName.get(queueName)
    if (!q) return 'noqueue'
    const idx = q.members.findIndex((m) => m.interface.toLowerCase() === iface.toLowerCase())
    const m = q.members[idx]
    if (!m) return 'notthere'
    if (m.membership === 'static') return 'static'
    q.members.splice(idx, 1)
    this.pbx.events.emit('QueueMemberRemoved', PRIV_AGENT, this.memberFields(q, m))
    this.refreshAvail(q)
    return 'ok'
  }

  /** set_member_value(MEMBER_RINGINUSE): without a queue, every queue the member is in. */
  ringInUse(queueName: string | undefined, iface: string, on: boolean): boolean {
    let found = false
    for (const q of this.byName.values()) {
      if (queueName && q.name !== queueName) continue
      const m = q.members.find((x) => x.interface.toLowerCase() === iface.toLowerCase())
      if (!m) continue
      found = true
      m.ringInUse = on
      this.pbx.events.emit('QueueMemberRinginuse', PRIV_AGENT, this.memberFields(q, m))
    }
    return found
  }

  /** clear_queue() (QueueReset): one queue's figures, or every queue's; the members' calls and last call too. */
  resetStats(queueName: string | undefined): void {
    for (const q of this.byName.values()) {
      if (queueName && q.name !== queueName) continue
      q.holdTimeAvg = 0
      q.talkTimeAvg = 0
      q.completed = 0
      q.abandoned = 0
      q.completedInSl = 0
      q.abandonedInSl = 0
      for (const m of q.members) {
        m.callsTaken = 0
        m.lastCall = 0
        m.callStart = 0
      }
    }
  }

  /** set_member_value(MEMBER_PENALTY): a negative penalty is refused; without a queue, every queue the member is in. */
  penalty(queueName: string | undefined, iface: string, penalty: number): boolean {
    if (penalty < 0) return false
    let found = false
    for (const q of this.byName.values()) {
      if (queueName && q.name !== queueName) continue
      const m = q.members.find((x) => x.interface.toLowerCase() === iface.toLowerCase())
      if (!m) continue
      found = true
      m.penalty = penalty
      this.pbx.events.emit('QueueMemberPenalty', PRIV_AGENT, this.memberFields(q, m))
    }
    return found
  }
}
