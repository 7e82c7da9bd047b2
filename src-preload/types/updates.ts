import { z } from 'zod'
import { passphraseSchema } from './profile'
import { schemaWords } from '../i18n/schema-words'
import { strings as updateStrings, type UpdateAddressWords } from '../i18n/strings/updates'

/**
 * The admin's choice for the desktop app's updates: off unless turned on, and then only from this
 * feed. One per console (this computer's installed copy), not per PBX profile.
 */
export interface UpdateSettings {
  readonly enabled: boolean
  /** The generic feed (a folder holding latest.yml / latest-mac.yml and the installers). */
  readonly feedUrl: string | null
}

export const defaultUpdateSettings: UpdateSettings = { enabled: false, feedUrl: null }

/** Where updating stands, in words an operator or admin can act on. */
export type UpdateState =
  | { readonly state: 'off'; readonly reason: string }
  | { readonly state: 'checking' }
  | { readonly state: 'current'; readonly checkedAt: string }
  | { readonly state: 'downloading'; readonly version: string }
  | { readonly state: 'ready'; readonly version: string }
  | { readonly state: 'failed'; readonly message: string }

/** Spaces, control characters and the invisible direction marks that disguise an address. */
const INVISIBLE = '\\u0000-\\u0020\\u007F-\\u009F\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069'
const UNSAFE = new RegExp(`[${INVISIBLE}]`)

/**
 * Why a feed address cannot be used, or undefined when it can. HTTPS only (the signature check
 * protects the installer, HTTPS also the feed's metadata), no user name or password in it (they
 * would sit in a settings file and in logs), one line of plain characters, and an address that can
 * resolve. Shared by main (the contract's schema, the updater) and the Admin form's inline check, each
 * passing its translate function of i18n/strings/updates.ts (main's `say`, a window's `tr`).
 */
export function feedUrlProblem(text: string, words: UpdateAddressWords): string | undefined {
  if (text.length > 2048) return words('tooLong')
  // The URL parser would silently drop tabs and line breaks: what is stored must be what is used.
  if (UNSAFE.test(text)) return words('oneLine')
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return words('notWeb')
  }
  if (url.protocol !== 'https:') return words('https')
  if (url.username !== '' || url.password !== '') return words('credentials')
  if (url.hostname.endsWith('.invalid')) return words('noServer')
  return undefined
}

/** The schema's words: read at parse time, in the language of the side that parses (i18n/schema-words.ts). */
const schemaAddressWords = schemaWords(updateStrings)

const feedUrlSchema = z.string().superRefine((text, ctx) => {
  const problem = feedUrlProblem(text, schemaAddressWords)
  if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem })
})

/**
 * Turning updates on, off, or to another feed: the feed decides what this computer installs, so it
 * takes the admin passphrase (checked in main, throttled, audited either way).
 */
export const updatesSetInputSchema = z
  .strictObject({
    enabled: z.boolean(),
    feedUrl: feedUrlSchema.nullable(),
    adminPassphrase: passphraseSchema.optional(),
  })
  .refine((input) => !input.enabled || input.feedUrl !== null, { error: () => schemaAddressWords('needed'), path: ['feedUrl'] })
export type UpdatesSetInput = z.infer<typeof updatesSetInputSchema>

/** What Admin shows of updates. Web mode has no updater: its page comes from the console itself. */
export type UpdatesView =
  | { readonly available: false; readonly reason: string }
  | {
      readonly available: true
      /** The settings in force (off when the stored ones were refused). */
      readonly settings: UpdateSettings
      readonly state: UpdateState
      /** When an admin last saved them (ISO-8601 UTC); null when never. */
      readonly changedAt: string | null
      /** Why the stored settings were not used (changed outside Attendant), or null. */
      readonly problem: string | null
    }
