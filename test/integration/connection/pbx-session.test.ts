import { describe, expect, it } from 'vitest'
import { PbxSession, type SessionStatus } from '../../../src-main/core/connection/index'
import { fetchCdrRows } from '../../../src-main/core/freepbx/index'
import type { PbxProfile, SecretKind } from '../../../src-main/core/profiles/index'
import { countingProxy } from '../../support/counting-proxy'
import { sleep, until } from '../../support/wait'
import { cleanupsAfterEach } from '../../support/cleanups'
import { type DemoEndpoints, type DemoEndpointsOptions, startDemoEndpoints } from '../../support/demo-endpoints'

const SECRETS: Record<SecretKind, string> = { ami: 'amiSecret-Zq81', ari: 'ariSecret-Zq82', freepbx: 'apiSecret-Zq83' }
const cleanups = cleanupsAfterEach()

function setup(api: DemoEndpointsOptions['api'] = {}): Promise<DemoEndpoints> {
  return startDemoEndpoints({ secrets: SECRETS, authFailDelayMs: 10, api }, cleanups)
}

function session(
  profile: PbxProfile,
  extra: Partial<ConstructorParameters<typeof PbxSession>[0]> = {},
  secrets: Partial<Record<SecretKind, string>> = SECRETS,
): { s: PbxSession; statuses: SessionStatus[] } {
  const s = new PbxSession({
    profile,
    getSecret: (kind) => Promise.resolve(secrets[kind]),
    healthIntervalMs: 0,
    ami: { reconnect: { initialDelayMs: 20, maxDelayMs: 100 }, connectTimeoutMs: 2000, pingIntervalMs: 0 },
    ari: { reconnect: { initialDelayMs: 20, maxDelayMs: 100 }, timeoutMs: 1000 },
    ...extra,
  })
  const statuses: SessionStatus[] = []
  s.on('status', (st) => statuses.push(st))
  cleanups.push(() => s.disconnect())
  return { s, statuses }
}

/** Every string a secret can turn into on the wire or in a log. */
function secretForms(): string[] {
  const forms: string[] = []
  for (const v of Object.values(SECRETS)) forms.push(v, Buffer.from(v).toString('base64'), encodeURIComponent(v))
  forms.push(Buffer.from(`console:${SECRETS.ari}`).toString('base64'))
  return forms
}

function scan(payloads: unknown[]): void {
  const text = JSON.stringify(payloads, (_k, v: unknown) =>
    v instanceof Error ? { name: v.name, message: v.message, code: (v as { code?: unknown }).code } : v,
  )
  for (const form of secretForms()) expect(text).not.toContain(form)
}

describe('PbxSession against the demo PBX', () => {
  it('connects all three transports, exercises every path, and no payload carries a secret', async () => {
    const { pbx, profile } = await setup()
    // subscribeAll on purpose here, to exercise the event path; the console's default is off.
    const { s, statuses } = session(profile, { ari: { reconnect: { initialDelayMs: 20, maxDelayMs: 100 }, timeoutMs: 1000, subscribeAll: true } })
    const ariEvents: unknown[] = []
    const amiEvents: unknown[] = []
    s.on('ariEvent', (e) => ariEvents.push(e))
    s.on('amiEvent', (m) => amiEvents.push(m.toObject()))
    await s.connect()
    await until('AMI and ARI connected', () => s.status().ami.state === 'connected' && s.status().ari.state === 'connected', 3000)
    const st = s.status()
    expect(st).toMatchObject({
      profileId: 'demo',
      breaker: 'closed',
      ami: { state: 'connected' },
      ari: { state: 'connected' },
      rest: { state: 'connected' },
    })
    const call = pbx.placeCall({ from: { trunk: 'trunk' }, to: '4930555000' })
    await until('an ARI event', () => ariEvents.length > 0, 3000)
    const channels = await s.ari((c) => c.channels())
    expect(channels.some((c) => c.id === call?.uniqueid)).toBe(true)
    await s.ari((c) => c.hangup(call?.uniqueid ?? ''))
    const errors: unknown[] = []
    await s.ari((c) => c.hangup('gone-channel')).catch((e: unknown) => errors.push(e))
    await s.rest((api) => api.health())
    await s.rest((api) => fetchCdrRows(api)).catch((e: unknown) => errors.push(e))
    const amiPing = await s.amiClient?.action('Ping')
    expect(amiPing?.get('Response')).toBe('Success')
    expect(ariEvents.length).toBeGreaterThan(0)
    scan([st, statuses, errors, ariEvents, s.status(), Object.entries(s), s])
    expect(JSON.stringify(s)).not.toContain(SECRETS.ami)
  })

  it('by default the ARI event socket is opened without subscribeAll: nobody reads it, it only answers pings', async () => {
    const { pbx, profile } = await setup()
    const { s } = session(profile)
    const ariEvents: unknown[] = []
    s.on('ariEvent', (e) => ariEvents.push(e))
    await s.connect()
    await until('ARI connected', () => s.status().ari.state === 'connected', 3000)
    pbx.placeCall({ from: { trunk: 'trunk' }, to: '4930555000' })
    await sleep(400)
    expect(ariEvents).toEqual([])
    expect(s.status().ari.state).toBe('connected')
  })

  it('wrong AMI password → auth_failed, and no reconnect storm (login attempts counted)', async () => {
    const { pbx, profile } = await setup()
    const proxy = await countingProxy(pbx.ami.port)
    cleanups.push(() => proxy.close())
    const { s, statuses } = session({ ...profile, ami: { ...profile.ami, port: proxy.port } }, {}, { ...SECRETS, ami: 'not-the-secret-55' })
    await s.connect()
    await until('AMI auth_failed', () => s.status().ami.code === 'auth_failed', 3000)
    expect(s.status().ami).toMatchObject({ state: 'down', code: 'auth_failed' })
    expect(s.status().ami.lastError).toMatch(/authentication failed/)
    const attempts = proxy.connections()
    // AmiClient's default: 3 attempts, then it gives up.
    expect(attempts).toBe(3)
    await sleep(600)
    expect(proxy.connections()).toBe(attempts)
    // ARI and REST are unaffected by the AMI credentials.
    expect(s.status().ari.state).toBe('connected')
    expect(JSON.stringify(statuses)).not.toContain('not-the-secret-55')
  })

  it('ARI down → breaker opens after N failures, half-opens after the cool-down, closes when ARI is back', async () => {
    const { pbx, profile } = await setup()
    let now = 1_000_000
    const { s, statuses } = session(
      { ...profile, freepbx: { ...profile.freepbx, enabled: false } },
      { now: () => now, breaker: { failureThreshold: 3, windowMs: 10_000, coolDownMs: 5_000 } },
    )
    await s.connect()
    // AMI settled too (the MD5 login takes a Challenge round trip): its late success would reset the count.
    await until('ARI and AMI connected', () => s.status().ari.state === 'connected' && s.status().ami.state === 'connected', 3000)
    await pbx.stopAri()
    // The event socket's own failed reconnects also count; health rounds add more.
    for (let i = 0; i < 5 && s.breakerState !== 'open'; i++) await s.checkHealth()
    expect(s.breakerState).toBe('open')
    expect(s.status().ari.state).not.toBe('connected')
    // Open: refused without touching the network.
    await expect(s.ari((c) => c.info())).rejects.toMatchObject({ code: 'circuit_open' })
    now += 5_000
    expect(s.status().breaker).toBe('half_open')
    // Half-open probe fails (ARI still down) → open again for another cool-down.
    await s.checkHealth()
    expect(s.breakerState).toBe('open')
    now += 5_000
    expect(s.breakerState).toBe('half_open')
    await pbx.startAri()
    await s.checkHealth()
    expect(s.breakerState).toBe('closed')
    await until('ARI connected', () => s.status().ari.state === 'connected', 3000)
    expect(s.status().ari.state).toBe('connected')
    const seen = statuses.map((x) => x.breaker)
    expect(seen).toContain('open')
    expect(seen).toContain('half_open')
    expect(seen[seen.length - 1]).toBe('closed')
  })

  it('AMI reconnect → resync event for the live-state layer', async () => {
    const { pbx, profile } = await setup()
    const { s } = session({ ...profile, ari: { ...profile.ari, enabled: false }, freepbx: { ...profile.freepbx, enabled: false } })
    const resyncs: string[] = []
    s.on('resync', ({ transport }) => resyncs.push(transport))
    await s.connect()
    await until('AMI connected', () => s.status().ami.state === 'connected', 3000)
    pbx.cutAllConnections()
    await until('a resync', () => resyncs.length > 0, 3000)
    expect(resyncs).toEqual(['ami'])
    expect(s.status().ami.state).toBe('connected')
    expect(s.status().ari.state).toBe('disabled')
  })

  it('OAuth token expiry inside a session → exactly one refresh', async () => {
    let serverNow = 0
    const { api, profile } = await setup({ tokenLifetimeSec: 60, now: () => serverNow })
    const { s } = session({ ...profile, ari: { ...profile.ari, enabled: false } }, { now: () => 0 })
    await s.connect()
    expect(s.status().rest.state).toBe('connected')
    serverNow = 61_000
    await s.rest((c) => c.health())
    expect(api.handler.stats.tokenRequests).toBe(2)
    expect(api.handler.stats.rejectedTokens).toBe(1)
  })

  it('missing secrets are reported per transport, without connecting', async () => {
    const { profile } = await setup()
    const { s } = session(profile, {}, {})
    await s.connect()
    const st = s.status()
    expect(st.ami).toMatchObject({ state: 'down', code: 'no_secret' })
    expect(st.ari).toMatchObject({ state: 'down', code: 'no_secret' })
    expect(st.rest).toMatchObject({ state: 'down', code: 'no_secret' })
  })
})
