import type { ActionDone, UnknownOutcomeDetail } from '../../../src-preload/types/actions'
import type { AuditLog } from '../audit'
import { authorize, type GuardedAction, type RateLimiter } from '../guard'
import type { PbxProfile } from '../profiles/schema'
import { ApiFailure } from '../api/api-failure'
import { toActionFailure } from './action-errors'
import type { Expectation } from './expectation'
import type { OutcomeSettler } from './outcome-settler'

/** Who is acting: the transport client (window or socket), for the rate limit and the audit line. */
export interface Actor {
  readonly clientId: string
}

export interface Attempt {
  readonly action: GuardedAction
  readonly target: string
  readonly actor: Actor
  /** Rate-limited actions (those that can place or move a call to a destination). */
  readonly dials?: boolean
}

export interface GuardDeps {
  readonly profile: () => PbxProfile
  readonly audit: AuditLog
  readonly limiter: RateLimiter
  /** Settles actions whose answer was lost from the resynced state (absent: they stay unknown). */
  readonly settler?: OutcomeSettler
}

/**
 * Given to an action's body: it records, before anything is sent, what the live state will show
 * when the action took effect — so a lost answer can be settled without sending it again.
 */
export type Expect = (expectation: Expectation) => void

/**
 * The one path every operator action takes: authorise (role, read-only), rate-limit what dials,
 * run, and write an audit line whatever happens — ok, refused, error or outcome unknown.
 */
export async function runGuarded(
  d: GuardDeps,
  attempt: Attempt,
  body: (expect: Expect) => Promise<{ message: string; ref?: string }>,
): Promise<ActionDone> {
  const profile = d.profile()
  const base = {
    profileId: profile.id,
    role: profile.operator.role,
    action: attempt.action,
    target: attempt.target,
    operator: profile.operator.ownExtension,
  }
  const auth = authorize(attempt.action, profile)
  if (!auth.ok) {
    await d.audit.append({ ...base, result: 'refused', errorCode: 'forbidden', rule: auth.rule, detail: auth.reason })
    throw new ApiFailure('forbidden', auth.reason, { rule: auth.rule })
  }
  if (attempt.dials === true) {
    const rate = d.limiter.take(`${profile.id}:${attempt.actor.clientId}`)
    if (!rate.ok) {
      await d.audit.append({ ...base, result: 'refused', errorCode: 'refused', rule: rate.rule, detail: rate.reason })
      throw new ApiFailure('refused', rate.reason, { rule: rate.rule, retryAfterMs: rate.retryAfterMs })
    }
  }
  let expectation: Expectation | undefined
  try {
    const done = await body((e) => {
      expectation = e
    })
    await d.audit.append({ ...base, result: 'ok', ...(done.ref === undefined ? {} : { detail: `ref ${done.ref}` }) })
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
            expectation: expectation ?? { kind: 'unverifiable', hint: 'the PBX’s call list cannot tell whether it happened: check your phone' },
            timedOut: failure.code === 'timeout',
          })
        : undefined
    await d.audit.append({
      ...base,
      result: unknown ? 'outcome_unknown' : refused ? 'refused' : 'error',
      errorCode: failure.code,
      ...(typeof rule === 'string' ? { rule } : {}),
      detail: failure.message,
    })
    if (settleId !== undefined) {
      const detail: UnknownOutcomeDetail = { settleId }
      throw new ApiFailure(failure.code, failure.message, detail)
    }
    throw failure
  }
}
