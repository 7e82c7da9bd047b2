import type { Theme } from '../../../../src-preload/types/settings'
import { SETTING_RANGES, type RangedSetting } from '../../../../src-preload/types/settings-ranges'
import { NumberSetting } from '../../components/NumberSetting'
import { useAppStore } from '../../stores/app-store'

const THEMES: readonly { value: Theme; label: string }[] = [
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
  { value: 'system', label: 'Same as the system' },
]

/** The whole-number settings; their ranges are the ones main's schema validates with. */
const NUMBER_SETTINGS: readonly { key: RangedSetting; label: string }[] = [
  { key: 'holdAlertSeconds', label: 'Flag calls on hold or parked after (seconds)' },
  { key: 'historyRetentionDays', label: 'Keep call history for (days)' },
]

export function SettingsView(): React.JSX.Element {
  const settings = useAppStore((s) => s.settings)
  const info = useAppStore((s) => s.info)
  const updateSettings = useAppStore((s) => s.updateSettings)
  if (settings === null) return <p className="muted">Loading settings…</p>

  return (
    <section className="view" aria-labelledby="settings-title">
      <h1 id="settings-title">Settings</h1>
      <fieldset className="card">
        <legend>Theme</legend>
        <div role="radiogroup" aria-label="Theme" className="segmented">
          {THEMES.map((t) => (
            <label key={t.value} className={settings.theme === t.value ? 'selected' : undefined}>
              <input
                type="radio"
                name="theme"
                value={t.value}
                checked={settings.theme === t.value}
                onChange={() => {
                  void updateSettings({ theme: t.value })
                }}
              />
              {t.label}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="card">
        <legend>Alerts and history</legend>
        {NUMBER_SETTINGS.map((f) => (
          <NumberSetting
            key={f.key}
            label={f.label}
            min={SETTING_RANGES[f.key].min}
            max={SETTING_RANGES[f.key].max}
            value={settings[f.key]}
            onCommit={(n) => {
              void updateSettings({ [f.key]: n })
            }}
          />
        ))}
      </fieldset>
      {info !== null && (
        <p className="muted small">
          Attendant {info.version} · {info.mode === 'web' ? 'web mode' : 'desktop'} · {info.platform}
        </p>
      )}
    </section>
  )
}
