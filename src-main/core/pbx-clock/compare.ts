/** What the console asks the PBX: its epoch seconds, UTC offset and zone name, in one Getvar. */
export const CLOCK_FUNCTION = 'STRFTIME(,,%s %z %Z)'

/** `1764968400 +0100 CET` → epoch ms, offset minutes, zone; undefined for anything else. */
export function parseClock(value: string): { epochMs: number; offsetMinutes: number; zone: string } | undefined {
  const m = /^(\d{9,11}) ([+-])(\d{2})(\d{2})(?: (\S*))?\s*$/.exec(value.trim())
  if (m === null) return undefined
  const sign = m[2] === '-' ? -1 : 1
  return { epochMs: Number(m[1]) * 1000, offsetMinutes: sign * (Number(m[3]) * 60 + Number(m[4])), zone: m[5] ?? '' }
}

export { compareClock, zoneOffsetMinutes } from '../../../src-preload/types/pbx-clock'
