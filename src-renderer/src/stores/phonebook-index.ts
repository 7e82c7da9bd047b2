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

/** One text per kind (words, digits) of every entry in name order; `starts[r]` is where entry r's part begins. */
interface Stack {
  readonly text: string
  readonly starts: Int32Array
}

interface Haystack {
  readonly words: Stack
  readonly digits: Stack
}

/**
 * The entries' texts joined by a line break (no query word or digit run holds one, so a match never
 * spans two entries); `starts` has one more element, the text's end.
 */
function joined(entries: readonly Entry[], textOf: (e: Entry) => string): Stack {
  const starts = new Int32Array(entries.length + 1)
  const parts: string[] = []
  let at = 0
  entries.forEach((e, r) => {
    starts[r] = at
    const t = textOf(e)
    parts.push(t)
    at += t.length + 1
  })
  starts[entries.length] = at
  return { text: parts.join('\n'), starts }
}

/** The first index from `from` where `before` turns false (it must be true, then false, along the list). */
function lowerBound<T>(list: readonly T[], before: (item: T) => boolean, from = 0): number {
  let lo = from
  let hi = list.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    const item = list[mid]
    if (item !== undefined && before(item)) lo = mid + 1
    else hi = mid
  }
  return lo
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
    this.haystack = null
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
    this.haystack = null
  }

  remove(ids: readonly string[]): void {
    for (const id of ids) this.removeOne(id)
    this.sorted = null
    this.haystack = null
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
      this.haystack = null
    }
    return this.sorted
  }

  /**
   * Every entry's words, and every entry's digits, each joined into one text in name order, with
   * where each entry's part starts: a keystroke jumps with indexOf from one matching entry to the
   * next (native string search) instead of testing 50,000 entries one by one, and stops as soon as
   * it has the rows asked for. Built once after a change, at the first search.
   */
  private haystack: Haystack | null = null

  private stacks(): Haystack {
    if (this.haystack !== null) return this.haystack
    const entries = this.entries()
    this.haystack = { words: joined(entries, (e) => e.words), digits: joined(entries, (e) => e.digits) }
    return this.haystack
  }

  /**
   * Contacts matching every word typed: a word matches the start of a word of the name or company
   * ("eva fi" finds "Eva Fischer", "mull" finds "Müller": accents are ignored), three or more
   * digits match anywhere in a number as typed or in international form. Names that start with the
   * query come first, then by name.
   *
   * The first rows are found in name order without looking at the rest: the names starting with
   * the query are one run of the sorted list (found by halving), the other hits come from jumping
   * through the joined text to the entries holding the longest word typed, checking the other words
   * there. A keystroke costs the rows it returns, or one native scan of the text when little matches.
   */
  search(query: string, limit: number): Contact[] {
    const q = foldText(query.trim())
    if (q.length === 0 || limit <= 0) return []
    const parsed = /^[+0-9 ()./-]+$/.test(q) ? phoneDigits(q) : undefined
    const digitQuery = parsed !== undefined && parsed.digits.length >= 3 ? parsed.digits : undefined
    const needles =
      digitQuery !== undefined
        ? [digitQuery]
        : q
            .replace(/[^\p{L}\p{N}]+/gu, ' ')
            .trim()
            .split(' ')
            .filter((w) => w.length > 0)
            .map((w) => ` ${w}`)
    const entries = this.entries()
    const stacks = this.stacks()
    const stack = digitQuery !== undefined ? stacks.digits : stacks.words
    const textOf = digitQuery !== undefined ? (e: Entry) => e.digits : (e: Entry) => e.words
    const holdsAll = (e: Entry, skip?: string): boolean => {
      const text = textOf(e)
      for (const n of needles) if (n !== skip && !text.includes(n)) return false
      return true
    }
    // Names starting with the query: one run [lo, hi) of the name order.
    const lo = lowerBound(entries, (e) => e.name < q)
    const hi = lowerBound(entries, (e) => e.name.startsWith(q), lo)
    const out: Contact[] = []
    for (let r = lo; r < hi && out.length < limit; r++) {
      const e = entries[r]
      if (e !== undefined && holdsAll(e)) out.push(e.contact)
    }
    if (out.length >= limit) return out
    // Then the other hits in name order, the run above skipped.
    if (needles.length === 0) {
      for (let r = 0; r < entries.length && out.length < limit; r++) {
        const e = entries[r]
        if (e !== undefined && (r < lo || r >= hi)) out.push(e.contact)
      }
      return out
    }
    const driver = needles.reduce((a, b) => (b.length > a.length ? b : a))
    const { text, starts } = stack
    let r = 0
    let at = text.indexOf(driver)
    while (at !== -1 && out.length < limit) {
      while ((starts[r + 1] ?? Infinity) <= at) r++
      const e = entries[r]
      if (e !== undefined && (r < lo || r >= hi) && holdsAll(e, driver)) out.push(e.contact)
      at = text.indexOf(driver, starts[r + 1] ?? text.length)
    }
    return out
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
