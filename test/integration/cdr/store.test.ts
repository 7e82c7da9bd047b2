import Database from 'better-sqlite3'
import fs from 'node:fs'
import { PassThrough } from 'node:stream'
import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { cdrFromAmiFields, cdrFromFreepbx, openCdrStore, type CdrRecord, type CdrStore } from '../../../src-main/core/cdr/index'
import { CSV_HEADER, restoreFormula } from '../../../src-main/core/cdr/csv'
import { compileDirectionRule } from '../../../src-main/core/cdr/derive'
import { LATEST_VERSION, migrate } from '../../../src-main/core/cdr/migrations'
import { normalizeCdr } from '../../../src-main/core/cdr/normalize'
import { captureFiles, cdrEventsOf } from '../../unit/cdr/capture-cdrs'
import { freshStores, rec, tempDbFile, writeOldCache } from './helpers'

const freshStore = freshStores()

const UTC = { timeZone: 'UTC' }
const P = { profileId: 'pbx-a' }

/**
 * Writes a database the way an older version of the store did: its schema (migrated only that
 * far), profile 1 = pbx-a, the records `rec(i)` with their FTS entries.
 */
function writeOldVersion(file: string, version: 2 | 3, records: readonly number[]): void {
  const rule = compileDirectionRule(undefined)
  const rows = records.map((i) => {
    const n = normalizeCdr('pbx-a', rec(i), 'UTC', rule)
    return { id: 2 ** 45 + n.start * 4096, n, missed: n.missed }
  })
  // Version 3's identity index made a conflicting insert a no-op; version 2 had no such index.
  writeOldCache(file, version, 'pbx-a', rows, version === 3)
}

async function allRows(store: CdrStore, profileId = 'pbx-a'): Promise<Awaited<ReturnType<CdrStore['query']>>['rows']> {
  const out = []
  let cursor: string | null = null
  for (let i = 0; i < 1000; i++) {
    const page = await store.query({ profileId }, { limit: 1000, cursor, order: 'asc' })
    out.push(...page.rows)
    cursor = page.nextCursor
    if (cursor === null) break
  }
  return out
}

describe('migrations', () => {
  it('creates the latest schema from an empty file, WAL on', async () => {
    const t = tempDbFile()
    const store = await openCdrStore({ file: t.file })
    await store.close()
    const db = new Database(t.file, { readonly: true })
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION)
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    const names = (db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table','index')").all() as { name: string }[]).map((r) => r.name)
    expect(names).toEqual(expect.arrayContaining(['cdr', 'profile', 'cdr_fts', 'cdr_queue']))
    // Version 4: the primary key is the identity index; the FTS index keeps no per-row sizes.
    expect(names).not.toContain('cdr_ident')
    expect(names).not.toContain('cdr_fts_docsize')
    db.close()
    t.cleanup()
  })

  it('migrates a version-1 database with rows: rows kept, direction/queue/missed derived, FTS filled', async () => {
    const t = tempDbFile()
    // Write a v1 database the way version 1 of the store did: schema v1 + its ingest columns.
    const db = new Database(t.file)
    db.pragma('journal_mode = WAL')
    expect(migrate(db, {}, 1)).toBe(1)
    db.prepare("INSERT INTO profile (no, id) VALUES (1, 'pbx-a')").run()
    const insert = db.prepare(`INSERT INTO cdr (id, ident_a, ident_b, start, answer, "end", clid, src, dst, dcontext, channel,
      dstchannel, lastapp, lastdata, duration, billsec, disposition, amaflags, accountcode, uniqueid, linkedid, userfield,
      sequence, recordingfile, cnam, cnum, did, source) VALUES (?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, 3, 3, ?, 'DOCUMENTATION', '', ?, NULL, '', NULL, NULL, ?, ?, NULL, 'ami')`)
    const base = 2 ** 45
    insert.run(
      base + 1_795_592_351 * 4096,
      11,
      12,
      1_795_592_351,
      1_795_592_354,
      '"Impatient Caller" <5551002>',
      '5551002',
      '200',
      'lab',
      'Local/200@lab-00000014;2',
      '',
      'Queue',
      'support,,,,600',
      'ANSWERED',
      'lab-1795592351.39',
      'Impatient Caller',
      '5551002',
    )
    insert.run(
      base + 1_795_592_400 * 4096,
      21,
      22,
      1_795_592_400,
      1_795_592_403,
      '"Lab" <101>',
      '101',
      '102',
      'from-internal',
      'PJSIP/101-00000001',
      'PJSIP/102-00000002',
      'Dial',
      'PJSIP/102',
      'ANSWERED',
      'lab-1795592400.1',
      'Lab',
      '101',
    )
    db.close()

    const store = await openCdrStore({ file: t.file })
    const rows = await allRows(store)
    expect(rows.map((r) => [r.uniqueid, r.direction, r.queue, r.missed])).toEqual([
      ['lab-1795592351.39', 'inbound', 'support', true],
      ['lab-1795592400.1', 'internal', null, false],
    ])
    expect((await store.search(P, 'impatient')).rows.map((r) => r.uniqueid)).toEqual(['lab-1795592351.39'])
    // The migrated database keeps taking new rows and still deduplicates them.
    const again = await store.ingest('pbx-a', [rec(1)], UTC)
    expect(again.inserted).toBe(1)
    expect((await store.ingest('pbx-a', [rec(1)], UTC)).inserted).toBe(0)
    await store.close()
    const check = new Database(t.file, { readonly: true })
    expect(check.pragma('user_version', { simple: true })).toBe(LATEST_VERSION)
    check.close()
    t.cleanup()
  })

  it('migrates a version-2 database with rows: duplicates still merge by the id range, FTS rebuilt', async () => {
    const t = tempDbFile()
    writeOldVersion(t.file, 2, [1, 2])

    const store = await openCdrStore({ file: t.file })
    expect((await allRows(store)).map((r) => r.uniqueid)).toEqual([rec(1).uniqueid, rec(2).uniqueid])
    expect((await store.search(P, 'caller 2')).rows.map((r) => r.uniqueid)).toEqual([rec(2).uniqueid])
    // Rows stored before the migration are still found by the re-keyed identity index.
    const again = await store.ingest('pbx-a', [rec(1), rec(2, { linkedid: 'lab-1.2' }), rec(3)], UTC)
    expect(again).toMatchObject({ inserted: 1, merged: 1, unchanged: 1 })
    expect((await allRows(store)).map((r) => [r.uniqueid, r.linkedid])).toEqual([
      [rec(1).uniqueid, null],
      [rec(2).uniqueid, 'lab-1.2'],
      [rec(3).uniqueid, null],
    ])
    await store.close()
    const check = new Database(t.file, { readonly: true })
    expect(check.pragma('user_version', { simple: true })).toBe(LATEST_VERSION)
    expect(check.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'cdr_ident'").pluck().get()).toBe(0)
    check.close()
    t.cleanup()
  })

  it('migrates a version-3 database with rows: identity index dropped, FTS rebuilt without sizes, search and merge work', async () => {
    const t = tempDbFile()
    writeOldVersion(t.file, 3, [1, 2, 3])

    const store = await openCdrStore({ file: t.file })
    expect((await allRows(store)).map((r) => r.uniqueid)).toEqual([rec(1).uniqueid, rec(2).uniqueid, rec(3).uniqueid])
    expect((await store.search(P, '+4930100003')).rows.map((r) => r.uniqueid)).toEqual([rec(3).uniqueid])
    // A copy of a stored CDR merges (did becomes searchable), a new one is added, an old one is unchanged.
    const again = await store.ingest('pbx-a', [rec(1), rec(2, { did: '4930555777' }), rec(4)], UTC)
    expect(again).toMatchObject({ inserted: 1, merged: 1, unchanged: 1 })
    expect((await store.search(P, '555777')).rows.map((r) => r.uniqueid)).toEqual([rec(2).uniqueid])
    // Retention removes rows from the rebuilt index too (the 'delete' is given the indexed text).
    expect(await store.cleanup({ olderThanDays: 0, now: Date.UTC(2026, 10, 24, 8, 0, 0) + 2 * 37_000 + 1000 })).toBe(2)
    expect((await store.search(P, '+4930100001')).rows).toHaveLength(0)
    expect((await store.search(P, 'caller')).rows.map((r) => r.uniqueid)).toEqual([rec(4).uniqueid, rec(3).uniqueid])
    await store.close()
    const check = new Database(t.file, { readonly: true })
    expect(check.pragma('user_version', { simple: true })).toBe(LATEST_VERSION)
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok')
    // The index itself (not the exact check behind it) lists exactly the remaining rows: the
    // deletes removed the old entries, the merge replaced rec(2)'s.
    const indexed = (needle: string): number[] =>
      check.prepare('SELECT rowid FROM cdr_fts WHERE cdr_fts MATCH ? ORDER BY rowid').pluck().all(needle) as number[]
    const ids = check.prepare('SELECT id FROM cdr ORDER BY id').pluck().all() as number[]
    expect(indexed('"cal"')).toEqual(ids)
    expect(indexed('"777"')).toHaveLength(0)
    check.close()
    const rw = new Database(t.file)
    expect(() => rw.exec("INSERT INTO cdr_fts (cdr_fts) VALUES ('integrity-check')")).not.toThrow()
    rw.close()
    t.cleanup()
  })

  it('refuses a database from a newer version instead of guessing', async () => {
    const t = tempDbFile()
    const db = new Database(t.file)
    db.pragma(`user_version = ${String(LATEST_VERSION + 1)}`)
    db.close()
    await expect(openCdrStore({ file: t.file })).rejects.toMatchObject({ code: 'open-failed' })
    t.cleanup()
  })
})

describe('ingest exactly once', () => {
  it('stores the same CDR twice (and within one batch) as one row', async () => {
    const store = await freshStore()
    const r1 = await store.ingest('pbx-a', [rec(1), rec(2), rec(1)], UTC)
    expect(r1).toMatchObject({ inserted: 2, unchanged: 1, merged: 0 })
    const r2 = await store.ingest('pbx-a', [rec(2), rec(1)], UTC)
    expect(r2).toMatchObject({ inserted: 0, unchanged: 2 })
    expect((await store.stats('pbx-a')).rows).toBe(2)
  })

  it('keeps exactly-once within a long batch whose rows are written several at a time', async () => {
    const store = await freshStore()
    // 60 new CDRs (written 16 per INSERT), with copies of rows still queued and of rows already
    // written, and other CDRs starting in the same second as a queued one (a second slot).
    const fresh = Array.from({ length: 60 }, (_, i) => rec(i))
    const sameSecond = (i: number): CdrRecord => rec(i, { uniqueid: `other-${String(i)}`, channel: `PJSIP/200-${String(i)}` })
    const batch = [
      ...fresh.slice(0, 20),
      rec(3),
      rec(19),
      sameSecond(18),
      ...fresh.slice(20, 50),
      rec(5),
      sameSecond(47),
      rec(47),
      ...fresh.slice(50),
    ]
    expect(await store.ingest('pbx-a', batch, UTC)).toMatchObject({ inserted: 62, unchanged: 4, merged: 0 })
    const rows = await allRows(store)
    expect(rows).toHaveLength(62)
    expect(new Set(rows.map((r) => r.id)).size).toBe(62)
    expect(
      rows
        .filter((r) => r.uniqueid.startsWith('other-'))
        .map((r) => r.uniqueid)
        .sort(),
    ).toEqual(['other-18', 'other-47'])
    // Every row is in the search index exactly once.
    for (const i of [0, 15, 16, 17, 47, 59]) expect((await store.search(P, `+4930${String(100000 + i)}`)).rows).toHaveLength(i === 47 ? 2 : 1)
    expect(await store.ingest('pbx-a', batch, UTC)).toMatchObject({ inserted: 0, unchanged: batch.length })
  })

  it("merges the AMI copy and the FreePBX backfill copy of a CDR into one row with both sources' fields", async () => {
    const store = await freshStore()
    const ami = cdrFromAmiFields({
      UniqueID: 'console-0001-with-a-very-long-channel-id-beyond-32',
      StartTime: '2026-11-25 07:37:49',
      AnswerTime: '2026-11-25 07:37:49',
      EndTime: '2026-11-25 07:37:50',
      CallerID: '"Lab chid-call" <300>',
      Source: '300',
      Destination: '300',
      DestinationContext: 'lab',
      Channel: 'Local/101@lab-00000002;1',
      DestinationChannel: 'Local/100@lab-00000003;1',
      LastApplication: 'Dial',
      LastData: 'Local/100@lab,30,tT',
      Duration: '1',
      BillableSeconds: '1',
      Disposition: 'ANSWERED',
      AMAFlags: 'DOCUMENTATION',
    })
    // FreePBX's asteriskcdrdb keeps uniqueid as varchar(32); the PBX is in Berlin, so is calldate.
    const backfill = cdrFromFreepbx({
      uniqueid: 'console-0001-with-a-very-long-channel-id-beyond-32'.slice(0, 32),
      calldate: '2026-11-25 07:37:49',
      clid: '"Lab chid-call" <300>',
      src: '300',
      dst: '300',
      dcontext: 'lab',
      channel: 'Local/101@lab-00000002;1',
      dstchannel: 'Local/100@lab-00000003;1',
      lastapp: 'Dial',
      lastdata: 'Local/100@lab,30,tT',
      duration: 1,
      billsec: 1,
      disposition: 'ANSWERED',
      amaflags: 3,
      linkedid: 'console-0001',
      sequence: 12,
      recordingfile: 'out-300.wav',
      did: '',
      cnum: '300',
      cnam: 'Lab chid-call',
    })
    const berlin = { timeZone: 'Europe/Berlin' }
    expect((await store.ingest('pbx-a', [ami], berlin)).inserted).toBe(1)
    expect(await store.ingest('pbx-a', [backfill], berlin)).toMatchObject({ inserted: 0, merged: 1 })
    expect(await store.ingest('pbx-a', [backfill, ami], berlin)).toMatchObject({ inserted: 0, merged: 0, unchanged: 2 })
    const rows = await allRows(store)
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({
      start: Date.UTC(2026, 10, 25, 6, 37, 49),
      answer: Date.UTC(2026, 10, 25, 6, 37, 49),
      linkedid: 'console-0001',
      sequence: 12,
      recordingfile: 'out-300.wav',
      uniqueid: 'console-0001-with-a-very-long-channel-id-beyond-32',
    })
  })

  it('keeps CDRs apart that share uniqueid, and survives a sequence restart', async () => {
    const store = await freshStore()
    // One channel, three CDRs (atxfer-cancel), then the same ChannelId reused after an
    // Asterisk restart with sequence starting again from 0.
    const legs: CdrRecord[] = [
      rec(0, { uniqueid: 'console-0001', sequence: 0, start: '2026-11-25 07:38:34', dstchannel: 'Local/101@lab-0000000f;1', duration: 1 }),
      rec(0, { uniqueid: 'console-0001', sequence: 1, start: '2026-11-25 07:38:35', dstchannel: 'Local/105@lab-00000010;1', duration: 2 }),
      rec(0, { uniqueid: 'console-0001', sequence: 2, start: '2026-11-25 07:38:37', dstchannel: 'Local/101@lab-0000000f;1', duration: 5 }),
      rec(0, { uniqueid: 'console-0001', sequence: 0, start: '2026-11-26 09:00:00', dstchannel: 'Local/101@lab-0000000f;1', duration: 1 }),
    ]
    expect((await store.ingest('pbx-a', legs, UTC)).inserted).toBe(4)
    expect((await store.ingest('pbx-a', legs, UTC)).inserted).toBe(0)
  })

  it('keeps profiles apart and rejects malformed records alone', async () => {
    const store = await freshStore()
    await store.ingest('pbx-a', [rec(1)], UTC)
    await store.ingest('pbx-b', [rec(1)], UTC)
    const res = await store.ingest(
      'pbx-a',
      [rec(2), { ...rec(3), start: 'not a time' }, { ...rec(4), uniqueid: '' }, { ...rec(5), duration: -1 }],
      UTC,
    )
    expect(res.inserted).toBe(1)
    expect(res.rejected.map((r) => r.index)).toEqual([1, 2, 3])
    expect((await store.stats('pbx-a')).rows).toBe(2)
    expect((await store.stats('pbx-b')).rows).toBe(1)
    expect((await store.query({ profileId: 'pbx-b' })).rows.every((r) => r.profileId === 'pbx-b')).toBe(true)
  })

  it('rejects a bad filter with a readable error instead of running SQL', async () => {
    const store = await freshStore()
    await expect(store.query({ profileId: 'pbx-a', direction: ['sideways' as 'inbound'] })).rejects.toMatchObject({ code: 'invalid-argument' })
    await expect(store.query(P, { cursor: 'd:1:2' })).rejects.toMatchObject({ code: 'invalid-argument' })
    await expect(store.ingest('pbx-a', [rec(1)], { timeZone: 'Mars/Olympus' })).rejects.toMatchObject({ code: 'invalid-argument' })
  })
})

describe('real capture Cdr events', () => {
  it('ingests every Cdr event of every capture once, with UTC instants and derived fields', async () => {
    const store = await freshStore()
    const records = captureFiles().flatMap((f) => cdrEventsOf(f).map((e) => cdrFromAmiFields(Object.fromEntries(e))))
    // The lab runs in UTC: its Uniqueids carry the channel's creation epoch.
    const res = await store.ingest('lab', records, { timeZone: 'UTC', direction: { internalPattern: '^[0-9]{3}$' } })
    expect(res.rejected).toEqual([])
    // The captures were recorded on fresh instances; every Cdr event is its own CDR.
    expect(res.inserted).toBe(records.length)
    expect((await store.ingest('lab', records, UTC)).inserted).toBe(0)

    const lab = { profileId: 'lab' }
    const first = (await store.query({ ...lab, text: 'Lab orig-1' }, { order: 'asc' })).rows
    expect(first.map((r) => r.uniqueid)).toEqual(['lab-1795552383.0', 'lab-1795552383.3', 'lab-1795552383.1'])
    expect(first[0]?.start).toBe(1_795_552_383_000)

    const abandoned = (await store.query({ ...lab, queue: 'support', outcome: 'missed' })).rows
    expect(abandoned.map((r) => r.uniqueid)).toContain('lab-1795592351.39')

    const zoe = (await store.search(lab, 'ÅNGSTRÖM 東京')).rows
    expect(zoe.length).toBeGreaterThan(0)
    expect(zoe.every((r) => r.cnam.includes('Ångström'))).toBe(true)

    // Same uniqueid, three CDRs (atxfer-cancel): three rows.
    expect((await store.query({ ...lab, text: '' }, { limit: 1000 })).rows.filter((r) => r.uniqueid === 'lab-1795592314.26')).toHaveLength(3)
    const iax = (await store.query({ ...lab, extension: 'peer' })).rows
    expect(iax.length).toBeGreaterThan(0)
  })
})

describe('CSV export', () => {
  it('streams the filter to a writable, and the file parses back to the stored values', async () => {
    const store = await freshStore()
    const nasty = ['=HYPERLINK("http://x","y")', '+4930 123', '-1', '@SUM(A1)', '\tTab', 'Comma, "quoted"\nnewline', 'Zoë 東京 🎧', "'apostrophe"]
    const records = nasty.map((n, i) => rec(i, { clid: `"${n.replaceAll('"', '')}" <${String(100 + i)}>`, cnam: n, userfield: n, lastdata: n }))
    await store.ingest('pbx-a', [...records, ...Array.from({ length: 2500 }, (_, i) => rec(100 + i))], UTC)
    const sink = new PassThrough()
    const parts: Buffer[] = []
    sink.on('data', (b: Buffer) => parts.push(b))
    const { rows } = await store.exportCsvTo(P, sink, { timeZone: 'Europe/Berlin', pageSize: 700 })
    expect(rows).toBe(2508)
    const text = Buffer.concat(parts).toString('utf8')
    expect(text.startsWith('\uFEFF')).toBe(true)
    const parsed = parse<Record<string, string>>(text, { bom: true, columns: true })
    expect(Object.keys(parsed[0] ?? {})).toEqual([...CSV_HEADER])
    expect(parsed).toHaveLength(2508)
    const stored = await allRows(store)
    for (let i = 0; i < stored.length; i++) {
      const s = stored[i]
      const p = parsed[i]
      if (!s || !p) throw new Error('row count mismatch')
      expect(restoreFormula(p.cnam ?? '')).toBe(s.cnam)
      expect(restoreFormula(p.userfield ?? '')).toBe(s.userfield)
      expect(restoreFormula(p.lastdata ?? '')).toBe(s.lastdata)
      expect(p.uniqueid).toBe(s.uniqueid)
      expect(p.start_utc).toBe(new Date(s.start).toISOString())
      for (const v of Object.values(p)) expect(/^[=+\-@\t\r]/.test(v)).toBe(false)
    }
    // Nov 24, 08:00 UTC is 09:00 in Berlin.
    expect(parsed[0]?.start_local).toBe('2026-11-24 09:00:00')
  })

  it('yields chunks through the async iterator for a filtered export', async () => {
    const store = await freshStore()
    await store.ingest(
      'pbx-a',
      Array.from({ length: 50 }, (_, i) => rec(i)),
      UTC,
    )
    let text = ''
    for await (const chunk of store.exportCsv({ ...P, extension: '101' }, { timeZone: 'UTC', pageSize: 3, bom: false })) text += chunk
    const parsed = parse<Record<string, string>>(text, { columns: true })
    expect(parsed).toHaveLength(10)
    expect(parsed.every((r) => r.dst === '101')).toBe(true)
  })
})

describe('retention and lifecycle', () => {
  it('deletes rows older than the retention, from the table and the search index', async () => {
    const store = await freshStore()
    await store.ingest(
      'pbx-a',
      Array.from({ length: 300 }, (_, i) => rec(i)),
      UTC,
    )
    await store.ingest('pbx-b', [rec(0)], UTC)
    const cut = Date.UTC(2026, 10, 24, 8, 0, 0) + 100 * 37_000
    const deleted = await store.cleanup({ profileId: 'pbx-a', olderThanDays: 1, now: cut + 86_400_000 })
    expect(deleted).toBe(100)
    const rows = await allRows(store)
    expect(rows).toHaveLength(200)
    expect(rows.every((r) => r.start >= cut)).toBe(true)
    expect((await store.search(P, '+4930100005')).rows).toHaveLength(0)
    expect((await store.search(P, '+4930100150')).rows).toHaveLength(1)
    expect((await store.stats('pbx-b')).rows).toBe(1)
    // Re-ingesting after cleanup stores the rows again (retention is not a tombstone).
    expect((await store.ingest('pbx-a', [rec(5)], UTC)).inserted).toBe(1)
  })

  it('rejects calls after close', async () => {
    const t = tempDbFile()
    const store = await openCdrStore({ file: t.file })
    await store.close()
    await expect(store.query(P)).rejects.toMatchObject({ code: 'closed' })
    expect(fs.existsSync(t.file)).toBe(true)
    t.cleanup()
  })
})
