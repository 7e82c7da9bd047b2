import type { DialLimitDetail } from '../../../src-preload/types/actions'
import type { DialLimits, PbxProfile } from '../profiles/schema'
import { RateLimiter, type RatePolicy } from './rate-limiter'
import { say } from '../i18n'
import { strings } from './strings'

const t = say(strings)

/** The part of a profile a dial budget is kept for and by. */
export type DialSeat = Pick<PbxProfile, 'id' | 'dialLimits'> & { readonly operator: Pick<PbxProfile['operator'], 'ownExtension'> }

export type DialDecision =
  | { readonly ok: true; readonly remaining: number }
  | {
      readonly ok: false
      readonly rule: 'rate_limit'
      /** How long until the next call may be placed or transferred. */
      readonly retryAfterMs: number
      /** When that is, as an ISO-8601 instant. */
      readonly retryAt: string
      /** Plain words with both: "… in 12 s (at 14:03:12)". */
      readonly reason: string
    }

/** What the guard's refusal carries as data (the ApiFailure's detail), as the contract declares it. */
export type DialRefusalDetail = DialLimitDetail

/** Where the actions spend from: one budget per profile and operator seat. */
export interface DialBudget {
  take(seat: DialSeat): DialDecision
}

export interface DialBudgetsOptions {
  /** Milliseconds clock; injectable for tests. */
  readonly now?: () => number
  /** Bound on the seats kept; only seats whose budget is full again are forgotten to make room. */
  readonly maxSeats?: number
}

/** A burst, then the steady rate per minute, as the token bucket's terms. */
export function dialRateOf(limits: DialLimits): RatePolicy {
  return { capacity: limits.burst, refillPerSecond: limits.perMinute / 60 }
}

/** The key a seat's budget is kept under: the operator of that profile on this console. */
export function dialSeatKey(seat: DialSeat): string {
  return `${seat.id}:${seat.operator.ownExtension}`
}

/**
 * The dial budgets of this console: one per profile and operator extension, shared by every
 * window and web socket of that seat and kept across reconnects and runtime restarts (a reload,
 * a second tab or a profile save must not hand out a fresh burst). Bounds what a leaked or
 * scripted console can place before anyone notices, with the profile's own limits.
 */
export class DialBudgets implements DialBudget {
  readonly #now: () => number
  readonly #maxSeats: number
  readonly #seats = new Map<string, { limits: DialLimits; limiter: RateLimiter }>()

  constructor(options: DialBudgetsOptions = {}) {
    this.#now = options.now ?? (() => Date.now())
    this.#maxSeats = options.maxSeats ?? 1000
  }

  take(seat: DialSeat): DialDecision {
    const key = dialSeatKey(seat)
    const decision = this.#budget(key, seat.dialLimits).take(key)
    if (decision.ok) return decision
    const at = this.#now() + decision.retryAfterMs
    const seconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000))
    return {
      ok: false,
      rule: 'rate_limit',
      retryAfterMs: decision.retryAfterMs,
      retryAt: new Date(at).toISOString(),
      reason: t('rateLimit', {
        extension: seat.operator.ownExtension,
        burst: seat.dialLimits.burst,
        perMinute: seat.dialLimits.perMinute,
        seconds,
        at: clockTime(at),
      }),
    }
  }

  #budget(key: string, limits: DialLimits): RateLimiter {
    const kept = this.#seats.get(key)
    if (kept !== undefined) {
      // The admin changed the seat's limits: they apply from now on, to what was already used.
      if (kept.limits.burst !== limits.burst || kept.limits.perMinute !== limits.perMinute) {
        kept.limiter.reconfigure(dialRateOf(limits))
        kept.limits = { ...limits }
      }
      return kept.limiter
    }
    if (this.#seats.size >= this.#maxSeats) {
      for (const [k, s] of this.#seats) if (s.limiter.isIdle(k)) this.#seats.delete(k)
    }
    const limiter = new RateLimiter({ ...dialRateOf(limits), now: this.#now, maxKeys: 1 })
    this.#seats.set(key, { limits: { ...limits }, limiter })
    return limiter
  }
}

/** The console's local wall-clock time, 24-hour: what the operator's own clock shows. */
function clockTime(ms: number): string {
  const d = new Date(ms)
  return [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':')
}
