import type { LiveCall } from '../../../../src-preload/types/live'
import { lookupNumber } from '../../stores/phonebook-store'
import { callerView, type CallerView } from './phonebook-caller'

/**
 * A party of a call as a row or a lamp names it: the PBX's caller ID, named from the phonebook
 * when it carries no name (see callerView). `lookup` says whether the party is someone outside
 * whom the phonebook may know: the caller of a call that is not the operator's own outgoing one
 * (the call card's rule), the callee of an outgoing call.
 */
export function partyView(party: { readonly name: string; readonly number: string }, lookup: boolean): CallerView {
  const number = party.number.trim()
  return callerView(party, lookup && number !== '' ? lookupNumber(number) : undefined)
}

/** Whether the phonebook is asked about the call's caller (true) or its callee. */
export function looksUp(call: Pick<LiveCall, 'direction'>, side: 'caller' | 'callee'): boolean {
  return side === 'caller' ? call.direction !== 'outbound' : call.direction === 'outbound'
}
