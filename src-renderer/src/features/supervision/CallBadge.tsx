import type { RecordingView, SpySessionView } from '../../../../src-preload/types/supervision'
import { listenedText, recordingOf, spiesOn, useSupervisionStore } from '../../stores/supervision-store'
import type { CallBadgeProps } from '../feature'

function clock(ms: number): string {
  return new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
}

/** The recording in words: since when, muted or not, whose (the console's file, or the PBX's own). */
function recordingText(rec: RecordingView): string {
  const whose = rec.file === undefined ? 'started on the PBX' : rec.file
  return rec.muted ? `Recording muted: nothing is recorded until it is unmuted · ${whose}` : `Recorded since ${clock(rec.since)} · ${whose}`
}

/** Who listens, as short as a row allows: the listening phone's number, else its name. */
function listenerShort(s: SpySessionView): string {
  return s.byNumber !== '' ? s.byNumber : s.byName !== '' ? s.byName : 'someone'
}

/** Who listens, in full: "Supervisor 100". */
function listenerText(s: SpySessionView): string {
  return [s.byName, s.byNumber].filter((x) => x !== '').join(' ') || 'Someone'
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
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
            {rec.muted ? 'REC muted' : '● REC'}
          </span>
        )}
        {listening !== undefined && (
          <span
            className="sv-tag sv-spy"
            data-testid="listening-badge"
            title={`${listenerText(listening)} listening in on ${listening.spiedChannelName}`}
          >
            Listening in
          </span>
        )}
        {spies.map((s) => (
          <span key={s.id} className="sv-tag sv-spy" data-testid="spy-badge" title={capital(listenedText(s))}>
            Listened by {listenerShort(s)}
          </span>
        ))}
      </span>
    )
  }
  return (
    <div className="sv-card-badges" data-testid="call-card-supervision">
      {rec !== undefined && (
        <p className={`sv-card-rec${rec.muted ? ' sv-rec-muted' : ''}`} data-testid="card-rec">
          <span className={`sv-tag sv-rec${rec.muted ? ' sv-rec-muted' : ''}`}>{rec.muted ? 'REC muted' : '● REC'}</span>
          {rec.muted ? 'Recording muted: nothing is recorded until it is unmuted (M)' : `Recorded since ${clock(rec.since)}`}
          {rec.file === undefined && <span className="muted small"> · started on the PBX</span>}
        </p>
      )}
      {rec?.file !== undefined && (
        <p className="mono small sv-file" title="The recording’s file in the PBX’s monitor folder">
          {rec.file}
        </p>
      )}
      {listening !== undefined && (
        <p className="sv-card-spy" data-testid="card-listening">
          {listenerText(listening)}’s phone listening in on {listening.spiedChannelName} (ChanSpy) since {clock(listening.since)}
        </p>
      )}
      {spies.map((s) => (
        <p key={s.id} className="sv-card-spy" data-testid="card-spy">
          {capital(listenedText(s))} since {clock(s.since)}
        </p>
      ))}
    </div>
  )
}
