import { describe, expect, it } from 'vitest'
import type { ExtensionValues } from '../../../src-preload/types/config'
import { cleanupsAfterEach } from '../../support/cleanups'
import { applyOutcome, ctx, startConfigCore } from './support'

const cleanups = cleanupsAfterEach()

const newExtension = (extension: string, name: string): ExtensionValues => ({
  extension,
  name,
  tech: 'pjsip',
  email: 'desk@example.com',
  outboundCid: '',
  emergencyCid: '',
  callerId: '',
  voicemail: false,
  userManager: false,
  maxContacts: 1,
})

describe('extensions through the contract, against the demo FreePBX', () => {
  it('create → pending with its diff → Apply with progress → the PBX runs it and it appears on the lamps', async () => {
    const c = await startConfigCore(cleanups)
    const saved = await c.call('config.save', {
      profileId: 'demo',
      changes: [{ kind: 'extension', operation: 'create', values: newExtension('150', 'Front desk 2') }],
    })
    expect(saved.outcomes).toMatchObject([{ ok: true, change: { operation: 'create', objectId: '150', state: 'written' } }])
    expect(saved.pending).toMatchObject({ applySuggested: true, needReload: true })
    expect(saved.pending.changes[0]?.diff).toContainEqual({ field: 'name', label: 'Display name', after: 'Front desk 2' })
    expect(c.demo.api.handler.config.applied.extensions.has('150')).toBe(false)
    const { applyId } = await c.call('config.apply', { profileId: 'demo' })
    const last = await applyOutcome(c, applyId)
    expect(last.state).toBe('executed')
    expect(c.progress.filter((p) => p.applyId === applyId).map((p) => p.state)[0]).toBe('started')
    expect(c.demo.api.handler.config.applied.extensions.has('150')).toBe(true)
    const after = await c.call('config.pending', { profileId: 'demo' })
    expect(after).toMatchObject({ changes: [], needReload: false, applySuggested: false, lastApply: { state: 'executed' } })
    await expect.poll(() => c.live.state().extensions['150'] !== undefined, { timeout: 10_000 }).toBe(true)
    const audit = await c.call('audit.read', { limit: 20 })
    expect(audit.find((e) => e.action === 'config.create')).toMatchObject({ result: 'ok', target: 'Extension 150 Front desk 2' })
    expect(audit.find((e) => e.action === 'config.create')?.detail).toContain('Display name: Front desk 2')
    expect(audit.find((e) => e.action === 'config.apply' && e.detail?.startsWith('Applied'))).toMatchObject({ result: 'ok' })
  })

  it('update sends the secret back (updateExtension deletes and recreates): the phone keeps it; the admin is told beforehand what FreePBX resets', async () => {
    const c = await startConfigCore(cleanups)
    const config = c.demo.api.handler.config
    const secret = config.extensions.get('105')?.secret
    config.extensions.get('105')!.settings.ringtimer = 30
    const ext = await c.get('extension', '105')
    expect(ext.meta.updateWarnings?.join(' ')).toMatch(/Follow-Me/)
    expect(ext.meta.updateWarnings?.join(' ')).toMatch(/ring time \(30 s\)/)
    // Only config.get says them: a list's items would repeat the same sentences thousands of times.
    const list = await c.call('config.list', { profileId: 'demo', kind: 'extension' })
    expect(list.items.find((i) => i.id === '105')?.meta).toEqual({ hasSecret: true })
    expect(JSON.stringify(list)).not.toContain('Follow-Me')
    const r = await c.call('config.save', {
      profileId: 'demo',
      changes: [{ kind: 'extension', operation: 'update', id: '105', baseVersion: ext.version, values: { ...ext.values, name: 'Desk five' } }],
    })
    expect(r.outcomes[0]).toMatchObject({ ok: true, item: { values: { name: 'Desk five' } } })
    expect(config.extensions.get('105')?.secret).toBe(secret)
    expect(r.outcomes[0]?.ok === true && r.outcomes[0].change.diff).toEqual([
      { field: 'name', label: 'Display name', before: ext.values.name, after: 'Desk five' },
    ])
  })

  it('a conflicting edit: the extension changed on the PBX since the editor opened it → refused with both versions, nothing written', async () => {
    const c = await startConfigCore(cleanups)
    const opened = await c.get('extension', '104')
    // Someone else renames it in FreePBX meanwhile.
    c.demo.api.handler.config.extensions.get('104')!.name = 'Renamed elsewhere'
    const r = await c.call('config.save', {
      profileId: 'demo',
      changes: [{ kind: 'extension', operation: 'update', id: '104', baseVersion: opened.version, values: { ...opened.values, name: 'Mine' } }],
    })
    expect(r.outcomes[0]).toMatchObject({
      ok: false,
      code: 'conflict',
      conflict: { kind: 'extension', id: '104', mine: { name: 'Mine' }, theirs: { values: { name: 'Renamed elsewhere' } } },
    })
    expect(c.demo.api.handler.config.extensions.get('104')?.name).toBe('Renamed elsewhere')
    expect(r.pending.changes).toEqual([])
  })

  it('secret rotation: generated in main, answered once, set on FreePBX, never in a later answer or the audit', async () => {
    const c = await startConfigCore(cleanups)
    const ext = await c.get('extension', '103')
    const old = c.demo.api.handler.config.extensions.get('103')?.secret
    const revealed = await c.call('config.rotateSecret', { profileId: 'demo', extension: '103', baseVersion: ext.version })
    expect(revealed.secret).toMatch(/^[A-Za-z0-9]{32}$/)
    expect(revealed.secret).not.toBe(old)
    expect(c.demo.api.handler.config.extensions.get('103')?.secret).toBe(revealed.secret)
    expect(revealed.change.diff).toEqual([{ field: 'secret', label: 'SIP secret', after: '(changed)', secret: true }])
    const later = [
      await c.get('extension', '103'),
      await c.call('config.list', { profileId: 'demo', kind: 'extension' }),
      await c.call('config.pending', { profileId: 'demo' }),
    ]
    expect(JSON.stringify(later)).not.toContain(revealed.secret)
    const audit = await c.call('audit.read', { limit: 20 })
    expect(JSON.stringify(audit)).not.toContain(revealed.secret)
    expect(audit.find((e) => e.action === 'config.secretRevealed')).toMatchObject({
      result: 'ok',
      target: expect.stringContaining('Extension 103') as unknown,
    })
    // A typed secret too weak is refused beside the field; a good one is taken as typed.
    const now = await c.get('extension', '103')
    const weak = await c.core.dispatch('config.rotateSecret', { profileId: 'demo', extension: '103', baseVersion: now.version, secret: 'short' }, ctx)
    expect(weak).toMatchObject({ ok: false, error: { code: 'invalid_input', detail: { fields: { secret: expect.any(String) as unknown } } } })
    const typed = await c.call('config.rotateSecret', { profileId: 'demo', extension: '103', baseVersion: now.version, secret: 'Typed-Secret-4711x' })
    expect(typed.secret).toBe('Typed-Secret-4711x')
  })

  it('a delete-and-recreate that fails in the middle is reported half-written with the state the object is in, and restored from the before-image', async () => {
    const c = await startConfigCore(cleanups)
    const config = c.demo.api.handler.config
    const secret = config.extensions.get('102')?.secret
    const ext = await c.get('extension', '102')
    // FreePBX deletes the extension, then its quick-create refuses chan_sip: the extension is gone.
    const r = await c.call('config.save', {
      profileId: 'demo',
      changes: [{ kind: 'extension', operation: 'update', id: '102', baseVersion: ext.version, values: { ...ext.values, tech: 'sip' } }],
    })
    const outcome = r.outcomes[0]
    expect(outcome).toMatchObject({ ok: false, code: 'half_written', change: { state: 'halfWritten', restorable: true } })
    expect(outcome?.ok === false && outcome.message).toMatch(/Sorry could not update the extension/)
    expect(outcome?.ok === false && outcome.message).toMatch(/no longer exists on the PBX/)
    expect(config.extensions.has('102')).toBe(false)
    const changeId = outcome?.ok === false ? outcome.change?.id : undefined
    const restored = await c.call('config.restore', { profileId: 'demo', changeId })
    expect(restored).toMatchObject({ operation: 'restore', state: 'written' })
    expect(config.extensions.get('102')).toMatchObject({ name: ext.values.name, tech: 'pjsip', secret })
    const pending = await c.call('config.pending', { profileId: 'demo' })
    expect(pending.changes.find((p) => p.id === changeId)).toMatchObject({ state: 'restored', restorable: false })
    const audit = await c.call('audit.read', { limit: 20 })
    expect(audit.find((e) => e.action === 'config.update')).toMatchObject({ result: 'error', errorCode: 'half_written' })
  })

  it('FreePBX refusals in plain words with the object named; each item of a batch reported on its own; checks beside the fields', async () => {
    const c = await startConfigCore(cleanups)
    const r = await c.call('config.save', {
      profileId: 'demo',
      changes: [
        { kind: 'extension', operation: 'create', values: newExtension('151', 'Good one') },
        { kind: 'extension', operation: 'create', values: newExtension('101', 'Taken') },
        { kind: 'extension', operation: 'create', values: { ...newExtension('15a', ''), maxContacts: 500 } },
        { kind: 'extension', operation: 'create', values: { ...newExtension('152', 'Voicemail'), voicemail: true } },
        // Passes our checks; FreePBX's quick-create refuses chan_sip (HTTP 400, status:false).
        { kind: 'extension', operation: 'create', values: { ...newExtension('153', 'Old sip'), tech: 'sip' } },
      ],
    })
    const [good, taken, bad, vm, sip] = r.outcomes
    expect(good).toMatchObject({ ok: true })
    expect(taken).toMatchObject({ ok: false, code: 'invalid_input', message: expect.stringContaining('Extension 101') as unknown })
    expect(bad).toMatchObject({
      ok: false,
      code: 'invalid_input',
      fields: { extension: expect.stringMatching(/digits/) as unknown, name: expect.any(String) as unknown, maxContacts: 'from 1 to 100' },
    })
    expect(vm).toMatchObject({ ok: false, fields: { voicemailPin: 'a new mailbox needs a PIN' } })
    expect(sip).toMatchObject({ ok: false, code: 'pbx_error', message: 'Extension 153 Old sip: FreePBX refused it — “Failed to create extension”' })
    expect(r.pending.changes).toHaveLength(1)
  })

  it('range create checks every number first, then reports each extension made', async () => {
    const c = await startConfigCore(cleanups)
    const { extension: _n, ...template } = newExtension('0', 'Agent')
    const clash = await c.call('config.createRange', { profileId: 'demo', range: { start: '104', count: 3, template } })
    expect(clash.outcomes).toMatchObject([{ ok: false, code: 'invalid_input', fields: { start: expect.stringContaining('104') as unknown } }])
    const r = await c.call('config.createRange', { profileId: 'demo', range: { start: '160', count: 3, template } })
    expect(r.outcomes.map((o) => o.ok)).toEqual([true, true, true])
    expect(['160', '161', '162'].every((n) => c.demo.api.handler.config.extensions.has(n))).toBe(true)
    // FreePBX names a range's extensions "<number> <name>".
    expect(c.demo.api.handler.config.extensions.get('161')?.name).toMatch(/^161\s+Agent$/)
  })

  it("{n} in a range's name is replaced by each extension's number, in FreePBX, the answers and the tray", async () => {
    const c = await startConfigCore(cleanups)
    const { extension: _n, ...template } = newExtension('0', 'Agent')
    const r = await c.call('config.createRange', {
      profileId: 'demo',
      range: { start: '170', count: 3, template: { ...template, name: 'Desk {n} (floor 2)' } },
    })
    expect(r.outcomes.map((o) => o.ok)).toEqual([true, true, true])
    const names = ['170', '171', '172'].map((n) => c.demo.api.handler.config.extensions.get(n)?.name)
    expect(names).toEqual(['Desk 170 (floor 2)', 'Desk 171 (floor 2)', 'Desk 172 (floor 2)'])
    expect(r.outcomes.map((o) => (o.ok && o.item?.kind === 'extension' ? o.item.values.name : o))).toEqual(names)
    expect(r.pending.changes.map((ch) => ch.label)).toEqual([
      'Extension 170 Desk 170 (floor 2)',
      'Extension 171 Desk 171 (floor 2)',
      'Extension 172 Desk 172 (floor 2)',
    ])
    // A name too long once the number is in is refused beside the name, before anything is written.
    const long = await c.call('config.createRange', {
      profileId: 'demo',
      range: { start: '1800', count: 2, template: { ...template, name: `${'x'.repeat(97)}{n}` } },
    })
    expect(long.outcomes[0]).toMatchObject({ ok: false, code: 'invalid_input', fields: { name: expect.any(String) as unknown } })
    expect(c.demo.api.handler.config.extensions.has('1800')).toBe(false)
  })
})
