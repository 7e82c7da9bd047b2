// The one list of CDR columns the store keeps. The row type the worker reads back (DbRow), the
// normalised row it writes (NormalizedCdr) and the SQL column lists are all derived from it and
// from the contract's CdrRow, so a column is added in one place (plus a migration).
import type { CdrRow } from './types'

/**
 * The text columns of Asterisk's own cdr table (cdr_adaptive_odbc, FreePBX's asteriskcdrdb.cdr)
 * from the caller ID to the account code, in Asterisk's order: what the FreePBX CDR API serves
 * and what a normalised row keeps as text under the same names.
 */
export const ASTERISK_CDR_TEXT_COLUMNS = [
  'clid',
  'src',
  'dst',
  'dcontext',
  'channel',
  'dstchannel',
  'lastapp',
  'lastdata',
  'disposition',
  'amaflags',
  'accountcode',
] as const satisfies readonly (keyof CdrRow)[]

/**
 * CdrRow's fields that are table columns under the same name, in table order. `id` comes first in
 * every SELECT; `profileId` is not a column (it is encoded in the id).
 */
export const STORED_COLUMNS = [
  'start',
  'answer',
  'end',
  'clid',
  'src',
  'dst',
  'dcontext',
  'channel',
  'dstchannel',
  'lastapp',
  'lastdata',
  'duration',
  'billsec',
  'disposition',
  'amaflags',
  'accountcode',
  'uniqueid',
  'linkedid',
  'userfield',
  'sequence',
  'recordingfile',
  'cnam',
  'cnum',
  'did',
  'direction',
  'queue',
  'missed',
  'wait',
  'talk',
] as const satisfies readonly (keyof CdrRow)[]

export type StoredColumn = (typeof STORED_COLUMNS)[number]

/** Compile-time proof that the list covers CdrRow: names a field it forgot, else `true`. */
type Forgotten = Exclude<keyof CdrRow, StoredColumn | 'id' | 'profileId'>
export const COVERS_CDR_ROW: [Forgotten] extends [never] ? true : Forgotten = true

/** How SQLite stores a field that differs from the contract: times in UTC seconds, booleans as 0/1. */
type Stored<K extends StoredColumn> = CdrRow[K] extends boolean ? number : CdrRow[K]

/** A row as the worker reads it from `cdr`. */
export type DbRow = { id: number } & { [K in StoredColumn]: Stored<K> }

/** The quoted column list of a SELECT that reads a DbRow. */
export const ROW_COLUMNS = ['id', ...STORED_COLUMNS].map((c) => `cdr."${c}"`).join(', ')
