/**
 * Issue 15 item 5: a frozen PBX (SIGSTOP: connections stay open, nothing answers) must not look
 * alive on any transport. The demo PBX's AMI and ARI and the demo FreePBX API each sit behind a
 * proxy that stops forwarding both ways without closing anything. Every transport must leave
 * "connected" for "not answering" within the deadline its liveness settings give
 * (detectionDeadlines), the shared breaker must open, and after the thaw everything recovers.
 */
import { describe, expect, it } from 'vitest'
import { PbxSession, type SessionStatus, type TransportName } from '../../../src-main/core/connection/index'
import { type LivenessOptions, detectionDeadlines } from '../../../src-main/core/connection/liveness'
import type { PbxProfile, SecretKind } from '../../../src-main/core/profiles/index'
import { type FreezingProxy, freezingProxy } from '../../support/freezing-proxy'
import { sleep, until } from '../../support/wait'
import { cleanupsAfterEach } from '../../support/cleanups'
import { startDemoEndpoints } from '../../support/demo-endpoints'

const SECRETS: Record<SecretKind, string> = { ami: 'amiSecret-Fz11', ari: 'ariSecret-Fz12', freepbx: 'apiSecret-Fz13' }
const LIVENESS: LivenessOptions = {
  amiPingIntervalMs: 300,
  amiPingTimeoutMs: 400,
  ariPingIntervalMs: 300,
  ariPongTimeoutMs: 400,
  healthIntervalMs: 400,
  healthTimeoutMs: 400,
}
/** Timers on a shared 2-core machine run late; the deadline itself comes from the settings. */
const SLACK_MS = 1500

const cleanups = cleanupsAfterEach()

async function setup(): Promise<{ profile: PbxProfile; proxies: Record<TransportName, FreezingProxy> }> {
  const { profile, fronts } = await startDemoEndpoints({ secrets: SECRETS, front: freezingProxy }, cleanups)
  if (fronts === undefined) throw new Error('no proxies')
  return { profile, proxies: fronts }
}

function watch(s: PbxSession): {
  first: (name: TransportName, state: string, after: number) => number | undefined
  log: Array<{ at: number; status: SessionStatus }>
} {
  const log: Array<{ at: number; status: SessionStatus }> = []
  s.on('status', (status) => log.push({ at: Date.now(), status }))
  return {
    log,
    first: (name, state, after) => log.find((e) => e.at >= after && e.status[name].state === state)?.at,
  }
}

describe('a frozen PBX over AMI, ARI and the FreePBX API', () => {
  it('is reported "not answering" on every transport within its deadline, opens the breaker, and recovers after the thaw', async () => {
    const { profile, proxies } = await setup()
    const s = new PbxSession({
      profile,
      getSecret: (kind) => Promise.resolve(SECRETS[kind]),
      liveness: LIVENESS,
      breaker: { failureThreshold: 3, windowMs: 10_000, coolDownMs: 800 },
      ami: { reconnect: { initialDelayMs: 50, maxDelayMs: 200 }, connectTimeoutMs: 500 },
      ari: { reconnect: { initialDelayMs: 50, maxDelayMs: 200 }, timeoutMs: 2000 },
      rest: { timeoutMs: 2000 },
    })
    cleanups.push(() => s.disconnect())
    const w = watch(s)
    await s.connect()
    const allConnected = (): boolean => (['ami', 'ari', 'rest'] as const).every((t) => s.status()[t].state === 'connected')
    await until('all three transports connected', allConnected, 5000, 20)
    // A few liveness rounds pass while everything answers: no false alarm.
    const calmFrom = Date.now()
    await sleep(1200)
    expect(w.log.filter((e) => e.at >= calmFrom).every((e) => e.status.breaker === 'closed' && e.status.ami.state === 'connected')).toBe(true)
    expect(allConnected()).toBe(true)

    const frozenAt = Date.now()
    for (const p of Object.values(proxies)) p.freeze()
    const deadline = detectionDeadlines(LIVENESS)
    await until(
      'every transport not answering',
      () => (['ami', 'ari', 'rest'] as const).every((t) => w.first(t, 'not_answering', frozenAt) !== undefined),
      Math.max(deadline.ami, deadline.ariEvents, deadline.rest) + SLACK_MS,
      20,
    )
    const detected = {
      ami: w.first('ami', 'not_answering', frozenAt) ?? Infinity,
      ari: w.first('ari', 'not_answering', frozenAt) ?? Infinity,
      rest: w.first('rest', 'not_answering', frozenAt) ?? Infinity,
    }
    expect(detected.ami - frozenAt).toBeLessThanOrEqual(deadline.ami + SLACK_MS)
    // ARI is watched twice: the event socket's ping and the REST health round; the ping is the faster.
    expect(detected.ari - frozenAt).toBeLessThanOrEqual(deadline.ariEvents + SLACK_MS)
    expect(detected.rest - frozenAt).toBeLessThanOrEqual(deadline.rest + SLACK_MS)
    // "Since" is when it stopped answering, for the status bar's "not answering since hh:mm:ss".
    for (const t of ['ami', 'ari', 'rest'] as const) {
      expect(s.status()[t].since).toBeGreaterThanOrEqual(frozenAt)
      expect(s.status()[t].lastError).toMatch(/not answering|no answer/i)
    }
    await until('the breaker open', () => w.log.some((e) => e.at >= frozenAt && e.status.breaker === 'open'), 3000, 20)
    expect(s.status().breakerRetryAt ?? 0).toBeGreaterThan(0)

    // The freeze lasts: nothing may claim "connected" meanwhile (reconnect attempts time out too).
    await sleep(2500)
    const thawedAt = Date.now()
    const duringFreeze = w.log.filter((e) => e.at > Math.max(detected.ami, detected.ari, detected.rest) && e.at < thawedAt)
    for (const e of duringFreeze) for (const t of ['ami', 'ari', 'rest'] as const) expect(e.status[t].state).not.toBe('connected')
    expect(proxies.ami.accepted).toBeGreaterThan(1)

    for (const p of Object.values(proxies)) p.thaw()
    await until('all three connected again and the breaker closed', () => allConnected() && s.status().breaker === 'closed', 8000, 20)
    expect(
      w.log.some((e) => e.at >= thawedAt && e.status.breaker === 'half_open') || w.log.some((e) => e.at >= thawedAt && e.status.breaker === 'closed'),
    ).toBe(true)
  })

  it('a PBX that answers slowly but within the deadline is not flagged', async () => {
    const { profile, proxies } = await setup()
    const s = new PbxSession({
      profile,
      getSecret: (kind) => Promise.resolve(SECRETS[kind]),
      liveness: LIVENESS,
      ari: { reconnect: { initialDelayMs: 50, maxDelayMs: 200 } },
    })
    cleanups.push(() => s.disconnect())
    const w = watch(s)
    await s.connect()
    await until('all connected', () => (['ami', 'ari', 'rest'] as const).every((t) => s.status()[t].state === 'connected'), 5000, 20)
    const from = Date.now()
    // Short stalls (well inside the 400 ms deadlines) on every path, for two seconds.
    for (let i = 0; i < 10; i++) {
      for (const p of Object.values(proxies)) p.freeze()
      await sleep(100)
      for (const p of Object.values(proxies)) p.thaw()
      await sleep(100)
    }
    expect(
      w.log
        .filter((e) => e.at >= from)
        .flatMap((e) => [e.status.ami.state, e.status.ari.state, e.status.rest.state])
        .filter((st) => st !== 'connected'),
    ).toEqual([])
  })
})
