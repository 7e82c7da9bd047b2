/**
 * Queue figures move with app_queue's events (captures queue.raw, queue-abandon.raw) computed as
 * app_queue computes them, and a resync's replay never counts twice what QueueStatus already holds.
 */
import { describe, expect, it } from 'vitest'
import { AmiMessage } from '../../../src-main/core/ami/message'
import { LiveSync } from '../../../src-main/core/live/live-sync'
import { runningAverage, servicePercent } from '../../../src-main/core/live/queue-stats'
import { after, listItems, replay } from './support'
import { FakeListClient } from '../../support/fake-list-client'

describe('app_queue arithmetic', () => {
  it('running averages: the first call sets them, then (3·old + new) / 4 in integers', () => {
    expect(runningAverage(0, 7, true)).toBe(7)
    expect(runningAverage(7, 20, false)).toBe(10) // (21 + 20) >> 2 = 41 >> 2
    expect(runningAverage(10, 0, false)).toBe(7) // 30 >> 2
  })

  it('service level percentages print like %2.1f of a C float (ties to even)', () => {
    expect(servicePercent(0, 0)).toBe(0)
    expect(servicePercent(1, 1)).toBe(100)
    expect(servicePercent(2, 3)).toBe(66.7)
    expect(servicePercent(1, 3)).toBe(33.3)
    // 49/400 = 12.25 exactly as a float: glibc prints 12.2, not 12.3.
    expect(servicePercent(49, 400)).toBe(12.2)
  })
})

describe('queue figures from the captured events', () => {
  it('queue.raw: AgentConnect moves the hold time and InCall as QueueStatus then said; AgentComplete counts the call', () => {
    const steps = replay('queue')
    const connect = after(steps, (e) => e.event === 'AgentConnect')[0]?.model
    // The capture's QueueStatus right after the connect (q-status-2): Holdtime 2, Agent 103 InCall 1.
    const status = listItems('queue', 'q-status-2')
    expect(status.find((m) => m.event === 'QueueParams')?.get('Holdtime')).toBe('2')
    expect(status.find((m) => m.get('Name') === 'Agent 103')?.get('InCall')).toBe('1')
    expect(connect?.queues.support).toMatchObject({ holdtime: 2, completed: 0 })
    expect(connect?.queues.support?.members['Local/103@lab/n']?.inCall).toBe(true)
    const done = after(steps, (e) => e.event === 'AgentComplete')[0]?.model
    // HoldTime 2 is outside the lab's servicelevel 0; the first completed call sets the talk time.
    expect(done?.queues.support).toMatchObject({ completed: 1, abandoned: 0, talkTime: 2, holdtime: 2, serviceLevelPerf: 0, completedInSl: 0 })
  })

  it('queue-abandon.raw: the caller who hung up after 3 s is abandoned, outside servicelevel 0', () => {
    const steps = replay('queue-abandon')
    const m = after(steps, (e) => e.event === 'QueueCallerAbandon')[0]?.model
    expect(m?.queues.support).toMatchObject({ abandoned: 1, completed: 0, abandonedInSl: 0, serviceLevelPerf2: 0, holdtime: 0 })
    expect(m?.queues.support?.callers).toEqual({})
  })
})

function params(completed: number, holdtime: number, talkTime: number): AmiMessage {
  return AmiMessage.from([
    ['Event', 'QueueParams'],
    ['Queue', 'support'],
    ['Max', '0'],
    ['Strategy', 'ringall'],
    ['Calls', '0'],
    ['Holdtime', String(holdtime)],
    ['TalkTime', String(talkTime)],
    ['Completed', String(completed)],
    ['Abandoned', '0'],
    ['ServiceLevel', '60'],
    ['ServicelevelPerf', completed > 0 ? '100.0' : '0.0'],
    ['ServicelevelPerf2', completed > 0 ? '100.0' : '0.0'],
    ['Weight', '0'],
    ['ActionID', 'x'],
  ])
}

function member(inCall: boolean, callsTaken: number): AmiMessage {
  return AmiMessage.from([
    ['Event', 'QueueMember'],
    ['Queue', 'support'],
    ['Name', 'Anna'],
    ['Location', 'PJSIP/101'],
    ['StateInterface', 'PJSIP/101'],
    ['Membership', 'static'],
    ['Penalty', '0'],
    ['CallsTaken', String(callsTaken)],
    ['LastCall', '0'],
    ['InCall', inCall ? '1' : '0'],
    ['Status', '2'],
    ['Paused', '0'],
    ['PausedReason', ''],
    ['ActionID', 'x'],
  ])
}

const complete = AmiMessage.from([
  ['Event', 'AgentComplete'],
  ['Privilege', 'agent,all'],
  ['Queue', 'support'],
  ['Interface', 'PJSIP/101'],
  ['MemberName', 'Anna'],
  ['HoldTime', '12'],
  ['TalkTime', '40'],
  ['Reason', 'caller'],
])

async function resyncWith(client: FakeListClient, sync: LiveSync, queueStatus: readonly AmiMessage[], during: () => void): Promise<void> {
  client.answers.set('QueueStatus', queueStatus)
  const done = new Promise<void>((resolve) =>
    sync.once('synced', () => {
      resolve()
    }),
  )
  void sync.resync()
  during()
  client.release()
  await done
}

describe('a resync does not count a queue call twice', () => {
  async function connected(): Promise<{ client: FakeListClient; sync: LiveSync }> {
    const client = new FakeListClient()
    let t = 1_000_000
    const sync = new LiveSync({ client, now: () => (t += 10) })
    sync.start()
    await resyncWith(client, sync, [params(0, 12, 0), member(true, 0)], () => undefined)
    return { client, sync }
  }

  it('an AgentComplete that QueueStatus already counts (completed 1) stays one call', async () => {
    const { client, sync } = await connected()
    // The call ends while the periodic resync's lists are in flight, before QueueStatus is taken.
    await resyncWith(client, sync, [params(1, 12, 40), member(false, 1)], () => {
      client.fire('event', complete)
    })
    expect(sync.model.queues.support).toMatchObject({ completed: 1, talkTime: 40, completedInSl: 1, serviceLevelPerf: 100 })
    expect(sync.model.queues.support?.members['PJSIP/101']).toMatchObject({ inCall: false, callsTaken: 1 })
    sync.stop()
  })

  // app_queue publishes AgentComplete before update_queue() counts the call, so the event can
  // reach the console before a QueueStatus that does not count it yet.
  it('an AgentComplete QueueStatus does not hold yet (completed 0) is counted on top', async () => {
    const { client, sync } = await connected()
    await resyncWith(client, sync, [params(0, 12, 0), member(true, 0)], () => {
      client.fire('event', complete)
    })
    expect(sync.model.queues.support).toMatchObject({ completed: 1, talkTime: 40, completedInSl: 1, serviceLevelPerf: 100 })
    expect(sync.model.queues.support?.members['PJSIP/101']).toMatchObject({ inCall: false, callsTaken: 1 })
    sync.stop()
  })
})

describe('waiting is not talking (queue.raw: exten 200 answers before Queue(), as FreePBX does)', () => {
  it('the call has no talk time while answered by the PBX and queued; it starts when a member is bridged', () => {
    const steps = replay('queue')
    const answeredByPbx = after(steps, (e) => e.event === 'Newstate' && e.channel?.channel === 'Local/200@lab-00000008;1')[0]
    const joined = after(steps, (e) => e.event === 'QueueCallerJoin')[0]
    const bridged = after(steps, (e) => e.event === 'BridgeEnter' && e.channel?.channel === 'Local/200@lab-00000008;2')[0]
    if (answeredByPbx === undefined || joined === undefined || bridged === undefined) throw new Error('capture changed')
    const call = (m: typeof joined.model) => Object.values(m.calls).find((c) => c.channelIds.includes('lab-1795552411.17'))
    expect(call(answeredByPbx.model)?.answeredAt).toBeUndefined()
    expect(call(joined.model)).toMatchObject({ state: 'queued', answeredAt: undefined })
    // Events are stamped 1 s apart (support.replay): talk starts at the member's answer, after the wait.
    const talking = call(bridged.model)
    expect(talking?.state).toBe('up')
    expect(talking?.answeredAt).toBeGreaterThan(1000 * (joined.index + 1))
  })
})
