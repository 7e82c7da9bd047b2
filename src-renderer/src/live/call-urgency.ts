import type { LiveCall } from '../../../src-preload/types/live'
import { cleanCid } from './format'
import { tr } from '../i18n'
import { strings } from './strings'

const t = tr(strings)

/**
 * How urgently a call wants the front desk, most urgent first: what the calls list shows on top by
 * default (its State order). A call ringing the operator's own phone or coming from a queue needs
 * them now; other phones ringing may need a pickup; then callers waiting with nobody (a queue, an
 * IVR), on hold, parked; talking and voicemail calls need nobody.
 */
export const URGENCY = {
  ringingForOperator: 0,
  ringing: 1,
  waiting: 2,
  hold: 3,
  parked: 4,
  transferring: 5,
  talking: 6,
  voicemail: 7,
} as const

/** A call the PBX answered for an IVR, a queue or an announcement, with no person on the line yet. */
export function waitsUnanswered(call: LiveCall): boolean {
  return call.state === 'up' && call.answeredAt === undefined && call.unknown?.includes('answeredAt') !== true
}

/** A ringing call the operator should take first: it rings their own phone, or came through a queue. */
export function ringsForOperator(call: LiveCall, ownExtension: string): boolean {
  if (call.state !== 'ringing') return false
  if (call.queue !== undefined) return true
  if (ownExtension === '') return false
  const ringing = call.target?.kind === 'ringing' ? call.target.parties : [call.callee]
  return ringing.some((p) => cleanCid(p.number) === ownExtension)
}

export function urgencyOf(call: LiveCall, ownExtension: string): number {
  if (call.target?.kind === 'voicemail') return URGENCY.voicemail
  switch (call.state) {
    case 'ringing':
      return ringsForOperator(call, ownExtension) ? URGENCY.ringingForOperator : URGENCY.ringing
    case 'queued':
      return URGENCY.waiting
    case 'hold':
      return URGENCY.hold
    case 'parked':
      return URGENCY.parked
    case 'transferring':
      return URGENCY.transferring
    case 'up':
      return waitsUnanswered(call) ? URGENCY.waiting : URGENCY.talking
  }
}

/**
 * The moment a row's timer counts from (the Time column shows now minus this): the hold, park or
 * queue wait; a call ringing again after a transfer, since the new party rang; a first ring, since
 * the call began; else the talk time.
 */
export function timerSince(call: LiveCall): number {
  if (call.state === 'hold' || call.state === 'parked' || call.state === 'queued') return call.stateSince ?? call.startedAt
  if (call.state === 'ringing') return call.answeredAt === undefined ? call.startedAt : (call.target?.since ?? call.startedAt)
  return call.answeredAt ?? call.startedAt
}

/** Wider than any epoch-ms moment: urgency and time fold into one number that sorts by both. */
const RANK_SPAN = 1e14

/**
 * The State order's key: urgency first, then the longest waiting first (the time shown, the
 * longest-ringing call on top of the ringing ones). One number, so sorting costs no more than by time.
 */
export function urgencyKey(call: LiveCall, ownExtension: string): number {
  return urgencyOf(call, ownExtension) * RANK_SPAN + timerSince(call)
}

/** What the summary line counts. */
export interface CallSummary {
  readonly ringing: number
  readonly waiting: number
  readonly onHold: number
  readonly parked: number
}

/** Counts the calls by what they wait for: one pass, no allocation per call. */
export function summarize(calls: Iterable<LiveCall>): CallSummary {
  let ringing = 0
  let waiting = 0
  let onHold = 0
  let parked = 0
  for (const c of calls) {
    if (c.target?.kind === 'voicemail') continue
    if (c.state === 'ringing') ringing++
    else if (c.state === 'queued' || waitsUnanswered(c)) waiting++
    else if (c.state === 'hold') onHold++
    else if (c.state === 'parked') parked++
  }
  return { ringing, waiting, onHold, parked }
}

/** `2 ringing · 1 waiting · 0 on hold` (and `· 1 parked` when any are), each count in the shown language. */
export function summaryText(s: CallSummary): string {
  const parts = [t('ringing', { count: s.ringing }), t('waiting', { count: s.waiting }), t('onHold', { count: s.onHold })]
  if (s.parked > 0) parts.push(t('parked', { count: s.parked }))
  return parts.join(' · ')
}
