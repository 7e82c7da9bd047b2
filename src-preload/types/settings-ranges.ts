/**
 * The ranges of the whole-number settings, in a module without zod: main's schema validates with
 * them (settings.ts) and the renderer's fields show them, from this one place.
 */
export const SETTING_RANGES = {
  /** Seconds after which a held or parked call is flagged as waiting too long. */
  holdAlertSeconds: { min: 10, max: 3600 },
  /** Seconds after which a ringing call is flagged as ringing too long. */
  ringAlertSeconds: { min: 5, max: 600 },
  /** Days of call history kept in the local cache. */
  historyRetentionDays: { min: 1, max: 3650 },
} as const

export type RangedSetting = keyof typeof SETTING_RANGES
