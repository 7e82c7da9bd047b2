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
    const merged: Record<string, unknown> = { ...defaultSettings }
    const shape = settingsSchema.shape
    for (const key of Object.keys(shape) as (keyof Settings)[]) {
      const value: unknown = (stored as Record<string, unknown>)[key]
      if (value !== undefined && shape[key].safeParse(value).success) merged[key] = value
    }
    return settingsSchema.parse(merged)
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
