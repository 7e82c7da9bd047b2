/**
 * A resync is invisible: the console (AmiClient + LiveSync, as ProfileRuntime wires them) against
 * the demo PBX over real AMI, scripted into an attended transfer, a held call, a caller waiting
 * in a queue, an answered queue call and a parked call. At each moment the state is compared,
 * field by field, before and after a periodic resync and after a cut socket (reconnect): calls,
 * channels, queues and parked calls must be equal. Queue figures moved live must equal what
 * QueueStatus says at the next resync. After a PBX restart, what cannot be known is unknown.
 */
import { describe, expect, it } from 'vitest'
import type { Channel } from '../../../src-main/core/demo/model'
import { type LiveModel, toLiveState } from '../../../src-main/core/live/model'
import { PatchCoalescer } from '../../../src-main/core/live/patch-coalescer'
import { cleanupsAfterEach } from '../../support/cleanups'
import {
  callSupportQueue,
  type LiveConsole,
  nextSync,
  onlyCall,
  periodicResync,
  reconnect,
  ringing,
  startLiveConsole,
  step,
  SUPPORT_MEMBERS,
} from '../../support/live-console'

const cleanups = cleanupsAfterEach()
const start = (): Promise<LiveConsole> => startLiveConsole(11, cleanups)

/** What a window sees (meta aside): plain data, field by field. */
function shown(m: LiveModel): unknown {
  return JSON.parse(JSON.stringify({ calls: m.calls, channels: m.channels, queues: m.queues, parked: m.parked })) as unknown
}

/** The state survives a periodic resync and a cut socket unchanged; returns it. */
async function expectInvisibleResyncs(c: LiveConsole): Promise<LiveModel> {
  const before = shown(c.sync.model)
  await periodicResync(c)
  expect(shown(c.sync.model), 'after a periodic resync').toEqual(before)
  await reconnect(c)
  expect(shown(c.sync.model), 'after a reconnect').toEqual(before)
  return c.sync.model
}

/** Phone 100 calls 101 and 101 answers. */
async function talking(c: LiveConsole): Promise<{ caller: Channel; callee: Channel }> {
  const caller = c.pbx.engine.phoneCall('100', '101')
  if (caller === undefined) throw new Error('no call')
  await step(c)
  const callee = ringing(c, 'PJSIP/101')
  c.pbx.answer(callee.uniqueid)
  await step(c, 2000)
  return { caller, callee }
}

describe('a resync changes nothing the console shows', () => {
  it('mid attended transfer: still Transferring, hold and music kept, timers unchanged', async () => {
    const c = await start()
    const { caller } = await talking(c)
    // The caller transfers to 102: 101 waits on hold with music while 100 consults 102.
    expect(c.pbx.engine.atxfer(caller, 'from-internal', '102')).toBe(true)
    await step(c)
    c.pbx.answer(ringing(c, 'PJSIP/102').uniqueid)
    await step(c, 3000)
    expect(onlyCall(c.sync.model)).toMatchObject({ state: 'transferring' })
    const m = await expectInvisibleResyncs(c)
    const call = onlyCall(m)
    expect(call).toMatchObject({ state: 'transferring' })
    expect(call.stateSince).toBeDefined()
    expect(call.unknown).toBeUndefined()
    expect(Object.values(m.channels).some((ch) => ch.hold)).toBe(true)
  })

  it('mid hold: the held call stays On hold with its hold timer and music', async () => {
    const c = await start()
    const { callee } = await talking(c)
    expect(c.pbx.hold(callee.uniqueid, true)).toBe(true)
    await step(c, 4000)
    expect(onlyCall(c.sync.model)).toMatchObject({ state: 'hold' })
    const call = onlyCall(await expectInvisibleResyncs(c))
    expect(call.state).toBe('hold')
    expect(call.answeredAt).toBeDefined()
  })

  it('mid queue, then answered, then completed and abandoned: queue, DID, wait and figures kept; figures equal QueueStatus', async () => {
    const c = await start()
    const trunk = callSupportQueue(c, SUPPORT_MEMBERS)
    await step(c, 5000)
    const waiting = onlyCall(c.sync.model)
    expect(waiting).toMatchObject({ state: 'queued', queue: 'support', did: '4930555000', answeredAt: undefined })
    const queued = onlyCall(await expectInvisibleResyncs(c))
    expect(queued.stateSince).toBe(waiting.stateSince)

    // A member answers after the wait: talk starts now, not when the PBX answered for Queue().
    c.pbx.memberPause('support', 'PJSIP/101', false)
    await step(c)
    c.pbx.answer(ringing(c, 'PJSIP/101').uniqueid)
    await step(c, 3000)
    const answered = onlyCall(c.sync.model)
    expect(answered).toMatchObject({ state: 'up', queue: 'support', did: '4930555000' })
    expect((answered.answeredAt ?? 0) - answered.startedAt).toBeGreaterThanOrEqual(5000)
    expect(c.sync.model.queues.support?.members['PJSIP/101']?.inCall).toBe(true)
    const kept = onlyCall(await expectInvisibleResyncs(c))
    expect(kept).toMatchObject({ queue: 'support', did: '4930555000', answeredAt: answered.answeredAt })

    // The agent hangs up: completed 1 at once (no resync needed), hold/talk averages, SL.
    c.pbx.hangup(trunk.uniqueid)
    await step(c, 1000)
    const q = c.sync.model.queues.support
    expect(q).toMatchObject({ completed: 1, abandoned: 0, serviceLevel: 60 })
    expect(q?.holdtime).toBeGreaterThanOrEqual(5)
    expect(q?.talkTime).toBeGreaterThanOrEqual(3)
    expect(q?.serviceLevelPerf).toBe(100)
    expect(q?.members['PJSIP/101']).toMatchObject({ inCall: false, callsTaken: 1 })

    // A caller gives up after 70 s (outside the 60 s service level).
    c.pbx.memberPause('support', 'PJSIP/101', true, 'test')
    await step(c)
    const impatient = c.pbx.engine.inboundCall('trunk', '4930555000', '+4930333444', 'Impatient')
    if (impatient === undefined) throw new Error('no inbound call')
    await step(c, 70_000)
    c.pbx.hangup(impatient.uniqueid)
    await step(c, 1000)
    expect(c.sync.model.queues.support).toMatchObject({ completed: 1, abandoned: 1, serviceLevelPerf: 100, serviceLevelPerf2: 50 })
    // What moved live is what QueueStatus says: a resync changes nothing.
    await expectInvisibleResyncs(c)
    expect(c.sync.model.queues.support).toMatchObject({ completed: 1, abandoned: 1, serviceLevelPerf2: 50 })
  })

  it('mid park: the parked call keeps its parked time and its answer time', async () => {
    const c = await start()
    const { callee } = await talking(c)
    expect(c.pbx.park(callee.name)).toBeDefined()
    await step(c, 3000)
    const parked = onlyCall(c.sync.model)
    expect(parked.state).toBe('parked')
    const call = onlyCall(await expectInvisibleResyncs(c))
    expect(call).toMatchObject({ state: 'parked', stateSince: parked.stateSince, answeredAt: parked.answeredAt })
  })

  it('a periodic resync sends windows nothing for the calls and channels it kept', async () => {
    const c = await start()
    const { callee } = await talking(c)
    c.pbx.hold(callee.uniqueid, true)
    await step(c, 1000)
    const co = new PatchCoalescer({ profileId: 'p', initial: toLiveState(c.sync.model), frameMs: 1_000_000 })
    const off = c.sync.on('change', (m) => {
      co.update(toLiveState(m))
    })
    await periodicResync(c)
    const patch = co.flush()
    off()
    co.dispose()
    expect(Object.keys(patch?.calls?.upsert ?? {})).toEqual([])
    expect(Object.keys(patch?.channels?.upsert ?? {})).toEqual([])
    expect(patch?.calls?.remove ?? []).toEqual([])
    expect(patch?.channels?.remove ?? []).toEqual([])
  })

  it('after a PBX restart, a call the console never saw shows its answer time and hold as unknown, not guessed', async () => {
    const c = await start()
    await talking(c)
    await c.pbx.stopAmi()
    c.pbx.engine.restart()
    c.pbx.advanceTime(60_000)
    await c.pbx.startAmi()
    const synced = nextSync(c.sync)
    // While the console is away, a call starts and is answered.
    const caller = c.pbx.engine.phoneCall('105', '106')
    c.pbx.advanceTime(500)
    const callee = c.pbx.engine.ringingChannels().find((x) => x.device === 'PJSIP/106')
    if (caller === undefined || callee === undefined) throw new Error('no call after restart')
    c.pbx.answer(callee.uniqueid)
    c.pbx.advanceTime(2000)
    await synced
    await step(c, 0)
    const call = onlyCall(c.sync.model)
    expect(call).toMatchObject({ state: 'up', answeredAt: undefined, unknown: ['answeredAt', 'hold'] })
    expect(call.channelIds).toContain(caller.uniqueid)
  })
})
