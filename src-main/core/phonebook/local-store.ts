import Database from 'better-sqlite3'
import type { Contact, ContactNumber } from '../../../src-preload/types/phonebook'
import { ensurePrivateFile } from '../storage/private-files'
import type { ContactRecord, SourcePage, WritableContactSource } from './contact-source'
import { duplicateKey, fold } from './records'

/**
 * The phonebook on this computer: one SQLite file in the data folder (0600 like the rest), a table
 * of contacts, an index of their numbers' keys for caller lookup, and a full-text index (FTS5,
 * trigram: any three letters or digits of a name, company, note or number find it, accents
 * ignored). It runs on the main thread: every statement is an indexed read or one row's write
 * (an import writes in batches of BATCH rows), far below a frame.
 */
const SCHEMA_VERSION = 1
const BATCH = 2000

interface ContactRow {
  id: number
  name: string
  company: string
  notes: string
  numbers: string
  updated_at: string
}

function searchText(r: ContactRecord): string {
  return [r.name, r.company, r.notes, ...r.numbers.map((n) => `${n.label} ${n.number} ${n.key}`), ...r.searchTerms].join('\n')
}

/** A search term as one FTS5 phrase: quotes doubled, so nothing typed is read as query syntax. */
function phrase(term: string): string {
  return `"${term.replace(/"/g, '""')}"`
}

export interface LocalContactStoreOptions {
  /** A file path, or ':memory:' in tests. */
  readonly file: string
  readonly now?: () => Date
}

export class LocalContactStore implements WritableContactSource {
  readonly id = 'local'
  readonly label = 'This computer'
  readonly writable = true
  private readonly db: Database.Database
  private readonly now: () => Date
  private readonly st: ReturnType<LocalContactStore['prepare']>
  #revision: number

  constructor(opts: LocalContactStoreOptions) {
    if (opts.file !== ':memory:') ensurePrivateFile(opts.file)
    this.db = new Database(opts.file)
    this.now = opts.now ?? (() => new Date())
    this.db.pragma('journal_mode = WAL')
    this.db.pragma('synchronous = NORMAL')
    this.db.pragma('busy_timeout = 5000')
    this.db.pragma('foreign_keys = ON')
    this.migrate()
    this.st = this.prepare()
    this.#revision = Number((this.st.getMeta.get('revision') as { v: string } | undefined)?.v ?? '0')
  }

  private migrate(): void {
    const version = this.db.pragma('user_version', { simple: true }) as number
    if (version > SCHEMA_VERSION) throw new Error(`The phonebook file is from a newer version of Attendant (schema ${String(version)})`)
    if (version === SCHEMA_VERSION) return
    this.db.exec(`
      CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT NOT NULL);
      CREATE TABLE contacts (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        company TEXT NOT NULL,
        notes TEXT NOT NULL,
        numbers TEXT NOT NULL,
        dup TEXT NOT NULL,
        sort TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX contacts_dup ON contacts(dup);
      CREATE TABLE numbers (contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE, key TEXT NOT NULL);
      CREATE INDEX numbers_key ON numbers(key);
      CREATE INDEX numbers_contact ON numbers(contact_id);
      CREATE VIRTUAL TABLE contacts_fts USING fts5(t, content='', contentless_delete=1, tokenize='trigram remove_diacritics 1');
      PRAGMA user_version = ${String(SCHEMA_VERSION)};
    `)
  }

  private prepare() {
    const db = this.db
    return {
      getMeta: db.prepare('SELECT v FROM meta WHERE k = ?'),
      setMeta: db.prepare('INSERT INTO meta (k, v) VALUES (?, ?) ON CONFLICT(k) DO UPDATE SET v = excluded.v'),
      insert: db.prepare('INSERT INTO contacts (name, company, notes, numbers, dup, sort, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      update: db.prepare('UPDATE contacts SET name = ?, company = ?, notes = ?, numbers = ?, dup = ?, sort = ?, updated_at = ? WHERE id = ?'),
      remove: db.prepare('DELETE FROM contacts WHERE id = ?'),
      removeNumbers: db.prepare('DELETE FROM numbers WHERE contact_id = ?'),
      insertNumber: db.prepare('INSERT INTO numbers (contact_id, key) VALUES (?, ?)'),
      insertFts: db.prepare('INSERT INTO contacts_fts (rowid, t) VALUES (?, ?)'),
      removeFts: db.prepare('DELETE FROM contacts_fts WHERE rowid = ?'),
      get: db.prepare('SELECT id, name, company, notes, numbers, updated_at FROM contacts WHERE id = ?'),
      page: db.prepare('SELECT id, name, company, notes, numbers, updated_at FROM contacts WHERE id > ? ORDER BY id LIMIT ?'),
      count: db.prepare('SELECT count(*) AS n FROM contacts'),
      byKey: db.prepare(
        'SELECT c.id, c.name, c.company, c.notes, c.numbers, c.updated_at FROM numbers n JOIN contacts c ON c.id = n.contact_id WHERE n.key = ? ORDER BY c.id LIMIT 20',
      ),
      hasDup: db.prepare('SELECT 1 FROM contacts WHERE dup = ? LIMIT 1'),
      search: db.prepare(
        `SELECT c.id, c.name, c.company, c.notes, c.numbers, c.updated_at FROM contacts_fts f JOIN contacts c ON c.id = f.rowid
         WHERE contacts_fts MATCH ? ORDER BY (c.sort LIKE ? ESCAPE '\\') DESC, c.sort LIMIT ?`,
      ),
      searchShort: db.prepare(
        `SELECT id, name, company, notes, numbers, updated_at FROM contacts
         WHERE sort LIKE ? ESCAPE '\\' OR sort LIKE ? ESCAPE '\\' ORDER BY (sort LIKE ? ESCAPE '\\') DESC, sort LIMIT ?`,
      ),
    }
  }

  get revision(): number {
    return this.#revision
  }

  private bump(): void {
    this.#revision += 1
    this.st.setMeta.run('revision', String(this.#revision))
  }

  private toContact(row: ContactRow): Contact {
    return {
      id: String(row.id),
      source: this.id,
      name: row.name,
      company: row.company,
      numbers: JSON.parse(row.numbers) as ContactNumber[],
      notes: row.notes,
      updatedAt: row.updated_at,
    }
  }

  /** Writes one contact's row, numbers and search text; `id` undefined inserts. */
  private write(id: number | undefined, r: ContactRecord, at: string): number {
    const numbers = JSON.stringify(r.numbers.map((n) => ({ label: n.label, number: n.number, key: n.key })))
    const sort = fold(r.name || r.company)
    let rowId: number
    if (id === undefined) {
      rowId = Number(this.st.insert.run(r.name, r.company, r.notes, numbers, duplicateKey(r), sort, at).lastInsertRowid)
    } else {
      this.st.update.run(r.name, r.company, r.notes, numbers, duplicateKey(r), sort, at, id)
      this.st.removeNumbers.run(id)
      this.st.removeFts.run(id)
      rowId = id
    }
    for (const key of new Set(r.numbers.map((n) => n.key).filter((k) => k.length > 0))) this.st.insertNumber.run(rowId, key)
    this.st.insertFts.run(rowId, searchText(r))
    return rowId
  }

  save(id: string | undefined, record: ContactRecord): Promise<Contact | undefined> {
    const at = this.now().toISOString()
    const saved = this.db.transaction((): number | undefined => {
      if (id !== undefined && this.st.get.get(Number(id)) === undefined) return undefined
      const rowId = this.write(id === undefined ? undefined : Number(id), record, at)
      this.bump()
      return rowId
    })()
    if (saved === undefined) return Promise.resolve(undefined)
    return Promise.resolve(this.toContact(this.st.get.get(saved) as ContactRow))
  }

  remove(id: string): Promise<boolean> {
    const removed = this.db.transaction((): boolean => {
      const n = this.st.remove.run(Number(id)).changes
      if (n === 0) return false
      this.st.removeFts.run(Number(id))
      this.bump()
      return true
    })()
    return Promise.resolve(removed)
  }

  /** In batches of BATCH per transaction, so a large import never holds the main thread long. */
  async addMany(records: readonly ContactRecord[]): Promise<number> {
    const at = this.now().toISOString()
    const run = this.db.transaction((batch: readonly ContactRecord[]) => {
      for (const r of batch) this.write(undefined, r, at)
    })
    let added = 0
    for (let i = 0; i < records.length; i += BATCH) {
      const batch = records.slice(i, i + BATCH)
      run(batch)
      added += batch.length
      if (i + BATCH < records.length) await new Promise<void>((resolve) => setImmediate(resolve))
    }
    if (added > 0) {
      this.db.transaction(() => {
        this.bump()
      })()
    }
    return added
  }

  has(record: ContactRecord): Promise<boolean> {
    return Promise.resolve(this.st.hasDup.get(duplicateKey(record)) !== undefined)
  }

  get(id: string): Promise<Contact | undefined> {
    const row = this.st.get.get(Number(id)) as ContactRow | undefined
    return Promise.resolve(row === undefined ? undefined : this.toContact(row))
  }

  page(after: string | null, limit: number): Promise<SourcePage> {
    // One row more than asked says whether another page follows.
    const rows = this.st.page.all(after === null ? 0 : Number(after), limit + 1) as ContactRow[]
    const shown = rows.slice(0, limit)
    const last = shown.at(-1)
    return Promise.resolve({
      contacts: shown.map((r) => this.toContact(r)),
      next: rows.length > limit && last !== undefined ? String(last.id) : null,
      total: (this.st.count.get() as { n: number }).n,
      revision: this.#revision,
    })
  }

  lookup(key: string): Promise<readonly Contact[]> {
    return Promise.resolve((this.st.byKey.all(key) as ContactRow[]).map((r) => this.toContact(r)))
  }

  /**
   * Every word of the query must occur in the contact (name, company, notes, a number in any of
   * its spellings); contacts whose name starts with the query come first, then by name. Words of
   * one or two characters (too short for the trigram index) match the start of the name or company.
   */
  search(query: string, limit: number): Promise<readonly Contact[]> {
    const words = query
      .trim()
      .split(/\s+/)
      .filter((w) => w.length > 0)
    if (words.length === 0) return Promise.resolve([])
    const like = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`)
    const starts = `${like(fold(query.trim()))}%`
    const long = words.filter((w) => Array.from(w).length >= 3)
    const short = words.filter((w) => Array.from(w).length < 3).map(fold)
    let rows: ContactRow[]
    if (long.length === 0) {
      const first = like(short[0] ?? '')
      rows = this.st.searchShort.all(`${first}%`, `% ${first}%`, starts, limit * 4) as ContactRow[]
    } else {
      rows = this.st.search.all(long.map(phrase).join(' AND '), starts, short.length > 0 ? limit * 4 : limit) as ContactRow[]
    }
    const contacts = rows.map((r) => this.toContact(r))
    const matching =
      short.length === 0
        ? contacts
        : contacts.filter((c) => {
            const words = fold(`${c.name} ${c.company}`).split(/\s+/)
            return short.every((s) => words.some((w) => w.startsWith(s)))
          })
    return Promise.resolve(matching.slice(0, limit))
  }

  close(): void {
    this.db.close()
  }
}
