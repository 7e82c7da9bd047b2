import './supervision.css'
import { useEffect } from 'react'
import type { SpyMode } from '../../../../src-preload/types/supervision'
import { endSpy, switchSpyMode } from '../../actions/spy'
import { partyLabel } from '../../live/format'
import { useLiveStore } from '../../stores/live-store'
import { followSupervision, ownSession, useSupervisionStore } from '../../stores/supervision-store'
import { tr } from '../../i18n'
import { strings } from './strings'

const t = tr(strings)

/** "David Eze (104) · Ada Lovelace's call": whom the phone listens to, by the live call's parties (else the channel's name). */
function useSpiedText(spiedChannelId: string, spiedChannelName: string): string {
  return useLiveStore((s) => {
    const call = Object.values(s.state.calls).find((c) => c.channelIds.includes(spiedChannelId))
    if (call === undefined) return spiedChannelName
    const caller = partyLabel(call.caller)
    const spied = call.id === spiedChannelId ? caller : partyLabel(call.callee)
    const who = spied.secondary === '' ? spied.primary : `${spied.primary} (${spied.secondary})`
    return call.id === spiedChannelId ? t('bar.caller', { who }) : t('bar.callFrom', { who, caller: caller.primary })
  })
}

const MODES: readonly { mode: SpyMode; key: string }[] = [
  { mode: 'listen', key: 'L' },
  { mode: 'whisper', key: 'W' },
  { mode: 'barge', key: 'B' },
]

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
  const spied = useSpiedText(own?.spiedChannelId ?? '', own?.spiedChannelName ?? '')
  if (own === undefined) return null
  return (
    <div className="spy-bar" role="region" aria-label={t('bar.label')}>
      <span className="spy-bar-what" title={own.spiedChannelName}>
        {t(`bar.${own.mode ?? 'listen'}`, { who: spied })}
      </span>
      <span role="group" aria-label={t('bar.mode')}>
        {MODES.map(({ mode, key }) => (
          <button
            key={mode}
            type="button"
            aria-pressed={own.mode === mode}
            title={t('bar.modeTitle', { mode: t(`mode.${mode}`), key })}
            onClick={() => {
              switchSpyMode(mode)
            }}
          >
            {t(`mode.${mode}`)}
          </button>
        ))}
      </span>
      <button type="button" onClick={endSpy} title={t('bar.endTitle')}>
        {t('bar.end')}
      </button>
    </div>
  )
}
