import type { LiveCall } from '../../../../src-preload/types/live'
import { EarlierCalls } from './EarlierCalls'
import { CallBadges } from '../../components/CallBadges'
import { Elapsed } from '../../components/Elapsed'
import { StaleNote } from '../../components/StaleNote'
import { CallerIdentity } from '../../components/caller/CallerIdentity'
import { useActionButton } from '../../actions/action-gate'
import { atOwnPhone, callStateLabel, consulting, routeSteps, stepText, talkTimes, targetText } from './call-model'
import { useLiveStore } from '../../stores/live-store'
import { partyLabel } from '../../live/format'
import { useDirectoryRevision } from '../../stores/directory-store'

export interface CallCommands {
  readonly hangup: () => void
  readonly transfer: () => void
  readonly attended: () => void
  readonly park: () => void
  readonly pickup: () => void
  readonly voicemail: () => void
  readonly complete: () => void
  readonly cancel: () => void
}

/** Why a call is suggested, in the words of the card and the row marker. */
export function suggestionReason(call: LiveCall): string {
  return call.state === 'queued' ? 'waiting longest in a queue' : 'ringing longest'
}

/** The Select button of a suggested call: Enter (or this click) makes it the selection. */
function SelectSuggested({ onSelect }: { onSelect: () => void }): React.JSX.Element {
  return (
    <button type="button" className="primary" onClick={onSelect} aria-keyshortcuts="Enter">
      Select this call <kbd>Enter</kbd>
    </button>
  )
}

/**
 * What the card shows once the selected call ended: that it ended, and that nothing is selected
 * (it never moves on to another caller by itself), with the next suggestion to select by choice.
 */
export function EndedCard({
  ended,
  suggested,
  onSelectSuggested,
}: {
  ended: LiveCall
  suggested: LiveCall | undefined
  onSelectSuggested: () => void
}): React.JSX.Element {
  return (
    <section className="card call-card idle ended" aria-label="Call card">
      <p className="call-card-ended" role="status">
        The call with <strong>{partyLabel(ended.caller).primary}</strong> ended. Nothing is selected.
      </p>
      {suggested !== undefined && (
        <div className="call-card-next">
          <p className="small">
            Suggested: <strong>{partyLabel(suggested.caller).primary}</strong>, {suggestionReason(suggested)}.
          </p>
          <div className="call-actions">
            <SelectSuggested onSelect={onSelectSuggested} />
          </div>
        </div>
      )}
    </section>
  )
}

/**
 * The card's actions with their keys. While actions are off (the shown state is stale, the PBX
 * connection paused) each is marked disabled with the reason as its tooltip; pressing it (or its
 * key) says the same in a toast.
 */
function CallActions({ call, commands }: { call: LiveCall; commands: CallCommands }): React.JSX.Element {
  const gate = useActionButton()
  const ownExtension = useLiveStore((s) => (s.profileId === null ? '' : (s.statuses[s.profileId]?.ownExtension ?? '')))
  const mine = useLiveStore((s) => atOwnPhone(s.state, call, ownExtension))
  const transferring = useLiveStore((s) => consulting(s.state, call, ownExtension))
  // Said before it is tried: Asterisk's attended transfer runs on the operator's own leg of the call.
  const attendedOff = mine
    ? undefined
    : `Attended transfer works on calls at your own phone${ownExtension === '' ? '' : ` (${ownExtension})`}: use Transfer for this one`
  return (
    <div className="call-actions" role="toolbar" aria-label="Call actions">
      <button type="button" className="danger" onClick={commands.hangup} aria-keyshortcuts="H" {...gate}>
        Hang up <kbd>H</kbd>
      </button>
      <button type="button" onClick={commands.transfer} aria-keyshortcuts="T" {...gate}>
        Transfer <kbd>T</kbd>
      </button>
      <button
        type="button"
        onClick={commands.attended}
        aria-keyshortcuts="A"
        {...gate}
        {...(attendedOff === undefined ? {} : { 'aria-disabled': true, title: attendedOff, 'aria-describedby': 'attended-note' })}
      >
        Attended <kbd>A</kbd>
      </button>
      {call.state === 'parked' ? (
        <button type="button" onClick={commands.pickup} aria-keyshortcuts="U" {...gate}>
          Pick up <kbd>U</kbd>
        </button>
      ) : (
        <button type="button" onClick={commands.park} aria-keyshortcuts="P" {...gate}>
          Park <kbd>P</kbd>
        </button>
      )}
      <button type="button" onClick={commands.voicemail} aria-keyshortcuts="V" {...gate}>
        Voicemail <kbd>V</kbd>
      </button>
      {transferring && (
        <>
          <button type="button" className="primary" onClick={commands.complete} aria-keyshortcuts="C" {...gate}>
            Complete transfer <kbd>C</kbd>
          </button>
          <button type="button" onClick={commands.cancel} aria-keyshortcuts="X" {...gate}>
            Cancel transfer <kbd>X</kbd>
          </button>
        </>
      )}
      {attendedOff !== undefined && (
        <p id="attended-note" className="call-actions-note small muted">
          Attended works on calls at your own phone{ownExtension === '' ? '' : ` (${ownExtension})`}.
        </p>
      )}
    </div>
  )
}

/**
 * The incoming-call card: who is calling, who they are with now (talking, ringing, a voicemail, a
 * parking space) and the way the call took (number dialled → ring group or queue → each party
 * that answered), how long they waited — kept visible for the whole call — and the actions with
 * their keys. A suggested call (nothing selected) is marked as such and offers only to select it.
 */
export function CallCard({
  call,
  suggested,
  onSelectSuggested,
  queueWaiting,
  commands,
  holdAlertSeconds,
  profileId,
}: {
  call: LiveCall | undefined
  /** The call is a suggestion, not the operator's selection: no action may act on it. */
  suggested: boolean
  onSelectSuggested: () => void
  /** Callers waiting in the call's queue now, when it came through one. */
  queueWaiting: number | undefined
  commands: CallCommands
  holdAlertSeconds: number
  profileId: string | null
}): React.JSX.Element {
  // The parties are named from the PBX's directory: a rename there shows at once.
  useDirectoryRevision()
  if (call === undefined) {
    return (
      <section className="card call-card idle" aria-label="Call card">
        <p className="muted">Select a call, or wait for one to ring.</p>
      </section>
    )
  }
  const target = targetText(call)
  const steps = routeSteps(call)
  const times = talkTimes(call)
  return (
    <section className={`card call-card state-${call.state}${suggested ? ' suggested' : ''}`} aria-label="Call card">
      <StaleNote />
      {suggested && (
        <p className="suggestion-note small" data-testid="call-card-suggestion">
          <span className="suggested-tag">Suggested</span> {suggestionReason(call)}, not selected
        </p>
      )}
      <div className="call-card-head">
        <span className={`state-badge state-${call.state}`}>{callStateLabel(call)}</span>
        <span className="muted small">{call.direction}</span>
      </div>
      <CallBadges call={call} place="card" />
      <CallerIdentity caller={call.caller} profileId={profileId} lookup={call.direction !== 'outbound'} />
      <dl className="facts">
        {target !== undefined && (
          <>
            <dt>{target.term}</dt>
            <dd data-testid="call-card-target">{target.text}</dd>
          </>
        )}
        {steps.length > 0 && (
          <>
            <dt>Path</dt>
            <dd data-testid="call-card-path">
              {steps.map((step, i) => (
                <span key={`${step.kind}:${step.number}:${String(i)}`} className={`route-step route-${step.kind}`}>
                  {i > 0 && (
                    <span className="route-arrow" aria-hidden="true">
                      {' '}
                      →{' '}
                    </span>
                  )}
                  {stepText(step)}
                  {step.kind === 'queue' && step.number === call.queue && call.state === 'queued' && queueWaiting !== undefined
                    ? ` (${String(queueWaiting)} waiting)`
                    : ''}
                </span>
              ))}
            </dd>
          </>
        )}
        {target === undefined && steps.length === 0 && (
          <>
            <dt>Dialled</dt>
            <dd className="mono">{partyLabel(call.callee).primary}</dd>
          </>
        )}
        {call.trunk !== undefined && (
          <>
            <dt>Trunk</dt>
            <dd>{call.trunk}</dd>
          </>
        )}
        {times.kind === 'waiting' && call.target?.kind === 'voicemail' && (
          <>
            {/* Nobody waits on a caller leaving a message: how long, never an alert. */}
            <dt>In voicemail</dt>
            <dd>
              <Elapsed since={call.target.since ?? times.since} />
            </dd>
          </>
        )}
        {times.kind === 'waiting' && call.target?.kind !== 'voicemail' && (
          <>
            <dt>Waiting</dt>
            <dd>
              <Elapsed since={times.since} alertAfterS={holdAlertSeconds} />
            </dd>
          </>
        )}
        {times.kind === 'ringing' && (
          <>
            <dt>Waited</dt>
            <dd className="mono">{times.waitedS} s</dd>
            <dt>Ringing for</dt>
            <dd>
              <Elapsed since={times.since} alertAfterS={holdAlertSeconds} />
            </dd>
          </>
        )}
        {times.kind === 'talking' && (
          <>
            <dt>Waited</dt>
            <dd className="mono">{times.waitedS} s</dd>
            <dt>Talking</dt>
            <dd>
              <Elapsed since={times.since} />
            </dd>
          </>
        )}
        {times.kind === 'unknown' && (
          <>
            <dt>Waited, talking</dt>
            <dd className="muted" title="The call was already answered when the console first saw it; the PBX does not report when.">
              not known
            </dd>
          </>
        )}
        {call.unknown?.includes('hold') === true && call.state !== 'hold' && (
          <>
            <dt>Hold</dt>
            <dd className="muted" title="The PBX does not report hold for calls that began before the console saw them.">
              not known
            </dd>
          </>
        )}
        {(call.state === 'hold' || call.state === 'parked') && (
          <>
            <dt>{call.state === 'hold' ? 'On hold' : 'Parked for'}</dt>
            <dd>
              <Elapsed since={call.stateSince} alertAfterS={holdAlertSeconds} />
            </dd>
          </>
        )}
      </dl>
      {profileId !== null && call.direction !== 'outbound' && <EarlierCalls key={call.id} profileId={profileId} number={call.caller.number} />}
      {suggested ? (
        <div className="call-actions">
          <SelectSuggested onSelect={onSelectSuggested} />
        </div>
      ) : (
        <CallActions call={call} commands={commands} />
      )}
    </section>
  )
}
