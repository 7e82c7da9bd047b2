import { say } from '../i18n'
import { strings } from './strings'

const t = say(strings)

export interface RateLimiterOptions {
  /** Most actions allowed in a burst. */
  capacity: number
  /** Tokens regained per second (e.g. 10/min = 1/6). */
  refillPerSecond: number
  /** Milliseconds clock; injectable for tests. */
  now?: () => number
  /** Bound on tracked keys so a flood of distinct keys cannot grow memory without limit. */
  maxKeys?: number
}

export type RateDecision = { ok: true; remaining: number } | { ok: false; rule: 'rate_limit'; retryAfterMs: number; reason: string }

interface Bucket {
  tokens: number
  updatedAt: number
}

export type RatePolicy = Readonly<Pick<RateLimiterOptions, 'capacity' | 'refillPerSecond'>>

/**
 * Token bucket per key (e.g. `${profileId}:${operatorExtension}`): bounds what a leaked or
 * scripted console can place at night before anyone notices.
 */
export class RateLimiter {
  #capacity: number
  #refillPerMs: number
  readonly #now: () => number
  readonly #maxKeys: number
  readonly #buckets = new Map<string, Bucket>()

  constructor(options: RateLimiterOptions) {
    checkPolicy(options)
    this.#capacity = options.capacity
    this.#refillPerMs = options.refillPerSecond / 1000
    this.#now = options.now ?? (() => Date.now())
    this.#maxKeys = options.maxKeys ?? 10_000
  }

  /** How many keys are tracked (bounded by maxKeys). */
  get trackedKeys(): number {
    return this.#buckets.size
  }

  /**
   * A new burst and rate from now on. What each key has used is kept: every bucket is refilled at
   * the old rate up to now, then held to the new capacity (a lower limit takes effect at once; a
   * higher one does not hand out a fresh burst).
   */
  reconfigure(policy: RatePolicy): void {
    checkPolicy(policy)
    const now = this.#now()
    for (const key of this.#buckets.keys()) this.#refill(key, now)
    this.#capacity = policy.capacity
    this.#refillPerMs = policy.refillPerSecond / 1000
    for (const bucket of this.#buckets.values()) bucket.tokens = Math.min(bucket.tokens, this.#capacity)
  }

  /** Whether this key's bucket is full again: it then behaves exactly as if it were not tracked. */
  isIdle(key: string): boolean {
    const bucket = this.#buckets.get(key)
    return bucket === undefined || bucket.tokens + Math.max(0, this.#now() - bucket.updatedAt) * this.#refillPerMs >= this.#capacity
  }

  take(key: string, cost = 1): RateDecision {
    const now = this.#now()
    const bucket = this.#refill(key, now)
    if (bucket.tokens >= cost) {
      bucket.tokens -= cost
      return { ok: true, remaining: Math.floor(bucket.tokens) }
    }
    const retryAfterMs = Math.ceil((cost - bucket.tokens) / this.#refillPerMs)
    return {
      ok: false,
      rule: 'rate_limit',
      retryAfterMs,
      reason: t('rateLimitSeat', { seconds: Math.ceil(retryAfterMs / 1000) }),
    }
  }

  #refill(key: string, now: number): Bucket {
    let bucket = this.#buckets.get(key)
    if (bucket === undefined) {
      if (this.#buckets.size >= this.#maxKeys) this.#evict(now)
      bucket = { tokens: this.#capacity, updatedAt: now }
      this.#buckets.set(key, bucket)
      return bucket
    }
    // A clock that steps backwards (NTP) must not mint tokens or lock a seat out.
    const elapsed = Math.max(0, now - bucket.updatedAt)
    bucket.tokens = Math.min(this.#capacity, bucket.tokens + elapsed * this.#refillPerMs)
    bucket.updatedAt = now
    return bucket
  }

  /** Drops buckets that have refilled (they behave exactly like absent ones), else the oldest. */
  #evict(now: number): void {
    for (const [key, bucket] of this.#buckets) {
      if (bucket.tokens + (now - bucket.updatedAt) * this.#refillPerMs >= this.#capacity) this.#buckets.delete(key)
    }
    if (this.#buckets.size >= this.#maxKeys) {
      const oldest = this.#buckets.keys().next()
      if (oldest.done !== true) this.#buckets.delete(oldest.value)
    }
  }
}

function checkPolicy(policy: RatePolicy): void {
  if (!(policy.capacity >= 1) || !(policy.refillPerSecond > 0)) throw new RangeError('capacity must be >= 1 and refillPerSecond > 0')
}
