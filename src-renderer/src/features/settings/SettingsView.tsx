import { useCallback, useState } from 'react'
import type { HistoryRetentionPreview } from '../../../../src-preload/types/history'
import type { Theme } from '../../../../src-preload/types/settings'
import { SETTING_RANGES, type RangedSetting } from '../../../../src-preload/types/settings-ranges'
import { NumberField } from '../../components/form'
import { useSettingsSections } from '../../components/settings-sections'
import { useAppStore } from '../../stores/app-store'
import { ConfirmRemoval } from './ConfirmRemoval'
import { changeRetention } from './retention-change'

const THEMES: readonly { value: Theme; label: string }[] = [
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
  { value: 'system', label: 'Same as the system' },
]

/**
 * The whole-number settings; their ranges are the ones main's schema validates with. One that
 * deletes data when lowered commits on Enter or leaving the field, after a confirmation.
 */
const NUMBER_SETTINGS: readonly { key: RangedSetting; label: string; deletesData?: true }[] = [
  { key: 'holdAlertSeconds', label: 'Flag calls on hold or parked after (seconds)' },
  { key: 'ringAlertSeconds', label: 'Flag calls ringing longer than (seconds)' },
  { key: 'historyRetentionDays', label: 'Keep call history for (days)', deletesData: true },
]

interface Asking {
  readonly preview: HistoryRetentionPreview
  readonly answer: (yes: boolean) => void
}

/** The removal confirmation as a promise the retention change awaits, and the dialog it shows. */
function useConfirmRemoval(): { asking: Asking | null; ask: (preview: HistoryRetentionPreview) => Promise<boolean> } {
  const [asking, setAsking] = useState<Asking | null>(null)
  const ask = useCallback(
    (preview: HistoryRetentionPreview) =>
      new Promise<boolean>((resolve) => {
        setAsking({
          preview,
          answer: (yes) => {
            setAsking(null)
            resolve(yes)
          },
        })
      }),
    [],
  )
  return { asking, ask }
}

export function SettingsView(): React.JSX.Element {
  const settings = useAppStore((s) => s.settings)
  const info = useAppStore((s) => s.info)
  const updateSettings = useAppStore((s) => s.updateSettings)
  const { asking, ask } = useConfirmRemoval()
  const sections = useSettingsSections()
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
          <NumberField
            key={f.key}
            className="setting"
            label={f.label}
            min={SETTING_RANGES[f.key].min}
            max={SETTING_RANGES[f.key].max}
            value={settings[f.key]}
            commitOn={f.deletesData === true ? 'enter' : 'typing'}
            onCommit={(n) => (f.key === 'historyRetentionDays' ? changeRetention(n, ask) : updateSettings({ [f.key]: n }))}
          />
        ))}
      </fieldset>
      {sections.map(({ id, Section }) => (
        <Section key={id} />
      ))}
      {asking !== null && (
        <ConfirmRemoval
          preview={asking.preview}
          onConfirm={() => {
            asking.answer(true)
          }}
          onCancel={() => {
            asking.answer(false)
          }}
        />
      )}
      {info !== null && (
        <p className="muted small">
          Attendant {info.version} · {info.mode === 'web' ? 'web mode' : 'desktop'} · {info.platform}
        </p>
      )}
    </section>
  )
}
