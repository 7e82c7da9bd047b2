/**
 * Live entities for unit tests, complete with every field the wire type has: a test names only what
 * it is about (`liveCall({ state: 'ringing' })`), and a field added to LiveCall is added here once.
 */
import type { LiveCall } from '../../src-preload/types/live'

/** An inbound call from caller 1 (A) to 2, up since 0, on no channel and in no bridge. */
export function liveCall(over: Partial<LiveCall> = {}): LiveCall {
  return {
    id: 'c1',
    direction: 'inbound',
    caller: { name: 'A', number: '1' },
    callee: { name: '', number: '2' },
    state: 'up',
    startedAt: 0,
    answeredAt: undefined,
    stateSince: undefined,
    queue: undefined,
    ringGroup: undefined,
    trunk: undefined,
    did: undefined,
    channelIds: [],
    bridgeIds: [],
    ...over,
  }
}
