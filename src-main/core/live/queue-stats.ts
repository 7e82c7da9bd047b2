/**
 * Queue figures as app_queue keeps them (apps/app_queue.c), applied live from its events so they
 * move between resyncs, and reconciled with QueueStatus at each resync.
 *
 *   AgentConnect        recalc_holdtime(): holdtime = the wait when the queue has no completed or
 *                       abandoned call yet, else (3·holdtime + wait) / 4 (integers); the member is
 *                       in a call (InCall = member->starttime set).
 *   AgentComplete       update_queue(): completed + 1, in the service level when the wait was
 *                       ≤ servicelevel, talktime = the talk of the first completed call, else
 *                       (3·talktime + talk) / 4; the member's CallsTaken + 1 and LastCall = now,
 *                       InCall 0.
 *   QueueCallerAbandon  record_abandoned(): abandoned + 1, in the service level when the wait
 *                       was ≤ servicelevel.
 *   ServicelevelPerf    100 · completed in SL / completed; ServicelevelPerf2 the same over
 *                       completed + abandoned (C floats printed with %2.1f; 0 when nothing counts).
 *
 * These are counters, not values an event sets, so the resync's replay of buffered events could
 * count a call twice (once in QueueStatus, once from its event). `countedBySnapshot` tells which
 * buffered events QueueStatus already holds; their counting part is skipped (README "Resync").
 *
 * One approximation: app_queue decides "within the service level" when the member answers; the
 * console decides it at AgentComplete from that event's HoldTime (bridge start − queue entry),
 * which is later by any announcement played to the member first.
 */
import type { AmiEventOf, AmiTypedEvent } from '../ami/events'
import type { LiveQueue, LiveQueueMember } from '../../../src-preload/types/live'
import { type Draft, type LiveModel, rec } from './model'

/** app_queue's running average (recalc_holdtime, update_queue): the first sample sets it. */
type CounterEvent = AmiEventOf<'AgentConnect'> | AmiEventOf<'AgentComplete'> | AmiEventOf<'QueueCallerAbandon'>

export function runningAverage(old: number, sample: number, first: boolean): number {
  return first ? sample : ((old << 2) - old + sample) >> 2
}

/**
 * `%.1f` of a C float as glibc prints it: the exact binary value rounded to one decimal, ties to
 * even. (x · 10 is exact in a double for a float x, so the tie test is exact.)
 */
function printfOneDecimal(x: number): number {
  const scaled = x * 10
  const lo = Math.floor(scaled)
  const frac = scaled - lo
  const n = frac > 0.5 ? lo + 1 : frac < 0.5 ? lo : lo % 2 === 0 ? lo : lo + 1
  return n / 10
}

/** `100 * ((float) part / (float) whole)` printed with %2.1f, as QueueStatus shows it. */
export function servicePercent(part: number, whole: number): number {
  if (whole <= 0) return 0
  return printfOneDecimal(Math.fround(100 * Math.fround(part / whole)))
}

/** The count behind a printed percentage (QueueStatus gives only the percentage). */
function countFromPercent(percent: number | undefined, whole: number): number {
  if (percent === undefined || whole <= 0) return 0
  const guess = Math.min(whole, Math.max(0, Math.round((percent * whole) / 100)))
  // The nearest count whose percentage prints the same (rounding of large counts).
  for (const k of [guess, guess - 1, guess + 1]) if (k >= 0 && k <= whole && servicePercent(k, whole) === percent) return k
  return guess
}

export function emptyQueue(name: string): LiveQueue {
  return {
    id: name,
    strategy: '',
    max: 0,
    holdtime: 0,
    talkTime: 0,
    completed: 0,
    abandoned: 0,
    serviceLevel: 0,
    serviceLevelPerf: 0,
    serviceLevelPerf2: 0,
    completedInSl: 0,
    abandonedInSl: 0,
    weight: 0,
    members: rec(),
    callers: rec(),
  }
}

/** The queue with its two percentages recomputed from its counts. */
function withPercentages(q: LiveQueue): LiveQueue {
  const cinsl = q.completedInSl ?? 0
  const ainsl = q.abandonedInSl ?? 0
  return {
    ...q,
    serviceLevelPerf: servicePercent(cinsl, q.completed),
    serviceLevelPerf2: servicePercent(cinsl + ainsl, q.completed + q.abandoned),
  }
}

/** QueueParams (a QueueStatus item): the PBX's figures, with the in-SL counts behind its percentages. */
export function applyQueueParams(d: Draft, ev: AmiEventOf<'QueueParams'>): void {
  if (ev.queue === undefined) return
  const q = d.get('queues', ev.queue) ?? emptyQueue(ev.queue)
  const completed = ev.completed ?? q.completed
  const abandoned = ev.abandoned ?? q.abandoned
  const perf = ev.servicelevelPerf ?? q.serviceLevelPerf
  const perf2 = ev.servicelevelPerf2 ?? q.serviceLevelPerf2 ?? 0
  const completedInSl = countFromPercent(perf, completed)
  const abandonedInSl = Math.min(abandoned, Math.max(0, countFromPercent(perf2, completed + abandoned) - completedInSl))
  d.set('queues', ev.queue, {
    ...q,
    strategy: ev.strategy ?? q.strategy,
    max: ev.max ?? q.max,
    holdtime: ev.holdtime ?? q.holdtime,
    talkTime: ev.talkTime ?? q.talkTime,
    completed,
    abandoned,
    serviceLevel: ev.serviceLevel ?? q.serviceLevel,
    serviceLevelPerf: perf,
    serviceLevelPerf2: perf2,
    completedInSl,
    abandonedInSl,
    weight: ev.weight ?? q.weight,
  })
}

function setMember(q: LiveQueue, m: LiveQueueMember): LiveQueue {
  return { ...q, members: Object.assign(rec<LiveQueueMember>(), q.members, { [m.interface]: m }) }
}

/**
 * Counter events of the queues. `counted`: QueueStatus taken at the last resync already holds
 * this event (its counts, and the member's InCall as of then): nothing to apply.
 */
export function applyQueueStatEvent(d: Draft, ev: CounterEvent, t: number, counted: boolean): void {
  if (counted || ev.queue === undefined) return
  const old = d.get('queues', ev.queue)
  if (old === undefined) return
  let q = old
  const inSl = ev.holdTime !== undefined && ev.holdTime <= q.serviceLevel
  switch (ev.event) {
    case 'AgentConnect': {
      if (ev.holdTime !== undefined) q = { ...q, holdtime: runningAverage(q.holdtime, ev.holdTime, q.completed + q.abandoned === 0) }
      const m = ev.interface === undefined ? undefined : q.members[ev.interface]
      if (m !== undefined && !m.inCall) q = setMember(q, { ...m, inCall: true })
      break
    }
    case 'AgentComplete': {
      const completed = q.completed + 1
      q = withPercentages({
        ...q,
        completed,
        completedInSl: (q.completedInSl ?? 0) + (inSl ? 1 : 0),
        talkTime: ev.talkTime === undefined ? q.talkTime : runningAverage(q.talkTime, ev.talkTime, completed === 1),
      })
      // A member whose device went idle first was counted then: update_status() runs
      // update_queue() and reports CallsTaken with InCall 0 before this event.
      const m = ev.interface === undefined ? undefined : q.members[ev.interface]
      if (m?.inCall === true) q = setMember(q, { ...m, inCall: false, callsTaken: m.callsTaken + 1, lastCall: Math.floor(t / 1000) })
      break
    }
    case 'QueueCallerAbandon':
      q = withPercentages({ ...q, abandoned: q.abandoned + 1, abandonedInSl: (q.abandonedInSl ?? 0) + (inSl ? 1 : 0) })
      break
  }
  if (q !== old) d.set('queues', q.id, q)
}

function isCounterEvent(ev: AmiTypedEvent): ev is CounterEvent {
  return ev.event === 'AgentConnect' || ev.event === 'AgentComplete' || ev.event === 'QueueCallerAbandon'
}

export interface CountedOptions {
  /** The model before the resync (the state when the lists were requested). */
  readonly prior: LiveModel | undefined
  /** True when events may have been lost since `prior` (a reconnect): its counts prove nothing. */
  readonly lossy: boolean
  /** How many of `buffered` had arrived when QueueStatus was answered. */
  readonly answeredAfter: number
}

/**
 * The buffered counter events QueueStatus already holds. Events that arrived before its answer
 * happened before it was taken (Asterisk writes a session's pending events before it reads the
 * next action); later ones may or may not be in it. When no event was lost since `prior`, the
 * counts settle it: QueueStatus's completed − prior's completed is how many of the buffered
 * AgentCompletes it holds (abandons alike), which bounds where the snapshot falls in the buffer;
 * the arrival point, kept within those bounds, places the AgentConnects in between.
 */
export function countedBySnapshot(snap: LiveModel, buffered: readonly AmiTypedEvent[], o: CountedOptions): Set<AmiTypedEvent> {
  const byQueue = new Map<string, Array<{ readonly ev: CounterEvent; readonly at: number }>>()
  buffered.forEach((ev, at) => {
    if (!isCounterEvent(ev) || ev.queue === undefined) return
    let list = byQueue.get(ev.queue)
    if (list === undefined) byQueue.set(ev.queue, (list = []))
    list.push({ ev, at })
  })
  const counted = new Set<AmiTypedEvent>()
  for (const [name, list] of byQueue) {
    const s = snap.queues[name]
    const p = o.prior?.queues[name]
    let boundary = o.answeredAfter
    if (s !== undefined && p !== undefined && !o.lossy) {
      const bounds = snapshotBounds(list, s.completed - p.completed, s.abandoned - p.abandoned, buffered.length)
      if (bounds !== undefined) boundary = Math.min(bounds.hi, Math.max(bounds.lo, boundary))
    }
    for (const { ev, at } of list) if (at < boundary) counted.add(ev)
  }
  return counted
}

/** Where the snapshot can fall, given how many completions and abandons it holds; undefined if the counts cannot be (a reset). */
function snapshotBounds(
  list: ReadonlyArray<{ readonly ev: CounterEvent; readonly at: number }>,
  completedIn: number,
  abandonedIn: number,
  end: number,
): { lo: number; hi: number } | undefined {
  const completes = list.filter((x) => x.ev.event === 'AgentComplete').map((x) => x.at)
  const abandons = list.filter((x) => x.ev.event === 'QueueCallerAbandon').map((x) => x.at)
  if (completedIn < 0 || abandonedIn < 0 || completedIn > completes.length || abandonedIn > abandons.length) return undefined
  const after = (xs: readonly number[], n: number): number => (n === 0 ? 0 : (xs[n - 1] as number) + 1)
  const before = (xs: readonly number[], n: number): number => (n < xs.length ? (xs[n] as number) : end)
  const lo = Math.max(after(completes, completedIn), after(abandons, abandonedIn))
  const hi = Math.min(before(completes, completedIn), before(abandons, abandonedIn))
  return lo <= hi ? { lo, hi } : undefined
}
