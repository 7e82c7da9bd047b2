import type { ActionDone, UnknownOutcomeDetail } from '../../../src-preload/types/actions'
import { seatLabel, type AuditInput, type AuditLog, type SeatContext } from '../audit'
import { authorizeIn, type DialBudget, type DialRefusalDetail, type PolicyTable } from '../guard'
import type { PbxProfile } from '../profiles/schema'
import { ApiFailure } from '../errors/api-failure'
import { toActionFailure } from './action-errors'
import type { Expectation } from './expectation'
import type { OutcomeSettler } from './outcome-settler'
import { say } from '../i18n'
import { strings } from './strings'

const t = say(strings)

/**
 * Who is acting: the transport client (window or socket) the contract call came from. The audit
 * line names it as a seat ("web socket 5"); the settled outcome goes back to it alone.
 */
export type Actor = SeatContext

/** One run of an action `A` of a slice (its policies name who may run it). */
export interface Attempt<A extends string = string> {
  readonly action: A
  /** What a person recognises: "Anna Berg <+4930123> → 205", "Anna Berger (PJSIP/101) in support". */
  readonly target: string
  readonly actor: Actor
  /** For support: the PBX's own ids (a channel's Uniqueid), kept in the audit line's detail. */
  readonly support?: string
}

export interface GuardDeps {
  readonly profile: () => PbxProfile
  readonly audit: AuditLog
  /** The seat's dial budget: shared by all its windows and sockets, kept across restarts. */
  readonly dialBudget: DialBudget
  /** Settles actions whose answer was lost from the resynced state (absent: they stay unknown). */
  readonly settler?: OutcomeSettler
}

/** What an action's body may do besides its work. */
export interface RunScope {
  /**
   * Records, before anything is sent, what the live state will show when the action took
   * effect — so a lost answer can be settled without sending it again.
   */
  expect(expectation: Expectation): void
  /**
   * Spends one call of the seat's dial budget, or refuses (rule `rate_limit`, with when the next
   * one is possible). Called only once the destination was judged and will be dialled: a
   * destination the guard refuses never uses the budget up, and an emergency call never waits.
   */
  spendDialBudget(): void
}

/** What a body answers: the operator's words, the ref to settle by, and a note for the audit line. */
export interface BodyResult {
  readonly message: string
  readonly ref?: string
  readonly note?: string
}

/** Joins the non-empty parts of an audit line's detail. */
function detailOf(...parts: (string | undefined)[]): string | undefined {
  const kept = parts.filter((p): p is string => p !== undefined && p !== '')
  return kept.length === 0 ? undefined : kept.join(' · ')
}

/**
 * The one path every operator action takes: authorise (role, read-only) by the policies of the
 * slice that runs it, run the body (which
 * judges its destination, then spends from the dial budget), and write an audit line whatever
 * happens — ok, refused, error or outcome unknown — naming the seat, its role and what a person
 * recognises, with the PBX's ids kept in the detail for support.
 */
export async function runGuarded<P extends PolicyTable>(
  d: GuardDeps,
  policies: P,
  attempt: Attempt<keyof P & string>,
  body: (scope: RunScope) => Promise<BodyResult>,
): Promise<ActionDone> {
  const profile = d.profile()
  const base = {
    profileId: profile.id,
    role: profile.operator.role,
    action: attempt.action,
    target: attempt.target,
    operator: profile.operator.ownExtension,
    seat: seatLabel(attempt.actor),
  } satisfies Partial<AuditInput>
  const auth = authorizeIn(policies, attempt.action, profile)
  if (!auth.ok) {
    await d.audit.append({ ...base, result: 'refused', errorCode: 'forbidden', rule: auth.rule, detail: detailOf(auth.reason, attempt.support) })
    throw new ApiFailure('forbidden', auth.reason, { rule: auth.rule })
  }
  let expectation: Expectation | undefined
  const scope: RunScope = {
    expect: (e) => {
      expectation = e
    },
    spendDialBudget: () => {
      const spent = d.dialBudget.take(profile)
      if (spent.ok) return
      const detail: DialRefusalDetail = { rule: spent.rule, retryAfterMs: spent.retryAfterMs, retryAt: spent.retryAt }
      throw new ApiFailure('refused', spent.reason, detail)
    },
  }
  try {
    const done = await body(scope)
    await d.audit.append({
      ...base,
      result: 'ok',
      detail: detailOf(done.note, done.ref === undefined ? undefined : `ref ${done.ref}`, attempt.support),
    })
    return done.ref === undefined ? { message: done.message } : { message: done.message, ref: done.ref }
  } catch (err) {
    const failure = toActionFailure(err)
    const unknown = failure.code === 'outcome_unknown' || failure.code === 'timeout'
    const rule = (failure.detail as { rule?: unknown } | undefined)?.rule
    const refused = failure.code === 'refused' || failure.code === 'confirm_required' || failure.code === 'not_found'
    // Tracked before the audit write: a reconnect's rebuild must not start before the settler
    // knows of the action, or that rebuild would not count for it.
    const settleId =
      unknown && d.settler !== undefined
        ? d.settler.track({
            ...base,
            clientId: attempt.actor.clientId,
            ...(attempt.support === undefined ? {} : { support: attempt.support }),
            expectation: expectation ?? { kind: 'unverifiable', hint: t('unverifiable') },
            timedOut: failure.code === 'timeout',
          })
        : undefined
    await d.audit.append({
      ...base,
      result: unknown ? 'outcome_unknown' : refused ? 'refused' : 'error',
      errorCode: failure.code,
      ...(typeof rule === 'string' ? { rule } : {}),
      detail: detailOf(failure.message, attempt.support),
    })
    if (settleId !== undefined) {
      const detail: UnknownOutcomeDetail = { settleId }
      throw new ApiFailure(failure.code, failure.message, detail)
    }
    throw failure
  }
}
