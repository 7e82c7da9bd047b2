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

export function visibleCalls(state: LiveState, filter: string, sort: SortKey, descending: boolean): LiveCall[] {
  const needle = filter.trim().toLowerCase()
  const calls = Object.values(state.calls).filter((c) => needle === '' || haystack(c).includes(needle))
  const key = (c: LiveCall): string | number => {
    switch (sort) {
      case 'caller':
        return (cleanCid(c.caller.name) || cleanCid(c.caller.number)).toLowerCase()
      case 'callee':
        return (cleanCid(c.callee.name) || cleanCid(c.callee.number)).toLowerCase()
      case 'state':
        return c.state
      case 'duration':
      case 'started':
        return c.startedAt
    }
  }
  calls.sort((a, b) => {
    const ka = key(a)
    const kb = key(b)
    const cmp = ka < kb ? -1 : ka > kb ? 1 : a.id < b.id ? -1 : 1
    return descending ? -cmp : cmp
  })
  return calls
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
export function focusCall(state: LiveState, selected: string | null): LiveCall | undefined {
  if (selected !== null && state.calls[selected] !== undefined) return state.calls[selected]
  const ringing = Object.values(state.calls).filter((c) => c.state === 'ringing' || c.state === 'queued')
  ringing.sort((a, b) => a.startedAt - b.startedAt)
  return ringing[0]
}
