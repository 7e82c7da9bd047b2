import type { Contact, ContactNumber, ContactPage } from '../../../src-preload/types/phonebook'

/** A page of a source: the contract's page less the seat's dial plan, which the service adds. */
export type SourcePage = Omit<ContactPage, 'plan'>

/**
 * Where contacts come from. The local store (SQLite on this computer, `local-store.ts`) is the one
 * source today; a company directory (LDAP) or a shared address book (CardDAV) would be another,
 * read-only, behind the same interface:
 *
 * - `search` answers the best matches for what an operator typed (names, companies, numbers,
 *   notes); an LDAP source would send a `(|(cn=*q*)(o=*q*)(telephoneNumber=*q*))` filter and map
 *   the entries, a CardDAV source an addressbook-query REPORT with text-matches.
 * - `lookup` answers the contacts that hold a number by its canonical key (`numberKey` in
 *   src-preload/types/phone-number.ts): a remote source keys the numbers it receives the same way,
 *   and should answer from a cache it refreshes, because lookups run on every inbound call.
 * - `page` walks the whole source in a stable order, for the renderer's type-ahead index; a remote
 *   source may answer only what it mirrors.
 * - Ids are unique within a source; a remote source prefixes them ('ldap:…') so that they never
 *   collide with the local store's numbers, and says `writable: false` so the phonebook offers no edit.
 *
 * Every method may throw `ApiFailure` with plain words ('unavailable': the directory server is down).
 */
export interface ContactSource {
  /** 'local', or e.g. 'ldap:corp', 'carddav:shared'. */
  readonly id: string
  /** How the phonebook names the source to an operator ("This computer", "Company directory"). */
  readonly label: string
  readonly writable: boolean
  search(query: string, limit: number): Promise<readonly Contact[]>
  lookup(key: string): Promise<readonly Contact[]>
  get(id: string): Promise<Contact | undefined>
  page(after: string | null, limit: number): Promise<SourcePage>
}

/** A contact ready to store: validated, its numbers keyed, and the extra words it is found by. */
export interface ContactRecord {
  readonly name: string
  readonly company: string
  readonly numbers: readonly ContactNumber[]
  readonly notes: string
  /** Other spellings of its numbers (national form, bare digits) that search should match. */
  readonly searchTerms: readonly string[]
}

/** A source the console writes to (the local store). */
export interface WritableContactSource extends ContactSource {
  /** Adds (`id` undefined) or replaces a contact; undefined when the id names no contact. */
  save(id: string | undefined, record: ContactRecord): Promise<Contact | undefined>
  /** False when there was no such contact. */
  remove(id: string): Promise<boolean>
  /** Adds many in one go (an import); answers how many were added. */
  addMany(records: readonly ContactRecord[]): Promise<number>
  /** Whether a contact with this name, company and number keys exists (an import skips it). */
  has(record: ContactRecord): Promise<boolean>
  readonly revision: number
}
