import type { LiveCall, LiveState } from '../../../../src-preload/types/live'
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

/** Text a filter matches against: names, numbers, DID, queue and trunk. */
function haystack(c: LiveCall): string {
  return [c.caller.name, c.caller.number, c.callee.name, c.callee.number, c.did, c.queue, c.trunk]
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

/**
 * An orderer that keeps the previous result and, when only the calls changed, updates it in
 * O(calls) cheap steps plus a sort of the calls that changed — not a sort of all of them.
 * Under load (thousands of calls, a patch every frame) this is most of the list's per-frame
 * cost. Same result as visibleCalls (property-tested); filter/sort changes recompute fully.
 */
export function createCallOrderer(): (calls: Readonly<Record<string, LiveCall>>, filter: string, sort: SortKey, descending: boolean) => readonly LiveCall[] {
  let last: {
    calls: Readonly<Record<string, LiveCall>>
    filter: string
    sort: SortKey
    descending: boolean
    list: readonly LiveCall[]
    cmp: (a: LiveCall, b: LiveCall) => number
    matches: (c: LiveCall) => boolean
  } | undefined
  return (calls, filter, sort, descending) => {
    if (last?.calls === calls && last.filter === filter && last.sort === sort && last.descending === descending) return last.list
    if (last === undefined || last.filter !== filter || last.sort !== sort || last.descending !== descending) {
      const cmp = comparator(sort, descending)
      const matches = matcher(filter)
      const list = Object.values(calls).filter(matches).sort(cmp)
      last = { calls, filter, sort, descending, list, cmp, matches }
      return list
    }
    const { cmp, matches, list: before, calls: prev } = last
    // New or changed calls leave their old place and are placed again; unchanged ones keep theirs.
    const incoming: LiveCall[] = []
    for (const id in calls) {
      const c = calls[id]
      if (c !== undefined && prev[id] !== c && matches(c)) incoming.push(c)
    }
    incoming.sort(cmp)
    const list: LiveCall[] = []
    let i = 0
    for (const c of before) {
      if (calls[c.id] !== c) continue
      while (i < incoming.length && cmp(incoming[i] as LiveCall, c) < 0) list.push(incoming[i++] as LiveCall)
      list.push(c)
    }
    while (i < incoming.length) list.push(incoming[i++] as LiveCall)
    last = { ...last, calls, list }
    return list
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

/** The most urgent call for the call card: the selected one, else the longest-ringing one. */
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
