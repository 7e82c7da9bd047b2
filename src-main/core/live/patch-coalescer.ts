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
 *   co.stats                        { flushes, patches, snapshots, fullDiffs }
 *
 * What sinks get is the wire form: extensions carry at most a few call ids and their count
 * (wire-extensions.ts); snapshot() itself is the full state.
 *
 * One pending change per entity: a flush compares the state at the previous flush with the latest
 * one, by reference (reducers share untouched entities), so an entity changed ten times is sent
 * once with its latest value and one that appeared and vanished between flushes is not sent.
 *
 * Fast path: states made by the live model (toLiveState) say which ids their batch wrote and
 * which version they were made from. While every update() follows the previous one, the
 * coalescer collects those ids and a flush looks only at them: O(changed), not O(state). Any
 * other state (a fresh rebuild after a resync, a hand-made state) makes the next flush diff the
 * whole collections (diffLiveState), which gives the same patch.
 *
 * Queues are the exception to "whole entities": a queue windows already have is sent as a
 * LiveQueueChange (queue-patch.ts) — its figures if they moved, only the members and callers that
 * changed, removals by key — since a whole queue per member state change was most of each patch
 * under a call centre's load (bench:wallboard).
 */
import {
  type CollectionPatch,
  LIVE_COLLECTIONS,
  type LiveCollectionName,
  type LiveMessage,
  type LivePatch,
  type LiveQueue,
  type LiveQueueChange,
  type LiveQueuesPatch,
  type LiveSnapshot,
  type LiveState,
  emptyLiveState,
} from '../../../src-preload/types/live'
import { type ModelStore, type PublicColl, storeOf } from './model'
import { diffQueue } from './queue-patch'
import { patchForWire, snapshotForWire } from './wire-extensions'

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

/**
 * Queues between two versions, looking at `ids`: new ones whole, gone ones by name, the others
 * as changes (undefined when a window would see no difference).
 */
function diffQueues(
  ids: Iterable<string>,
  before: (id: string) => LiveQueue | undefined,
  after: (id: string) => LiveQueue | undefined,
): LiveQueuesPatch | undefined {
  const upsert = Object.create(null) as Record<string, LiveQueue>
  const change = Object.create(null) as Record<string, LiveQueueChange>
  const remove: string[] = []
  let changed = false
  let changedInPart = false
  for (const id of ids) {
    const a = before(id)
    const b = after(id)
    if (a === b) continue
    if (b === undefined) remove.push(id)
    else if (a === undefined) upsert[id] = b
    else {
      const c = diffQueue(a, b)
      if (c === undefined) continue
      change[id] = c
      changedInPart = true
    }
    changed = true
  }
  if (!changed) return undefined
  return changedInPart ? { upsert, remove, change } : { upsert, remove }
}

function own<E>(record: Readonly<Record<string, E>>, id: string): E | undefined {
  return Object.hasOwn(record, id) ? record[id] : undefined
}

/** The patch (without profileId/seq) that turns `prev` into `next`; undefined when equal. */
export function diffLiveState(prev: LiveState, next: LiveState): Omit<LivePatch, 'profileId' | 'seq'> | undefined {
  const out: Partial<Record<LiveCollectionName, CollectionPatch<Entity>>> & { meta?: LiveState['meta'] } = {}
  let changed = false
  for (const c of LIVE_COLLECTIONS) {
    const p =
      c === 'queues'
        ? prev.queues === next.queues
          ? undefined
          : diffQueues(
              new Set([...Object.keys(prev.queues), ...Object.keys(next.queues)]),
              (id) => own(prev.queues, id),
              (id) => own(next.queues, id),
            )
        : diffCollection<Entity>(prev[c], next[c])
    if (p !== undefined) {
      out[c] = p
      changed = true
    }
  }
  if (metaChanged(prev.meta, next.meta)) {
    out.meta = next.meta
    changed = true
  }
  return changed ? (out as Omit<LivePatch, 'profileId' | 'seq'>) : undefined
}

/** Both diffs send the meta whenever any of its fields differ. */
function metaChanged(a: LiveState['meta'], b: LiveState['meta']): boolean {
  return a.status !== b.status || a.syncedAt !== b.syncedAt || a.resyncs !== b.resyncs
}

/** The patch between two versions of the model, looking only at the ids written in between. */
export function diffChanged(
  prev: ModelStore,
  next: ModelStore,
  changed: ReadonlyMap<PublicColl, ReadonlySet<string>>,
): Omit<LivePatch, 'profileId' | 'seq'> | undefined {
  const out: Partial<Record<LiveCollectionName, CollectionPatch<Entity>>> & { meta?: LiveState['meta'] } = {}
  let any = false
  for (const [c, ids] of changed) {
    const before = prev.colls[c] as { get(id: string): Entity | undefined }
    const after = next.colls[c] as { get(id: string): Entity | undefined }
    if (before === after) continue
    if (c === 'queues') {
      const q = diffQueues(
        ids,
        (id) => before.get(id) as LiveQueue | undefined,
        (id) => after.get(id) as LiveQueue | undefined,
      )
      if (q !== undefined) {
        out.queues = q
        any = true
      }
      continue
    }
    const upsert = Object.create(null) as Record<string, Entity>
    const remove: string[] = []
    let changedHere = false
    for (const id of ids) {
      const a = before.get(id)
      const b = after.get(id)
      if (a === b) continue
      changedHere = true
      if (b === undefined) remove.push(id)
      else upsert[id] = b
    }
    if (changedHere) {
      out[c] = { upsert, remove }
      any = true
    }
  }
  if (metaChanged(prev.meta, next.meta)) {
    out.meta = next.meta
    any = true
  }
  return any ? (out as Omit<LivePatch, 'profileId' | 'seq'>) : undefined
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
  /** Ids written since the last flush, per collection; undefined = diff everything next time. */
  private pending: Map<PublicColl, Set<string>> | undefined
  private seq = 0
  private lastFlushAt = Number.NEGATIVE_INFINITY
  private timer: { cancel(): void } | undefined
  private readonly sinks = new Set<SinkEntry>()
  /** fullDiffs: flushes that had to compare whole collections (first state, rebuilds). */
  readonly stats = { flushes: 0, patches: 0, snapshots: 0, fullDiffs: 0 }

  constructor(opts: PatchCoalescerOptions) {
    this.profileId = opts.profileId
    this.frameMs = opts.frameMs ?? 16
    this.schedule = opts.scheduler ?? defaultScheduler
    this.clock = opts.clock ?? (() => performance.now())
    this.flushed = opts.initial ?? emptyLiveState()
    this.latest = this.flushed
    this.pending = storeOf(this.flushed) === undefined ? undefined : new Map()
  }

  update(state: LiveState): void {
    const prev = storeOf(this.latest)
    const next = storeOf(state)
    if (this.pending !== undefined && !(prev !== undefined && next !== undefined && this.follow(prev, next))) this.pending = undefined
    this.latest = state
    this.arm()
  }

  /** Collects what `next` wrote if it was made from `prev`; false when the chain is broken. */
  private follow(prev: ModelStore, next: ModelStore): boolean {
    if (next.version === prev.version) return true
    if (next.parentVersion !== prev.version || this.pending === undefined) return false
    for (const [c, ids] of next.changed) {
      let acc = this.pending.get(c)
      if (acc === undefined) {
        acc = new Set()
        this.pending.set(c, acc)
      }
      for (const id of ids) acc.add(id)
    }
    return true
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
    const from = storeOf(this.flushed)
    const to = storeOf(this.latest)
    const fast = this.pending !== undefined && from !== undefined && to !== undefined
    if (!fast) this.stats.fullDiffs++
    const diff = fast ? diffChanged(from, to, this.pending ?? new Map()) : diffLiveState(this.flushed, this.latest)
    // Equal or patched, the renderer now has `latest`: the next flush starts from it.
    this.flushed = this.latest
    this.pending = to === undefined ? undefined : new Map()
    let patch: LivePatch | undefined
    if (diff !== undefined) {
      this.seq++
      patch = patchForWire({ profileId: this.profileId, seq: this.seq, ...diff })
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
    entry.sink.send({ kind: 'snapshot', snapshot: snapshotForWire(this.snapshot()) })
  }
}
