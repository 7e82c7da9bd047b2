// PBX local time <-> UTC instants with Intl only. Asterisk writes CDR times as
// 'YYYY-MM-DD HH:MM:SS' in the PBX's zone without saying which zone, so the store converts
// them with the profile's IANA zone and keeps UTC instants.

const LOCAL_RE = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?$/

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone)
  if (!f) {
    // Throws RangeError for an unknown zone, which is what callers should see.
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
    formatters.set(timeZone, f)
  }
  return f
}

export interface LocalParts {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
}

/** Wall-clock fields of an instant in a zone. */
export function localPartsOf(epochMs: number, timeZone: string): LocalParts {
  const parts = formatterFor(timeZone).formatToParts(new Date(epochMs))
  const get = (type: Intl.DateTimeFormatPartTypes): number => {
    const p = parts.find((x) => x.type === type)
    return p ? Number(p.value) : 0
  }
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') }
}

// Offsets change at most a few times a year; cache them per zone and UTC quarter-hour so a
// million conversions cost a few million Map lookups, not a million formatToParts calls.
const offsetCache = new Map<string, Map<number, number>>()
const QUARTER_HOUR = 900_000

/** Offset of `timeZone` from UTC at an instant, in ms (local = utc + offset). */
export function zoneOffsetMs(epochMs: number, timeZone: string): number {
  let zone = offsetCache.get(timeZone)
  if (!zone) {
    zone = new Map()
    offsetCache.set(timeZone, zone)
  }
  const slot = Math.floor(epochMs / QUARTER_HOUR)
  const hit = zone.get(slot)
  // tzdata transitions fall on whole quarter-hours (since 1970), so one sample per slot is exact.
  if (hit !== undefined) return hit
  const p = localPartsOf(slot * QUARTER_HOUR, timeZone)
  const offset = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - slot * QUARTER_HOUR
  if (zone.size > 100_000) zone.clear()
  zone.set(slot, offset)
  return offset
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
  return month === 2 && leap ? 29 : (MONTH_DAYS[month - 1] ?? 31)
}

const digit = (s: string, i: number): number => {
  const c = s.charCodeAt(i) - 48
  return c >= 0 && c <= 9 ? c : NaN
}
const num2 = (s: string, i: number): number => digit(s, i) * 10 + digit(s, i + 1)

// The last date parsed: the times of one CDR, and of CDRs in a batch, mostly share their date.
let lastDate = ''
let lastDateMs = NaN

/** Date.UTC of the 'YYYY-MM-DD' at the start of `s`, NaN if it is no calendar date. */
function dateMs(s: string): number {
  if (lastDate !== '' && s.startsWith(lastDate)) return lastDateMs
  const y = num2(s, 0) * 100 + num2(s, 2)
  const mo = num2(s, 5)
  const d = num2(s, 8)
  // Date.UTC would roll 2026-02-31 over into March; a real CDR never says that.
  if (!(mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo))) return NaN
  lastDate = s.slice(0, 10)
  lastDateMs = Date.UTC(y, mo - 1, d)
  return lastDateMs
}

/** Parses 'YYYY-MM-DD HH:MM:SS' (or with 'T', optional fraction) as if it were UTC. NaN if malformed. */
function wallClockMs(local: string): number {
  const s = local.trim()
  if (s.length === 19 && s[4] === '-' && s[7] === '-' && (s[10] === ' ' || s[10] === 'T') && s[13] === ':' && s[16] === ':') {
    // Fast path for the exact CDR format: no regex, no allocation.
    const h = num2(s, 11)
    const mi = num2(s, 14)
    const se = num2(s, 17)
    if (!(h <= 23 && mi <= 59 && se <= 59)) return NaN
    return dateMs(s) + ((h * 60 + mi) * 60 + se) * 1000
  }
  const m = LOCAL_RE.exec(s)
  return m ? wallClockMs(`${m[1] ?? ''}-${m[2] ?? ''}-${m[3] ?? ''} ${m[4] ?? ''}:${m[5] ?? ''}:${m[6] ?? ''}`) : NaN
}

// The last quarter-hour of wall time converted without a transition near it, and its offset:
// every wall time in that quarter-hour converts with the same offset (see localToUtcMs).
let lastZone = ''
let lastWallSlot = NaN
let lastOffset = 0

/**
 * Converts PBX wall-clock time to an instant. In a DST fold (the hour that happens twice) it
 * picks the earlier instant; in a DST gap (a time that never happens) it moves forward by the
 * gap, as a wall clock would. Both sources of a CDR go through the same rule, so they agree.
 */
export function localToUtcMs(local: string, timeZone: string): number {
  const wall = wallClockMs(local)
  if (Number.isNaN(wall)) throw new RangeError(`not a local time 'YYYY-MM-DD HH:MM:SS': ${JSON.stringify(local)}`)
  // Wall times of one quarter-hour read the same two cached offsets below (a day is a whole
  // number of quarter-hours), so the answer for the slot can be reused as it is.
  const wallSlot = Math.floor(wall / QUARTER_HOUR)
  if (wallSlot === lastWallSlot && timeZone === lastZone) return wall - lastOffset
  // The offsets a day before and after bracket any single transition.
  const offBefore = zoneOffsetMs(wall - 86_400_000, timeZone)
  const offAfter = zoneOffsetMs(wall + 86_400_000, timeZone)
  if (offBefore === offAfter) {
    lastZone = timeZone
    lastWallSlot = wallSlot
    lastOffset = offBefore
    return wall - offBefore
  }
  const candidates = [wall - offBefore, wall - offAfter].sort((a, b) => a - b)
  for (const t of candidates) {
    if (t + zoneOffsetMs(t, timeZone) === wall) return t
  }
  // Gap: no instant shows this wall time; shift forward by the jump.
  return wall - Math.min(offBefore, offAfter)
}

/** Accepts a local string (converted in `timeZone`) or epoch ms. Returns whole-second epoch ms. */
export function toUtcMs(value: string | number, timeZone: string): number {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError('time is not a finite number')
    return Math.floor(value / 1000) * 1000
  }
  return localToUtcMs(value, timeZone)
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0')

/** 'YYYY-MM-DD HH:MM:SS' of an instant in a zone (the CDR's own format). */
export function formatLocal(epochMs: number, timeZone: string): string {
  // The cached offset turns this into date arithmetic: an export formats three times per row.
  const d = new Date(epochMs + zoneOffsetMs(epochMs, timeZone))
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
}

/** Throws RangeError unless `timeZone` is a zone Intl knows. */
export function assertTimeZone(timeZone: string): void {
  formatterFor(timeZone)
}
