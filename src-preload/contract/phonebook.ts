import {
  importIdInputSchema,
  importStageInputSchema,
  phonebookIdInputSchema,
  phonebookListInputSchema,
  phonebookLookupInputSchema,
  phonebookSaveInputSchema,
  phonebookSearchInputSchema,
  type Contact,
  type ContactPage,
  type ImportPreview,
  type ImportResult,
  type PhonebookChanged,
  type PhonebookMatch,
} from '../types/phonebook'
import type { phonebookChannelNames } from './phonebook.names'
import { channel, returns, type DomainSpec } from './spec'

/**
 * The phonebook. Every channel names the profile the window works at: its seat decides who may
 * write (receptionists and up; a read-only profile refuses every write) and its dial plan keys the
 * numbers. Writes and refusals are audited.
 */
export const phonebookContract = {
  invoke: {
    /** The whole phonebook page by page in id order (the renderer keeps an index of it). */
    'phonebook.list': channel(phonebookListInputSchema, returns<ContactPage>()),
    /** Full-text search over names, companies, numbers and notes, best matches first. */
    'phonebook.search': channel(phonebookSearchInputSchema, returns<readonly Contact[]>()),
    'phonebook.get': channel(phonebookIdInputSchema, returns<Contact>()),
    /** Adds (no id) or replaces a contact; answers it as stored, numbers keyed. */
    'phonebook.save': channel(phonebookSaveInputSchema, returns<Contact>()),
    'phonebook.remove': channel(phonebookIdInputSchema, returns<null>()),
    /** The contact a caller ID belongs to, or null. */
    'phonebook.lookup': channel(phonebookLookupInputSchema, returns<PhonebookMatch | null>()),
    /** A file to import, part by part; the last part answers its preview. */
    'phonebook.importStage': channel(importStageInputSchema, returns<{ readonly importId: string; readonly preview: ImportPreview | null }>()),
    /** The staged file read again with another column mapping (CSV). */
    'phonebook.importPreview': channel(importIdInputSchema, returns<ImportPreview>()),
    /** Imports the staged file's good records with the mapping given; the file is then forgotten. */
    'phonebook.importCommit': channel(importIdInputSchema, returns<ImportResult>()),
    'phonebook.importDiscard': channel(importIdInputSchema, returns<null>()),
  },
  events: {
    'phonebook.changed': returns<PhonebookChanged>(),
  },
  notify: {},
} as const satisfies DomainSpec<typeof phonebookChannelNames>
