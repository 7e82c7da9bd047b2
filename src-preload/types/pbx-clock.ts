import { z } from 'zod'
import { profileIdSchema } from './profile-id'
import type { ClockWords } from '../i18n/strings/pbx-clock'

export const pbxClockReadInputSchema = z.strictObject({ profileId: profileIdSchema })

/** The PBX's clock as it answered, and how it compares with the profile's Time zone and this computer's clock. */
export interface PbxClockView {
  /** The PBX's offset from UTC now, in minutes (+60 for CET). */
  readonly pbxOffsetMinutes: number
  /** The PBX's zone abbreviation as it names it (CET, UTC …); may be empty. */
  readonly pbxZone: string
  /** The profile's Time zone's offset at the same instant. */
  readonly profileOffsetMinutes: number
  /** The PBX's clock minus this computer's, in seconds (a PBX or a console whose clock is wrong). */
  readonly skewSeconds: number
  /** The PBX's clock as it answered (epoch ms) and this computer's clock then: to compare another zone by the same rule. */
  readonly pbxEpochMs: number
  readonly readAt: number
  /** Plain words when the profile's zone or the clocks disagree; undefined when all agree. */
  readonly warning?: string
}

/** The offset from UTC of an IANA zone at an instant, in minutes. */
export function zoneOffsetMinutes(timeZone: string, at: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(new Date(at))
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? '0')
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'))
  return Math.round((asUtc - Math.floor(at / 60_000) * 60_000) / 60_000)
}

const offsetText = (minutes: number): string => {
  if (minutes === 0) return 'UTC'
  const sign = minutes < 0 ? '−' : '+'
  const abs = Math.abs(minutes)
  return `UTC${sign}${String(Math.floor(abs / 60))}${abs % 60 === 0 ? '' : `:${String(abs % 60).padStart(2, '0')}`}`
}

/** A clock this far off the console's is worth saying (history times and timers would be off by it). */
const SKEW_LIMIT_S = 60

/**
 * The PBX's clock against a profile's Time zone (main for the saved one, the editor for the typed one) and this computer's clock,
 * with the warning in the caller's words (main's `say`, a window's `tr`) of i18n/strings/pbx-clock.ts.
 */
export function compareClock(
  clock: { epochMs: number; offsetMinutes: number; zone: string },
  timeZone: string,
  now: number,
  words: ClockWords,
): PbxClockView {
  const profileOffsetMinutes = zoneOffsetMinutes(timeZone, clock.epochMs)
  const skewSeconds = Math.round((clock.epochMs - now) / 1000)
  const warnings: string[] = []
  if (profileOffsetMinutes !== clock.offsetMinutes) {
    const named = clock.zone !== '' && clock.zone !== 'UTC' && clock.zone !== 'GMT'
    const pbx = `${named ? `${clock.zone}, ` : ''}${offsetText(clock.offsetMinutes)}`
    warnings.push(words('zoneDiffers', { pbx, zone: timeZone, offset: offsetText(profileOffsetMinutes) }))
  }
  if (Math.abs(skewSeconds) > SKEW_LIMIT_S) {
    const seconds = Math.abs(skewSeconds)
    const ahead = skewSeconds > 0
    warnings.push(
      seconds >= 120
        ? words(ahead ? 'aheadMinutes' : 'behindMinutes', { count: Math.round(seconds / 60) })
        : words(ahead ? 'aheadSeconds' : 'behindSeconds', { count: seconds }),
    )
  }
  return {
    pbxEpochMs: clock.epochMs,
    readAt: now,
    pbxOffsetMinutes: clock.offsetMinutes,
    pbxZone: clock.zone,
    profileOffsetMinutes,
    skewSeconds,
    ...(warnings.length === 0 ? {} : { warning: warnings.join(' ') }),
  }
}
