import { useCallback, useId, useState } from 'react'
import type { HistoryRetentionPreview } from '../../../../src-preload/types/history'
import { LANGUAGE_NAMES, LANGUAGES } from '../../../../src-preload/i18n/languages'
import type { LanguageSetting } from '../../../../src-preload/i18n/languages'
import type { Theme } from '../../../../src-preload/types/settings'
import { SETTING_RANGES, type RangedSetting } from '../../../../src-preload/types/settings-ranges'
import { NumberField } from '../../components/form'
import { useSettingsSections } from '../../components/settings-sections'
import { currentLanguage, tr } from '../../i18n'
import { useAppStore } from '../../stores/app-store'
import { ConfirmRemoval } from './ConfirmRemoval'
import { changeRetention } from './retention-change'
import { strings } from './strings'

const t = tr(strings)

const THEMES: readonly { value: Theme; label: () => string }[] = [
  { value: 'light', label: () => t('themeLight') },
  { value: 'dark', label: () => t('themeDark') },
  { value: 'system', label: () => t('themeSystem') },
]

/**
 * The whole-number settings; their ranges are the ones main's schema validates with. One that
 * deletes data when lowered commits on Enter or leaving the field, after a confirmation.
 */
const NUMBER_SETTINGS: readonly { key: RangedSetting; label: () => string; deletesData?: true }[] = [
  { key: 'holdAlertSeconds', label: () => t('holdAlert') },
  { key: 'ringAlertSeconds', label: () => t('ringAlert') },
  { key: 'historyRetentionDays', label: () => t('retention'), deletesData: true },
]

/**
 * Each language named in itself, so a person who cannot read the current one still finds theirs. Laid
 * out as the other settings rows are (Field's markup, `.form-field.setting`: the label, a gap, the
 * control), with an option's own `lang`, which SelectField does not give.
 */
function LanguagePicker({ value, onChange }: { value: LanguageSetting; onChange: (next: LanguageSetting) => void }): React.JSX.Element {
  const id = useId()
  return (
    <div className="form-field setting">
      <label htmlFor={id}>{t('language')}</label>
      <span className="field-control">
        <select
          id={id}
          value={value}
          onChange={(e) => {
            onChange(e.target.value as LanguageSetting)
          }}
        >
          <option value="system">{t('languageSystem', { name: LANGUAGE_NAMES[currentLanguage()] })}</option>
          {LANGUAGES.map((code) => (
            <option key={code} value={code} lang={code}>
              {LANGUAGE_NAMES[code]}
            </option>
          ))}
        </select>
      </span>
    </div>
  )
}

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
  if (settings === null) return <p className="muted">{t('loading')}</p>

  return (
    <section className="view" aria-labelledby="settings-title">
      <h1 id="settings-title">{t('title')}</h1>
      <fieldset className="card">
        <legend>{t('language')}</legend>
        <LanguagePicker
          value={settings.language}
          onChange={(language) => {
            void updateSettings({ language })
          }}
        />
      </fieldset>
      <fieldset className="card">
        <legend>{t('theme')}</legend>
        <div role="radiogroup" aria-label={t('theme')} className="segmented">
          {THEMES.map((theme) => (
            <label key={theme.value} className={settings.theme === theme.value ? 'selected' : undefined}>
              <input
                type="radio"
                name="theme"
                value={theme.value}
                checked={settings.theme === theme.value}
                onChange={() => {
                  void updateSettings({ theme: theme.value })
                }}
              />
              {theme.label()}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="card">
        <legend>{t('alerts')}</legend>
        {NUMBER_SETTINGS.map((f) => (
          <NumberField
            key={f.key}
            className="setting"
            label={f.label()}
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
          {t('about', { version: info.version, mode: info.mode === 'web' ? t('modeWeb') : t('modeDesktop'), platform: info.platform })}
        </p>
      )}
    </section>
  )
}
