import type { ImportColumn } from '../../../src-preload/types/phonebook'

/** A contact as read from a file, before it is checked like any contact typed into the editor. */
export interface DraftContact {
  readonly name: string
  readonly company: string
  readonly numbers: readonly { readonly label: string; readonly number: string }[]
  readonly notes: string
}

/** One record of a file: where it starts, its text (kept so an error loses nothing), the draft. */
export interface ParsedRecord {
  readonly line: number
  readonly raw: string
  readonly draft: DraftContact
  /** What was kept aside while reading it (a value beyond the last column, an unknown encoding). */
  readonly warnings: readonly string[]
}

/** A whole file read: its columns (CSV), its records, and what could not be read at all. */
export interface ParsedFile {
  readonly columns: readonly ImportColumn[]
  readonly records: readonly ParsedRecord[]
  readonly unreadable: readonly { readonly line: number; readonly raw: string; readonly message: string }[]
}
