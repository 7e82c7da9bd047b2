/** fromSnapshots against the real EventList answers of snapshots.raw and snapshots-idle.raw. */
import { describe, expect, it } from 'vitest'
import { fromSnapshots } from '../../../src-main/core/live/snapshots'
import { replay, listItems } from './support'

function load(name: string, prefix: string, now = 1_000_000) {
  return fromSnapshots(
    {
      coreShowChannels: listItems(name, `${prefix}-coreshowchannels`),
      bridgeList: listItems(name, `${prefix}-bridgelist`),
      extensionStateList: listItems(name, `${prefix}-extensionstatelist`),
      queueStatus: listItems(name, `${prefix}-queuestatus`),
      parkedCalls: listItems(name, `${prefix}-parkedcalls`),
      deviceStateList: listItems(name, `${prefix}-devicestatelist`),
    },
    now,
  )
}

describe('fromSnapshots', () => {
  it('snapshots.raw: two bridged calls with their channels, bridges, queues and devices', () => {
    const m = load('snapshots', 'snap')
    expect(Object.keys(m.channels).sort()).toEqual(
      [
        'lab-1795552389.4',
        'lab-1795552389.5',
        'lab-1795552389.6',
        'lab-1795552389.7',
        'lab-1795552389.8',
        'lab-1795552389.9',
        'lab-1795552389.10',
        'lab-1795552389.11',
      ].sort(),
    )
    expect(Object.keys(m.bridges).sort()).toEqual(['c42d22ca-d81e-442e-b046-e68a0a7c401e', 'c54be0b2-1021-4270-83f8-555df0802713'])
    expect([...(m.bridges['c42d22ca-d81e-442e-b046-e68a0a7c401e']?.channelIds ?? [])].sort()).toEqual(['lab-1795552389.4', 'lab-1795552389.6'])
    const calls = Object.values(m.calls)
    expect(calls.map((c) => c.id).sort()).toEqual(['lab-1795552389.4', 'lab-1795552389.8'])
    for (const c of calls) {
      expect(c.state).toBe('up')
      expect(c.channelIds).toHaveLength(4)
      // Answered before the console saw them: when is not in any list, nor whether they are held.
      expect(c.answeredAt).toBeUndefined()
      expect(c.unknown).toEqual(['answeredAt', 'hold'])
    }
    expect(m.calls['lab-1795552389.4']?.caller).toEqual({ name: 'Lab orig-a', number: '300' })
    expect(Object.keys(m.queues).sort()).toEqual(['sales', 'support'])
    expect(Object.keys(m.queues.support?.members ?? {}).sort()).toEqual(['Local/101@lab/n', 'Local/102@lab/n'])
    expect(m.queues.support?.members['Local/101@lab/n']).toMatchObject({ name: 'Agent 101', status: 2, paused: false })
    expect(m.devices['Queue:support_avail']?.state).toBe('INUSE')
    expect(m.meta).toMatchObject({ status: 'live', syncedAt: 1_000_000 })
    // Channel age comes from Duration: created no later than the snapshot.
    for (const ch of Object.values(m.channels)) expect(ch.createdAt).toBeLessThanOrEqual(1_000_000)
  })

  it('matches the live replay of the same capture for the set of channels and calls', () => {
    const steps = replay('snapshots')
    // The state just before the snapshot lists were answered (the last live event before them).
    const firstCleanup = steps.findIndex((s) => s.event.event === 'Hangup' || s.event.event === 'BridgeLeave')
    const live = (steps[firstCleanup - 1] ?? steps[0])?.model
    const snap = load('snapshots', 'snap')
    expect(Object.keys(snap.channels).sort()).toEqual(Object.keys(live?.channels ?? {}).sort())
    expect(Object.keys(snap.calls).sort()).toEqual(Object.keys(live?.calls ?? {}).sort())
    for (const id of Object.keys(snap.channels)) {
      expect(snap.channels[id]?.bridgeId).toBe(live?.channels[id]?.bridgeId)
      expect(snap.index.channelCall[id]).toBe(live?.index.channelCall[id])
    }
  })

  it('snapshots-idle.raw: empty lists give an empty state with static queue members', () => {
    const m = load('snapshots-idle', 'idle')
    expect(m.channels).toEqual({})
    expect(m.calls).toEqual({})
    expect(m.parked).toEqual({})
    expect(m.bridges).toEqual({})
    expect(Object.keys(m.queues).sort()).toEqual(['sales', 'support'])
    expect(Object.keys(m.devices).length).toBeGreaterThan(0)
  })

  it('parked calls and queue entries from their lists (park.raw, queue-abandon.raw)', () => {
    const parked = fromSnapshots(
      {
        coreShowChannels: [],
        bridgeList: [],
        extensionStateList: [],
        queueStatus: [],
        parkedCalls: listItems('park', 'parkedcalls-1'),
      },
      5000,
    )
    expect(parked.parked['default:701']).toMatchObject({ space: '701', parkeeId: 'lab-1795552441.36' })
    const q = fromSnapshots(
      { coreShowChannels: [], bridgeList: [], extensionStateList: [], queueStatus: listItems('queue-abandon', 'qa-status'), parkedCalls: [] },
      5000,
    )
    expect(q.queues.support?.members['Local/102@lab/n']?.pausedReason).toBe('Wrap-up: ticket #42')
  })
})
