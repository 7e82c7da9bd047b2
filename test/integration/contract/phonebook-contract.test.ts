import { statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ContactPage, PhonebookChanged } from '../../../src-preload/types/phonebook'
import type { PbxProfile } from '../../../src-main/core/profiles'
import { cleanupsAfterEach } from '../../support/cleanups'
import { startDemoCore, type DemoCore } from '../../support/demo-core'

const ctx = { clientId: 'web-7', transport: 'web' as const }
const other = { clientId: 'web-8', transport: 'web' as const }
const cleanups = cleanupsAfterEach()

function connected(seat: Partial<PbxProfile['operator']>): Promise<DemoCore> {
  return startDemoCore({ seed: 3, operator: seat }, cleanups)
}

const eva = { name: 'Eva Fischer', company: 'Fischer GmbH', numbers: [{ label: 'work', number: '030 1234567' }], notes: '' }

async function value<T>(p: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const r = await p
  if (!r.ok) throw new Error(r.error.message)
  return r.value
}

describe('the phonebook through the contract', () => {
  it('a receptionist adds, finds, looks up, edits and removes a contact; every window hears of it; every write is audited', async () => {
    const { core } = await connected({ role: 'receptionist' })
    const events: PhonebookChanged[] = []
    core.bus.register('web-99', {
      send: (channel, payload) => channel === 'phonebook.changed' && events.push(payload as PhonebookChanged),
      isBackedUp: () => false,
    })

    const saved = await value(core.dispatch('phonebook.save', { profileId: 'demo', contact: eva }, ctx))
    expect(saved).toMatchObject({ name: 'Eva Fischer', numbers: [{ label: 'work', number: '030 1234567', key: '+49301234567' }] })
    expect(events.at(-1)).toMatchObject({ reset: false, upserted: [{ id: saved.id }], removed: [] })

    expect((await value(core.dispatch('phonebook.search', { profileId: 'demo', query: 'fisch gmbh' }, ctx))).map((c) => c.id)).toEqual([saved.id])
    // The caller ID as a trunk delivers it, in any of its forms.
    for (const callerId of ['+49301234567', '0301234567', '0049301234567', '49301234567']) {
      expect(await value(core.dispatch('phonebook.lookup', { profileId: 'demo', number: callerId }, ctx)), callerId).toMatchObject({
        contact: { id: saved.id, company: 'Fischer GmbH' },
        number: { label: 'work' },
      })
    }
    expect(await value(core.dispatch('phonebook.lookup', { profileId: 'demo', number: '0309999999' }, ctx))).toBeNull()

    const edited = await value(core.dispatch('phonebook.save', { profileId: 'demo', id: saved.id, contact: { ...eva, company: 'Fischer AG' } }, ctx))
    expect(edited).toMatchObject({ id: saved.id, company: 'Fischer AG' })
    expect(await value(core.dispatch('phonebook.remove', { profileId: 'demo', id: saved.id }, ctx))).toBeNull()
    expect(events.at(-1)).toMatchObject({ removed: [saved.id] })
    expect(await core.dispatch('phonebook.get', { profileId: 'demo', id: saved.id }, ctx)).toMatchObject({ ok: false, error: { code: 'not_found' } })

    const audit = await value(core.dispatch('audit.read', { limit: 50 }, ctx))
    const lines = audit.filter((e) => e.action.startsWith('phonebook.')).map((e) => [e.action, e.target, e.result, e.role, e.seat])
    expect(lines).toEqual(
      expect.arrayContaining([
        ['phonebook.add', 'Eva Fischer, Fischer GmbH', 'ok', 'receptionist', 'web socket 7'],
        ['phonebook.update', 'Eva Fischer, Fischer AG', 'ok', 'receptionist', 'web socket 7'],
        ['phonebook.remove', 'Eva Fischer, Fischer AG', 'ok', 'receptionist', 'web socket 7'],
      ]),
    )
  })

  it('a read-only seat searches but every write is refused with the rule, audited, and nothing is stored', async () => {
    const { core } = await connected({ role: 'admin', readOnly: true })
    const writes: [Parameters<typeof core.dispatch>[0], unknown][] = [
      ['phonebook.save', { profileId: 'demo', contact: eva }],
      ['phonebook.remove', { profileId: 'demo', id: '1' }],
      ['phonebook.importStage', { profileId: 'demo', format: 'csv', fileName: 'a.csv', text: 'Name,Phone\nX,030 1\n', part: 0, last: true }],
    ]
    for (const [channel, input] of writes) {
      expect(await core.dispatch(channel, input, ctx), channel).toMatchObject({
        ok: false,
        error: { code: 'forbidden', detail: { rule: 'read_only' } },
      })
    }
    expect(await value(core.dispatch('phonebook.list', { profileId: 'demo' }, ctx))).toMatchObject({ total: 0 })
    const audit = await value(core.dispatch('audit.read', { limit: 50 }, ctx))
    expect(audit.filter((e) => e.action.startsWith('phonebook.') && e.result === 'refused' && e.rule === 'read_only')).toHaveLength(writes.length)
  })

  it('refuses hostile text at the edge: hidden direction marks, control characters, unknown keys, a number that is no number', async () => {
    const { core } = await connected({ role: 'receptionist' })
    const attempts = [
      { profileId: 'demo', contact: { ...eva, name: 'Invoice\u202Efdp.exe' } },
      { profileId: 'demo', contact: { ...eva, company: 'ACME\r\nX-Injected: 1' } },
      { profileId: 'demo', contact: { ...eva, admin: true } },
      { profileId: 'demo', contact: { ...eva, numbers: [{ label: 'work', number: '030\u00001' }] } },
      { profileId: 'demo', contact: { ...eva, numbers: Array.from({ length: 21 }, () => ({ label: '', number: '030 1' })) } },
      { profileId: 'demo', contact: { ...eva, name: '', company: '' } },
    ]
    for (const input of attempts) {
      expect(await core.dispatch('phonebook.save', input, ctx)).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    }
    const letters = await core.dispatch(
      'phonebook.save',
      { profileId: 'demo', contact: { ...eva, numbers: [{ label: 'work', number: 'PJSIP/101@evil' }] } },
      ctx,
    )
    expect(letters).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('is not a phone number') } })
    expect(await value(core.dispatch('phonebook.list', { profileId: 'demo' }, ctx))).toMatchObject({ total: 0 })
    // Each attempt has its audit line with the seat's role, the edge's refusals too.
    const audit = await value(core.dispatch('audit.read', { limit: 50 }, ctx))
    const refused = audit.filter((e) => e.action.startsWith('phonebook.') && e.result === 'refused')
    expect(refused).toHaveLength(attempts.length + 1)
    expect(refused.every((e) => e.role === 'receptionist' && e.seat === 'web socket 7' && e.errorCode === 'invalid_input')).toBe(true)
    expect(refused.map((e) => e.detail).join(' ')).not.toContain('\u202E')
    // FTS5 query syntax is searched as text.
    expect(await value(core.dispatch('phonebook.search', { profileId: 'demo', query: 'NEAR("a" "b") OR *' }, ctx))).toEqual([])
  })

  it('imports a CSV in parts: preview with the mapping and per-row errors, a changed mapping, commit; duplicates skipped; another window cannot touch it', async () => {
    const { core } = await connected({ role: 'receptionist' })
    const rows = Array.from({ length: 3000 }, (_, i) => `Person ${String(i)},Company ${String(i % 7)},030 ${String(5_000_000 + i)}`)
    const text = ['Full Name,Organization,Business Phone', ...rows, ',,0301', 'Bad\u202Ename,,030 2'].join('\n')
    const cut = 50_000
    const first = await value(
      core.dispatch(
        'phonebook.importStage',
        { profileId: 'demo', format: 'csv', fileName: 'export.csv', text: text.slice(0, cut), part: 0, last: false },
        ctx,
      ),
    )
    expect(first.preview).toBeNull()
    // Another window may not continue, read or commit this window's file.
    expect(
      await core.dispatch(
        'phonebook.importStage',
        { profileId: 'demo', importId: first.importId, format: 'csv', fileName: 'x', text: 'x', part: 1, last: true },
        other,
      ),
    ).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    })
    // Parts out of order are refused.
    expect(
      await core.dispatch(
        'phonebook.importStage',
        { profileId: 'demo', importId: first.importId, format: 'csv', fileName: 'x', text: 'x', part: 2, last: true },
        ctx,
      ),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    })
    const done = await value(
      core.dispatch(
        'phonebook.importStage',
        { profileId: 'demo', importId: first.importId, format: 'csv', fileName: 'export.csv', text: text.slice(cut), part: 1, last: true },
        ctx,
      ),
    )
    const preview = done.preview
    expect(preview).toMatchObject({ format: 'csv', ready: 3000, duplicates: 0, errorCount: 2 })
    expect(preview?.columns.map((c) => c.target)).toEqual(['name', 'company', 'phone:work'])
    expect(preview?.errors.map((e) => e.raw)).toEqual([',,0301', 'Bad\u202Ename,,030 2'])
    expect(await core.dispatch('phonebook.importCommit', { profileId: 'demo', importId: first.importId }, other)).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    })

    const remapped = await value(
      core.dispatch('phonebook.importPreview', { profileId: 'demo', importId: first.importId, mapping: ['name', 'notes', 'phone:office'] }, ctx),
    )
    expect(remapped.sample[0]).toEqual({ name: 'Person 0', company: '', numbers: [{ label: 'office', number: '030 5000000' }], notes: 'Company 0' })

    const result = await value(core.dispatch('phonebook.importCommit', { profileId: 'demo', importId: first.importId }, ctx))
    expect(result).toEqual({ added: 3000, duplicates: 0, errors: 2, total: 3002 })
    expect(await value(core.dispatch('phonebook.lookup', { profileId: 'demo', number: '+49305002999' }, ctx))).toMatchObject({
      contact: { name: 'Person 2999' },
    })
    // The file is forgotten once imported.
    expect(await core.dispatch('phonebook.importCommit', { profileId: 'demo', importId: first.importId }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    })

    // The same file again: everything is already there.
    const half = Math.ceil(text.length / 2)
    const againFirst = await value(
      core.dispatch(
        'phonebook.importStage',
        { profileId: 'demo', format: 'csv', fileName: 'export.csv', text: text.slice(0, half), part: 0, last: false },
        ctx,
      ),
    )
    const again = await value(
      core.dispatch(
        'phonebook.importStage',
        { profileId: 'demo', importId: againFirst.importId, format: 'csv', fileName: 'export.csv', text: text.slice(half), part: 1, last: true },
        ctx,
      ),
    )
    expect(again.preview).toMatchObject({ ready: 3000, duplicates: 3000 })
    expect(await value(core.dispatch('phonebook.importCommit', { profileId: 'demo', importId: again.importId }, ctx))).toMatchObject({
      added: 0,
      duplicates: 3000,
    })

    const pages: number[] = []
    let after: string | null = null
    do {
      const page: ContactPage = await value(core.dispatch('phonebook.list', { profileId: 'demo', after, limit: 1000 }, ctx))
      pages.push(page.contacts.length)
      after = page.next
    } while (after !== null)
    expect(pages).toEqual([1000, 1000, 1000])
    const audit = await value(core.dispatch('audit.read', { limit: 20 }, ctx))
    expect(audit.filter((e) => e.action === 'phonebook.import').map((e) => e.detail)).toEqual([
      'CSV: 0 added, 3000 already there, 2 not importable',
      'CSV: 3000 added, 0 already there, 2 not importable',
    ])
    // The phonebook file is owner-only, like the rest of the data folder.
    if (process.platform !== 'win32') expect(statSync(join(core.dataDir, 'phonebook.sqlite')).mode & 0o777).toBe(0o600)
  })

  it('imports a vCard file and says plainly when a file holds no contacts', async () => {
    const { core } = await connected({ role: 'supervisor' })
    const vcf = 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Taxi Zentrale\r\nTEL;TYPE=WORK:030 202020\r\nEND:VCARD\r\n'
    const staged = await value(
      core.dispatch('phonebook.importStage', { profileId: 'demo', format: 'vcard', fileName: 'taxi.vcf', text: vcf, part: 0, last: true }, ctx),
    )
    expect(staged.preview).toMatchObject({ ready: 1, sample: [{ name: 'Taxi Zentrale' }] })
    expect(await value(core.dispatch('phonebook.importCommit', { profileId: 'demo', importId: staged.importId }, ctx))).toMatchObject({ added: 1 })
    const empty = await core.dispatch(
      'phonebook.importStage',
      { profileId: 'demo', format: 'vcard', fileName: 'x.vcf', text: 'hello', part: 0, last: true },
      ctx,
    )
    expect(empty).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('no BEGIN:VCARD') } })
  })
})
