/**
 * One circuit breaker shared by the three transports of a PBX session.
 *
 *   closed    requests flow; failures are remembered for `windowMs`
 *   open      `failureThreshold` failures (from any transport) inside the window: requests are
 *             refused at once, without touching the network, for `coolDownMs`
 *   half_open after the cool-down, exactly one probe may go out; its success closes the
 *             breaker, its failure opens it again for another cool-down
 *
 * Why shared: when the PBX (or the path to it) is down, all three transports fail together; one
 * breaker stops the console from hammering a struggling PBX from three directions at once.
 * The clock is injectable so tests step through the states without sleeping. The open →
 * half_open move happens when the state is next read (`state`, `tryAcquire`).
 */
import { TypedEmitter } from '../util/typed-emitter'

export type BreakerState = 'closed' | 'open' | 'half_open'

export interface CircuitBreakerOptions {
  /** Failures inside the window that open the breaker (default 5). */
  readonly failureThreshold?: number
  /** Sliding window for counting failures (default 30 s). */
  readonly windowMs?: number
  /** How long the breaker stays open before one probe is allowed (default 15 s). */
  readonly coolDownMs?: number
  readonly now?: () => number
}

export interface CircuitBreakerEvents {
  state: [state: BreakerState, previous: BreakerState]
}

export class CircuitBreaker extends TypedEmitter<CircuitBreakerEvents> {
  private readonly threshold: number
  private readonly windowMs: number
  readonly coolDownMs: number
  private readonly now: () => number
  private current: BreakerState = 'closed'
  private failures: number[] = []
  private openedAt = 0
  private probeInFlight = false

  constructor(options: CircuitBreakerOptions = {}) {
    super()
    this.threshold = Math.max(1, options.failureThreshold ?? 5)
    this.windowMs = options.windowMs ?? 30_000
    this.coolDownMs = options.coolDownMs ?? 15_000
    this.now = options.now ?? Date.now
  }

  get state(): BreakerState {
    if (this.current === 'open' && this.now() - this.openedAt >= this.coolDownMs) this.move('half_open')
    return this.current
  }

  /** When an open breaker will allow a probe (epoch ms), or undefined when not open. */
  get retryAt(): number | undefined {
    return this.state === 'open' ? this.openedAt + this.coolDownMs : undefined
  }

  /**
   * May a request go out now? In half_open only the first caller gets the probe; it must report
   * back with recordSuccess/recordFailure (or release() if it did not run).
   */
  tryAcquire(): boolean {
    const state = this.state
    if (state === 'closed') return true
    if (state === 'open' || this.probeInFlight) return false
    this.probeInFlight = true
    return true
  }

  /** The probe did not run after all. */
  release(): void {
    this.probeInFlight = false
  }

  recordSuccess(): void {
    this.probeInFlight = false
    this.failures = []
    if (this.state !== 'closed') this.move('closed')
  }

  recordFailure(): void {
    const now = this.now()
    const state = this.state
    this.probeInFlight = false
    if (state === 'half_open') {
      this.open(now)
      return
    }
    if (state === 'open') return
    this.failures = this.failures.filter((t) => now - t < this.windowMs)
    this.failures.push(now)
    if (this.failures.length >= this.threshold) this.open(now)
  }

  private open(now: number): void {
    this.openedAt = now
    this.failures = []
    this.move('open')
  }

  private move(next: BreakerState): void {
    const previous = this.current
    if (previous === next) return
    this.current = next
    this.emit('state', next, previous)
  }
}
