import type { LiveState } from '../../../src-preload/types/live'
import type { SettledOutcome } from '../../../src-preload/types/actions'

/**
 * What the live state shows when an action took effect. An action records its expectation before
 * anything is sent, so when the answer is lost (a disconnect, a timeout) the resynced state can tell
 * whether the PBX did it — the action itself is never sent again.
 *
 * Expectations are plain data (no closures): they are logged, compared and tested as values.
 */
export type Expectation =
  /** Hang-up, completing a transfer: the channel is gone. */
  | { readonly kind: 'gone'; readonly channelId: string }
  /** Originate, pick-up: the channel we named (ChannelId) exists, or has already come and gone. */
  | { readonly kind: 'appeared'; readonly channelId: string }
  /** Blind and voicemail transfer: the channel left the peer it talked to / runs the new extension. */
  | {
      readonly kind: 'moved'
      readonly channelId: string
      /** Where it was when the transfer was asked (bridge, or dialplan extension when not bridged). */
      readonly fromBridge: string | undefined
      readonly fromExten: string
      readonly toExten: string
    }
  /** Park: the channel sits in a parking space. */
  | { readonly kind: 'parked'; readonly channelId: string }
  /** Queue pause: the member's paused flag is what was asked. */
  | { readonly kind: 'paused'; readonly queue: string; readonly iface: string; readonly paused: boolean }
  /** Nothing in the call list tells whether it happened (an attended transfer's consultation). */
  | { readonly kind: 'unverifiable'; readonly hint: string }

export interface Verdict {
  readonly outcome: SettledOutcome
  readonly message: string
}

/**
 * Reads the outcome from a state rebuilt after the answer was lost. `undefined` means the state
 * cannot decide (yet); the settler then leaves the action unknown until it expires.
 */
export function judgeExpectation(state: LiveState, e: Expectation): Verdict {
  switch (e.kind) {
    case 'gone':
      return state.channels[e.channelId] === undefined
        ? { outcome: 'done', message: 'the call is gone from the PBX' }
        : { outcome: 'not_done', message: 'the call is still up on the PBX' }
    case 'appeared':
      return state.channels[e.channelId] !== undefined
        ? { outcome: 'done', message: 'the call is up on the PBX' }
        : { outcome: 'ended', message: 'no such call is on the PBX: it was not placed, or has already ended' }
    case 'moved': {
      const ch = state.channels[e.channelId]
      if (ch === undefined) return { outcome: 'ended', message: 'the call has ended, so whether it was transferred cannot be seen' }
      if (ch.exten === e.toExten) return { outcome: 'done', message: `the call is at ${e.toExten} now` }
      if (e.fromBridge !== undefined) {
        return ch.bridgeId === e.fromBridge
          ? { outcome: 'not_done', message: 'the call is still connected where it was' }
          : { outcome: 'done', message: 'the call has left the party it was connected to' }
      }
      if (ch.exten === e.fromExten) return { outcome: 'not_done', message: 'the call is still where it was' }
      // It moved, but not visibly to the destination (the dialplan may have sent it on by itself).
      return { outcome: 'unknown', message: `the call has moved, but not visibly to ${e.toExten}: check the call list` }
    }
    case 'parked': {
      const parked = Object.values(state.parked).find((p) => p.parkeeId === e.channelId)
      if (parked !== undefined) return { outcome: 'done', message: `the call is parked in space ${parked.space}` }
      if (state.channels[e.channelId] === undefined) {
        return { outcome: 'ended', message: 'the call has ended, so whether it was parked cannot be seen' }
      }
      return { outcome: 'not_done', message: 'the call is up but not parked' }
    }
    case 'paused': {
      const member = state.queues[e.queue]?.members[e.iface]
      if (member === undefined) return { outcome: 'ended', message: `${e.iface} is no longer a member of ${e.queue}` }
      const word = e.paused ? 'paused' : 'unpaused'
      return member.paused === e.paused
        ? { outcome: 'done', message: `${e.iface} is ${word} in ${e.queue}` }
        : { outcome: 'not_done', message: `${e.iface} is not ${word} in ${e.queue}` }
    }
    case 'unverifiable':
      return { outcome: 'unknown', message: e.hint }
  }
}
