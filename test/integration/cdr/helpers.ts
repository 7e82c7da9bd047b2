import Database from 'better-sqlite3'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, expect } from 'vitest'
import { foldCase, searchText } from '../../../src-main/core/cdr/derive'
import { openCdrStore, type CdrStore } from '../../../src-main/core/cdr/index'
import { migrate } from '../../../src-main/core/cdr/migrations'
import type { NormalizedCdr } from '../../../src-main/core/cdr/normalize'
import type { CdrRecord } from '../../../src-main/core/cdr/types'

export function tempDbFile(): { file: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdr-test-'))
  return {
    file: path.join(dir, 'cdr.db'),
    cleanup: () => {
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

/**
 * Opens stores on throwaway files, each closed and its folder removed after the test that opened
 * it (registers the afterEach: call once per test file).
 */
export function freshStores(): () => Promise<CdrStore> {
  const opened: { store: CdrStore; cleanup: () => void }[] = []
  afterEach(async () => {
    for (const o of opened.splice(0)) {
      await o.store.close()
      o.cleanup()
    }
  })
  return async () => {
    const t = tempDbFile()
    const store = await openCdrStore({ file: t.file })
    opened.push({ store, cleanup: t.cleanup })
    return store
  }
}

/** A row as an older store version wrote it: its id, the normalized call, its `missed` as then derived. */
export interface OldRow {
  readonly id: number
  readonly n: NormalizedCdr
  readonly missed: boolean
}

/**
 * Writes a cache the way an older version of the store left it: that version's schema (migrated
 * only that far), profile 1 = `profileId`, and the rows with their FTS entries. `ignoreConflicts`
 * for version 3, whose identity index made a conflicting insert a no-op.
 */
export function writeOldCache(file: string, version: number, profileId: string, rows: Iterable<OldRow>, ignoreConflicts = false): void {
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  expect(migrate(db, {}, version)).toBe(version)
  db.prepare('INSERT INTO profile (no, id) VALUES (1, ?)').run(profileId)
  const onConflict = ignoreConflicts ? ' ON CONFLICT (start, ident_a, ident_b) DO NOTHING' : ''
  const insert = db.prepare(`INSERT INTO cdr (id, ident_a, ident_b, start, answer, "end", clid, src, dst, dcontext, channel,
    dstchannel, lastapp, lastdata, duration, billsec, disposition, amaflags, accountcode, uniqueid, linkedid, userfield,
    sequence, recordingfile, cnam, cnum, did, source, direction, queue, missed)
    VALUES (${Array(31).fill('?').join(',')})${onConflict}`)
  const fts = db.prepare('INSERT INTO cdr_fts (rowid, t) VALUES (?, ?)')
  for (const { id, n, missed } of rows) {
    insert.run(
      id,
      n.identA,
      n.identB,
      n.start,
      n.answer,
      n.end,
      n.clid,
      n.src,
      n.dst,
      n.dcontext,
      n.channel,
      n.dstchannel,
      n.lastapp,
      n.lastdata,
      n.duration,
      n.billsec,
      n.disposition,
      n.amaflags,
      n.accountcode,
      n.uniqueid,
      n.linkedid,
      n.userfield,
      n.sequence,
      n.recordingfile,
      n.cnam,
      n.cnum,
      n.did,
      n.source,
      n.direction,
      n.queue,
      missed ? 1 : 0,
    )
    fts.run(id, foldCase(searchText(n)))
  }
  db.close()
}

const pad = (n: number): string => String(n).padStart(2, '0')
/** 'YYYY-MM-DD HH:MM:SS' for a UTC instant (tests ingest with timeZone 'UTC' unless they say otherwise). */
export function utcWall(ms: number): string {
  const d = new Date(ms)
  return `${String(d.getUTCFullYear())}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
}

/** A plain, valid AMI-shaped record; override what a test cares about. */
export function rec(i: number, over: Partial<CdrRecord> = {}): CdrRecord {
  const start = Date.UTC(2026, 10, 24, 8, 0, 0) + i * 37_000
  return {
    uniqueid: `lab-${String(Math.floor(start / 1000))}.${String(i)}`,
    start: utcWall(start),
    answer: utcWall(start + 2000),
    end: utcWall(start + 62_000),
    clid: `"Caller ${String(i)}" <+4930${String(100000 + i)}>`,
    src: `+4930${String(100000 + i)}`,
    dst: String(100 + (i % 5)),
    dcontext: 'from-trunk',
    channel: `PJSIP/trunk-${i.toString(16).padStart(8, '0')}`,
    dstchannel: `PJSIP/${String(100 + (i % 5))}-${(i + 1).toString(16).padStart(8, '0')}`,
    lastapp: 'Dial',
    lastdata: `PJSIP/${String(100 + (i % 5))},30`,
    duration: 62,
    billsec: 60,
    disposition: 'ANSWERED',
    amaflags: 'DOCUMENTATION',
    accountcode: '',
    userfield: '',
    source: 'ami',
    ...over,
  }
}
