import { describe, expect, it } from 'vitest'
import { Scheduler } from '../../../src-main/core/demo/clock'
import { PbxEngine, type PbxEvent } from '../../../src-main/core/demo/engine'
import { LoadGenerator, CallGenerator } from '../../../src-main/core/demo/generator'
import { officeProfile } from '../../../src-main/core/demo/config/office'
import { Rng } from '../../../src-main/core/demo/rng'

function makeEngine(seed = 1): { engine: PbxEngine; events: PbxEvent[]; scheduler: Scheduler } {
  const scheduler = new Scheduler({ startMs: Date.UTC(2026, 10, 24, 12), mode: 'manual' })
  const engine = new PbxEngine(officeProfile(), scheduler, new Rng(seed))
  const events: PbxEvent[] = []
  engine.on((e) => events.push(e))
  return { engine, events, scheduler }
}

const get = (e: PbxEvent, k: string): string | undefined => e.fields.find(([key]) => key === k)?.[1]

describe('demo PBX engine', () => {
  it('an inbound call to an extension rings, is answered, bridges, ends with Hangup for every Newchannel and a Cdr', () => {
    const { engine, events, scheduler } = makeEngine()
    const ch = engine.inboundCall('trunk', '4930555002', '+4989111222', 'Anna Außen')
    expect(ch?.name).toMatch(/^PJSIP\/trunk-[0-9a-f]{8}$/)
    scheduler.advance(1000)
    const ringing = engine.ringingChannels()
    expect(ringing.map((c) => c.device)).toEqual(['PJSIP/100'])
    expect(engine.deviceStates.get('PJSIP/100')).toBe('RINGING')
    engine.answer(ringing[0]?.uniqueid ?? '')
    expect(engine.bridges.size).toBe(1)
    expect(engine.deviceStates.get('PJSIP/100')).toBe('INUSE')
    scheduler.advance(60_000)
    engine.softHangup(ch ?? ringing[0]!, 16)
    scheduler.advance(10)
    const names = events.map((e) => e.name)
    expect(names.filter((n) => n === 'Newchannel').length).toBe(2)
    expect(names.filter((n) => n === 'Hangup').length).toBe(2)
    const cdr = events.filter((e) => e.name === 'Cdr')
    expect(cdr.length).toBe(1)
    expect(get(cdr[0]!, 'Disposition')).toBe('ANSWERED')
    expect(get(cdr[0]!, 'CallerID')).toBe('"Anna Außen" <+4989111222>')
    expect(get(cdr[0]!, 'BillableSeconds')).toBe('60')
    expect(engine.channels.size).toBe(0)
    expect(engine.bridges.size).toBe(0)
  })

  it('a transferred channel produces two Cdr events with the same UniqueID', () => {
    const { engine, events, scheduler } = makeEngine()
    const caller = engine.inboundCall('trunk', '4930555002', '+4930999', 'Caller')!
    scheduler.advance(100)
    engine.answer(engine.ringingChannels()[0]!.uniqueid)
    scheduler.advance(30_000)
    const bridge = engine.bridges.get(caller.bridgeId!)!
    const agent = bridge.channels.find((c) => c !== caller)!
    engine.redirect(caller, 'from-internal', '105', { transferer: agent })
    scheduler.advance(100)
    engine.answer(engine.ringingChannels()[0]!.uniqueid)
    scheduler.advance(20_000)
    engine.softHangup(caller, 16)
    scheduler.advance(10)
    const callerCdrs = events.filter((e) => e.name === 'Cdr' && get(e, 'UniqueID') === caller.uniqueid)
    expect(callerCdrs.length).toBe(2)
    expect(events.some((e) => e.name === 'BlindTransfer')).toBe(true)
    expect(engine.counters.newchannel).toBe(engine.counters.hangup)
  })

  it('restart() restarts the Uniqueid sequence (CDR identity needs more than the Uniqueid)', () => {
    const { engine, scheduler } = makeEngine()
    const first = engine.inboundCall('trunk', '4930555000', '1', 'a')!
    scheduler.advance(5_000)
    engine.restart()
    const second = engine.inboundCall('trunk', '4930555000', '2', 'b')!
    expect(first.uniqueid.endsWith('.0')).toBe(true)
    expect(second.uniqueid.endsWith('.0')).toBe(true)
    expect(second.uniqueid).not.toBe(first.uniqueid)
  })

  it('load mode keeps the requested concurrency and every Hangup matches a Newchannel', () => {
    const { engine, scheduler } = makeEngine(42)
    const load = new LoadGenerator(engine, { concurrentCalls: 1000, callsPerSecond: 100 })
    load.start()
    for (let i = 0; i < 200; i++) scheduler.advance(100)
    const calls = engine.channelList().filter((c) => c.name.startsWith('PJSIP/trunk-')).length
    // Fractional rates carry over: after the ramp, exactly concurrent = rate × hold time.
    expect(calls).toBe(1000)
    load.stop()
    for (const ch of engine.channelList()) engine.softHangup(ch, 16)
    scheduler.advance(1000)
    expect(engine.channels.size).toBe(0)
    expect(engine.counters.hangup).toBe(engine.counters.newchannel)
    expect(scheduler.errors).toEqual([])
    // ~0.6 s alone; the shared CI cores can make it several times slower.
  }, 20_000)

  it('the random generator is deterministic for a seed and leaves no orphan channels', () => {
    const run = (seed: number): string[] => {
      const { engine, events, scheduler } = makeEngine(seed)
      const gen = new CallGenerator(engine, { ratePerMinute: 30 })
      gen.start()
      for (let i = 0; i < 600; i++) scheduler.advance(1000)
      gen.stop()
      for (const ch of engine.channelList()) engine.softHangup(ch, 16)
      scheduler.advance(1000)
      expect(engine.counters.hangup).toBe(engine.counters.newchannel)
      expect(scheduler.errors).toEqual([])
      return events.map((e) => `${e.name}:${get(e, 'Channel') ?? ''}`)
    }
    const a = run(9)
    expect(a.length).toBeGreaterThan(500)
    expect(run(9)).toEqual(a)
  })
})
