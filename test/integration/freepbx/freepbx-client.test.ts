import { describe, expect, it } from 'vitest'
import { type FreepbxDemoCdr, type FreepbxDemoServer, startFreepbxDemoServer } from '../../../src-main/core/demo-freepbx/index'
import { startDemoPbx, type DemoPbx } from '../../../src-main/core/demo/index'
import { freepbxDataFromEngine } from '../../../src-main/core/demo-freepbx/index'
import { FreepbxClient, TransportError, fetchCdrRows } from '../../../src-main/core/freepbx/index'
import { sleep } from '../../support/wait'
import { cleanupsAfterEach } from '../../support/cleanups'

const SECRET = 'c0ffee00c0ffee00c0ffee00c0ffee00'
const CLIENT = 'a'.repeat(64)
const cleanups = cleanupsAfterEach()

function cdr(i: number, seq = 0): FreepbxDemoCdr {
  return {
    uniqueid: `pbx-${String(i)}`,
    sequence: seq,
    calldate: `2026-11-${String(10 + (i % 5)).padStart(2, '0')} 10:00:00`,
    src: '100',
    dst: '200',
    duration: i,
    billsec: i,
    disposition: 'ANSWERED',
  }
}

async function server(opts: Partial<Parameters<typeof startFreepbxDemoServer>[0]> = {}): Promise<FreepbxDemoServer> {
  const s = await startFreepbxDemoServer({
    clients: [
      { clientId: CLIENT, clientSecret: SECRET },
      { clientId: 'cdr-only', clientSecret: SECRET, allowedScopes: ['gql:cdr'] },
    ],
    data: {
      extensions: () => [
        { extensionId: '100', name: 'Alice', tech: 'pjsip' },
        { extensionId: '101', name: 'Bob', tech: 'pjsip' },
      ],
      cdrs: () => Array.from({ length: 23 }, (_, i) => cdr(i)),
    },
    ...opts,
  })
  cleanups.push(() => s.close())
  return s
}

function client(s: FreepbxDemoServer, overrides: Partial<ConstructorParameters<typeof FreepbxClient>[0]> = {}): FreepbxClient {
  const c = new FreepbxClient({ baseUrl: s.baseUrl, clientId: CLIENT, clientSecret: SECRET, timeoutMs: 3000, ...overrides })
  cleanups.push(() => c.close())
  return c
}

describe('FreepbxClient against the demo FreePBX endpoints', () => {
  it('fetches one token and reuses it while valid', async () => {
    const s = await server()
    const api = client(s)
    expect(await api.health()).toEqual({ extensionCount: 2 })
    await api.health()
    await Promise.all([api.health(), api.health(), api.health()])
    expect(api.tokenFetches).toBe(1)
    expect(s.handler.stats.tokenRequests).toBe(1)
  })

  it('renews shortly before expiry on its own clock, without a 401', async () => {
    let t = 1_000_000
    const s = await server({ tokenLifetimeSec: 600, now: () => t })
    const api = client(s, { now: () => t })
    await api.health()
    t += 600_000 - 30_000 // inside the renewal margin (60 s, at most a tenth of the lifetime)
    await api.health()
    expect(api.tokenFetches).toBe(2)
    expect(s.handler.stats.rejectedTokens).toBe(0)
  })

  it('token expired on the server → exactly one refresh and the query succeeds', async () => {
    let serverTime = 1_000_000
    const s = await server({ tokenLifetimeSec: 60, now: () => serverTime })
    // The client's clock lags: it believes the token is still fresh, the server says 401.
    const api = client(s, { now: () => 1_000_000 })
    await api.health()
    serverTime += 61_000
    expect(await api.health()).toEqual({ extensionCount: 2 })
    expect(api.tokenFetches).toBe(2)
    expect(s.handler.stats.rejectedTokens).toBe(1)
  })

  it('api 17 style (500 OAuthServerException) also gets exactly one refresh', async () => {
    let serverTime = 0
    const s = await server({ tokenLifetimeSec: 60, now: () => serverTime, authFailureStyle: '17' })
    const api = client(s, { now: () => 0 })
    await api.health()
    serverTime = 120_000
    await api.health()
    expect(api.tokenFetches).toBe(2)
  })

  it('a token refused again after the refresh surfaces unauthorized (no loop)', async () => {
    // Server time leaps a day per reading: every token it issues is expired when next checked.
    let reading = 0
    const s = await server({ tokenLifetimeSec: 60, now: () => reading++ * 86_400_000 })
    const api = client(s, { now: () => 0 })
    const err = (await api.health().catch((e: unknown) => e)) as TransportError
    expect(err).toBeInstanceOf(TransportError)
    expect(err.code).toBe('unauthorized')
    expect(api.tokenFetches).toBe(2)
    expect(s.handler.stats.gqlRequests).toBe(2)
    // The next call starts afresh (one new token, one retry), still bounded.
    await api.health().catch(() => undefined)
    expect(api.tokenFetches).toBe(4)
  })

  it('wrong client secret → unauthorized with invalid_client, secret not in the message', async () => {
    const s = await server()
    const api = client(s, { clientSecret: 'wrong-secret-value-123' })
    const err = (await api.health().catch((e: unknown) => e)) as TransportError
    expect(err.code).toBe('unauthorized')
    expect(err.message).not.toContain('wrong-secret-value-123')
    expect(err.message).not.toContain(SECRET)
  })

  it('missing scope → forbidden (FreePBX answers a validation error, not 403)', async () => {
    const s = await server()
    const api = client(s, { clientId: 'cdr-only' })
    await expect(api.health()).rejects.toMatchObject({ code: 'forbidden' })
    await expect(client(s, { clientId: 'cdr-only', scope: 'gql:core' }).health()).rejects.toMatchObject({ code: 'forbidden' })
  })

  it('pages through CDRs, de-duplicates, honours the date filter', async () => {
    const s = await server()
    const api = client(s)
    const all = await fetchCdrRows(api, { pageSize: 5 })
    expect(all.map((r) => r.uniqueid)).toEqual(Array.from({ length: 23 }, (_, i) => `pbx-${String(i)}`))
    expect(all[3]?.duration).toBe(3)
    const day = await fetchCdrRows(api, { pageSize: 4, startDate: '2026-11-10', endDate: '2026-11-10' })
    expect(day.map((r) => r.uniqueid)).toEqual(['pbx-0', 'pbx-5', 'pbx-10', 'pbx-15', 'pbx-20'])
    await expect(fetchCdrRows(api, { startDate: '2026-11-10' })).rejects.toMatchObject({ code: 'graphql_error' })
  })

  it('stops when the server ignores `after` (the cdr module bug) instead of looping', async () => {
    const rows = Array.from({ length: 12 }, (_, i) => cdr(i))
    let requests = 0
    const s = await server({
      data: {
        extensions: () => [],
        cdrs: () => {
          requests++
          return rows.slice(0, 5)
        },
      },
    })
    const api = client(s)
    const got = await fetchCdrRows(api, { pageSize: 5 })
    expect(got).toHaveLength(5)
    expect(requests).toBe(2)
  })

  it('reads CDRs the demo PBX engine produced', async () => {
    const pbx: DemoPbx = await startDemoPbx({ amiPort: 0, ariPort: 0, rate: 0 })
    cleanups.push(() => pbx.stop())
    const data = freepbxDataFromEngine(pbx.engine)
    cleanups.push(() => {
      data.stop()
      return Promise.resolve()
    })
    const s = await server({ data })
    const call = pbx.placeCall({ from: { trunk: 'trunk' }, to: '4930555000' })
    pbx.hangup(call?.uniqueid ?? '')
    for (let i = 0; i < 100 && data.cdrs().length === 0; i++) await sleep(10)
    const rows = await fetchCdrRows(client(s))
    expect(rows.length).toBeGreaterThan(0)
    expect(rows.some((r) => r.uniqueid === call?.uniqueid)).toBe(true)
    expect((await client(s).health()).extensionCount).toBe(pbx.engine.phones.size)
  })
})
