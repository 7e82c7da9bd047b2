import type { LiveCall, LiveState } from '../../../src-preload/types/live'
import { SortedIndex } from '../stores/sorted-index'
import { timerSince, urgencyKey } from './call-urgency'
import { cleanCid } from './format'
import { directoryTextOf, extensionIn, fold } from '../stores/directory-store'

const SORT_KEYS = ['started', 'caller', 'callee', 'state', 'duration'] as const
export type SortKey = (typeof SORT_KEYS)[number]

export function isSortKey(key: string): key is SortKey {
  return (SORT_KEYS as readonly string[]).includes(key)
}

/**
 * Text a filter matches against: names, numbers, DID, queue, ring group, trunk and everyone on its
 * path, and for each extension among them what the PBX's directory says (name, department,
 * queues), so "eva" or "sales" finds the calls of Eva Fischer (105) though the caller ID said `105`.
 * Folded like the directory (no accents: "gul" finds Farid Gül).
 */
function haystack(c: LiveCall): string {
  const route = (c.path ?? []).flatMap((s) => [s.name, s.number])
  const target = (c.target?.parties ?? []).flatMap((p) => [p.name, p.number])
  const words = [c.caller.name, c.caller.number, c.callee.name, c.callee.number, c.did, c.queue, c.ringGroup, c.trunk, ...route, ...target].map((v) =>
    cleanCid(v ?? ''),
  )
  const named = words.map((w) => extensionIn(w)?.extension).flatMap((ext) => (ext === undefined ? [] : [directoryTextOf(ext)]))
  return fold([...words, ...named].join(' '))
}

type Key = string | number

/**
 * The sort key of a call; text keys are computed once per call object (calls are immutable).
 * `state` is by urgency (calls ringing the operator's phone or from a queue first, then other
 * ringing calls, waiting, on hold, parked, … the longest waiting first within each); `duration`
 * by the time the Time column shows (shortest first when ascending).
 */
function keyFn(sort: SortKey, ownExtension: string): (c: LiveCall) => Key {
  switch (sort) {
    case 'caller':
    case 'callee': {
      const cache = new WeakMap<LiveCall, string>()
      return (c) => {
        let k = cache.get(c)
        if (k === undefined) {
          const p = sort === 'caller' ? c.caller : c.callee
          k = (cleanCid(p.name) || cleanCid(p.number)).toLowerCase()
          cache.set(c, k)
        }
        return k
      }
    }
    case 'state': {
      const cache = new WeakMap<LiveCall, number>()
      return (c) => {
        let k = cache.get(c)
        if (k === undefined) {
          k = urgencyKey(c, ownExtension)
          cache.set(c, k)
        }
        return k
      }
    }
    case 'duration':
      return (c) => -timerSince(c)
    case 'started':
      return (c) => c.startedAt
  }
}

/** Total order (ties broken by id), so the incremental order below equals a full sort. */
function comparator(sort: SortKey, descending: boolean, ownExtension = ''): (a: LiveCall, b: LiveCall) => number {
  const key = keyFn(sort, ownExtension)
  return (a, b) => {
    const ka = key(a)
    const kb = key(b)
    const cmp = ka < kb ? -1 : ka > kb ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0
    return descending ? -cmp : cmp
  }
}

function matcher(filter: string): (c: LiveCall) => boolean {
  const needle = fold(filter.trim())
  return needle === '' ? () => true : (c) => haystack(c).includes(needle)
}

/** The calls list as shown: filtered by `filter`, sorted by `sort`. Reference implementation. */
export function visibleCalls(state: Pick<LiveState, 'calls'>, filter: string, sort: SortKey, descending: boolean, ownExtension = ''): LiveCall[] {
  const matches = matcher(filter)
  return Object.values(state.calls)
    .filter(matches)
    .sort(comparator(sort, descending, ownExtension))
}

export interface CallQuery {
  readonly filter: string
  readonly sort: SortKey
  readonly descending: boolean
  /** The operator's own extension: calls ringing it come first in the State (urgency) order. */
  readonly ownExtension?: string
}

/** By urgency: what rings (the operator's phone and queues first) on top, not below the fold. */
export const DEFAULT_CALL_QUERY: CallQuery = { filter: '', sort: 'state', descending: false }

/** A frame's change of one call (see stores/live-tables.ts). */
export interface CallChange {
  readonly before: LiveCall | undefined
  readonly after: LiveCall | undefined
}

/**
 * A frame with more changes than this share of the list is cheaper to sort again than to apply
 * one change at a time (a snapshot-sized burst after a resync).
 */
const REBUILD_SHARE = 0.25

/**
 * The calls list as shown (filtered, sorted), kept from each frame's call changes: a changed call
 * leaves its place and its new version is put where it belongs (binary search), so a frame costs
 * O(changes · log calls), not a pass over every call. Equals visibleCalls (property-tested).
 * Mutable: `version` is bumped whenever the list's members or order changed.
 */
export class CallList {
  private q: CallQuery = DEFAULT_CALL_QUERY
  private index = CallList.indexFor(DEFAULT_CALL_QUERY)
  version = 0

  private static indexFor(q: CallQuery): SortedIndex<LiveCall> {
    return new SortedIndex(comparator(q.sort, q.descending, q.ownExtension), matcher(q.filter))
  }

  get query(): CallQuery {
    return this.q
  }

  get length(): number {
    return this.index.length
  }

  at(i: number): LiveCall | undefined {
    return this.index.at(i)
  }

  indexOf(call: LiveCall): number {
    return this.index.indexOf(call)
  }

  toArray(): LiveCall[] {
    return this.index.toArray()
  }

  /** A new filter or order: sorted again from every call. */
  setQuery(q: CallQuery, all: Iterable<LiveCall>): void {
    const same = q.filter === this.q.filter && q.sort === this.q.sort && q.descending === this.q.descending
    if (same && (q.ownExtension ?? '') === (this.q.ownExtension ?? '')) return
    this.q = q
    this.index = CallList.indexFor(q)
    this.reset(all)
  }

  /** Every call again (a snapshot). */
  reset(all: Iterable<LiveCall>): void {
    this.index.reset(all)
    this.version++
  }

  /** One frame's changes; `all` is read only when the frame is too large to apply one by one. */
  apply(changes: readonly CallChange[], all: () => Iterable<LiveCall>): void {
    if (changes.length === 0) return
    if (changes.length > 64 && changes.length > this.index.length * REBUILD_SHARE) {
      this.reset(all())
      return
    }
    let changed = false
    for (const c of changes) if (this.index.update(c.before, c.after)) changed = true
    if (changed) this.version++
  }
}

/** Ringing and queued calls, oldest first (ties by id): the call card's default call. */
export class FocusIndex {
  private readonly index = new SortedIndex<LiveCall>(
    (a, b) => (a.startedAt !== b.startedAt ? a.startedAt - b.startedAt : a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    (c) => c.state === 'ringing' || c.state === 'queued',
  )

  reset(all: Iterable<LiveCall>): void {
    this.index.reset(all)
  }

  apply(changes: readonly CallChange[]): void {
    for (const c of changes) this.index.update(c.before, c.after)
  }

  /** The longest-ringing (or longest-queued) call. */
  oldest(): LiveCall | undefined {
    return this.index.first()
  }
}

/**
 * The most urgent call for the call card: the selected one, else the longest-ringing one. The
 * reference for FocusIndex (the store keeps that one per frame instead of scanning every call).
 */
export function focusCall(calls: Readonly<Record<string, LiveCall>>, selected: string | null): LiveCall | undefined {
  if (selected !== null && calls[selected] !== undefined) return calls[selected]
  // One pass, no sort: this runs on every frame with thousands of calls.
  let best: LiveCall | undefined
  for (const id in calls) {
    const c = calls[id]
    if (c === undefined || (c.state !== 'ringing' && c.state !== 'queued')) continue
    if (best === undefined || c.startedAt < best.startedAt || (c.startedAt === best.startedAt && c.id < best.id)) best = c
  }
  return best
}
