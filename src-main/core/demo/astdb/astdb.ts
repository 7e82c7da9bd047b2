/**
 * The demo PBX's AstDB: Asterisk's small key/value store (main/db.c), where FreePBX keeps what
 * changes at run time — the caller ID name of each extension (`AMPUSER/<ext>/cidname`),
 * do-not-disturb (`DND/<ext>`), call forwarding (`CF`, `CFB`, `CFU`), day/night (`DAYNIGHT/C<n>`),
 * custom device and presence states (`CustomDevstate`, `CustomPresence`).
 *
 * Keys are stored as Asterisk stores them: one flat table of `/<family>/<key>` → value, so a key may
 * hold slashes (`101/cidname`) and a tree is every key below a prefix. Shared by every concern that
 * keeps FreePBX state here (names, DND, forwarding, day/night); it outlives a simulated restart, as
 * the real one lives on disk.
 *
 * Writes raise no AMI event (astdb-presence.raw: a DBPut is seen only by asking); `onChange` is for
 * the demo's own concerns that must follow a key (a phone's DND, say), not something the wire shows.
 */

import { randomUUID } from 'node:crypto'

/** main/db.c's MAX_DB_FIELD: `/family/key` must fit in 256 bytes with its terminator. */
const MAX_DB_FIELD = 256

export interface AstDbEntry {
  /** The full key as DBGetTree prints it: `/AMPUSER/101/cidname`. */
  readonly key: string
  readonly value: string
}

export type AstDbChange = { readonly kind: 'put'; readonly key: string; readonly value: string } | { readonly kind: 'del'; readonly key: string }

export class AstDb {
  private readonly rows = new Map<string, string>()
  private readonly listeners = new Set<(change: AstDbChange) => void>()

  /** Asterisk writes `/pbx/UUID` on its first start (astdb-presence.raw's whole-database tree shows it). */
  constructor(uuid: string = randomUUID()) {
    this.rows.set('/pbx/UUID', uuid)
  }

  /** The value of `family`/`key`, or undefined when there is none. */
  get(family: string, key: string): string | undefined {
    return this.rows.get(fullKey(family, key))
  }

  /** Stores a value; false when family and key are too long for Asterisk (`Failed to update entry`). */
  put(family: string, key: string, value: string): boolean {
    if (!fits(family, key)) return false
    const full = fullKey(family, key)
    this.rows.set(full, value)
    this.emit({ kind: 'put', key: full, value })
    return true
  }

  /** Deletes one key; false when there was none. */
  del(family: string, key: string): boolean {
    const full = fullKey(family, key)
    if (!this.rows.delete(full)) return false
    this.emit({ kind: 'del', key: full })
    return true
  }

  /**
   * Deletes a tree (a family, or a key tree within it; everything without a family) and says how
   * many keys went, as ast_db_deltree() does.
   */
  delTree(family?: string, keytree?: string): number {
    const gone = this.tree(family, keytree)
    for (const entry of gone) {
      this.rows.delete(entry.key)
      this.emit({ kind: 'del', key: entry.key })
    }
    return gone.length
  }

  /**
   * The entries below a prefix, ordered by key (SQLite's ORDER BY key). The prefix matches whole
   * path parts — `/AMPUSER/10` is not a prefix of `/AMPUSER/101/…` — and, like db.c's
   * `key || '/' LIKE prefix || '/%'`, without regard to ASCII case.
   */
  tree(family?: string, keytree?: string): AstDbEntry[] {
    const prefix = family === undefined || family === '' ? '' : keytree === undefined || keytree === '' ? `/${family}` : fullKey(family, keytree)
    const wanted = `${prefix}/`.toLowerCase()
    const out: AstDbEntry[] = []
    for (const [key, value] of this.rows) {
      if (prefix === '' || `${key}/`.toLowerCase().startsWith(wanted)) out.push({ key, value })
    }
    return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  }

  /**
   * The keys directly and indirectly under a family, without the family part, with their values:
   * `entries('AMPUSER')` → [['101/cidname', 'Reception'], …].
   */
  entries(family: string): [key: string, value: string][] {
    const skip = family.length + 2
    return this.tree(family).map((e) => [e.key.slice(skip), e.value])
  }

  /** Follows every write (for the demo's own concerns; the wire shows none). Returns the unsubscribe. */
  onChange(listener: (change: AstDbChange) => void): () => void {
    this.listeners.add(listener)
    return () => {
      this.listeners.delete(listener)
    }
  }

  private emit(change: AstDbChange): void {
    for (const listener of this.listeners) listener(change)
  }
}

function fullKey(family: string, key: string): string {
  return `/${family}/${key}`
}

function fits(family: string, key: string): boolean {
  return Buffer.byteLength(family) + Buffer.byteLength(key) + 2 <= MAX_DB_FIELD - 1
}
