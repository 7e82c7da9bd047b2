import { describe, expect, it, vi } from 'vitest'
import type { ActionSettled } from '../../../src-preload/types/actions'
import {
  emptyLiveState,
  type LiveChannel,
  type LiveParkedCall,
  type LiveQueue,
  type LiveQueueMember,
  type LiveState,
} from '../../../src-preload/types/live'
import { CallActions } from '../../../src-main/core/calls/call-actions'
import { judgeExpectation, type Expectation } from '../../../src-main/core/actions/expectation'
import { OutcomeSettler, type UnsettledAction } from '../../../src-main/core/actions/outcome-settler'
import type { AmiPort, LiveLookup } from '../../../src-main/core/actions/pbx-port'
import { QueueActions } from '../../../src-main/core/queues/queue-actions'
import { AmiError } from '../../../src-main/core/ami/errors'
import { MemoryAuditLog } from '../../../src-main/core/audit'
import { DialBudgets } from '../../../src-main/core/guard'
import { builtinDemoProfile } from '../../../src-main/core/profiles'
import { sleep } from '../../support/wait'

function channel(id: string, over: Partial<LiveChannel> = {}): LiveChannel {
  return {
    id,
    name: `PJSIP/${id}-00000001`,
    state: 6,
    stateDesc: 'Up',
    callerNum: '',
    callerName: '',
    connectedNum: '',
    connectedName: '',
    context: 'from-internal',
    exten: '100',
    linkedid: id,
    bridgeId: undefined,
    hold: false,
    holdSince: undefined,
    moh: undefined,
    mohSince: undefined,
    createdAt: 0,
    answeredAt: undefined,
    technology: 'PJSIP',
    isTrunk: false,
    device: 'PJSIP/100',
    queue: undefined,
    did: undefined,
    ringGroup: undefined,
    parkedKey: undefined,
    ...over,
  }
}

function stateWith(over: { channels?: LiveChannel[]; parked?: LiveParkedCall[]; queues?: LiveQueue[] }): LiveState {
  const base = emptyLiveState()
  return {
    ...base,
    channels: Object.fromEntries((over.channels ?? []).map((c) => [c.id, c])),
    parked: Object.fromEntries((over.parked ?? []).map((p) => [p.id, p])),
    queues: Object.fromEntries((over.queues ?? []).map((q) => [q.id, q])),
  }
}

function member(iface: string, paused: boolean): LiveQueueMember {
  return {
    interface: iface,
    name: iface,
    stateInterface: iface,
    status: 1,
    paused,
    pausedReason: '',
    penalty: 0,
    callsTaken: 0,
    lastCall: 0,
    inCall: false,
    membership: 'static',
  }
}
function queue(id: string, members: LiveQueueMember[]): LiveQueue {
  return {
    id,
    strategy: 'ringall',
    max: 0,
    holdtime: 0,
    talkTime: 0,
    completed: 0,
    abandoned: 0,
    serviceLevel: 0,
    serviceLevelPerf: 0,
    weight: 0,
    members: Object.fromEntries(members.map((m) => [m.interface, m])),
    callers: {},
  }
}
const parkedCall = (channelId: string): LiveParkedCall => ({
  id: 'default:701',
  lot: 'default',
  space: '701',
  parkeeId: channelId,
  parkeeChannel: `PJSIP/${channelId}`,
  parkee: { name: '', number: '' },
  parker: '',
  parkerDialString: '',
  timeoutS: 45,
  since: 0,
  expiresAt: undefined,
})

describe('judgeExpectation', () => {
  const cases: Array<[string, Expectation, LiveState, string]> = [
    ['hang-up done when the channel is gone', { kind: 'gone', channelId: 'a' }, stateWith({}), 'done'],
    ['hang-up not done while the channel is up', { kind: 'gone', channelId: 'a' }, stateWith({ channels: [channel('a')] }), 'not_done'],
    ['originate done when its ChannelId is up', { kind: 'appeared', channelId: 'x' }, stateWith({ channels: [channel('x')] }), 'done'],
    ['originate ended/not placed when absent', { kind: 'appeared', channelId: 'x' }, stateWith({}), 'ended'],
    [
      'blind transfer done when at the destination',
      { kind: 'moved', channelId: 'a', fromBridge: 'b1', fromExten: '100', toExten: '105' },
      stateWith({ channels: [channel('a', { exten: '105' })] }),
      'done',
    ],
    [
      'blind transfer not done while in the same bridge',
      { kind: 'moved', channelId: 'a', fromBridge: 'b1', fromExten: '100', toExten: '105' },
      stateWith({ channels: [channel('a', { bridgeId: 'b1' })] }),
      'not_done',
    ],
    [
      'blind transfer done when it left the bridge',
      { kind: 'moved', channelId: 'a', fromBridge: 'b1', fromExten: '100', toExten: '105' },
      stateWith({ channels: [channel('a', { bridgeId: 'b2', exten: 's' })] }),
      'done',
    ],
    [
      'unbridged transfer not done while at the same extension',
      { kind: 'moved', channelId: 'a', fromBridge: undefined, fromExten: '200', toExten: '105' },
      stateWith({ channels: [channel('a', { exten: '200' })] }),
      'not_done',
    ],
    [
      'unbridged transfer elsewhere is still unknown',
      { kind: 'moved', channelId: 'a', fromBridge: undefined, fromExten: '200', toExten: '105' },
      stateWith({ channels: [channel('a', { exten: 's' })] }),
      'unknown',
    ],
    [
      'transfer of a call that ended cannot be seen',
      { kind: 'moved', channelId: 'a', fromBridge: 'b1', fromExten: '100', toExten: '105' },
      stateWith({}),
      'ended',
    ],
    ['park done when parked', { kind: 'parked', channelId: 'a' }, stateWith({ channels: [channel('a')], parked: [parkedCall('a')] }), 'done'],
    ['park not done when up but not parked', { kind: 'parked', channelId: 'a' }, stateWith({ channels: [channel('a')] }), 'not_done'],
    [
      'pause done',
      { kind: 'paused', queue: 'q', iface: 'PJSIP/101', paused: true },
      stateWith({ queues: [queue('q', [member('PJSIP/101', true)])] }),
      'done',
    ],
    [
      'pause not done',
      { kind: 'paused', queue: 'q', iface: 'PJSIP/101', paused: true },
      stateWith({ queues: [queue('q', [member('PJSIP/101', false)])] }),
      'not_done',
    ],
    [
      'pause of a member that left',
      { kind: 'paused', queue: 'q', iface: 'PJSIP/101', paused: true },
      stateWith({ queues: [queue('q', [])] }),
      'ended',
    ],
    ['unverifiable stays unknown', { kind: 'unverifiable', hint: 'check your phone' }, stateWith({}), 'unknown'],
  ]
  it.each(cases)('%s', (_name, e, state, outcome) => {
    expect(judgeExpectation(state, e).outcome).toBe(outcome)
  })
})

function settlerSetup(opts: { ttlMs?: number; maxPending?: number } = {}) {
  let t = 1_000
  const audit = new MemoryAuditLog()
  const settled: Array<{ clientId: string; s: ActionSettled }> = []
  let resyncs = 0
  const settler = new OutcomeSettler({
    audit,
    now: () => t,
    graceMs: 50,
    ...opts,
    onSettled: (clientId, s) => settled.push({ clientId, s }),
    requestResync: () => {
      resyncs++
    },
  })
  return { settler, audit, settled, resyncsAsked: () => resyncs, advance: (ms: number) => (t += ms), now: () => t }
}

const lost = (over: Partial<UnsettledAction> = {}): UnsettledAction => ({
  clientId: 'w1',
  profileId: 'demo',
  role: 'receptionist',
  operator: '100',
  seat: 'web socket 1',
  action: 'call.hangup',
  target: 'a',
  expectation: { kind: 'gone', channelId: 'a' },
  timedOut: false,
  ...over,
})

describe('OutcomeSettler', () => {
  it('settles from a resync that started after the loss, tells only the acting window, and audits it', async () => {
    const { settler, audit, settled, advance, now } = settlerSetup()
    const id = settler.track(lost({ target: 'Anna Berg <+4930123> → Reception <100>', support: 'channel a' }))
    // A rebuild that was already under way when the answer was lost cannot tell.
    settler.onResynced(stateWith({}), now() - 1)
    expect(settled).toEqual([])
    advance(10)
    settler.onResynced(stateWith({}), now())
    expect(settled).toEqual([
      { clientId: 'w1', s: expect.objectContaining({ settleId: id, outcome: 'done', action: 'call.hangup' }) as ActionSettled },
    ])
    expect(settler.size).toBe(0)
    await sleep(0)
    expect((await audit.read({ limit: 1 }))[0]).toMatchObject({
      action: 'call.hangup',
      result: 'ok',
      target: 'Anna Berg <+4930123> → Reception <100>',
      seat: 'web socket 1',
      detail: "settled from the PBX's call list: the call is gone from the PBX · channel a",
    })
    // Settled once only.
    settler.onResynced(stateWith({}), now())
    expect(settled).toHaveLength(1)
  })

  it('after a timeout it waits a grace period and asks for a resync itself', () => {
    vi.useFakeTimers()
    try {
      const { settler, settled, resyncsAsked, now } = settlerSetup()
      settler.track(lost({ timedOut: true }))
      settler.onResynced(stateWith({ channels: [channel('a')] }), now())
      expect(settled).toEqual([])
      vi.advanceTimersByTime(49)
      expect(resyncsAsked()).toBe(0)
      vi.advanceTimersByTime(1)
      expect(resyncsAsked()).toBe(1)
    } finally {
      vi.useRealTimers()
    }
  })

  it('a refusal the state shows is reported as not done, audited as an error', async () => {
    const { settler, audit, settled, now } = settlerSetup()
    settler.track(lost())
    settler.onResynced(stateWith({ channels: [channel('a')] }), now())
    expect(settled[0]?.s.outcome).toBe('not_done')
    await sleep(0)
    expect((await audit.read({ limit: 1 }))[0]).toMatchObject({ result: 'error', errorCode: 'not_done' })
  })

  it('gives up on time by itself when no resync ever comes, even if its timer fires before the clock reads the deadline', () => {
    vi.useFakeTimers()
    try {
      const settled: ActionSettled[] = []
      // The wall clock stands still: Node may fire a timer a millisecond before Date.now() reaches
      // the deadline (a CI run saw it), and the action must be given up all the same.
      const settler = new OutcomeSettler({
        audit: new MemoryAuditLog(),
        now: () => 1_000,
        ttlMs: 30,
        onSettled: (_c, s) => settled.push(s),
        requestResync: () => undefined,
      })
      settler.track(lost())
      vi.advanceTimersByTime(29)
      expect(settled).toEqual([])
      vi.advanceTimersByTime(1)
      expect(settled.map((s) => s.outcome)).toEqual(['unknown'])
      expect(settler.size).toBe(0)
    } finally {
      vi.useRealTimers()
    }
  })

  it('gives up as unknown when no resync comes in time, when too many wait, and on dispose', () => {
    const { settler, settled, advance, now } = settlerSetup({ ttlMs: 1000, maxPending: 2 })
    settler.track(lost({ target: 'first' }))
    settler.track(lost({ target: 'second' }))
    settler.track(lost({ target: 'third' }))
    expect(settled.map((x) => [x.s.target, x.s.outcome])).toEqual([['first', 'unknown']])
    advance(2000)
    settler.expire()
    expect(settled.map((x) => x.s.target)).toEqual(['first', 'second', 'third'])
    settler.track(lost({ target: 'fourth' }))
    settler.dispose()
    expect(settled.at(-1)?.s).toMatchObject({ target: 'fourth', outcome: 'unknown' })
    expect(now()).toBeGreaterThan(0)
  })
})

describe('actions record what settles them', () => {
  const live: LiveLookup = {
    channelName: (id) => ({ caller: 'PJSIP/trunk-00000001', op: 'PJSIP/100-00000002' })[id],
    peerOf: (id) => ({ caller: 'op', op: 'caller' })[id],
    bridgeOf: (id) => (id === 'caller' || id === 'op' ? 'b1' : undefined),
    extenOf: () => '100',
    knownExtensions: () => new Set(['100', '105']),
    callChannels: () => ['caller', 'op'],
    isParked: () => true,
    callParties: () => ({ caller: { name: 'Lost Answer', number: '+4930999' }, callee: { name: 'Reception', number: '100' } }),
    parkee: () => undefined,
  }
  const failing: AmiPort = {
    action: () => Promise.reject(new AmiError('outcome_unknown', 'lost')),
    originate: () => Promise.reject(new AmiError('outcome_unknown', 'lost')),
  }

  function setup() {
    const s = settlerSetup()
    const demo = builtinDemoProfile({ ami: 5038 })
    const profile = { ...demo, operator: { ...demo.operator, role: 'supervisor' as const } }
    const deps = { profile: () => profile, ami: failing, live, audit: s.audit, dialBudget: new DialBudgets(), settler: s.settler }
    return {
      ...s,
      calls: new CallActions(deps),
      queues: new QueueActions({ ...deps, isMember: () => true, memberName: () => 'Anna Berger', liveModel: () => undefined }),
    }
  }

  it('a lost hang-up carries a settle id that a later resync settles', async () => {
    const { calls, settler, settled, advance, now } = setup()
    const err = (await calls.hangup('caller', { clientId: 'w9', transport: 'web' as const }).catch((e: unknown) => e)) as {
      code: string
      detail: { settleId: string }
    }
    expect(err.code).toBe('outcome_unknown')
    expect(err.detail.settleId).toMatch(/^s/)
    advance(5)
    settler.onResynced(stateWith({ channels: [channel('op')] }), now())
    expect(settled).toEqual([{ clientId: 'w9', s: expect.objectContaining({ settleId: err.detail.settleId, outcome: 'done' }) as ActionSettled }])
  })

  it('a lost originate is looked up by the ChannelId chosen before sending', async () => {
    const sent: unknown[] = []
    const { settler, settled, audit, now } = setup()
    const profile = builtinDemoProfile({ ami: 5038 })
    const ami: AmiPort = {
      ...failing,
      originate: (fields) => {
        sent.push(fields)
        return Promise.reject(new AmiError('outcome_unknown', 'lost'))
      },
    }
    const calls = new CallActions({ profile: () => profile, ami, live, audit, dialBudget: new DialBudgets(), settler })
    await expect(calls.originate('105', false, { clientId: 'w1', transport: 'web' as const })).rejects.toMatchObject({ code: 'outcome_unknown' })
    const channelId = (sent[0] as [string, string][]).find(([k]) => k === 'ChannelId')?.[1]
    expect(channelId).toMatch(/^[0-9a-f-]{36}$/)
    settler.onResynced(stateWith({ channels: [channel(channelId ?? '')] }), now())
    expect(settled[0]?.s.outcome).toBe('done')
  })

  it('blind transfer, park and pause are settled by where the call or member is', async () => {
    const { calls, queues, settler, settled, now } = setup()
    await calls.blindTransfer('caller', '105', false, { clientId: 'w1', transport: 'web' as const }).catch(() => undefined)
    await calls.park('caller', { clientId: 'w1', transport: 'web' as const }).catch(() => undefined)
    await queues.pause('q', 'PJSIP/101', true, undefined, { clientId: 'w1', transport: 'web' as const }).catch(() => undefined)
    await calls.attendedTransfer('op', '105', false, { clientId: 'w1', transport: 'web' as const }).catch(() => undefined)
    settler.onResynced(stateWith({ channels: [channel('caller', { bridgeId: 'b1' })], queues: [queue('q', [member('PJSIP/101', true)])] }), now())
    expect(settled.map((x) => [x.s.action, x.s.outcome])).toEqual([
      ['call.transfer.blind', 'not_done'],
      ['call.park', 'not_done'],
      ['queue.pause', 'done'],
      ['call.transfer.attended', 'unknown'],
    ])
  })
})
