import { describe, expect, it } from 'vitest'
import { parseAmiBytes } from '../../../src-main/core/ami/framing'
import { Scheduler } from '../../../src-main/core/demo/clock'
import { officeProfile } from '../../../src-main/core/demo/config/office'
import { PbxEngine, type PbxEvent } from '../../../src-main/core/demo/engine'
import type { Channel } from '../../../src-main/core/demo/model'
import { Rng } from '../../../src-main/core/demo/rng'
import { readCapture } from '../../support/captures'

function makeEngine(): { engine: PbxEngine; events: PbxEvent[]; scheduler: Scheduler } {
  const scheduler = new Scheduler({ startMs: Date.UTC(2026, 11, 6, 12), mode: 'manual' })
  const engine = new PbxEngine(officeProfile(), scheduler, new Rng(3))
  const events: PbxEvent[] = []
  engine.on((e) => events.push(e))
  return { engine, events, scheduler }
}

const get = (e: PbxEvent, k: string): string | undefined => e.fields.find(([key]) => key === k)?.[1]
const keysOf = (fields: readonly (readonly [string, string])[]): string[] =>
  fields.map(([k]) => k).filter((k) => k !== 'Event' && k !== 'Privilege' && k !== 'SystemName')

/** The real Pickup event of ami/pickup.raw (Pickup(110@PICKUPMARK) from Local/105@lab). */
function capturedPickup(): readonly (readonly [string, string])[] {
  const { messages } = parseAmiBytes(readCapture('pickup'), { expectBanner: true })
  const pickup = messages.map((m) => m.fields()).find((f) => f.some(([k, v]) => k === 'Event' && v === 'Pickup'))
  if (pickup === undefined) throw new Error('pickup.raw holds no Pickup event')
  return pickup
}

/** The names of the events that concern one channel (as itself, the dialled party or the pickup's target), in order. */
function eventsOf(events: readonly PbxEvent[], name: string): string[] {
  return events.filter((e) => get(e, 'Channel') === name || get(e, 'DestChannel') === name || get(e, 'TargetChannel') === name).map((e) => e.name)
}

/** The names of the channels in the bridge a channel is in, sorted. */
function bridgedNames(engine: PbxEngine, ch: Channel): string[] | undefined {
  return engine.bridges
    .get(ch.bridgeId ?? '')
    ?.channels.map((c) => c.name)
    .sort()
}

/** The operator's phone (100) is called to dial **<ext> (directed pickup of that extension) and answers. */
function operatorDialsPickup(engine: PbxEngine, scheduler: Scheduler, ext: string): Channel {
  const picker = engine.originate({
    channel: 'PJSIP/100',
    context: 'from-internal',
    exten: `**${ext}`,
    priority: 1,
    callerNum: '100',
    callerName: 'Attendant',
  }).channel
  if (picker === undefined) throw new Error('the operator phone was not called')
  scheduler.advance(200)
  expect(engine.answer(picker.uniqueid)).toBe(true)
  scheduler.advance(200)
  return picker
}

/** An outside caller on 104's direct line, ringing at 104; the operator's phone (100) dials **104 and answers. */
function pickedUpAt104(): { engine: PbxEngine; events: PbxEvent[]; scheduler: Scheduler; caller: Channel; rung: Channel; picker: Channel } {
  const { engine, events, scheduler } = makeEngine()
  const caller = engine.inboundCall('trunk', '4930555104', '+4930123456', 'Ada Lovelace')
  if (caller === undefined) throw new Error('no inbound call')
  scheduler.advance(500)
  const rung = engine.ringingChannels().find((c) => c.device === 'PJSIP/104')
  if (rung === undefined) throw new Error('104 does not ring')
  const picker = operatorDialsPickup(engine, scheduler, '104')
  return { engine, events, scheduler, caller, rung, picker }
}

describe('directed pickup in the demo PBX (FreePBX **<ext>, Asterisk Pickup())', () => {
  it('the call ringing at 104 is answered at the picking phone: Pickup event, the rung leg answered elsewhere, the caller bridged with the picker', () => {
    const { engine, events, caller, rung, picker } = pickedUpAt104()
    const pickup = events.find((e) => e.name === 'Pickup')
    expect(pickup).toBeDefined()
    // Same keys, in the same order, as the real server's Pickup event.
    expect(keysOf(pickup?.fields ?? [])).toEqual(keysOf(capturedPickup()))
    expect(pickup?.privilege).toBe('call,all')
    expect(get(pickup!, 'Channel')).toBe(picker.name)
    expect(get(pickup!, 'Exten')).toBe('**104')
    expect(get(pickup!, 'ConnectedLineNum')).toBe('+4930123456')
    expect(get(pickup!, 'TargetChannel')).toBe(rung.name)
    expect(get(pickup!, 'TargetChannelState')).toBe('5')
    // The rung leg ends as answered elsewhere, with a record of its own that did not answer.
    const hangup = events.find((e) => e.name === 'Hangup' && get(e, 'Channel') === rung.name)
    expect(hangup && [get(hangup, 'Cause'), get(hangup, 'Cause-txt')]).toEqual(['26', 'Answered elsewhere'])
    const rungCdr = events.find((e) => e.name === 'Cdr' && get(e, 'Channel') === rung.name)
    expect(rungCdr && get(rungCdr, 'Disposition')).toBe('NO ANSWER')
    // The caller's Dial is answered by the picker, and the two talk.
    const dialEnd = events.find((e) => e.name === 'DialEnd' && get(e, 'Channel') === caller.name && get(e, 'DialStatus') === 'ANSWER')
    expect(dialEnd && get(dialEnd, 'DestChannel')).toBe(picker.name)
    expect(caller.bridgeId).toBeDefined()
    expect(bridgedNames(engine, caller)).toEqual([caller.name, picker.name].sort())
    expect(engine.findChannel(rung.uniqueid)).toBeUndefined()
    expect(engine.deviceStates.get('PJSIP/104')).toBe('NOT_INUSE')
    expect(engine.deviceStates.get('PJSIP/100')).toBe('INUSE')
    expect(engine.ringingChannels()).toEqual([])
  })

  it('publishes each channel’s events in the order pickup.raw shows them', () => {
    const { events, caller, rung, picker } = pickedUpAt104()
    const from = (name: string, first: string): string[] => {
      const all = eventsOf(events, name)
      return all.slice(all.indexOf(first))
    }
    // pickup.raw, Local/105@lab-00000003;1 (the picker): NewConnectedLine, Newexten (into the leg's place), Pickup, DialEnd, [Newexten: Local only], BridgeEnter.
    expect(from(picker.name, 'NewConnectedLine').slice(0, 5)).toEqual(['NewConnectedLine', 'Newexten', 'Pickup', 'DialEnd', 'BridgeEnter'])
    // Local/110@lab-00000001;1 (the rung leg): Pickup, Hangup, Cdr.
    expect(from(rung.name, 'Pickup')).toEqual(['Pickup', 'Hangup', 'Cdr'])
    // Local/102@lab-00000000;1 (the caller) after the pickup: NewConnectedLine, VarSet…, DialEnd, BridgeEnter, VarSet (BRIDGEPEER).
    // (The captured caller was a Local channel already up; this trunk caller is answered now: Newstate.)
    const callerAfter = events
      .slice(events.findIndex((e) => e.name === 'Pickup'))
      .filter((e) => get(e, 'Channel') === caller.name)
      .map((e) => e.name)
    expect(callerAfter.filter((n) => n !== 'VarSet' && n !== 'Newstate').slice(0, 3)).toEqual(['NewConnectedLine', 'DialEnd', 'BridgeEnter'])
  })

  it('the caller’s record with the rung phone ends at the pickup; the next one is with the picker', () => {
    const { engine, events, scheduler, caller, rung, picker } = pickedUpAt104()
    scheduler.advance(30_000)
    engine.softHangup(caller, 16)
    scheduler.advance(100)
    const records = events.filter((e) => e.name === 'Cdr' && get(e, 'Channel') === caller.name)
    expect(records.map((e) => [get(e, 'DestinationChannel'), get(e, 'Disposition')])).toEqual([
      [rung.name, 'NO ANSWER'],
      [picker.name, 'ANSWERED'],
    ])
    // The picker was the caller's dialled party: no record of its own, as Local/105@lab-00000003;1 in pickup.raw.
    expect(events.filter((e) => e.name === 'Cdr' && get(e, 'Channel') === picker.name)).toEqual([])
    expect(engine.channels.size).toBe(0)
  })

  it('with nothing ringing at the extension, Pickup finds no target and the picking phone is hung up', () => {
    const { engine, events, scheduler } = makeEngine()
    const picker = operatorDialsPickup(engine, scheduler, '105')
    expect(events.some((e) => e.name === 'Pickup')).toBe(false)
    const apps = events.filter((e) => e.name === 'Newexten' && get(e, 'Channel') === picker.name).map((e) => get(e, 'Application'))
    expect(apps).toEqual(['AppDial2', 'NoOp', 'Pickup', 'Hangup'])
    expect(engine.findChannel(picker.uniqueid)).toBeUndefined()
  })

  it('a ring group call is taken from one of its phones; the other phones stop ringing', () => {
    const { engine, events, scheduler } = makeEngine()
    const caller = engine.phoneCall('110', '600')
    if (caller === undefined) throw new Error('no call to the ring group')
    scheduler.advance(500)
    const rung = engine.ringingChannels()
    expect(rung.length).toBeGreaterThan(1)
    const target = rung[1]!
    const ext = target.device.replace('PJSIP/', '')
    const picker = operatorDialsPickup(engine, scheduler, ext)
    expect(
      get(
        events.find((e) => e.name === 'Pickup')!,
        'TargetChannel',
      ),
    ).toBe(target.name)
    expect(engine.ringingChannels()).toEqual([])
    const cancelled = events.filter((e) => e.name === 'DialEnd' && get(e, 'DialStatus') === 'CANCEL').map((e) => get(e, 'DestChannel'))
    expect(cancelled.sort()).toEqual(
      rung
        .filter((c) => c !== target)
        .map((c) => c.name)
        .sort(),
    )
    expect(bridgedNames(engine, caller)).toEqual([caller.name, picker.name].sort())
  })
})
