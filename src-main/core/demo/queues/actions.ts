/**
 * AMI queue actions: QueueStatus and QueueSummary (figures as app_queue prints them, see
 * figures.ts), QueuePause, QueueAdd, QueueRemove and QueuePenalty (queue*.raw, errors.raw).
 */
import { type ActionContext, type ActionHandlers, listComplete, listItem, listStart, truthy } from '../ami-context'
import { serviceLevelText } from './figures'

function queueStatus(ctx: ActionContext): void {
  const { queues } = ctx.pbx
  const only = ctx.get('Queue')
  const memberFilter = ctx.get('Member')
  listStart(ctx, 'Queue status will follow')
  let n = 0
  const now = ctx.pbx.now()
  for (const q of queues.byName.values()) {
    if (only && q.name !== only) continue
    listItem(
      ctx,
      'QueueParams',
      [
        ['Queue', q.name],
        ['Max', '0'],
        ['Strategy', q.strategy],
        ['Calls', String(q.callers.length)],
        ['Holdtime', String(q.holdTimeAvg)],
        ['TalkTime', String(q.talkTimeAvg)],
        ['Completed', String(q.completed)],
        ['Abandoned', String(q.abandoned)],
        ['ServiceLevel', String(q.serviceLevel)],
        ['ServicelevelPerf', serviceLevelText(q.completedInSl, q.completed)],
        ['ServicelevelPerf2', serviceLevelText(q.completedInSl + q.abandonedInSl, q.completed + q.abandoned)],
        ['Weight', '0'],
      ],
      false,
    )
    n++
    for (const m of q.members) {
      if (memberFilter && m.interface !== memberFilter && m.name !== memberFilter) continue
      const f = queues.memberFields(q, m)
      const get = (k: string): string => f.find(([key]) => key === k)?.[1] ?? ''
      listItem(
        ctx,
        'QueueMember',
        [
          ['Queue', q.name],
          ['Name', m.name],
          ['Location', m.interface],
          ['StateInterface', m.stateInterface],
          ['Membership', m.membership],
          ['Penalty', String(m.penalty)],
          ['CallsTaken', String(m.callsTaken)],
          ['LastCall', String(m.lastCall)],
          ['LastPause', String(m.lastPause)],
          ['LoginTime', String(m.loginTime)],
          ['InCall', m.inCall ? '1' : '0'],
          ['Status', get('Status')],
          ['Paused', m.paused ? '1' : '0'],
          ['PausedReason', m.pausedReason],
          ['Wrapuptime', String(m.wrapupTime)],
        ],
        false,
      )
      n++
    }
    q.callers.forEach((c, i) => {
      const ch = c.channel
      listItem(
        ctx,
        'QueueEntry',
        [
          ['Queue', q.name],
          ['Position', String(i + 1)],
          ['Channel', ch.name],
          ['Uniqueid', ch.uniqueid],
          ['CallerIDNum', ch.callerNum || '<unknown>'],
          ['CallerIDName', ch.callerName || '<unknown>'],
          ['ConnectedLineNum', ch.connectedNum || '<unknown>'],
          ['ConnectedLineName', ch.connectedName || '<unknown>'],
          ['Wait', String(Math.floor((now - c.joinedMs) / 1000))],
          ['Priority', '0'],
        ],
        false,
      )
      n++
    })
  }
  listComplete(ctx, 'QueueStatusComplete', n)
}

function queueSummary(ctx: ActionContext): void {
  const { queues } = ctx.pbx
  const only = ctx.get('Queue')
  listStart(ctx, 'Queue summary will follow')
  let n = 0
  const now = ctx.pbx.now()
  for (const q of queues.byName.values()) {
    if (only && q.name !== only) continue
    const loggedIn = q.members.filter((m) => {
      const s = queues.memberState(m)
      return s !== 'UNAVAILABLE' && s !== 'INVALID'
    }).length
    const available = q.members.filter((m) => !m.paused && queues.memberState(m) === 'NOT_INUSE').length
    const longest = q.callers.reduce((mx, c) => Math.max(mx, Math.floor((now - c.joinedMs) / 1000)), 0)
    listItem(
      ctx,
      'QueueSummary',
      [
        ['Queue', q.name],
        ['LoggedIn', String(loggedIn)],
        ['Available', String(available)],
        ['Callers', String(q.callers.length)],
        ['HoldTime', String(q.holdTimeAvg)],
        ['TalkTime', String(q.talkTimeAvg)],
        ['LongestHoldTime', String(longest)],
      ],
      false,
    )
    n++
  }
  listComplete(ctx, 'QueueSummaryComplete', n)
}

function queuePause(ctx: ActionContext): void {
  const iface = ctx.get('Interface')
  const paused = ctx.get('Paused')
  if (!iface || paused === undefined) {
    ctx.error("Need 'Interface' and 'Paused' parameters.")
    return
  }
  const on = truthy(paused)
  if (!ctx.pbx.queues.pause(ctx.get('Queue'), iface, on, ctx.get('Reason') ?? '')) {
    ctx.error('Interface not found')
    return
  }
  ctx.reply('Success', [['Message', on ? 'Interface paused successfully' : 'Interface unpaused successfully']])
}

function queueAdd(ctx: ActionContext): void {
  const queue = ctx.get('Queue')
  const iface = ctx.get('Interface')
  // manager_add_queue_member(): each missing header has its own words (queue-members.raw).
  if (!queue) {
    ctx.error("'Queue' not specified.")
    return
  }
  if (!iface) {
    ctx.error("'Interface' not specified.")
    return
  }
  // A penalty or wrap-up time that is not a number ≥ 0 is taken as 0, not refused.
  const whole = (header: string): number => {
    const n = Number.parseInt(ctx.get(header) ?? '', 10)
    return Number.isFinite(n) && n >= 0 ? n : 0
  }
  const result = ctx.pbx.queues.add(
    queue,
    {
      interface: iface,
      name: ctx.get('MemberName') || iface,
      stateInterface: ctx.get('StateInterface') || iface,
      penalty: whole('Penalty'),
    },
    truthy(ctx.get('Paused')),
    ctx.get('Reason') ?? '',
    whole('Wrapuptime'),
  )
  if (result === 'ok') ctx.reply('Success', [['Message', 'Added interface to queue']])
  else if (result === 'exists') ctx.error('Unable to add interface: Already there')
  else ctx.error('Unable to add interface to queue: No such queue')
}

function queueRemove(ctx: ActionContext): void {
  const queue = ctx.get('Queue')
  const iface = ctx.get('Interface')
  if (!queue || !iface) {
    ctx.error("Need 'Queue' and 'Interface' parameters.")
    return
  }
  const result = ctx.pbx.queues.remove(queue, iface)
  if (result === 'ok') ctx.reply('Success', [['Message', 'Removed interface from queue']])
  else if (result === 'notthere') ctx.error('Unable to remove interface: Not there')
  else if (result === 'static') ctx.error('Member not dynamic')
  else ctx.error('Unable to remove interface from queue: No such queue')
}

function queuePenalty(ctx: ActionContext): void {
  const iface = ctx.get('Interface')
  const penaltyText = ctx.get('Penalty')
  if (!iface || !penaltyText) {
    ctx.error("Need 'Interface' and 'Penalty' parameters.")
    return
  }
  // atoi(): leading digits (and sign) count, anything else is 0; set_member_value() refuses a negative one.
  const penalty = Number.parseInt(penaltyText, 10)
  if (!ctx.pbx.queues.penalty(ctx.get('Queue'), iface, Number.isFinite(penalty) ? penalty : 0)) {
    ctx.error('Invalid interface, queuename or penalty')
    return
  }
  ctx.reply('Success', [['Message', 'Interface penalty set successfully']])
}

/** A truth value as ast_true() / ast_false() read it; undefined for anything else. */
function truthValue(v: string): boolean | undefined {
  if (/^(yes|true|y|t|1|on)$/i.test(v.trim())) return true
  if (/^(no|false|n|f|0|off)$/i.test(v.trim())) return false
  return undefined
}

function queueMemberRingInUse(ctx: ActionContext): void {
  const iface = ctx.get('Interface')
  const value = ctx.get('RingInUse')
  if (!iface || !value) {
    ctx.error("Need 'Interface' and 'RingInUse' parameters.")
    return
  }
  const on = truthValue(value)
  if (on === undefined) {
    ctx.error("'RingInUse' parameter must be a truth value (yes/no, on/off, 0/1, etc)")
    return
  }
  // Asterisk 22 ends this message with a stray bare newline (queue-members.raw), which clients trim;
  // the demo's wire writes no line break inside a value, so it is left out.
  if (!ctx.pbx.queues.ringInUse(ctx.get('Queue'), iface, on)) ctx.error('Invalid interface, queuename, or ringinuse value')
  else ctx.reply('Success', [['Message', 'Interface ringinuse set successfully']])
}

/** QueueLog writes a line to queue_log, which the demo does not keep: only its answers. */
function queueLog(ctx: ActionContext): void {
  if (!ctx.get('Queue') || !ctx.get('Event')) {
    ctx.error("Need 'Queue' and 'Event' parameters.")
    return
  }
  ctx.reply('Success', [['Message', 'Event added successfully']])
}

/** QueueReset: an unknown queue is no error (queue-members.raw). */
function queueReset(ctx: ActionContext): void {
  ctx.pbx.queues.resetStats(ctx.get('Queue') || undefined)
  ctx.reply('Success', [['Message', 'Queue stats reset successfully']])
}

/** QueueReload: the static members become the configured ones again (dynamic members stay); an unknown queue is no error. */
function queueReload(ctx: ActionContext): void {
  const flags = ['Members', 'Rules', 'Parameters'].filter((h) => ctx.get(h)?.toLowerCase() === 'yes')
  if (flags.length === 0 || flags.includes('Members')) ctx.pbx.queues.reloadStatic()
  ctx.reply('Success', [['Message', 'Queue reloaded successfully']])
}

export const QUEUE_ACTIONS: ActionHandlers = {
  queuestatus: queueStatus,
  queuesummary: queueSummary,
  queuepause: queuePause,
  queueadd: queueAdd,
  queueremove: queueRemove,
  queuepenalty: queuePenalty,
  queuememberringinuse: queueMemberRingInUse,
  queuelog: queueLog,
  queuereset: queueReset,
  queuereload: queueReload,
}
