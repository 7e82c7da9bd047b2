/**
 * carryOver: what a resync keeps from the model it replaces.
 *
 * Asterisk's lists report where each channel is now, not what happened to it: no hold, no answer
 * time, not the queue, ring group or DID it came through once it left them, join and park times
 * only to the second. A model rebuilt from them alone forgets all of that at every resync (an
 * attended transfer showed "Talking", hold music vanished, "Queue support" went away, timers
 * jumped). So, for every channel the snapshot still lists under the same Uniqueid and name, the
 * rebuilt model takes what the old one knew and the snapshot does not contradict; channels, bridges,
 * memberships, states and caller ids stay the snapshot's.
 *
 * `lossy` (a reconnect: events were lost while the socket was down) limits that to what the
 * snapshot cannot contradict: hold and music stay only while the channel is still up in the same
 * bridge (a channel that moved while the console was away may have been taken off hold: unknown).
 * A periodic resync on a live connection lost nothing: the old model plus the buffered events is
 * the truth, so everything is kept and the replay brings it up to date.
 *
 * Never across a PBX restart (LiveSync compares Asterisk's startup time): nothing is carried then.
 */
import type { LiveChannel, LiveQueue, LiveQueueMember, LiveUnknownFact } from '../../../src-preload/types/live'
import type { Draft, LiveModel } from './model'
import { rec } from './model'
import { carriedOrders } from './queue-line'

export interface CarryOptions {
  readonly lossy: boolean
}

export function carryOver(d: Draft, prior: LiveModel, opts: CarryOptions): void {
  const was = prior.channels
  for (const id in was) {
    const before = was[id]
    const now = d.get('channels', id)
    if (before === undefined || now === undefined || before.name !== now.name) continue
    const next = carriedChannel(before, now, opts)
    // Unchanged: the old object, so the patch after a resync does not resend every channel.
    d.set('channels', id, sameFields(next, before) ? before : next)
    d.touchedChannels.add(id)
  }
  for (const id in prior.queues) {
    const before = prior.queues[id]
    const now = d.get('queues', id)
    if (before !== undefined && now !== undefined) {
      carryCallers(d, before, now)
      carryMemberSince(d, before)
    }
  }
  for (const key in prior.parked) {
    const before = prior.parked[key]
    const now = d.get('parked', key)
    // ParkedCalls gives whole seconds (parked for, seconds left); the old model saw the moments.
    if (before !== undefined && now !== undefined && before.parkeeId === now.parkeeId) {
      d.set('parked', key, { ...now, since: before.since, expiresAt: before.expiresAt, timeoutS: before.timeoutS })
    }
  }
  d.setPriorCalls(prior.calls)
}

function carriedChannel(before: LiveChannel, now: LiveChannel, opts: CarryOptions): LiveChannel {
  const unknown = new Set<LiveUnknownFact>(before.unknown ?? [])
  let answeredAt = before.answeredAt
  if (answeredAt === undefined && now.state === 6 && opts.lossy) unknown.add('answeredAt')
  let hold = { hold: before.hold, holdSince: before.holdSince, moh: before.moh, mohSince: before.mohSince }
  if (opts.lossy && (now.state !== 6 || now.bridgeId !== before.bridgeId)) {
    if (before.hold || before.moh !== undefined) unknown.add('hold')
    hold = { hold: false, holdSince: undefined, moh: now.moh, mohSince: now.mohSince }
  }
  if (answeredAt !== undefined) unknown.delete('answeredAt')
  if (unknown.has('answeredAt')) answeredAt = undefined
  const { unknown: _dropped, ...rest } = now
  const next: LiveChannel = {
    ...rest,
    createdAt: before.createdAt,
    answeredAt,
    ...hold,
    // Where the call came from stays (the snapshot only knows where it is now).
    queue: now.queue ?? before.queue,
    did: before.did ?? now.did,
    ringGroup: before.ringGroup ?? now.ringGroup,
    // Still in the same mailbox: since when is the old model's (the list does not say).
    ...(sameVoicemail(now, before) && before.voicemailSince !== undefined ? { voicemailSince: before.voicemailSince } : {}),
  }
  return unknown.size === 0 ? next : { ...next, unknown: [...unknown].sort() }
}

/** In the same mailbox doing the same (leaving a message, listening) in both models. */
function sameVoicemail(now: LiveChannel, before: LiveChannel): boolean {
  return now.voicemail !== undefined && now.voicemail === before.voicemail && now.voicemailMode === before.voicemailMode
}

/** Equal field by field (arrays element by element): what a window would be sent is the same. */
function sameFields(a: object, b: object): boolean {
  const ra = a as Record<string, unknown>
  const rb = b as Record<string, unknown>
  const keys = Object.keys(ra)
  if (keys.length !== Object.keys(rb).length) return false
  return keys.every((k) => {
    const x = ra[k]
    const y = rb[k]
    if (Array.isArray(x) && Array.isArray(y)) return x.length === y.length && x.every((v, i) => v === y[i])
    return x === y
  })
}

/** Members still in the same state keep since when (QueueStatus does not say); a changed state is unknown. */
function carryMemberSince(d: Draft, before: LiveQueue): void {
  const now = d.get('queues', before.id)
  if (now === undefined) return
  let members: Record<string, LiveQueueMember> | undefined
  for (const iface in now.members) {
    const m = now.members[iface]
    const old = before.members[iface]
    if (m === undefined || old?.stateSince === undefined || m.stateSince !== undefined) continue
    if (old.status !== m.status || old.paused !== m.paused || old.inCall !== m.inCall) continue
    members ??= Object.assign(rec<LiveQueueMember>(), now.members)
    members[iface] = { ...m, stateSince: old.stateSince }
  }
  if (members !== undefined) d.set('queues', now.id, { ...now, members })
}

/**
 * Queue callers still waiting keep the moment they joined (QueueEntry's Wait is whole seconds) and,
 * while the line kept its order, their order (queue-line.ts): a resync then resends no caller.
 */
function carryCallers(d: Draft, before: LiveQueue, now: LiveQueue): void {
  let callers: Record<string, LiveQueue['callers'][string]> | undefined
  const orders = carriedOrders(before.callers, now.callers)
  for (const id in now.callers) {
    const c = now.callers[id]
    if (c === undefined) continue
    const old = Object.hasOwn(before.callers, id) ? before.callers[id] : undefined
    const joinedAt = old?.joinedAt ?? c.joinedAt
    const order = orders?.get(id) ?? c.order
    if (joinedAt === c.joinedAt && order === c.order) continue
    callers ??= Object.assign(rec<LiveQueue['callers'][string]>(), now.callers)
    const next = { ...c, joinedAt, order }
    callers[id] = old !== undefined && sameFields(next, old) ? old : next
  }
  if (callers !== undefined) d.set('queues', now.id, { ...now, callers })
}
