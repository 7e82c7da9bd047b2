/**
 * The live reducers against real Asterisk 22 captures: each scenario's events replayed through
 * reduce(), final state and key intermediate states asserted.
 */
import { describe, expect, it } from 'vitest'
import type { AmiTypedEvent } from '../../../src-main/core/ami/events'
import { emptyLiveModel, type LiveModel } from '../../../src-main/core/live/model'
import { reduce } from '../../../src-main/core/live/reduce'
import type { LiveCall } from '../../../src-preload/types/live'
import { after, finalModel, liveEvents, replay, type Step } from './support'

function calls(m: LiveModel): LiveCall[] {
  return Object.values(m.calls)
}

function onlyCall(m: LiveModel): LiveCall {
  const cs = calls(m)
  expect(cs).toHaveLength(1)
  return cs[0] as LiveCall
}

function is(name: AmiTypedEvent['event'], chan?: string) {
  return (e: AmiTypedEvent): boolean =>
    e.event === name && (chan === undefined || ('channel' in e && typeof e.channel === 'object' && e.channel.channel?.startsWith(chan) === true))
}

function expectEmpty(m: LiveModel): void {
  expect(Object.keys(m.channels)).toEqual([])
  expect(Object.keys(m.calls)).toEqual([])
  expect(Object.keys(m.parked)).toEqual([])
  expect(Object.keys(m.index.linked)).toEqual([])
  expect(Object.keys(m.index.channelCall)).toEqual([])
  expect(Object.keys(m.index.deviceChannels)).toEqual([])
  for (const b of Object.values(m.bridges)) expect(b.channelIds).toEqual([])
}

const SCENARIOS = [
  'call-two-party',
  'queue',
  'queue-abandon',
  'transfer',
  'atxfer-complete',
  'atxfer-cancel',
  'park',
  'park-retrieve',
  'hold-moh',
  'iax2-trunk',
  'hints',
  'utf8-callerid',
  'originate-channelid',
  'snapshots',
  'flood',
  'timestamps',
]

describe('every capture ends with no channel, call or parked call left', () => {
  for (const name of SCENARIOS) {
    it(name, () => {
      const steps = replay(name)
      expect(steps.length).toBeGreaterThan(0)
      const m = finalModel(name)
      // The capture scripts clean up: after all Hangups nothing may be left (no ghost).
      expectEmpty(m)
    })
  }
})

describe('reduce is pure', () => {
  it('never mutates its input and shares untouched entities', () => {
    const events = liveEvents('transfer')
    let m = emptyLiveModel()
    for (const [i, ev] of events.entries()) {
      const frozen = JSON.stringify(m)
      const next = reduce(m, ev, i)
      expect(JSON.stringify(m)).toBe(frozen)
      for (const id of Object.keys(m.channels)) {
        const before = m.channels[id]
        const nowCh = next.channels[id]
        if (nowCh !== undefined && JSON.stringify(before) === JSON.stringify(nowCh)) expect(nowCh).toBe(before)
      }
      m = next
    }
  })

  it('uses the event Timestamp when present, else the now given', () => {
    const evs = liveEvents('timestamps').filter((e) => e.event === 'Newchannel')
    const first = evs[0] as AmiTypedEvent
    expect(first.timestamp).toBeGreaterThan(1_700_000_000)
    const m = reduce(emptyLiveModel(), first, 42)
    const ch = Object.values(m.channels)[0]
    expect(ch?.createdAt).toBe(Math.round((first.timestamp as number) * 1000))
    const plain = liveEvents('call-two-party').find((e) => e.event === 'Newchannel') as AmiTypedEvent
    expect(Object.values(reduce(emptyLiveModel(), plain, 42).channels)[0]?.createdAt).toBe(42)
  })
})

describe('call-two-party', () => {
  const steps = replay('call-two-party')
  it('rings, then is up with both parties once both are in the bridge', () => {
    const first = after(steps, is('Newchannel'))[0] as Step
    expect(onlyCall(first.model).state).toBe('ringing')
    const bridged = after(steps, is('BridgeEnter'))
    const both = bridged[bridged.length - 1] as Step
    const call = onlyCall(both.model)
    expect(call.state).toBe('up')
    expect(call.id).toBe('lab-1795552383.0')
    expect(call.channelIds).toHaveLength(4)
    expect(call.bridgeIds).toHaveLength(1)
    expect(call.caller).toEqual({ name: 'Lab orig-1', number: '300' })
    expect(call.direction).toBe('internal')
    expect(call.answeredAt).toBeDefined()
    expect(call.answeredAt).toBeGreaterThanOrEqual(call.startedAt)
    const bridge = Object.values(both.model.bridges)[0]
    expect([...(bridge?.channelIds ?? [])].sort()).toEqual(['lab-1795552383.0', 'lab-1795552383.2'])
  })
  it('the bridge is gone after BridgeDestroy and channels one by one after their Hangup', () => {
    const destroyed = after(steps, is('BridgeDestroy'))[0] as Step
    expect(Object.keys(destroyed.model.bridges)).toEqual([])
    const hangups = after(steps, is('Hangup'))
    expect(hangups.map((s) => Object.keys(s.model.channels).length)).toEqual([3, 2, 1, 0])
  })
})

describe('queue', () => {
  const steps = replay('queue')
  it('the caller is queued with its position, then answered by the added member', () => {
    const joined = after(steps, is('QueueCallerJoin'))[0] as Step
    const call = onlyCall(joined.model)
    expect(call.state).toBe('queued')
    expect(call.queue).toBe('support')
    const q = joined.model.queues.support
    const waiting = Object.values(q?.callers ?? {})
    expect(waiting).toHaveLength(1)
    expect(waiting[0]).toMatchObject({ order: 1, callerNum: '5551001', callerName: 'Queue Caller' })
    expect(call.stateSince).toBe(waiting[0]?.joinedAt)
    const left = after(steps, is('QueueCallerLeave'))[0] as Step
    expect(Object.keys(left.model.queues.support?.callers ?? {})).toEqual([])
    const enter = after(steps, is('BridgeEnter'))
    const up = onlyCall((enter[enter.length - 1] as Step).model)
    expect(up.state).toBe('up')
    // The queue stays on the call card after the caller left the queue.
    expect(up.queue).toBe('support')
  })
  it('members: paused then unpaused, the added member gone after QueueRemove', () => {
    const paused = after(steps, is('QueueMemberPause'))[0] as Step
    expect(Object.values(paused.model.queues.support?.members ?? {}).some((m) => m.paused)).toBe(true)
    const m = finalModel('queue')
    const members = m.queues.support?.members ?? {}
    expect(Object.keys(members).sort()).toEqual(['Local/101@lab/n', 'Local/102@lab/n'])
    expect(Object.values(members).every((x) => !x.paused)).toBe(true)
  })
})

describe('queue-abandon', () => {
  const m = finalModel('queue-abandon')
  const steps = replay('queue-abandon')
  it('keeps the free-text paused reasons', () => {
    const paused = after(steps, is('QueueMemberPause'))[1] as Step
    expect(paused.model.queues.support?.members['Local/101@lab/n']).toMatchObject({ paused: true, pausedReason: 'lunch' })
    expect(paused.model.queues.support?.members['Local/102@lab/n']).toMatchObject({ paused: true, pausedReason: 'Wrap-up: ticket #42' })
  })
  it('the abandoned caller leaves the queue; the unpause reasons end as captured', () => {
    const abandoned = after(steps, is('QueueCallerAbandon'))[0] as Step
    expect(Object.keys(abandoned.model.queues.support?.callers ?? {})).toEqual([])
    expect(m.queues.support?.members['Local/101@lab/n']).toMatchObject({ paused: false, pausedReason: 'back' })
    expect(m.queues.support?.members['Local/102@lab/n']).toMatchObject({ paused: false, pausedReason: '' })
  })
  it('the waiting caller is queued (music does not make it "hold")', () => {
    const moh = after(steps, is('MusicOnHoldStart'))[0] as Step
    const call = onlyCall(moh.model)
    expect(call.state).toBe('queued')
    expect(call.caller.name).toBe('Impatient Caller')
  })
})

describe('transfers', () => {
  it('blind transfer / redirect: one call throughout, ends empty', () => {
    const steps = replay('transfer')
    const bt = after(steps, is('BlindTransfer'))
    expect(bt.length).toBeGreaterThan(0)
    for (const s of bt) expect(calls(s.model).length).toBeLessThanOrEqual(1)
  })
  it('atxfer-complete: transferring during the consultation, one up call after the merge', () => {
    const steps = replay('atxfer-complete')
    const consult = steps.filter((s) => calls(s.model).some((c) => c.state === 'transferring'))
    expect(consult.length).toBeGreaterThan(0)
    const merged = after(steps, is('AttendedTransfer'))
    expect(merged).toHaveLength(2)
    for (const s of merged) {
      const call = onlyCall(s.model)
      expect(call.state).toBe('up')
      // No Unhold follows a completed attended transfer: the hold flag must still be cleared.
      expect(Object.values(s.model.channels).some((c) => c.hold)).toBe(false)
    }
  })
  it('atxfer-cancel: back to up after Unhold, the target leg hung up', () => {
    const steps = replay('atxfer-cancel')
    const hold = after(steps, is('Hold'))[0] as Step
    expect(onlyCall(hold.model).state).toBe('hold')
    expect(Object.values(hold.model.channels).find((c) => c.hold)?.name).toMatch(/^Local\/102@lab-.*;1$/)
    const un = after(steps, is('Unhold'))[0] as Step
    expect(onlyCall(un.model).state).toBe('up')
  })
})

describe('park', () => {
  it('the parked call is present with space, lot and parkee, then gone after the give-up', () => {
    const steps = replay('park')
    const parked = after(steps, is('ParkedCall'))[0] as Step
    const p = parked.model.parked['default:701']
    expect(p).toMatchObject({ lot: 'default', space: '701', parkeeId: 'lab-1795552441.36' })
    expect(p?.parkee.name).toBe('Lab park-call')
    expect(onlyCall(parked.model).state).toBe('parked')
    expect(parked.model.channels['lab-1795552441.36']?.parkedKey).toBe('default:701')
    const gaveUp = after(steps, is('ParkedCallGiveUp'))[0] as Step
    expect(gaveUp.model.parked).toEqual({})
  })
  it('park-retrieve: retrieved by UnParkedCall, a second park times out', () => {
    const steps = replay('park-retrieve')
    const parks = after(steps, is('ParkedCall'))
    expect(parks.length).toBe(2)
    const un = after(steps, is('UnParkedCall'))[0] as Step
    expect(un.model.parked).toEqual({})
    const timeout = after(steps, is('ParkedCallTimeOut'))[0] as Step
    expect(timeout.model.parked).toEqual({})
    const second = parks[1] as Step
    const p = Object.values(second.model.parked)[0]
    expect(p?.timeoutS).toBe(3)
    expect(p?.expiresAt).toBe(second.index * 1000 + 1000 + 3000)
  })
  it('two calls parked in one lot stay two calls', () => {
    const steps = replay('park-retrieve')
    const parked = after(steps, is('ParkedCall'))[0] as Step
    const lot = Object.values(parked.model.bridges).find((b) => b.type === 'parking' || b.type === 'holding')
    expect(lot).toBeDefined()
  })
})

describe('hold-moh', () => {
  const steps = replay('hold-moh')
  it('MusicOnHold() in the dialplan alone is not a held call', () => {
    const moh = after(steps, is('MusicOnHoldStart', 'Local/104@lab'))[0] as Step
    expect(moh.model.channels['lab-1795592331.32']?.moh).toBe('default')
    expect(onlyCall(moh.model).state).toBe('up')
  })
  it('Hold sets the flag and since; the call is on hold; Unhold + music stop end it', () => {
    const hold = after(steps, is('Hold'))[0] as Step
    const ch = hold.model.channels['lab-1795592335.34']
    expect(ch?.hold).toBe(true)
    expect(ch?.holdSince).toBe((hold.index + 1) * 1000)
    const call = onlyCall(hold.model)
    expect(call.state).toBe('hold')
    expect(call.stateSince).toBe(ch?.holdSince)
    const stop = after(steps, is('MusicOnHoldStop', 'Local/101@lab'))[0] as Step
    expect(stop.model.channels['lab-1795592335.34']?.hold).toBe(false)
    expect(onlyCall(stop.model).state).toBe('up')
  })
})

describe('iax2-trunk', () => {
  const steps = replay('iax2-trunk')
  it('inbound: DID, trunk, caller (UTF-8) and direction from the trunk channel', () => {
    const up = after(steps, is('BridgeEnter'))[1] as Step
    const call = onlyCall(up.model)
    expect(call).toMatchObject({ direction: 'inbound', did: '4930555000', trunk: 'peer', state: 'up' })
    expect(call.caller).toEqual({ name: 'Anna Außen', number: '+4989111222' })
    const trunkCh = Object.values(up.model.channels).find((c) => c.technology === 'IAX2')
    expect(trunkCh).toMatchObject({ isTrunk: true, did: '4930555000', device: 'IAX2/peer' })
  })
  it('far-end hold shows as music on the bridged local channel → call on hold', () => {
    const moh = after(steps, is('MusicOnHoldStart'))[0] as Step
    expect(onlyCall(moh.model).state).toBe('hold')
  })
  it('outbound: stays outbound to the dialled number until the end', () => {
    const outbound = steps.filter((s) => calls(s.model).some((c) => c.direction === 'outbound'))
    expect(outbound.length).toBeGreaterThan(0)
    const last = outbound[outbound.length - 1] as Step
    expect(onlyCall(last.model)).toMatchObject({ trunk: 'peer', callee: { number: '04989111222', name: '' } })
    for (const s of steps.slice(outbound[0]?.index ?? 0)) for (const c of calls(s.model)) expect(c.direction).toBe('outbound')
  })
})

describe('hints', () => {
  it('extension state and who they talk to follow ExtensionStatus and the call', () => {
    const steps = replay('hints')
    const idle = after(steps, is('ExtensionStatus'))[0] as Step
    expect(idle.model.extensions['101']).toMatchObject({ state: 'NOT_INUSE', statusText: 'Idle', hint: 'Local/101@lab', context: 'lab' })
    const inUse = after(steps, is('ExtensionStatus')).find((s) => s.model.extensions['101']?.state === 'INUSE') as Step
    expect(inUse).toBeDefined()
    const talking = steps.find((s) => (s.model.extensions['102']?.callIds.length ?? 0) > 0 && (s.model.extensions['101']?.callIds.length ?? 0) > 0)
    expect(talking).toBeDefined()
    const call = onlyCall((talking as Step).model)
    expect((talking as Step).model.extensions['101']?.callIds).toEqual([call.id])
    const m = finalModel('hints')
    expect(m.extensions['101']?.callIds).toEqual([])
  })
})

describe('utf8-callerid', () => {
  it('keeps the UTF-8 caller name and follows the mid-call rename', () => {
    const steps = replay('utf8-callerid')
    const named = steps.find((s) => calls(s.model)[0]?.caller.name === 'Zoë Ångström – 東京') as Step
    expect(named).toBeDefined()
    expect(calls(named.model)[0]?.caller.number).toBe('+4930123456')
    const renamed = steps.find((s) => calls(s.model)[0]?.caller.name === 'Ærøskøbing Łódź')
    expect(renamed).toBeDefined()
  })
})

describe('originate-channelid', () => {
  it('the client-chosen ChannelId is the call id; a failed reuse creates no channel', () => {
    const steps = replay('originate-channelid')
    const first = after(steps, is('Newchannel'))[0] as Step
    expect(Object.keys(first.model.calls)).toEqual(['console-0001'])
    const bridged = after(steps, is('BridgeEnter'))[1] as Step
    const call = bridged.model.calls['console-0001']
    expect(call?.channelIds).toContain('console-0001-b')
    expect(call?.channelIds).toHaveLength(4)
  })
})
