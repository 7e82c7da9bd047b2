import type { LiveParty } from '../../../src-preload/types/live'
import type { CallParties } from './pbx-port'

/**
 * What an audit line names as an action's target, in the words a person reading the log
 * recognises — the caller and where the call goes, not the PBX's internal ids (those stay in the
 * line's detail for support).
 */

/**
 * The name the PBX gives an extension (the directory's, src-main/core/directory), so a line names
 * "Eva Fischer" where the PBX's caller ID carried only `105` or `PJSIP/105`. Absent: numbers only.
 */
export type ExtensionNames = (extension: string) => string | undefined

/** Asterisk's placeholders for an absent caller id are no name. */
function shown(value: string): string {
  const v = value.trim()
  return v === '' || v === '<unknown>' || v === 'unknown' ? '' : v
}

/**
 * The extension a PBX identifier stands for: `105`, a device or channel (`PJSIP/105`,
 * `PJSIP/105-0000002a`, `SIP/105`, `Local/105@from-queue/n`) or FreePBX's `PJSIP_105`-style
 * member name; undefined for anything else (an outside number, a queue, a feature code).
 */
export function extensionIn(value: string): string | undefined {
  const v = value.trim()
  if (/^[0-9]{1,10}$/.test(v)) return v
  return /^(?:PJSIP|SIP|IAX2|DAHDI|Local)[/_]([0-9]{1,10})(?:[-@/;].*)?$/i.exec(v)?.[1]
}

/** A name that is only an identifier (`PJSIP/106`, the number itself) names nobody. */
function isRawName(name: string, number: string): boolean {
  return name === '' || name === number || extensionIn(name) !== undefined
}

/** The party with the directory's name where the PBX gave none (or only an identifier). */
function named(party: LiveParty | undefined, names: ExtensionNames | undefined): { name: string; number: string } {
  const name = shown(party?.name ?? '')
  const number = shown(party?.number ?? '')
  if (names === undefined || !isRawName(name, number)) return { name, number }
  const ext = extensionIn(number) ?? extensionIn(name)
  const known = ext === undefined ? undefined : names(ext)
  return known === undefined ? { name, number } : { name: known, number: ext ?? number }
}

/** "Anna Berg <+4930123>", "+4930123", "Anna Berg", or "unknown caller". */
export function partyText(party: LiveParty | undefined, names?: ExtensionNames): string {
  const { name, number } = named(party, names)
  if (name !== '' && number !== '' && name !== number) return `${name} <${number}>`
  return name !== '' ? name : number !== '' ? number : 'unknown caller'
}

/** A destination as typed or dialled, named when it is a known extension: "Eva Fischer <105>", else "105". */
export function destinationText(destination: string, names?: ExtensionNames): string {
  const ext = extensionIn(destination)
  const name = ext === undefined ? undefined : names?.(ext)
  return name === undefined ? destination : `${name} <${ext ?? destination}>`
}

/** A destination in a sentence for the operator (toasts): "Eva Fischer (105)", else "105". */
export function spokenDestination(destination: string, names?: ExtensionNames): string {
  const ext = extensionIn(destination)
  const name = ext === undefined ? undefined : names?.(ext)
  return name === undefined ? destination : `${name} (${ext ?? destination})`
}

/** Where a call goes now: the phone or number it reaches, else the queue or ring group it waits in. */
function goesTo(parties: CallParties, names: ExtensionNames | undefined): string | undefined {
  if (shown(parties.callee.number) !== '' || shown(parties.callee.name) !== '') return partyText(parties.callee, names)
  if (parties.queue !== undefined) return `queue ${parties.queue}`
  if (parties.ringGroup !== undefined) return `ring group ${parties.ringGroup}`
  return undefined
}

/** The call as it is: "Anna Berg <+4930123> → Reception <100>"; "a call no longer listed" when gone. */
export function callText(parties: CallParties | undefined, names?: ExtensionNames): string {
  if (parties === undefined) return 'a call no longer listed'
  const to = goesTo(parties, names)
  return to === undefined ? partyText(parties.caller, names) : `${partyText(parties.caller, names)} → ${to}`
}

/** The call's caller, sent somewhere new: "Anna Berg <+4930123> → 205" (`destination` already worded). */
export function movedText(parties: CallParties | undefined, destination: string, names?: ExtensionNames): string {
  return `${parties === undefined ? 'a call no longer listed' : partyText(parties.caller, names)} → ${destination}`
}

/**
 * A queue member as the queue lists it: "Anna Berger (PJSIP/101)". A member added without a name
 * is listed by Asterisk under its interface: the directory names it then.
 */
export function memberText(name: string | undefined, iface: string, names?: ExtensionNames): string {
  const n = memberName(name, iface, names)
  return n === '' ? iface : `${n} (${iface})`
}

/** The member's name: the queue's, else the directory's for the extension behind the interface; '' when none. */
export function memberName(name: string | undefined, iface: string, names?: ExtensionNames): string {
  const n = shown(name ?? '')
  if (n !== '' && n !== iface && extensionIn(n) === undefined) return n
  const ext = extensionIn(iface) ?? extensionIn(n)
  return (ext === undefined ? undefined : names?.(ext)) ?? (n === iface ? '' : n)
}
