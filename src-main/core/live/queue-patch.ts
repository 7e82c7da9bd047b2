/**
 * A queue that changed goes to windows as a LiveQueueChange (src-preload/types/live-queue-patch.ts):
 * its figures when one of them moved, and only the members and callers that differ. Entries are
 * compared by reference first, then field by field: app_queue repeats QueueMemberStatus for every
 * device state change of a member's phone in each of its queues, mostly with nothing new, and a
 * rebuild after a resync makes new objects of unchanged members — neither is worth a byte on the
 * wire, nor a re-render in the window.
 */
import type { CollectionPatch, LiveQueue, LiveQueueChange } from '../../../src-preload/types/live'
import { queueFigures } from '../../../src-preload/types/live-queue-patch'

/** Same own fields with the same values (entries are flat records of primitives). */
export function sameFields(a: object, b: object): boolean {
  if (a === b) return true
  const ka = Object.keys(a)
  if (ka.length !== Object.keys(b).length) return false
  const ra = a as Record<string, unknown>
  const rb = b as Record<string, unknown>
  for (const k of ka) if (!Object.hasOwn(rb, k) || ra[k] !== rb[k]) return false
  return true
}

/** The entries of `next` that differ from `prev` (whole), and the keys `next` lacks. */
function diffKeyed<E extends object>(prev: Readonly<Record<string, E>>, next: Readonly<Record<string, E>>): CollectionPatch<E> | undefined {
  if (prev === next) return undefined
  const upsert = Object.create(null) as Record<string, E>
  const remove: string[] = []
  let changed = false
  for (const key in next) {
    const e = next[key] as E
    const old = Object.hasOwn(prev, key) ? prev[key] : undefined
    if (old === undefined || !sameFields(old, e)) {
      upsert[key] = e
      changed = true
    }
  }
  for (const key in prev) {
    if (!Object.hasOwn(next, key)) {
      remove.push(key)
      changed = true
    }
  }
  return changed ? { upsert, remove } : undefined
}

/** What turns `prev` into `next` (the same queue), or undefined when a window would see no difference. */
export function diffQueue(prev: LiveQueue, next: LiveQueue): LiveQueueChange | undefined {
  if (prev === next) return undefined
  const figures = queueFigures(next)
  const figuresMoved = !sameFields(queueFigures(prev), figures)
  const members = diffKeyed(prev.members, next.members)
  const callers = diffKeyed(prev.callers, next.callers)
  if (!figuresMoved && members === undefined && callers === undefined) return undefined
  return {
    ...(figuresMoved ? { figures } : {}),
    ...(members === undefined ? {} : { members }),
    ...(callers === undefined ? {} : { callers }),
  }
}
