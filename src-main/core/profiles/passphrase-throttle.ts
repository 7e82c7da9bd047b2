import { ProfileError } from './errors'
import { throttledWords } from './words'

export interface PassphraseThrottleOptions {
  readonly now?: () => number
  /** Wait after the first failure; doubles with each further one. Default 1 s. */
  readonly firstDelayMs?: number
  /** The longest wait. Default 5 minutes. */
  readonly maxDelayMs?: number
}

/**
 * One throttle for every admin secret the console checks (passphrase, web mode's setup code), for
 * the whole console: it counts failures, not sockets or windows, so opening more connections buys
 * no more guesses. After n failures in a row the next check waits firstDelay * 2^(n-1), up to the
 * maximum; an attempt during the wait is refused unchecked (it consumes no guess and does not
 * lengthen the wait) and a success resets the count. Callers run checks one at a time (the profile
 * service serialises them), so parallel requests cannot all slip in before a failure is counted.
 */
export class PassphraseThrottle {
  readonly #now: () => number
  readonly #firstDelayMs: number
  readonly #maxDelayMs: number
  #failures = 0
  #notBefore = 0

  constructor(options: PassphraseThrottleOptions = {}) {
    this.#now = options.now ?? Date.now
    this.#firstDelayMs = options.firstDelayMs ?? 1000
    this.#maxDelayMs = options.maxDelayMs ?? 5 * 60_000
  }

  /** Milliseconds until the next check may run (0 = now). */
  waitMs(): number {
    return Math.max(0, this.#notBefore - this.#now())
  }

  /** Throws `passphrase_throttled` with "try again in 8 s" while a wait is running. */
  assertMayTry(what: 'admin passphrase' | 'setup code'): void {
    const wait = this.waitMs()
    if (wait > 0) {
      throw new ProfileError('passphrase_throttled', throttledWords(what, wait), undefined, wait)
    }
  }

  failed(): void {
    this.#failures++
    const delay = Math.min(this.#maxDelayMs, this.#firstDelayMs * 2 ** Math.min(this.#failures - 1, 30))
    this.#notBefore = this.#now() + delay
  }

  succeeded(): void {
    this.#failures = 0
    this.#notBefore = 0
  }
}
