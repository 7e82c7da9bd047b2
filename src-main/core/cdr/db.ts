// The synchronous CDR database. Runs inside the worker (worker.ts); nothing here may run on the
// main thread of the app, because every call can take as long as SQLite needs.
import Database from 'better-sqlite3'
import { channelEndpoint, foldCase, searchText } from './derive'
import { buildPageQuery, buildQuarterHourQuery, buildWhere, decodeCursor, encodeCursor, normalizeNeedle } from './filter-sql'
import {
  NUMBER_FIELDS,
  NUMBER_WIDTH,
  numberIndex,
  packBatch,
  STRING_FIELDS,
  STRING_WIDTH,
  stringIndex,
  unpackStrings,
  type PackedBatch,
  type PackedField,
} from './batch'
import type { DbRow } from './columns'
import { csvLine, csvRow, CSV_HEADER, UTF8_BOM } from './csv'
import { ID_PROFILE_SPAN, ID_SLOTS, MAX_PROFILES, migrate, type MigrationContext } from './migrations'
import { LocalLegPairing } from './pairing'
import { formatLocal, localToUtcMs, assertTimeZone } from './time'
import type {
  CdrAggregateOptions,
  CdrBucket,
  CdrFilter,
  CdrPage,
  CdrQueryOptions,
  CdrRecord,
  CdrRow,
  CdrStats,
  IngestOptions,
  IngestResult,
} from './types'

export interface CdrDatabaseOptions extends MigrationContext {
  /** SQLite page cache in MiB (default 64). */
  cacheMiB?: number
  /** Path of a better_sqlite3.node built for another ABI (Electron); default: the package's own. */
  nativeBinding?: string
}

export interface ExportPage {
  chunk: string
  rows: number
  nextCursor: string | null
}

export interface IngestProgress {
  (done: number, total: number): void
}

const DEFAULT_LIMIT = 100
const MAX_LIMIT = 1000
const CLEANUP_BATCH = 5000

const PACKED_FIELDS: readonly PackedField[] = [...NUMBER_FIELDS, ...STRING_FIELDS]
const sqlColumn = (f: PackedField): string => (f === 'identA' ? 'ident_a' : f === 'identB' ? 'ident_b' : f)
const N_IDENT_A = numberIndex('identA')
const N_IDENT_B = numberIndex('identB')
const N_START = numberIndex('start')
const N_ANSWER = numberIndex('answer')
const N_SEQUENCE = numberIndex('sequence')
const S_LINKEDID = stringIndex('linkedid')
const S_RECORDINGFILE = stringIndex('recordingfile')
const S_DID = stringIndex('did')
const S_CHANNEL = stringIndex('channel')
const S_DSTCHANNEL = stringIndex('dstchannel')

type SearchFields = Parameters<typeof searchText>[0]

export class CdrDatabase {
  readonly db: Database.Database
  private readonly profileNoById = new Map<string, number>()
  private readonly profileIdByNo = new Map<number, string>()
  /**
   * Highest id stored per profile. A record starting after it cannot be a duplicate and takes
   * slot 0 of its second without reading the table: the common case (live events, backfill in
   * time order) costs one INSERT and nothing else.
   */
  private readonly maxId = new Map<number, number>()
  private readonly stmts
  private readonly pairing: LocalLegPairing
  /** Filter queries differ only in which clauses are present: a few dozen distinct statements. */
  private readonly prepared = new Map<string, Database.Statement>()

  constructor(file: string, opts: CdrDatabaseOptions = {}) {
    this.db = new Database(file, opts.nativeBinding !== undefined ? { nativeBinding: opts.nativeBinding } : {})
    try {
      // 8 KiB pages and a larger checkpoint interval cut the ingest CPU by about a fifth in our
      // measurements (fewer page splits, pages rewritten less often). page_size only takes effect
      // on a new file, before WAL is set.
      this.db.pragma('page_size = 8192')
      this.db.pragma('journal_mode = WAL')
      this.db.pragma('wal_autocheckpoint = 10000')
      // A cache that can be refetched from the PBX: NORMAL keeps WAL consistent after an app
      // crash; only an OS crash can lose the last commits (security-reliability.md §3.5).
      this.db.pragma('synchronous = NORMAL')
      this.db.pragma('busy_timeout = 5000')
      this.db.pragma(`cache_size = -${String((opts.cacheMiB ?? 64) * 1024)}`)
      this.db.pragma('temp_store = MEMORY')
      this.db.pragma('foreign_keys = ON')
      const check = this.db.pragma('quick_check', { simple: true })
      if (check !== 'ok') throw new Error(`CDR database failed quick_check: ${String(check)}`)
      this.registerFunctions()
      migrate(this.db, opts)
    } catch (err) {
      this.db.close()
      throw err
    }
    for (const p of this.db.prepare('SELECT no, id FROM profile').all() as { no: number; id: string }[]) {
      this.profileNoById.set(p.id, p.no)
      this.profileIdByNo.set(p.no, p.id)
    }
    this.stmts = {
      insert: this.db.prepare(`INSERT INTO cdr (id, ${PACKED_FIELDS.map((f) => `"${sqlColumn(f)}"`).join(', ')})
        VALUES (${Array(PACKED_FIELDS.length + 1)
          .fill('?')
          .join(',')})`),
      insertFts: this.db.prepare('INSERT INTO cdr_fts (rowid, t) VALUES (?, ?)'),
      // The index keeps no copy of its text (contentless, columnsize=0): removing a row's entry
      // means handing FTS5 the very text it indexed, which searchText() rebuilds from the row.
      deleteFts: this.db.prepare("INSERT INTO cdr_fts (cdr_fts, rowid, t) VALUES ('delete', ?, ?)"),
      // The rows of one start second (usually none or one): identity check and next free slot.
      second: this.db.prepare('SELECT id, ident_a, ident_b, did FROM cdr WHERE id >= ? AND id < ? ORDER BY id').raw(),
      maxIdIn: this.db.prepare('SELECT max(id) FROM cdr WHERE id >= ? AND id < ?').pluck(),
      // Fill in what the first copy lacked (AMI has no linkedid/sequence/did/recordingfile by
      // default; FreePBX has no answer time). Never overwrite a value that is there.
      merge: this.db.prepare(`UPDATE cdr SET
          linkedid = coalesce(linkedid, @linkedid), sequence = coalesce(sequence, @sequence),
          recordingfile = coalesce(recordingfile, @recordingfile), did = coalesce(did, @did),
          answer = coalesce(answer, @answer)
        WHERE id = @id AND (
          (linkedid IS NULL AND @linkedid IS NOT NULL) OR (sequence IS NULL AND @sequence IS NOT NULL) OR
          (recordingfile IS NULL AND @recordingfile IS NOT NULL) OR (did IS NULL AND @did IS NOT NULL) OR
          (answer IS NULL AND @answer IS NOT NULL))
        RETURNING cnam, cnum, src, dst, did, channel, dstchannel`),
      addProfile: this.db.prepare('INSERT INTO profile (no, id) VALUES (?, ?)'),
      maxProfile: this.db.prepare('SELECT coalesce(max(no), 0) FROM profile').pluck(),
      touchProfile: this.db.prepare('UPDATE profile SET last_ingest_ms = ? WHERE no = ?'),
    }
    this.pairing = new LocalLegPairing(this.db)
  }

  private registerFunctions(): void {
    this.db.function('cdr_endpoint', { deterministic: true }, (ch: unknown) => channelEndpoint(typeof ch === 'string' ? ch : ''))
    this.db.function(
      'cdr_contains',
      { deterministic: true },
      (cnam: unknown, cnum: unknown, src: unknown, dst: unknown, did: unknown, channel: unknown, dstchannel: unknown, needle: unknown) => {
        const s = (v: unknown): string => (typeof v === 'string' ? v : '')
        const text = foldCase(
          searchText({
            cnam: s(cnam),
            cnum: s(cnum),
            src: s(src),
            dst: s(dst),
            did: typeof did === 'string' ? did : null,
            channel: s(channel),
            dstchannel: s(dstchannel),
          }),
        )
        return text.includes(s(needle)) ? 1 : 0
      },
    )
  }

  private prepare(sql: string): Database.Statement {
    let st = this.prepared.get(sql)
    if (!st) {
      if (this.prepared.size > 200) this.prepared.clear()
      st = this.db.prepare(sql)
      this.prepared.set(sql, st)
    }
    return st
  }

  close(): void {
    if (this.db.open) {
      this.db.pragma('optimize')
      this.db.close()
    }
  }

  /** The profile's number in this file (ids and the queue events' ids start with it); `create` allots one. */
  profileNo(profileId: string, create: boolean): number | null {
    const known = this.profileNoById.get(profileId)
    if (known !== undefined) return known
    if (!create) return null
    const next = (this.stmts.maxProfile.get() as number) + 1
    if (next > MAX_PROFILES) throw new RangeError(`more than ${String(MAX_PROFILES)} PBX profiles in one CDR database`)
    this.stmts.addProfile.run(next, profileId)
    this.profileNoById.set(profileId, next)
    this.profileIdByNo.set(next, profileId)
    return next
  }

  /** Highest id of a profile (-1 when it has no rows), cached while this connection writes. */
  private topId(profileNo: number): number {
    let top = this.maxId.get(profileNo)
    if (top === undefined) {
      const lo = profileNo * ID_PROFILE_SPAN
      top = (this.stmts.maxIdIn.get(lo, lo + ID_PROFILE_SPAN) as number | null) ?? -1
      this.maxId.set(profileNo, top)
    }
    return top
  }

  /**
   * Stores a batch in ONE transaction: after a crash either every record of the batch is
   * there or none is. Records already stored (same identity) are merged, not duplicated.
   * (The store normalises on its own thread and calls ingestPacked; this is the same in one call.)
   */
  ingest(profileId: string, records: readonly CdrRecord[], opts: IngestOptions, onProgress?: IngestProgress): IngestResult {
    const { batch, rejected } = packBatch(profileId, records, opts)
    const result = this.ingestPacked(profileId, batch, onProgress)
    result.rejected = [...rejected, ...result.rejected].sort((a, b) => a.index - b.index)
    return result
  }

  /** Stores a batch packed by packBatch(), in one transaction. Rejections carry the records' indexes. */
  ingestPacked(profileId: string, batch: PackedBatch, onProgress?: IngestProgress): IngestResult {
    const { strings, texts } = unpackStrings(batch)
    const result: IngestResult = { inserted: 0, merged: 0, unchanged: 0, rejected: [] }
    const run = this.db.transaction(() => {
      const profileNo = this.profileNo(profileId, true) ?? 0
      const args: (string | number | null)[] = new Array<null>(PACKED_FIELDS.length + 1).fill(null)
      for (let r = 0; r < batch.count; r++) {
        this.store(profileNo, batch, strings, texts, r, args, result)
        if (onProgress && (r + 1) % 10_000 === 0) onProgress(r + 1, batch.count)
      }
      this.stmts.touchProfile.run(Date.now(), profileNo)
    })
    try {
      run()
    } catch (err) {
      // The transaction rolled back: forget the cached top ids (they refill from the table).
      this.maxId.clear()
      throw err
    }
    return result
  }

  /**
   * Inserts row `r` of a packed batch, or merges it into its stored copy. The identity contains
   * the start second, and so does the id, so every stored copy of a CDR lies within the id range
   * of its second: the primary key serves as the identity index (no unique index to maintain).
   */
  private store(
    profileNo: number,
    b: PackedBatch,
    strings: (string | null)[],
    texts: string[],
    r: number,
    args: (string | number | null)[],
    result: IngestResult,
  ): void {
    const nums = b.numbers
    const no = r * NUMBER_WIDTH
    const so = r * STRING_WIDTH
    const identA = nums[no + N_IDENT_A] ?? NaN
    const identB = nums[no + N_IDENT_B] ?? NaN
    const base = profileNo * ID_PROFILE_SPAN + (nums[no + N_START] ?? NaN) * ID_SLOTS
    const top = this.topId(profileNo)
    let slot = 0
    if (base <= top) {
      const same = this.stmts.second.all(base, base + ID_SLOTS) as [number, number, number, string | null][]
      for (const [id, a, bb, did] of same) {
        if (a === identA && bb === identB) {
          this.merge(id, did, nums, strings, no, so, result)
          return
        }
      }
      const last = same.at(-1)
      slot = last === undefined ? 0 : last[0] - base + 1
      if (slot >= ID_SLOTS) {
        result.rejected.push({ index: b.indexes[r] ?? r, reason: `more than ${String(ID_SLOTS)} CDRs start in the same second` })
        return
      }
    }
    const id = base + slot
    args[0] = id
    for (let f = 0; f < NUMBER_WIDTH; f++) {
      const v = nums[no + f] ?? NaN
      args[1 + f] = Number.isNaN(v) ? null : v
    }
    for (let f = 0; f < STRING_WIDTH; f++) args[1 + NUMBER_WIDTH + f] = strings[so + f] ?? null
    this.stmts.insert.run(args)
    if (id > top) this.maxId.set(profileNo, id)
    this.stmts.insertFts.run(id, texts[r] ?? '')
    result.inserted++
    // A queue leg and its Local member's leg complete each other's wait/talk (pairing.ts).
    const channel = strings[so + S_CHANNEL] ?? ''
    const dstchannel = strings[so + S_DSTCHANNEL] ?? ''
    if (LocalLegPairing.concerns(channel, dstchannel)) {
      this.pairing.afterStore(profileNo * ID_PROFILE_SPAN, id, nums[no + N_START] ?? 0, channel, dstchannel)
    }
  }

  private merge(
    id: number,
    storedDid: string | null,
    nums: Float64Array,
    strings: (string | null)[],
    no: number,
    so: number,
    result: IngestResult,
  ): void {
    const num = (i: number): number | null => {
      const v = nums[no + i] ?? NaN
      return Number.isNaN(v) ? null : v
    }
    const merged = this.stmts.merge.get({
      id,
      linkedid: strings[so + S_LINKEDID] ?? null,
      sequence: num(N_SEQUENCE),
      recordingfile: strings[so + S_RECORDINGFILE] ?? null,
      did: strings[so + S_DID] ?? null,
      answer: num(N_ANSWER),
    }) as SearchFields | undefined
    if (!merged) {
      result.unchanged++
      return
    }
    result.merged++
    // did is searchable: when it was filled in, re-index the row with its new text.
    if (storedDid === null && merged.did !== null) {
      this.stmts.deleteFts.run(id, foldCase(searchText({ ...merged, did: null })))
      this.stmts.insertFts.run(id, foldCase(searchText(merged)))
    }
  }

  private toRow(r: DbRow): CdrRow {
    return {
      ...r,
      profileId: this.profileIdByNo.get(Math.floor(r.id / ID_PROFILE_SPAN)) ?? '',
      start: r.start * 1000,
      answer: r.answer === null ? null : r.answer * 1000,
      end: r.end * 1000,
      missed: r.missed === 1,
    }
  }

  /** One page. `needles`: extra substrings that must all occur (the search terms). */
  query(filter: CdrFilter, opts: CdrQueryOptions = {}, needles: string[] = []): CdrPage {
    const sort = opts.sort ?? 'start'
    const order = opts.order ?? 'desc'
    const limit = Math.min(MAX_LIMIT, Math.max(1, Math.floor(opts.limit ?? DEFAULT_LIMIT)))
    const cursor = opts.cursor ? decodeCursor(opts.cursor, sort) : null
    const profileNo = this.profileNo(filter.profileId, false)
    if (profileNo === null) return { rows: [], nextCursor: null }
    const all = [...(filter.text !== undefined ? [normalizeNeedle(filter.text)] : []), ...needles.map(normalizeNeedle)]
    const where = buildWhere(filter, profileNo, all)
    const q = buildPageQuery(where, { sort, order, limit }, cursor)
    const raw = this.prepare(q.sql).all(...q.params) as DbRow[]
    const more = raw.length > limit
    const rows = (more ? raw.slice(0, limit) : raw).map((r) => this.toRow(r))
    const last = rows.at(-1)
    return { rows, nextCursor: more && last ? encodeCursor(sort, last) : null }
  }

  /** Full-text search: every whitespace-separated term must occur in a name or number. */
  search(filter: CdrFilter, text: string, opts: CdrQueryOptions = {}): CdrPage {
    const terms = text.split(/\s+/).filter((t) => t !== '')
    return this.query(filter, opts, terms)
  }

  aggregate(filter: CdrFilter, opts: CdrAggregateOptions): CdrBucket[] {
    assertTimeZone(opts.timeZone)
    const profileNo = this.profileNo(filter.profileId, false)
    if (profileNo === null) return []
    const needles = filter.text !== undefined ? [normalizeNeedle(filter.text)] : []
    const q = buildQuarterHourQuery(buildWhere(filter, profileNo, needles))
    const quarters = this.prepare(q.sql).all(...q.params) as { q: number; n: number; m: number }[]
    const buckets = new Map<string, CdrBucket>()
    for (const { q: quarter, n, m } of quarters) {
      const local = formatLocal(quarter * 900_000, opts.timeZone)
      const day = local.slice(0, 10)
      const label = opts.bucket === 'day' ? day : `${local.slice(0, 13)}:00`
      let b = buckets.get(label)
      if (!b) {
        const start = localToUtcMs(opts.bucket === 'day' ? `${day} 00:00:00` : `${label}:00`, opts.timeZone)
        b = { start, label, total: 0, answered: 0, missed: 0 }
        buckets.set(label, b)
      }
      b.total += n
      b.missed += m
      b.answered += n - m
    }
    return [...buckets.values()].sort((a, b) => a.start - b.start)
  }

  /** One page of CSV (header and BOM on the first page) for a streamed export. */
  exportPage(
    filter: CdrFilter,
    opts: { timeZone: string; sort?: 'start' | 'duration'; order?: 'asc' | 'desc'; pageSize?: number; cursor?: string | null; bom?: boolean },
  ): ExportPage {
    assertTimeZone(opts.timeZone)
    const first = opts.cursor === undefined || opts.cursor === null
    const page = this.query(filter, {
      sort: opts.sort ?? 'start',
      order: opts.order ?? 'asc',
      limit: opts.pageSize ?? MAX_LIMIT,
      cursor: opts.cursor ?? null,
    })
    let chunk = first ? `${opts.bom === false ? '' : UTF8_BOM}${csvLine([...CSV_HEADER])}` : ''
    for (const r of page.rows) chunk += csvRow(r, opts.timeZone)
    return { chunk, rows: page.rows.length, nextCursor: page.nextCursor }
  }

  /**
   * Deletes up to one batch of rows that started before `beforeMs` (all profiles, or one).
   * Returns how many were deleted; call again until 0 so other work can run in between.
   */
  cleanupStep(beforeMs: number, profileId?: string): number {
    const beforeSec = Math.ceil(beforeMs / 1000)
    const targets: number[] = []
    if (profileId !== undefined) {
      const no = this.profileNo(profileId, false)
      if (no !== null) targets.push(no)
    } else targets.push(...this.profileIdByNo.keys())
    let deleted = 0
    const pick = this.db.prepare('SELECT id, cnam, cnum, src, dst, did, channel, dstchannel FROM cdr WHERE id >= ? AND id < ? ORDER BY id LIMIT ?')
    const delRows = this.db.prepare('DELETE FROM cdr WHERE id >= ? AND id <= ?')
    this.db.transaction(() => {
      for (const no of targets) {
        if (deleted >= CLEANUP_BATCH) break
        const lo = no * ID_PROFILE_SPAN
        const hi = lo + Math.max(0, beforeSec) * ID_SLOTS
        const rows = pick.all(lo, hi, CLEANUP_BATCH - deleted) as (SearchFields & { id: number })[]
        const last = rows.at(-1)
        if (last === undefined) continue
        for (const r of rows) this.stmts.deleteFts.run(r.id, foldCase(searchText(r)))
        deleted += delRows.run(lo, last.id).changes
      }
    })()
    if (deleted > 0) this.maxId.clear()
    return deleted
  }

  /**
   * How many rows started before `beforeMs` (all profiles, or one): exactly the rows
   * cleanupStep would delete for the same instant (the same id ranges), so a retention change
   * can say what it would remove before it does.
   */
  countBefore(beforeMs: number, profileId?: string): number {
    const beforeSec = Math.ceil(beforeMs / 1000)
    const nos = profileId === undefined ? [...this.profileIdByNo.keys()] : [this.profileNo(profileId, false)].filter((no) => no !== null)
    const count = this.db.prepare('SELECT count(*) FROM cdr WHERE id >= ? AND id < ?').pluck()
    let total = 0
    for (const no of nos) {
      const lo = no * ID_PROFILE_SPAN
      total += count.get(lo, lo + Math.max(0, beforeSec) * ID_SLOTS) as number
    }
    return total
  }

  stats(profileId: string): CdrStats & { lastIngestMs: number | null } {
    const no = this.profileNo(profileId, false)
    if (no === null) return { rows: 0, oldestStart: null, newestStart: null, lastIngestMs: null }
    const lo = no * ID_PROFILE_SPAN
    const r = this.db
      .prepare('SELECT count(*) AS n, min(start) AS lo, max(start) AS hi FROM cdr WHERE id >= ? AND id < ?')
      .get(lo, lo + ID_PROFILE_SPAN) as { n: number; lo: number | null; hi: number | null }
    const last = this.db.prepare('SELECT last_ingest_ms FROM profile WHERE no = ?').pluck().get(no) as number | null
    return { rows: r.n, oldestStart: r.lo === null ? null : r.lo * 1000, newestStart: r.hi === null ? null : r.hi * 1000, lastIngestMs: last }
  }
}
