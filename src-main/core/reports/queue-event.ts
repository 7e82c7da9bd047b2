// A queue event as the reports keep it, whichever source told it: the live AMI events of app_queue
// or a line of Asterisk's queue_log. Field names and meanings are app_queue.c's (Asterisk 22) and
// the captures' (queue.raw, queue-abandon.raw, queue-members.raw).

/** Stored as their index: never reorder, only append. */
export const QUEUE_EVENT_KINDS = [
  'join',
  'leave',
  'abandon',
  'exit',
  'called',
  'connect',
  'complete',
  'ringnoanswer',
  'pause',
  'unpause',
  'added',
  'removed',
] as const

export type QueueEventKind = (typeof QUEUE_EVENT_KINDS)[number]

export const KIND: { readonly [K in QueueEventKind]: number } = Object.fromEntries(QUEUE_EVENT_KINDS.map((k, i) => [k, i])) as {
  [K in QueueEventKind]: number
}

export type QueueEventSource = 'ami' | 'queue_log'

export interface QueueEvent {
  /** When it happened, epoch ms at whole seconds (queue_log and AMI's Timestamp are seconds apart at best). */
  readonly at: number
  readonly kind: QueueEventKind
  readonly queue: string
  /** The caller channel's Uniqueid (queue_log's callid); '' for member events and an AgentComplete whose caller is gone. */
  readonly callid: string
  /** MemberName (queue_log's agent column); '' for caller events. */
  readonly agent: string
  /** The member's Interface when the source names it ('' from queue_log). */
  readonly iface: string
  /** Seconds the caller waited (HoldTime). */
  readonly wait?: number
  /** Seconds talked (AgentComplete TalkTime). */
  readonly talk?: number
  /** Seconds the member was rung (AgentRingNoAnswer RingTime is ms; stored in seconds). */
  readonly ring?: number
  readonly position?: number
  /** Pause reason, AgentComplete's Reason (caller, agent, transfer), or which exit (EXITWITHTIMEOUT …). */
  readonly reason: string
  /** The caller's number (CallerIDNum) when the source gives it. */
  readonly caller: string
  readonly source: QueueEventSource
}

const AMI_EVENTS: Readonly<Record<string, QueueEventKind | undefined>> = {
  QueueCallerJoin: 'join',
  QueueCallerLeave: 'leave',
  QueueCallerAbandon: 'abandon',
  AgentCalled: 'called',
  AgentConnect: 'connect',
  AgentComplete: 'complete',
  AgentRingNoAnswer: 'ringnoanswer',
  QueueMemberPause: 'pause',
  QueueMemberAdded: 'added',
  QueueMemberRemoved: 'removed',
}

/** Whether an AMI event is one the reports keep (cheap: checked for every event of the session). */
export const isQueueReportEvent = (name: string | undefined): boolean => name !== undefined && AMI_EVENTS[name] !== undefined

const whole = (v: string | undefined): number | undefined => {
  if (v === undefined || !/^-?\d+$/.test(v.trim())) return undefined
  return Number(v)
}

/**
 * One AMI event of app_queue as a stored event, or undefined for any other event. `receivedMs` is
 * the console's clock when it arrived: AMI gives no time unless manager.conf has
 * `timestampevents = yes` (the captures have it off), in which case the PBX's `Timestamp` is used.
 */
export function queueEventFromAmi(fields: Readonly<Record<string, string>>, receivedMs: number): QueueEvent | undefined {
  const kind0 = AMI_EVENTS[fields.Event ?? '']
  const queue = fields.Queue ?? ''
  if (kind0 === undefined || queue === '') return undefined
  const stamp = Number(fields.Timestamp)
  const at = Math.floor((Number.isFinite(stamp) && stamp > 0 ? stamp * 1000 : receivedMs) / 1000) * 1000
  // QueueMemberPause says paused or not in Paused; both directions are the one event.
  const kind: QueueEventKind = kind0 === 'pause' && fields.Paused === '0' ? 'unpause' : kind0
  const memberEvent = fields.Interface !== undefined
  const ringMs = kind === 'ringnoanswer' ? whole(fields.RingTime) : undefined
  const ring = ringMs !== undefined ? Math.round(ringMs / 1000) : kind === 'connect' ? whole(fields.RingTime) : undefined
  const wait = whole(fields.HoldTime)
  const talk = whole(fields.TalkTime)
  const position = whole(fields.OriginalPosition ?? fields.Position)
  return {
    at,
    kind,
    queue,
    callid: kind === 'pause' || kind === 'unpause' || kind === 'added' || kind === 'removed' ? '' : (fields.Uniqueid ?? ''),
    agent: memberEvent ? (fields.MemberName ?? fields.Interface ?? '') : '',
    iface: fields.Interface ?? '',
    ...(wait === undefined ? {} : { wait }),
    ...(talk === undefined ? {} : { talk }),
    ...(ring === undefined ? {} : { ring }),
    ...(position === undefined ? {} : { position }),
    reason: kind === 'pause' || kind === 'unpause' ? (fields.PausedReason ?? '') : kind === 'complete' ? (fields.Reason ?? '') : '',
    caller: fields.CallerIDNum ?? '',
    source: 'ami',
  }
}

/**
 * Fills in what one AMI event leaves out: AgentComplete is published after both channels are gone
 * (queue.raw: no Uniqueid, no channel block), so its caller is the one the same member of the same
 * queue was last connected to (AgentConnect). Without it, a queue_log import could not recognise
 * the AMI copy of COMPLETECALLER by its callid.
 */
export class QueueCallTracker {
  private readonly connected = new Map<string, string>()

  fill(e: QueueEvent): QueueEvent {
    const key = `${e.queue}\u0000${e.agent}`
    if (e.kind === 'connect' && e.callid !== '') this.connected.set(key, e.callid)
    if (e.kind === 'complete') {
      const callid = this.connected.get(key)
      this.connected.delete(key)
      if (e.callid === '' && callid !== undefined) return { ...e, callid }
    }
    // Not forgotten on QueueMemberRemoved: a member removed mid-call still completes it (queue.raw).
    // Bounded: a console left running for months must not keep every call it saw.
    if (this.connected.size > 10_000) this.connected.clear()
    return e
  }
}
