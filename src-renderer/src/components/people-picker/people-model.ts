import type { ExtensionStateName } from '../../../../src-preload/types/live'
import { searchDirectory } from '../../stores/directory-store'
import { searchContacts } from '../../stores/phonebook-store'
import { tr } from '../../i18n'
import { strings } from './strings'

const t = tr(strings)

/** One row of the picker: an extension of the PBX, or a number of an outside contact. */
export interface PersonRow {
  readonly key: string
  /** What is dialled or transferred to when the row is picked. */
  readonly destination: string
  readonly name: string
  /** "105", or the contact's number and its label ("+49 30 1234 · mobile"). */
  readonly number: string
  readonly kind: 'extension' | 'contact'
  /** Company for a contact, the queues for an extension. */
  readonly detail: string
}

/** Where outside contacts come from (the phonebook store, or a bench's 50,000): best first, at most `limit`. */
export type ContactSource = (query: string, limit: number) => readonly PersonRow[]

/** The phonebook's contacts: one row per number, labelled ("mobile"), the company beside it. */
export const phonebookSource: ContactSource = (query, limit) => {
  const rows: PersonRow[] = []
  for (const contact of searchContacts(query, limit)) {
    for (const n of contact.numbers) {
      if (rows.length >= limit) return rows
      rows.push({
        key: `c:${contact.id}:${n.number}`,
        destination: n.number,
        name: contact.name,
        number: n.label === '' ? n.number : `${n.number} · ${n.label}`,
        kind: 'contact',
        detail: contact.company,
      })
    }
  }
  return rows
}

const contactSources = new Set<ContactSource>([phonebookSource])

/** Adds a contact source to every picker; returns its removal. */
export function addContactSource(source: ContactSource): () => void {
  contactSources.add(source)
  return () => {
    contactSources.delete(source)
  }
}

/**
 * A line per extension that another part of the console adds to each row (presence: "DND",
 * "forwarded to 0171…"); the picker shows what every describer says, in order of registration.
 */
export type Describer = (extension: string) => string | undefined

const describers = new Set<Describer>()

export function addDescriber(describer: Describer): () => void {
  describers.add(describer)
  return () => {
    describers.delete(describer)
  }
}

export function describe(extension: string, own?: Describer): string[] {
  const out: string[] = []
  for (const d of own === undefined ? describers : [...describers, own]) {
    const text = d(extension)
    if (text !== undefined && text !== '') out.push(text)
  }
  return out
}

/** The rows for what is typed: extensions first (they are the receptionist's colleagues), then contacts. */
export function peopleFor(query: string, limit = 8): PersonRow[] {
  const q = query.trim()
  if (q === '') return []
  const rows: PersonRow[] = searchDirectory(q, limit).map((e) => ({
    key: `x:${e.extension}`,
    destination: e.extension,
    name: e.name,
    number: e.extension,
    kind: 'extension',
    detail: e.department ?? e.groups.join(', '),
  }))
  for (const source of contactSources) {
    if (rows.length >= limit) break
    for (const row of source(q, limit - rows.length)) rows.push(row)
  }
  return rows.slice(0, limit)
}

/** The lamp's state in words, as the lamps say it (read in the shown language at each use). */
export const STATE_WORDS: Readonly<Record<ExtensionStateName, string>> = {
  get NOT_INUSE() {
    return t('state.NOT_INUSE')
  },
  get INUSE() {
    return t('state.INUSE')
  },
  get BUSY() {
    return t('state.BUSY')
  },
  get UNAVAILABLE() {
    return t('state.UNAVAILABLE')
  },
  get RINGING() {
    return t('state.RINGING')
  },
  get RINGINUSE() {
    return t('state.RINGINUSE')
  },
  get ONHOLD() {
    return t('state.ONHOLD')
  },
  get UNKNOWN() {
    return t('state.UNKNOWN')
  },
}
