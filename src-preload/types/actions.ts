import { z } from 'zod'
import { profileIdSchema } from './profile-id'

/** What a successful operator action answers: words for the toast, and a ref to settle it by. */
export interface ActionDone {
  readonly message: string
  /** The ChannelId an originate was given, so its call can be found in the live state. */
  readonly ref?: string
}

/**
 * How an action whose answer was lost turned out, read from the live state rebuilt after it:
 * done / not done, ended (the call is gone, so it cannot be seen), or still unknown.
 */
export type SettledOutcome = 'done' | 'not_done' | 'ended' | 'unknown'

/** Pushed (`actions.settled`) to the window that acted, once the resynced state settles an unknown outcome. */
export interface ActionSettled {
  readonly profileId: string
  /** The id the `outcome_unknown` / `timeout` error carried in its detail. */
  readonly settleId: string
  readonly action: string
  readonly target: string
  readonly outcome: SettledOutcome
  /** Plain words: what the state shows ("the call is gone from the PBX"). */
  readonly message: string
}

/** The detail of an `outcome_unknown` or `timeout` action error: what to match the later `actions.settled` by. */
export interface UnknownOutcomeDetail {
  readonly settleId: string
}

/**
 * The detail of a `refused` error from the seat's dial budget (rule `rate_limit`): when the next
 * call may be placed or transferred, as a wait and as an ISO-8601 instant.
 */
export interface DialLimitDetail {
  readonly rule: 'rate_limit'
  readonly retryAfterMs: number
  readonly retryAt: string
}

const profileId = profileIdSchema
/** Uniqueids as Asterisk makes them (`lab-1795552383.0`, `1700000000.12`) or a client-chosen ChannelId. */
const channelId = z.string().regex(/^[A-Za-z0-9._:-]{1,150}$/)
/** Raw operator text: the guard, not the schema, decides what it may dial (and says why not). */
const destination = z.string().min(1).max(64)

export const hangupInputSchema = z.strictObject({ profileId, channelId })
export const transferInputSchema = z.strictObject({
  profileId,
  channelId,
  destination,
  mode: z.enum(['blind', 'attended', 'voicemail']),
  confirmEmergency: z.boolean().default(false),
})
export const transferStepInputSchema = z.strictObject({ profileId, channelId })
export const originateInputSchema = z.strictObject({ profileId, destination, confirmEmergency: z.boolean().default(false) })
export const parkInputSchema = z.strictObject({ profileId, channelId })
export const pickupInputSchema = z.strictObject({ profileId, space: z.string().regex(/^[0-9]{1,6}$/) })
