/**
 * Queues on the live wire (bench:wallboard): a queue a window already has is sent as a keyed
 * change — its figures when they moved, only the members and callers that changed, removals by
 * key — never whole again for one member's state. New queues and snapshots stay whole, and the
 * flow gate's merging of held patches gives what applying them one by one gives.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { AmiMessage } from '../../../src-main/core/ami/message'
import { type AmiTypedEvent, toTypedEvent } from '../../../src-main/core/ami/events'
import { LiveFlowGate } from '../../../src-main/core/live/live-flow'
import { emptyLiveModel, type LiveModel, toLiveState } from '../../../src-main/core/live/model'
import { PatchCoalescer, type Scheduler } from '../../../src-main/core/live/patch-coalescer'
import { reduceAll } from '../../../src-main/core/live/reduce'
import type { LiveMessage, LivePatch, LiveQueue, LiveQueueMember, LiveState } from '../../../src-preload/types/live'
import { callersInLine } from '../../../src-preload/types/live-queue-callers'
import { applyLivePatch } from '../../support/live-patches'
import { SimPbx } from './sim-pbx'

const never: Scheduler = () => ({ cancel: () => undefined })

function member(iface: string, fields: Record<string, string> = {}, event = 'QueueMemberStatus'): AmiTypedEvent {
  const ev = toTypedEvent(
    AmiMessage.from({
      Event: event,
      Queue: 'support',
      MemberName: `Agent ${iface}`,
      Interface: iface,
      StateInterface: iface,
      Membership: 'dynamic',
      Penalty: '0',
      CallsTaken: '0',
      LastCall: '0',
      InCall: '0',
      Status: '1',
      Paused: '0',
      PausedReason: '',
      ...fields,
    }),
  )
  if (ev === undefined) throw new Error(`${event} did not type`)
  return ev
}

const typed = (msgs: readonly AmiMessage[]): AmiTypedEvent[] => msgs.map(toTypedEvent).filter((e): e is AmiTypedEvent => e !== undefined)

/** A model with queue `support` of three members, a coalescer that has flushed it, and a way on. */
function setup(): { co: PatchCoalescer; step: (events: readonly AmiTypedEvent[]) => LivePatch | undefined; model: () => LiveModel } {
  let m = reduceAll(
    emptyLiveModel(),
    ['PJSIP/101', 'PJSIP/102', 'PJSIP/103'].map((i) => member(i, {}, 'QueueMemberAdded')),
    1_000,
  )
  const co = new PatchCoalescer({ profileId: 'p', initial: toLiveState(m), scheduler: never })
  return {
    co,
    step: (events) => {
      m = reduceAll(m, events, 2_000)
      co.update(toLiveState(m))
      return co.flush()
    },
    model: () => m,
  }
}

describe('queue patches from the coalescer', () => {
  it('a member’s state change sends that member only, keyed by interface, and not the queue whole', () => {
    const { step } = setup()
    const patch = step([member('PJSIP/102', { Status: '2', InCall: '1' })])
    expect(patch?.queues?.upsert).toEqual({})
    expect(patch?.queues?.remove).toEqual([])
    const change = patch?.queues?.change?.support
    expect(Object.keys(change?.members?.upsert ?? {})).toEqual(['PJSIP/102'])
    expect(change?.members?.upsert['PJSIP/102']).toMatchObject({ status: 2, inCall: true, stateSince: 2_000 })
    expect(change?.members?.remove).toEqual([])
    // Nothing else of the queue moved: no figures, no callers.
    expect(change?.figures).toBeUndefined()
    expect(change?.callers).toBeUndefined()
  })

  it('a status event with nothing new sends nothing at all', () => {
    const { step } = setup()
    expect(step([member('PJSIP/101')])).toBeUndefined()
  })

  it('a removed member is sent as its interface, the others untouched', () => {
    const { step } = setup()
    const patch = step([member('PJSIP/101', {}, 'QueueMemberRemoved')])
    const change = patch?.queues?.change?.support
    expect(change?.members).toEqual({ upsert: {}, remove: ['PJSIP/101'] })
  })

  it('callers: a join sends the new caller; the head leaving sends its removal and nothing else', () => {
    const sim = new SimPbx()
    let m = reduceAll(emptyLiveModel(), [member('PJSIP/101', {}, 'QueueMemberAdded')], 1_000)
    for (let i = 0; i < 3; i++) m = reduceAll(m, typed(sim.apply({ op: 'new', link: undefined })), 1_000)
    m = reduceAll(m, typed([...sim.apply({ op: 'queue', ch: 0 }), ...sim.apply({ op: 'queue', ch: 1 })]), 1_000)
    const co = new PatchCoalescer({ profileId: 'p', initial: toLiveState(m), scheduler: never })
    const [first, second, third] = [...sim.channels.keys()]
    m = reduceAll(m, typed(sim.apply({ op: 'queue', ch: 2 })), 2_000)
    co.update(toLiveState(m))
    const join = co.flush()?.queues?.change?.support
    expect(Object.keys(join?.callers?.upsert ?? {})).toEqual([third])
    expect(join?.members).toBeUndefined()
    m = reduceAll(m, typed(sim.apply({ op: 'hangup', ch: 0 })), 3_000)
    co.update(toLiveState(m))
    const leave = co.flush()?.queues?.change?.support
    expect(leave?.callers).toEqual({ upsert: {}, remove: [first] })
    // The callers behind it are first and second in line by their unchanged orders.
    expect(callersInLine(m.queues.support?.callers ?? {}).map((c) => [c.caller.channelId, c.position])).toEqual([
      [second, 1],
      [third, 2],
    ])
  })

  it('a figure that moved sends the figures whole, without the members and callers', () => {
    const { step } = setup()
    const abandon = toTypedEvent(
      AmiMessage.from({ Event: 'QueueCallerAbandon', Queue: 'support', HoldTime: '4', Position: '1', OriginalPosition: '1' }),
    )
    const patch = step(abandon === undefined ? [] : [abandon])
    const change = patch?.queues?.change?.support
    expect(change?.figures).toMatchObject({ id: 'support', abandoned: 1 })
    expect(change?.figures).not.toHaveProperty('members')
    expect(change?.figures).not.toHaveProperty('callers')
    expect(change?.members).toBeUndefined()
  })

  it('a new queue is sent whole; a snapshot carries every queue whole', () => {
    const { step, co } = setup()
    const patch = step([{ ...member('PJSIP/101', {}, 'QueueMemberAdded'), queue: 'sales' } as AmiTypedEvent])
    expect(Object.keys(patch?.queues?.upsert ?? {})).toEqual(['sales'])
    expect(patch?.queues?.change).toBeUndefined()
    const got: LiveMessage[] = []
    co.subscribe({ send: (msg) => got.push(msg) })
    const snap = got[0]
    expect(snap?.kind).toBe('snapshot')
    if (snap?.kind !== 'snapshot') return
    expect(Object.keys(snap.snapshot.state.queues).sort()).toEqual(['sales', 'support'])
    expect(Object.keys(snap.snapshot.state.queues.support?.members ?? {})).toEqual(['PJSIP/101', 'PJSIP/102', 'PJSIP/103'])
  })

  it('a window applying the changes ends equal to the model, members in their order', () => {
    const { step, model } = setup()
    let view: LiveState = toLiveState(model())
    const before = view.queues.support
    for (const events of [
      [member('PJSIP/102', { Paused: '1', PausedReason: 'Lunch' }, 'QueueMemberPause')],
      [member('PJSIP/104', {}, 'QueueMemberAdded'), member('PJSIP/101', { Status: '6' })],
      [member('PJSIP/103', {}, 'QueueMemberRemoved')],
    ]) {
      const patch = step(events)
      if (patch !== undefined) view = applyLivePatch(view, patch)
    }
    expect(JSON.parse(JSON.stringify(view.queues))).toEqual(JSON.parse(JSON.stringify(toLiveState(model()).queues)))
    expect(Object.keys(view.queues.support?.members ?? {})).toEqual(['PJSIP/101', 'PJSIP/102', 'PJSIP/104'])
    // The input state is left as it was.
    expect(Object.keys(before?.members ?? {})).toEqual(['PJSIP/101', 'PJSIP/102', 'PJSIP/103'])
  })
})

describe('held queue changes in the flow gate', () => {
  const base: LiveQueue = { ...emptyQueueLike('support') }
  const mem = (iface: string, status: number): LiveQueueMember => ({
    interface: iface,
    name: iface,
    stateInterface: iface,
    status,
    paused: false,
    pausedReason: '',
    penalty: 0,
    callsTaken: 0,
    lastCall: 0,
    inCall: false,
    membership: 'static',
  })
  type Op =
    | { kind: 'member'; iface: string; status: number }
    | { kind: 'drop'; iface: string }
    | { kind: 'figures'; completed: number }
    | { kind: 'whole' }
    | { kind: 'gone' }
  const op: fc.Arbitrary<Op> = fc.oneof(
    fc.record({ kind: fc.constant('member' as const), iface: fc.constantFrom('a', 'b', 'c'), status: fc.nat(8) }),
    fc.record({ kind: fc.constant('drop' as const), iface: fc.constantFrom('a', 'b', 'c') }),
    fc.record({ kind: fc.constant('figures' as const), completed: fc.nat(50) }),
    fc.constant({ kind: 'whole' as const }),
    fc.constant({ kind: 'gone' as const }),
  )

  /** The patch an op makes against the queue as the window has it (present or not). */
  function patchOf(seq: number, o: Op, has: LiveQueue | undefined): LivePatch {
    const p = { profileId: 'p', seq }
    if (o.kind === 'gone') return { ...p, queues: { upsert: {}, remove: has === undefined ? [] : ['support'] } }
    if (o.kind === 'whole' || has === undefined)
      return { ...p, queues: { upsert: { support: { ...base, members: { z: mem('z', 1) } } }, remove: [] } }
    if (o.kind === 'figures') {
      const { members: _m, callers: _c, ...figures } = has
      return { ...p, queues: { upsert: {}, remove: [], change: { support: { figures: { ...figures, completed: o.completed } } } } }
    }
    const members = o.kind === 'member' ? { upsert: { [o.iface]: mem(o.iface, o.status) }, remove: [] } : { upsert: {}, remove: [o.iface] }
    return { ...p, queues: { upsert: {}, remove: [], change: { support: { members } } } }
  }

  it('merging held patches ends where applying them one by one ends (seeded)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(op, fc.boolean()), { minLength: 1, maxLength: 40 }), (ops) => {
        let truth: LiveState = { ...emptyState(), queues: { support: base } }
        let windowState = truth
        const gate = new LiveFlowGate({
          transmit: (msg) => {
            if (msg.kind === 'patch') windowState = applyLivePatch(windowState, msg.patch)
          },
        })
        gate.offer({ kind: 'patch', patch: { profileId: 'p', seq: 0 } })
        let seq = 0
        for (const [o, ack] of ops) {
          const patch = patchOf(++seq, o, truth.queues.support)
          truth = applyLivePatch(truth, patch)
          gate.offer({ kind: 'patch', patch })
          if (ack) gate.ack()
        }
        gate.ack()
        gate.ack()
        expect(JSON.parse(JSON.stringify(windowState.queues))).toEqual(JSON.parse(JSON.stringify(truth.queues)))
      }),
      { seed: 19, numRuns: 300 },
    )
  })

  it('counts a held change’s members and callers towards its bound', () => {
    const gate = new LiveFlowGate({ transmit: () => undefined, maxHeldChanges: 5 })
    gate.offer({ kind: 'patch', patch: { profileId: 'p', seq: 1 } })
    const upsert = Object.fromEntries(['a', 'b', 'c'].map((i) => [i, mem(i, 1)]))
    gate.offer({
      kind: 'patch',
      patch: { profileId: 'p', seq: 2, queues: { upsert: {}, remove: [], change: { support: { members: { upsert, remove: [] } } } } },
    })
    expect(gate.heldChanges).toBe(3)
    gate.offer({
      kind: 'patch',
      patch: { profileId: 'p', seq: 3, queues: { upsert: {}, remove: [], change: { support: { members: { upsert: {}, remove: ['d', 'e'] } } } } },
    })
    expect(gate.heldChanges).toBe(5)
    gate.offer({
      kind: 'patch',
      patch: { profileId: 'p', seq: 4, queues: { upsert: {}, remove: [], change: { support: { members: { upsert: {}, remove: ['f'] } } } } },
    })
    // Past the bound the merge is dropped: the window will ask for a snapshot.
    expect(gate.stats.dropped).toBe(1)
  })
})

function emptyQueueLike(id: string): LiveQueue {
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
    members: {
      a: {
        interface: 'a',
        name: 'a',
        stateInterface: 'a',
        status: 1,
        paused: false,
        pausedReason: '',
        penalty: 0,
        callsTaken: 0,
        lastCall: 0,
        inCall: false,
        membership: 'static',
      },
    },
    callers: {},
  }
}

function emptyState(): LiveState {
  return {
    meta: { status: 'live', syncedAt: 0, resyncs: 0 },
    channels: {},
    calls: {},
    extensions: {},
    devices: {},
    queues: {},
    parked: {},
    bridges: {},
  }
}
