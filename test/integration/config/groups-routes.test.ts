import { describe, expect, it } from 'vitest'
import type { InboundRouteValues, RingGroupValues } from '../../../src-preload/types/config'
import { cleanupsAfterEach } from '../../support/cleanups'
import { startConfigCore } from './support'

const cleanups = cleanupsAfterEach()

const group = (n: string, members: string[]): RingGroupValues => ({
  group: n,
  description: `Group ${n}`,
  strategy: 'ringallprim',
  members,
  ringTime: 20,
  cidPrefix: '',
  noAnswer: { type: 'voicemail', extension: '101', greeting: 'unavailable' },
  alertInfo: '',
  confirmCalls: false,
  ignoreCallForward: false,
  ignoreCallWaiting: true,
  pickup: false,
})

const route = (did: string, destination: InboundRouteValues['destination']): InboundRouteValues => ({
  did,
  cid: '',
  description: `Line ${did}`,
  destination,
  cidPrefix: '',
  alertInfo: '',
  musicClass: 'default',
  ringing: false,
  delayAnswer: 0,
  privacyManager: false,
})

describe('ring groups through the contract', () => {
  it('create sends groupPrefix "" (FreePBX would store "ringall"), dash-joined members, the stored strategy and a typed destination', async () => {
    const c = await startConfigCore(cleanups)
    const r = await c.call('config.save', {
      profileId: 'demo',
      changes: [{ kind: 'ringGroup', operation: 'create', values: group('650', ['101', '102', '5551234#']) }],
    })
    expect(r.outcomes[0]).toMatchObject({ ok: true })
    expect(c.demo.api.handler.config.ringGroups.get('650')).toMatchObject({
      grppre: '',
      grplist: '101-102-5551234#',
      strategy: 'ringall-prim',
      postdest: 'ext-local,vmu101,1',
      cwignore: 'CHECKED',
    })
    const read = await c.get('ringGroup', '650')
    expect(read.values).toEqual(group('650', ['101', '102', '5551234#']))
  })

  it('adding a member to a ring group: the diff names the members before and after, FreePBX gets the dash-joined list', async () => {
    const c = await startConfigCore(cleanups)
    const g = await c.get('ringGroup', '600')
    const members = [...g.values.members, '105']
    const r = await c.call('config.save', {
      profileId: 'demo',
      changes: [{ kind: 'ringGroup', operation: 'update', id: '600', baseVersion: g.version, values: { ...g.values, members } }],
    })
    expect(r.outcomes[0]?.ok === true && r.outcomes[0].change.diff).toEqual([
      { field: 'members', label: 'Members', before: g.values.members.join(', '), after: members.join(', ') },
    ])
    expect(c.demo.api.handler.config.ringGroups.get('600')?.grplist).toBe(members.join('-'))
  })

  it('unknown members, a group that sends to itself and a missing destination are refused beside their fields', async () => {
    const c = await startConfigCore(cleanups)
    const r = await c.call('config.save', {
      profileId: 'demo',
      changes: [
        {
          kind: 'ringGroup',
          operation: 'create',
          values: { ...group('651', ['101', '999', 'x1']), noAnswer: { type: 'ringGroup', group: '651' }, ringTime: 0 },
        },
      ],
    })
    expect(r.outcomes[0]).toMatchObject({
      ok: false,
      code: 'invalid_input',
      fields: {
        members: expect.stringMatching(/999 does not exist|x1/) as unknown,
        noAnswer: expect.stringMatching(/itself/) as unknown,
        ringTime: 'from 1 to 300 seconds',
      },
    })
    expect(c.demo.api.handler.config.ringGroups.has('651')).toBe(false)
  })
})

describe('inbound routes through the contract', () => {
  it('create with a typed destination (FreePBX gets context,exten,priority), read back typed from its label; update renames the DID', async () => {
    const c = await startConfigCore(cleanups)
    const r = await c.call('config.save', {
      profileId: 'demo',
      changes: [{ kind: 'inboundRoute', operation: 'create', values: route('+4930555099', { type: 'ringGroup', group: '600' }) }],
    })
    expect(r.outcomes[0]).toMatchObject({ ok: true })
    expect(c.demo.api.handler.config.inboundRoutes.get('+4930555099/')).toMatchObject({
      destination: 'ext-group,600,1',
      description: 'Line +4930555099',
    })
    const read = await c.get('inboundRoute', '+4930555099/')
    expect(read.values.destination).toEqual({ type: 'ringGroup', group: '600' })
    const moved = await c.call('config.save', {
      profileId: 'demo',
      changes: [
        {
          kind: 'inboundRoute',
          operation: 'update',
          id: '+4930555099/',
          baseVersion: read.version,
          values: { ...read.values, did: '_4930555X9X', destination: { type: 'extension', extension: '105' } },
        },
      ],
    })
    expect(moved.outcomes[0]).toMatchObject({ ok: true, change: { objectId: '_4930555X9X/' } })
    const routes = c.demo.api.handler.config.inboundRoutes
    expect(routes.has('+4930555099/')).toBe(false)
    expect(routes.get('_4930555X9X/')).toMatchObject({ destination: 'from-did-direct,105,1' })
  })

  it('DID and CID patterns as FreePBX takes them; a destination that does not exist; a route that exists', async () => {
    const c = await startConfigCore(cleanups)
    const existing = (await c.call('config.list', { profileId: 'demo', kind: 'inboundRoute' })).items[0]
    const r = await c.call('config.save', {
      profileId: 'demo',
      changes: [
        { kind: 'inboundRoute', operation: 'create', values: { ...route('49 30 555', { type: 'queue', queue: '999' }), cid: '+49' } },
        { kind: 'inboundRoute', operation: 'create', values: route('_49[1-3]X.', { type: 'voicemail', extension: '777', greeting: 'busy' }) },
        { kind: 'inboundRoute', operation: 'create', values: existing?.kind === 'inboundRoute' ? existing.values : route('1', { type: 'hangup' }) },
        { kind: 'inboundRoute', operation: 'create', values: { ...route('*#12AB', { type: 'hangup' }), cid: 'Anonymous' } },
      ],
    })
    const [spaces, noMailbox, dup, ok] = r.outcomes
    expect(spaces).toMatchObject({
      ok: false,
      fields: { did: expect.stringMatching(/digits/) as unknown, cid: expect.any(String) as unknown, destination: 'queue 999 does not exist' },
    })
    expect(noMailbox).toMatchObject({ ok: false, fields: { destination: 'extension 777 has no mailbox' } })
    expect(dup).toMatchObject({ ok: false, code: 'invalid_input' })
    expect(ok).toMatchObject({ ok: true })
  })

  it('adding an inbound route: the next call on that DID follows it after Apply', async () => {
    const c = await startConfigCore(cleanups)
    await c.call('config.save', {
      profileId: 'demo',
      changes: [{ kind: 'inboundRoute', operation: 'create', values: route('4930555077', { type: 'extension', extension: '104' }) }],
    })
    const { applyId } = await c.call('config.apply', { profileId: 'demo' })
    await expect.poll(() => c.progress.find((p) => p.applyId === applyId && p.state === 'executed') !== undefined, { timeout: 8000 }).toBe(true)
    c.demo.pbx.placeCall({ from: { trunk: 'trunk', callerNum: '+4930111', callerName: 'Caller' }, to: '4930555077' })
    await expect.poll(() => Object.values(c.live.state().channels).some((ch) => /\/104-/.test(ch.name)), { timeout: 8000 }).toBe(true)
  })
})
