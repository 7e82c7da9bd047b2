import { type CollectionPatch, LIVE_COLLECTIONS, type LiveCollectionName, type LivePatch, type LiveState, applyCollectionPatches } from '../../../src-preload/types/live'

/**
 * The renderer's live state with collections built on first read. Under load (10,000 channels,
 * 5,000 bridges) copying every touched Record once per frame was most of the renderer's script
 * time, yet channels and bridges are only read when the operator acts. Here a frame's patches
 * are only remembered; a collection is built when something reads it, from the nearest built
 * version plus the patches since. A chain that grows past a quarter of its collection's size
 * (or MIN_CHAIN changes) is built at once, so memory stays bounded and the cost per frame is
 * O(changes) amortised. Reads give plain null-prototype Records, exactly as applyLivePatches.
 */

/** Entity changes a collection may accumulate unread before it is built anyway. */
const MIN_CHAIN = 2048

type AnyRecord = Readonly<Record<string, unknown>>

/** Key counts, taken only when a chain is long enough to consider building (never per frame). */
const sizes = new WeakMap<AnyRecord, number>()
function sizeOf(record: AnyRecord): number {
  let n = sizes.get(record)
  if (n === undefined) {
    n = 0
    for (const _ in record) n++
    sizes.set(record, n)
  }
  return n
}

class LazyCollection {
  private built: AnyRecord | undefined
  private prev: LazyCollection | undefined
  private patch: CollectionPatch<unknown> | undefined
  /** Entity changes between the nearest built ancestor and this version (0 once built). */
  private chain: number
  /** The nearest built ancestor's Record (its size decides when to stop deferring). */
  private base: AnyRecord

  private constructor(built: AnyRecord | undefined, prev: LazyCollection | undefined, patch: CollectionPatch<unknown> | undefined, chain: number, base: AnyRecord) {
    this.built = built
    this.prev = prev
    this.patch = patch
    this.chain = chain
    this.base = base
  }

  static of(record: AnyRecord): LazyCollection {
    return new LazyCollection(record, undefined, undefined, 0, record)
  }

  /** This version plus one patch; this object when the patch changes nothing here. */
  next(patch: CollectionPatch<unknown> | undefined): LazyCollection {
    if (patch === undefined) return this
    let changes = patch.remove.length
    for (const _ in patch.upsert) changes++
    if (changes === 0) return this
    const out = new LazyCollection(undefined, this, patch, this.chain + changes, this.base)
    if (out.chain > MIN_CHAIN && out.chain > sizeOf(out.base) / 4) out.read()
    return out
  }

  read(): AnyRecord {
    if (this.built !== undefined) return this.built
    // Walk back to the nearest built version, then replay the patches oldest first.
    const patches: CollectionPatch<unknown>[] = []
    if (this.patch !== undefined) patches.push(this.patch)
    let at = this.prev
    while (at !== undefined && at.built === undefined) {
      if (at.patch !== undefined) patches.push(at.patch)
      at = at.prev
    }
    patches.reverse()
    const base = at?.built ?? {}
    const built = applyCollectionPatches(base, patches)
    // Built: forget the chain, so older versions can be collected.
    this.built = built
    this.prev = undefined
    this.patch = undefined
    this.chain = 0
    this.base = built
    return built
  }
}

const LAZY = Symbol('lazy collections')

type Lazies = Readonly<Record<LiveCollectionName, LazyCollection>>
type LazyState = LiveState & { readonly [LAZY]?: Lazies }

function stateOf(meta: LiveState['meta'], lazies: Lazies): LiveState {
  const state = { meta, [LAZY]: lazies } as LazyState
  for (const c of LIVE_COLLECTIONS) {
    const lazy = lazies[c]
    // Enumerable getters: spreading or JSON still see plain data.
    Object.defineProperty(state, c, { enumerable: true, get: () => lazy.read() })
  }
  return state
}

/**
 * The state after `patches` (each following the previous seq; the caller checks), with the
 * collections deferred as described above. `state` may be any LiveState (a snapshot from main).
 */
export function applyLivePatchesLazily(state: LiveState, patches: readonly LivePatch[]): LiveState {
  if (patches.length === 0) return state
  const known = (state as LazyState)[LAZY]
  let meta = state.meta
  const lazies = {} as Record<LiveCollectionName, LazyCollection>
  for (const c of LIVE_COLLECTIONS) {
    let lazy = known?.[c] ?? LazyCollection.of(state[c])
    for (const p of patches) lazy = lazy.next(p[c])
    lazies[c] = lazy
  }
  for (const p of patches) meta = p.meta ?? meta
  return stateOf(meta, lazies)
}
