import type { AmiMessage } from '../ami/message'
import { cdrFromAmiFields } from './adapters'
import type { CdrStore } from './store'
import type { CdrRecord, DirectionRule } from './types'

export interface LiveIngestOptions {
  readonly store: CdrStore
  readonly profileId: string
  readonly timeZone: string
  readonly direction?: DirectionRule
  /** A batch is written at most this long after its first record arrived. */
  readonly flushMs?: number
  readonly maxBatch?: number
  readonly log?: (message: string, err?: unknown) => void
}

/**
 * Turns the AMI `Cdr` events of one PBX into small batched store writes. Batches stay small (the
 * store normalises and packs a batch on the main thread before handing it to the worker) and are written off the AMI data path, so
 * ingest never slows the socket Asterisk's writetimeout watches.
 */
export class CdrLiveIngest {
  private batch: CdrRecord[] = []
  private timer: NodeJS.Timeout | undefined
  private writing: Promise<void> = Promise.resolve()

  constructor(private readonly opts: LiveIngestOptions) {}

  push(msg: AmiMessage): void {
    if (msg.get('Event') !== 'Cdr') return
    const fields: Record<string, string> = {}
    for (const [k, v] of msg.fields()) fields[k] = v
    try {
      this.batch.push({ ...cdrFromAmiFields(fields), source: 'ami' })
    } catch (err) {
      this.opts.log?.('a Cdr event could not be read; skipped', err)
      return
    }
    // flush() never rejects (failures are logged), so nothing is left floating here.
    if (this.batch.length >= (this.opts.maxBatch ?? 500)) void this.flush()
    else
      this.timer ??= setTimeout(() => {
        void this.flush()
      }, this.opts.flushMs ?? 250)
  }

  /** Writes what is pending; writes are chained so batches land in arrival order. */
  flush(): Promise<void> {
    clearTimeout(this.timer)
    this.timer = undefined
    const records = this.batch
    this.batch = []
    if (records.length === 0) return this.writing
    const { store, profileId, timeZone, direction } = this.opts
    this.writing = this.writing
      .then(() => store.ingest(profileId, records, direction === undefined ? { timeZone } : { timeZone, direction }))
      .then((r) => {
        if (r.rejected.length > 0) this.opts.log?.(`${String(r.rejected.length)} CDRs rejected: ${r.rejected[0]?.reason ?? ''}`)
      })
      .catch((err: unknown) => {
        this.opts.log?.('CDR batch not stored', err)
      })
    return this.writing
  }
}
