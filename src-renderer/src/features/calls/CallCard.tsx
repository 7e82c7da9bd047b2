import type { LiveCall } from '../../../../src-preload/types/live'
import { EarlierCalls } from './EarlierCalls'
import { CallBadges } from '../../components/CallBadges'
import { Elapsed } from '../../components/Elapsed'
import { StaleNote } from '../../components/StaleNote'
import { CallerIdentity } from '../../components/caller/CallerIdentity'
import { useActionButton } from '../../actions/action-gate'
import { atOwnPhone, callStateLabel, consulting, directionText, routeSteps, stepText, talkTimes, targetText } from './call-model'
import { useLiveStore } from '../../stores/live-store'
import { partyLabel } from '../../live/format'
import { useDirectoryRevision } from '../../stores/directory-store'
import { tr } from '../../i18n'
import { rich } from '../../i18n/rich'
import { strings } from './strings'

const t = tr(strings)
const bold = { b: (text: string): React.ReactNode => <strong>{text}</strong> }
/** A key's name as the keyboard shows it (not translated). */
const ENTER_KEY = 'Enter'
/** The note that says why Attended is off, named by the button. */
const ATTENDED_NOTE_ID = 'attended-note'

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

/** Why a call is suggested, in the words of the card's note: `ringing longest, not selected`. */
export function suggestionNote(call: LiveCall): string {
  return call.state === 'queued' ? t('card.noteQueued') : t('card.noteRinging')
}

/** The Select button of a suggested call: Enter (or this click) makes it the selection. */
function SelectSuggested({ onSelect }: { onSelect: () => void }): React.JSX.Element {
  return (
    <button type="button" className="primary" onClick={onSelect} aria-keyshortcuts="Enter">
      {t('card.select')} <kbd>{ENTER_KEY}</kbd>
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
    <section className="card call-card idle ended" aria-label={t('card.label')}>
      <p className="call-card-ended" role="status">
        {rich(t('card.ended', { name: partyLabel(ended.caller).primary }), bold)}
      </p>
      {suggested !== undefined && (
        <div className="call-card-next">
          <p className="small">
            {rich(t(suggested.state === 'queued' ? 'card.nextQueued' : 'card.nextRinging', { name: partyLabel(suggested.caller).primary }), bold)}
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
  const attendedOff = mine ? undefined : ownExtension === '' ? t('card.attendedOff') : t('card.attendedOffAt', { extension: ownExtension })
  return (
    <div className="call-actions" role="toolbar" aria-label={t('card.actions')}>
      <button type="button" className="danger" onClick={commands.hangup} aria-keyshortcuts="H" {...gate}>
        {t('card.hangup')} <kbd>H</kbd>
      </button>
      <button type="button" onClick={commands.transfer} aria-keyshortcuts="T" {...gate}>
        {t('card.transfer')} <kbd>T</kbd>
      </button>
      <button
        type="button"
        onClick={commands.attended}
        aria-keyshortcuts="A"
        {...gate}
        {...(attendedOff === undefined ? {} : { 'aria-disabled': true, title: attendedOff, 'aria-describedby': ATTENDED_NOTE_ID })}
      >
        {t('card.attended')} <kbd>A</kbd>
      </button>
      {call.state === 'parked' ? (
        <button type="button" onClick={commands.pickup} aria-keyshortcuts="U" {...gate}>
          {t('card.pickup')} <kbd>U</kbd>
        </button>
      ) : (
        <button type="button" onClick={commands.park} aria-keyshortcuts="P" {...gate}>
          {t('card.park')} <kbd>P</kbd>
        </button>
      )}
      <button type="button" onClick={commands.voicemail} aria-keyshortcuts="V" {...gate}>
        {t('card.voicemail')} <kbd>V</kbd>
      </button>
      {transferring && (
        <>
          <button type="button" className="primary" onClick={commands.complete} aria-keyshortcuts="C" {...gate}>
            {t('card.complete')} <kbd>C</kbd>
          </button>
          <button type="button" onClick={commands.cancel} aria-keyshortcuts="X" {...gate}>
            {t('card.cancel')} <kbd>X</kbd>
          </button>
        </>
      )}
      {attendedOff !== undefined && (
        <p id={ATTENDED_NOTE_ID} className="call-actions-note small muted">
          {ownExtension === '' ? t('card.attendedNote') : t('card.attendedNoteAt', { extension: ownExtension })}
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
      <section className="card call-card idle" aria-label={t('card.label')}>
        <p className="muted">{t('card.idle')}</p>
      </section>
    )
  }
  const target = targetText(call)
  const steps = routeSteps(call)
  const times = talkTimes(call)
  return (
    <section className={`card call-card state-${call.state}${suggested ? ' suggested' : ''}`} aria-label={t('card.label')}>
      <StaleNote />
      {suggested && (
        <p className="suggestion-note small" data-testid="call-card-suggestion">
          <span className="suggested-tag">{t('suggested')}</span> {suggestionNote(call)}
        </p>
      )}
      <div className="call-card-head">
        <span className={`state-badge state-${call.state}`}>{callStateLabel(call)}</span>
        <span className="muted small">{directionText(call.direction)}</span>
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
            <dt>{t('fact.path')}</dt>
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
                    ? t('fact.queueWaiting', { waiting: queueWaiting })
                    : ''}
                </span>
              ))}
            </dd>
          </>
        )}
        {target === undefined && steps.length === 0 && (
          <>
            <dt>{t('fact.dialled')}</dt>
            <dd className="mono">{partyLabel(call.callee).primary}</dd>
          </>
        )}
        {call.trunk !== undefined && (
          <>
            <dt>{t('fact.trunk')}</dt>
            <dd>{call.trunk}</dd>
          </>
        )}
        {times.kind === 'waiting' && call.target?.kind === 'voicemail' && (
          <>
            {/* Nobody waits on a caller leaving a message: how long, never an alert. */}
            <dt>{t('fact.inVoicemail')}</dt>
            <dd>
              <Elapsed since={call.target.since ?? times.since} />
            </dd>
          </>
        )}
        {times.kind === 'waiting' && call.target?.kind !== 'voicemail' && (
          <>
            <dt>{t('fact.waiting')}</dt>
            <dd>
              <Elapsed since={times.since} alertAfterS={holdAlertSeconds} />
            </dd>
          </>
        )}
        {times.kind === 'ringing' && (
          <>
            <dt>{t('fact.waited')}</dt>
            <dd className="mono">{t('fact.seconds', { seconds: times.waitedS })}</dd>
            <dt>{t('fact.ringingFor')}</dt>
            <dd>
              <Elapsed since={times.since} alertAfterS={holdAlertSeconds} />
            </dd>
          </>
        )}
        {times.kind === 'talking' && (
          <>
            <dt>{t('fact.waited')}</dt>
            <dd className="mono">{t('fact.seconds', { seconds: times.waitedS })}</dd>
            <dt>{t('fact.talking')}</dt>
            <dd>
              <Elapsed since={times.since} />
            </dd>
          </>
        )}
        {times.kind === 'unknown' && (
          <>
            <dt>{t('fact.waitedTalking')}</dt>
            <dd className="muted" title={t('fact.answeredUnseen')}>
              {t('fact.notKnown')}
            </dd>
          </>
        )}
        {call.unknown?.includes('hold') === true && call.state !== 'hold' && (
          <>
            <dt>{t('fact.hold')}</dt>
            <dd className="muted" title={t('fact.holdUnseen')}>
              {t('fact.notKnown')}
            </dd>
          </>
        )}
        {(call.state === 'hold' || call.state === 'parked') && (
          <>
            <dt>{call.state === 'hold' ? t('fact.onHold') : t('fact.parkedFor')}</dt>
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
