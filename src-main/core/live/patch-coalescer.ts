/**
 * PatchCoalescer: turns a stream of LiveStates into at most one LivePatch per frame.
 *
 *   const co = new PatchCoalescer({ profileId, initial?, frameMs?: 16, scheduler?, clock? })
 *   co.update(state)                latest state; a flush is scheduled (never more than one per frame)
 *   co.flush()                      flush now (tests, shutdown); returns the patch or undefined
 *   co.snapshot()                   { profileId, seq, state } as of the last flush
 *   const sub = co.subscribe(sink)  sink.send(msg) gets { kind: 'snapshot' } first, then patches;
 *   sub.unsubscribe()               sink.isBackedUp?() true at a flush → the sink skips patches and
 *   sub.resend()                    gets a fresh snapshot once it drains (never a backlog); resend()
 *                                   forces a snapshot (renderer reload, seq gap seen by the renderer)
 *   co.stats                        { flushes, patches, snapshots }
 *
 * One pending change per entity: a flush diffs the state at the previous flush with the latest
 * one, by reference (reducers share untouched entities), so an entity changed ten times is sent
 * once with its latest value and one that appeared and vanished between flushes is not sent.
 */
import {
  type CollectionPatch,
  LIVE_COLLECTIONS,
  type LiveCollectionName,
  type LiveMessage,
  type LivePatch,
  type LiveSnapshot,
  type LiveState,
  emptyLiveState,
} from '../../../src-preload/types/live'

export type Scheduler = (fn: () => void, delayMs: number) => { cancel(): void }

export interface LiveSink {
  send(msg: LiveMessage): void
  /** True when the transport cannot take more now (e.g. a WebSocket's bufferedAmount is high). */
  isBackedUp?(): boolean
}

export interface PatchCoalescerOptions {
  readonly profileId: string
  readonly initial?: LiveState
  readonly frameMs?: number
  readonly scheduler?: Scheduler
  readonly clock?: () => number
}

export interface LiveSubscription {
  unsubscribe(): void
  resend(): void
}

const defaultScheduler: Scheduler = (fn, delayMs) => {
  const t = setTimeout(fn, delayMs)
  return {
    cancel: () => {
      clearTimeout(t)
    },
  }
}

type Entity = { readonly id: string }

/** Changes between two versions of one collection, by reference. */
export function diffCollection<E extends Entity>(
  prev: Readonly<Record<string, E>>,
  next: Readonly<Record<string, E>>,
): CollectionPatch<E> | undefined {
  if (prev === next) return undefined
  const upsert: Record<string, E> = Object.create(null) as Record<string, E>
  const remove: string[] = []
  let changed = false
  for (const id in next) {
    const e = next[id] as E
    if (prev[id] !== e) {
      upsert[id] = e
      changed = true
    }
  }
  for (const id in prev) {
    if (!(id in next)) {
      remove.push(id)
      changed = true
    }
  }
  return changed ? { upsert, remove } : undefined
}

/** The patch (without profileId/seq) that turns `prev` into `next`; undefined when equal. */
export function diffLiveState(prev: LiveState, next: LiveState): Omit<LivePatch, 'profileId' | 'seq'> | undefined {
  const out: Partial<Record<LiveCollectionName, CollectionPatch<Entity>>> & { meta?: LiveState['meta'] } = {}
  let changed = false
  for (const c of LIVE_COLLECTIONS) {
    const p = diffCollection<Entity>(prev[c], next[c])
    if (p !== undefined) {
      out[c] = p
      changed = true
    }
  }
  const a = prev.meta
  const b = next.meta
  if (a.status !== b.status || a.syncedAt !== b.syncedAt || a.resyncs !== b.resyncs) {
    out.meta = next.meta
    changed = true
  }
  return changed ? (out as Omit<LivePatch, 'profileId' | 'seq'>) : undefined
}

interface SinkEntry {
  readonly sink: LiveSink
  stale: boolean
}

export class PatchCoalescer {
  readonly profileId: string
  private readonly frameMs: number
  private readonly schedule: Scheduler
  private readonly clock: () => number
  private flushed: LiveState
  private latest: LiveState
  private seq = 0
  private lastFlushAt = Number.NEGATIVE_INFINITY
  private timer: { cancel(): void } | undefined
  private readonly sinks = new Set<SinkEntry>()
  readonly stats = { flushes: 0, patches: 0, snapshots: 0 }

  constructor(opts: PatchCoalescerOptions) {
    this.profileId = opts.profileId
    this.frameMs = opts.frameMs ?? 16
    this.schedule = opts.scheduler ?? defaultScheduler
    this.clock = opts.clock ?? (() => performance.now())
    this.flushed = opts.initial ?? emptyLiveState()
    this.latest = this.flushed
  }

  update(state: LiveState): void {
    this.latest = state
    this.arm()
  }

  snapshot(): LiveSnapshot {
    // Only the public collections: a LiveModel passed to update() also carries its indexes.
    const f = this.flushed
    const state: LiveState = {
      meta: f.meta,
      channels: f.channels,
      calls: f.calls,
      extensions: f.extensions,
      devices: f.devices,
      queues: f.queues,
      parked: f.parked,
      bridges: f.bridges,
    }
    return { profileId: this.profileId, seq: this.seq, state }
  }

  subscribe(sink: LiveSink): LiveSubscription {
    const entry: SinkEntry = { sink, stale: false }
    this.sinks.add(entry)
    this.sendSnapshot(entry)
    return {
      unsubscribe: () => {
        this.sinks.delete(entry)
      },
      resend: () => {
        if (this.sinks.has(entry)) this.sendSnapshot(entry)
      },
    }
  }

  flush(): LivePatch | undefined {
    this.timer?.cancel()
    this.timer = undefined
    this.lastFlushAt = this.clock()
    this.stats.flushes++
    const diff = diffLiveState(this.flushed, this.latest)
    let patch: LivePatch | undefined
    if (diff !== undefined) {
      this.seq++
      this.flushed = this.latest
      patch = { profileId: this.profileId, seq: this.seq, ...diff }
      this.stats.patches++
    }
    for (const entry of this.sinks) {
      if (entry.sink.isBackedUp?.() === true) {
        entry.stale = true
        continue
      }
      if (entry.stale) this.sendSnapshot(entry)
      else if (patch !== undefined) entry.sink.send({ kind: 'patch', patch })
    }
    // A stale sink is looked at again next frame even if nothing changes.
    if ([...this.sinks].some((e) => e.stale)) this.arm()
    return patch
  }

  dispose(): void {
    this.timer?.cancel()
    this.timer = undefined
    this.sinks.clear()
  }

  private arm(): void {
    if (this.timer !== undefined) return
    const wait = Math.max(0, this.lastFlushAt + this.frameMs - this.clock())
    this.timer = this.schedule(() => {
      this.timer = undefined
      // Node's timers count from the event loop's cached time, so after a long synchronous
      // stretch one can fire early: never flush sooner than a frame after the last flush
      // (bench:live saw two flushes within 16 ms without this).
      if (this.clock() < this.lastFlushAt + this.frameMs) this.arm()
      else this.flush()
    }, wait)
  }

  private sendSnapshot(entry: SinkEntry): void {
    entry.stale = false
    this.stats.snapshots++
    entry.sink.send({ kind: 'snapshot', snapshot: this.snapshot() })
  }
}
