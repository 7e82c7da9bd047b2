/**
 * Queues change in part: a member's state, a caller joining or leaving. Sending the whole queue
 * for each (its ~20 members and every waiting caller) made queues ~87 of ~115 KB of each live
 * patch under a call centre's load (bench:wallboard), to serialise, send, parse and apply, and
 * every tile and agent row of that queue re-rendered. So a queue the window already has travels
 * as a LiveQueueChange: its own figures when one of them moved, and only the members and callers
 * that changed (whole), the removed ones by key. Applying one keeps every untouched member and
 * caller object as it was, so memoised rows skip them.
 *
 * Pure and dependency-free: main merges changes (live-flow.ts), the renderer applies them
 * (stores/live-tables.ts), tests use both.
 */
import type { CollectionPatch, LiveQueue, LiveQueueCaller, LiveQueueChange, LiveQueueFigures, LiveQueueMember, LiveQueuesPatch } from './live'

/** Null prototype: keys are PBX-supplied (an interface or channel id `__proto__` stays data). */
function copyOf<E>(record: Readonly<Record<string, E>>): Record<string, E> {
  return Object.assign(Object.create(null) as Record<string, E>, record)
}

/** A keyed Record after one patch (removals first, then upserts); the same object when nothing changed. */
export function applyKeyed<E>(current: Readonly<Record<string, E>>, patch: CollectionPatch<E> | undefined): Readonly<Record<string, E>> {
  if (patch === undefined) return current
  let next: Record<string, E> | undefined
  for (const key of patch.remove) {
    if (next === undefined && !Object.hasOwn(current, key)) continue
    next ??= copyOf(current)
    // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- a Record keyed by interface or channel id
    delete next[key]
  }
  for (const key in patch.upsert) {
    const e = patch.upsert[key]
    if (e === undefined) continue
    next ??= copyOf(current)
    next[key] = e
  }
  return next ?? current
}

/** One keyed patch doing what `first` then `second` do (the later entry wins; a removal cancels an upsert). */
export function mergeKeyed<E>(first: CollectionPatch<E> | undefined, second: CollectionPatch<E> | undefined): CollectionPatch<E> | undefined {
  if (first === undefined) return second
  if (second === undefined) return first
  const upsert = copyOf(first.upsert)
  const remove = new Set(first.remove)
  for (const key of second.remove) {
    // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- a Record keyed by interface or channel id
    delete upsert[key]
    remove.add(key)
  }
  for (const key in second.upsert) {
    const e = second.upsert[key]
    if (e !== undefined) upsert[key] = e
  }
  return { upsert, remove: [...remove] }
}

/** The queue's own figures: everything but its members and callers. */
export function queueFigures(q: LiveQueue): LiveQueueFigures {
  const { members: _members, callers: _callers, ...figures } = q
  return figures
}

/** The queue after `change`; untouched members and callers keep their identity. */
export function applyQueueChange(q: LiveQueue, change: LiveQueueChange): LiveQueue {
  const members = applyKeyed<LiveQueueMember>(q.members, change.members)
  const callers = applyKeyed<LiveQueueCaller>(q.callers, change.callers)
  if (change.figures === undefined && members === q.members && callers === q.callers) return q
  return { ...(change.figures ?? queueFigures(q)), id: q.id, members, callers }
}

/** One change doing what `first` then `second` do to the same queue. */
export function mergeQueueChange(first: LiveQueueChange, second: LiveQueueChange): LiveQueueChange {
  const figures = second.figures ?? first.figures
  const members = mergeKeyed(first.members, second.members)
  const callers = mergeKeyed(first.callers, second.callers)
  return {
    ...(figures === undefined ? {} : { figures }),
    ...(members === undefined ? {} : { members }),
    ...(callers === undefined ? {} : { callers }),
  }
}

/** Entries one change carries (figures count as one): what a held patch's bound counts. */
export function queueChangeSize(change: LiveQueueChange): number {
  let n = change.figures === undefined ? 0 : 1
  for (const part of [change.members, change.callers]) {
    if (part === undefined) continue
    n += part.remove.length
    for (const _ in part.upsert) n++
  }
  return n
}

/**
 * A queues collection after several patches, in order: per patch its removals, then its whole
 * queues, then its changes to queues the collection has. A change to a queue it lacks cannot
 * follow a patch stream in order (main sends one only for a queue the window was sent) and is
 * skipped. The same object when nothing changed; otherwise a copy made once.
 */
export function applyQueuesPatches(
  current: Readonly<Record<string, LiveQueue>>,
  patches: readonly (LiveQueuesPatch | undefined)[],
): Readonly<Record<string, LiveQueue>> {
  let next: Record<string, LiveQueue> | undefined
  for (const patch of patches) {
    if (patch === undefined) continue
    const read = next ?? current
    for (const id of patch.remove) {
      if (!Object.hasOwn(read, id)) continue
      next ??= copyOf(current)
      // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- a Record keyed by queue name
      delete next[id]
    }
    for (const id in patch.upsert) {
      const q = patch.upsert[id]
      if (q === undefined) continue
      next ??= copyOf(current)
      next[id] = q
    }
    for (const id in patch.change ?? {}) {
      const change = patch.change?.[id]
      const before = Object.hasOwn(next ?? current, id) ? (next ?? current)[id] : undefined
      if (change === undefined || before === undefined) continue
      const after = applyQueueChange(before, change)
      if (after === before) continue
      next ??= copyOf(current)
      next[id] = after
    }
  }
  return next ?? current
}
