import { z } from 'zod'
import { profileIdSchema } from './profile-id'
import { refusal } from './input-words'

/**
 * Voicemail (issue 19 item 7): each mailbox's new, old and urgent counts (MWI), listening by phone
 * (the console rings the seat's phone into VoiceMailMain) and the messages of a mailbox. Only a
 * mailbox as the PBX names it crosses the contract (`101@default`); main checks it is one the PBX
 * listed and one this seat may reach, and builds everything it sends to the PBX itself.
 */

/** A mailbox as Asterisk names it: its number and voicemail context (`101@default`). */
export const mailboxIdSchema = z
  .string()
  .max(100)
  .regex(/^[0-9]{1,15}@[A-Za-z0-9_-]{1,80}$/, refusal('voicemail.mailbox'))

export const voicemailWatchInputSchema = z.strictObject({ profileId: profileIdSchema })
export const voicemailListenInputSchema = z.strictObject({ profileId: profileIdSchema, mailbox: mailboxIdSchema })
export const voicemailMessagesInputSchema = z.strictObject({ profileId: profileIdSchema, mailbox: mailboxIdSchema })

/** One mailbox with its counts, as the PBX last told them. */
export interface MailboxView {
  /** `101@default`. */
  readonly id: string
  /** `101`: usually the extension it belongs to. */
  readonly mailbox: string
  readonly context: string
  /** The mailbox's full name in voicemail.conf (FreePBX: the user's name); empty when it has none. */
  readonly fullName: string
  readonly newMessages: number
  readonly oldMessages: number
  /** Urgent new messages (MailboxCount's UrgMessages); undefined until the PBX told them. */
  readonly urgentMessages: number | undefined
  /** When the counts last changed (a MessageWaiting event), or when they were read. */
  readonly since: number
  /** This seat may listen to it by phone and see its messages (its own, or named by its profile, or any for supervisors). */
  readonly reachable: boolean
}

/** Why the audio of a message cannot be played in the app, in words (no PBX path offers it). */
export interface PlaybackAvailability {
  readonly available: false
  readonly why: string
}

export interface VoicemailState {
  readonly profileId: string
  /** Every mailbox the PBX listed, by number. */
  readonly mailboxes: readonly MailboxView[]
  /** False until the first list came back (a fresh start, or the PBX unreachable). */
  readonly loaded: boolean
  /** Why the list is missing or old, in words (the PBX refused VoicemailUsersList …). */
  readonly problem?: string
  /** Whether this seat may ring its phone into a mailbox at all, and why not. */
  readonly listen: { readonly allowed: boolean; readonly refusal?: string }
  readonly playback: PlaybackAvailability
}

/** One message of a mailbox as VoicemailBoxSummary lists it. */
export interface VoicemailMessageView {
  /** `INBOX` (new), `Old`, `Urgent`, `Work`, `Family`, `Friends` … */
  readonly folder: string
  /** `"Customer 5550123" <5550123>` split: name and number (either may be empty). */
  readonly callerName: string
  readonly callerNumber: string
  /** As Asterisk wrote it (its own local date format). */
  readonly date: string
  readonly durationSeconds: number | undefined
  readonly urgent: boolean
  readonly id: string
}

export interface VoicemailMessages {
  readonly mailbox: string
  readonly messages: readonly VoicemailMessageView[]
  readonly playback: PlaybackAvailability
}
