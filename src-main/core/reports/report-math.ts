// The parts of a report that are arithmetic rather than SQL: percentages and pause time.

/** A share in percent with one decimal; null when there is nothing to divide by. */
export function percent(part: number, whole: number): number | null {
  if (whole <= 0) return null
  return Math.round((part / whole) * 1000) / 10
}

/** A member's pause state changing in one queue (a pause, an unpause, or its removal, which ends a pause). */
export interface PauseMark {
  readonly agent: string
  readonly queue: string
  readonly at: number
  readonly paused: boolean
  readonly reason: string
}

interface Span {
  readonly from: number
  readonly to: number
}

/** Total length of spans once overlaps are merged. */
function unionLength(spans: Span[]): number {
  spans.sort((a, b) => a.from - b.from)
  let total = 0
  let curFrom = -Infinity
  let curTo = -Infinity
  for (const s of spans) {
    if (s.from > curTo) {
      if (curTo > curFrom) total += curTo - curFrom
      curFrom = s.from
      curTo = s.to
    } else if (s.to > curTo) curTo = s.to
  }
  if (curTo > curFrom) total += curTo - curFrom
  return total
}

/**
 * Seconds each member was paused between `from` and `end`, in all and per reason. A member paused
 * in all queues at once (QueuePause without a queue: one event per queue) is paused once, not once
 * per queue: the time is the union over its queues. A pause that changes reason while paused ends
 * the first reason's time there. Marks come in time order; a pause still running at `end` counts up to it.
 */
export function pauseTotals(
  marks: readonly PauseMark[],
  from: number,
  end: number,
): Map<string, { total: number; byReason: { reason: string; seconds: number }[] }> {
  const open = new Map<string, { at: number; reason: string }>()
  const spans = new Map<string, { reason: string; span: Span }[]>()
  const close = (agent: string, key: string, at: number): void => {
    const o = open.get(key)
    if (o === undefined) return
    open.delete(key)
    const a = Math.max(from, o.at)
    const b = Math.min(end, at)
    if (b <= a) return
    const list = spans.get(agent) ?? []
    list.push({ reason: o.reason, span: { from: a, to: b } })
    spans.set(agent, list)
  }
  for (const m of marks) {
    const key = `${m.agent}\u0000${m.queue}`
    close(m.agent, key, m.at)
    if (m.paused) open.set(key, { at: m.at, reason: m.reason })
  }
  for (const key of [...open.keys()]) close(key.slice(0, key.indexOf('\u0000')), key, end)
  const out = new Map<string, { total: number; byReason: { reason: string; seconds: number }[] }>()
  for (const [agent, list] of spans) {
    const reasons = new Map<string, Span[]>()
    for (const { reason, span } of list) reasons.set(reason, [...(reasons.get(reason) ?? []), span])
    const byReason = [...reasons]
      .map(([reason, s]) => ({ reason, seconds: Math.round(unionLength(s) / 1000) }))
      .sort((a, b) => b.seconds - a.seconds || a.reason.localeCompare(b.reason))
    out.set(agent, { total: Math.round(unionLength(list.map((l) => l.span)) / 1000), byReason })
  }
  return out
}
