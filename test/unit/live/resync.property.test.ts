/**
 * Resync under every interleaving: a reference PBX runs random commands; the console connects at
 * a random point c, the PBX takes its snapshot at a random point s ≥ c, and the list answers reach
 * LiveSync after a random number of live events (k ≥ c, before or after s). After the rest of the
 * events, LiveSync's state must equal the PBX's: same channels (no ghost, no duplicate), same
 * bridges and queue positions, and the same calls as a replay of every event from the start.
 * Then a resync with nothing changed must leave calls, channels, queues and parked calls equal.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { AmiMessage } from '../../../src-main/core/ami/message'
import { toTypedEvent, type AmiTypedEvent } from '../../../src-main/core/ami/events'
import { LiveSync } from '../../../src-main/core/live/live-sync'
import { emptyLiveModel, type LiveModel } from '../../../src-main/core/live/model'
import { reduceAll } from '../../../src-main/core/live/reduce'
import { callersInLine } from '../../../src-preload/types/live-queue-callers'
import { SimPbx, simCommands, type SimCommand } from './sim-pbx'
import { FakeListClient } from '../../support/fake-list-client'

const SEED = Number(process.env.LIVE_PROPERTY_SEED ?? 20261125)

const command = simCommands(50)

interface Run {
  events: AmiMessage[]
  /** Snapshot answers after each command, with the event count at that moment. */
  snaps: Array<{ at: number; snap: ReturnType<SimPbx['snapshot']> }>
  pbx: SimPbx
}

function run(cmds: readonly SimCommand[]): Run {
  const pbx = new SimPbx()
  const events: AmiMessage[] = []
  const snaps: Run['snaps'] = [{ at: 0, snap: pbx.snapshot() }]
  for (const c of cmds) {
    events.push(...pbx.apply(c))
    snaps.push({ at: events.length, snap: pbx.snapshot() })
  }
  return { events, snaps, pbx }
}

function expectMatchesPbx(model: LiveModel, pbx: SimPbx, events: readonly AmiMessage[]): void {
  expect(Object.keys(model.channels).sort()).toEqual([...pbx.channels.keys()].sort())
  for (const [id, ch] of pbx.channels) {
    const live = model.channels[id]
    expect(live).toMatchObject({ state: ch.state, linkedid: ch.linkedid, callerName: ch.callerName, bridgeId: ch.bridge })
  }
  const liveBridges = Object.fromEntries(
    Object.values(model.bridges)
      .filter((b) => b.channelIds.length > 0)
      .map((b) => [b.id, [...b.channelIds].sort()]),
  )
  const pbxBridges = Object.fromEntries([...pbx.bridges].filter(([, m]) => m.size > 0).map(([b, m]) => [b, [...m].sort()]))
  expect(liveBridges).toEqual(pbxBridges)
  const callers = callersInLine(model.queues.support?.callers ?? {}).map((c) => [c.caller.channelId, c.position])
  expect(callers).toEqual(pbx.queueOrder.map((id, i) => [id, i + 1]))
  // Calls: the same grouping as a replay of every event from the start.
  const truth = reduceAll(
    emptyLiveModel(),
    events.map(toTypedEvent).filter((e): e is AmiTypedEvent => e !== undefined),
    0,
  )
  const groups = (m: LiveModel) =>
    Object.values(m.calls)
      .map((c) => [c.id, [...c.channelIds].sort(), c.state])
      .sort()
  expect(groups(model)).toEqual(groups(truth))
  // Every channel is in exactly one call.
  const all = Object.values(model.calls).flatMap((c) => c.channelIds)
  expect(new Set(all).size).toBe(all.length)
  expect(all.length).toBe(pbx.channels.size)
}

/** What a window is shown of calls, channels, queues and parked calls: plain data, field by field. */
function shown(m: LiveModel): unknown {
  return JSON.parse(JSON.stringify({ calls: m.calls, channels: m.channels, queues: m.queues, parked: m.parked })) as unknown
}

describe('resync: snapshot + buffered events = the PBX state', () => {
  it('for random interleavings of snapshot and events (seeded)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 80 }), fc.nat(), fc.nat(), fc.nat(), async (cmds, cRaw, sRaw, kRaw) => {
        const { events, snaps, pbx } = run(cmds)
        const n = events.length
        const c = cRaw % (n + 1)
        // The snapshot is taken at a command boundary at or after the request.
        const eligible = snaps.filter((x) => x.at >= c)
        const snap = eligible[sRaw % eligible.length] ?? { at: n, snap: pbx.snapshot() }
        const k = c + (kRaw % (n - c + 1))

        const client = new FakeListClient('idle')
        client.answers.set('CoreShowChannels', snap.snap.coreShowChannels)
        client.answers.set('BridgeList', snap.snap.bridgeList)
        client.answers.set('QueueStatus', snap.snap.queueStatus)
        let t = 0
        const sync = new LiveSync({ client, now: () => ++t })
        sync.start()
        for (const m of events.slice(0, c)) client.fire('event', m) // before connecting: replaced anyway
        client.state = 'ready'
        const synced = new Promise<void>((resolve) =>
          sync.once('synced', () => {
            resolve()
          }),
        )
        client.fire('connected', { reconnect: false })
        expect(client.pendingLists).toBe(6)
        for (const m of events.slice(c, k)) client.fire('event', m)
        client.release()
        await synced
        for (const m of events.slice(k)) client.fire('event', m)
        await Promise.resolve()
        expect(sync.model.meta.status).toBe('live')
        expectMatchesPbx(sync.model, pbx, events)
        // Nothing changes, the state is rebuilt again (a periodic resync): it stays as it was.
        const before = shown(sync.model)
        const final = pbx.snapshot()
        client.answers.set('CoreShowChannels', final.coreShowChannels)
        client.answers.set('BridgeList', final.bridgeList)
        client.answers.set('QueueStatus', final.queueStatus)
        const again = new Promise<void>((resolve) =>
          sync.once('synced', () => {
            resolve()
          }),
        )
        void sync.resync()
        client.release()
        await again
        expect(shown(sync.model)).toEqual(before)
        sync.stop()
      }),
      { seed: SEED, numRuns: 300 },
    )
  })

  it('a disconnect during the resync discards it; the next connect rebuilds from scratch', async () => {
    const { events, pbx } = run([
      { op: 'new', link: undefined },
      { op: 'new', link: 0 },
      { op: 'up', ch: 0 },
      { op: 'bridge', a: 0, b: 1 },
      { op: 'new', link: undefined },
    ])
    const client = new FakeListClient('idle')
    let t = 0
    const sync = new LiveSync({ client, now: () => ++t })
    sync.start()
    client.state = 'ready'
    // Old, stale view: a ghost channel that the PBX no longer has.
    client.answers.set(
      'CoreShowChannels',
      [...pbx.snapshot().coreShowChannels, ...new SimPbx().apply({ op: 'new', link: undefined }).map((m) => m)].filter(
        (m) => m.event === 'CoreShowChannel',
      ),
    )
    client.fire('connected', { reconnect: false })
    client.fire('disconnected', { error: undefined, willReconnect: true })
    expect(sync.model.meta.status).toBe('disconnected')
    client.release() // the overtaken answers arrive late: ignored
    await Promise.resolve()
    await Promise.resolve()
    expect(sync.model.meta.resyncs).toBe(0)
    const snap = pbx.snapshot()
    client.answers.set('CoreShowChannels', snap.coreShowChannels)
    client.answers.set('BridgeList', snap.bridgeList)
    const synced = new Promise<void>((resolve) =>
      sync.once('synced', () => {
        resolve()
      }),
    )
    client.fire('connected', { reconnect: true })
    client.release()
    await synced
    expect(sync.model.meta.resyncs).toBe(1)
    expectMatchesPbx(sync.model, pbx, events)
    sync.stop()
  })
})
