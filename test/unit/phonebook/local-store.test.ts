import { afterEach, describe, expect, it } from 'vitest'
import { mkdtempSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { LocalContactStore } from '../../../src-main/core/phonebook/local-store'
import { toRecord } from '../../../src-main/core/phonebook/records'

const DE = { country: '49', nationalPrefix: '0', internationalPrefix: '00' }
const rec = (name: string, company: string, numbers: [string, string][], notes = '') =>
  toRecord({ name, company, notes, numbers: numbers.map(([label, number]) => ({ label, number })) }, DE)

let store: LocalContactStore | undefined
afterEach(() => {
  store?.close()
  store = undefined
})

describe('the local phonebook store', () => {
  it('finds contacts by any three letters of a name, company or note, accents ignored, names starting with the query first', async () => {
    store = new LocalContactStore({ file: ':memory:' })
    await store.addMany([
      rec('Jürgen Müller', 'Bäckerei Sonne', [['work', '030 1234567']]),
      rec('Anna Schmidt', 'Müller & Co', [['mobile', '+49 171 5550000']], 'prefers mornings'),
      rec('Müllerová Jana', '', [['home', '089 99887766']]),
    ])
    const names = (await store.search('mull', 10)).map((c) => c.name)
    expect(names[0]).toBe('Müllerová Jana')
    expect([...names].sort()).toEqual(['Anna Schmidt', 'Jürgen Müller', 'Müllerová Jana'])
    expect((await store.search('mornings', 10)).map((c) => c.name)).toEqual(['Anna Schmidt'])
    expect((await store.search('sonne jürgen', 10)).map((c) => c.name)).toEqual(['Jürgen Müller'])
    // The national spelling of an international number finds it, and the other way round.
    expect((await store.search('0171 555', 10)).map((c) => c.name)).toEqual(['Anna Schmidt'])
    expect((await store.search('01715550000', 10)).map((c) => c.name)).toEqual(['Anna Schmidt'])
    expect((await store.search('4930123', 10)).map((c) => c.name)).toEqual(['Jürgen Müller'])
    // FTS syntax typed by an operator is text, not a query.
    expect(await store.search('"OR* NEAR(', 10)).toEqual([])
    // Two letters: the start of a word of the name.
    expect((await store.search('an', 10)).map((c) => c.name)).toEqual(['Anna Schmidt'])
  })

  it('looks numbers up by their key, saves, replaces and removes, counting revisions', async () => {
    store = new LocalContactStore({ file: ':memory:' })
    const eva = await store.save(undefined, rec('Eva Fischer', 'Fischer GmbH', [['work', '030 1234567']]))
    expect(eva?.numbers[0]?.key).toBe('+49301234567')
    expect((await store.lookup('+49301234567')).map((c) => c.name)).toEqual(['Eva Fischer'])
    const r1 = store.revision
    const updated = await store.save(eva?.id, rec('Eva Fischer', 'Fischer AG', [['mobile', '0171 2223334']]))
    expect(updated?.company).toBe('Fischer AG')
    expect(await store.lookup('+49301234567')).toEqual([])
    expect(await store.search('gmbh', 5)).toEqual([])
    expect(store.revision).toBe(r1 + 1)
    expect(await store.save('999', rec('Nobody', '', []))).toBeUndefined()
    expect(await store.remove(eva?.id ?? '')).toBe(true)
    expect(await store.remove(eva?.id ?? '')).toBe(false)
    expect(await store.search('fischer', 5)).toEqual([])
  })

  it('keeps its file owner-only and its revision across a reopen, and pages in id order', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'att-pb-')), 'phonebook.sqlite')
    store = new LocalContactStore({ file })
    await store.addMany(Array.from({ length: 25 }, (_, i) => rec(`Contact ${String(i)}`, '', [['', `030 55500${String(i).padStart(2, '0')}`]])))
    const revision = store.revision
    store.close()
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600)
    store = new LocalContactStore({ file })
    expect(store.revision).toBe(revision)
    const first = await store.page(null, 10)
    expect(first.total).toBe(25)
    expect(first.contacts).toHaveLength(10)
    const second = await store.page(first.next, 10)
    const third = await store.page(second.next, 10)
    expect(third.contacts).toHaveLength(5)
    expect(third.next).toBeNull()
    expect(new Set([...first.contacts, ...second.contacts, ...third.contacts].map((c) => c.id)).size).toBe(25)
  })
})
