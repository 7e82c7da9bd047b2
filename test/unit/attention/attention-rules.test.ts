import { describe, expect, it, vi } from 'vitest'
import { emptyLiveState, type LiveCall, type LiveParkedCall, type LiveQueue, type LiveState } from '../../../src-preload/types/live'
import { AttentionEngine } from '../../../src-renderer/src/features/attention/attention-engine'
import { attentionAlerts, callsWaiting, newAlerts, ownQueues, type Alert } from '../../../src-renderer/src/features/attention/attention-rules'

const NOW = 1_700_000_100_000
const settings = { queueAlertCallers: 3, parkWarnSeconds: 20 }

function call(id: string, patch: Partial<LiveCall>): LiveCall {
  return {
    id,
    direction: 'inbound',
    caller: { name: 'Anna Berg', number: '+4930123' },
    callee: { name: '', number: '600' },
    state: 'ringing',
    startedAt: NOW - 5_000,
    answeredAt: undefined,
    stateSince: NOW - 5_000,
    queue: undefined,
    ringGroup: undefined,
    trunk: 'trunk',
    did: undefined,
    channelIds: [],
    bridgeIds: [],
    ...patch,
  }
}

function queue(id: string, members: string[], callers: number, joinedAt = NOW - 30_000): LiveQueue {
  return {
    id,
    strategy: 'ringall',
    max: 0,
    holdtime: 0,
    talkTime: 0,
    completed: 0,
    abandoned: 0,
    serviceLevel: 60,
    serviceLevelPerf: 0,
    weight: 0,
    members: Object.fromEntries(
      members.map((m) => [
        m,
        {
          interface: m,
          name: m,
          stateInterface: m,
          status: 1,
          paused: false,
          pausedReason: '',
          penalty: 0,
          callsTaken: 0,
          lastCall: 0,
          inCall: false,
          membership: 'static',
        },
      ]),
    ),
    callers: Object.fromEntries(
      Array.from({ length: callers }, (_, i) => [
        `c${String(i)}`,
        { channelId: `c${String(i)}`, order: i + 1, callerNum: '1', callerName: '', joinedAt: joinedAt + i },
      ]),
    ),
  }
}

function state(patch: Partial<LiveState>): LiveState {
  return { ...emptyLiveState(), meta: { status: 'live', syncedAt: NOW, resyncs: 1 }, ...patch }
}

const alerts = (s: LiveState, ownExtension = '101', now = NOW): Alert[] =>
  attentionAlerts({ state: s, now, ownExtension, settings, holdAlertSeconds: 60, ringAlertSeconds: 45 })

describe('what deserves attention', () => {
  it('a call ringing at the operator’s phone, named before its number; not one ringing elsewhere', () => {
    const mine = call('a', { target: { kind: 'ringing', parties: [{ name: 'Reception', number: '101' }], since: NOW - 2000 } })
    const other = call('b', { target: { kind: 'ringing', parties: [{ name: 'Sales', number: '205' }], since: NOW - 2000 } })
    const out = alerts(state({ calls: { a: mine, b: other } }))
    expect(out).toEqual([{ key: 'ringing:a', kind: 'ringing', title: 'Anna Berg is calling', body: '+4930123 · ringing at Reception', callId: 'a' }])
  })

  it('a call ringing at the operator’s extension as its lamp says, when the call names no target', () => {
    const s = state({
      calls: { a: call('a', {}) },
      extensions: { '101': { id: '101', context: 'ext-local', hint: 'PJSIP/101', state: 'RINGING', statusText: 'Ringing', callIds: ['a'] } },
    })
    expect(alerts(s).map((a) => a.key)).toEqual(['ringing:a'])
    // A seat without a phone of its own has no ringing phone.
    expect(alerts(s, '').map((a) => a.key)).toEqual([])
  })

  it('a caller queued in a queue the operator answers (a member), not in another queue', () => {
    const s = state({
      calls: { q1: call('q1', { state: 'queued', queue: 'support' }), q2: call('q2', { state: 'queued', queue: 'sales' }) },
      queues: { support: queue('support', ['Local/101@from-queue/n'], 1), sales: queue('sales', ['PJSIP/205'], 1) },
    })
    expect(ownQueues(s, '101')).toEqual(new Set(['support']))
    expect(alerts(s).map((a) => a.key)).toEqual(['ringing:q1'])
    expect(alerts(s)[0]?.body).toBe('+4930123 · in queue support')
    // A seat without its own phone watches every queue.
    expect(alerts(s, '').map((a) => a.key)).toEqual(['ringing:q1', 'ringing:q2'])
    // PJSIP/1010 is not extension 101.
    expect(ownQueues(state({ queues: { x: queue('x', ['PJSIP/1010'], 0) } }), '101')).toEqual(new Set())
  })

  it('a caller waiting too long: ringing past the ring alert, queued or on hold past the hold alert, oldest first', () => {
    const s = state({
      calls: {
        ring: call('ring', { stateSince: NOW - 50_000, startedAt: NOW - 50_000, caller: { name: '', number: '555' } }),
        young: call('young', { stateSince: NOW - 10_000 }),
        held: call('held', { state: 'hold', stateSince: NOW - 61_000, startedAt: NOW - 200_000 }),
        out: call('out', { direction: 'outbound', stateSince: NOW - 90_000 }),
      },
    })
    const waiting = alerts(s).filter((a) => a.kind === 'waiting')
    expect(waiting.map((a) => [a.key, a.title, a.body])).toEqual([
      [`waiting:held:hold:${String(NOW - 61_000)}`, 'Anna Berg has waited 1:01', 'Anna Berg (+4930123) · on hold'],
      [`waiting:ring:ringing:${String(NOW - 50_000)}`, '555 has waited 0:50', '555 · ringing'],
    ])
  })

  it('waiting too long is told after the limits that turn the calls list’s timer red: ringing after the ring alert, queued after the hold alert', () => {
    const s = state({
      calls: {
        ring: call('ring', { stateSince: NOW - 25_000, startedAt: NOW - 25_000 }),
        queued: call('queued', { state: 'queued', stateSince: NOW - 50_000, startedAt: NOW - 50_000 }),
      },
    })
    const waiting = (ringAlertSeconds: number, holdAlertSeconds: number) =>
      attentionAlerts({ state: s, now: NOW, ownExtension: '100', settings, holdAlertSeconds, ringAlertSeconds })
        .filter((a) => a.kind === 'waiting')
        .map((a) => a.key.split(':')[1])
    expect(waiting(20, 60)).toEqual(['ring'])
    expect(waiting(30, 60)).toEqual([])
    expect(waiting(30, 40)).toEqual(['queued'])
  })

  it('a queue at its threshold of callers, and again only after it fell below', () => {
    const s = (n: number): LiveState => state({ queues: { support: queue('support', ['PJSIP/101'], n) } })
    expect(alerts(s(2))).toEqual([])
    expect(alerts(s(3))).toEqual([
      { key: 'queue:support', kind: 'queue', title: '3 callers waiting in queue support', body: 'The longest has waited 0:30.' },
    ])
    expect(alerts(s(4)).map((a) => a.key)).toEqual(['queue:support'])
  })

  it('a parked call about to come back, with the caller it returns', () => {
    const parked = (expiresIn: number): LiveParkedCall => ({
      id: '70:701',
      lot: 'default',
      space: '701',
      parkeeId: 'ch1',
      parkeeChannel: 'PJSIP/trunk-1',
      parkee: { name: 'Anna Berg', number: '+4930123' },
      parker: '101',
      parkerDialString: 'PJSIP/101',
      timeoutS: 45,
      since: NOW - 30_000,
      expiresAt: NOW + expiresIn,
    })
    const channels = { ch1: { linkedid: 'call-7' } } as unknown as LiveState['channels']
    expect(alerts(state({ parked: { p: parked(25_000) }, channels }))).toEqual([])
    expect(alerts(state({ parked: { p: parked(12_500) }, channels }))).toEqual([
      {
        key: `parked:70:701:${String(NOW - 30_000)}`,
        kind: 'parked',
        title: 'Parked call returns in 13 s',
        body: 'Anna Berg on space 701, parked by 101',
        callId: 'call-7',
      },
    ])
    expect(alerts(state({ parked: { p: parked(-1) }, channels }))).toEqual([])
  })

  it('counts the calls waiting (ringing or queued) for the tray', () => {
    expect(callsWaiting(state({ calls: { a: call('a', {}), b: call('b', { state: 'queued' }), c: call('c', { state: 'up' }) } }))).toBe(2)
  })
})

describe('raising alerts', () => {
  const alert = (key: string): Alert => ({ key, kind: 'ringing', title: key, body: '' })

  it('raises an alert when it first appears, not again while it lasts; several at once become two and a summary', () => {
    expect(newAlerts(new Set(['a']), [alert('a'), alert('b')]).map((a) => a.key)).toEqual(['b'])
    const many = newAlerts(new Set(), ['a', 'b', 'c', 'd', 'e'].map(alert))
    expect(many.map((a) => a.title)).toEqual(['a', 'b', '3 more calls need attention'])
  })

  it('holds alerts back while the operator types in a dialog, raises those still true when they stop, and drops none that is', () => {
    const notify = vi.fn()
    const sound = vi.fn()
    const engine = new AttentionEngine({ notify, sound })
    engine.update([alert('a')], false)
    expect(notify.mock.calls.map(([a]) => (a as Alert).key)).toEqual(['a'])
    expect(sound).toHaveBeenCalledTimes(1)
    engine.update([alert('a'), alert('b'), alert('c')], true)
    expect(notify).toHaveBeenCalledTimes(1)
    expect(engine.deferred).toBe(2)
    // Still typing as the state moves on: c was answered meanwhile, d arrived.
    engine.update([alert('a'), alert('b'), alert('d')], true)
    expect(notify).toHaveBeenCalledTimes(1)
    engine.resume()
    expect(notify.mock.calls.slice(1).map(([a]) => (a as Alert).key)).toEqual(['b', 'd'])
    expect(sound).toHaveBeenCalledTimes(2)
    expect(engine.deferred).toBe(0)
    // Nothing new: nothing raised, no sound.
    engine.update([alert('a'), alert('b'), alert('d')], false)
    expect(notify).toHaveBeenCalledTimes(3)
    expect(sound).toHaveBeenCalledTimes(2)
  })
})
