import type { LiveState } from '../../../src-preload/types/live'
import type { SettledOutcome } from '../../../src-preload/types/actions'
import { say } from '../i18n'
import { strings } from './strings'

const t = say(strings)

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
        ? { outcome: 'done', message: t('seen.gone') }
        : { outcome: 'not_done', message: t('seen.stillUp') }
    case 'appeared':
      return state.channels[e.channelId] !== undefined
        ? { outcome: 'done', message: t('seen.up') }
        : { outcome: 'ended', message: t('seen.notPlaced') }
    case 'moved': {
      const ch = state.channels[e.channelId]
      if (ch === undefined) return { outcome: 'ended', message: t('seen.endedTransfer') }
      if (ch.exten === e.toExten) return { outcome: 'done', message: t('seen.atNow', { exten: e.toExten }) }
      if (e.fromBridge !== undefined) {
        return ch.bridgeId === e.fromBridge
          ? { outcome: 'not_done', message: t('seen.stillConnected') }
          : { outcome: 'done', message: t('seen.left') }
      }
      if (ch.exten === e.fromExten) return { outcome: 'not_done', message: t('seen.stillThere') }
      // It moved, but not visibly to the destination (the dialplan may have sent it on by itself).
      return { outcome: 'unknown', message: t('seen.movedElsewhere', { exten: e.toExten }) }
    }
    case 'parked': {
      const parked = Object.values(state.parked).find((p) => p.parkeeId === e.channelId)
      if (parked !== undefined) return { outcome: 'done', message: t('seen.parked', { space: parked.space }) }
      if (state.channels[e.channelId] === undefined) {
        return { outcome: 'ended', message: t('seen.endedPark') }
      }
      return { outcome: 'not_done', message: t('seen.notParked') }
    }
    case 'paused': {
      const member = state.queues[e.queue]?.members[e.iface]
      if (member === undefined) return { outcome: 'ended', message: t('seen.noMember', { member: e.iface, queue: e.queue }) }
      const words = { member: e.iface, queue: e.queue }
      if (member.paused === e.paused) return { outcome: 'done', message: t(e.paused ? 'seen.paused' : 'seen.unpaused', words) }
      return { outcome: 'not_done', message: t(e.paused ? 'seen.notPaused' : 'seen.notUnpaused', words) }
    }
    case 'unverifiable':
      return { outcome: 'unknown', message: e.hint }
  }
}
