import { afterEach, describe, expect, it } from 'vitest'
import type { Contact, ContactPage, PhonebookChanged } from '../../../src-preload/types/phonebook'
import { callerView } from '../../../src-renderer/src/components/caller/phonebook-caller'
import type { PhonebookApi } from '../../../src-renderer/src/stores/phonebook-api'
import { PhonebookIndex } from '../../../src-renderer/src/stores/phonebook-index'
import { allContacts, lookupNumber, searchContacts, setPhonebookApi, usePhonebookStore } from '../../../src-renderer/src/stores/phonebook-store'

const DE = { country: '49', nationalPrefix: '0', internationalPrefix: '00' }
const contact = (id: number, name: string, company: string, numbers: [string, string, string][] = []): Contact => ({
  id: String(id),
  source: 'local',
  name,
  company,
  notes: '',
  updatedAt: '2026-12-01T10:00:00.000Z',
  numbers: numbers.map(([label, number, key]) => ({ label, number, key })),
})

/** Main as the store sees it: pages of a list, and a way to push changed events. */
function fakeApi(contacts: Contact[]): { api: PhonebookApi; push: (c: PhonebookChanged) => void; pages: number[] } {
  let listener: ((c: PhonebookChanged) => void) | null = null
  const pages: number[] = []
  const unexpected = () => Promise.reject(new Error('not in this test'))
  const api: PhonebookApi = {
    page: (_profileId, after, limit) => {
      const from = after === null ? 0 : contacts.findIndex((c) => c.id === after) + 1
      const slice = contacts.slice(from, from + limit)
      pages.push(slice.length)
      const page: ContactPage = {
        contacts: slice,
        next: from + limit < contacts.length ? (slice.at(-1)?.id ?? null) : null,
        total: contacts.length,
        revision: 1,
        plan: DE,
      }
      return Promise.resolve({ ok: true, value: page })
    },
    search: unexpected,
    save: unexpected,
    remove: unexpected,
    stage: unexpected,
    preview: unexpected,
    commit: unexpected,
    discard: unexpected,
    onChanged: (l) => {
      listener = l
      return () => {
        listener = null
      }
    },
    onReopened: () => () => undefined,
  }
  return { api, pages, push: (c) => listener?.(c) }
}

afterEach(() => {
  setPhonebookApi(null)
})

describe('the phonebook in the renderer', () => {
  it('reads the whole phonebook page by page, then searches and looks callers up from memory, kept current by events', async () => {
    const many = Array.from({ length: 12_000 }, (_, i) =>
      contact(i + 1, `Person ${String(i)}`, `Firm ${String(i % 10)}`, [['work', `030 ${String(6_000_000 + i)}`, `+4930${String(6_000_000 + i)}`]]),
    )
    many.push(contact(20_000, 'Eva Fischer', 'Fischer GmbH', [['mobile', '0171 2223334', '+491712223334']]))
    const { api, pages, push } = fakeApi(many)
    setPhonebookApi(api)
    await usePhonebookStore.getState().load('demo')
    expect(pages).toEqual([5000, 5000, 2001])
    expect(usePhonebookStore.getState()).toMatchObject({ loaded: true, size: 12_001 })
    expect(searchContacts('eva fi').map((c) => c.name)).toEqual(['Eva Fischer'])
    expect(searchContacts('fischer gm').map((c) => c.name)).toEqual(['Eva Fischer'])
    expect(searchContacts('71222').map((c) => c.name)).toEqual(['Eva Fischer'])
    // Typing narrows the last answer; two digits are a word, three a number: neither narrows the other.
    expect(searchContacts('06', 5)).toEqual([])
    expect(searchContacts('060', 5).map((c) => c.name)).toEqual(['Person 0', 'Person 1', 'Person 10', 'Person 100', 'Person 1000'])
    expect(searchContacts('0306011999').map((c) => c.name)).toEqual(['Person 11999'])
    expect(searchContacts('p').length).toBe(20)
    expect(searchContacts('e').map((c) => c.name)).toEqual(['Eva Fischer'])
    expect(searchContacts('ev').map((c) => c.name)).toEqual(['Eva Fischer'])
    expect(lookupNumber('01712223334')?.contact.name).toBe('Eva Fischer')
    expect(lookupNumber('+491712223334')?.number.label).toBe('mobile')
    expect(lookupNumber('0309999999')).toBeUndefined()

    push({
      revision: 2,
      reset: false,
      upserted: [contact(20_000, 'Eva Fischer-Lang', 'Fischer GmbH', [['mobile', '0171 2223334', '+491712223334']])],
      removed: ['1'],
    })
    expect(lookupNumber('01712223334')?.contact.name).toBe('Eva Fischer-Lang')
    expect(searchContacts('person 0 ').map((c) => c.name)).not.toContain('Person 0')
    expect(allContacts()).toHaveLength(12_000)
  })

  it('answers a keystroke over 50,000 contacts in well under a frame', () => {
    const index = new PhonebookIndex()
    const first = ['Anna', 'Jürgen', 'Eva', 'Farid', 'Zoë', 'Ola', 'Björn', 'Chen', 'Maria', 'Tom']
    const last = ['Müller', 'Schmidt', 'Fischer', 'Gül', 'Nowak', 'Smith', 'Rossi', 'Dubois', 'Kowalski', 'Ivanova']
    index.upsert(
      Array.from({ length: 50_000 }, (_, i) =>
        contact(i + 1, `${first[i % 10] ?? ''} ${last[Math.floor(i / 10) % 10] ?? ''} ${String(i)}`, `Company ${String(i % 997)}`, [
          ['work', `030 ${String(1_000_000 + i)}`, `+4930${String(1_000_000 + i)}`],
        ]),
      ),
    )
    const queries = ['e', 'ev', 'eva', 'eva f', 'eva fi', 'eva fis', 'mül', 'company 99', '0301000', 'zzz', 'jürgen m', 'ola now']
    index.search('warm', 20)
    // The CPU time each search takes (process.cpuUsage), not the wall time: on a shared machine another
    // process may hold the CPU for longer than the search runs. Chromium's per-keystroke figure under
    // typing, with 5,000 extensions beside, is the people picker's bench.
    const worst = Math.max(
      ...queries.map((q) => {
        let best = Infinity
        for (let round = 0; round < 5; round++) {
          const before = process.cpuUsage()
          index.search(q, 20)
          const used = process.cpuUsage(before)
          best = Math.min(best, (used.user + used.system) / 1000)
        }
        return best
      }),
    )
    expect(worst).toBeLessThan(16)
    expect(index.search('eva fisch', 5).every((c) => c.name.startsWith('Eva Fischer'))).toBe(true)
  })

  it('names a caller without a caller-ID name from the phonebook, and only notes the contact when the PBX named the caller', () => {
    const eva = contact(1, 'Eva Fischer', 'Fischer GmbH', [['work', '030 1234567', '+49301234567']])
    const match = { contact: eva, number: eva.numbers[0] ?? { label: '', number: '', key: '' } }
    expect(callerView({ name: '', number: '0301234567' }, match)).toEqual({
      primary: 'Eva Fischer',
      secondary: '0301234567',
      note: 'Fischer GmbH · work · from phonebook',
      named: true,
    })
    expect(callerView({ name: '<unknown>', number: '0301234567' }, match).primary).toBe('Eva Fischer')
    expect(callerView({ name: 'FISCHER GMBH', number: '0301234567' }, match)).toEqual({
      primary: 'FISCHER GMBH',
      secondary: '0301234567',
      note: 'Eva Fischer, Fischer GmbH · work · from phonebook',
      named: false,
    })
    const company = contact(2, '', 'Taxi Zentrale', [['', '030 202020', '+4930202020']])
    expect(callerView({ name: '', number: '030202020' }, { contact: company, number: company.numbers[0] ?? match.number })).toEqual({
      primary: 'Taxi Zentrale',
      secondary: '030202020',
      note: 'from phonebook',
      named: true,
    })
    expect(callerView({ name: '', number: '030202020' }, undefined)).toEqual({ primary: '030202020', secondary: '', note: '', named: false })
  })
})
