// The dial budget attacked through the contract, as a leaked console or a script would: many
// windows and sockets on one profile, reloads (new client ids), garbage destinations, and a
// runtime restart (a profile save). The budget is the seat's (profile + operator extension), not
// the socket's, and only what is dialled spends it.
import { describe, expect, it } from 'vitest'
import type { CallContext } from '../../../src-main/core/api/dispatcher'
import { startBuiltinDemo } from '../../../src-main/core/app/builtin-demo'
import type { PbxProfile } from '../../../src-main/core/profiles'
import { cleanupsAfterEach } from '../../support/cleanups'
import { startDemoCore, untilLoaded, type DemoCore } from '../../support/demo-core'
import { createTestCore } from '../../support/test-core'

const cleanups = cleanupsAfterEach()

const ADMIN = 'correct horse battery staple'
const SETUP_CODE = 'KMQX-R3DA-9TWC'
const socket = (n: number): CallContext => ({ clientId: `web-${String(n)}`, transport: 'web' })
const admin: CallContext = { clientId: 'web-admin', transport: 'web' }

async function withDemo(dialLimits?: PbxProfile['dialLimits']): Promise<DemoCore> {
  return startDemoCore({ seed: 7, profile: dialLimits === undefined ? {} : { dialLimits } }, cleanups)
}

describe('the dial budget through the contract', () => {
  it('is one budget for the seat: six sockets share it, garbage does not spend it, the refusal says when to retry', async () => {
    const { core } = await withDemo({ burst: 3, perMinute: 1 })
    // Garbage from every socket first: refused by the guard before it is a number, nothing spent.
    const garbage = ['abc', '101#', '1'.repeat(64), 'PJSIP/101', '101@from-internal', '*72 0049301234567', '0 0900 1234567', '0 00 44 20 7946 0000']
    for (let i = 0; i < 3; i++) {
      for (const [n, destination] of garbage.entries()) {
        const r = await core.dispatch('calls.originate', { profileId: 'demo', destination }, socket(n))
        expect(r.ok, destination).toBe(false)
        if (!r.ok) expect((r.error.detail as { rule?: string } | undefined)?.rule, destination).not.toBe('rate_limit')
      }
    }
    // Three originates from three sockets: the burst.
    for (const n of [1, 2, 3]) {
      expect(
        await core.dispatch('calls.originate', { profileId: 'demo', destination: `10${String(n)}` }, socket(n)),
        `socket ${String(n)}`,
      ).toMatchObject({ ok: true })
    }
    // Sockets 4, 5, 6 (and a reload of socket 1, under a new id) have nothing left.
    const before = Date.now()
    for (const n of [4, 5, 6, 11]) {
      const r = await core.dispatch('calls.originate', { profileId: 'demo', destination: '104' }, socket(n))
      expect(r).toMatchObject({ ok: false, error: { code: 'refused', detail: { rule: 'rate_limit' } } })
      if (r.ok) continue
      const detail = r.error.detail as { retryAfterMs: number; retryAt: string }
      // One a minute: the next is up to 60 s away, and the clock time agrees.
      expect(detail.retryAfterMs).toBeGreaterThan(50_000)
      expect(detail.retryAfterMs).toBeLessThanOrEqual(60_000)
      expect(Math.abs(Date.parse(detail.retryAt) - (before + detail.retryAfterMs))).toBeLessThan(5_000)
      expect(r.error.message).toMatch(/next one is possible in \d+ s, at \d\d:\d\d:\d\d/)
    }
    const audit = await core.dispatch('audit.read', { limit: 100 }, socket(1))
    if (!audit.ok) throw new Error(audit.error.message)
    const limited = audit.value.filter((e) => e.rule === 'rate_limit')
    expect(limited.map((e) => e.seat).sort()).toEqual(['web socket 11', 'web socket 4', 'web socket 5', 'web socket 6'])
    for (const e of limited)
      expect(e).toMatchObject({
        action: 'call.originate',
        result: 'refused',
        role: 'receptionist',
        operator: '100',
        target: 'your phone (100) → David Eze <104>',
      })
  })

  it('a busy front desk is not held back by the default: 20 transfers in a minute pass', async () => {
    const { core, demo, live } = await withDemo()
    const call = demo.pbx.placeCall({ from: { trunk: 'trunk', callerNum: '+4930777', callerName: 'Busy Day' }, to: '4930555002' })
    if (call === undefined) throw new Error('the demo placed no call')
    await expect.poll(() => live.state().channels[call.uniqueid]?.id, { timeout: 10_000 }).toBe(call.uniqueid)
    // One receptionist's window, transferring the caller on and on.
    for (let i = 0; i < 20; i++) {
      const to = String(101 + (i % 9))
      const r = await core.dispatch('calls.transfer', { profileId: 'demo', channelId: call.uniqueid, destination: to, mode: 'blind' }, socket(1))
      expect(r, `transfer ${String(i + 1)} to ${to}`).toMatchObject({ ok: true })
    }
  })

  it('survives a runtime restart: saving the profile does not refill it', async () => {
    const demo = await startBuiltinDemo({ rate: 0, seed: 9 })
    cleanups.push(() => demo.stop())
    const c = createTestCore({ setupCode: SETUP_CODE })
    cleanups.push(() => c.close())
    await c.start()
    expect(await c.dispatch('admin.setPassphrase', { next: ADMIN, setupCode: SETUP_CODE }, admin)).toMatchObject({ ok: true })
    const office: PbxProfile = { ...demo.builtin.profile, id: 'office', name: 'Office', dialLimits: { burst: 2, perMinute: 1 } }
    const saved = await c.dispatch('profiles.save', { profile: office, secrets: demo.builtin.secrets, adminPassphrase: ADMIN }, admin)
    expect(saved).toMatchObject({ ok: true })
    await untilLoaded(c, 'office')
    for (const n of [1, 2])
      expect(await c.dispatch('calls.originate', { profileId: 'office', destination: '105' }, socket(n))).toMatchObject({ ok: true })
    expect(await c.dispatch('calls.originate', { profileId: 'office', destination: '105' }, socket(3))).toMatchObject({
      ok: false,
      error: { detail: { rule: 'rate_limit' } },
    })

    // A save restarts the runtime (a new ProfileRuntime, a new connection).
    const renamed = await c.dispatch('profiles.save', { profile: { ...office, name: 'Office (front desk)' } }, admin)
    expect(renamed).toMatchObject({ ok: true })
    await expect.poll(() => c.runtimes.get('office').profile.name, { timeout: 5_000 }).toBe('Office (front desk)')
    await untilLoaded(c, 'office')
    const after = await c.dispatch('calls.originate', { profileId: 'office', destination: '105' }, socket(4))
    expect(after).toMatchObject({ ok: false, error: { code: 'refused', detail: { rule: 'rate_limit' } } })
  })
})
