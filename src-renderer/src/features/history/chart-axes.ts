/** The History chart's axes: what range it covers, where its ticks go, in the words shown (the user's locale). */
import { fmt, tr } from '../../i18n'
import { strings } from './strings'

const t = tr(strings)

const HOUR = 3_600_000
const DAY = 86_400_000

/** The smallest 1, 2 or 5 × 10^n at or above `n` (the y axis's top), at least 1. */
export function niceCeiling(n: number): number {
  if (n <= 1) return 1
  const power = 10 ** Math.floor(Math.log10(n))
  for (const step of [1, 2, 5, 10]) if (step * power >= n) return step * power
  return 10 * power
}

/** The y axis: 0, the middle and the top, as counts of calls (the middle only when it is whole). */
export function yTicks(maxCount: number): number[] {
  const top = niceCeiling(maxCount)
  return top % 2 === 0 ? [0, top / 2, top] : [0, top]
}

export interface XTick {
  /** Where along the range, 0-100 %. */
  readonly at: number
  readonly label: string
}

const dayLabel = (ms: number): string => fmt().dayMonth(ms)
const hourLabel = (ms: number): string => fmt().custom(ms, { hour: '2-digit', minute: '2-digit' })

/**
 * Ticks at local hour or day boundaries inside [from, to): every 6 hours for an hourly chart, else
 * enough days that at most 8 labels show. Midnight on an hourly chart is labelled with its date.
 */
export function xTicks(from: number, to: number, bucket: 'hour' | 'day'): XTick[] {
  const span = Math.max(1, to - from)
  const ticks: XTick[] = []
  const at = (ms: number): number => ((ms - from) / span) * 100
  if (bucket === 'hour') {
    const first = new Date(from)
    first.setMinutes(0, 0, 0)
    for (let t = first.getTime(); t < to; t += HOUR) {
      if (t < from) continue
      const h = new Date(t).getHours()
      if (h % 6 !== 0) continue
      ticks.push({ at: at(t), label: h === 0 ? dayLabel(t) : hourLabel(t) })
    }
    return ticks
  }
  const days = Math.max(1, Math.round(span / DAY))
  const every = Math.max(1, Math.ceil(days / 8))
  const start = new Date(from)
  start.setHours(0, 0, 0, 0)
  let i = 0
  for (let d = new Date(start); d.getTime() < to; d.setDate(d.getDate() + 1), i++) {
    if (d.getTime() < from || i % every !== 0) continue
    ticks.push({ at: at(d.getTime()), label: dayLabel(d.getTime()) })
  }
  return ticks
}

/** The bar's hour or day, as its tooltip says it ("6 Dec, 14:00" / "6 Dec 2026"). */
export function bucketText(start: number, bucket: 'hour' | 'day'): string {
  return bucket === 'hour' ? fmt().custom(start, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }) : fmt().date(start)
}

/** The filter's range in words: "6 Dec 2026" for one day, "30 Nov – 6 Dec 2026" for several (`to` is exclusive). */
export function rangeText(from: number, to: number): string {
  const last = new Date(Math.max(from, to - 1))
  const first = new Date(from)
  const full: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' }
  if (first.toDateString() === last.toDateString()) return fmt().custom(first.getTime(), full)
  const sameYear = first.getFullYear() === last.getFullYear()
  const head = sameYear ? fmt().dayMonth(first.getTime()) : fmt().custom(first.getTime(), full)
  return t('chart.range', { first: head, last: fmt().custom(last.getTime(), full) })
}
