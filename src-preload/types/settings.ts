import { z } from 'zod'
import { languageSettingSchema } from '../i18n/languages'
import { attentionSettingsSchema, defaultAttentionSettings, defaultDesktopSettings, desktopSettingsSchema } from './attention'
import { SETTING_RANGES } from './settings-ranges'
import { refusal } from './input-words'

export const themeSchema = z.enum(['light', 'dark', 'system'])
export type Theme = z.infer<typeof themeSchema>

/** Bounds of a seat's lamp groups (the settings file stays small whatever a window sends). */
export const LAMP_GROUP_LIMITS = { groups: 24, name: 40, extensions: 1000, profiles: 100 } as const

/** A lamp group of a seat (a department, favourites): its extensions in the order the operator arranged them. */
export const lampGroupSchema = z.strictObject({
  name: z
    .string()
    .min(1)
    .max(LAMP_GROUP_LIMITS.name)
    .regex(/^[^\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]+$/u, refusal('settings.groupName')),
  extensions: z
    .array(z.string().regex(/^\d{1,10}$/, refusal('settings.extensions')))
    .max(LAMP_GROUP_LIMITS.extensions)
    .refine((list) => new Set(list).size === list.length, refusal('settings.extensionOnce')),
})
export type LampGroup = z.infer<typeof lampGroupSchema>

/** One seat's lamps: its groups in their order, and the one shown (absent: every extension). */
export const seatLampsSchema = z.strictObject({
  groups: z
    .array(lampGroupSchema)
    .max(LAMP_GROUP_LIMITS.groups)
    .refine((groups) => new Set(groups.map((g) => g.name.toLowerCase())).size === groups.length, refusal('settings.groupNamesDiffer')),
  shown: z.string().min(1).max(LAMP_GROUP_LIMITS.name).optional(),
})
export type SeatLamps = z.infer<typeof seatLampsSchema>

/** Operator-level preferences, persisted by main and pushed to every window. */
export const settingsSchema = z.strictObject({
  theme: themeSchema,
  /** The language of every screen, menu and notification ('system' follows the operating system, or the browser in web mode). */
  language: languageSettingSchema,
  /** Which PBX profile the console shows; null until one exists. */
  activeProfileId: z.string().min(1).max(64).nullable(),
  /** Seconds after which a held or parked call is flagged as waiting too long. */
  holdAlertSeconds: z.number().int().min(SETTING_RANGES.holdAlertSeconds.min).max(SETTING_RANGES.holdAlertSeconds.max),
  /** Seconds after which a ringing call is flagged as ringing too long. */
  ringAlertSeconds: z.number().int().min(SETTING_RANGES.ringAlertSeconds.min).max(SETTING_RANGES.ringAlertSeconds.max),
  /** Days of call history kept in the local cache. */
  historyRetentionDays: z.number().int().min(SETTING_RANGES.historyRetentionDays.min).max(SETTING_RANGES.historyRetentionDays.max),
  /**
   * Each seat's lamp groups, by PBX profile id (a profile is one seat: its own extension and role),
   * kept by main so every window and both shells show the same arrangement after a reload.
   */
  lampGroups: z
    .record(z.string().min(1).max(64), seatLampsSchema)
    .refine((seats) => Object.keys(seats).length <= LAMP_GROUP_LIMITS.profiles, refusal('settings.tooManyProfiles')),
  /** Notifications, sound and the alert thresholds (see types/attention.ts). */
  attention: attentionSettingsSchema,
  /** The desktop window and the dial shortcut. */
  desktop: desktopSettingsSchema,
})
export type Settings = z.infer<typeof settingsSchema>

export const settingsPatchSchema = settingsSchema.partial().strict()
export type SettingsPatch = z.infer<typeof settingsPatchSchema>

/**
 * settings.set's input: a patch, and, when a shorter history retention would remove cached
 * calls, how many removals the operator confirmed (history.retentionPreview's count). Main
 * refuses such a change without it, or when it would now remove more than was confirmed.
 */
export const settingsSetInputSchema = settingsSchema
  .partial()
  .extend({ confirmHistoryRemoval: z.number().int().min(0).optional() })
  .strict()
export type SettingsSetInput = z.infer<typeof settingsSetInputSchema>

export const defaultSettings: Settings = {
  theme: 'system',
  language: 'system',
  activeProfileId: null,
  holdAlertSeconds: 60,
  ringAlertSeconds: 20,
  historyRetentionDays: 90,
  lampGroups: {},
  attention: defaultAttentionSettings,
  desktop: defaultDesktopSettings,
}

export interface AppInfo {
  readonly name: string
  readonly version: string
  readonly platform: string
  /** 'electron' in the desktop app, 'web' in web mode (browser over the loopback WebSocket). */
  readonly mode: 'electron' | 'web'
  /** True while the built-in demo PBX is the one the console talks to. */
  readonly demo: boolean
  /** Profile id of the built-in demo PBX, when it runs. */
  readonly demoProfileId?: string
}
