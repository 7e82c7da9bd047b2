/**
 * LiveModel: the reducer's state = the public LiveState plus lookup indexes the renderer never
 * needs (they are rebuilt from the collections, never sent). `toLiveState` drops them.
 *
 * Storage: every collection and index is a persistent map (pmap.ts) inside a hidden ModelStore;
 * the LiveModel's Records (`model.channels`, `model.index.linked`, …) are getters that build a
 * plain Record only when someone reads them, once per version. The hot path (reducers, the patch
 * coalescer) never does: it works on the maps, so a batch costs O(events), not O(state).
 *
 * Draft: a batch's editor over a LiveModel. Writes go to transient editors of the maps; finish()
 * publishes a new version and leaves the input model as it was. Each version also records which
 * ids of each public collection its batch wrote (`changed`) and the version it was made from,
 * so the coalescer can diff only those (see patch-coalescer.ts).
 */
import { emptyLiveState, type LiveCall, type LiveChannel, type LiveMeta, type LiveState } from '../../../src-preload/types/live'
import { EndedMemory, type EndedEditor } from './ended-memory'
import { NestedEditor } from './nested-map'
import { PMap, type PMapEditor } from './pmap'

export interface LiveIndex {
  /** Linkedid → channel ids sharing it. */
  readonly linked: Readonly<Record<string, readonly string[]>>
  /** Channel id → id of the call it belongs to. */
  readonly channelCall: Readonly<Record<string, string>>
  /** Device (`PJSIP/101`) → channel ids on it. */
  readonly deviceChannels: Readonly<Record<string, readonly string[]>>
  /** Device → extensions whose hint names it. */
  readonly deviceExtens: Readonly<Record<string, readonly string[]>>
  /** Uniqueids hung up lately (bounded): a late event never resurrects a channel as a ghost. */
  readonly ended: readonly string[]
}

export interface LiveModel extends LiveState {
  readonly index: LiveIndex
}

export const ENDED_MEMORY = 1024

export type PublicColl = 'channels' | 'calls' | 'extensions' | 'devices' | 'queues' | 'parked' | 'bridges'
/** Indexes kept as one map of values; deviceChannels is a map of sets (see ModelStore). */
export type IndexColl = 'linked' | 'channelCall' | 'deviceExtens'
type EntityOf<C extends PublicColl> = LiveModel[C] extends Readonly<Record<string, infer E>> ? E : never
type ListIndex = 'linked' | 'deviceExtens'
type IndexEntryOf<C extends IndexColl> = LiveIndex[C] extends Readonly<Record<string, infer E>> ? E : never

const PUBLIC_COLLS: readonly PublicColl[] = ['channels', 'calls', 'extensions', 'devices', 'queues', 'parked', 'bridges']
const INDEX_COLLS: readonly IndexColl[] = ['linked', 'channelCall', 'deviceExtens']

/** One version of the model, as the reducers and the coalescer see it. */
export interface ModelStore {
  /** Unique, increasing: every published version gets a new one. */
  readonly version: number
  /** The version this one was made from by one Draft; undefined for a fresh build. */
  readonly parentVersion: number | undefined
  /** Ids of each public collection written by that Draft (set, changed back, or removed). */
  readonly changed: ReadonlyMap<PublicColl, ReadonlySet<string>>
  readonly meta: LiveMeta
  readonly colls: { readonly [C in PublicColl]: PMap<EntityOf<C>> }
  readonly idx: { readonly [C in IndexColl]: PMap<IndexEntryOf<C>> }
  /**
   * Device → set of channel ids (id → id). A set, not a list: a trunk device carries thousands of
   * channels under load, and a list made every add and remove O(channels on the trunk).
   */
  readonly deviceChannels: PMap<PMap<string>>
  /**
   * Device → call id → how many of the device's channels are in that call. Extensions' callIds
   * follow this incrementally: a call appears on (leaves) a device when its count goes 0 → 1
   * (1 → 0), without rescanning a busy phone's hundreds of calls.
   */
  readonly deviceCalls: PMap<PMap<number>>
  readonly ended: EndedMemory
}

let lastVersion = 0

/** LiveModels and LiveStates made here → their store (the Records on them are lazy views). */
const stores = new WeakMap<object, ModelStore>()

/** The store behind a model or state made by this module, if it is one. */
export function storeOf(x: LiveState): ModelStore | undefined {
  return stores.get(x)
}

function storeFromPlain(m: LiveModel): ModelStore {
  const colls = {} as Record<PublicColl, PMap<unknown>>
  for (const c of PUBLIC_COLLS) colls[c] = PMap.fromRecord<unknown>(m[c])
  const idx = {} as Record<IndexColl, PMap<unknown>>
  for (const c of INDEX_COLLS) idx[c] = PMap.fromRecord<unknown>(m.index[c])
  const devices = PMap.empty<PMap<string>>().edit()
  for (const [dev, ids] of Object.entries(m.index.deviceChannels)) {
    const set = PMap.empty<string>().edit()
    for (const id of ids) set.set(id, id)
    devices.set(dev, set.done())
  }
  const calls = new NestedEditor<number>(PMap.empty())
  for (const ch of Object.values(m.channels)) {
    const call = m.index.channelCall[ch.id]
    if (call !== undefined) calls.set(ch.device, call, (calls.get(ch.device, call) ?? 0) + 1)
  }
  return {
    deviceChannels: devices.done(),
    deviceCalls: calls.done(),
    version: ++lastVersion,
    parentVersion: undefined,
    changed: new Map(),
    meta: m.meta,
    colls: colls as ModelStore['colls'],
    idx: idx as ModelStore['idx'],
    ended: EndedMemory.fromList(m.index.ended, ENDED_MEMORY),
  }
}

const deviceListCache = new WeakMap<PMap<PMap<string>>, Readonly<Record<string, readonly string[]>>>()

/** The public form of the device → channels index (built when read, once per version). */
function deviceLists(m: PMap<PMap<string>>): Readonly<Record<string, readonly string[]>> {
  let out = deviceListCache.get(m)
  if (out === undefined) {
    const r = rec<readonly string[]>()
    m.forEach((set, dev) => {
      const ids: string[] = []
      set.forEach((id) => ids.push(id))
      r[dev] = ids
    })
    out = r
    deviceListCache.set(m, out)
  }
  return out
}

/**
 * `meta` plus one own enumerable getter per collection: JSON.stringify, Object.keys and test
 * equality see plain data, yet a collection's Record is built only when it is read.
 */
function lazyState(s: ModelStore): LiveState {
  const state = { meta: s.meta } as LiveState
  for (const name of PUBLIC_COLLS) {
    const coll = s.colls[name]
    Object.defineProperty(state, name, { enumerable: true, configurable: true, get: () => coll.toRecord() })
  }
  return state
}

function modelOf(s: ModelStore): LiveModel {
  const i = s.idx
  // Own enumerable getters, so JSON.stringify, Object.keys and test equality see plain data.
  const index: LiveIndex = {
    get linked() {
      return i.linked.toRecord()
    },
    get channelCall() {
      return i.channelCall.toRecord()
    },
    get deviceChannels() {
      return deviceLists(s.deviceChannels)
    },
    get deviceExtens() {
      return i.deviceExtens.toRecord()
    },
    get ended() {
      return s.ended.list()
    },
  }
  const m: LiveModel = Object.assign(lazyState(s), { index })
  stores.set(m, s)
  return m
}

export function emptyLiveModel(): LiveModel {
  const s = emptyLiveState()
  const colls = {} as Record<PublicColl, PMap<unknown>>
  for (const c of PUBLIC_COLLS) colls[c] = PMap.empty()
  const idx = {} as Record<IndexColl, PMap<unknown>>
  for (const c of INDEX_COLLS) idx[c] = PMap.empty()
  return modelOf({
    deviceChannels: PMap.empty(),
    deviceCalls: PMap.empty(),
    version: ++lastVersion,
    parentVersion: undefined,
    changed: new Map(),
    meta: s.meta,
    colls: colls as ModelStore['colls'],
    idx: idx as ModelStore['idx'],
    ended: EndedMemory.empty(ENDED_MEMORY),
  })
}

/** The public part of the model; its Records stay lazy (built only if read). */
export function toLiveState(m: LiveModel): LiveState {
  const s = stores.get(m)
  if (s === undefined) {
    return {
      meta: m.meta,
      channels: m.channels,
      calls: m.calls,
      extensions: m.extensions,
      devices: m.devices,
      queues: m.queues,
      parked: m.parked,
      bridges: m.bridges,
    }
  }
  const state = lazyState(s)
  stores.set(state, s)
  return state
}

/** How many entities a collection holds, without building its Record. */
export function countOf(m: LiveModel, c: PublicColl): number {
  const s = stores.get(m)
  return s === undefined ? Object.keys(m[c]).length : s.colls[c].size
}

/** The same model with other meta (status changes): shares every collection. */
export function withMeta(model: LiveModel, meta: Partial<LiveMeta>): LiveModel {
  const d = new Draft(model)
  d.setMeta({ ...model.meta, ...meta })
  return d.finish()
}

/** A Record with no prototype: keys come from the PBX and must never hit Object.prototype. */
export function rec<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>
}

export class Draft {
  private readonly baseModel: LiveModel
  private readonly base: ModelStore
  private readonly editors = new Map<string, PMapEditor<unknown>>()
  private readonly changed = new Map<PublicColl, Set<string>>()
  private readonly ownedLists = new Map<string, string[]>()
  private readonly deviceChans: NestedEditor<string>
  private readonly deviceCallCounts: NestedEditor<number>
  private meta: LiveMeta
  private ended: EndedEditor | undefined
  /** Channels whose call membership may have changed (added, removed, bridged, relinked). */
  readonly touchedChannels = new Set<string>()
  /** Channels removed in this batch → their device (their calls leave the device's extensions). */
  readonly removedDevices = new Map<string, string>()
  /** Extensions whose hint (device list) changed. */
  readonly touchedExtensions = new Set<string>()
  /**
   * The calls of the model before a resync (carry-over.ts): a call rebuilt from a snapshot keeps
   * what that model knew of it (answer time, who called whom once the first leg is gone).
   */
  private priorCalls: Readonly<Record<string, LiveCall>> | undefined

  constructor(base: LiveModel) {
    this.baseModel = base
    let s = stores.get(base)
    if (s === undefined) {
      // A model built by hand (tests, old callers): index it once.
      s = storeFromPlain(base)
      stores.set(base, s)
    }
    this.base = s
    this.meta = s.meta
    this.deviceChans = new NestedEditor(s.deviceChannels)
    this.deviceCallCounts = new NestedEditor(s.deviceCalls)
  }

  get<C extends PublicColl>(c: C, id: string): EntityOf<C> | undefined {
    const e = this.editors.get(c)
    return (e !== undefined ? e.get(id) : this.base.colls[c].get(id)) as EntityOf<C> | undefined
  }

  set<C extends PublicColl>(c: C, id: string, value: EntityOf<C>): void {
    this.editor<unknown>(c, this.base.colls[c]).set(id, value)
    this.mark(c, id)
  }

  delete(c: PublicColl, id: string): void {
    if (this.get(c, id) === undefined) return
    this.editor<unknown>(c, this.base.colls[c]).delete(id)
    this.mark(c, id)
  }

  idx<C extends IndexColl>(c: C, key: string): IndexEntryOf<C> | undefined {
    const e = this.editors.get(`index.${c}`)
    return (e !== undefined ? e.get(key) : this.base.idx[c].get(key)) as IndexEntryOf<C> | undefined
  }

  setIdx<C extends IndexColl>(c: C, key: string, value: IndexEntryOf<C> | undefined): void {
    const w = this.editor<unknown>(`index.${c}`, this.base.idx[c])
    if (value === undefined) w.delete(key)
    else w.set(key, value)
  }

  /** The channel ids on a device (any order). */
  channelsOn(device: string): Iterable<string> {
    const ids: string[] = []
    this.deviceChans.forEach(device, (id) => ids.push(id))
    return ids
  }

  addChannelToDevice(device: string, id: string): void {
    this.deviceChans.set(device, id, id)
  }

  removeChannelFromDevice(device: string, id: string): void {
    this.deviceChans.delete(device, id)
  }

  /** How many of the device's channels are in the call. */
  callCountOn(device: string, callId: string): number {
    return this.deviceCallCounts.get(device, callId) ?? 0
  }

  /** The calls a device's channels are in (any order). */
  callsOn(device: string): string[] {
    const ids: string[] = []
    this.deviceCallCounts.forEach(device, (_, id) => ids.push(id))
    return ids
  }

  /** Adds `delta` to the device's count for the call; returns the new count. */
  countCallOn(device: string, callId: string, delta: number): number {
    const n = this.callCountOn(device, callId) + delta
    if (n <= 0) this.deviceCallCounts.delete(device, callId)
    else this.deviceCallCounts.set(device, callId, n)
    return Math.max(0, n)
  }

  /** Adds `id` to the list at index[c][key] (no duplicates). */
  addTo(c: ListIndex, key: string, id: string): void {
    const list = this.idx(c, key)
    if (list?.includes(id) === true) return
    const own = this.ownList(c, key, list)
    if (own === undefined) {
      const fresh = [id]
      this.setIdx(c, key, fresh)
      this.ownedLists.set(`${c}\u0000${key}`, fresh)
    } else {
      own.push(id)
    }
  }

  removeFrom(c: ListIndex, key: string, id: string): void {
    const list = this.idx(c, key)
    const at = list?.indexOf(id) ?? -1
    if (list === undefined || at < 0) return
    if (list.length === 1) {
      this.setIdx(c, key, undefined)
      this.ownedLists.delete(`${c}\u0000${key}`)
      return
    }
    this.ownList(c, key, list)?.splice(at, 1)
  }

  /**
   * The draft's own copy of an index list, made on first write in this batch and then changed in
   * place: a trunk device lists thousands of channels under load, and copying that list for every
   * channel of a batch cost O(batch × list). Published versions are never written (finish() ends
   * the draft).
   */
  private ownList(c: ListIndex, key: string, list: readonly string[] | undefined): string[] | undefined {
    if (list === undefined) return undefined
    const name = `${c}\u0000${key}`
    let own = this.ownedLists.get(name)
    if (own !== list) {
      own = [...list]
      this.ownedLists.set(name, own)
      this.setIdx(c, key, own)
    }
    return own
  }

  setMeta(meta: LiveMeta): void {
    this.meta = meta
  }

  /** When the state was last rebuilt from snapshots. */
  get syncedAt(): number | undefined {
    return this.meta.syncedAt
  }

  setPriorCalls(calls: Readonly<Record<string, LiveCall>>): void {
    this.priorCalls = calls
  }

  /**
   * The call `id` of the model before the resync, if it shares a channel with `channels` (any
   * channel when `channels` is empty).
   */
  priorCall(id: string, channels: readonly LiveChannel[]): LiveCall | undefined {
    const call = this.priorCalls?.[id]
    if (call === undefined) return undefined
    return channels.length === 0 || channels.some((c) => call.channelIds.includes(c.id)) ? call : undefined
  }

  wasEnded(id: string): boolean {
    return (this.ended ?? this.base.ended).has(id)
  }

  markEnded(id: string): void {
    this.ended ??= this.base.ended.edit()
    this.ended.add(id)
  }

  private mark(c: PublicColl, id: string): void {
    let ids = this.changed.get(c)
    if (ids === undefined) {
      ids = new Set()
      this.changed.set(c, ids)
    }
    ids.add(id)
  }

  private editor<V>(name: string, source: PMap<V>): PMapEditor<V> {
    let e = this.editors.get(name) as PMapEditor<V> | undefined
    if (e === undefined) {
      e = source.edit()
      this.editors.set(name, e)
    }
    return e
  }

  finish(): LiveModel {
    // The lists written in place now belong to the published version.
    this.ownedLists.clear()
    const b = this.base
    const deviceChannels = this.deviceChans.done()
    const deviceCalls = this.deviceCallCounts.done()
    const pick = <V>(name: string, old: PMap<V>): PMap<V> => {
      const e = this.editors.get(name) as PMapEditor<V> | undefined
      return e === undefined ? old : e.done()
    }
    const colls = {} as Record<PublicColl, PMap<unknown>>
    let same = this.meta === b.meta && this.ended === undefined && deviceChannels === b.deviceChannels && deviceCalls === b.deviceCalls
    for (const c of PUBLIC_COLLS) {
      colls[c] = pick<unknown>(c, b.colls[c])
      if (colls[c] !== b.colls[c]) same = false
    }
    const idx = {} as Record<IndexColl, PMap<unknown>>
    for (const c of INDEX_COLLS) {
      idx[c] = pick<unknown>(`index.${c}`, b.idx[c])
      if (idx[c] !== b.idx[c]) same = false
    }
    if (same) return this.baseModel
    return modelOf({
      version: ++lastVersion,
      parentVersion: b.version,
      changed: this.changed,
      meta: this.meta,
      colls: colls as ModelStore['colls'],
      idx: idx as ModelStore['idx'],
      deviceChannels,
      deviceCalls,
      ended: this.ended?.done() ?? b.ended,
    })
  }
}
