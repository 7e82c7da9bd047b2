import { RETIRED_ATTENTION_KEYS } from '../../../src-preload/types/attention'
import { SETTING_RANGES } from '../../../src-preload/types/settings-ranges'
import { defaultSettings, settingsSchema, type Settings, type SettingsPatch } from '../../../src-preload/types/settings'
import type { KeyValueStore } from '../storage/kv'

const KEY = 'settings'

/**
 * Operator preferences. Read defensively: a hand-edited or older file keeps every valid field and
 * falls back to defaults for the rest, so a bad value never crashes start-up or loses the others.
 */
export class SettingsService {
  private current: Settings

  constructor(
    private readonly kv: KeyValueStore,
    private readonly onChange: (settings: Settings) => void,
  ) {
    this.current = SettingsService.load(kv)
  }

  private static load(kv: KeyValueStore): Settings {
    const stored = kv.get(KEY)
    if (typeof stored !== 'object' || stored === null) return { ...defaultSettings }
    const current = SettingsService.withoutRetiredKeys(stored as Record<string, unknown>)
    const merged: Record<string, unknown> = { ...defaultSettings }
    const shape = settingsSchema.shape
    for (const key of Object.keys(shape) as (keyof Settings)[]) {
      const value: unknown = current[key]
      if (value !== undefined && shape[key].safeParse(value).success) merged[key] = value
    }
    return settingsSchema.parse(merged)
  }

  /**
   * A file written before attention's wait alert became the ring alert: the strict attention schema
   * would refuse the whole group (sound, volume, notifications) for the retired key, so it is
   * dropped; a file that never set the ring alert takes the wait alert's value when it fits.
   */
  private static withoutRetiredKeys(stored: Record<string, unknown>): Record<string, unknown> {
    const attention = stored.attention
    if (typeof attention !== 'object' || attention === null || Array.isArray(attention)) return stored
    const kept = Object.fromEntries(Object.entries(attention).filter(([key]) => !(RETIRED_ATTENTION_KEYS as readonly string[]).includes(key)))
    const wait = (attention as Record<string, unknown>).waitAlertSeconds
    const { min, max } = SETTING_RANGES.ringAlertSeconds
    const carried = stored.ringAlertSeconds === undefined && Number.isInteger(wait) && (wait as number) >= min && (wait as number) <= max
    return { ...stored, attention: kept, ...(carried ? { ringAlertSeconds: wait } : {}) }
  }

  get(): Settings {
    return { ...this.current }
  }

  /** The patch is validated at the contract edge; this re-parses the merged whole before saving. */
  update(patch: SettingsPatch): Settings {
    const next = settingsSchema.parse({ ...this.current, ...patch })
    this.kv.set(KEY, next)
    this.current = next
    this.onChange(this.get())
    return this.get()
  }
}
