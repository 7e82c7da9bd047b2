import type { LiveCall, LiveParkedCall, LiveParty, LiveRouteStep, LiveState } from '../../../../src-preload/types/live'
import { SortedIndex } from '../../stores/sorted-index'
import { cleanCid } from './format'

export type SortKey = 'started' | 'caller' | 'callee' | 'state' | 'duration'

export const STATE_LABEL: Record<LiveCall['state'], string> = {
  ringing: 'Ringing',
  up: 'Talking',
  hold: 'On hold',
  parked: 'Parked',
  queued: 'In queue',
  transferring: 'Transferring',
}

/**
 * The state as a receptionist reads it: a call the PBX answered for an IVR, a queue or an
 * announcement, with nobody on the line yet, is waiting, not talking.
 */
export function callStateLabel(call: LiveCall): string {
  if (call.target?.kind === 'voicemail') return 'Voicemail'
  if (call.state === 'up' && call.answeredAt === undefined && call.unknown?.includes('answeredAt') !== true) return 'Waiting'
  return STATE_LABEL[call.state]
}

/** The call card's wait and talk times. */
export type TalkTimes =
  | { readonly kind: 'waiting'; readonly since: number }
  | { readonly kind: 'talking'; readonly waitedS: number; readonly since: number }
  /** Talked, then transferred: ringing the next party now (not talking while it rings). */
  | { readonly kind: 'ringing'; readonly waitedS: number; readonly since: number }
  /** Answered before the console first saw it: neither time is known. */
  | { readonly kind: 'unknown' }

export function talkTimes(call: LiveCall): TalkTimes {
  if (call.answeredAt !== undefined) {
    const waitedS = Math.max(0, Math.round((call.answeredAt - call.startedAt) / 1000))
    if (call.state === 'ringing') return { kind: 'ringing', waitedS, since: call.target?.since ?? call.answeredAt }
    return { kind: 'talking', waitedS, since: call.answeredAt }
  }
  return call.unknown?.includes('answeredAt') === true ? { kind: 'unknown' } : { kind: 'waiting', since: call.startedAt }
}

/**
 * The moment a row's timer counts from: the hold, park or queue wait; a call ringing again after a
 * transfer, since the new party rang; a first ring, since the call began; else the talk time.
 */
export function rowTimerSince(call: LiveCall): number | undefined {
  if (call.state === 'hold' || call.state === 'parked' || call.state === 'queued') return call.stateSince ?? call.startedAt
  if (call.state === 'ringing') return call.answeredAt === undefined ? call.startedAt : (call.target?.since ?? call.startedAt)
  return call.answeredAt ?? call.startedAt
}

/** A party as one line: `105 Eva Fischer`, or the number alone when the PBX gave no name. */
export function partyText(p: LiveParty): string {
  const number = cleanCid(p.number)
  const name = cleanCid(p.name)
  if (name === '' || name === number) return number !== '' ? number : 'Unknown'
  return number === '' ? name : `${number} ${name}`
}

/** Where the caller is now, as the card's term and text: `Talking with` · `105 Eva Fischer`. */
export function targetText(call: LiveCall): { readonly term: string; readonly text: string } | undefined {
  const t = call.target
  if (t === undefined) return undefined
  const who = t.parties.map(partyText).join(', ')
  switch (t.kind) {
    case 'talking':
      return { term: call.state === 'hold' || call.state === 'transferring' ? 'Held by' : 'Talking with', text: who }
    case 'ringing':
      return { term: 'Ringing', text: who }
    case 'voicemail':
      return { term: 'Voicemail', text: `Voicemail of ${who}` }
    case 'parked':
      return { term: 'Parked', text: `Space ${who}` }
  }
}

/**
 * The way the call took: its path, or — for a call main sent no path for — the DID, ring group and
 * queue it came through.
 */
export function routeSteps(call: LiveCall): readonly LiveRouteStep[] {
  if (call.path !== undefined) return call.path
  const steps: LiveRouteStep[] = []
  if (call.did !== undefined) steps.push({ kind: 'did', number: call.did, name: '' })
  if (call.ringGroup !== undefined) steps.push({ kind: 'ringGroup', number: call.ringGroup, name: '' })
  if (call.queue !== undefined) steps.push({ kind: 'queue', number: call.queue, name: '' })
  return steps
}

/** One step as text: `4930555000`, `Ring group 600`, `Queue support`, `105 Eva`, `Voicemail of 105`, `Parked 701`. */
export function stepText(step: LiveRouteStep): string {
  switch (step.kind) {
    case 'did':
      return step.number
    case 'ringGroup':
      return `Ring group ${step.number}`
    case 'queue':
      return `Queue ${step.number}`
    case 'party':
      return partyText(step)
    case 'voicemail':
      return `Voicemail of ${partyText(step)}`
    case 'parked':
      return `Parked ${step.number}`
  }
}

/**
 * The calls list's Via text: the path up to where the caller is now (the To column shows that),
 * `4930555000 → Queue support → 101 Anna Berger` after a transfer to 104.
 */
export function viaText(call: LiveCall): string {
  const steps = [...routeSteps(call)]
  const last = steps[steps.length - 1]
  const now = call.target?.parties[0]
  if (last !== undefined && now !== undefined && last.kind !== 'did' && last.kind !== 'queue' && last.kind !== 'ringGroup' && last.number === now.number) steps.pop()
  const text = steps.map(stepText).join(' → ')
  if (text !== '') return text
  return call.trunk !== undefined ? `Trunk ${call.trunk}` : ''
}

/** Text a filter matches against: names, numbers, DID, queue, ring group, trunk and everyone on its path. */
function haystack(c: LiveCall): string {
  const route = (c.path ?? []).flatMap((s) => [s.name, s.number])
  const target = (c.target?.parties ?? []).flatMap((p) => [p.name, p.number])
  return [c.caller.name, c.caller.number, c.callee.name, c.callee.number, c.did, c.queue, c.ringGroup, c.trunk, ...route, ...target]
    .map((v) => cleanCid(v ?? ''))
    .join(' ')
    .toLowerCase()
}

type Key = string | number

/** The sort key of a call; text keys are computed once per call object (calls are immutable). */
function keyFn(sort: SortKey): (c: LiveCall) => Key {
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
    case 'state':
      return (c) => c.state
    case 'duration':
    case 'started':
      return (c) => c.startedAt
  }
}

/** Total order (ties broken by id), so the incremental order below equals a full sort. */
function comparator(sort: SortKey, descending: boolean): (a: LiveCall, b: LiveCall) => number {
  const key = keyFn(sort)
  return (a, b) => {
    const ka = key(a)
    const kb = key(b)
    const cmp = ka < kb ? -1 : ka > kb ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0
    return descending ? -cmp : cmp
  }
}

function matcher(filter: string): (c: LiveCall) => boolean {
  const needle = filter.trim().toLowerCase()
  return needle === '' ? () => true : (c) => haystack(c).includes(needle)
}

/** The calls list as shown: filtered by `filter`, sorted by `sort`. Reference implementation. */
export function visibleCalls(state: Pick<LiveState, 'calls'>, filter: string, sort: SortKey, descending: boolean): LiveCall[] {
  const matches = matcher(filter)
  return Object.values(state.calls).filter(matches).sort(comparator(sort, descending))
}

export interface CallQuery {
  readonly filter: string
  readonly sort: SortKey
  readonly descending: boolean
}

export const DEFAULT_CALL_QUERY: CallQuery = { filter: '', sort: 'started', descending: false }

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
    return new SortedIndex(comparator(q.sort, q.descending), matcher(q.filter))
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
    if (q.filter === this.q.filter && q.sort === this.q.sort && q.descending === this.q.descending) return
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
 * The channel an action on "this call" should act on: the outside party for inbound and outbound
 * calls (the one a receptionist transfers or parks), the caller's leg for internal calls.
 */
export function primaryChannel(state: LiveState, call: LiveCall): string | undefined {
  const chans = call.channelIds.map((id) => state.channels[id]).filter((c) => c !== undefined)
  const trunk = chans.find((c) => c.isTrunk)
  if (trunk !== undefined) return trunk.id
  const caller = chans.find((c) => cleanCid(c.callerNum) === cleanCid(call.caller.number))
  return (caller ?? chans[0])?.id
}

/**
 * The channel to complete or cancel an attended transfer on. While the operator consults, the
 * caller waits alone (held), so the caller's leg has no bridge peer any more and main could not
 * find the operator's leg from it; a leg still sharing a bridge with exactly one other channel
 * (the operator and the consulted party) can. Falls back to the primary channel otherwise.
 */
export function consultationChannel(state: LiveState, call: LiveCall): string | undefined {
  const chans = call.channelIds.map((id) => state.channels[id]).filter((c) => c !== undefined)
  const paired = chans.find((c) => !c.isTrunk && c.bridgeId !== undefined && state.bridges[c.bridgeId]?.channelIds.length === 2)
  return paired?.id ?? primaryChannel(state, call)
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

/**
 * The parked call the pick-up key takes: the focused call's own parking space when it is parked,
 * else the call parked longest (ties by space), so `U` with nothing selected clears the oldest.
 */
export function parkedToPickUp(state: Pick<LiveState, 'parked'>, focused: LiveCall | undefined): LiveParkedCall | undefined {
  let oldest: LiveParkedCall | undefined
  for (const p of Object.values(state.parked)) {
    if (focused?.channelIds.includes(p.parkeeId) === true) return p
    if (oldest === undefined || p.since < oldest.since || (p.since === oldest.since && p.space.localeCompare(oldest.space, undefined, { numeric: true }) < 0)) oldest = p
  }
  return oldest
}
