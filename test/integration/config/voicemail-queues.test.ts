import { describe, expect, it } from 'vitest'
import { cleanupsAfterEach } from '../../support/cleanups'
import { startConfigCore } from './support'

const cleanups = cleanupsAfterEach()

describe('voicemail through the contract', () => {
  it('changing settings disables and re-enables the mailbox (FreePBX has no update) with its PIN kept; a new PIN is write-only', async () => {
    const c = await startConfigCore(cleanups)
    const boxes = c.demo.api.handler.config.voicemail
    const pin = boxes.get('101')?.password
    const vm = await c.get('voicemail', '101')
    expect(vm.meta.hasPin).toBe(true)
    const r = await c.call('config.save', {
      profileId: 'demo',
      changes: [
        {
          kind: 'voicemail',
          operation: 'update',
          id: '101',
          baseVersion: vm.version,
          values: { ...vm.values, email: 'anna@example.com', attach: true },
        },
      ],
    })
    expect(r.outcomes[0]).toMatchObject({ ok: true })
    expect(boxes.get('101')).toMatchObject({ email: 'anna@example.com', attach: 'yes', password: pin, saycid: 'no' })
    const again = await c.get('voicemail', '101')
    const p = await c.call('config.save', {
      profileId: 'demo',
      changes: [{ kind: 'voicemail', operation: 'update', id: '101', baseVersion: again.version, values: again.values, secrets: { pin: '480275' } }],
    })
    expect(p.outcomes[0]?.ok === true && p.outcomes[0].change.diff).toEqual([{ field: 'pin', label: 'PIN', after: '(changed)', secret: true }])
    expect(boxes.get('101')?.password).toBe('480275')
    expect(JSON.stringify(p)).not.toContain('480275')
  })

  it('disable removes the mailbox; enabling one again needs a PIN; a short PIN is refused beside its field', async () => {
    const c = await startConfigCore(cleanups)
    const vm = await c.get('voicemail', '102')
    await c.call('config.save', {
      profileId: 'demo',
      changes: [{ kind: 'voicemail', operation: 'update', id: '102', baseVersion: vm.version, values: { ...vm.values, enabled: false } }],
    })
    expect(c.demo.api.handler.config.voicemail.has('102')).toBe(false)
    const off = await c.get('voicemail', '102')
    const noPin = await c.call('config.save', {
      profileId: 'demo',
      changes: [{ kind: 'voicemail', operation: 'update', id: '102', baseVersion: off.version, values: { ...off.values, enabled: true } }],
    })
    expect(noPin.outcomes[0]).toMatchObject({ ok: false, fields: { pin: 'a new mailbox needs a PIN' } })
    const short = await c.call('config.save', {
      profileId: 'demo',
      changes: [
        {
          kind: 'voicemail',
          operation: 'update',
          id: '102',
          baseVersion: off.version,
          values: { ...off.values, enabled: true },
          secrets: { pin: '12' },
        },
      ],
    })
    expect(short.outcomes[0]).toMatchObject({ ok: false, fields: { pin: '4 to 20 digits' } })
    const on = await c.call('config.save', {
      profileId: 'demo',
      changes: [
        {
          kind: 'voicemail',
          operation: 'update',
          id: '102',
          baseVersion: off.version,
          values: { ...off.values, enabled: true },
          secrets: { pin: '9182' },
        },
      ],
    })
    expect(on.outcomes[0]).toMatchObject({ ok: true })
    expect(c.demo.api.handler.config.voicemail.get('102')?.password).toBe('9182')
  })
})

describe('queue members through the contract', () => {
  it('static and dynamic members over the queues REST API; members logged in now over AMI, seen live', async () => {
    const c = await startConfigCore(cleanups)
    const q = await c.get('queueMembers', '200')
    const loggedIn = [...q.values.loggedIn, { extension: '105', penalty: 0 }]
    const r = await c.call('config.save', {
      profileId: 'demo',
      changes: [
        {
          kind: 'queueMembers',
          operation: 'update',
          id: '200',
          baseVersion: q.version,
          values: { ...q.values, staticMembers: [...q.values.staticMembers, { extension: '106', penalty: 2 }], loggedIn },
        },
      ],
    })
    expect(r.outcomes[0]).toMatchObject({ ok: true })
    expect(c.demo.api.handler.config.queues.get('200')?.members).toContain('Local/106@from-queue/n,2')
    await expect.poll(() => Object.keys(c.live.state().queues.support?.members ?? {}).some((i) => i.includes('105')), { timeout: 8000 }).toBe(true)
    // Logging someone out again is live as well.
    const now = await c.get('queueMembers', '200')
    await c.call('config.save', {
      profileId: 'demo',
      changes: [
        {
          kind: 'queueMembers',
          operation: 'update',
          id: '200',
          baseVersion: now.version,
          values: { ...now.values, loggedIn: now.values.loggedIn.filter((m) => m.extension !== '105') },
        },
      ],
    })
    await expect.poll(() => Object.keys(c.live.state().queues.support?.members ?? {}).some((i) => i.includes('105')), { timeout: 8000 }).toBe(false)
  })

  it('a member that is not an extension is refused', async () => {
    const c = await startConfigCore(cleanups)
    const q = await c.get('queueMembers', '200')
    const r = await c.call('config.save', {
      profileId: 'demo',
      changes: [
        {
          kind: 'queueMembers',
          operation: 'update',
          id: '200',
          baseVersion: q.version,
          values: { ...q.values, dynamicMembers: [{ extension: '998', penalty: 0 }] },
        },
      ],
    })
    expect(r.outcomes[0]).toMatchObject({ ok: false, fields: { dynamicMembers: 'extension 998 does not exist' } })
  })
})
