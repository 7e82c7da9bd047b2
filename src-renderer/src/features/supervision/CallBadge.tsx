import type { RecordingView, SpySessionView } from '../../../../src-preload/types/supervision'
import { recordingOf, spiesOn, useSupervisionStore } from '../../stores/supervision-store'
import type { CallBadgeProps } from '../feature'
import { fmt, tr } from '../../i18n'
import { strings } from './strings'

const t = tr(strings)

function clock(ms: number): string {
  return fmt().custom(ms, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
}

/** The recording in words: since when, muted or not, whose (the console's file, or the PBX's own). */
function recordingText(rec: RecordingView): string {
  const whose = rec.file ?? t('startedOnPbx')
  return rec.muted ? t('recMutedText', { whose }) : t('recSinceText', { time: clock(rec.since), whose })
}

/** Who listens, as short as a row allows: the listening phone's number, else its name. */
function listenerShort(s: SpySessionView): string {
  return s.byNumber !== '' ? s.byNumber : s.byName !== '' ? s.byName : t('someone')
}

/** Who listens, in full: "Supervisor 100". */
function listenerText(s: SpySessionView): string {
  return [s.byName, s.byNumber].filter((x) => x !== '').join(' ') || t('someoneStart')
}

/** "Being listened to by Supervisor 100 (whisper)", and since when on the card. */
function listenedText(s: SpySessionView, since?: number): string {
  const who = [s.byName, s.byNumber].filter((x) => x !== '').join(' ') || t('someone')
  if (since === undefined) return s.mode === undefined ? t('beingListened', { who }) : t('beingListenedMode', { who, mode: t(`modeWord.${s.mode}`) })
  const time = clock(since)
  return s.mode === undefined ? t('beingListenedSince', { who, time }) : t('beingListenedModeSince', { who, mode: t(`modeWord.${s.mode}`), time })
}

/**
 * The supervision marks on a call: "● REC" while it is recorded (greyed "REC muted" while muted)
 * and, for supervisors and admins only (main tells nobody else), who listens to it. The row says
 * it in a few letters with the full words as its tooltip; the card says it in words.
 */
export function SupervisionCallBadge({ call, place }: CallBadgeProps): React.JSX.Element | null {
  const state = useSupervisionStore((s) => s.state)
  const rec = recordingOf(state, call)
  const spies = spiesOn(state, call)
  // The listening phone's own leg is a call of its own in the list: said so, not left as a mystery.
  const listening = state?.spies.find((s) => call.channelIds.includes(s.id))
  if (rec === undefined && spies.length === 0 && listening === undefined) return null
  if (place === 'row') {
    return (
      <span className="sv-badges">
        {rec !== undefined && (
          <span className={`sv-tag sv-rec${rec.muted ? ' sv-rec-muted' : ''}`} data-testid="rec-badge" title={recordingText(rec)}>
            {rec.muted ? t('recMuted') : t('rec')}
          </span>
        )}
        {listening !== undefined && (
          <span
            className="sv-tag sv-spy"
            data-testid="listening-badge"
            title={t('listeningInTitle', { who: listenerText(listening), channel: listening.spiedChannelName })}
          >
            {t('listeningIn')}
          </span>
        )}
        {spies.map((s) => (
          <span key={s.id} className="sv-tag sv-spy" data-testid="spy-badge" title={listenedText(s)}>
            {t('listenedBy', { who: listenerShort(s) })}
          </span>
        ))}
      </span>
    )
  }
  return (
    <div className="sv-card-badges" data-testid="call-card-supervision">
      {rec !== undefined && (
        <p className={`sv-card-rec${rec.muted ? ' sv-rec-muted' : ''}`} data-testid="card-rec">
          <span className={`sv-tag sv-rec${rec.muted ? ' sv-rec-muted' : ''}`}>{rec.muted ? t('recMuted') : t('rec')}</span>
          {rec.muted ? t('cardRecMuted') : t('cardRecSince', { time: clock(rec.since) })}
          {rec.file === undefined && <span className="muted small">{t('cardStartedOnPbx')}</span>}
        </p>
      )}
      {rec?.file !== undefined && (
        <p className="mono small sv-file" title={t('fileTitle')}>
          {rec.file}
        </p>
      )}
      {listening !== undefined && (
        <p className="sv-card-spy" data-testid="card-listening">
          {t('cardListening', { who: listenerText(listening), channel: listening.spiedChannelName, time: clock(listening.since) })}
        </p>
      )}
      {spies.map((s) => (
        <p key={s.id} className="sv-card-spy" data-testid="card-spy">
          {listenedText(s, s.since)}
        </p>
      ))}
    </div>
  )
}
