import type { AmiMessage } from '../ami/message'
import type { CdrStore } from '../cdr/store'
import { isQueueReportEvent, QueueCallTracker, queueEventFromAmi, type QueueEvent } from './queue-event'

export interface QueueEventIngestOptions {
  readonly store: CdrStore
  readonly profileId: string
  readonly now?: () => number
  /** A batch is written at most this long after its first event arrived. */
  readonly flushMs?: number
  readonly maxBatch?: number
  readonly log?: (message: string, err?: unknown) => void
}

/**
 * app_queue's AMI events of one PBX into the reports' store, in small batches written off the AMI
 * data path (like the CDRs' live ingest). Nothing here can count a call twice: the store
 * recognises an event it already keeps (queue-event-db.ts), and AMI never replays events after a
 * reconnect, while a resync reads lists (QueueStatus), which are not these events.
 */
export class QueueEventLiveIngest {
  private batch: QueueEvent[] = []
  private timer: NodeJS.Timeout | undefined
  private writing: Promise<void> = Promise.resolve()
  private readonly calls = new QueueCallTracker()

  constructor(private readonly opts: QueueEventIngestOptions) {}

  /** Whether the event is one this ingest keeps (the runtime holds early ones while the store opens). */
  static wants(msg: AmiMessage): boolean {
    return isQueueReportEvent(msg.get('Event'))
  }

  push(msg: AmiMessage, receivedMs?: number): void {
    if (!QueueEventLiveIngest.wants(msg)) return
    const fields: Record<string, string> = {}
    for (const [k, v] of msg.fields()) fields[k] ??= v
    const e = queueEventFromAmi(fields, receivedMs ?? (this.opts.now ?? Date.now)())
    if (e === undefined) return
    this.batch.push(this.calls.fill(e))
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
    const events = this.batch
    this.batch = []
    if (events.length === 0) return this.writing
    this.writing = this.writing
      .then(() => this.opts.store.ingestQueueEvents(this.opts.profileId, events))
      .then((r) => {
        if (r.rejected.length > 0) this.opts.log?.(`${String(r.rejected.length)} queue events rejected: ${r.rejected[0]?.reason ?? ''}`)
      })
      .catch((err: unknown) => {
        this.opts.log?.('queue events not stored', err)
      })
    return this.writing
  }
}
