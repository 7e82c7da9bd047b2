// Issue 15 item 3 (history): waiting is not talking. FreePBX and the lab answer a caller before
// Queue() (and IVRs), so billsec counts the time in the queue. The store derives wait and talk per
// leg, completes a queue leg from its Local member's leg in whichever order they arrive, counts a
// queue call nobody answered as missed, exports both, and computes them for caches of version 4.
import Database from 'better-sqlite3'
import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { cdrFromAmiFields, cdrFromFreepbx, openCdrStore, type CdrRecord, type CdrRow, type CdrStore } from '../../../src-main/core/cdr/index'
import { compileDirectionRule } from '../../../src-main/core/cdr/derive'
import { LATEST_VERSION } from '../../../src-main/core/cdr/migrations'
import { normalizeCdr } from '../../../src-main/core/cdr/normalize'
import { cdrEventsOf } from '../../unit/cdr/capture-cdrs'
import { freshStores, tempDbFile, writeOldCache } from './helpers'

const freshStore = freshStores()

const UTC = { timeZone: 'UTC' }
const capture = (file: string): CdrRecord[] => cdrEventsOf(file).map((e) => cdrFromAmiFields(Object.fromEntries(e)))

async function rowsOf(store: CdrStore, profileId: string, outcome?: 'answered' | 'missed'): Promise<CdrRow[]> {
  return (await store.query({ profileId, ...(outcome === undefined ? {} : { outcome }) }, { limit: 1000, order: 'asc' })).rows
}
const byChannel = (rows: CdrRow[], channel: string): CdrRow => {
  const r = rows.find((x) => x.channel === channel)
  if (r === undefined) throw new Error(`no row for ${channel}`)
  return r
}

/** FreePBX's CDR API rows (no answer column) for a queue call: caller on a trunk, member via Local. */
function freepbxQueueCall(opts: { answered: boolean }): CdrRecord[] {
  const caller = {
    uniqueid: '1795600000.101',
    calldate: '2026-11-26 10:00:00',
    clid: '"Müller" <+4930123456>',
    src: '+4930123456',
    dst: '400',
    dcontext: 'ext-queues',
    channel: 'PJSIP/trunk-00000101',
    dstchannel: opts.answered ? 'Local/101@from-queue-0000002a;1' : '',
    lastapp: 'Queue',
    lastdata: '400,t,,,300',
    duration: 180,
    billsec: 180,
    disposition: 'ANSWERED',
    linkedid: '1795600000.101',
    sequence: 7,
  }
  if (!opts.answered) return [cdrFromFreepbx(caller)]
  // The queue rang 101 at 10:00:02; the agent picked up at 10:02:55 and the call ended at 10:03:00.
  const member = {
    uniqueid: '1795600002.103',
    calldate: '2026-11-26 10:00:02',
    clid: '"Müller" <+4930123456>',
    src: '+4930123456',
    dst: '101',
    dcontext: 'from-queue',
    channel: 'Local/101@from-queue-0000002a;2',
    dstchannel: 'PJSIP/101-00000104',
    lastapp: 'Dial',
    lastdata: 'PJSIP/101,,HhTtr',
    duration: 178,
    billsec: 5,
    disposition: 'ANSWERED',
    linkedid: '1795600000.101',
    sequence: 8,
  }
  return [cdrFromFreepbx(caller), cdrFromFreepbx(member)]
}

describe('wait and talk in the call history', () => {
  it('queue.raw: the caller waited 2 s (answered by the PBX for Queue) and talked 2 s, in either arrival order', async () => {
    const store = await freshStore()
    const events = capture('queue.raw')
    await store.ingest('in-order', events, UTC)
    // Member first, then the caller (a backfill page can bring them this way round), in two batches.
    await store.ingest('reversed', events.slice(2), UTC)
    await store.ingest('reversed', events.slice(0, 2), UTC)
    for (const profileId of ['in-order', 'reversed']) {
      const rows = await rowsOf(store, profileId)
      const queued = byChannel(rows, 'Local/200@lab-00000008;2')
      expect(queued).toMatchObject({ lastapp: 'Queue', billsec: 4, wait: 2, talk: 2, missed: false })
      // The member's own leg: answered at once, talked 2 s.
      expect(byChannel(rows, 'Local/103@lab-00000009;2')).toMatchObject({ wait: 0, talk: 2, missed: false })
    }
  })

  it('queue-abandon.raw: ANSWERED by the queue, nobody picked up: all wait, no talk, and the missed filter finds it', async () => {
    const store = await freshStore()
    await store.ingest('lab', capture('queue-abandon.raw'), UTC)
    const abandoned = byChannel(await rowsOf(store, 'lab'), 'Local/200@lab-00000014;2')
    expect(abandoned).toMatchObject({ disposition: 'ANSWERED', billsec: 3, wait: 3, talk: 0, missed: true })
    expect((await rowsOf(store, 'lab', 'missed')).map((r) => r.channel)).toContain('Local/200@lab-00000014;2')
    expect((await rowsOf(store, 'lab', 'answered')).map((r) => r.channel)).not.toContain('Local/200@lab-00000014;2')
    // The chart counts it as missed too.
    const buckets = await store.aggregate({ profileId: 'lab' }, { bucket: 'day', timeZone: 'UTC' })
    expect(buckets.reduce((n, b) => n + b.missed, 0)).toBe(1)
  })

  it("call-two-party.raw: a Dial bridged to a Local phone leg talks from that leg's answer", async () => {
    const store = await freshStore()
    await store.ingest('lab', capture('call-two-party.raw'), UTC)
    expect(byChannel(await rowsOf(store, 'lab'), 'Local/101@lab-00000000;1')).toMatchObject({ lastapp: 'Dial', wait: 0, talk: 1, missed: false })
  })

  it('FreePBX backfill rows (no answer column): 2:55 in the queue is wait, not "Talk 2:55"; abandoned → missed', async () => {
    const store = await freshStore()
    await store.ingest('answered', freepbxQueueCall({ answered: true }), UTC)
    const caller = byChannel(await rowsOf(store, 'answered'), 'PJSIP/trunk-00000101')
    expect(caller).toMatchObject({ billsec: 180, wait: 175, talk: 5, missed: false })
    await store.ingest('abandoned', freepbxQueueCall({ answered: false }), UTC)
    const abandoned = byChannel(await rowsOf(store, 'abandoned'), 'PJSIP/trunk-00000101')
    expect(abandoned).toMatchObject({ disposition: 'ANSWERED', billsec: 180, wait: 180, talk: 0, missed: true })
    expect((await rowsOf(store, 'abandoned', 'missed')).map((r) => r.uniqueid)).toEqual(['1795600000.101'])
  })

  it('a queue leg whose Local member never answered has no talk and is missed; with the member unknown, talk is unknown', async () => {
    const store = await freshStore()
    const [caller, member] = freepbxQueueCall({ answered: true })
    if (caller === undefined || member === undefined) throw new Error('fixture')
    await store.ingest('lone', [caller], UTC)
    expect(byChannel(await rowsOf(store, 'lone'), 'PJSIP/trunk-00000101')).toMatchObject({ wait: 0, talk: null, missed: false })
    await store.ingest('lone', [{ ...member, disposition: 'NO ANSWER', billsec: 0 }], UTC)
    expect(byChannel(await rowsOf(store, 'lone'), 'PJSIP/trunk-00000101')).toMatchObject({ wait: 180, talk: 0, missed: true })
  })

  it('a Local channel number reused later (Asterisk restarted) is not taken for the member', async () => {
    const store = await freshStore()
    const [caller, member] = freepbxQueueCall({ answered: true })
    if (caller === undefined || member === undefined) throw new Error('fixture')
    await store.ingest('p', [caller, { ...member, uniqueid: '1795700000.1', start: '2026-11-27 09:00:00' }], UTC)
    expect(byChannel(await rowsOf(store, 'p'), 'PJSIP/trunk-00000101')).toMatchObject({ talk: null, missed: false })
  })

  it('CSV export carries wait and talk (talk empty when unknown)', async () => {
    const store = await freshStore()
    await store.ingest('lab', capture('queue-abandon.raw'), UTC)
    const [lone] = freepbxQueueCall({ answered: true })
    if (lone === undefined) throw new Error('fixture')
    await store.ingest('lab', [lone], UTC)
    let text = ''
    for await (const chunk of store.exportCsv({ profileId: 'lab' }, { timeZone: 'UTC' })) text += chunk
    const table: string[][] = parse(text.replace(/^\uFEFF/, ''))
    const [header, ...lines] = table
    const col = (name: string): number => header?.indexOf(name) ?? -1
    expect(col('wait')).toBeGreaterThan(col('billsec'))
    expect(col('talk')).toBe(col('wait') + 1)
    const row = (channel: string): string[] => lines.find((l) => l[col('channel')] === channel) ?? []
    expect([
      row('Local/200@lab-00000014;2')[col('billsec')],
      row('Local/200@lab-00000014;2')[col('wait')],
      row('Local/200@lab-00000014;2')[col('talk')],
    ]).toEqual(['3', '3', '0'])
    expect(row('PJSIP/trunk-00000101')[col('talk')]).toBe('')
  })

  it('a version-4 cache opens with wait, talk and missed computed for its rows, queue legs paired', async () => {
    const t = tempDbFile()
    const rule = compileDirectionRule(undefined)
    const slots = new Map<number, number>()
    const old = [...capture('queue.raw'), ...capture('queue-abandon.raw')].map((r) => {
      const n = normalizeCdr('lab', r, 'UTC', rule)
      const slot = slots.get(n.start) ?? 0
      slots.set(n.start, slot + 1)
      // Version 4 derived missed from the leg alone, the way it did then.
      return { id: 2 ** 45 + n.start * 4096 + slot, n, missed: n.disposition !== 'ANSWERED' || (n.lastapp === 'Queue' && n.dstchannel === '') }
    })
    writeOldCache(t.file, 4, 'lab', old)

    const store = await openCdrStore({ file: t.file })
    const rows = await rowsOf(store, 'lab')
    expect(rows).toHaveLength(5)
    expect(byChannel(rows, 'Local/200@lab-00000008;2')).toMatchObject({ wait: 2, talk: 2, missed: false })
    expect(byChannel(rows, 'Local/200@lab-00000014;2')).toMatchObject({ wait: 3, talk: 0, missed: true })
    // Still searchable, and new rows pair with old ones.
    expect((await store.search({ profileId: 'lab' }, '5551002')).rows.length).toBeGreaterThan(0)
    await store.close()
    const check = new Database(t.file, { readonly: true })
    expect(check.pragma('user_version', { simple: true })).toBe(LATEST_VERSION)
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok')
    // The pairing lookups use the partial Local-channel indexes, not a scan of the call's time range.
    const plan = (sql: string): string => (check.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((p) => p.detail).join(' | ')
    expect(plan("SELECT id FROM cdr WHERE dstchannel = 'Local/x;1' AND dstchannel LIKE 'Local/%' AND id >= 0 AND id < 99")).toMatch(/cdr_local_dst/)
    expect(plan("SELECT id FROM cdr WHERE channel = 'Local/x;2' AND channel LIKE 'Local/%' AND id >= 0 AND id < 99")).toMatch(/cdr_local_chan/)
    check.close()
    t.cleanup()
  })
})
