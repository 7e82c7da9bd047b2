/**
 * A queue's callers in line. A caller carries an order, not a position (live.ts): positions are
 * ranks, so the head leaving would renumber everyone behind it, and each would travel again.
 * Every reader that shows or counts positions takes them from here.
 *
 * Pure and dependency-free: main's reducer places joining callers with it, the renderer shows it.
 */
import type { LiveQueue, LiveQueueCaller } from './live'

/** A caller with its place in line (1 = next to be answered). */
export interface CallerInLine {
  readonly caller: LiveQueueCaller
  readonly position: number
}

/** Head first; equal orders (never made by main) by channel id, so every reader agrees. */
function byOrder(a: LiveQueueCaller, b: LiveQueueCaller): number {
  return a.order - b.order || (a.channelId < b.channelId ? -1 : a.channelId > b.channelId ? 1 : 0)
}

/** The callers head first. */
export function callersByOrder(callers: LiveQueue['callers']): LiveQueueCaller[] {
  const list: LiveQueueCaller[] = []
  for (const id in callers) {
    const c = callers[id]
    if (c !== undefined) list.push(c)
  }
  return list.sort(byOrder)
}

const inLineOf = new WeakMap<LiveQueue['callers'], readonly CallerInLine[]>()

/**
 * The callers head first with their positions. Kept per callers object: the renderer makes a new
 * one only when a patch changed the queue's callers, so a view re-rendered for a member's state,
 * or the clock, sorts nothing again.
 */
export function callersInLine(callers: LiveQueue['callers']): readonly CallerInLine[] {
  let line = inLineOf.get(callers)
  if (line === undefined) {
    line = callersByOrder(callers).map((caller, i) => ({ caller, position: i + 1 }))
    inLineOf.set(callers, line)
  }
  return line
}
