// The renderer applying keyed queue changes (bench:wallboard): a member's change replaces that
// member only, so every other member and caller keeps its object (memoised rows skip them), in
// its order; removals go by key; a snapshot still replaces everything.
import { describe, expect, it } from 'vitest'
import { type LivePatch, type LiveQueue, type LiveQueueMember, type LiveState, emptyLiveState } from '../../../src-preload/types/live'
import { callersInLine } from '../../../src-preload/types/live-queue-callers'
import { LiveTables } from '../../../src-renderer/src/stores/live-tables'

const member = (iface: string, status = 1): LiveQueueMember => ({
  interface: iface,
  name: `Agent ${iface}`,
  stateInterface: iface,
  status,
  paused: false,
  pausedReason: '',
  penalty: 0,
  callsTaken: 0,
  lastCall: 0,
  inCall: false,
  membership: 'dynamic',
})

function queue(id: string): LiveQueue {
  return {
    id,
    strategy: 'ringall',
    max: 0,
    holdtime: 3,
    talkTime: 40,
    completed: 5,
    abandoned: 1,
    serviceLevel: 60,
    serviceLevelPerf: 80,
    weight: 0,
    members: { 'PJSIP/101': member('PJSIP/101'), 'PJSIP/102': member('PJSIP/102'), 'PJSIP/103': member('PJSIP/103') },
    callers: {
      c1: { channelId: 'c1', order: 1, callerNum: '0301', callerName: 'Ann', joinedAt: 1_000 },
      c2: { channelId: 'c2', order: 2, callerNum: '0302', callerName: 'Bob', joinedAt: 2_000 },
    },
  }
}

function start(): { tables: LiveTables; state: LiveState } {
  const tables = new LiveTables()
  const state: LiveState = { ...emptyLiveState(), queues: { support: queue('support'), sales: queue('sales') } }
  tables.replace(state)
  return { tables, state }
}

const change = (seq: number, c: NonNullable<NonNullable<LivePatch['queues']>['change']>): LivePatch => ({
  profileId: 'p',
  seq,
  queues: { upsert: {}, remove: [], change: c },
})

describe('LiveTables: keyed queue changes', () => {
  it('a member change replaces that member; the other members, the callers and the other queues keep their objects and order', () => {
    const { tables, state } = start()
    const before = tables.tables.queues.get('support')
    const frame = tables.apply([change(1, { support: { members: { upsert: { 'PJSIP/102': member('PJSIP/102', 2) }, remove: [] } } })])
    const after = tables.tables.queues.get('support')
    expect(frame.collections.has('queues')).toBe(true)
    expect(after).not.toBe(before)
    expect(after?.members['PJSIP/102']?.status).toBe(2)
    expect(after?.members['PJSIP/101']).toBe(state.queues.support?.members['PJSIP/101'])
    expect(after?.members['PJSIP/103']).toBe(state.queues.support?.members['PJSIP/103'])
    expect(after?.callers).toBe(state.queues.support?.callers)
    expect(Object.keys(after?.members ?? {})).toEqual(['PJSIP/101', 'PJSIP/102', 'PJSIP/103'])
    expect(after).toMatchObject({ completed: 5, holdtime: 3 })
    expect(tables.tables.queues.get('sales')).toBe(state.queues.sales)
    // The input snapshot is not written to.
    expect(state.queues.support?.members['PJSIP/102']?.status).toBe(1)
  })

  it('removals go by key; a caller leaving takes only its row, the others move up', () => {
    const { tables, state } = start()
    tables.apply([
      change(1, {
        support: {
          members: { upsert: {}, remove: ['PJSIP/101'] },
          callers: { upsert: {}, remove: ['c1'] },
        },
      }),
    ])
    const q = tables.tables.queues.get('support')
    expect(Object.keys(q?.members ?? {})).toEqual(['PJSIP/102', 'PJSIP/103'])
    expect(q?.members['PJSIP/102']).toBe(state.queues.support?.members['PJSIP/102'])
    // The head left: the caller behind it is first in line, the same object (its order did not change).
    expect(callersInLine(q?.callers ?? {}).map((c) => [c.caller.channelId, c.position])).toEqual([['c2', 1]])
    expect(q?.callers.c2).toBe(state.queues.support?.callers.c2)
  })

  it('figures replace the queue’s own figures and keep its members', () => {
    const { tables, state } = start()
    const { members: _m, callers: _c, ...figures } = queue('support')
    tables.apply([change(1, { support: { figures: { ...figures, completed: 6, serviceLevelPerf2: 75 } } })])
    const q = tables.tables.queues.get('support')
    expect(q).toMatchObject({ completed: 6, serviceLevelPerf2: 75 })
    expect(q?.members).toBe(state.queues.support?.members)
  })

  it('several patches in one frame apply in order; a change to a queue the window lacks is skipped', () => {
    const { tables } = start()
    tables.apply([
      change(1, { support: { members: { upsert: { 'PJSIP/104': member('PJSIP/104') }, remove: [] } } }),
      change(2, {
        support: { members: { upsert: { 'PJSIP/104': member('PJSIP/104', 6) }, remove: ['PJSIP/103'] } },
        ghost: { members: { upsert: {}, remove: ['x'] } },
      }),
    ])
    const q = tables.tables.queues.get('support')
    expect(Object.keys(q?.members ?? {})).toEqual(['PJSIP/101', 'PJSIP/102', 'PJSIP/104'])
    expect(q?.members['PJSIP/104']?.status).toBe(6)
    expect(tables.tables.queues.get('ghost')).toBeUndefined()
  })

  it('a change that changes nothing reports no change of the queues', () => {
    const { tables } = start()
    const version = tables.tables.queues.version
    const frame = tables.apply([change(1, { support: { members: { upsert: {}, remove: ['not-a-member'] } } })])
    expect(frame.collections.has('queues')).toBe(false)
    expect(tables.tables.queues.version).toBe(version)
  })

  it('a snapshot still replaces everything', () => {
    const { tables } = start()
    tables.apply([change(1, { support: { members: { upsert: { 'PJSIP/102': member('PJSIP/102', 2) }, remove: [] } } })])
    const fresh = queue('support')
    tables.replace({ ...emptyLiveState(), queues: { support: fresh } })
    expect(tables.tables.queues.get('support')).toBe(fresh)
    expect(tables.tables.queues.get('sales')).toBeUndefined()
    expect(tables.view().queues.support?.members['PJSIP/102']?.status).toBe(1)
  })
})
