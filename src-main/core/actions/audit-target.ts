import type { LiveParty } from '../../../src-preload/types/live'
import type { CallParties } from './pbx-port'

/**
 * What an audit line names as an action's target, in the words a person reading the log
 * recognises — the caller and where the call goes, not the PBX's internal ids (those stay in the
 * line's detail for support).
 */

/** Asterisk's placeholders for an absent caller id are no name. */
function shown(value: string): string {
  const v = value.trim()
  return v === '' || v === '<unknown>' || v === 'unknown' ? '' : v
}

/** "Anna Berg <+4930123>", "+4930123", "Anna Berg", or "unknown caller". */
export function partyText(party: LiveParty | undefined): string {
  const name = shown(party?.name ?? '')
  const number = shown(party?.number ?? '')
  if (name !== '' && number !== '' && name !== number) return `${name} <${number}>`
  return name !== '' ? name : number !== '' ? number : 'unknown caller'
}

/** Where a call goes now: the phone or number it reaches, else the queue or ring group it waits in. */
function goesTo(parties: CallParties): string | undefined {
  if (shown(parties.callee.number) !== '' || shown(parties.callee.name) !== '') return partyText(parties.callee)
  if (parties.queue !== undefined) return `queue ${parties.queue}`
  if (parties.ringGroup !== undefined) return `ring group ${parties.ringGroup}`
  return undefined
}

/** The call as it is: "Anna Berg <+4930123> → Reception <100>"; "a call no longer listed" when gone. */
export function callText(parties: CallParties | undefined): string {
  if (parties === undefined) return 'a call no longer listed'
  const to = goesTo(parties)
  return to === undefined ? partyText(parties.caller) : `${partyText(parties.caller)} → ${to}`
}

/** The call's caller, sent somewhere new: "Anna Berg <+4930123> → 205". */
export function movedText(parties: CallParties | undefined, destination: string): string {
  return `${parties === undefined ? 'a call no longer listed' : partyText(parties.caller)} → ${destination}`
}

/** A queue member as the queue lists it: "Anna Berger (PJSIP/101)". */
export function memberText(name: string | undefined, iface: string): string {
  const n = shown(name ?? '')
  return n === '' || n === iface ? iface : `${n} (${iface})`
}
