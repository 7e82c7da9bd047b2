// PBX local time <-> UTC instants with Intl only. Asterisk writes CDR times as
// 'YYYY-MM-DD HH:MM:SS' in the PBX's zone without saying which zone, so the store converts
// them with the profile's IANA zone and keeps UTC instants.

const LOCAL_RE = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?$/;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
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
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** Wall-clock fields of an instant in a zone. */
export function localPartsOf(epochMs: number, timeZone: string): LocalParts {
  const parts = formatterFor(timeZone).formatToParts(new Date(epochMs));
  const get = (type: Intl.DateTimeFormatPartTypes): number => {
    const p = parts.find((x) => x.type === type);
    return p ? Number(p.value) : 0;
  };
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

// Offsets change at most a few times a year; cache them per UTC quarter-hour so a million
// conversions cost a million Map lookups, not a million formatToParts calls.
const offsetCache = new Map<string, number>();
const QUARTER_HOUR = 900_000;

/** Offset of `timeZone` from UTC at an instant, in ms (local = utc + offset). */
export function zoneOffsetMs(epochMs: number, timeZone: string): number {
  const slot = Math.floor(epochMs / QUARTER_HOUR);
  const key = `${timeZone}|${String(slot)}`;
  const hit = offsetCache.get(key);
  if (hit !== undefined) {
    // Offsets only change on whole quarter-hours in every zone in tzdata, so one sample
    // per slot is exact.
    return hit;
  }
  const p = localPartsOf(slot * QUARTER_HOUR, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  const offset = asUtc - slot * QUARTER_HOUR;
  if (offsetCache.size > 50_000) offsetCache.clear();
  offsetCache.set(key, offset);
  return offset;
}

/**
 * Converts PBX wall-clock time to an instant. In a DST fold (the hour that happens twice) it
 * picks the earlier instant; in a DST gap (a time that never happens) it moves forward by the
 * gap, as a wall clock would. Both sources of a CDR go through the same rule, so they agree.
 */
export function localToUtcMs(local: string, timeZone: string): number {
  const m = LOCAL_RE.exec(local.trim());
  if (!m) throw new RangeError(`not a local time 'YYYY-MM-DD HH:MM:SS': ${JSON.stringify(local)}`);
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
  if (Number.isNaN(wall)) throw new RangeError(`invalid local time ${JSON.stringify(local)}`);
  // Candidate instants from the offsets a day before and after cover any single transition.
  const offBefore = zoneOffsetMs(wall - 86_400_000, timeZone);
  const offAfter = zoneOffsetMs(wall + 86_400_000, timeZone);
  const candidates = offBefore === offAfter ? [wall - offBefore] : [wall - offBefore, wall - offAfter].sort((a, b) => a - b);
  for (const t of candidates) {
    if (t + zoneOffsetMs(t, timeZone) === wall) return t;
  }
  // Gap: no instant shows this wall time; shift forward by the jump.
  return wall - Math.min(offBefore, offAfter);
}

/** Accepts a local string (converted in `timeZone`) or epoch ms. Returns whole-second epoch ms. */
export function toUtcMs(value: string | number, timeZone: string): number {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError('time is not a finite number');
    return Math.floor(value / 1000) * 1000;
  }
  return localToUtcMs(value, timeZone);
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** 'YYYY-MM-DD HH:MM:SS' of an instant in a zone (the CDR's own format). */
export function formatLocal(epochMs: number, timeZone: string): string {
  const p = localPartsOf(epochMs, timeZone);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`;
}

/** Throws RangeError unless `timeZone` is a zone Intl knows. */
export function assertTimeZone(timeZone: string): void {
  formatterFor(timeZone);
}
