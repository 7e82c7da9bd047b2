/**
 * Queue(): callers join and wait with music, free members are rung (ringall: every free member
 * of the lowest penalty; other strategies: the first), the first to answer is bridged with the
 * caller, the call completes (AgentComplete) or the caller gives up (QueueCallerAbandon).
 */
import { type Channel, channelBlock } from '../model'
import { PRIV_AGENT } from '../pbx/events'
import type { Pbx } from '../pbx/pbx'
import { runningAverage, wholeSecondsBetween } from './figures'
import type { Queue, QueueMember } from './queues'

/** How long app_queue rings members before they ring out (queues.conf `timeout`; FreePBX's default 15 s). */
const MEMBER_TIMEOUT_MS = 15_000

export class QueueCalls {
  /**
   * Member legs bridged by app_queue: like PBX channels, their Hangup had not taken effect
   * when the caller's Hangup arrived 1 ms later (queue.raw cleanup-0/cleanup-1).
   */
  private readonly memberLegs = new Set<Channel>()

  constructor(private readonly pbx: Pbx) {}

  isMemberLeg(ch: Channel): boolean {
    return this.memberLegs.has(ch)
  }

  forgetMemberLeg(ch: Channel): void {
    this.memberLegs.delete(ch)
  }

  /** Queue(name) in the dialplan: the caller joins and waits with music. */
  join(ch: Channel, queueName: string): void {
    const { channelEvents: ev, events } = this.pbx
    const q = this.pbx.queues.byName.get(queueName)
    if (!q) {
      this.pbx.hangups.soft(ch, 1)
      return
    }
    if (this.pbx.config.isLab) {
      ev.newexten(ch, 'Playback', 'beep', { priority: ch.priority + 1 })
      ev.setVar(ch, 'PLAYBACKSTATUS', 'SUCCESS')
    }
    ev.newexten(ch, 'Queue', `${queueName},,,,600`, { priority: ch.priority + 1 })
    for (const v of ['ANSWEREDTIME', 'ANSWEREDTIME_MS', 'DIALEDTIME', 'DIALEDTIME_MS', 'QUEUEWAIT', 'QUEUEWAIT_MS']) ev.setVar(ch, v, '')
    ch.queueName = queueName
    const position = q.callers.length + 1
    q.callers.push({ channel: ch, joinedMs: this.pbx.now(), originalPosition: position })
    if (q.callers.length === 1) this.pbx.devices.publish(`Queue:${queueName}`, 'RINGING')
    events.emit('QueueCallerJoin', PRIV_AGENT, [
      ...channelBlock(ch),
      ['Queue', queueName],
      ['Position', String(position)],
      ['Count', String(q.callers.length)],
    ])
    ev.startMusic(ch)
    this.pbx.channels.later(ch, 0, () => {
      this.offer(q)
    })
  }

  /** Rings available members for the first waiting caller (ringall / first free for others). */
  offer(q: Queue): void {
    const caller = q.callers[0]
    if (!caller || caller.channel.hungUp || caller.channel.vars.get('__QUEUE_RINGING') === '1') return
    const { queues, hangups, channels } = this.pbx
    const free = q.members.filter((m) => !m.paused && !m.inCall && queues.memberState(m) === 'NOT_INUSE').sort((a, b) => a.penalty - b.penalty)
    if (free.length === 0) return
    const chosen = q.strategy === 'ringall' ? free.filter((m) => m.penalty === (free[0] as QueueMember).penalty) : [free[0] as QueueMember]
    const ch = caller.channel
    ch.vars.set('__QUEUE_RINGING', '1')
    let connected = false
    const legs: Channel[] = []
    const dialledAt = this.pbx.now()
    // Member legs that rang out (rna() was told): their own no-answer must not tell it again.
    const rungOut = new Set<Channel>()
    const ringOut = (leg: Channel, m: QueueMember): void => {
      if (rungOut.has(leg) || connected || ch.hungUp) return
      rungOut.add(leg)
      // rna(): caller and member channel blocks, the member, RingTime in ms (app_queue.c).
      this.pbx.events.emit('AgentRingNoAnswer', PRIV_AGENT, [
        ...channelBlock(ch),
        ...channelBlock(leg, 'Dest'),
        ['Queue', q.name],
        ['Interface', m.interface],
        ['MemberName', m.name],
        ['RingTime', String(Math.max(0, this.pbx.now() - dialledAt))],
      ])
    }
    const rung: [Channel, QueueMember][] = []
    for (const m of chosen) {
      const leg = this.pbx.dial.dialOne(
        ch,
        m.interface,
        (answered) => {
          if (!answered) {
            if (leg) ringOut(leg, m)
            if (leg && !leg.hungUp) hangups.destroy(leg, 19)
            if (legs.every((l) => l.hungUp)) {
              ch.vars.set('__QUEUE_RINGING', '0')
              channels.later(ch, 2000, () => {
                this.offer(q)
              })
            }
            return
          }
          if (connected || !leg) return
          connected = true
          for (const other of legs) if (other !== leg && !other.hungUp) hangups.destroy(other, 26)
          this.connect(q, caller.joinedMs, ch, leg, m)
        },
        (dialled) => {
          rung.push([dialled, m])
          // AgentCalled precedes the DialBegin of the member's leg (queue.raw).
          this.pbx.events.emit('AgentCalled', PRIV_AGENT, [
            ...channelBlock(ch),
            ...channelBlock(dialled, 'Dest'),
            ['Queue', q.name],
            ['Interface', m.interface],
            ['MemberName', m.name],
          ])
        },
      )
      if (leg) legs.push(leg)
    }
    // queues.conf `timeout` (FreePBX's agent timeout, 15 s by default): members still ringing then
    // ring out, each told to rna(), and the queue tries again after its retry.
    if (legs.length > 0)
      channels.later(ch, MEMBER_TIMEOUT_MS, () => {
        // Answered, or this round already ended (all its legs failed and a later round rings now).
        if (connected || rung.every(([leg]) => leg.hungUp)) return
        for (const [leg, m] of rung) {
          if (leg.hungUp) continue
          ringOut(leg, m)
          hangups.destroy(leg, 19)
        }
        ch.vars.set('__QUEUE_RINGING', '0')
        channels.later(ch, 2000, () => {
          this.offer(q)
        })
      })
  }

  private connect(q: Queue, joinedMs: number, caller: Channel, agent: Channel, m: QueueMember): void {
    const { channelEvents: ev, events, bridges, hangups } = this.pbx
    const holdS = wholeSecondsBetween(joinedMs, this.pbx.now())
    // recalc_holdtime() when the member answers; "within the service level" is decided now too.
    q.holdTimeAvg = runningAverage(q.holdTimeAvg, holdS, q.completed + q.abandoned === 0)
    m.callInSl = holdS <= q.serviceLevel
    if (agent.localHalf === 1) ev.setConnected(agent, caller.callerNum, caller.callerName)
    ev.dialEnd(caller, agent, 'ANSWER')
    ev.stopMusic(caller)
    const idx = q.callers.findIndex((c) => c.channel === caller)
    if (idx >= 0) q.callers.splice(idx, 1)
    caller.queueName = undefined
    if (q.callers.length === 0) this.pbx.devices.publish(`Queue:${q.name}`, 'NOT_INUSE')
    events.emit('QueueCallerLeave', PRIV_AGENT, [...channelBlock(caller), ['Queue', q.name], ['Position', '1'], ['Count', String(q.callers.length)]])
    events.emit('AgentConnect', PRIV_AGENT, [
      ...channelBlock(caller),
      ...channelBlock(agent, 'Dest'),
      ['Queue', q.name],
      ['Interface', m.interface],
      ['MemberName', m.name],
      ['HoldTime', String(holdS)],
      ['RingTime', '0'],
    ])
    m.inCall = true
    m.callStart = this.pbx.now()
    const talkStart = m.callStart
    this.memberLegs.add(agent)
    const bridge = bridges.createBasic()
    bridges.enter(bridge, agent)
    bridges.enter(bridge, caller)
    ev.setVar(agent, 'BRIDGEPEER', caller.name)
    ev.setVar(caller, 'BRIDGEPEER', agent.name)
    caller.cdr.dstChannel = agent.name
    const complete = (reason: string): void => {
      // Published after both channels are gone: Asterisk 22 sends it without channel blocks.
      // send_agent_complete(), then update_queue() (a no-op if the member's device went idle first).
      events.emit('AgentComplete', PRIV_AGENT, [
        ['Queue', q.name],
        ['Interface', m.interface],
        ['MemberName', m.name],
        ['HoldTime', String(holdS)],
        ['TalkTime', String(wholeSecondsBetween(talkStart, this.pbx.now()))],
        ['Reason', reason],
      ])
      this.pbx.queues.callCompleted(q, m, talkStart)
      this.pbx.scheduler.schedule(0, () => {
        this.offer(q)
      })
    }
    caller.onBridgePartnerGone = (cause) => {
      hangups.destroy(caller, cause)
      complete('agent')
    }
    agent.onBridgePartnerGone = (cause) => {
      hangups.destroy(agent, cause)
      complete('caller')
    }
  }

  /** A caller hung up while waiting: record_abandoned(), QueueCallerAbandon, QueueCallerLeave. */
  leaveOnHangup(ch: Channel): void {
    const name = ch.queueName
    if (!name) return
    const q = this.pbx.queues.byName.get(name)
    ch.queueName = undefined
    if (!q) return
    const idx = q.callers.findIndex((c) => c.channel === ch)
    if (idx < 0) return
    const entry = q.callers[idx] as (typeof q.callers)[number]
    q.callers.splice(idx, 1)
    // record_abandoned()
    const holdS = wholeSecondsBetween(entry.joinedMs, this.pbx.now())
    q.abandoned++
    if (holdS <= q.serviceLevel) q.abandonedInSl++
    this.pbx.events.emit('QueueCallerAbandon', PRIV_AGENT, [
      ...channelBlock(ch),
      ['Queue', q.name],
      ['Position', String(idx + 1)],
      ['OriginalPosition', String(entry.originalPosition)],
      ['HoldTime', String(holdS)],
    ])
    this.pbx.events.emit('QueueCallerLeave', PRIV_AGENT, [
      ...channelBlock(ch),
      ['Queue', q.name],
      ['Position', String(idx + 1)],
      ['Count', String(q.callers.length)],
    ])
    if (q.callers.length === 0) this.pbx.devices.publish(`Queue:${q.name}`, 'NOT_INUSE')
  }
}
