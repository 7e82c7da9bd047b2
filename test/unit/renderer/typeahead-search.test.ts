/**
 * The type-ahead's searches jump through one joined text to the entries holding the longest word
 * typed and stop at the rows asked for (bench:typeahead). These properties hold them to the plain
 * definitions they replaced — every entry tested, in order, all hits kept — for random names,
 * companies, numbers and queries, key by key as a person types and deletes.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { DirectoryEntry } from '../../../src-preload/types/directory'
import type { Contact } from '../../../src-preload/types/phonebook'
import { phoneDigits } from '../../../src-preload/types/phone-number'
import { fold, searchDirectory, setDirectoryForTest } from '../../../src-renderer/src/stores/directory-store'
import { foldText, PhonebookIndex } from '../../../src-renderer/src/stores/phonebook-index'

/** Few letters, so that random words share prefixes and queries find things. */
const WORDS = [
  'Eva',
  'Éva',
  'eve',
  'Müller',
  'Mull',
  'Gül',
  'gu',
  'Ångström',
  'an',
  'O’Brien',
  'Zoë',
  'zo',
  'Li',
  'Fischer-Lang',
  'A.B.',
  '12',
  '105',
]
const word = fc.constantFrom(...WORDS)
const words = fc.array(word, { minLength: 0, maxLength: 3 }).map((w) => w.join(' '))
const digits = fc.stringMatching(/^[0-9]{3,9}$/)

const contactArb = fc.record({
  name: words,
  company: fc.oneof(fc.constant(''), words),
  numbers: fc.array(digits, { minLength: 0, maxLength: 2 }),
})

function contactsOf(list: readonly { name: string; company: string; numbers: string[] }[]): Contact[] {
  return list.map((c, i) => ({
    id: String(i + 1),
    source: 'local',
    name: c.name,
    company: c.company,
    notes: '',
    updatedAt: '2026-12-01T10:00:00.000Z',
    numbers: c.numbers.map((n, k) => ({ label: k === 0 ? 'work' : '', number: `0${n}`, key: `+49${n}` })),
  }))
}

/** The phonebook search as first written: every contact tested, all hits, the name-prefixed first. */
function referenceContacts(contacts: readonly Contact[], query: string, limit: number): string[] {
  const q = foldText(query.trim())
  if (q.length === 0 || limit <= 0) return []
  const parsed = /^[+0-9 ()./-]+$/.test(q) ? phoneDigits(q) : undefined
  const digitQuery = parsed !== undefined && parsed.digits.length >= 3 ? parsed.digits : undefined
  const needles = q
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((w) => w.length > 0)
    .map((w) => ` ${w}`)
  const entries = contacts
    .map((c) => ({
      c,
      name: foldText(c.name || c.company),
      words: ` ${foldText(`${c.name} ${c.company}`).replace(/[^\p{L}\p{N}]+/gu, ' ')}`,
      digits: c.numbers.map((n) => `${n.number.replace(/[^0-9]/g, '')}|${n.key.replace(/^\+/, '')}`).join('|'),
    }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : Number(a.c.id) - Number(b.c.id)))
  const hits = entries.filter((e) => (digitQuery !== undefined ? e.digits.includes(digitQuery) : needles.every((n) => e.words.includes(n))))
  const first = hits.filter((e) => e.name.startsWith(q))
  const rest = hits.filter((e) => !e.name.startsWith(q))
  return [...first, ...rest].slice(0, limit).map((e) => e.c.id)
}

/** The directory search as first written: every entry tested in list order. */
function referenceDirectory(entries: readonly DirectoryEntry[], query: string, limit: number): string[] {
  const q = fold(query.trim())
  if (q === '') return []
  const parts = q.split(/\s+/)
  const first: DirectoryEntry[] = []
  const second: DirectoryEntry[] = []
  const third: DirectoryEntry[] = []
  for (const entry of entries) {
    const name = fold(entry.name)
    const nameWords = name.split(/[\s\-.,'’]+/).filter((w) => w !== '')
    const text = `${name} ${entry.extension} ${fold(entry.department ?? '')} ${fold(entry.groups.join(' '))}`
    if (!parts.every((p) => text.includes(p))) continue
    if (parts.every((p) => nameWords.some((w) => w.startsWith(p)))) first.push(entry)
    else if (entry.extension.startsWith(q)) second.push(entry)
    else third.push(entry)
  }
  return [...first, ...second, ...third].slice(0, limit).map((e) => e.extension)
}

/** What is searched as someone types the text key by key and deletes it again with Backspace. */
function keystrokes(text: string): string[] {
  const out: string[] = []
  for (let i = 1; i <= text.length; i++) out.push(text.slice(0, i))
  for (let i = text.length - 1; i >= 1; i--) out.push(text.slice(0, i))
  return out
}

const queryArb = fc.oneof(
  words,
  fc.tuple(word, word).map(([a, b]) => `${a.slice(0, 3)} ${b.slice(0, 2)}`),
  digits.map((d) => d.slice(1, 5)),
  fc.constantFrom('0', '+49', '49 1', '(0) 12', '-', 'x y z', '  eva  '),
)

describe('the phonebook index answers as a search of every contact would', () => {
  it('for every keystroke of random queries over random contacts, with changes between', () => {
    fc.assert(
      fc.property(
        fc.array(contactArb, { maxLength: 60 }),
        fc.array(queryArb, { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1, max: 12 }),
        (raw, queries, limit) => {
          const contacts = contactsOf(raw)
          const index = new PhonebookIndex()
          index.upsert(contacts)
          for (const q of queries) {
            for (const typed of keystrokes(q)) expect(index.search(typed, limit).map((c) => c.id)).toEqual(referenceContacts(contacts, typed, limit))
          }
          // A change between two searches is seen by the next one.
          const removed = contacts.filter((_, i) => i % 3 === 0).map((c) => c.id)
          index.remove(removed)
          const left = contacts.filter((c) => !removed.includes(c.id))
          for (const q of queries) expect(index.search(q, limit).map((c) => c.id)).toEqual(referenceContacts(left, q, limit))
        },
      ),
      { numRuns: 150 },
    )
  })

  it('finds names, companies and numbers as before (examples)', () => {
    const contacts = contactsOf([
      { name: 'Eva Fischer', company: 'Fischer GmbH', numbers: ['1712223334'] },
      { name: 'Evangeline Ito', company: '', numbers: [] },
      { name: 'Steven Evans', company: 'Evans & Co', numbers: ['30123456'] },
      { name: '', company: 'Taxi Zentrale', numbers: ['30202020'] },
    ])
    const index = new PhonebookIndex()
    index.upsert(contacts)
    const names = (q: string, limit = 8): string[] => index.search(q, limit).map((c) => c.name || c.company)
    expect(names('ev')).toEqual(['Eva Fischer', 'Evangeline Ito', 'Steven Evans'])
    expect(names('evans c')).toEqual(['Steven Evans'])
    expect(names('ev', 1)).toEqual(['Eva Fischer'])
    expect(names('taxi')).toEqual(['Taxi Zentrale'])
    expect(names('2223')).toEqual(['Eva Fischer'])
    expect(names('4930202')).toEqual(['Taxi Zentrale'])
    expect(names('xyz')).toEqual([])
    expect(names('-')).toEqual(
      ['Evangeline Ito', 'Eva Fischer', 'Steven Evans', 'Taxi Zentrale'].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1)),
    )
  })
})

describe('the directory search answers as a search of every entry would', () => {
  const entryArb = fc.record({
    name: words,
    department: fc.option(word, { nil: undefined }),
    groups: fc.array(fc.constantFrom('sales', 'support', 'eva'), { maxLength: 2 }),
  })
  it('for every keystroke of random queries over random extensions', () => {
    fc.assert(
      fc.property(
        fc.array(entryArb, { maxLength: 60 }),
        fc.array(queryArb, { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1, max: 10 }),
        (raw, queries, limit) => {
          const entries: DirectoryEntry[] = raw.map((e, i) => ({
            extension: String(100 + i * 7),
            name: e.name,
            source: 'astdb',
            groups: e.groups,
            ...(e.department === undefined ? {} : { department: e.department }),
          }))
          setDirectoryForTest({ profileId: 'p', readAt: 1, sources: ['astdb'], entries })
          for (const q of queries) {
            for (const typed of keystrokes(q))
              expect(searchDirectory(typed, limit).map((e) => e.extension)).toEqual(referenceDirectory(entries, typed, limit))
          }
        },
      ),
      { numRuns: 150 },
    )
  })
})
