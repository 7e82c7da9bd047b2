import { z } from 'zod'
import { profileIdSchema } from './profile-id'
import { cleanText } from './text'
import { refusal } from './input-words'

/**
 * Presence of the extensions (do-not-disturb, call forwarding, a note) and FreePBX's day/night
 * call-flow toggles, as main reads them from the PBX: FreePBX keeps DND and forwarding in AstDB
 * (`DND/<ext>`, `CF/<ext>`, `CFB/<ext>`, `CFU/<ext>`) with a `Custom:DND<ext>` device state, and
 * day/night in `DAYNIGHT/C<n>` with `Custom:DAYNIGHT<n>`; a presence note is Asterisk's presence
 * state (`CustomPresence:<ext>`), on FreePBX and plain Asterisk alike.
 */

/** Which of FreePBX's three call forwards: always (CF), when busy (CFB), when not answered (CFU). */
export const FORWARD_KINDS = ['unconditional', 'busy', 'noAnswer'] as const
export type ForwardKind = (typeof FORWARD_KINDS)[number]

/** Asterisk's presence states (main/presencestate.c), `not_set` being "never set". */
export const PRESENCE_STATUSES = ['not_set', 'unavailable', 'available', 'away', 'xa', 'chat', 'dnd'] as const
export type PresenceStatus = (typeof PRESENCE_STATUSES)[number]

/** The states an operator may give a note (not_set is the PBX's, not a choice). */
export const NOTE_STATUSES = ['available', 'away', 'xa', 'dnd', 'unavailable', 'chat'] as const
export type NoteStatus = (typeof NOTE_STATUSES)[number]

/** An extension's presence state as the PBX reports it: "away · Lunch, back at 2". */
export interface PresenceNote {
  readonly status: PresenceStatus
  readonly subtype: string
  readonly message: string
}

/** When something was first seen as it is: exact when the console saw it change, else "at least since". */
export interface Since {
  /** Epoch ms. */
  readonly at: number
  /** False when the console found it so at connect (it may have been so for longer). */
  readonly exact: boolean
}

/** One extension's presence. Only extensions with something to say are listed, plus every lamp's time in state. */
export interface ExtensionPresence {
  readonly extension: string
  readonly dnd: boolean
  /** The forward targets set now, by kind (absent: not forwarded that way). */
  readonly forward: Readonly<Partial<Record<ForwardKind, string>>>
  /** The presence note, when one is set (status other than not_set, or a message). */
  readonly note?: PresenceNote
  /** Since when DND, forwarding and the note are as they are. */
  readonly since: Since
  /** Since when the lamp (the extension's hint state) shows what it shows now. */
  readonly lampSince?: Since
}

export type DayNightMode = 'day' | 'night'

/** One of FreePBX's call-flow toggles (Day/Night mode), `DAYNIGHT/C<index>` in AstDB. */
export interface DayNightToggle {
  /** The toggle's number (`0` for `DAYNIGHT/C0`, feature code `*280`). */
  readonly index: string
  /** "Call flow <n>": FreePBX keeps the description in its database, which neither AMI nor its API offers. */
  readonly name: string
  readonly mode: DayNightMode
  /** The phone feature code that switches it (`*28<n>`). */
  readonly featureCode: string
  readonly since: Since
}

/**
 * Where main reads presence from: `freepbx` (AstDB, FreePBX's extension records found), `asterisk`
 * (plain Asterisk: DND is the presence state `dnd`, forwarding is not available), or `unknown` until
 * the first read.
 */
export type PresenceSource = 'freepbx' | 'asterisk' | 'unknown'

export interface PresenceSnapshot {
  readonly profileId: string
  readonly source: PresenceSource
  readonly extensions: Readonly<Record<string, ExtensionPresence>>
  readonly toggles: readonly DayNightToggle[]
  /** When AstDB was last read completely (epoch ms), or null before the first read. */
  readonly polledAt: number | null
  /** How often AstDB is read (changes made at a phone are seen at the latest this much later). */
  readonly pollEveryMs: number
  /** Why the last read failed, in words, when it did. */
  readonly problem?: string
}

/** `presence.changed`: what changed since the last one (an extension `null`: nothing to say about it any more). */
export interface PresenceChange {
  readonly profileId: string
  readonly source: PresenceSource
  readonly extensions: Readonly<Record<string, ExtensionPresence | null>>
  /** The whole list, when it changed. */
  readonly toggles?: readonly DayNightToggle[]
  readonly polledAt: number | null
  readonly problem?: string
}

/** An extension's digits, as the lamps show them: nothing typed freely reaches the PBX. */
export const extensionSchema = z.string().regex(/^[0-9]{1,10}$/, refusal('extension'))

export const presenceListInputSchema = z.strictObject({ profileId: profileIdSchema })

export const setDndInputSchema = z.strictObject({
  profileId: profileIdSchema,
  extension: extensionSchema,
  on: z.boolean(),
})

/**
 * A forward target as typed (a number or an extension): judged by main's toll-fraud guard like a
 * dial; `null` switches that forward off.
 */
export const setForwardInputSchema = z.strictObject({
  profileId: profileIdSchema,
  extension: extensionSchema,
  kind: z.enum(FORWARD_KINDS),
  target: cleanText(40, { min: 1 }).nullable(),
})

/** The longest note: Asterisk decodes a presence message into 256 bytes. */
export const NOTE_MAX_CHARS = 80

export const setNoteInputSchema = z.strictObject({
  profileId: profileIdSchema,
  extension: extensionSchema,
  status: z.enum(NOTE_STATUSES),
  /** Free text ("Lunch, back at 2"); '' clears it. */
  message: cleanText(NOTE_MAX_CHARS),
})

export const setDayNightInputSchema = z.strictObject({
  profileId: profileIdSchema,
  index: z.string().regex(/^[0-9]{1,3}$/, refusal('callFlowDigits')),
  mode: z.enum(['day', 'night']),
})
