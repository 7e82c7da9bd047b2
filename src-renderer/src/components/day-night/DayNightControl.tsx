import './day-night.css'
import { useEffect, useRef, useState } from 'react'
import type { DayNightToggle } from '../../../../src-preload/types/presence'
import { whenActionsOn } from '../../actions/action-gate'
import { runAction } from '../../actions/run-action'
import { useClockStore } from '../../stores/clock-store'
import { useLiveStore } from '../../stores/live-store'
import { setDayNight, usePresenceStore } from '../../stores/presence-store'
import { useDialogFocus } from '../dialog-focus'
import { sinceWords } from '../lamp-presence'
import { tr } from '../../i18n'
import { strings } from './strings'
import { strings as callFlowStrings } from '../../../../src-preload/i18n/strings/call-flow'
import { callFlowWords } from '../../../../src-preload/types/config'

const t = tr(strings)
const flowWords = tr(callFlowStrings)

/** A toggle named in the shown language by its number (main's `name` is the audit's English: FreePBX's description is out of reach). */
const toggleName = (toggle: DayNightToggle): string => callFlowWords(toggle.index, undefined, flowWords)

const ICON = { day: '☀', night: '☾' } as const

/**
 * FreePBX's call-flow toggles (Day/Night mode) in the status bar, on every screen: each shown with
 * its mode; the button opens a small panel where each is switched by an explicit "Switch to night
 * mode" (the office's calls change course: never a single misclick). Tab reaches it, Enter opens,
 * Escape closes. A read-only seat sees the modes and why it cannot switch them.
 */
export function DayNightControl(): React.JSX.Element | null {
  const toggles = usePresenceStore((s) => s.toggles)
  const [open, setOpen] = useState(false)
  const opener = useRef<HTMLButtonElement>(null)
  const panel = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (!open) return
    const away = (e: MouseEvent): void => {
      if (e.target instanceof Node && panel.current?.contains(e.target) !== true && opener.current?.contains(e.target) !== true) setOpen(false)
    }
    document.addEventListener('mousedown', away)
    return () => {
      document.removeEventListener('mousedown', away)
    }
  }, [open])
  if (toggles.length === 0) return null
  const night = toggles.filter((t) => t.mode === 'night').length
  const summary =
    toggles.length === 1
      ? t('one', { name: toggles[0] === undefined ? '' : toggleName(toggles[0]), mode: toggles[0]?.mode === 'night' ? t('night') : t('day') })
      : t('nightOf', { night: String(night), total: String(toggles.length) })
  return (
    <span className="daynight">
      <button
        ref={opener}
        type="button"
        className={`daynight-button${night > 0 ? ' is-night' : ''}`}
        aria-expanded={open}
        aria-haspopup="dialog"
        title={t('buttonTitle')}
        onClick={() => {
          setOpen(!open)
        }}
      >
        <span aria-hidden="true">{night > 0 ? ICON.night : ICON.day}</span> {summary}
      </button>
      {open && (
        <DayNightPanel
          panel={panel}
          toggles={toggles}
          onClose={() => {
            setOpen(false)
          }}
        />
      )}
    </span>
  )
}

/** The open panel: its own component so the dialog's focus rules (Tab stays in, back to the button on close) live as long as it does. */
function DayNightPanel({
  panel,
  toggles,
  onClose,
}: {
  panel: React.RefObject<HTMLDivElement | null>
  toggles: readonly DayNightToggle[]
  onClose: () => void
}): React.JSX.Element {
  useDialogFocus(panel)
  return (
    <div
      ref={panel}
      role="dialog"
      aria-modal="true"
      aria-label={t('panel')}
      className="daynight-panel card"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation()
          onClose()
        }
      }}
    >
      <p className="daynight-title">{t('callFlows')}</p>
      <ul>
        {toggles.map((t) => (
          <ToggleRow key={t.index} toggle={t} />
        ))}
      </ul>
    </div>
  )
}

function ToggleRow({ toggle }: { toggle: DayNightToggle }): React.JSX.Element {
  const readOnly = useLiveStore((s) => (s.profileId === null ? false : s.statuses[s.profileId]?.readOnly === true))
  const actionsOff = useLiveStore((s) => s.health.actionsOff)
  const clock = useClockStore((s) => Math.floor(s.now / 60_000) * 60_000)
  const frozenAt = useLiveStore((s) => s.health.stale?.since)
  const now = frozenAt ?? clock
  const next = toggle.mode === 'day' ? 'night' : 'day'
  const off = readOnly ? t('readOnly') : actionsOff
  return (
    <li className={`daynight-row mode-${toggle.mode}`}>
      <span className="daynight-name">
        <span aria-hidden="true">{ICON[toggle.mode]}</span> {toggleName(toggle)} <span className="muted small">({toggle.featureCode})</span>
      </span>
      <span className="daynight-mode" title={t(toggle.mode === 'day' ? 'inDay' : 'inNight', { since: sinceWords(toggle.since, now) })}>
        {toggle.mode === 'day' ? t('day') : t('night')}
      </span>
      <button
        type="button"
        aria-disabled={off === undefined ? undefined : true}
        title={off}
        onClick={() => {
          if (readOnly) return
          whenActionsOn(() => {
            const pending = setDayNight(toggle.index, next)
            if (pending !== undefined) void runAction(pending)
          })
        }}
      >
        {next === 'day' ? t('toDay') : t('toNight')}
      </button>
    </li>
  )
}
