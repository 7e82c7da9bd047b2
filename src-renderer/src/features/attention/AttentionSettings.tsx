import {
  acceleratorProblem,
  ALERT_SOUNDS,
  ATTENTION_RANGES,
  type AlertSound,
  type AttentionSettings as Attention,
  type DesktopSettings,
} from '../../../../src-preload/types/attention'
import { CheckField, DraftField, NumberField, SelectField, type Parse } from '../../components/form'
import { useAppStore } from '../../stores/app-store'
import { useAttentionStore } from '../../stores/attention-store'
import { playAlertSound, SOUND_LABELS } from './sound'
import { strings as shortcutStrings } from '../../../../src-preload/i18n/strings/shortcut'
import { tr } from '../../i18n'
import { strings } from './strings'

const t = tr(strings)

/** The sounds to choose from, named in the shown language. */
const soundOptions = (): { value: AlertSound; label: string }[] => ALERT_SOUNDS.map((value) => ({ value, label: SOUND_LABELS[value] }))

/** Why a typed shortcut cannot be used, in the words main refuses it with (a shared fragment). */
const shortcutWords = tr(shortcutStrings)

/** The dial shortcut as typed: an Electron accelerator, or empty for none. */
const parseShortcut: Parse<string> = (text) => {
  const value = text.trim().replace(/\s*\+\s*/g, '+')
  const problem = acceleratorProblem(value, shortcutWords)
  return problem === undefined ? { ok: true, value } : { ok: false, error: problem }
}

// A caller waiting too long is told after the limits that turn the calls list's timer red (Settings' ring and hold alerts).
const THRESHOLDS: readonly { key: 'queueAlertCallers' | 'parkWarnSeconds'; label: () => string }[] = [
  { key: 'queueAlertCallers', label: () => t('set.queueAlert') },
  { key: 'parkWarnSeconds', label: () => t('set.parkWarn') },
]

/** Web mode: what the browser allows, and the way to ask again. */
function BrowserPermission(): React.JSX.Element {
  const permission = useAttentionStore((s) => s.permission)
  const askPermission = useAttentionStore((s) => s.askPermission)
  if (permission === 'unsupported') return <p className="muted small">{t('set.unsupported')}</p>
  if (permission === 'granted') return <p className="muted small">{t('set.granted')}</p>
  if (permission === 'denied') return <p className="muted small">{t('set.denied')}</p>
  return (
    <p className="muted small">
      {t('set.notAsked')}{' '}
      <button
        type="button"
        onClick={() => {
          void askPermission()
        }}
      >
        {t('allow')}
      </button>
    </p>
  )
}

/**
 * Settings of attention and the desktop window: notifications, the sound (choice, mute, volume,
 * a test), when a wait or a queue deserves a notification, and on the desktop the always-on-top
 * window and the dial shortcut. Kept by main with the seat's other settings.
 */
export function AttentionSettings(): React.JSX.Element | null {
  const settings = useAppStore((s) => s.settings)
  const info = useAppStore((s) => s.info)
  const updateSettings = useAppStore((s) => s.updateSettings)
  const shell = useAttentionStore((s) => s.shell)
  if (settings === null) return null
  const a = settings.attention
  const d = settings.desktop
  const setAttention = (patch: Partial<Attention>): Promise<unknown> => updateSettings({ attention: { ...a, ...patch } })
  const setDesktop = (patch: Partial<DesktopSettings>): Promise<unknown> => updateSettings({ desktop: { ...d, ...patch } })
  const desktop = info?.mode === 'electron'
  const shortcutTaken =
    desktop && shell !== null && d.dialShortcut !== '' && shell.shortcut.accelerator === d.dialShortcut && !shell.shortcut.registered

  return (
    <>
      <fieldset className="card attention-settings">
        <legend>{t('set.legend')}</legend>
        <CheckField label={t('set.notify')} checked={a.notifications} onChange={(notifications) => void setAttention({ notifications })} />
        {!desktop && a.notifications && <BrowserPermission />}
        <div className="attention-sound">
          <SelectField
            className="setting"
            label={t('set.sound')}
            value={a.sound}
            options={soundOptions()}
            onChange={(sound: AlertSound) => void setAttention({ sound })}
          />
          <CheckField label={t('set.mute')} checked={a.muted} onChange={(muted) => void setAttention({ muted })} />
          <NumberField
            className="setting"
            label={t('set.volume')}
            min={ATTENTION_RANGES.volume.min}
            max={ATTENTION_RANGES.volume.max}
            value={a.volume}
            onCommit={(volume) => setAttention({ volume })}
          />
          <button
            type="button"
            onClick={() => {
              playAlertSound(a.sound, a.volume)
            }}
          >
            {t('set.play')}
          </button>
        </div>
        {THRESHOLDS.map((limit) => (
          <NumberField
            key={limit.key}
            className="setting"
            label={limit.label()}
            min={ATTENTION_RANGES[limit.key].min}
            max={ATTENTION_RANGES[limit.key].max}
            value={a[limit.key]}
            onCommit={(n) => setAttention({ [limit.key]: n })}
          />
        ))}
        <p className="muted small">{t('set.typing')}</p>
      </fieldset>
      {desktop && (
        <fieldset className="card">
          <legend>{t('set.window')}</legend>
          <CheckField label={t('set.onTop')} checked={d.alwaysOnTop} onChange={(alwaysOnTop) => void setDesktop({ alwaysOnTop })} />
          <DraftField<string>
            className="setting"
            label={t('set.shortcut')}
            mono
            value={d.dialShortcut}
            parse={parseShortcut}
            format={(v) => v}
            commitOn="enter"
            placeholder={t('set.none')}
            {...(shortcutTaken ? { error: t('set.taken') } : { note: t('set.shortcutNote') })}
            onCommit={(dialShortcut) => setDesktop({ dialShortcut })}
          />
          <p className="muted small">{t('set.zoom')}</p>
        </fieldset>
      )}
    </>
  )
}
