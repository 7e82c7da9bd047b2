import { z } from 'zod'
import type { NumberPlan } from './phone-number'
import { profileIdSchema } from './profile-id'
import { cleanText } from './text'
import { refusal } from './input-words'

/**
 * The phonebook: external contacts (customers, suppliers, the taxi firm) kept on this computer,
 * searched by name, company, number or note, and used to name callers whose caller ID has none.
 */

export const CONTACT_LIMITS = { name: 120, company: 120, label: 40, number: 40, notes: 2000, numbers: 20 } as const

/** A contact's id: the local store's row number as text (other sources will prefix theirs). */
export const contactIdSchema = z.string().regex(/^[0-9]{1,12}$/, refusal('phonebook.contactId'))

/** One number of a contact as typed: its label ("work", "mobile", "reception") and the number. */
export const contactNumberInputSchema = z.strictObject({
  label: cleanText(CONTACT_LIMITS.label).trim(),
  number: cleanText(CONTACT_LIMITS.number).trim().min(1, refusal('phonebook.numberEmpty')),
})

/** A contact as the editor and the importers send it; main keys each number for lookup. */
export const contactInputSchema = z
  .strictObject({
    name: cleanText(CONTACT_LIMITS.name).trim(),
    company: cleanText(CONTACT_LIMITS.company).trim(),
    numbers: z.array(contactNumberInputSchema).max(CONTACT_LIMITS.numbers, refusal('phonebook.tooManyNumbers', { max: CONTACT_LIMITS.numbers })),
    notes: cleanText(CONTACT_LIMITS.notes, { multiline: true }),
  })
  .refine((c) => c.name.length > 0 || c.company.length > 0, { ...refusal('phonebook.nameOrCompany'), path: ['name'] })

export type ContactInput = z.input<typeof contactInputSchema>

export interface ContactNumber {
  readonly label: string
  /** As typed or imported. */
  readonly number: string
  /** The canonical key (see phone-number.ts); '' when the number could not be read as one. */
  readonly key: string
}

export interface Contact {
  readonly id: string
  /** Where it comes from: 'local' (this computer); later 'ldap:…' or 'carddav:…' (read-only). */
  readonly source: string
  readonly name: string
  readonly company: string
  readonly numbers: readonly ContactNumber[]
  readonly notes: string
  /** ISO-8601 UTC. */
  readonly updatedAt: string
}

/** A page of the whole phonebook in id order, for the renderer's index. */
export interface ContactPage {
  readonly contacts: readonly Contact[]
  /** Give as `after` for the next page; null at the end. */
  readonly next: string | null
  readonly total: number
  readonly revision: number
  /** The seat's dial plan, under which the renderer keys the caller IDs it looks up. */
  readonly plan: NumberPlan
}

/** A caller named from the phonebook. */
export interface PhonebookMatch {
  readonly contact: Contact
  /** The contact's number the caller ID matched. */
  readonly number: ContactNumber
}

/**
 * What changed, pushed to every window: a save or a removal names its contacts; an import (or
 * anything large) says `reset` and the windows read the phonebook again.
 */
export interface PhonebookChanged {
  readonly revision: number
  readonly reset: boolean
  readonly upserted: readonly Contact[]
  readonly removed: readonly string[]
}

// ------------------------------------------------------------------ import

export const importFormatSchema = z.enum(['csv', 'vcard'])
export type ImportFormat = z.infer<typeof importFormatSchema>

/**
 * Where a CSV column goes: a name part, the company, the notes, a number with a fixed label
 * ('phone:work'), one of Google's numbered pairs ('phoneLabel:1' names the label of 'phoneValue:1'),
 * or nowhere.
 */
export const columnTargetSchema = z.union([
  z.enum(['ignore', 'name', 'firstName', 'middleName', 'lastName', 'company', 'notes']),
  z.string().regex(/^phone:[\p{L}\p{N} ._'&/-]{0,40}$/u, refusal('phonebook.numberColumn')),
  z.string().regex(/^phone(Label|Value):[0-9]{1,2}$/, refusal('phonebook.numberedColumn')),
])
export type ColumnTarget = z.infer<typeof columnTargetSchema>

export interface ImportColumn {
  readonly index: number
  readonly header: string
  readonly target: ColumnTarget
  /** The first non-empty values of the column, to judge the mapping by. */
  readonly samples: readonly string[]
}

/** A record that cannot be imported as it is, with its text, so nothing is lost. */
export interface ImportRowProblem {
  /** The record's first line in the file (1 = the first line). */
  readonly line: number
  readonly message: string
  /** The record as it was in the file (cut at 500 characters). */
  readonly raw: string
}

export interface ImportPreview {
  readonly importId: string
  readonly format: ImportFormat
  readonly fileName: string
  /** CSV only: each column and where it goes (change it and ask again). */
  readonly columns: readonly ImportColumn[]
  /** Records that will be imported. */
  readonly ready: number
  /** Of those, already in the phonebook with the same name and numbers (skipped on import). */
  readonly duplicates: number
  /** The first contacts as they will be stored. */
  readonly sample: readonly ContactInput[]
  /** Imported, but something was kept aside (a number that is no number went to the notes). */
  readonly warnings: readonly ImportRowProblem[]
  /** Not imported: the record and why. */
  readonly errors: readonly ImportRowProblem[]
  /** Total problems when more than the lists carry. */
  readonly warningCount: number
  readonly errorCount: number
}

export interface ImportResult {
  readonly added: number
  readonly duplicates: number
  readonly errors: number
  readonly total: number
}

export const IMPORT_LIMITS = {
  /** Characters per staged part: the contract refuses inputs over 256 KiB of JSON. */
  partChars: 100_000,
  /** Characters per file (about 16 MB of text: 100,000 contacts and more). */
  fileChars: 16_000_000,
} as const

export const importStageInputSchema = z.strictObject({
  profileId: profileIdSchema,
  /** Absent for the first part; the id the first part answered for the rest. */
  importId: z
    .string()
    .regex(/^[a-f0-9]{16,64}$/)
    .optional(),
  format: importFormatSchema,
  fileName: cleanText(200),
  /** The file's text, part by part, in order. */
  text: z.string().max(IMPORT_LIMITS.partChars),
  part: z
    .number()
    .int()
    .min(0)
    .max(Math.ceil(IMPORT_LIMITS.fileChars / IMPORT_LIMITS.partChars)),
  last: z.boolean(),
})

export const importIdInputSchema = z.strictObject({
  profileId: profileIdSchema,
  importId: z.string().regex(/^[a-f0-9]{16,64}$/),
  /** CSV: the columns' targets by column index (the preview's own when absent). */
  mapping: z.array(columnTargetSchema).max(500).optional(),
})

export const phonebookListInputSchema = z.strictObject({
  profileId: profileIdSchema,
  after: contactIdSchema.nullable().default(null),
  limit: z.number().int().min(1).max(10_000).default(5000),
})

export const phonebookSearchInputSchema = z.strictObject({
  profileId: profileIdSchema,
  query: cleanText(200),
  limit: z.number().int().min(1).max(1000).default(100),
})

export const phonebookIdInputSchema = z.strictObject({ profileId: profileIdSchema, id: contactIdSchema })

export const phonebookSaveInputSchema = z.strictObject({
  profileId: profileIdSchema,
  /** Absent for a new contact. */
  id: contactIdSchema.optional(),
  contact: contactInputSchema,
})

export const phonebookLookupInputSchema = z.strictObject({
  profileId: profileIdSchema,
  number: cleanText(64),
})
