// Report ranges in the PBX's own calendar (its zone, which main gives with the options): "today"
// at the PBX is what a supervisor means, wherever the console runs. Intl only, no time library.

import { fmt, tr } from '../../i18n'
import { strings } from './strings'

const t = tr(strings)

export type RangePreset = 'today' | 'yesterday' | 'last7' | 'thisMonth'

/** Keys chosen clear of the calls screen add-ons' keys (W, M, E, R, L, B, G are theirs). */
export const PRESETS: readonly { readonly id: RangePreset; readonly key: string }[] = [
  { id: 'today', key: 't' },
  { id: 'yesterday', key: 'y' },
  { id: 'last7', key: '7' },
  { id: 'thisMonth', key: 'c' },
]

/** A preset's name on its button, in the shown language. */
export const presetLabel = (preset: RangePreset): string => t(`preset.${preset}`)

export interface ReportRange {
  readonly from: number
  readonly to: number
}

const DAY = 86_400_000

/** `YYYY-MM-DD` of an instant in the zone. */
export function dayOf(ms: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(ms)
  const get = (t: string): string => parts.find((p) => p.type === t)?.value ?? ''
  return `${get('year')}-${get('month')}-${get('day')}`
}

/** The zone's offset from UTC at that instant, ms (Berlin in winter: +3,600,000). */
function offsetAt(ms: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(ms)
  const n = (t: string): number => Number(parts.find((p) => p.type === t)?.value ?? 0)
  const asUtc = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'))
  return asUtc - Math.floor(ms / 1000) * 1000
}

/** The instant a local day (`YYYY-MM-DD`) starts in the zone (a DST change at midnight moves it forward). */
export function startOfDay(day: string, timeZone: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day)
  if (m === null) return Number.NaN
  const naive = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))
  // Two passes settle the offset on either side of a change.
  let t = naive - offsetAt(naive, timeZone)
  t = naive - offsetAt(t, timeZone)
  return t
}

/** The local day `n` days after `day`. */
export function addDays(day: string, n: number): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day)
  if (m === null) return day
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) + n * DAY)
  return d.toISOString().slice(0, 10)
}

/** A preset's range at the PBX: whole local days, `to` exclusive (today ends at midnight tonight). */
export function presetRange(preset: RangePreset, now: number, timeZone: string): ReportRange {
  const today = dayOf(now, timeZone)
  switch (preset) {
    case 'today':
      return { from: startOfDay(today, timeZone), to: startOfDay(addDays(today, 1), timeZone) }
    case 'yesterday':
      return { from: startOfDay(addDays(today, -1), timeZone), to: startOfDay(today, timeZone) }
    case 'last7':
      return { from: startOfDay(addDays(today, -6), timeZone), to: startOfDay(addDays(today, 1), timeZone) }
    case 'thisMonth':
      return { from: startOfDay(`${today.slice(0, 8)}01`, timeZone), to: startOfDay(addDays(today, 1), timeZone) }
  }
}

/** A custom range from two local days, both included; undefined (with why) when it cannot be one. */
export function customRange(fromDay: string, toDay: string, timeZone: string): ReportRange | { readonly error: string } {
  const from = startOfDay(fromDay, timeZone)
  const to = startOfDay(addDays(toDay, 1), timeZone)
  if (!Number.isFinite(from) || !Number.isFinite(to)) return { error: t('range.pickBoth') }
  if (to <= from) return { error: t('range.reversed') }
  if (to - from > 366 * DAY) return { error: t('range.tooLong') }
  return { from, to }
}

/** Hours for a day or two, days beyond. */
export const bucketFor = (r: ReportRange): 'hour' | 'day' => (r.to - r.from <= 2 * DAY + 3_600_000 ? 'hour' : 'day')

/** Seconds as a supervisor reads them: `42 s`, `3:05`, `1:02:00`; `—` for none. */
export function seconds(s: number | null): string {
  if (s === null) return '—'
  if (s < 60) return `${String(s)} s`
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  const r = s % 60
  return h > 0 ? `${String(h)}:${String(m).padStart(2, '0')}:${String(r).padStart(2, '0')}` : `${String(m)}:${String(r).padStart(2, '0')}`
}

/** A percentage to one decimal at most, in the locale's digits: `23.1 %`, `23,1 %`. */
export const pct = (p: number | null): string => (p === null ? '—' : t('percent', { value: fmt().number(Math.round(p * 10) / 10) }))
