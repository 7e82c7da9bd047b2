import {
  type CollectionPatch,
  type EntityOf,
  LIVE_COLLECTIONS,
  type LiveCollectionName,
  type LiveMeta,
  type LivePatch,
  type LiveQueue,
  type LiveQueuesPatch,
  type LiveState,
  emptyLiveState,
} from '../../../src-preload/types/live'
import { applyQueueChange } from '../../../src-preload/types/live-queue-patch'

/**
 * The renderer's live state as one mutable Map per collection. A frame's patches are applied in
 * place — O(changes), never a copy of a collection — and report, per entity, its version before
 * the frame and after it, so the views' indexes (the ordered calls list, the call-card focus) can
 * follow the changes instead of rescanning thousands of calls every frame. Plain Records (the
 * LiveState shape actions and small views use) are built from a table on first read after a
 * change and kept until the next one.
 */

/** One entity over a frame: `before` the frame and `after` it (undefined: absent). */
export interface EntityChange<E> {
  readonly id: string
  readonly before: E | undefined
  readonly after: E | undefined
}

type Entity = { readonly id: string }

/**
 * Entities a patch changes in part (queues: see live-queue-patch.ts), as their next versions made
 * from the table's current ones; applied after the patch's removals and upserts.
 */
export type PartChanges<E> = (patch: CollectionPatch<E>, current: (id: string) => E | undefined) => Iterable<readonly [string, E]>

/** A queue patch's changes applied to the queues the table has (a change to one it lacks is skipped). */
const queueParts: PartChanges<LiveQueue> = function* (patch, current) {
  const changes = (patch as LiveQueuesPatch).change
  for (const id in changes) {
    const change = changes[id]
    const before = current(id)
    if (change === undefined || before === undefined) continue
    yield [id, applyQueueChange(before, change)] as const
  }
}

export class LiveTable<E> {
  private readonly byId = new Map<string, E>()
  private record: Readonly<Record<string, E>> | undefined
  /** Bumped whenever the table changes (selectors compare it). */
  version = 0

  get size(): number {
    return this.byId.size
  }

  get(id: string): E | undefined {
    return this.byId.get(id)
  }

  values(): Iterable<E> {
    return this.byId.values()
  }

  /** The table as a null-prototype Record (keys are PBX-supplied: `__proto__` stays data). */
  asRecord(): Readonly<Record<string, E>> {
    if (this.record === undefined) {
      const r = Object.create(null) as Record<string, E>
      for (const [id, e] of this.byId) r[id] = e
      this.record = r
    }
    return this.record
  }

  /** Everything replaced by a snapshot's collection. */
  replace(record: Readonly<Record<string, E>>): void {
    this.byId.clear()
    for (const id in record) {
      const e = record[id]
      if (e !== undefined) this.byId.set(id, e)
    }
    this.record = undefined
    this.version++
  }

  /**
   * Applies patches in order (per patch removals first, then upserts, as applyCollectionPatches
   * does) and returns the net change of each entity they touched; an entity that appeared and
   * vanished within them, or came back as the same object, is not reported.
   */
  apply(patches: readonly (CollectionPatch<E> | undefined)[], parts?: PartChanges<E>): EntityChange<E>[] {
    const firstBefore = new Map<string, E | undefined>()
    for (const patch of patches) {
      if (patch === undefined) continue
      for (const id of patch.remove) {
        if (!firstBefore.has(id)) firstBefore.set(id, this.byId.get(id))
        this.byId.delete(id)
      }
      for (const id in patch.upsert) {
        const e = patch.upsert[id]
        if (e === undefined) continue
        if (!firstBefore.has(id)) firstBefore.set(id, this.byId.get(id))
        this.byId.set(id, e)
      }
      if (parts === undefined) continue
      for (const [id, e] of parts(patch, (key) => this.byId.get(key))) {
        if (!firstBefore.has(id)) firstBefore.set(id, this.byId.get(id))
        this.byId.set(id, e)
      }
    }
    const changes: EntityChange<E>[] = []
    for (const [id, before] of firstBefore) {
      const after = this.byId.get(id)
      if (after !== before) changes.push({ id, before, after })
    }
    if (changes.length > 0) {
      this.record = undefined
      this.version++
    }
    return changes
  }
}

export type LiveTableSet = { readonly [C in LiveCollectionName]: LiveTable<EntityOf<C>> }

/** What one frame changed: the calls in detail (the indexes follow them), the rest by name. */
export interface FrameChanges {
  readonly calls: readonly EntityChange<EntityOf<'calls'>>[]
  readonly collections: ReadonlySet<LiveCollectionName>
  readonly meta: boolean
}

function makeTables(): LiveTableSet {
  return {
    channels: new LiveTable(),
    calls: new LiveTable(),
    extensions: new LiveTable(),
    devices: new LiveTable(),
    queues: new LiveTable(),
    parked: new LiveTable(),
    bridges: new LiveTable(),
  }
}

export class LiveTables {
  readonly tables: LiveTableSet = makeTables()
  meta: LiveMeta = emptyLiveState().meta

  /** Everything from a snapshot. */
  replace(state: LiveState): void {
    this.meta = state.meta
    for (const c of LIVE_COLLECTIONS) (this.tables[c] as LiveTable<Entity>).replace(state[c])
  }

  /** A frame's patches (each following the previous one; the caller checks the seqs). */
  apply(patches: readonly LivePatch[]): FrameChanges {
    const collections = new Set<LiveCollectionName>()
    let calls: EntityChange<EntityOf<'calls'>>[] = []
    for (const c of LIVE_COLLECTIONS) {
      if (!patches.some((p) => p[c] !== undefined)) continue
      const changes =
        c === 'queues'
          ? this.tables.queues.apply(
              patches.map((p) => p.queues),
              queueParts,
            )
          : (this.tables[c] as LiveTable<Entity>).apply(patches.map((p) => p[c] as CollectionPatch<Entity> | undefined))
      if (changes.length === 0) continue
      collections.add(c)
      if (c === 'calls') calls = changes as EntityChange<EntityOf<'calls'>>[]
    }
    let meta = this.meta
    for (const p of patches) meta = p.meta ?? meta
    const metaChanged = meta !== this.meta
    this.meta = meta
    return { calls, collections, meta: metaChanged }
  }

  /**
   * A LiveState over the tables: each collection is a Record built when first read (and kept
   * until its table changes), so views that only show the calls list never pay for a Record of
   * every channel.
   */
  view(): LiveState {
    const state = { meta: this.meta } as { -readonly [K in keyof LiveState]: LiveState[K] }
    for (const c of LIVE_COLLECTIONS) {
      const table = this.tables[c] as LiveTable<Entity>
      Object.defineProperty(state, c, { enumerable: true, get: () => table.asRecord() })
    }
    return state
  }
}
