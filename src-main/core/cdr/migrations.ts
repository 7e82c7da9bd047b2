// Schema migrations, numbered, forward-only, each in its own transaction, the version kept in
// PRAGMA user_version. Version 1 is the first released schema (rows, identity, profiles);
// version 2 adds the derived columns (direction, queue, missed), the queue index and the
// full-text index, and fills them for the rows version 1 stored; version 3 re-keys the identity
// index by start second first and enlarges the FTS write buffer (ingest speed); version 4 drops
// the identity index (the primary key serves) and rebuilds the FTS index without per-row sizes;
// version 5 adds wait and talk (waiting in a queue or IVR is not talking), recomputes them and
// missed for the stored rows, and indexes Local channels for pairing a queue leg with its member;
// version 6 adds the queue events the reports read (core/reports), their pickers' names and the queues' thresholds.
import type Database from 'better-sqlite3'
import { compileDirectionRule, deriveDirection, deriveMissed, deriveQueue, deriveTimes, foldCase, searchText } from './derive'
import { LocalLegPairing } from './pairing'
import type { DirectionRule } from './types'

export interface MigrationContext {
  direction?: DirectionRule
}

interface Migration {
  version: number
  up(db: Database.Database, ctx: MigrationContext): void
}

/** Number of low id bits that tell CDRs apart within one start second of one profile (see README). */
export const ID_SLOT_BITS = 12
export const ID_SLOTS = 2 ** ID_SLOT_BITS
/** Bits for the start second (UTC epoch seconds < 2^33, i.e. until the year 2242). */
export const ID_SECOND_BITS = 33
export const ID_PROFILE_SPAN = 2 ** (ID_SECOND_BITS + ID_SLOT_BITS)
/** Profile numbers 1..255 keep every id below 2^53, exact as a JS number. */
export const MAX_PROFILES = 255

const migrations: Migration[] = [
  {
    version: 1,
    up(db) {
      db.exec(`
        CREATE TABLE profile (
          no INTEGER PRIMARY KEY CHECK (no BETWEEN 1 AND ${String(MAX_PROFILES)}),
          id TEXT NOT NULL UNIQUE,
          last_ingest_ms INTEGER
        );
        -- id = profile_no * 2^45 + start_second * 2^12 + slot: the table is clustered by
        -- (profile, start), so time-ordered pages are range scans of the primary key.
        CREATE TABLE cdr (
          id INTEGER PRIMARY KEY,
          ident_a INTEGER NOT NULL,
          ident_b INTEGER NOT NULL,
          start INTEGER NOT NULL,
          answer INTEGER,
          "end" INTEGER NOT NULL,
          clid TEXT NOT NULL,
          src TEXT NOT NULL,
          dst TEXT NOT NULL,
          dcontext TEXT NOT NULL,
          channel TEXT NOT NULL,
          dstchannel TEXT NOT NULL,
          lastapp TEXT NOT NULL,
          lastdata TEXT NOT NULL,
          duration INTEGER NOT NULL,
          billsec INTEGER NOT NULL,
          disposition TEXT NOT NULL,
          amaflags TEXT NOT NULL,
          accountcode TEXT NOT NULL,
          uniqueid TEXT NOT NULL,
          linkedid TEXT,
          userfield TEXT NOT NULL,
          sequence INTEGER,
          recordingfile TEXT,
          cnam TEXT NOT NULL,
          cnum TEXT NOT NULL,
          did TEXT,
          source TEXT NOT NULL
        );
        CREATE UNIQUE INDEX cdr_ident ON cdr (ident_a, ident_b);
      `)
    },
  },
  {
    version: 2,
    up(db, ctx) {
      db.exec(`
        ALTER TABLE cdr ADD COLUMN direction TEXT NOT NULL DEFAULT 'inbound';
        ALTER TABLE cdr ADD COLUMN queue TEXT;
        ALTER TABLE cdr ADD COLUMN missed INTEGER NOT NULL DEFAULT 0;
        -- Only queue legs are indexed: the index costs nothing for the other rows.
        CREATE INDEX cdr_queue ON cdr (queue, id) WHERE queue IS NOT NULL;
        -- Trigram index over already case-folded names and numbers; rowid = cdr.id, so matches
        -- come out in time order. detail=none stores only which rows hold a trigram (no
        -- positions): half the ingest cost of a positional index. It narrows candidates; the
        -- exact substring test (cdr_contains) decides. Contentless with deletes for retention.
        CREATE VIRTUAL TABLE cdr_fts USING fts5(t, content='', contentless_delete=1, detail=none,
          tokenize='trigram case_sensitive 1');
      `)
      const rule = compileDirectionRule(ctx.direction)
      const update = db.prepare('UPDATE cdr SET direction = ?, queue = ?, missed = ? WHERE id = ?')
      const fts = db.prepare('INSERT INTO cdr_fts (rowid, t) VALUES (?, ?)')
      // Walk in id order, a chunk at a time: bounded memory on a large cache, and
      // better-sqlite3 does not allow writing while a statement over the same table iterates.
      const chunk = db.prepare(`SELECT id, src, dst, dcontext, channel, dstchannel, lastapp, lastdata,
        disposition, cnam, cnum, did FROM cdr WHERE id > ? ORDER BY id LIMIT 5000`)
      let after = -1
      for (;;) {
        const rows = chunk.all(after) as {
          id: number
          src: string
          dst: string
          dcontext: string
          channel: string
          dstchannel: string
          lastapp: string
          lastdata: string
          disposition: string
          cnam: string
          cnum: string
          did: string | null
        }[]
        const last = rows.at(-1)
        if (!last) break
        for (const r of rows) {
          update.run(deriveDirection(r, rule), deriveQueue(r), deriveMissed(r) ? 1 : 0, r.id)
          fts.run(r.id, foldCase(searchText(r)))
        }
        after = last.id
      }
    },
  },
  {
    version: 3,
    up(db) {
      // The identity hash is random, so an index on it alone took every batch's inserts all over
      // the B-tree: a 10,000-row batch dirtied nearly every leaf page, and each commit rewrote
      // them to the WAL (ingest slowed down as the table grew). The start second is part of the
      // identity (identity.ts), so leading with it keeps the same uniqueness while inserts in
      // time order (live events, backfill pages) land at the end of the index.
      db.exec(`
        DROP INDEX cdr_ident;
        CREATE UNIQUE INDEX cdr_ident ON cdr (start, ident_a, ident_b);
      `)
      // FTS5 writes its pending terms as a new segment whenever they outgrow the hash (1 MiB by
      // default), and merges segments later. One batch's trigrams (a few MiB for 10,000 rows) now
      // fit, so a batch becomes one segment: fewer, larger segments and less merging.
      // (A literal: FTS5 rejects this configuration value as a bound parameter.)
      db.exec(`INSERT INTO cdr_fts (cdr_fts, rank) VALUES ('hashsize', ${String(FTS_HASH_BYTES)})`)
    },
  },
  {
    version: 4,
    up(db) {
      // Ingest speed, measured per row (README "Figures"):
      // - No identity index: the id holds the start second and the identity holds it too, so a
      //   duplicate can only lie in its second's id range, a primary-key range read; and a
      //   record newer than everything stored needs no read at all (db.ts store()).
      // - The full-text index without its per-row size table: contentless_delete needs that
      //   table (one more B-tree insert per row) and forbids columnsize=0. Entries are removed
      //   with FTS5's 'delete' command instead, given the indexed text, which searchText()
      //   rebuilds from the stored row. Larger FTS5 leaves (pgsz) mean fewer of them to write.
      db.exec(`
        DROP INDEX cdr_ident;
        DROP TABLE cdr_fts;
        CREATE VIRTUAL TABLE cdr_fts USING fts5(t, content='', columnsize=0, detail=none,
          tokenize='trigram case_sensitive 1');
      `)
      db.exec(`INSERT INTO cdr_fts (cdr_fts, rank) VALUES ('hashsize', ${String(FTS_HASH_BYTES)})`)
      db.exec(`INSERT INTO cdr_fts (cdr_fts, rank) VALUES ('pgsz', ${String(FTS_PAGE_BYTES)})`)
      // Merge segments later and in bigger steps: each merge rewrites the doclists it merges, so
      // fewer merges is less ingest work; a search reads more segments, which its budget allows
      // (README "Figures").
      db.exec(`INSERT INTO cdr_fts (cdr_fts, rank) VALUES ('automerge', ${String(FTS_AUTOMERGE)})`)
      db.exec(`INSERT INTO cdr_fts (cdr_fts, rank) VALUES ('crisismerge', ${String(FTS_CRISISMERGE)})`)
      const fts = db.prepare('INSERT INTO cdr_fts (rowid, t) VALUES (?, ?)')
      const chunk = db.prepare('SELECT id, cnam, cnum, src, dst, did, channel, dstchannel FROM cdr WHERE id > ? ORDER BY id LIMIT 5000')
      let after = -1
      for (;;) {
        const rows = chunk.all(after) as {
          id: number
          cnam: string
          cnum: string
          src: string
          dst: string
          did: string | null
          channel: string
          dstchannel: string
        }[]
        const last = rows.at(-1)
        if (!last) break
        for (const r of rows) fts.run(r.id, foldCase(searchText(r)))
        after = last.id
      }
    },
  },
  {
    version: 5,
    up(db) {
      // billsec counted a caller's time in a queue or IVR as talk (FreePBX answers before them).
      // talk NULL = not known from the stored rows. The two partial indexes hold only Local
      // channels (queue members, follow-me): nothing for the other rows, so ingest speed is kept.
      db.exec(`
        ALTER TABLE cdr ADD COLUMN wait INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE cdr ADD COLUMN talk INTEGER;
        CREATE INDEX cdr_local_dst ON cdr (dstchannel) WHERE dstchannel LIKE 'Local/%';
        CREATE INDEX cdr_local_chan ON cdr (channel) WHERE channel LIKE 'Local/%';
      `)
      const update = db.prepare('UPDATE cdr SET wait = ?, talk = ?, missed = ? WHERE id = ?')
      const chunk = db.prepare(`SELECT id, "end", duration, billsec, disposition, lastapp, dstchannel FROM cdr
        WHERE id > ? ORDER BY id LIMIT 5000`)
      let after = -1
      for (;;) {
        const rows = chunk.all(after) as {
          id: number
          end: number
          duration: number
          billsec: number
          disposition: string
          lastapp: string
          dstchannel: string
        }[]
        const last = rows.at(-1)
        if (!last) break
        for (const r of rows) {
          const times = deriveTimes(r)
          update.run(times.wait, times.talk, deriveMissed(r, times) ? 1 : 0, r.id)
        }
        after = last.id
      }
      // Then the callers bridged to a Local member, from their member's leg.
      const pairing = new LocalLegPairing(db)
      const callers = db
        .prepare(`SELECT id FROM cdr WHERE dstchannel LIKE 'Local/%' AND dstchannel LIKE '%;1' AND id > ? ORDER BY id LIMIT 5000`)
        .pluck()
      after = -1
      for (;;) {
        const ids = callers.all(after) as number[]
        const lastId = ids.at(-1)
        if (lastId === undefined) break
        for (const id of ids) pairing.completeCaller(Math.floor(id / ID_PROFILE_SPAN) * ID_PROFILE_SPAN, id)
        after = lastId
      }
    },
  },
  {
    version: 6,
    up(db) {
      // Queue events for the reports (core/reports), kept beside the CDRs in the same file and
      // clustered the same way: id = profile_no·2^45 + second·2^12 + slot, so a report's range is a
      // range scan of the primary key. kind is QUEUE_EVENT_KINDS' index. The reports read one queue's
      // (queue_event_queue) or one member's (queue_event_agent) events of a kind over a range from an
      // index that holds the figures they sum (no table reads, no sorting); queue_event_agent also
      // finds an event already kept (the same kind, member and queue within seconds: queue-event-db.ts);
      // queue_event_pause walks one member's pauses. queue_seen feeds the pickers without
      // scanning the events; queue_threshold keeps each queue's service level for offline reports.
      db.exec(`
        CREATE TABLE queue_event (
          id INTEGER PRIMARY KEY,
          kind INTEGER NOT NULL,
          queue TEXT NOT NULL,
          callid TEXT NOT NULL,
          agent TEXT NOT NULL,
          iface TEXT NOT NULL,
          wait INTEGER,
          talk INTEGER,
          ring INTEGER,
          position INTEGER,
          reason TEXT NOT NULL,
          caller TEXT NOT NULL,
          source TEXT NOT NULL
        );
        CREATE INDEX queue_event_queue ON queue_event (kind, queue, id, wait, talk);
        CREATE INDEX queue_event_agent ON queue_event (kind, agent, id, queue, wait, talk);
        CREATE INDEX queue_event_pause ON queue_event (agent, queue, id) WHERE kind IN (8, 9, 11);
        CREATE TABLE queue_seen (
          profile_no INTEGER NOT NULL,
          what INTEGER NOT NULL,
          name TEXT NOT NULL,
          iface TEXT NOT NULL,
          last_s INTEGER NOT NULL,
          PRIMARY KEY (profile_no, what, name)
        ) WITHOUT ROWID;
        CREATE TABLE queue_threshold (
          profile_no INTEGER NOT NULL,
          queue TEXT NOT NULL,
          seconds INTEGER NOT NULL,
          seen_ms INTEGER NOT NULL,
          PRIMARY KEY (profile_no, queue)
        ) WITHOUT ROWID;
      `)
    },
  },
]

/** FTS5 leaf size: a database page (8 KiB) minus its header, so one leaf fills one page. */
const FTS_PAGE_BYTES = 8000
/** Segments of one level merged at a time (FTS5's default 4, at most 64) and the forced limit (default 16). */
const FTS_AUTOMERGE = 64
const FTS_CRISISMERGE = 256

/** FTS5 pending-terms limit per connection (memory held only during a write transaction). */
const FTS_HASH_BYTES = 16 * 1024 * 1024

export const LATEST_VERSION = migrations.length

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number
}

/**
 * Brings the schema to `target` (default: latest). Each step runs in a transaction together with
 * its user_version bump, so a failing step leaves the previous version intact.
 */
export function migrate(db: Database.Database, ctx: MigrationContext = {}, target = LATEST_VERSION): number {
  const current = schemaVersion(db)
  if (current > LATEST_VERSION) {
    throw new Error(`database schema version ${String(current)} is newer than this app (${String(LATEST_VERSION)})`)
  }
  for (const m of migrations) {
    if (m.version <= current || m.version > target) continue
    db.transaction(() => {
      m.up(db, ctx)
      db.pragma(`user_version = ${String(m.version)}`)
    })()
  }
  return schemaVersion(db)
}
