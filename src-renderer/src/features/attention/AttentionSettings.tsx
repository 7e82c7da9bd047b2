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

const SOUND_OPTIONS = ALERT_SOUNDS.map((value) => ({ value, label: SOUND_LABELS[value] }))

/** The dial shortcut as typed: an Electron accelerator, or empty for none. */
const parseShortcut: Parse<string> = (text) => {
  const value = text.trim().replace(/\s*\+\s*/g, '+')
  const problem = acceleratorProblem(value)
  return problem === undefined ? { ok: true, value } : { ok: false, error: problem }
}

// A caller waiting too long is told after the limits that turn the calls list's timer red (Settings' ring and hold alerts).
const THRESHOLDS: readonly { key: 'queueAlertCallers' | 'parkWarnSeconds'; label: string }[] = [
  { key: 'queueAlertCallers', label: 'Tell me when a queue has this many callers' },
  { key: 'parkWarnSeconds', label: 'Tell me this long before a parked call comes back (seconds)' },
]

/** Web mode: what the browser allows, and the way to ask again. */
function BrowserPermission(): React.JSX.Element {
  const permission = useAttentionStore((s) => s.permission)
  const askPermission = useAttentionStore((s) => s.askPermission)
  if (permission === 'unsupported') return <p className="muted small">This browser cannot show notifications.</p>
  if (permission === 'granted') return <p className="muted small">The browser shows them while you work in another window or tab.</p>
  if (permission === 'denied')
    return <p className="muted small">The browser blocks them for this page: allow notifications in the browser’s site settings.</p>
  return (
    <p className="muted small">
      The browser has not been asked yet.{' '}
      <button
        type="button"
        onClick={() => {
          void askPermission()
        }}
      >
        Allow notifications
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
        <legend>Notifications and sound</legend>
        <CheckField
          label="Notify me of ringing calls, long waits, busy queues and parked calls about to return"
          checked={a.notifications}
          onChange={(notifications) => void setAttention({ notifications })}
        />
        {!desktop && a.notifications && <BrowserPermission />}
        <div className="attention-sound">
          <SelectField
            className="setting"
            label="Sound"
            value={a.sound}
            options={SOUND_OPTIONS}
            onChange={(sound: AlertSound) => void setAttention({ sound })}
          />
          <CheckField label="Mute" checked={a.muted} onChange={(muted) => void setAttention({ muted })} />
          <NumberField
            className="setting"
            label="Volume (0–100)"
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
            Play
          </button>
        </div>
        {THRESHOLDS.map((t) => (
          <NumberField
            key={t.key}
            className="setting"
            label={t.label}
            min={ATTENTION_RANGES[t.key].min}
            max={ATTENTION_RANGES[t.key].max}
            value={a[t.key]}
            onCommit={(n) => setAttention({ [t.key]: n })}
          />
        ))}
        <p className="muted small">Nothing interrupts you while you type in a dialog: what happened meanwhile is told once you leave the field.</p>
      </fieldset>
      {desktop && (
        <fieldset className="card">
          <legend>Window and click-to-dial</legend>
          <CheckField
            label="Keep the window above other windows"
            checked={d.alwaysOnTop}
            onChange={(alwaysOnTop) => void setDesktop({ alwaysOnTop })}
          />
          <DraftField<string>
            className="setting"
            label="Shortcut that dials the number in the clipboard"
            mono
            value={d.dialShortcut}
            parse={parseShortcut}
            format={(v) => v}
            commitOn="enter"
            placeholder="none"
            {...(shortcutTaken
              ? { error: 'Another application holds this shortcut: choose another.' }
              : { note: 'For example CommandOrControl+Alt+D; empty for none. tel:, sip: and callto: links open here too.' })}
            onCommit={(dialShortcut) => setDesktop({ dialShortcut })}
          />
          <p className="muted small">Zoom with Ctrl/Cmd + and −, Ctrl/Cmd 0 for the normal size; the window remembers its size, place and zoom.</p>
        </fieldset>
      )}
    </>
  )
}
