/**
 * LiveSync: keeps one profile's LiveModel right across connections of an AmiClient.
 *
 *   const sync = new LiveSync({ client: ami, now: () => Date.now() })
 *   sync.on('change', (model) => coalescer.update(toLiveState(model)))
 *   sync.on('synced', (info) => …)          after each completed rebuild
 *   sync.start()                             subscribes; resyncs now if the client is ready
 *   sync.resync()                            on demand (periodic reconciliation)
 *   sync.model                               the current LiveModel
 *   sync.stop()
 *
 * Resync (README.md explains why this is enough): on 'connected' (first connect and every
 * reconnect) the snapshot lists are requested; every event that arrives from the moment of the
 * request is buffered with its arrival time; when all lists are complete the model is rebuilt
 * from the lists — keeping, for what they still list, what the old model knew that they do not
 * say (carry-over.ts), unless the PBX restarted — and the buffered events are replayed on top,
 * in order, queue counts QueueStatus already holds not counted twice (queue-stats.ts). The swap is atomic: until then the last good state stays visible, with
 * meta.status 'syncing' (or 'disconnected' while the socket is down). A resync that is overtaken
 * (disconnect, a newer resync) is discarded. A list that fails while the connection stays up is
 * retried with capped backoff; one that fails because the connection dropped waits for the next
 * 'connected'.
 *
 * Live events are applied in batches (one Draft per socket read, via a microtask); a batch costs
 * O(its events + the entities they change), whatever the size of the state (model.ts).
 */
import type { AmiClient } from '../ami/client'
import { TypedEmitter } from '../util/typed-emitter'
import { type AmiTypedEvent, toTypedEvent } from '../ami/events'
import type { AmiMessage } from '../ami/message'
import { rebuildCalls } from './calls'
import { countOf, Draft, emptyLiveModel, type LiveModel, withMeta } from './model'
import { countedBySnapshot } from './queue-stats'
import { applyEvent } from './reduce'
import { fromSnapshots, type LiveSnapshots, SNAPSHOT_ACTIONS } from './snapshots'

/**
 * What LiveSync needs of an AmiClient (tests pass a fake). `coreStatus` (the CoreStatus answer
 * of the current login) tells a PBX restart apart from a reconnect.
 */
export type LiveSyncClient = Pick<AmiClient, 'on' | 'list' | 'state'> & Partial<Pick<AmiClient, 'coreStatus'>>

export interface LiveSyncOptions {
  readonly client: LiveSyncClient
  /** Wall clock for events without a Timestamp (default Date.now). */
  readonly now?: () => number
  /** Idle timeout of each snapshot list (ms). */
  readonly listTimeoutMs?: number
  /** Ask DeviceStateList too (default true). */
  readonly deviceStates?: boolean
  /** Events buffered during one resync before it is abandoned and restarted (memory bound). */
  readonly maxBuffered?: number
  /** First retry delay after a failed list on a live connection; doubles up to 30 s. */
  readonly retryDelayMs?: number
}

export interface LiveSyncEvents {
  change: [model: LiveModel]
  synced: [info: { readonly channels: number; readonly replayed: number; readonly durationMs: number }]
  error: [err: unknown]
}

interface Stamped {
  readonly event: AmiTypedEvent
  readonly at: number
}

const MAX_RETRY_MS = 30_000

/**
 * Replays stamped events onto a model, each with its own arrival time; the counts of `counted`
 * events are already in the model (a resync's QueueStatus).
 */
export function replayStamped(model: LiveModel, items: readonly Stamped[], counted?: ReadonlySet<AmiTypedEvent>): LiveModel {
  const d = new Draft(model)
  for (const { event, at } of items) applyEvent(d, event, at, counted?.has(event) === true)
  rebuildCalls(d)
  return d.finish()
}

/** When Asterisk started (CoreStatus), undefined if the user may not ask. */
function startupOf(coreStatus: AmiMessage | undefined): string | undefined {
  const date = coreStatus?.get('CoreStartupDate')
  const time = coreStatus?.get('CoreStartupTime')
  return date === undefined || time === undefined ? undefined : `${date} ${time}`
}

export class LiveSync extends TypedEmitter<LiveSyncEvents> {
  private readonly client: LiveSyncClient
  private readonly now: () => number
  private readonly opts: LiveSyncOptions
  private current: LiveModel = emptyLiveModel()
  /** Events waiting for the next batch (live) or for the snapshot (syncing). */
  private pending: Stamped[] = []
  private syncing = false
  private generation = 0
  private batchQueued = false
  private retryTimer: NodeJS.Timeout | undefined
  private retryDelay: number
  private unsubscribe: Array<() => void> = []
  /** The model has applied every event since its last rebuild (no disconnect, no dropped buffer). */
  private continuous = false
  /** When the PBX the model describes started (CoreStatus at the last rebuild). */
  private pbxStart: string | undefined

  constructor(opts: LiveSyncOptions) {
    super()
    this.opts = opts
    this.client = opts.client
    this.now = opts.now ?? Date.now
    this.retryDelay = opts.retryDelayMs ?? 500
  }

  get model(): LiveModel {
    return this.current
  }

  /** True while a rebuild is in flight (events are being buffered). */
  get isSyncing(): boolean {
    return this.syncing
  }

  start(): void {
    if (this.unsubscribe.length > 0) return
    this.unsubscribe = [
      this.client.on('event', (msg) => {
        this.onEvent(msg)
      }),
      this.client.on('connected', () => {
        void this.resync()
      }),
      this.client.on('disconnected', () => {
        this.onDisconnected()
      }),
    ]
    if (this.client.state === 'ready') void this.resync()
  }

  stop(): void {
    for (const off of this.unsubscribe) off()
    this.unsubscribe = []
    this.generation++
    this.syncing = false
    this.continuous = false
    this.pending = []
    clearTimeout(this.retryTimer)
  }

  /** Rebuilds from snapshots. Resolves true when this rebuild was applied. */
  async resync(): Promise<boolean> {
    clearTimeout(this.retryTimer)
    this.flushBatch()
    const gen = ++this.generation
    // Every event so far is applied: buffered from here on, nothing is lost unless this attempt
    // is overtaken (its buffer is dropped; the next attempt then starts from a gap).
    const lossy = !this.continuous
    this.continuous = false
    this.syncing = true
    this.pending = []
    this.publish(withMeta(this.current, { status: 'syncing' }))
    const prior = this.current
    const started = this.now()
    let snaps: LiveSnapshots
    let queuesAnsweredAfter: number
    try {
      ;({ snaps, queuesAnsweredAfter } = await this.requestSnapshots())
    } catch (err) {
      if (gen !== this.generation) return false
      this.emit('error', err)
      // Events are buffered, not applied, until a rebuild succeeds: what is shown is as of now.
      this.markStale()
      if (this.client.state === 'ready') this.scheduleRetry()
      return false
    }
    if (gen !== this.generation) return false
    const at = this.now()
    const startup = startupOf(this.client.coreStatus)
    const samePbx = startup === undefined || this.pbxStart === undefined || startup === this.pbxStart
    if (startup !== undefined) this.pbxStart = startup
    const meta = { status: 'live', syncedAt: at, resyncs: this.current.meta.resyncs + 1 } as const
    const base = fromSnapshots(snaps, at, meta, samePbx ? { prior, lossy } : undefined)
    const buffered = this.pending
    this.pending = []
    this.syncing = false
    this.continuous = true
    this.retryDelay = this.opts.retryDelayMs ?? 500
    const counted = countedBySnapshot(
      base,
      buffered.map((b) => b.event),
      { prior: samePbx ? prior : undefined, lossy, answeredAfter: queuesAnsweredAfter },
    )
    this.publish(replayStamped(base, buffered, counted))
    this.emit('synced', { channels: countOf(this.current, 'channels'), replayed: buffered.length, durationMs: this.now() - started })
    return true
  }

  /** The lists, and how many buffered events had arrived when QueueStatus was answered. */
  private async requestSnapshots(): Promise<{ snaps: LiveSnapshots; queuesAnsweredAfter: number }> {
    const timeoutMs = this.opts.listTimeoutMs ?? 10_000
    const list = async (name: string): Promise<readonly AmiMessage[]> => (await this.client.list(name, undefined, { timeoutMs })).events
    let queuesAnsweredAfter = 0
    const queues = list(SNAPSHOT_ACTIONS.queueStatus).then((items) => {
      queuesAnsweredAfter = this.pending.length
      return items
    })
    // All written at once; Asterisk answers one session's actions in order.
    const [bridgeList, coreShowChannels, queueStatus, parkedCalls, extensionStateList, deviceStateList] = await Promise.all([
      list(SNAPSHOT_ACTIONS.bridgeList),
      list(SNAPSHOT_ACTIONS.coreShowChannels),
      queues,
      list(SNAPSHOT_ACTIONS.parkedCalls),
      list(SNAPSHOT_ACTIONS.extensionStateList),
      this.opts.deviceStates === false ? Promise.resolve([]) : list(SNAPSHOT_ACTIONS.deviceStateList),
    ])
    return { snaps: { bridgeList, coreShowChannels, queueStatus, parkedCalls, extensionStateList, deviceStateList }, queuesAnsweredAfter }
  }

  private scheduleRetry(): void {
    const delay = this.retryDelay
    this.retryDelay = Math.min(MAX_RETRY_MS, this.retryDelay * 2)
    this.retryTimer = setTimeout(() => {
      if (this.client.state === 'ready') void this.resync()
    }, delay)
    this.retryTimer.unref()
  }

  private onDisconnected(): void {
    clearTimeout(this.retryTimer)
    this.flushBatch()
    // Whatever was in flight belongs to the dead connection; the next 'connected' starts over.
    this.generation++
    this.continuous = false
    this.syncing = true
    this.pending = []
    this.publish(withMeta(this.current, { status: 'disconnected', staleSince: this.current.meta.staleSince ?? this.now() }))
  }

  /** The shown state stopped following the PBX now (kept if it already had: the earliest moment counts). */
  private markStale(): void {
    if (this.current.meta.staleSince === undefined) this.publish(withMeta(this.current, { staleSince: this.now() }))
  }

  private onEvent(msg: AmiMessage): void {
    if (this.unsubscribe.length === 0) return
    const event = toTypedEvent(msg)
    if (event === undefined) return
    this.pending.push({ event, at: this.now() })
    if (this.syncing) {
      if (this.pending.length > (this.opts.maxBuffered ?? 500_000)) void this.resync()
      return
    }
    if (!this.batchQueued) {
      this.batchQueued = true
      queueMicrotask(() => {
        this.flushBatch()
      })
    }
  }

  private flushBatch(): void {
    this.batchQueued = false
    if (this.syncing || this.pending.length === 0) return
    const batch = this.pending
    this.pending = []
    this.publish(replayStamped(this.current, batch))
  }

  private publish(model: LiveModel): void {
    if (model === this.current) return
    this.current = model
    this.emit('change', model)
  }
}
