// The synchronous CDR database. Runs inside the worker (worker.ts); nothing here may run on the
// main thread of the app, because every call can take as long as SQLite needs.
import Database from 'better-sqlite3';
import { channelEndpoint, compileDirectionRule, foldCase, searchText } from './derive';
import { buildPageQuery, buildQuarterHourQuery, buildWhere, decodeCursor, encodeCursor, normalizeNeedle } from './filter-sql';
import { csvLine, csvRow, CSV_HEADER, UTF8_BOM } from './csv';
import { ID_PROFILE_SPAN, ID_SLOTS, MAX_PROFILES, migrate, type MigrationContext } from './migrations';
import { normalizeCdr, type NormalizedCdr } from './normalize';
import { formatLocal, localToUtcMs, assertTimeZone } from './time';
import type {
  CdrAggregateOptions,
  CdrBucket,
  CdrDirection,
  CdrFilter,
  CdrPage,
  CdrQueryOptions,
  CdrRecord,
  CdrRow,
  CdrStats,
  IngestOptions,
  IngestResult,
} from './types';

export interface CdrDatabaseOptions extends MigrationContext {
  /** SQLite page cache in MiB (default 64). */
  cacheMiB?: number;
  /** Path of a better_sqlite3.node built for another ABI (Electron); default: the package's own. */
  nativeBinding?: string;
}

interface DbRow {
  id: number;
  start: number;
  answer: number | null;
  end: number;
  clid: string;
  src: string;
  dst: string;
  dcontext: string;
  channel: string;
  dstchannel: string;
  lastapp: string;
  lastdata: string;
  duration: number;
  billsec: number;
  disposition: string;
  amaflags: string;
  accountcode: string;
  uniqueid: string;
  linkedid: string | null;
  userfield: string;
  sequence: number | null;
  recordingfile: string | null;
  cnam: string;
  cnum: string;
  did: string | null;
  direction: CdrDirection;
  queue: string | null;
  missed: number;
}

export interface ExportPage {
  chunk: string;
  rows: number;
  nextCursor: string | null;
}

export interface IngestProgress {
  (done: number, total: number): void;
}

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;
const CLEANUP_BATCH = 5000;

export class CdrDatabase {
  readonly db: Database.Database;
  private readonly profileNoById = new Map<string, number>();
  private readonly profileIdByNo = new Map<number, string>();
  /** Next free slot per (profile, start second) handed out recently. */
  private readonly nextSlot = new Map<number, number>();
  /** Highest id stored per profile: a row starting after it needs no slot lookup (in-order ingest). */
  private readonly maxId = new Map<number, number>();
  private readonly stmts;
  /** Filter queries differ only in which clauses are present: a few dozen distinct statements. */
  private readonly prepared = new Map<string, Database.Statement>();

  constructor(file: string, opts: CdrDatabaseOptions = {}) {
    this.db = new Database(file, opts.nativeBinding !== undefined ? { nativeBinding: opts.nativeBinding } : {});
    try {
      // 8 KiB pages and a larger checkpoint interval cut the ingest CPU by about a fifth in our
      // measurements (fewer page splits, pages rewritten less often). page_size only takes effect
      // on a new file, before WAL is set.
      this.db.pragma('page_size = 8192');
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('wal_autocheckpoint = 10000');
      // A cache that can be refetched from the PBX: NORMAL keeps WAL consistent after an app
      // crash; only an OS crash can lose the last commits (security-reliability.md §3.5).
      this.db.pragma('synchronous = NORMAL');
      this.db.pragma('busy_timeout = 5000');
      this.db.pragma(`cache_size = -${String((opts.cacheMiB ?? 64) * 1024)}`);
      this.db.pragma('temp_store = MEMORY');
      this.db.pragma('foreign_keys = ON');
      const check = this.db.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw new Error(`CDR database failed quick_check: ${String(check)}`);
      this.registerFunctions();
      migrate(this.db, opts);
    } catch (err) {
      this.db.close();
      throw err;
    }
    for (const p of this.db.prepare('SELECT no, id FROM profile').all() as { no: number; id: string }[]) {
      this.profileNoById.set(p.id, p.no);
      this.profileIdByNo.set(p.no, p.id);
    }
    this.stmts = {
      insert: this.db.prepare(`INSERT INTO cdr (id, ident_a, ident_b, start, answer, "end", clid, src, dst, dcontext,
        channel, dstchannel, lastapp, lastdata, duration, billsec, disposition, amaflags, accountcode, uniqueid,
        linkedid, userfield, sequence, recordingfile, cnam, cnum, did, source, direction, queue, missed)
        VALUES (${Array(31).fill('?').join(',')}) ON CONFLICT (start, ident_a, ident_b) DO NOTHING`),
      insertFts: this.db.prepare('INSERT INTO cdr_fts (rowid, t) VALUES (?, ?)'),
      deleteFts: this.db.prepare('DELETE FROM cdr_fts WHERE rowid = ?'),
      // Fill in what the first copy lacked (AMI has no linkedid/sequence/did/recordingfile by
      // default; FreePBX has no answer time). Never overwrite a value that is there.
      merge: this.db.prepare(`UPDATE cdr SET
          linkedid = coalesce(linkedid, @linkedid), sequence = coalesce(sequence, @sequence),
          recordingfile = coalesce(recordingfile, @recordingfile), did = coalesce(did, @did),
          answer = coalesce(answer, @answer)
        WHERE start = @start AND ident_a = @identA AND ident_b = @identB AND (
          (linkedid IS NULL AND @linkedid IS NOT NULL) OR (sequence IS NULL AND @sequence IS NOT NULL) OR
          (recordingfile IS NULL AND @recordingfile IS NOT NULL) OR (did IS NULL AND @did IS NOT NULL) OR
          (answer IS NULL AND @answer IS NOT NULL))
        RETURNING id, cnam, cnum, src, dst, did, channel, dstchannel`),
      maxInSecond: this.db.prepare('SELECT max(id) AS m FROM cdr WHERE id >= ? AND id < ?').pluck(),
      addProfile: this.db.prepare('INSERT INTO profile (no, id) VALUES (?, ?)'),
      maxProfile: this.db.prepare('SELECT coalesce(max(no), 0) FROM profile').pluck(),
      touchProfile: this.db.prepare('UPDATE profile SET last_ingest_ms = ? WHERE no = ?'),
    };
  }

  private registerFunctions(): void {
    this.db.function('cdr_endpoint', { deterministic: true }, (ch: unknown) => channelEndpoint(typeof ch === 'string' ? ch : ''));
    this.db.function(
      'cdr_contains',
      { deterministic: true },
      (cnam: unknown, cnum: unknown, src: unknown, dst: unknown, did: unknown, channel: unknown, dstchannel: unknown, needle: unknown) => {
        const s = (v: unknown): string => (typeof v === 'string' ? v : '');
        const text = foldCase(
          searchText({ cnam: s(cnam), cnum: s(cnum), src: s(src), dst: s(dst), did: typeof did === 'string' ? did : null, channel: s(channel), dstchannel: s(dstchannel) }),
        );
        return text.includes(s(needle)) ? 1 : 0;
      },
    );
  }

  private prepare(sql: string): Database.Statement {
    let st = this.prepared.get(sql);
    if (!st) {
      if (this.prepared.size > 200) this.prepared.clear();
      st = this.db.prepare(sql);
      this.prepared.set(sql, st);
    }
    return st;
  }

  close(): void {
    if (this.db.open) {
      this.db.pragma('optimize');
      this.db.close();
    }
  }

  private profileNo(profileId: string, create: boolean): number | null {
    const known = this.profileNoById.get(profileId);
    if (known !== undefined) return known;
    if (!create) return null;
    const next = (this.stmts.maxProfile.get() as number) + 1;
    if (next > MAX_PROFILES) throw new RangeError(`more than ${String(MAX_PROFILES)} PBX profiles in one CDR database`);
    this.stmts.addProfile.run(next, profileId);
    this.profileNoById.set(profileId, next);
    this.profileIdByNo.set(next, profileId);
    return next;
  }

  /** Allocates the id of a new row: first free slot of its start second. */
  private allocateId(profileNo: number, startSec: number): number {
    const base = profileNo * ID_PROFILE_SPAN + startSec * ID_SLOTS;
    let next = this.nextSlot.get(base);
    if (next === undefined) {
      let top = this.maxId.get(profileNo);
      if (top === undefined) {
        const lo = profileNo * ID_PROFILE_SPAN;
        top = (this.stmts.maxInSecond.get(lo, lo + ID_PROFILE_SPAN) as number | null) ?? -1;
      }
      if (base > top) next = 0;
      else {
        const max = this.stmts.maxInSecond.get(base, base + ID_SLOTS) as number | null;
        next = max === null ? 0 : max - base + 1;
      }
    }
    if (next >= ID_SLOTS) throw new RangeError(`more than ${String(ID_SLOTS)} CDRs start in the same second`);
    if (this.nextSlot.size > 200_000) this.nextSlot.clear();
    this.nextSlot.set(base, next + 1);
    const id = base + next;
    this.maxId.set(profileNo, Math.max(this.maxId.get(profileNo) ?? -1, id));
    return id;
  }

  /**
   * Stores a batch in ONE transaction: after a crash either every record of the batch is
   * there or none is. Records already stored (same identity) are merged, not duplicated.
   */
  ingest(profileId: string, records: readonly CdrRecord[], opts: IngestOptions, onProgress?: IngestProgress): IngestResult {
    assertTimeZone(opts.timeZone);
    const rule = compileDirectionRule(opts.direction);
    const result: IngestResult = { inserted: 0, merged: 0, unchanged: 0, rejected: [] };
    const run = this.db.transaction(() => {
      const profileNo = this.profileNo(profileId, true) ?? 0;
      for (let i = 0; i < records.length; i++) {
        const rec = records[i];
        let n: NormalizedCdr;
        try {
          if (rec === undefined || typeof rec !== 'object') throw new RangeError('not a record');
          n = normalizeCdr(profileId, rec, opts.timeZone, rule);
        } catch (err) {
          result.rejected.push({ index: i, reason: err instanceof Error ? err.message : String(err) });
          continue;
        }
        this.store(profileNo, n, result, i);
        if (onProgress && (i + 1) % 10_000 === 0) onProgress(i + 1, records.length);
      }
      this.stmts.touchProfile.run(Date.now(), profileNo);
    });
    try {
      run();
    } catch (err) {
      // The transaction rolled back: forget the slot caches (they refill from the table).
      this.nextSlot.clear();
      this.maxId.clear();
      throw err;
    }
    return result;
  }

  private store(profileNo: number, n: NormalizedCdr, result: IngestResult, index: number): void {
    let id: number;
    try {
      id = this.allocateId(profileNo, n.start);
    } catch (err) {
      result.rejected.push({ index, reason: err instanceof Error ? err.message : String(err) });
      return;
    }
    const info = this.stmts.insert.run(
      id, n.identA, n.identB, n.start, n.answer, n.end, n.clid, n.src, n.dst, n.dcontext, n.channel, n.dstchannel,
      n.lastapp, n.lastdata, n.duration, n.billsec, n.disposition, n.amaflags, n.accountcode, n.uniqueid,
      n.linkedid, n.userfield, n.sequence, n.recordingfile, n.cnam, n.cnum, n.did, n.source, n.direction, n.queue,
      n.missed ? 1 : 0,
    );
    if (info.changes === 1) {
      this.stmts.insertFts.run(id, foldCase(searchText(n)));
      result.inserted++;
      return;
    }
    const merged = this.stmts.merge.get({
      start: n.start, identA: n.identA, identB: n.identB, linkedid: n.linkedid, sequence: n.sequence,
      recordingfile: n.recordingfile, did: n.did, answer: n.answer,
    }) as { id: number; cnam: string; cnum: string; src: string; dst: string; did: string | null; channel: string; dstchannel: string } | undefined;
    if (!merged) {
      result.unchanged++;
      return;
    }
    result.merged++;
    // did is searchable: re-index the row with its new text.
    this.stmts.deleteFts.run(merged.id);
    this.stmts.insertFts.run(merged.id, foldCase(searchText(merged)));
  }

  private toRow(r: DbRow): CdrRow {
    const profileId = this.profileIdByNo.get(Math.floor(r.id / ID_PROFILE_SPAN)) ?? '';
    return {
      id: r.id,
      profileId,
      start: r.start * 1000,
      answer: r.answer === null ? null : r.answer * 1000,
      end: r.end * 1000,
      clid: r.clid,
      src: r.src,
      dst: r.dst,
      dcontext: r.dcontext,
      channel: r.channel,
      dstchannel: r.dstchannel,
      lastapp: r.lastapp,
      lastdata: r.lastdata,
      duration: r.duration,
      billsec: r.billsec,
      disposition: r.disposition,
      amaflags: r.amaflags,
      accountcode: r.accountcode,
      uniqueid: r.uniqueid,
      linkedid: r.linkedid,
      userfield: r.userfield,
      sequence: r.sequence,
      recordingfile: r.recordingfile,
      cnam: r.cnam,
      cnum: r.cnum,
      did: r.did,
      direction: r.direction,
      queue: r.queue,
      missed: r.missed === 1,
    };
  }

  /** One page. `needles`: extra substrings that must all occur (the search terms). */
  query(filter: CdrFilter, opts: CdrQueryOptions = {}, needles: string[] = []): CdrPage {
    const sort = opts.sort ?? 'start';
    const order = opts.order ?? 'desc';
    const limit = Math.min(MAX_LIMIT, Math.max(1, Math.floor(opts.limit ?? DEFAULT_LIMIT)));
    const cursor = opts.cursor ? decodeCursor(opts.cursor, sort) : null;
    const profileNo = this.profileNo(filter.profileId, false);
    if (profileNo === null) return { rows: [], nextCursor: null };
    const all = [...(filter.text !== undefined ? [normalizeNeedle(filter.text)] : []), ...needles.map(normalizeNeedle)];
    const where = buildWhere(filter, profileNo, all);
    const q = buildPageQuery(where, { sort, order, limit }, cursor);
    const raw = this.prepare(q.sql).all(...q.params) as DbRow[];
    const more = raw.length > limit;
    const rows = (more ? raw.slice(0, limit) : raw).map((r) => this.toRow(r));
    const last = rows.at(-1);
    return { rows, nextCursor: more && last ? encodeCursor(sort, last) : null };
  }

  /** Full-text search: every whitespace-separated term must occur in a name or number. */
  search(filter: CdrFilter, text: string, opts: CdrQueryOptions = {}): CdrPage {
    const terms = text.split(/\s+/).filter((t) => t !== '');
    return this.query(filter, opts, terms);
  }

  aggregate(filter: CdrFilter, opts: CdrAggregateOptions): CdrBucket[] {
    assertTimeZone(opts.timeZone);
    const profileNo = this.profileNo(filter.profileId, false);
    if (profileNo === null) return [];
    const needles = filter.text !== undefined ? [normalizeNeedle(filter.text)] : [];
    const q = buildQuarterHourQuery(buildWhere(filter, profileNo, needles));
    const quarters = this.prepare(q.sql).all(...q.params) as { q: number; n: number; m: number }[];
    const buckets = new Map<string, CdrBucket>();
    for (const { q: quarter, n, m } of quarters) {
      const local = formatLocal(quarter * 900_000, opts.timeZone);
      const day = local.slice(0, 10);
      const label = opts.bucket === 'day' ? day : `${local.slice(0, 13)}:00`;
      let b = buckets.get(label);
      if (!b) {
        const start = localToUtcMs(opts.bucket === 'day' ? `${day} 00:00:00` : `${label}:00`, opts.timeZone);
        b = { start, label, total: 0, answered: 0, missed: 0 };
        buckets.set(label, b);
      }
      b.total += n;
      b.missed += m;
      b.answered += n - m;
    }
    return [...buckets.values()].sort((a, b) => a.start - b.start);
  }

  /** One page of CSV (header and BOM on the first page) for a streamed export. */
  exportPage(filter: CdrFilter, opts: { timeZone: string; sort?: 'start' | 'duration'; order?: 'asc' | 'desc'; pageSize?: number; cursor?: string | null; bom?: boolean }): ExportPage {
    assertTimeZone(opts.timeZone);
    const first = opts.cursor === undefined || opts.cursor === null;
    const page = this.query(filter, { sort: opts.sort ?? 'start', order: opts.order ?? 'asc', limit: opts.pageSize ?? MAX_LIMIT, cursor: opts.cursor ?? null });
    let chunk = first ? `${opts.bom === false ? '' : UTF8_BOM}${csvLine([...CSV_HEADER])}` : '';
    for (const r of page.rows) chunk += csvRow(r, opts.timeZone);
    return { chunk, rows: page.rows.length, nextCursor: page.nextCursor };
  }

  /**
   * Deletes up to one batch of rows that started before `beforeMs` (all profiles, or one).
   * Returns how many were deleted; call again until 0 so other work can run in between.
   */
  cleanupStep(beforeMs: number, profileId?: string): number {
    const beforeSec = Math.ceil(beforeMs / 1000);
    const targets: number[] = [];
    if (profileId !== undefined) {
      const no = this.profileNo(profileId, false);
      if (no !== null) targets.push(no);
    } else targets.push(...this.profileIdByNo.keys());
    let deleted = 0;
    const pick = this.db.prepare('SELECT id FROM cdr WHERE id >= ? AND id < ? ORDER BY id LIMIT ?').pluck();
    const delRows = this.db.prepare('DELETE FROM cdr WHERE id >= ? AND id <= ?');
    const delFts = this.db.prepare('DELETE FROM cdr_fts WHERE rowid >= ? AND rowid <= ?');
    this.db.transaction(() => {
      for (const no of targets) {
        if (deleted >= CLEANUP_BATCH) break;
        const lo = no * ID_PROFILE_SPAN;
        const hi = lo + Math.max(0, beforeSec) * ID_SLOTS;
        const ids = pick.all(lo, hi, CLEANUP_BATCH - deleted) as number[];
        const last = ids.at(-1);
        if (last === undefined) continue;
        delFts.run(lo, last);
        deleted += delRows.run(lo, last).changes;
      }
    })();
    if (deleted > 0) {
      this.nextSlot.clear();
      this.maxId.clear();
    }
    return deleted;
  }

  stats(profileId: string): CdrStats & { lastIngestMs: number | null } {
    const no = this.profileNo(profileId, false);
    if (no === null) return { rows: 0, oldestStart: null, newestStart: null, lastIngestMs: null };
    const lo = no * ID_PROFILE_SPAN;
    const r = this.db
      .prepare('SELECT count(*) AS n, min(start) AS lo, max(start) AS hi FROM cdr WHERE id >= ? AND id < ?')
      .get(lo, lo + ID_PROFILE_SPAN) as { n: number; lo: number | null; hi: number | null };
    const last = this.db.prepare('SELECT last_ingest_ms FROM profile WHERE no = ?').pluck().get(no) as number | null;
    return { rows: r.n, oldestStart: r.lo === null ? null : r.lo * 1000, newestStart: r.hi === null ? null : r.hi * 1000, lastIngestMs: last };
  }
}
