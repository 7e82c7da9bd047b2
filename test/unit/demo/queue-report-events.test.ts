// The demo PBX's queues tell what the reports need, as app_queue does: members that ring out
// (AgentRingNoAnswer after the queue's member timeout, then rung again), and a demo day of random
// traffic leaves joins, answers, completions, abandons and ring-outs that make a report.
import { describe, expect, it } from 'vitest'
import { CdrDatabase } from '../../../src-main/core/cdr/db'
import { Scheduler } from '../../../src-main/core/demo/clock'
import { officeProfile } from '../../../src-main/core/demo/config/office'
import { PbxEngine, type PbxEvent } from '../../../src-main/core/demo/engine'
import { CallGenerator } from '../../../src-main/core/demo/generator'
import { Rng } from '../../../src-main/core/demo/rng'
import { QueueCallTracker, queueEventFromAmi, type QueueEvent } from '../../../src-main/core/reports/queue-event'
import { QueueEventDb } from '../../../src-main/core/reports/queue-event-db'

const START = Date.UTC(2026, 11, 1, 8)

function makeEngine(seed = 3): { engine: PbxEngine; events: PbxEvent[]; times: number[]; scheduler: Scheduler } {
  const scheduler = new Scheduler({ startMs: START, mode: 'manual' })
  const engine = new PbxEngine(officeProfile(), scheduler, new Rng(seed))
  const events: PbxEvent[] = []
  // When each event left the PBX: what the console's clock would stamp it with.
  const times: number[] = []
  engine.on((e) => {
    events.push(e)
    times.push(engine.now())
  })
  return { engine, events, times, scheduler }
}

const fieldsOf = (e: PbxEvent): Record<string, string> => {
  const out: Record<string, string> = { Event: e.name }
  for (const [k, v] of e.fields) out[k] ??= v
  return out
}

describe('demo queues for the reports', () => {
  it('members still ringing after 15 s ring out with AgentRingNoAnswer (caller, member, RingTime in ms) and are rung again', () => {
    const { engine, events, scheduler } = makeEngine()
    const caller = engine.inboundCall('trunk', '4930555000', '+4930111', 'Waiting Caller')
    scheduler.advance(500)
    const rung = events.filter((e) => e.name === 'AgentCalled').length
    expect(rung).toBeGreaterThan(0)
    scheduler.advance(15_000)
    const rna = events.filter((e) => e.name === 'AgentRingNoAnswer').map(fieldsOf)
    expect(rna).toHaveLength(rung)
    expect(rna[0]).toMatchObject({ Queue: 'support', Uniqueid: caller?.uniqueid, RingTime: expect.stringMatching(/^1[45]\d{3}$/) as unknown })
    expect(rna[0]?.DestUniqueid).toBeDefined()
    expect(rna[0]?.Interface).toMatch(/\S/)
    expect(rna[0]?.MemberName).toMatch(/\S/)
    expect(engine.ringingChannels()).toEqual([])
    // The queue's retry: the members ring again, and one answers.
    scheduler.advance(2500)
    expect(events.filter((e) => e.name === 'AgentCalled').length).toBe(rung * 2)
    engine.answer(engine.ringingChannels()[0]?.uniqueid ?? '')
    scheduler.advance(100)
    expect(events.filter((e) => e.name === 'AgentConnect')).toHaveLength(1)
    expect(events.filter((e) => e.name === 'AgentRingNoAnswer')).toHaveLength(rung)
  })

  it('a demo day of random traffic makes a report: offered, answered, abandoned, ring-outs, talk', () => {
    const { engine, events, times, scheduler } = makeEngine(11)
    const gen = new CallGenerator(engine, { ratePerMinute: 6 })
    gen.start()
    for (let i = 0; i < 4 * 3600; i++) scheduler.advance(1000)
    gen.stop()
    for (const ch of engine.channelList()) engine.softHangup(ch, 16)
    scheduler.advance(1000)
    expect(scheduler.errors).toEqual([])
    const tracker = new QueueCallTracker()
    const queueEvents: QueueEvent[] = []
    for (const [i, e] of events.entries()) {
      const q = queueEventFromAmi(fieldsOf(e), times[i] ?? START)
      if (q !== undefined) queueEvents.push(tracker.fill(q))
    }
    const cdb = new CdrDatabase(':memory:')
    const db = new QueueEventDb(cdb.db, (id, create) => cdb.profileNo(id, create))
    expect(db.ingest('demo', queueEvents)).toMatchObject({ rejected: [] })
    db.saveThresholds('demo', [{ queue: 'support', seconds: 20 }], START)
    const r = db.report({
      profileId: 'demo',
      from: START,
      to: START + 86_400_000,
      queues: [],
      agents: [],
      bucket: 'hour',
      timeZone: 'Europe/Berlin',
      now: START + 86_400_000,
    })
    const support = r.queues.find((q) => q.queue === 'support')
    expect(support?.offered).toBeGreaterThan(5)
    expect(support?.answered).toBeGreaterThan(0)
    expect(support?.abandoned).toBeGreaterThan(0)
    expect(support?.avgTalkS).toBeGreaterThan(0)
    expect(support?.serviceLevelPct).not.toBeNull()
    expect(r.agents.reduce((a, x) => a + x.ringNoAnswer, 0)).toBeGreaterThan(0)
    expect(r.buckets.length).toBeGreaterThanOrEqual(4)
    cdb.close()
  }, 60_000)
})
