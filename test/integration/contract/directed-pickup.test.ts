// Directed pickup attacked and used through the contract, as a window or socket would: the real
// dispatcher and core against the demo PBX. What reaches the PBX is watched at the demo's
// originate concern, which every AMI Originate goes through.
import { describe, expect, it, vi } from 'vitest'
import type { CallContext } from '../../../src-main/core/api/dispatcher'
import type { BuiltinDemo } from '../../../src-main/core/app/builtin-demo'
import type { OriginateRequest } from '../../../src-main/core/demo/dialplan/originate'
import type { PbxProfile } from '../../../src-main/core/profiles'
import type { AuditEntryView } from '../../../src-preload/types/audit'
import { cleanupsAfterEach } from '../../support/cleanups'
import { ringingAt } from '../../support/console-harness'
import { startDemoCore, type DemoCore, type TestCore } from '../../support/demo-core'
import { eventually, sleep } from '../../support/wait'

const cleanups = cleanupsAfterEach()
const tab: CallContext = { clientId: 'web-4', transport: 'web' }

/** A core on the demo PBX (the seat's own phone is 100); `originates` records what reached the PBX's Originate. */
async function connected(
  operator: Partial<PbxProfile['operator']> = {},
  profile: Partial<Omit<PbxProfile, 'operator'>> = {},
): Promise<DemoCore & { originates: OriginateRequest[] }> {
  const started = await startDemoCore({ seed: 11, operator, profile, loadedWith: '104' }, cleanups)
  const concern = started.demo.pbx.engine.pbx.originates
  const originates: OriginateRequest[] = []
  const real = concern.originate.bind(concern)
  vi.spyOn(concern, 'originate').mockImplementation((req, onResult) => {
    originates.push(req)
    return real(req, onResult)
  })
  return { ...started, originates }
}

/** An outside caller on 104's direct line, ringing at 104 and shown ringing there by the live state. */
async function ringingAt104(d: DemoCore, callerName = 'Ada Lovelace', callerNum = '+4930123456'): Promise<{ uniqueid: string; name: string }> {
  const call = d.demo.pbx.placeCall({ from: { trunk: 'trunk', callerNum, callerName }, to: '4930555104' })
  if (call === undefined) throw new Error('the demo placed no call')
  await expect.poll(() => d.live.state().extensions['104']?.state, { timeout: 10_000 }).toBe('RINGING')
  return call
}

async function auditLines(core: TestCore): Promise<AuditEntryView[]> {
  const r = await core.dispatch('audit.read', { limit: 100 }, tab)
  if (!r.ok) throw new Error(r.error.message)
  return [...r.value].reverse().filter((e) => e.action === 'call.pickup.directed')
}

/** The name of the channel bridged with `uniqueid` on the demo PBX, once it is in a two-party bridge. */
function bridgedWith(demo: BuiltinDemo, uniqueid: string): string | undefined {
  const engine = demo.pbx.engine
  const ch = engine.findChannel(uniqueid)
  const bridge = ch?.bridgeId === undefined ? undefined : engine.bridges.get(ch.bridgeId)
  return bridge?.channels.find((c) => c !== ch)?.name
}

describe('directed pickup through the contract (demo PBX)', () => {
  it('takes the call ringing at 104 to the operator’s phone: **104 from the profile’s own channel and context, 104 stops ringing, the audit names caller and extension', async () => {
    const d = await connected()
    const caller = await ringingAt104(d)
    const rung = await ringingAt(d.demo, '104')

    const r = await d.core.dispatch('pickup.directed', { profileId: 'demo', extension: '104' }, tab)
    expect(r).toMatchObject({ ok: true, value: { message: 'Picking up the call for David Eze (104) at your phone' } })
    // Exactly one Originate: the seat's phone into FreePBX's feature code, nothing built as an application.
    expect(d.originates).toEqual([
      expect.objectContaining({
        channel: 'PJSIP/100',
        context: 'from-internal',
        exten: '**104',
        application: undefined,
        data: undefined,
        variables: [],
      }),
    ])
    // The operator's phone rings first (click-to-dial); answered, it takes the caller.
    const own = await ringingAt(d.demo, '100')
    expect(d.demo.pbx.answer(own.uniqueid)).toBe(true)
    await eventually('the caller talking with the operator’s phone', () =>
      bridgedWith(d.demo, caller.uniqueid)?.startsWith('PJSIP/100-') === true ? true : undefined,
    )
    expect(d.demo.pbx.engine.findChannel(rung.uniqueid)).toBeUndefined()
    expect(d.demo.pbx.engine.ringingChannels().map((c) => c.name)).toEqual([])
    await expect.poll(() => d.live.state().extensions['104']?.state, { timeout: 10_000 }).toBe('NOT_INUSE')

    const [line, ...more] = await auditLines(d.core)
    expect(more).toEqual([])
    expect(line).toMatchObject({
      action: 'call.pickup.directed',
      result: 'ok',
      target: 'Ada Lovelace <+4930123456> ringing at David Eze <104> → your phone (100)',
      seat: 'web socket 4',
      role: 'receptionist',
      operator: '100',
      profileId: 'demo',
    })
    expect(line?.detail).toContain(`channel ${rung.uniqueid}`)
  })

  it('a read-only seat is refused, audited with the rule, and nothing reaches the PBX', async () => {
    const d = await connected({ readOnly: true, role: 'admin' })
    await ringingAt104(d)
    const r = await d.core.dispatch('pickup.directed', { profileId: 'demo', extension: '104' }, tab)
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden', detail: { rule: 'read_only' } } })
    await sleep(200)
    expect(d.originates).toEqual([])
    expect(await auditLines(d.core)).toEqual([
      expect.objectContaining({
        result: 'refused',
        errorCode: 'forbidden',
        rule: 'read_only',
        target: 'Ada Lovelace <+4930123456> ringing at David Eze <104> → your phone (100)',
      }),
    ])
  })

  it('only a known extension that rings now: unknown, idle, the operator’s own and anything not an extension are refused before the PBX hears of it', async () => {
    const d = await connected()
    // Reception (100, the seat's own phone) rings too.
    d.demo.pbx.placeCall({ from: { trunk: 'trunk', callerNum: '+4930555', callerName: 'Front Door' }, to: '4930555002' })
    await expect.poll(() => d.live.state().extensions['100']?.state, { timeout: 10_000 }).toBe('RINGING')
    const refused: [string, unknown][] = [
      ['999', { code: 'refused', detail: { rule: 'unknown_extension' } }],
      ['105', { code: 'not_found', message: 'Nothing is ringing at 105 now' }],
      ['100', { code: 'refused', detail: { rule: 'own_extension' } }],
    ]
    for (const [extension, error] of refused) {
      expect(await d.core.dispatch('pickup.directed', { profileId: 'demo', extension }, tab), extension).toMatchObject({ ok: false, error })
    }
    // Not an extension's digits at all: the schema refuses it before any handler runs.
    const hostile = ['**104', '104&PJSIP/trunk/0900123', '104@PICKUPMARK', '104\r\nAction: Originate', 'PJSIP/104', '', '1'.repeat(11)]
    for (const extension of hostile) {
      expect(await d.core.dispatch('pickup.directed', { profileId: 'demo', extension }, tab), JSON.stringify(extension)).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' },
      })
    }
    expect(await d.core.dispatch('pickup.directed', { profileId: 'demo', extension: '104', channelId: 'x' }, tab)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    })
    await sleep(200)
    expect(d.originates).toEqual([])
    const lines = await auditLines(d.core)
    expect(lines.map((e) => [e.target, e.result, e.errorCode, e.rule])).toEqual([
      ['no call ringing at 999 → your phone (100)', 'refused', 'refused', 'unknown_extension'],
      ['no call ringing at Eva Fischer <105> → your phone (100)', 'refused', 'not_found', undefined],
      ['no call ringing at Reception <100> → your phone (100)', 'refused', 'refused', 'own_extension'],
    ])
  })

  it('spends the seat’s dial budget: once it is used up, a pickup is refused with when the next is possible', async () => {
    const d = await connected({}, { dialLimits: { burst: 1, perMinute: 1 } })
    expect(await d.core.dispatch('calls.originate', { profileId: 'demo', destination: '101' }, tab)).toMatchObject({ ok: true })
    await ringingAt104(d)
    const r = await d.core.dispatch('pickup.directed', { profileId: 'demo', extension: '104' }, { clientId: 'web-5', transport: 'web' })
    expect(r).toMatchObject({ ok: false, error: { code: 'refused', detail: { rule: 'rate_limit' } } })
    await sleep(200)
    expect(d.originates.map((o) => o.exten)).toEqual(['101'])
    expect(await auditLines(d.core)).toEqual([expect.objectContaining({ result: 'refused', rule: 'rate_limit', seat: 'web socket 5' })])
  })
})
