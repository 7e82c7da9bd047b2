import './supervision.css'
import { useEffect } from 'react'
import type { SpyMode } from '../../../../src-preload/types/supervision'
import { whenActionsOn } from '../../actions/action-gate'
import { runAction } from '../../actions/run-action'
import { bridge } from '../../bridge/current'
import { useLiveStore } from '../../stores/live-store'
import { followSupervision, ownSession, useSupervisionStore } from '../../stores/supervision-store'

const MODES: readonly { mode: SpyMode; label: string; key: string }[] = [
  { mode: 'listen', label: 'Listen', key: 'L' },
  { mode: 'whisper', label: 'Whisper', key: 'W' },
  { mode: 'barge', label: 'Barge', key: 'B' },
]

/** Switches this seat's session to another mode (ChanSpy's DTMF switch, done by main). */
export function switchMode(mode: SpyMode): void {
  whenActionsOn(() => {
    const s = ownSession(useSupervisionStore.getState().state)
    const profileId = useLiveStore.getState().profileId
    if (s === undefined || profileId === null) return
    void runAction(bridge().invoke('supervision.spyMode', { profileId, sessionId: s.id, mode }))
  })
}

export function endListening(): void {
  whenActionsOn(() => {
    const s = ownSession(useSupervisionStore.getState().state)
    const profileId = useLiveStore.getState().profileId
    if (s === undefined || profileId === null) return
    void runAction(bridge().invoke('supervision.spyStop', { profileId, sessionId: s.id }))
  })
}

/**
 * Keeps the supervision state of the shown PBX (watching again when the PBX or its connection
 * comes back), and while this seat's phone listens shows the session's bar: whom, the mode, and
 * the buttons to switch or end it.
 */
export function SupervisionHost(): React.JSX.Element | null {
  const profileId = useLiveStore((s) => s.profileId)
  const ami = useLiveStore((s) => (s.profileId === null ? undefined : s.statuses[s.profileId]?.ami))
  const state = useSupervisionStore((s) => s.state)
  useEffect(() => {
    followSupervision()
  }, [])
  useEffect(() => {
    if (profileId !== null && ami === 'connected') void useSupervisionStore.getState().watch(profileId)
  }, [profileId, ami])
  const own = ownSession(state)
  if (own === undefined) return null
  return (
    <div className="spy-bar" role="region" aria-label="Listening session">
      <span className="spy-bar-what">
        Your phone is {own.mode === 'listen' ? 'listening to' : own.mode === 'whisper' ? 'whispering to' : 'barged into'} {own.spiedChannelName}
      </span>
      <span role="group" aria-label="Mode">
        {MODES.map(({ mode, label, key }) => (
          <button
            key={mode}
            type="button"
            aria-pressed={own.mode === mode}
            title={`${label} (${key})`}
            onClick={() => {
              switchMode(mode)
            }}
          >
            {label}
          </button>
        ))}
      </span>
      <button type="button" onClick={endListening} title="End listening (E)">
        End
      </button>
    </div>
  )
}
