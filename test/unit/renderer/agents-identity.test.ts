// The agent board's rows are memoised on their agent object (Table's memoRows): agentsOf gives the
// same object again while its members, extension and call are the same objects (a live patch keeps
// those it did not change), and a new one as soon as one of them changed.
import { describe, expect, it } from 'vitest'
import { emptyLiveState, type LiveQueue, type LiveQueueMember, type LiveState } from '../../../src-preload/types/live'
import { agentsOf } from '../../../src-renderer/src/components/queue-members/agents'

const member = (iface: string, fields: Partial<LiveQueueMember> = {}): LiveQueueMember => ({
  interface: iface,
  name: `Agent ${iface}`,
  stateInterface: iface,
  status: 1,
  paused: false,
  pausedReason: '',
  penalty: 0,
  callsTaken: 0,
  lastCall: 0,
  inCall: false,
  membership: 'dynamic',
  ...fields,
})

const queue = (id: string, members: readonly LiveQueueMember[]): LiveQueue => ({
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
  members: Object.fromEntries(members.map((m) => [m.interface, m])),
  callers: {},
})

function stateWith(queues: readonly LiveQueue[]): LiveState {
  return { ...emptyLiveState(), queues: Object.fromEntries(queues.map((q) => [q.id, q])) }
}

describe('agentsOf keeps unchanged agents', () => {
  const a = member('PJSIP/101')
  const b = member('PJSIP/102')
  const first = stateWith([queue('sales', [a, b]), queue('support', [a])])

  it('gives the same agent objects for the same member objects in a new state', () => {
    const before = agentsOf(first)
    const after = agentsOf(stateWith([queue('sales', [a, b]), queue('support', [a])]))
    expect(after.map((x) => x.iface)).toEqual(['PJSIP/101', 'PJSIP/102'])
    expect(after[0]).toBe(before[0])
    expect(after[1]).toBe(before[1])
  })

  it('makes the agent again when one of its members changed, in any of its queues, and only that agent', () => {
    const before = agentsOf(first)
    const paused = member('PJSIP/101', { paused: true, pausedReason: 'Lunch' })
    const after = agentsOf(stateWith([queue('sales', [a, b]), queue('support', [paused])]))
    expect(after[0]).not.toBe(before[0])
    expect(after[0]).toMatchObject({ iface: 'PJSIP/101', partlyPaused: true, pauseReason: 'Lunch' })
    expect(after[1]).toBe(before[1])
  })

  it('makes the agent again when it leaves a queue', () => {
    const before = agentsOf(first)
    const after = agentsOf(stateWith([queue('sales', [a, b]), queue('support', [])]))
    expect(after[0]).not.toBe(before[0])
    expect(after[0]?.queues.map((q) => q.queue)).toEqual(['sales'])
  })
})
