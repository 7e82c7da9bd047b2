import { describe, expect, it } from 'vitest'
import { parseAmiBytes } from '../../../src-main/core/ami/framing'
import { toTypedEvent } from '../../../src-main/core/ami/events'
import { Scheduler } from '../../../src-main/core/demo/clock'
import { encodeAmiMessage } from '../../../src-main/core/demo/ami-wire'
import { PbxEngine, type PbxEvent } from '../../../src-main/core/demo/engine'
import { channelBlock } from '../../../src-main/core/demo/model'
import { officeProfile } from '../../../src-main/core/demo/config/office'
import { Rng } from '../../../src-main/core/demo/rng'
import { ringGroupAt } from '../../../src-main/core/live/channel'
import { emptyLiveModel, type LiveModel } from '../../../src-main/core/live/model'
import { reduce } from '../../../src-main/core/live/reduce'
import type { LiveCall } from '../../../src-preload/types/live'

/** The office demo with its events taken as AMI bytes would arrive: framed, typed, reduced. */
function office() {
  const scheduler = new Scheduler({ startMs: Date.UTC(2026, 11, 5, 9), mode: 'manual' })
  const engine = new PbxEngine(officeProfile(), scheduler, new Rng(3))
  let model: LiveModel = emptyLiveModel()
  const apply = (e: PbxEvent): void => {
    if (e.amiHidden === true) return
    const bytes = encodeAmiMessage([['Event', e.name], ['Privilege', e.privilege], ...e.fields])
    for (const msg of parseAmiBytes(bytes).messages) {
      const ev = toTypedEvent(msg)
      if (ev !== undefined) model = reduce(model, ev, scheduler.now())
    }
  }
  engine.on(apply)
  const calls = (): LiveCall[] => Object.values(model.calls)
  return { engine, scheduler, calls }
}

describe('the ring group a call came through', () => {
  it('is FreePBX’s ext-group extension, nothing else', () => {
    expect(ringGroupAt('ext-group', '600')).toBe('600')
    expect(['s', 'h', '', '600a'].map((x) => ringGroupAt('ext-group', x))).toEqual([undefined, undefined, undefined, undefined])
    expect(ringGroupAt('ext-queues', '600')).toBeUndefined()
    expect(ringGroupAt('from-internal', '600')).toBeUndefined()
  })

  it('shows on an inbound call routed to ring group 600 with its DID, while it rings and after it is answered', () => {
    const { engine, scheduler, calls } = office()
    expect(engine.inboundCall('peer', '4930555100', '+4940123', 'Ring Group Caller')).toBeDefined()
    scheduler.advance(500)
    const ringing = calls()
    expect(ringing).toHaveLength(1)
    expect(ringing[0]).toMatchObject({ state: 'ringing', did: '4930555100', ringGroup: '600', queue: undefined, trunk: 'peer' })
    // Every member rings; one answers: the group stays on the call for its whole life.
    const phones = engine.ringingChannels()
    expect(phones.map((c) => c.device).sort()).toEqual(['PJSIP/101', 'PJSIP/102', 'PJSIP/103'])
    engine.answer(phones[1]?.uniqueid ?? '')
    scheduler.advance(500)
    expect(calls()).toHaveLength(1)
    expect(calls()[0]).toMatchObject({ state: 'up', did: '4930555100', ringGroup: '600' })
  })

  it('is read from a resync taken while the group rings, and the group number is not taken for the DID', () => {
    const { engine, scheduler } = office()
    engine.inboundCall('peer', '4930555100', '+4940123', 'Ring Group Caller')
    scheduler.advance(500)
    // CoreShowChannels as the demo answers it: the trunk channel now runs Dial in ext-group,600.
    let model: LiveModel = emptyLiveModel()
    for (const ch of engine.channelList()) {
      const fields = [
        ['Event', 'CoreShowChannel'],
        ['ActionID', 'r1'],
        ...channelBlock(ch),
        ['Application', ch.app],
        ['Duration', '00:00:01'],
        ['BridgeId', ch.bridgeId ?? ''],
      ] as const
      for (const msg of parseAmiBytes(encodeAmiMessage(fields)).messages) {
        const ev = toTypedEvent(msg)
        if (ev !== undefined) model = reduce(model, ev, scheduler.now())
      }
    }
    const trunk = Object.values(model.channels).find((c) => c.isTrunk)
    expect(trunk).toMatchObject({ context: 'ext-group', exten: '600', ringGroup: '600', did: undefined })
    expect(Object.values(model.calls)).toMatchObject([{ ringGroup: '600', did: undefined, trunk: 'peer' }])
  })

  it('is not claimed by a call that never entered a ring group', () => {
    const { engine, scheduler, calls } = office()
    engine.inboundCall('trunk', '4930555002', '+4930999', 'Reception Caller')
    engine.inboundCall('trunk', '4930555000', '+4930888', 'Queue Caller')
    scheduler.advance(500)
    expect(
      calls()
        .map((c) => [c.caller.name, c.ringGroup, c.queue])
        .sort(),
    ).toEqual([
      ['Queue Caller', undefined, 'support'],
      ['Reception Caller', undefined, undefined],
    ])
  })
})
