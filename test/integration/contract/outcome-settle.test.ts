// A lost answer, for real: a proxy between the console and the demo PBX forwards one action to the
// PBX, swallows everything the PBX says after it, and cuts the connection. The console must report
// "outcome unknown" (and never send the action again), reconnect, rebuild its state, and then tell
// the window that acted what the PBX's call list shows.
import { afterEach, describe, expect, it } from 'vitest'
import type { ActionSettled, UnknownOutcomeDetail } from '../../../src-preload/types/actions'
import { startBuiltinDemo, type BuiltinDemo } from '../../../src-main/core/app/builtin-demo'
import { emptyLiveState, type LiveMessage } from '../../../src-preload/types/live'
import { applyLivePatch } from '../../support/live-patches'
import { cuttingProxy, type CuttingProxy } from '../../support/cutting-proxy'
import { createTestCore } from '../../support/test-core'

let demo: BuiltinDemo | undefined
let core: ReturnType<typeof createTestCore> | undefined
let proxy: CuttingProxy | undefined

afterEach(async () => {
  await core?.close()
  await proxy?.close()
  await demo?.stop()
  core = undefined
  proxy = undefined
  demo = undefined
})

describe('an action whose answer was lost', () => {
  it('is reported unknown, never replayed, and settled from the resynced call list for the window that acted', async () => {
    demo = await startBuiltinDemo({ rate: 0, seed: 11 })
    proxy = await cuttingProxy(demo.builtin.profile.ami.port)
    const profile = { ...demo.builtin.profile, ami: { ...demo.builtin.profile.ami, port: proxy.port } }
    core = createTestCore({ builtinProfile: { ...demo.builtin, profile } })
    const settled: ActionSettled[] = []
    const elsewhere: ActionSettled[] = []
    let live = emptyLiveState()
    core.bus.register('web-1', {
      send: (channel, payload) => {
        if (channel === 'actions.settled') settled.push(payload as ActionSettled)
        if (channel === 'live.message') {
          const msg = payload as LiveMessage
          live = msg.kind === 'snapshot' ? msg.snapshot.state : applyLivePatch(live, msg.patch)
        }
      },
      isBackedUp: () => false,
    })
    core.bus.register('web-2', {
      send: (channel, payload) => {
        if (channel === 'actions.settled') elsewhere.push(payload as ActionSettled)
      },
      isBackedUp: () => false,
    })
    await core.start()
    const c = core
    await expect.poll(() => c.runtimes.statuses()[0]?.ami, { timeout: 10_000 }).toBe('connected')
    await core.dispatch('live.subscribe', { profileId: 'demo' }, { clientId: 'web-1', transport: 'web' })

    const call = demo.pbx.placeCall({ from: { trunk: 'trunk', callerNum: '+4930999', callerName: 'Lost Answer' }, to: '4930555002' })
    if (call === undefined) throw new Error('the demo placed no call')
    // The console must know the channel before it can name it.
    await expect.poll(() => live.channels[call.uniqueid]?.id, { timeout: 10_000 }).toBe(call.uniqueid)

    proxy.loseAnswerTo('Hangup')
    const r = await core.dispatch('calls.hangup', { profileId: 'demo', channelId: call.uniqueid }, { clientId: 'web-1', transport: 'web' })
    expect(r).toMatchObject({ ok: false, error: { code: 'outcome_unknown' } })
    const settleId = r.ok ? '' : (r.error.detail as UnknownOutcomeDetail).settleId
    expect(settleId).not.toBe('')

    // The PBX did hang up; the console learns it from the rebuilt state after reconnecting.
    await expect.poll(() => settled, { timeout: 15_000 }).toHaveLength(1)
    expect(settled[0]).toMatchObject({ settleId, profileId: 'demo', action: 'call.hangup', outcome: 'done' })
    expect(elsewhere).toEqual([])
    expect(proxy.seen('Hangup')).toBe(1)
    expect(demo.pbx.channels().some((ch) => ch.uniqueid === call.uniqueid)).toBe(false)

    const audit = await core.dispatch('audit.read', { limit: 10 }, { clientId: 'web-1', transport: 'web' })
    if (!audit.ok) throw new Error(audit.error.message)
    const lines = audit.value.filter((e) => e.action === 'call.hangup').map((e) => e.result)
    // Newest first: the settlement, then the unknown outcome.
    expect(lines).toEqual(['ok', 'outcome_unknown'])
  })
})
