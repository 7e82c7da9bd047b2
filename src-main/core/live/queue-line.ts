/**
 * Where a caller joining a queue stands in line. A caller keeps an order, not a position
 * (src-preload/types/live.ts): app_queue's `Position` is a rank, so when the head of a long queue
 * was answered every caller behind it moved up one and travelled to every window again (≈ 4–5 KiB
 * of each live flush under a call centre's load, bench:wallboard). Orders only grow: a caller
 * joining behind everyone (app_queue's usual case) takes the next one and no other caller changes;
 * the head leaving is its removal alone. Only a caller placed ahead of others (a higher priority,
 * app_queue's `QUEUE_PRIO`) numbers the line again, 1…n.
 */
import type { LiveQueue, LiveQueueCaller } from '../../../src-preload/types/live'
import { callersByOrder } from '../../../src-preload/types/live-queue-callers'
import { rec } from './model'

type Callers = LiveQueue['callers']

function lastOrder(callers: Callers, except: string): number {
  let last = 0
  for (const id in callers) {
    const c = callers[id]
    if (c !== undefined && id !== except && c.order > last) last = c.order
  }
  return last
}

/**
 * The queue's callers with `entry` in line at app_queue's `position` (1 = head), or where it
 * already stood when the PBX gave none. Callers whose order did not move keep their objects.
 */
export function placeInLine(callers: Callers, entry: Omit<LiveQueueCaller, 'order'>, position: number | undefined): Callers {
  const id = entry.channelId
  const old = Object.hasOwn(callers, id) ? callers[id] : undefined
  const others = Object.keys(callers).length - (old === undefined ? 0 : 1)
  let order: number | undefined
  if (position === undefined) order = old?.order ?? lastOrder(callers, id) + 1
  else if (position - 1 >= others) {
    // Behind everyone: where it was if that is already behind the others, else past the last.
    const last = lastOrder(callers, id)
    order = old !== undefined && old.order > last ? old.order : last + 1
  }
  if (order !== undefined) return Object.assign(rec<LiveQueueCaller>(), callers, { [id]: { ...entry, order } })
  // Ahead of others: the line numbered again with the caller at its place.
  const line = callersByOrder(callers).filter((c) => c.channelId !== id)
  const at = Math.max(0, (position ?? 1) - 1)
  const next = rec<LiveQueueCaller>()
  const placed: (LiveQueueCaller | Omit<LiveQueueCaller, 'order'>)[] = [...line.slice(0, at), entry, ...line.slice(at)]
  placed.forEach((c, i) => {
    next[c.channelId] = c === entry ? { ...entry, order: i + 1 } : 'order' in c && c.order === i + 1 ? c : { ...c, order: i + 1 }
  })
  return next
}

/**
 * After a resync, the callers' orders as the old model had them when the line kept its order (the
 * callers it knew in the same order, every new one behind them): then a resync sends none of them
 * again. Otherwise the resync's own numbering (the PBX's positions) stands.
 */
export function carriedOrders(before: Callers, now: Callers): ReadonlyMap<string, number> | undefined {
  const line = callersByOrder(now)
  const orders = new Map<string, number>()
  let last = 0
  let newSeen = false
  for (const c of line) {
    const old = Object.hasOwn(before, c.channelId) ? before[c.channelId] : undefined
    if (old === undefined) {
      newSeen = true
      continue
    }
    if (newSeen || old.order <= last) return undefined
    last = old.order
    orders.set(c.channelId, old.order)
  }
  for (const c of line) if (!orders.has(c.channelId)) orders.set(c.channelId, ++last)
  return orders
}
