// The queue events beside the CDRs (migration 6): ingest from the real captures, exactly once
// across replays, a restart and a queue_log import of the same calls, and the report's arithmetic.
import { describe, expect, it } from 'vitest'
import { openCdrStore } from '../../../src-main/core/cdr/index'
import { QueueCallTracker, queueEventFromAmi, type QueueEvent } from '../../../src-main/core/reports/queue-event'
import { parseQueueLogLine } from '../../../src-main/core/reports/queue-log'
import type { ReportQuery } from '../../../src-main/core/reports/queue-event-db'
import { readCapture } from '../../support/captures'
import { freshStores, tempDbFile } from '../cdr/helpers'

const freshStore = freshStores()
const P = 'pbx-a'
const T0 = Date.UTC(2026, 11, 1, 9, 0, 0)

/** Each queue event of a capture, stamped one second apart from `start` (the captures have no Timestamp). */
function captureEvents(name: string, start: number): QueueEvent[] {
  const text = new TextDecoder().decode(readCapture(name))
  const tracker = new QueueCallTracker()
  const out: QueueEvent[] = []
  let i = 0
  for (const block of text.split('\r\n\r\n')) {
    const fields: Record<string, string> = {}
    for (const line of block.split('\r\n')) {
      const c = line.indexOf(':')
      if (c > 0) fields[line.slice(0, c)] ??= line.slice(c + 1).replace(/^ /, '')
    }
    const e = queueEventFromAmi(fields, start + i * 1000)
    if (e !== undefined) {
      out.push(tracker.fill(e))
      i++
    }
  }
  return out
}

const ev = (over: Partial<QueueEvent> & Pick<QueueEvent, 'at' | 'kind'>): QueueEvent => ({
  queue: 'support',
  callid: '',
  agent: '',
  iface: '',
  reason: '',
  caller: '',
  source: 'ami',
  ...over,
})

const query = (over: Partial<ReportQuery> = {}): ReportQuery => ({
  profileId: P,
  from: T0 - 3600_000,
  to: T0 + 86_400_000,
  queues: [],
  agents: [],
  bucket: 'hour',
  timeZone: 'UTC',
  now: T0 + 86_400_000,
  ...over,
})

describe('queue events from the captures', () => {
  it('reads queue.raw and queue-abandon.raw as Asterisk sent them: one answered call, one abandoned after 3 s, a pause with its reason', async () => {
    const store = await freshStore()
    const answered = captureEvents('queue', T0)
    const abandoned = captureEvents('queue-abandon', T0 + 600_000)
    expect(answered.map((e) => e.kind)).toEqual(
      expect.arrayContaining(['pause', 'join', 'added', 'called', 'leave', 'connect', 'removed', 'complete', 'unpause']),
    )
    // AgentComplete came without a Uniqueid (the caller was gone): its caller is the one AgentConnect named.
    const complete = answered.find((e) => e.kind === 'complete')
    expect(complete?.callid).toBe('lab-1795552411.17')
    expect(complete).toMatchObject({ wait: 2, talk: 2, reason: 'caller', agent: 'Agent 103', iface: 'Local/103@lab/n' })
    await store.ingestQueueEvents(P, [...answered, ...abandoned])
    await store.saveQueueThresholds(P, [{ queue: 'support', seconds: 60 }], T0)
    const r = await store.queueReport(query())
    expect(r.queues).toHaveLength(1)
    expect(r.queues[0]).toMatchObject({
      queue: 'support',
      offered: 2,
      answered: 1,
      abandoned: 1,
      unansweredOther: 0,
      serviceLevelS: 60,
      answeredInSl: 1,
      serviceLevelPct: 100,
      serviceLevelOfferedPct: 50,
      avgWaitS: 2,
      longestWaitS: 3,
      avgTalkS: 2,
    })
    expect(r.queues[0]?.abandonedAfter).toEqual([1, 0, 0, 0, 0, 0])
    const agent103 = r.agents.find((a) => a.agent === 'Agent 103')
    expect(agent103).toMatchObject({ rung: 1, answered: 1, completed: 1, talkS: 2, iface: 'Local/103@lab/n' })
    const agent101 = r.agents.find((a) => a.agent === 'Agent 101')
    expect(agent101?.pauseByReason.map((p) => p.reason)).toEqual(expect.arrayContaining(['lab-break', 'lunch']))
  })
})

describe('exactly once', () => {
  it('a replayed batch, a restart and a queue_log import of the same calls add nothing', async () => {
    const t = tempDbFile()
    try {
      const events = [...captureEvents('queue', T0), ...captureEvents('queue-abandon', T0 + 600_000)]
      let store = await openCdrStore({ file: t.file })
      const first = await store.ingestQueueEvents(P, events)
      expect(first).toMatchObject({ inserted: events.length, duplicates: 0, rejected: [] })
      const before = await store.queueReport(query())
      expect((await store.ingestQueueEvents(P, events)).duplicates).toBe(events.length)
      await store.close()
      // The console restarts: the same events again (a reconnect that replayed, a second window's runtime).
      store = await openCdrStore({ file: t.file })
      expect(await store.ingestQueueEvents(P, events)).toMatchObject({ inserted: 0, duplicates: events.length })
      // The PBX's queue_log of the same calls, stamped by the PBX's clock up to 3 s off the console's.
      const s = (ms: number): string => String(Math.floor(ms / 1000))
      const log = [
        `${s(T0 + 3000)}|lab-1795552411.17|support|NONE|ENTERQUEUE||5551001|1`,
        `${s(T0 + 8000)}|lab-1795552411.17|support|Agent 103|CONNECT|2|lab-1795552413.18|0`,
        `${s(T0 + 12_000)}|lab-1795552411.17|support|Agent 103|COMPLETECALLER|2|2|1`,
        `${s(T0 + 600_000 + 2000)}|lab-1795592351.39|support|NONE|ABANDON|1|1|3`,
      ]
      const parsed = log.map((l) => parseQueueLogLine(l, 'UTC')).map((p) => (p.kind === 'event' ? p.event : undefined))
      expect(parsed.every((p) => p !== undefined)).toBe(true)
      const imported = await store.ingestQueueEvents(P, parsed as QueueEvent[])
      expect(imported).toMatchObject({ inserted: 0, duplicates: 4 })
      const after = await store.queueReport(query())
      expect(after.queues).toEqual(before.queues)
      expect(after.agents).toEqual(before.agents)
      await store.close()
    } finally {
      t.cleanup()
    }
  })

  it('a second call of the same caller minutes later, and a member rung again, are new events', async () => {
    const store = await freshStore()
    const join1 = ev({ at: T0, kind: 'join', callid: 'c1' })
    const rna1 = ev({ at: T0 + 15_000, kind: 'ringnoanswer', callid: 'c1', agent: 'Eva', ring: 15 })
    const rna2 = ev({ at: T0 + 35_000, kind: 'ringnoanswer', callid: 'c1', agent: 'Eva', ring: 15 })
    const join2 = ev({ at: T0 + 300_000, kind: 'join', callid: 'c1' })
    expect(await store.ingestQueueEvents(P, [join1, rna1, rna2, join2])).toMatchObject({ inserted: 4, duplicates: 0 })
    // Another caller joining in the same second is another event too.
    expect(await store.ingestQueueEvents(P, [ev({ at: T0, kind: 'join', callid: 'c2' })])).toMatchObject({ inserted: 1 })
    const r = await store.queueReport(query())
    expect(r.queues[0]?.offered).toBe(3)
    expect(r.agents[0]).toMatchObject({ agent: 'Eva', ringNoAnswer: 2 })
  })

  it('a malformed event is rejected alone; the rest of the batch is kept', async () => {
    const store = await freshStore()
    const bad = { ...ev({ at: T0, kind: 'join', callid: 'x' }), queue: 'q'.repeat(300) }
    const r = await store.ingestQueueEvents(P, [ev({ at: T0, kind: 'join', callid: 'a' }), bad, ev({ at: T0 + 1000, kind: 'join', callid: 'b' })])
    expect(r.inserted).toBe(2)
    expect(r.rejected.map((x) => x.index)).toEqual([1])
  })
})

describe('the report', () => {
  it('service level against each queue’s own threshold, "none" where the queue has none, abandon buckets and waits', async () => {
    const store = await freshStore()
    const events: QueueEvent[] = []
    const call = (queue: string, n: number, at: number, wait: number, outcome: 'connect' | 'abandon' | 'exit', talk = 60): void => {
      const callid = `${queue}-${String(n)}`
      events.push(ev({ queue, at, kind: 'join', callid }))
      if (outcome === 'connect') {
        events.push(ev({ queue, at: at + wait * 1000, kind: 'connect', callid, agent: 'Eva', wait }))
        events.push(ev({ queue, at: at + (wait + talk) * 1000, kind: 'complete', callid, agent: 'Eva', wait, talk }))
      } else events.push(ev({ queue, at: at + wait * 1000, kind: outcome, callid, wait }))
    }
    call('support', 1, T0, 5, 'connect')
    call('support', 2, T0 + 60_000, 15, 'connect', 120)
    call('support', 3, T0 + 120_000, 25, 'connect')
    call('support', 4, T0 + 180_000, 8, 'abandon')
    call('support', 5, T0 + 240_000, 45, 'abandon')
    call('support', 6, T0 + 300_000, 400, 'abandon')
    call('support', 7, T0 + 3_600_000, 300, 'exit')
    call('sales', 1, T0, 50, 'connect')
    await store.ingestQueueEvents(P, events)
    await store.saveQueueThresholds(P, [{ queue: 'support', seconds: 20 }], T0)
    const r = await store.queueReport(query())
    const support = r.queues.find((q) => q.queue === 'support')
    expect(support).toMatchObject({
      offered: 7,
      answered: 3,
      abandoned: 3,
      unansweredOther: 1,
      answeredInSl: 2,
      serviceLevelPct: 66.7,
      serviceLevelOfferedPct: 28.6,
      avgWaitS: 15,
      longestWaitS: 400,
      avgTalkS: 80,
    })
    // ≤10, ≤30, ≤60, ≤120, ≤300, longer.
    expect(support?.abandonedAfter).toEqual([1, 0, 1, 0, 0, 1])
    const sales = r.queues.find((q) => q.queue === 'sales')
    expect(sales).toMatchObject({ serviceLevelS: null, serviceLevelPct: null, answered: 1 })
    // All queues: the service level over the queues that have one only.
    expect(r.total).toMatchObject({ offered: 8, answered: 4, serviceLevelPct: 66.7, avgWaitS: 24, longestWaitS: 400 })
    // By hour: 6 callers in the first hour, 1 in the next; the chosen queue only.
    const hours = await store.queueReport(query({ queues: ['support'] }))
    expect(hours.buckets.map((b) => [b.label, b.offered, b.answered, b.abandoned])).toEqual([
      ['2026-12-01 09:00', 6, 3, 3],
      ['2026-12-01 10:00', 1, 0, 0],
    ])
    expect(hours.buckets[0]?.serviceLevelPct).toBe(66.7)
    // A queue chosen and quiet still has its row.
    const quiet = await store.queueReport(query({ queues: ['billing'] }))
    expect(quiet.queues).toEqual([expect.objectContaining({ queue: 'billing', offered: 0, serviceLevelPct: null })])
  })

  it('buckets are the PBX’s local days', async () => {
    const store = await freshStore()
    // 23:30 UTC on 1 Dec is 00:30 on 2 Dec in Berlin.
    await store.ingestQueueEvents(P, [ev({ at: Date.UTC(2026, 11, 1, 23, 30), kind: 'join', callid: 'x' })])
    const r = await store.queueReport(
      query({ bucket: 'day', timeZone: 'Europe/Berlin', from: Date.UTC(2026, 10, 30, 23), to: Date.UTC(2026, 11, 2, 23) }),
    )
    expect(r.buckets.map((b) => [b.label, b.start])).toEqual([['2026-12-02', Date.UTC(2026, 11, 1, 23)]])
  })

  it('pause time by reason: clipped to the range, once for a member paused in all queues, still running until now', async () => {
    const store = await freshStore()
    const m = (at: number, kind: 'pause' | 'unpause' | 'removed', queue: string, reason = ''): QueueEvent =>
      ev({ at, kind, queue, agent: 'Eva', iface: 'PJSIP/105', reason })
    await store.ingestQueueEvents(P, [
      // Paused for lunch before the range starts (at T0): only the part inside counts.
      m(T0 - 1_800_000, 'pause', 'support', 'Lunch'),
      m(T0 + 600_000, 'unpause', 'support'),
      // Paused in both queues at once (QueuePause without Queue): 5 minutes, not 10.
      m(T0 + 3_600_000, 'pause', 'support', 'Training'),
      m(T0 + 3_600_000, 'pause', 'sales', 'Training'),
      m(T0 + 3_900_000, 'unpause', 'support'),
      m(T0 + 3_900_000, 'unpause', 'sales'),
      // Removed while paused: the pause ends there.
      m(T0 + 7_200_000, 'pause', 'sales', ''),
      m(T0 + 7_260_000, 'removed', 'sales'),
      // Still paused: counts until "now".
      m(T0 + 10_800_000, 'pause', 'support', 'Wrap-up'),
    ])
    const r = await store.queueReport(query({ from: T0, to: T0 + 86_400_000, now: T0 + 10_920_000 }))
    const eva = r.agents.find((a) => a.agent === 'Eva')
    expect(eva?.pauseByReason).toEqual([
      { reason: 'Lunch', seconds: 600 },
      { reason: 'Training', seconds: 300 },
      { reason: 'Wrap-up', seconds: 120 },
      { reason: '', seconds: 60 },
    ])
    expect(eva?.pausedS).toBe(1080)
    expect(eva?.iface).toBe('PJSIP/105')
    // One queue chosen: only its pauses.
    const sales = await store.queueReport(query({ from: T0, to: T0 + 86_400_000, now: T0 + 10_920_000, queues: ['sales'] }))
    expect(sales.agents.find((a) => a.agent === 'Eva')?.pausedS).toBe(360)
  })

  it('options list the queues and members seen, with the thresholds known', async () => {
    const store = await freshStore()
    await store.ingestQueueEvents(P, captureEvents('queue', T0))
    await store.saveQueueThresholds(
      P,
      [
        { queue: 'support', seconds: 60 },
        { queue: 'sales', seconds: 0 },
      ],
      T0,
    )
    const o = await store.queueReportOptions(P, 'Europe/Berlin')
    expect(o.queues).toEqual([
      { name: 'sales', serviceLevelS: null },
      { name: 'support', serviceLevelS: 60 },
    ])
    expect(o.agents.map((a) => a.name)).toEqual(['Agent 101', 'Agent 102', 'Agent 103'])
    expect(o.events).toBeGreaterThan(5)
    expect(o.storedFrom).toBe(T0)
  })
})
