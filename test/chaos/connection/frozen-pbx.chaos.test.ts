/**
 * Issue 15 item 5 as it was seen, with the console's real liveness settings: Asterisk stopped
 * (SIGSTOP) for 25 s. AMI, ARI and the FreePBX API sit behind proxies that stop forwarding without
 * closing anything. With LIVENESS_DEFAULTS every transport must read "not answering" within the
 * deadline detectionDeadlines() states (9 s AMI and ARI events, 14 s REST), the breaker must open,
 * and after SIGCONT everything must come back on its own (AMI's backoff is at most 30 s).
 */
import { afterEach, describe, expect, it } from 'vitest'
import { PbxSession, type SessionStatus, type TransportName } from '../../../src-main/core/connection/index'
import { LIVENESS_DEFAULTS, detectionDeadlines } from '../../../src-main/core/connection/liveness'
import { startFreepbxDemoServer } from '../../../src-main/core/demo-freepbx/index'
import { startDemoPbx } from '../../../src-main/core/demo/index'
import { makeUser } from '../../../src-main/core/demo/ami-users'
import { type PbxProfile, type SecretKind, builtinDemoProfile } from '../../../src-main/core/profiles/index'
import { freezingProxy } from '../../support/freezing-proxy'

const SECRETS: Record<SecretKind, string> = { ami: 'amiSecret-Cz21', ari: 'ariSecret-Cz22', freepbx: 'apiSecret-Cz23' }
const SLACK_MS = 2000
const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

describe('a PBX frozen for 25 s, default liveness settings', () => {
  it('is flagged within the stated deadlines on AMI, ARI and the FreePBX API, opens the breaker, and recovers', async () => {
    const pbx = await startDemoPbx({
      amiPort: 0, ariPort: 0, rate: 0,
      amiUsers: [makeUser('console', SECRETS.ami, 'call,reporting', 'call,reporting,originate')],
      ariUsers: [{ username: 'console', secret: SECRETS.ari }],
    })
    cleanups.push(() => pbx.stop())
    const api = await startFreepbxDemoServer({ clients: [{ clientId: 'attendant', clientSecret: SECRETS.freepbx }] })
    cleanups.push(() => api.close())
    const proxies = [await freezingProxy(pbx.ami.port), await freezingProxy(pbx.ari.port), await freezingProxy(api.port)] as const
    for (const p of proxies) cleanups.push(() => p.close())
    const base = builtinDemoProfile({ ami: proxies[0].port, ari: proxies[1].port, freepbxHttp: proxies[2].port })
    const profile: PbxProfile = { ...base, ami: { ...base.ami, user: 'console' }, ari: { ...base.ari, user: 'console' }, freepbx: { ...base.freepbx, clientId: 'attendant' } }
    // Everything as the console runs it (ProfileRuntime passes only the event mask).
    const s = new PbxSession({ profile, getSecret: (kind) => Promise.resolve(SECRETS[kind]) })
    cleanups.push(() => s.disconnect())
    const log: Array<{ at: number; status: SessionStatus }> = []
    s.on('status', (status) => log.push({ at: Date.now(), status }))
    await s.connect()
    const all = (state: string): boolean => (['ami', 'ari', 'rest'] as const).every((t) => s.status()[t].state === state)
    for (let i = 0; i < 100 && !all('connected'); i++) await sleep(100)
    expect(all('connected')).toBe(true)
    await sleep(3000)

    const frozenAt = Date.now()
    for (const p of proxies) p.freeze()
    await sleep(25_000)
    const first = (t: TransportName): number => log.find((e) => e.at >= frozenAt && e.status[t].state === 'not_answering')?.at ?? Infinity
    const d = detectionDeadlines(LIVENESS_DEFAULTS)
    expect(first('ami') - frozenAt).toBeLessThanOrEqual(d.ami + SLACK_MS)
    expect(first('ari') - frozenAt).toBeLessThanOrEqual(d.ariEvents + SLACK_MS)
    expect(first('rest') - frozenAt).toBeLessThanOrEqual(d.rest + SLACK_MS)
    expect(log.some((e) => e.at >= frozenAt && e.status.breaker === 'open')).toBe(true)
    const lastDetection = Math.max(first('ami'), first('ari'), first('rest'))
    for (const e of log.filter((x) => x.at > lastDetection)) for (const t of ['ami', 'ari', 'rest'] as const) expect(e.status[t].state).not.toBe('connected')

    const thawedAt = Date.now()
    for (const p of proxies) p.thaw()
    for (let i = 0; i < 450 && !(all('connected') && s.status().breaker === 'closed'); i++) await sleep(100)
    expect(s.status()).toMatchObject({ breaker: 'closed', ami: { state: 'connected' }, ari: { state: 'connected' }, rest: { state: 'connected' } })
    expect(Date.now() - thawedAt).toBeLessThan(45_000)
  }, 120_000)
})
