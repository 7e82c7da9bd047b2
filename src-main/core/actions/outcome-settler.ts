import type { ActionSettled } from '../../../src-preload/types/actions'
import type { LiveState } from '../../../src-preload/types/live'
import type { AuditLog, AuditResult } from '../audit'
import { judgeExpectation, type Expectation, type Verdict } from './expectation'
import { say } from '../i18n'
import { strings } from './strings'

const t = say(strings)

/** An action whose answer was lost, waiting for a state that can tell what happened. */
export interface UnsettledAction {
  /** The window or socket that acted: only it is told the outcome. */
  readonly clientId: string
  readonly profileId: string
  readonly role: 'receptionist' | 'supervisor' | 'admin'
  readonly operator: string
  /** The window or socket in words ("web socket 5"), as the action's own audit line named it. */
  readonly seat: string
  readonly action: string
  readonly target: string
  /** The PBX's ids for support (a channel's Uniqueid), kept in the audit line's detail. */
  readonly support?: string
  readonly expectation: Expectation
  /**
   * The connection stayed up but the PBX did not answer in time: it may still act, so the state is
   * read only after a grace period, and a resync is asked for (no reconnect will bring one).
   */
  readonly timedOut: boolean
}

export interface OutcomeSettlerOptions {
  readonly audit: AuditLog
  readonly onSettled: (clientId: string, settled: ActionSettled) => void
  /** Asks the live state to rebuild from the PBX's lists (after a timeout, when no reconnect comes). */
  readonly requestResync: () => void
  readonly now?: () => number
  /** A timed-out action may still be carried out late: read the state no sooner than this after it. */
  readonly graceMs?: number
  /** Given up as unknown when no resync came within this time. */
  readonly ttlMs?: number
  /** At most this many wait at once; the oldest is given up first (memory bound). */
  readonly maxPending?: number
  readonly log?: (message: string, err?: unknown) => void
}

interface Pending extends UnsettledAction {
  readonly settleId: string
  /** Only a rebuild that started at or after this instant can tell. */
  readonly readableFrom: number
  readonly expiresAt: number
}

/** Read when it happens, in the console's language then. */
const expired = (): Verdict => ({ outcome: 'unknown', message: t('expired') })

const AUDIT_RESULT: Readonly<Record<Verdict['outcome'], AuditResult>> = {
  done: 'ok',
  not_done: 'error',
  ended: 'outcome_unknown',
  unknown: 'outcome_unknown',
}

/**
 * Settles "outcome unknown" actions from the live state rebuilt after the loss — never by sending
 * the action again (a replayed Originate is a second real call). Each settled action gets an audit
 * line of its own and one `actions.settled` message to the window that acted.
 */
export class OutcomeSettler {
  private readonly pending = new Map<string, Pending>()
  private readonly now: () => number
  private readonly timers = new Set<NodeJS.Timeout>()
  private seq = 0

  constructor(private readonly opts: OutcomeSettlerOptions) {
    this.now = opts.now ?? Date.now
  }

  /** Starts waiting for the outcome; returns the id the operator's error and the later message carry. */
  track(action: UnsettledAction): string {
    const at = this.now()
    const settleId = `s${String(at)}-${String(++this.seq)}`
    const grace = action.timedOut ? (this.opts.graceMs ?? 2000) : 0
    const ttl = this.opts.ttlMs ?? 10 * 60_000
    this.pending.set(settleId, { ...action, settleId, readableFrom: at + grace, expiresAt: at + ttl })
    this.evictOverflow()
    // Given up on time even when no resync ever comes (the PBX stays unreachable). The timer gives up
    // this action itself rather than asking the wall clock: a Node timer may fire a millisecond before
    // Date.now() reaches `expiresAt`, and a clock check would then leave the action waiting for ever.
    this.schedule(ttl, () => {
      this.giveUp(settleId)
    })
    if (action.timedOut) {
      this.schedule(grace, () => {
        this.opts.requestResync()
      })
    }
    return settleId
  }

  private schedule(ms: number, fn: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer)
      fn()
    }, ms)
    timer.unref()
    this.timers.add(timer)
  }

  get size(): number {
    return this.pending.size
  }

  /**
   * A resync finished: `state` was rebuilt from lists requested at `startedAt`. Settles every
   * action that was lost before that, and gives up those that waited too long.
   */
  onResynced(state: LiveState, startedAt: number): void {
    for (const p of [...this.pending.values()]) {
      if (p.readableFrom <= startedAt) this.settle(p, judgeExpectation(state, p.expectation))
    }
    this.expire()
  }

  /** Gives up actions no resync could settle in time (also called on every resync). */
  expire(): void {
    const now = this.now()
    for (const p of [...this.pending.values()]) {
      if (p.expiresAt <= now) this.settle(p, expired())
    }
  }

  private giveUp(settleId: string): void {
    const p = this.pending.get(settleId)
    if (p) this.settle(p, expired())
  }

  /** The runtime stops: whatever still waits is reported as unknown, not silently dropped. */
  dispose(): void {
    for (const t of this.timers) clearTimeout(t)
    this.timers.clear()
    for (const p of [...this.pending.values()]) {
      this.settle(p, { outcome: 'unknown', message: t('closed') })
    }
  }

  private evictOverflow(): void {
    const max = this.opts.maxPending ?? 200
    for (const p of this.pending.values()) {
      if (this.pending.size <= max) break
      this.settle(p, { outcome: 'unknown', message: t('overflow') })
    }
  }

  private settle(p: Pending, verdict: Verdict): void {
    if (!this.pending.delete(p.settleId)) return
    const settled: ActionSettled = {
      profileId: p.profileId,
      settleId: p.settleId,
      action: p.action,
      target: p.target,
      outcome: verdict.outcome,
      message: verdict.message,
    }
    this.opts.onSettled(p.clientId, settled)
    const result = AUDIT_RESULT[verdict.outcome]
    this.opts.audit
      .append({
        profileId: p.profileId,
        role: p.role,
        action: p.action,
        target: p.target,
        operator: p.operator,
        seat: p.seat,
        result,
        ...(result === 'ok' ? {} : { errorCode: verdict.outcome }),
        detail: `settled from the PBX's call list: ${verdict.message}${p.support === undefined ? '' : ` · ${p.support}`}`,
      })
      .catch((err: unknown) => {
        this.opts.log?.('an audit line for a settled action could not be written', err)
      })
  }
}
