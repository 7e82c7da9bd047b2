/**
 * The console's live pipeline (AmiClient + LiveSync, wired as ProfileRuntime wires them) against
 * the demo PBX over real AMI, on the PBX's manual clock: a test scripts the PBX, advances time
 * with `step` and reads what the console shows in `sync.model`.
 */
import { expect } from 'vitest'
import { AmiClient } from '../../src-main/core/ami/client'
import { type DemoPbx, startDemoPbx } from '../../src-main/core/demo/index'
import type { Channel } from '../../src-main/core/demo/model'
import { LiveSync } from '../../src-main/core/live/live-sync'
import type { LiveModel } from '../../src-main/core/live/model'
import type { LiveCall } from '../../src-preload/types/live'
import type { Cleanups } from './cleanups'
import { nextEvent } from './wait'

export interface LiveConsole {
  readonly pbx: DemoPbx
  readonly client: AmiClient
  readonly sync: LiveSync
}

export async function nextSync(sync: LiveSync): Promise<void> {
  await nextEvent<true>(
    'a resync',
    (done) =>
      sync.on('synced', () => {
        done(true)
      }),
    10_000,
  )
}

/** Starts the demo PBX (no random calls) and the console on it; returns once the first rebuild is done. */
export async function startLiveConsole(seed: number, cleanups: Cleanups): Promise<LiveConsole> {
  const pbx = await startDemoPbx({ amiPort: 0, ariPort: 0, clock: 'manual', rate: 0, seed, startMs: 1_800_000_000_000 })
  cleanups.push(() => pbx.stop())
  const client = new AmiClient({
    host: '127.0.0.1',
    port: pbx.info().ami.port,
    username: 'demo',
    secret: 'demo',
    reconnect: { initialDelayMs: 5, maxDelayMs: 40 },
    pingIntervalMs: 0,
    actionTimeoutMs: 5000,
  })
  cleanups.push(() => client.stop())
  const sync = new LiveSync({ client, now: () => pbx.engine.now() })
  cleanups.push(() => {
    sync.stop()
  })
  sync.start()
  const first = nextSync(sync)
  await client.start()
  await first
  return { pbx, client, sync }
}

/**
 * Advances the PBX clock in ticks of 250 ms, waiting after each until every event it caused has
 * been applied (the console stamps events with the PBX clock when they arrive).
 */
export async function step(c: LiveConsole, ms = 500): Promise<void> {
  let left = ms
  do {
    const tick = Math.min(250, left)
    c.pbx.advanceTime(tick)
    left -= tick
    // A Ping answer comes after every event sent before it on the same socket.
    await c.client.action('Ping')
    await Promise.resolve()
  } while (left > 0)
}

/** A periodic resync (the five-minute one), waited for. */
export async function periodicResync(c: LiveConsole): Promise<void> {
  const done = nextSync(c.sync)
  void c.sync.resync()
  await done
  await step(c, 0)
}

/** The PBX cuts the console's socket; the console reconnects and rebuilds. */
export async function reconnect(c: LiveConsole): Promise<void> {
  const done = nextSync(c.sync)
  c.pbx.cutAllConnections()
  await done
  await step(c, 0)
}

/** The one call the console shows (fails, listing them, when there are more or none). */
export function onlyCall(m: LiveModel): LiveCall {
  const calls = Object.values(m.calls)
  expect(calls.map((x) => `${x.caller.number} → ${x.callee.number}`)).toHaveLength(1)
  return calls[0] as LiveCall
}

/** The demo channel ringing `device` (PJSIP/101) now. */
export function ringing(c: LiveConsole, device: string): Channel {
  const ch = c.pbx.engine.ringingChannels().find((x) => x.device === device)
  if (ch === undefined) throw new Error(`${device} is not ringing`)
  return ch
}

/**
 * An outside caller dialling the support queue's DID (4930555000) while the given members are
 * paused; returns the caller's trunk channel. Pause every member to keep the caller waiting.
 */
export function callSupportQueue(c: LiveConsole, paused: readonly string[]): Channel {
  for (const iface of paused) c.pbx.memberPause('support', iface, true, 'test')
  const trunk = c.pbx.engine.inboundCall('trunk', '4930555000', '+4930111222', 'Queue Caller')
  if (trunk === undefined) throw new Error('no inbound call')
  return trunk
}

/** Every member of the demo's support queue. */
export const SUPPORT_MEMBERS = ['PJSIP/101', 'PJSIP/102', 'PJSIP/103', 'PJSIP/104'] as const
