import { callerIdKeys, phoneDigits, type NumberPlan } from '../../../src-preload/types/phone-number'
import type { Contact, ContactNumber, PhonebookMatch } from '../../../src-preload/types/phonebook'

/**
 * The phonebook in the renderer's memory, for type-ahead at keystroke speed (the dial box and the
 * transfer picker search it on every key, over 50,000 contacts) and caller lookup on every call:
 * each contact's name and company folded once (lower case, accents gone), its numbers' digits
 * joined once, its numbers' keys in a map. Main's full-text search (notes too) is for the
 * phonebook screen; this answers names, companies and numbers.
 */
interface Entry {
  readonly contact: Contact
  /** ' ' + folded name and company: a word starts where ' ' + its first letters occur. */
  readonly words: string
  /** Folded name: contacts whose name starts with the query come first. */
  readonly name: string
  /** Every number's digits (as typed and as keyed), '|' between them. */
  readonly digits: string
}

export function foldText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()
}

function entryOf(contact: Contact): Entry {
  const name = foldText(contact.name || contact.company)
  const words = ` ${foldText(`${contact.name} ${contact.company}`).replace(/[^\p{L}\p{N}]+/gu, ' ')}`
  const digits = contact.numbers.map((n) => `${n.number.replace(/[^0-9]/g, '')}|${n.key.replace(/^\+/, '')}`).join('|')
  return { contact, words, name, digits }
}

const byName = (a: Entry, b: Entry): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : Number(a.contact.id) - Number(b.contact.id))

export class PhonebookIndex {
  private readonly byId = new Map<string, Entry>()
  private readonly byKey = new Map<string, Contact[]>()
  /** In name order (rebuilt lazily after a change). */
  private sorted: Entry[] | null = []

  get size(): number {
    return this.byId.size
  }

  clear(): void {
    this.byId.clear()
    this.byKey.clear()
    this.sorted = []
    this.initials = null
    this.last = null
  }

  upsert(contacts: readonly Contact[]): void {
    for (const c of contacts) {
      this.removeOne(c.id)
      this.byId.set(c.id, entryOf(c))
      for (const key of new Set(c.numbers.map((n) => n.key))) {
        if (key === '') continue
        const list = this.byKey.get(key)
        if (list === undefined) this.byKey.set(key, [c])
        else list.push(c)
      }
    }
    this.sorted = null
    this.last = null
  }

  remove(ids: readonly string[]): void {
    for (const id of ids) this.removeOne(id)
    this.sorted = null
    this.last = null
  }

  private removeOne(id: string): void {
    const old = this.byId.get(id)
    if (old === undefined) return
    this.byId.delete(id)
    for (const n of old.contact.numbers) {
      const list = this.byKey.get(n.key)
      if (list === undefined) continue
      const rest = list.filter((c) => c.id !== id)
      if (rest.length === 0) this.byKey.delete(n.key)
      else this.byKey.set(n.key, rest)
    }
  }

  get(id: string): Contact | undefined {
    return this.byId.get(id)?.contact
  }

  /** Every contact in name order. */
  all(): readonly Contact[] {
    return this.entries().map((e) => e.contact)
  }

  private entries(): Entry[] {
    if (this.sorted === null) {
      this.sorted = [...this.byId.values()].sort(byName)
      this.initials = null
      this.last = null
    }
    return this.sorted
  }

  /** Entries by the first letter of each of their words, in name order: where a word query starts. */
  private initials: Map<string, Entry[]> | null = null
  /** The last query and every entry it matched: a query that extends it only narrows (typing). */
  private last: { readonly query: string; readonly digits: boolean; readonly hits: Entry[] } | null = null

  private candidates(q: string, digitQuery: string | undefined, firstWord: string | undefined): readonly Entry[] {
    const all = this.entries()
    if (this.last !== null && q.startsWith(this.last.query) && this.last.digits === (digitQuery !== undefined)) return this.last.hits
    if (digitQuery !== undefined || firstWord === undefined) return all
    if (this.initials === null) {
      const map = new Map<string, Entry[]>()
      for (const e of all) {
        for (const initial of new Set(e.words.split(' ').map((w) => w.charAt(0)))) {
          if (initial === '') continue
          const list = map.get(initial)
          if (list === undefined) map.set(initial, [e])
          else list.push(e)
        }
      }
      this.initials = map
    }
    return this.initials.get(firstWord.charAt(1)) ?? []
  }

  /**
   * Contacts matching every word typed: a word matches the start of a word of the name or company
   * ("eva fi" finds "Eva Fischer", "mull" finds "Müller": accents are ignored), three or more
   * digits match anywhere in a number as typed or in international form. Names that start with the
   * query come first, then by name.
   */
  search(query: string, limit: number): Contact[] {
    const q = foldText(query.trim())
    if (q.length === 0 || limit <= 0) return []
    const parsed = /^[+0-9 ()./-]+$/.test(q) ? phoneDigits(q) : undefined
    const digitQuery = parsed !== undefined && parsed.digits.length >= 3 ? parsed.digits : undefined
    const words = q
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim()
      .split(' ')
      .filter((w) => w.length > 0)
      .map((w) => ` ${w}`)
    const first: Contact[] = []
    const rest: Contact[] = []
    const hits: Entry[] = []
    for (const e of this.candidates(q, digitQuery, words[0])) {
      let hit: boolean
      if (digitQuery !== undefined) hit = e.digits.includes(digitQuery)
      else {
        hit = true
        for (const w of words) {
          if (!e.words.includes(w)) {
            hit = false
            break
          }
        }
      }
      if (!hit) continue
      hits.push(e)
      if (e.name.startsWith(q)) {
        if (first.length < limit) first.push(e.contact)
      } else if (rest.length < limit) rest.push(e.contact)
    }
    this.last = { query: q, digits: digitQuery !== undefined, hits }
    return first.concat(rest).slice(0, limit)
  }

  /** The contact a caller ID belongs to (with the number it matched), under the profile's dial plan. */
  lookup(callerId: string, plan: NumberPlan): PhonebookMatch | undefined {
    for (const key of callerIdKeys(callerId, plan)) {
      const contact = this.byKey.get(key)?.[0]
      const number = contact?.numbers.find((n: ContactNumber) => n.key === key)
      if (contact !== undefined && number !== undefined) return { contact, number }
    }
    return undefined
  }
}
