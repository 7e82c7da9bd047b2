import type { LiveCall, LiveExtension } from '../../../../src-preload/types/live'
import { LAMP_GROUP_LIMITS, type LampGroup, type SeatLamps } from '../../../../src-preload/types/settings'
import { cleanCid, partyLabel } from '../../live/format'
import { directoryMatches, fold, nameOf, spokenOf } from '../../stores/directory-store'
import { looksUp, partyView } from '../../components/caller/party-view'
import { voicemailText } from './call-model'
import { currentLanguage, tr } from '../../i18n'
import { strings } from './strings'

const t = tr(strings)

/** Names shown on a tile; a trunk-facing phone can be in hundreds of calls at once. */
const MAX_NAMES = 2

/**
 * Who an extension talks to, as short text: the first parties by name, then how many more.
 * Bounded work and bounded text per tile, however many calls the extension is in.
 */
export function talkingTo(ext: Pick<LiveExtension, 'id' | 'callIds' | 'callCount'>, calls: { get(id: string): LiveCall | undefined }): string {
  const names: string[] = []
  // Stops after MAX_NAMES parties: the rest are counted, not looked up (ids briefly unknown to
  // the calls list, between two patches, are counted too).
  for (const id of ext.callIds) {
    if (names.length >= MAX_NAMES) break
    const c = calls.get(id)
    // In voicemail nobody talks: what it does there (the mailbox's owner is no party to a talk).
    if (c?.target?.kind === 'voicemail') names.push(voicemailText(c.target, 'short'))
    // The other party, named from the phonebook where its caller ID has no name.
    else if (c !== undefined)
      names.push(c.caller.number === ext.id ? partyView(c.callee, looksUp(c, 'callee')).primary : partyView(c.caller, looksUp(c, 'caller')).primary)
  }
  const more = names.length === 0 ? 0 : (ext.callCount ?? ext.callIds.length) - names.length
  return more > 0 ? t('lamp.more', { names: names.join(', '), count: more }) : names.join(', ')
}

// ---- Lamp groups --------------------------------------------------------------------------------

let starting: { readonly language: string; readonly lamps: SeatLamps } | undefined

/**
 * A seat that never arranged its lamps starts with an empty Favourites group, named in the shown
 * language (the name is the seat's own once it saves). One object per language: the seat's lamps
 * are read through a store selector, which must get the same object back while nothing changed.
 */
export function startingLamps(): SeatLamps {
  const language = currentLanguage()
  if (starting?.language !== language) starting = { language, lamps: { groups: [{ name: t('groups.favourites'), extensions: [] }] } }
  return starting.lamps
}

/** The group a seat shows, undefined for every extension (or a shown group since deleted). */
export function shownGroup(lamps: SeatLamps): LampGroup | undefined {
  return lamps.shown === undefined ? undefined : lamps.groups.find((g) => g.name === lamps.shown)
}

/**
 * The lamps shown, in order: every numeric extension by number, or a group's in the order the
 * operator arranged them (extensions the PBX no longer has are kept in the group, not shown);
 * then narrowed by the search: number, hint, or what the PBX's directory says of the extension
 * (name, department, queues; accents folded, so "gul" finds Farid Gül).
 */
export function lampsShown<E extends Pick<LiveExtension, 'id' | 'hint'>>(
  extensions: Readonly<Record<string, E>>,
  group: LampGroup | undefined,
  query: string,
): E[] {
  const q = fold(query.trim())
  // The hint's phone only: FreePBX's `PJSIP/105&Custom:DND105,CustomPresence:105` would make "dnd" match every lamp.
  const matches = (e: E): boolean =>
    q === '' || e.id.includes(q) || (e.hint.split(/[&,]/)[0] ?? '').toLowerCase().includes(q) || directoryMatches(e.id, q)
  if (group !== undefined) return group.extensions.flatMap((id) => (extensions[id] === undefined ? [] : [extensions[id]])).filter(matches)
  return Object.values(extensions)
    .filter((e) => /^\d+$/.test(e.id) && matches(e))
    .sort((a, b) => byNumber.compare(a.id, b.id))
}

const byNumber = new Intl.Collator(undefined, { numeric: true })

/** Control characters and direction overrides: main refuses them, so the name field does first. */
const UNSAFE_TEXT = /[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/u

/** Why `name` cannot name a group (`except`: the group being renamed), or undefined when it can. */
export function groupNameProblem(lamps: SeatLamps, name: string, except?: string): string | undefined {
  const n = name.trim()
  if (n === '') return t('groups.nameEmpty')
  if (n.length > LAMP_GROUP_LIMITS.name) return t('groups.nameTooLong', { max: LAMP_GROUP_LIMITS.name })
  if (UNSAFE_TEXT.test(n)) return t('groups.nameControl')
  if (lamps.groups.some((g) => g.name !== except && g.name.toLowerCase() === n.toLowerCase())) return t('groups.nameTaken', { name: n })
  return undefined
}

/** The result of changing the groups: the new arrangement, or why not (nothing changed). */
export type LampsChange = { readonly ok: true; readonly lamps: SeatLamps } | { readonly ok: false; readonly problem: string }

const changed = (lamps: SeatLamps): LampsChange => ({ ok: true, lamps })
const refused = (problem: string): LampsChange => ({ ok: false, problem })

function withGroup(lamps: SeatLamps, name: string, change: (g: LampGroup) => LampGroup): SeatLamps {
  return { ...lamps, groups: lamps.groups.map((g) => (g.name === name ? change(g) : g)) }
}

/** A new group, shown at once (the operator fills it from the lamps' menus). */
export function createGroup(lamps: SeatLamps, name: string): LampsChange {
  const problem = groupNameProblem(lamps, name)
  if (problem !== undefined) return refused(problem)
  if (lamps.groups.length >= LAMP_GROUP_LIMITS.groups) return refused(t('groups.tooMany', { max: LAMP_GROUP_LIMITS.groups }))
  const n = name.trim()
  return changed({ groups: [...lamps.groups, { name: n, extensions: [] }], shown: n })
}

export function renameGroup(lamps: SeatLamps, from: string, to: string): LampsChange {
  const problem = groupNameProblem(lamps, to, from)
  if (problem !== undefined) return refused(problem)
  const n = to.trim()
  const renamed = withGroup(lamps, from, (g) => ({ ...g, name: n }))
  return changed(lamps.shown === from ? { ...renamed, shown: n } : renamed)
}

/** Removes a group (the extensions stay on the PBX and under All); All is shown if it was. */
export function deleteGroup(lamps: SeatLamps, name: string): SeatLamps {
  const groups = lamps.groups.filter((g) => g.name !== name)
  return lamps.shown === name || lamps.shown === undefined ? { groups } : { groups, shown: lamps.shown }
}

/** Moves a group one place left (-1) or right (+1) among the tabs. */
export function moveGroup(lamps: SeatLamps, name: string, delta: -1 | 1): SeatLamps {
  return {
    ...lamps,
    groups: moved(
      lamps.groups,
      lamps.groups.findIndex((g) => g.name === name),
      delta,
    ),
  }
}

export function addToGroup(lamps: SeatLamps, name: string, extension: string): LampsChange {
  const group = lamps.groups.find((g) => g.name === name)
  if (group === undefined) return refused(t('groups.missing', { name }))
  if (group.extensions.includes(extension)) return refused(t('groups.hasAlready', { extension, name }))
  if (group.extensions.length >= LAMP_GROUP_LIMITS.extensions) return refused(t('groups.full', { max: LAMP_GROUP_LIMITS.extensions }))
  return changed(withGroup(lamps, name, (g) => ({ ...g, extensions: [...g.extensions, extension] })))
}

export function removeFromGroup(lamps: SeatLamps, name: string, extension: string): SeatLamps {
  return withGroup(lamps, name, (g) => ({ ...g, extensions: g.extensions.filter((e) => e !== extension) }))
}

/** Moves a lamp one place earlier (-1) or later (+1) in its group. */
export function moveInGroup(lamps: SeatLamps, name: string, extension: string, delta: -1 | 1): SeatLamps {
  return withGroup(lamps, name, (g) => ({ ...g, extensions: moved(g.extensions, g.extensions.indexOf(extension), delta) }))
}

function moved<T>(list: readonly T[], at: number, delta: -1 | 1): T[] {
  const to = at + delta
  const out = [...list]
  const item = out[at]
  if (at < 0 || to < 0 || to >= out.length || item === undefined) return out
  out.splice(at, 1)
  out.splice(to, 0, item)
  return out
}

/** Shows a group, or every extension (undefined). */
export function showGroup(lamps: SeatLamps, name: string | undefined): SeatLamps {
  return name === undefined ? { groups: lamps.groups } : { groups: lamps.groups, shown: name }
}

/** The next (+1) or previous (-1) tab from the shown one, All included, round the ends. */
export function stepGroup(lamps: SeatLamps, delta: -1 | 1): SeatLamps {
  const tabs: (string | undefined)[] = [undefined, ...lamps.groups.map((g) => g.name)]
  const at = Math.max(0, tabs.indexOf(shownGroup(lamps)?.name))
  return showGroup(lamps, tabs[(at + delta + tabs.length) % tabs.length])
}

// ---- What a lamp's menu offers --------------------------------------------------------------------

/** The seat's side of what a lamp offers: who it is and whether it may act now. */
export interface LampSeat {
  readonly role: 'receptionist' | 'supervisor' | 'admin'
  readonly readOnly: boolean
  readonly ownExtension: string
  /** Why actions are off now (the PBX or the console unreachable), or undefined. */
  readonly actionsOff: string | undefined
}

/** A call action of a lamp's own, before it is bound to what runs it. */
export interface LampCallEntry {
  readonly kind: 'call' | 'transfer' | 'voicemail'
  readonly label: string
  /** Why it is greyed, in words; undefined when it is offered. */
  readonly off: string | undefined
}

const ROLE_RANK = { receptionist: 0, supervisor: 1, admin: 2 } as const

/** The role each lamp action needs; main's call policies decide, this only greys what they would refuse. */
const LAMP_ACTION_ROLE: Record<LampCallEntry['kind'], LampSeat['role']> = {
  call: 'receptionist',
  transfer: 'receptionist',
  voicemail: 'receptionist',
}

const NEEDS_ROLE = { receptionist: 'menu.needsReceptionist', supervisor: 'menu.needsSupervisor', admin: 'menu.needsAdmin' } as const

/** Why this seat cannot act on the PBX now at all (stale, read-only, role), or undefined. */
export function seatOff(seat: LampSeat, needs: LampSeat['role'] = 'receptionist'): string | undefined {
  if (seat.actionsOff !== undefined) return seat.actionsOff
  if (seat.readOnly) return t('menu.readOnly')
  if (ROLE_RANK[seat.role] < ROLE_RANK[needs]) return t(NEEDS_ROLE[needs])
  return undefined
}

/**
 * Call, transfer the selected call here, send the selected call to this extension's voicemail:
 * each offered, or greyed with the reason (no call selected, the seat cannot act, the phone is
 * offline or is the operator's own, the call is with this extension already).
 */
export function lampCallEntries(
  ext: Pick<LiveExtension, 'id' | 'state'>,
  seat: LampSeat,
  selected: Pick<LiveCall, 'caller' | 'callee' | 'target'> | undefined,
): LampCallEntry[] {
  const who = selected === undefined ? undefined : partyLabel(selected.caller).primary
  const noSelection = selected === undefined ? t('menu.selectFirst') : undefined
  // People by name ("Eva Fischer (105)"), the number alone only where the PBX gives no name.
  const person = spokenOf(ext.id)
  const offline = ext.state === 'UNAVAILABLE' ? t('menu.offline', { person }) : undefined
  const own = ext.id === seat.ownExtension ? t('menu.ownPhone') : undefined
  const alreadyHere =
    who !== undefined &&
    selected?.target !== undefined &&
    selected.target.kind !== 'voicemail' &&
    selected.target.parties.some((p) => cleanCid(p.number) === ext.id)
      ? t('menu.alreadyHere', { who, person })
      : undefined
  const owner = nameOf(ext.id) ?? ext.id
  return [
    { kind: 'call', label: t('menu.call', { extension: ext.id }), off: seatOff(seat, LAMP_ACTION_ROLE.call) ?? own },
    {
      kind: 'transfer',
      label: who === undefined ? t('menu.transferSelected') : t('menu.transfer', { who }),
      off: seatOff(seat, LAMP_ACTION_ROLE.transfer) ?? noSelection ?? offline ?? alreadyHere,
    },
    {
      kind: 'voicemail',
      label: who === undefined ? t('menu.voicemailSelected', { owner }) : t('menu.voicemail', { who, owner }),
      off: seatOff(seat, LAMP_ACTION_ROLE.voicemail) ?? noSelection,
    },
  ]
}
