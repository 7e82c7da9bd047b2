import { z } from 'zod'
import { attentionSettingsSchema, defaultAttentionSettings, defaultDesktopSettings, desktopSettingsSchema } from './attention'
import { SETTING_RANGES } from './settings-ranges'

export const themeSchema = z.enum(['light', 'dark', 'system'])
export type Theme = z.infer<typeof themeSchema>

/** Operator-level preferences, persisted by main and pushed to every window. */
export const settingsSchema = z.strictObject({
  theme: themeSchema,
  /** Which PBX profile the console shows; null until one exists. */
  activeProfileId: z.string().min(1).max(64).nullable(),
  /** Seconds after which a held or parked call is flagged as waiting too long. */
  holdAlertSeconds: z.number().int().min(SETTING_RANGES.holdAlertSeconds.min).max(SETTING_RANGES.holdAlertSeconds.max),
  /** Days of call history kept in the local cache. */
  historyRetentionDays: z.number().int().min(SETTING_RANGES.historyRetentionDays.min).max(SETTING_RANGES.historyRetentionDays.max),
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
  activeProfileId: null,
  holdAlertSeconds: 60,
  historyRetentionDays: 90,
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
