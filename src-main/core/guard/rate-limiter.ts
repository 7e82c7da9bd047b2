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

export type RateDecision =
  | { ok: true; remaining: number }
  | { ok: false; rule: 'rate_limit'; retryAfterMs: number; reason: string }

interface Bucket {
  tokens: number
  updatedAt: number
}

/** Default for originate and transfer: a burst of 5, then one every 6 s (10 a minute). */
export const DEFAULT_DIAL_RATE: Readonly<Pick<RateLimiterOptions, 'capacity' | 'refillPerSecond'>> = Object.freeze({ capacity: 5, refillPerSecond: 1 / 6 })

/**
 * Token bucket per key (e.g. `${profileId}:${operatorExtension}`): bounds what a leaked or
 * scripted console can place at night before anyone notices.
 */
export class RateLimiter {
  readonly #capacity: number
  readonly #refillPerMs: number
  readonly #now: () => number
  readonly #maxKeys: number
  readonly #buckets = new Map<string, Bucket>()

  constructor(options: RateLimiterOptions) {
    if (!(options.capacity >= 1) || !(options.refillPerSecond > 0)) throw new RangeError('capacity must be >= 1 and refillPerSecond > 0')
    this.#capacity = options.capacity
    this.#refillPerMs = options.refillPerSecond / 1000
    this.#now = options.now ?? (() => Date.now())
    this.#maxKeys = options.maxKeys ?? 10_000
  }

  /** How many keys are tracked (bounded by maxKeys). */
  get trackedKeys(): number {
    return this.#buckets.size
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
      reason: `too many calls placed or transferred from this seat; try again in ${String(Math.ceil(retryAfterMs / 1000))} s`,
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
