/**
 * Issue 15 item 5 as it was seen, with the console's real liveness settings: Asterisk stopped
 * (SIGSTOP) for 25 s. AMI, ARI and the FreePBX API sit behind proxies that stop forwarding without
 * closing anything. With LIVENESS_DEFAULTS every transport must read "not answering" within the
 * deadline detectionDeadlines() states (9 s AMI and ARI events, 14 s REST), the breaker must open,
 * and after SIGCONT everything must come back on its own (AMI's backoff is at most 30 s).
 */
import { describe, expect, it } from 'vitest'
import { PbxSession, type SessionStatus, type TransportName } from '../../../src-main/core/connection/index'
import { LIVENESS_DEFAULTS, detectionDeadlines } from '../../../src-main/core/connection/liveness'
import type { SecretKind } from '../../../src-main/core/profiles/index'
import { freezingProxy } from '../../support/freezing-proxy'
import { sleep } from '../../support/wait'
import { cleanupsAfterEach } from '../../support/cleanups'
import { startDemoEndpoints } from '../../support/demo-endpoints'

const SECRETS: Record<SecretKind, string> = { ami: 'amiSecret-Cz21', ari: 'ariSecret-Cz22', freepbx: 'apiSecret-Cz23' }
const SLACK_MS = 2000
const cleanups = cleanupsAfterEach()

describe('a PBX frozen for 25 s, default liveness settings', () => {
  it('is flagged within the stated deadlines on AMI, ARI and the FreePBX API, opens the breaker, and recovers', async () => {
    const { profile, fronts } = await startDemoEndpoints({ secrets: SECRETS, front: freezingProxy }, cleanups)
    if (fronts === undefined) throw new Error('no proxies')
    const proxies = Object.values(fronts)
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
    for (const e of log.filter((x) => x.at > lastDetection))
      for (const t of ['ami', 'ari', 'rest'] as const) expect(e.status[t].state).not.toBe('connected')

    const thawedAt = Date.now()
    for (const p of proxies) p.thaw()
    for (let i = 0; i < 450 && !(all('connected') && s.status().breaker === 'closed'); i++) await sleep(100)
    expect(s.status()).toMatchObject({ breaker: 'closed', ami: { state: 'connected' }, ari: { state: 'connected' }, rest: { state: 'connected' } })
    expect(Date.now() - thawedAt).toBeLessThan(45_000)
  }, 120_000)
})
