import type { AmiMessage } from '../ami/message'
import type { DayNightMode, ForwardKind, PresenceNote, PresenceStatus } from '../../../src-preload/types/presence'
import { PRESENCE_STATUSES } from '../../../src-preload/types/presence'

/** The AstDB family FreePBX keeps each forward in. */
export const FORWARD_FAMILY: Readonly<Record<ForwardKind, string>> = { unconditional: 'CF', busy: 'CFB', noAnswer: 'CFU' }

/** What one complete read of the PBX found (AstDB trees and the presence state list). */
export interface PresenceReading {
  /** Extensions with `DND/<ext>` set (FreePBX writes `YES`). */
  readonly dnd: ReadonlySet<string>
  readonly forward: Readonly<Record<ForwardKind, ReadonlyMap<string, string>>>
  /** `DAYNIGHT/C<n>` → its mode. */
  readonly daynight: ReadonlyMap<string, DayNightMode>
  /** `CustomPresence:<ext>` → its state, for extension-like presentities. */
  readonly notes: ReadonlyMap<string, PresenceNote>
}

const EXTENSION = /^[0-9]{1,10}$/

/**
 * The `key → value` pairs of a DBGetTree of one family, keyed below it: `/DND/101` → `101`. Keys
 * deeper than one level (`/CF/101/x`) are not FreePBX's and are left out.
 */
export function treeEntries(family: string, items: readonly AmiMessage[]): Map<string, string> {
  const out = new Map<string, string>()
  const prefix = `/${family.toLowerCase()}/`
  for (const item of items) {
    if (item.event !== 'DBGetTreeResponse') continue
    const key = item.get('Key') ?? ''
    if (!key.toLowerCase().startsWith(prefix)) continue
    const rest = key.slice(prefix.length)
    if (rest === '' || rest.includes('/')) continue
    out.set(rest, item.get('Val') ?? '')
  }
  return out
}

/** DND/<ext> entries that say on: FreePBX writes `YES` and deletes the key for off. */
export function dndFrom(entries: ReadonlyMap<string, string>): Set<string> {
  const on = new Set<string>()
  for (const [ext, value] of entries) if (EXTENSION.test(ext) && value.trim() !== '') on.add(ext)
  return on
}

/** CF/CFB/CFU entries: extension → the number calls go to (empty values are no forward). */
export function forwardsFrom(entries: ReadonlyMap<string, string>): Map<string, string> {
  const out = new Map<string, string>()
  for (const [ext, value] of entries) {
    const target = value.trim()
    if (EXTENSION.test(ext) && target !== '') out.set(ext, target)
  }
  return out
}

/** DAYNIGHT/C<n> entries: `DAY` or `NIGHT` (anything else is not a toggle FreePBX made). */
export function dayNightFrom(entries: ReadonlyMap<string, string>): Map<string, DayNightMode> {
  const out = new Map<string, DayNightMode>()
  for (const [key, value] of entries) {
    const index = /^C([0-9]{1,3})$/.exec(key)?.[1]
    const mode = value.trim().toUpperCase()
    if (index !== undefined && (mode === 'DAY' || mode === 'NIGHT')) out.set(index, mode === 'DAY' ? 'day' : 'night')
  }
  return out
}

export function presenceStatusOf(value: string | undefined): PresenceStatus {
  const v = (value ?? '').trim().toLowerCase()
  return (PRESENCE_STATUSES as readonly string[]).includes(v) ? (v as PresenceStatus) : 'not_set'
}

/** The extension of a `CustomPresence:<ext>` presentity, when it names one. */
export function presenceExtension(presentity: string | undefined): string | undefined {
  const m = /^CustomPresence:([0-9]{1,10})$/i.exec(presentity ?? '')
  return m?.[1]
}

/** A PresenceStateChange (event or PresenceStateList item) as a note of its extension. */
export function noteFrom(msg: AmiMessage): { extension: string; note: PresenceNote } | undefined {
  const extension = presenceExtension(msg.get('Presentity'))
  if (extension === undefined) return undefined
  return {
    extension,
    note: { status: presenceStatusOf(msg.get('Status')), subtype: msg.get('Subtype') ?? '', message: msg.get('Message') ?? '' },
  }
}

/** Whether a note says anything (never set, or set back to available with no words, says nothing). */
export function noteSaysSomething(note: PresenceNote | undefined): note is PresenceNote {
  if (note === undefined) return false
  if (note.subtype !== '' || note.message !== '') return true
  return note.status !== 'not_set' && note.status !== 'available'
}

/** `Custom:DND<ext>` → the extension. */
export function dndDeviceExtension(device: string | undefined): string | undefined {
  return /^Custom:DND([0-9]{1,10})$/i.exec(device ?? '')?.[1]
}

/** `Custom:DAYNIGHT<n>` → the toggle's index. */
export function dayNightDeviceIndex(device: string | undefined): string | undefined {
  return /^Custom:DAYNIGHT([0-9]{1,3})$/i.exec(device ?? '')?.[1]
}

/** FreePBX sets `Custom:DND<ext>` BUSY for on and NOT_INUSE for off. */
export function dndOfDeviceState(state: string | undefined): boolean | undefined {
  const s = (state ?? '').toUpperCase()
  if (s === 'BUSY' || s === 'INUSE' || s === 'ONHOLD') return true
  if (s === 'NOT_INUSE') return false
  return undefined
}

/** FreePBX sets `Custom:DAYNIGHT<n>` NOT_INUSE for day and INUSE (older: BUSY) for night. */
export function modeOfDeviceState(state: string | undefined): DayNightMode | undefined {
  const s = (state ?? '').toUpperCase()
  if (s === 'NOT_INUSE') return 'day'
  if (s === 'INUSE' || s === 'BUSY') return 'night'
  return undefined
}

/**
 * The value a presence note is written with: subtype and message Base64 with the `e` option, so
 * the note's own commas survive (func_presencestate splits the value on every comma; with `e` the
 * PBX stores them encoded and reports them decoded).
 */
export function presenceValue(status: PresenceStatus, message: string): string {
  if (message === '') return status
  return `${status},,${Buffer.from(message, 'utf8').toString('base64')},e`
}
