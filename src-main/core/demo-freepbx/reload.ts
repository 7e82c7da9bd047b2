/**
 * Apply Config as FreePBX's api module runs it (freepbx-api.md §2, §3.9): `doreload` records a
 * transaction in `Processing` and returns at once; the background `fwconsole api doreload` ends it
 * as `Executed` (the configuration reaches the PBX: FreepbxConfig.apply) or `Failed` with
 * do_reload()'s message in `details`. Some 17 builds stay in `Processing` for ever
 * (issue-tracker#1112 / api#15): the `stuck` outcome.
 *
 *   const reloads = new ReloadTransactions(config, { delayMs: 1500 })
 *   const id = reloads.start()        // '1', '2'…
 *   reloads.status(id)                // { status: 'Processing' | 'Executed' | 'Failed', details }
 *   reloads.setBehaviour({ outcome: 'failed', details: '…' })
 */
import type { FreepbxConfig } from '../demo/config/freepbx-config'

export type ReloadOutcome = 'executed' | 'failed' | 'stuck'

export interface ReloadBehaviour {
  /** Time the background reload takes (default 1,500 ms). */
  readonly delayMs?: number
  readonly outcome?: ReloadOutcome
  /** `details` of a failed reload. */
  readonly details?: string
}

export interface ReloadTransaction {
  readonly id: string
  status: 'Processing' | 'Executed' | 'Failed'
  details: string
  readonly startedMs: number
}

export class ReloadTransactions {
  private readonly txns = new Map<string, ReloadTransaction>()
  private readonly timers = new Set<NodeJS.Timeout>()
  private nextId = 1

  /** The behaviour lives on the configuration, so the demo PBX's control endpoint can change it. */
  constructor(
    private readonly config: FreepbxConfig,
    behaviour: ReloadBehaviour = {},
    private readonly now: () => number = Date.now,
  ) {
    this.setBehaviour(behaviour)
  }

  setBehaviour(behaviour: ReloadBehaviour): void {
    this.config.reloadBehaviour = { ...this.config.reloadBehaviour, ...behaviour }
  }

  start(): string {
    const id = String(this.nextId++)
    const txn: ReloadTransaction = { id, status: 'Processing', details: '', startedMs: this.now() }
    this.txns.set(id, txn)
    const { delayMs, outcome, details } = this.config.reloadBehaviour
    if (outcome === 'stuck') return id
    const timer = setTimeout(() => {
      this.timers.delete(timer)
      if (outcome === 'failed') {
        txn.status = 'Failed'
        txn.details = details
        return
      }
      this.config.apply()
      txn.status = 'Executed'
    }, delayMs)
    this.timers.add(timer)
    return id
  }

  status(id: string): ReloadTransaction | undefined {
    return this.txns.get(id)
  }

  /** Stops pending reloads (server shutdown). */
  stop(): void {
    for (const t of this.timers) clearTimeout(t)
    this.timers.clear()
  }
}
