/**
 * One tool, live and config (issue 17 item 5): the demo PBX follows its simulated FreePBX's
 * configuration after Apply — seen over AMI as a console sees it — and not before.
 */
import { describe, expect, it } from 'vitest'
import { AmiClient } from '../../../src-main/core/ami/client'
import type { AmiMessage } from '../../../src-main/core/ami/message'
import { cleanupsAfterEach } from '../../support/cleanups'
import { type ApiHarness, applyConfig, startFreepbxApi } from './harness'

const cleanups = cleanupsAfterEach()

async function amiFor(h: ApiHarness): Promise<{ ami: AmiClient; events: AmiMessage[] }> {
  const ami = new AmiClient({ host: '127.0.0.1', port: h.pbx.ami.port, username: 'demo', secret: 'demo', reconnect: false, pingIntervalMs: 0 })
  await ami.start()
  cleanups.push(() => ami.stop())
  const events: AmiMessage[] = []
  ami.on('event', (m) => events.push(m))
  return { ami, events }
}

async function hints(ami: AmiClient): Promise<Map<string, string>> {
  const list = await ami.list('ExtensionStateList')
  return new Map(list.events.filter((e) => e.get('Event') === 'ExtensionStatus').map((e) => [e.get('Exten') ?? '', e.get('StatusText') ?? '']))
}

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time')
    await new Promise((r) => setTimeout(r, 20))
  }
}

/** The phones a call is ringing right now. */
function ringingDevices(h: ApiHarness): string[] {
  return h.pbx.engine
    .ringingChannels()
    .map((c) => c.device)
    .sort()
}

function hangUpAll(h: ApiHarness): void {
  for (const ch of h.pbx.channels()) h.pbx.hangup(ch.uniqueid)
}

describe('the demo PBX follows the demo FreePBX after Apply Config', () => {
  it('a new extension: nothing before Apply; after it, a hint on the lamps (ExtensionStatus, ExtensionStateList) and a phone that rings and answers', async () => {
    const h = await startFreepbxApi(cleanups, { speed: 10, reload: { delayMs: 50 } })
    const { ami, events } = await amiFor(h)
    const add = await h.gql('mutation { addExtension(input: { extensionId: "130", name: "New Hire", email: "" }) { status } }')
    expect(add.body.data.addExtension.status).toBe(true)
    expect((await hints(ami)).has('130')).toBe(false)
    expect(h.pbx.placeCall({ from: { exten: '101' }, to: '130' })).toBeDefined()
    await new Promise((r) => setTimeout(r, 50))
    expect(ringingDevices(h)).toEqual([])
    hangUpAll(h)

    expect((await applyConfig(h)).body.data.fetchApiStatus.message).toBe('Executed')
    await until(() => events.some((e) => e.get('Event') === 'Reload' && e.get('Module') === 'pbx_config.so'))
    // The endpoint exists at once (Unavailable), its phone registers a moment later (Idle).
    await until(async () => (await hints(ami)).get('130') === 'Idle')
    const statuses = events.filter((e) => e.get('Event') === 'ExtensionStatus' && e.get('Exten') === '130').map((e) => e.get('StatusText'))
    expect(statuses).toEqual(['Unavailable', 'Idle'])
    expect(events.find((e) => e.get('Event') === 'ExtensionStatus' && e.get('Exten') === '130')?.get('Hint')).toBe(
      'PJSIP/130&Custom:DND130,CustomPresence:130',
    )

    const call = h.pbx.placeCall({ from: { exten: '101' }, to: '130' })
    await until(() => ringingDevices(h).includes('PJSIP/130'))
    await until(() => events.some((e) => e.get('Event') === 'ExtensionStatus' && e.get('Exten') === '130' && e.get('StatusText') === 'Ringing'))
    const leg = h.pbx.engine.ringingChannels().find((c) => c.device === 'PJSIP/130')
    expect(h.pbx.answer(leg?.uniqueid ?? '')).toBe(true)
    await until(async () => (await hints(ami)).get('130') === 'InUse')
    expect(call).toBeDefined()
  })

  it("a ring group's new member rings on the next call to the group, only after Apply", async () => {
    const h = await startFreepbxApi(cleanups, { speed: 10, reload: { delayMs: 30 } })
    const upd = await h.gql('mutation { updateRingGroup(input: { groupNumber: "600", extensionList: "101-102-103-104" }) { status } }')
    expect(upd.body.data.updateRingGroup.status).toBe(true)
    h.pbx.placeCall({ from: { trunk: 'peer' }, to: '4930555100' })
    await until(() => ringingDevices(h).length === 3)
    expect(ringingDevices(h)).toEqual(['PJSIP/101', 'PJSIP/102', 'PJSIP/103'])
    hangUpAll(h)
    await until(() => h.pbx.channels().length === 0)

    await applyConfig(h)
    h.pbx.placeCall({ from: { trunk: 'peer' }, to: '4930555100' })
    await until(() => ringingDevices(h).length === 4)
    expect(ringingDevices(h)).toEqual(['PJSIP/101', 'PJSIP/102', 'PJSIP/103', 'PJSIP/104'])
  })

  it('a DID sends the next call to its new destination; a new DID answers only after Apply', async () => {
    const h = await startFreepbxApi(cleanups, { speed: 10, reload: { delayMs: 30 } })
    const moved = await h.gql('mutation { updateInboundRoute(input: { extension: "4930555002", destination: "from-did-direct,106,1" }) { status } }')
    expect(moved.body.data.updateInboundRoute.status).toBe(true)
    const added = await h.gql('mutation { addInboundRoute(input: { extension: "4930555300", destination: "ext-group,600,1" }) { status } }')
    expect(added.body.data.addInboundRoute.status).toBe(true)
    // Inbound route writes do not set needreload (core#106) — Apply anyway.
    expect(h.pbx.freepbx?.needReload).toBe(false)

    h.pbx.placeCall({ from: { trunk: 'trunk' }, to: '4930555002' })
    await until(() => ringingDevices(h).length === 1)
    expect(ringingDevices(h)).toEqual(['PJSIP/100'])
    hangUpAll(h)
    const before = h.pbx.placeCall({ from: { trunk: 'trunk' }, to: '4930555300' })
    await until(() => !h.pbx.channels().some((c) => c.uniqueid === before?.uniqueid))
    await until(() => h.pbx.channels().length === 0)

    await applyConfig(h)
    h.pbx.placeCall({ from: { trunk: 'trunk' }, to: '4930555002' })
    await until(() => ringingDevices(h).length === 1)
    expect(ringingDevices(h)).toEqual(['PJSIP/106'])
    hangUpAll(h)
    await until(() => h.pbx.channels().length === 0)
    h.pbx.placeCall({ from: { trunk: 'trunk' }, to: '4930555300' })
    await until(() => ringingDevices(h).length === 3)
    expect(ringingDevices(h)).toEqual(['PJSIP/101', 'PJSIP/102', 'PJSIP/103'])
  })

  it('a removed extension disappears from ExtensionStateList and cannot be dialled; queue static members follow', async () => {
    const h = await startFreepbxApi(cleanups, { speed: 10, reload: { delayMs: 30 } })
    const { ami, events } = await amiFor(h)
    await h.gql('mutation { deleteExtension(input: { extensionId: "117" }) { status } }')
    expect((await h.rest('PUT', '/members/200', { member: 'P101,0\nP108,3' })).body).toBe(true)
    expect((await hints(ami)).has('117')).toBe(true)
    await applyConfig(h)
    await until(() => events.some((e) => e.get('Event') === 'Reload' && e.get('Module') === 'app_queue.so'))
    expect((await hints(ami)).has('117')).toBe(false)
    expect(h.pbx.placeCall({ from: { exten: '101' }, to: '117' })).toBeDefined()
    await new Promise((r) => setTimeout(r, 50))
    expect(ringingDevices(h)).toEqual([])

    const status = await ami.list('QueueStatus', { Queue: 'support' })
    const members = status.events
      .filter((e) => e.get('Event') === 'QueueMember')
      .map((e) => [e.get('Location'), e.get('Membership'), e.get('Penalty')])
    expect(members).toEqual([
      ['PJSIP/101', 'static', '0'],
      ['PJSIP/103', 'dynamic', '1'],
      ['PJSIP/104', 'dynamic', '2'],
      ['PJSIP/108', 'static', '3'],
    ])
    expect(events.some((e) => e.get('Event') === 'DeviceStateChange' && e.get('Device') === 'Queue:support_pause_PJSIP/108')).toBe(true)
  })
})
