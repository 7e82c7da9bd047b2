/**
 * PMap: a persistent string-keyed map (a hash array mapped trie, 32-way branches, small leaves).
 *
 *   const m = PMap.empty<V>()            or PMap.fromRecord(record)
 *   m.get(key) / m.has(key) / m.size / m.forEach((value, key) => …)
 *   m.toRecord()                          a plain null-prototype Record, built once per version
 *   const e = m.edit()                    a transient editor: e.get / e.set / e.delete …
 *   const m2 = e.done()                   the new version; `m` still reads as before
 *
 * Why: the live model holds ~10,000 channels under load. Copying a whole Record for every batch
 * of events made each batch cost O(state); here a write copies one path of at most 7 small
 * nodes, and inside one editor a node it already copied is written in place (the editor owns it),
 * so a batch of k writes costs O(k). Old versions are never changed: a node is only written in
 * place by the editor that created it, and an editor stops owning its nodes at done().
 */

const BITS = 5
const MASK = (1 << BITS) - 1
/** Leaves split into a branch beyond this many entries (unless the hash bits are used up). */
const MAX_LEAF = 8
const MAX_SHIFT = 30

/** An editor's identity; a node whose owner is the current token may be written in place. */
type Token = object

interface Leaf<V> {
  readonly leaf: true
  readonly owner: Token | undefined
  readonly hashes: number[]
  readonly keys: string[]
  readonly vals: V[]
}

interface Branch<V> {
  readonly leaf: false
  readonly owner: Token | undefined
  readonly slots: Array<Node<V> | undefined>
}

type Node<V> = Leaf<V> | Branch<V>

/** FNV-1a, 32 bits. */
function hashOf(key: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

function getIn<V>(root: Node<V> | undefined, key: string, hash: number): V | undefined {
  let node = root
  let shift = 0
  while (node !== undefined) {
    if (node.leaf) {
      const i = node.keys.indexOf(key)
      return i < 0 ? undefined : node.vals[i]
    }
    node = node.slots[(hash >>> shift) & MASK]
    shift += BITS
  }
  return undefined
}

function ownLeaf<V>(n: Leaf<V>, t: Token): Leaf<V> {
  return n.owner === t ? n : { leaf: true, owner: t, hashes: n.hashes.slice(), keys: n.keys.slice(), vals: n.vals.slice() }
}

function ownBranch<V>(n: Branch<V>, t: Token): Branch<V> {
  return n.owner === t ? n : { leaf: false, owner: t, slots: n.slots.slice() }
}

interface SizeDelta {
  delta: number
}

function setIn<V>(node: Node<V> | undefined, key: string, hash: number, shift: number, val: V, t: Token, sz: SizeDelta): Node<V> {
  if (node === undefined) {
    sz.delta++
    return { leaf: true, owner: t, hashes: [hash], keys: [key], vals: [val] }
  }
  if (node.leaf) {
    const i = node.keys.indexOf(key)
    if (i >= 0) {
      if (node.vals[i] === val) return node
      const own = ownLeaf(node, t)
      own.vals[i] = val
      return own
    }
    if (node.keys.length < MAX_LEAF || shift > MAX_SHIFT) {
      const own = ownLeaf(node, t)
      own.hashes.push(hash)
      own.keys.push(key)
      own.vals.push(val)
      sz.delta++
      return own
    }
    // Split the full leaf one level down, then insert the new key there.
    let branch: Node<V> = { leaf: false, owner: t, slots: new Array<Node<V> | undefined>(1 << BITS).fill(undefined) }
    const moved: SizeDelta = { delta: 0 }
    node.keys.forEach((k, j) => {
      branch = setIn(branch, k, node.hashes[j] as number, shift, node.vals[j] as V, t, moved)
    })
    return setIn(branch, key, hash, shift, val, t, sz)
  }
  const slot = (hash >>> shift) & MASK
  const child = node.slots[slot]
  const next = setIn(child, key, hash, shift + BITS, val, t, sz)
  if (next === child) return node
  const own = ownBranch(node, t)
  own.slots[slot] = next
  return own
}

function deleteIn<V>(node: Node<V> | undefined, key: string, hash: number, shift: number, t: Token, sz: SizeDelta): Node<V> | undefined {
  if (node === undefined) return undefined
  if (node.leaf) {
    const i = node.keys.indexOf(key)
    if (i < 0) return node
    sz.delta--
    if (node.keys.length === 1) return undefined
    const own = ownLeaf(node, t)
    own.hashes.splice(i, 1)
    own.keys.splice(i, 1)
    own.vals.splice(i, 1)
    return own
  }
  const slot = (hash >>> shift) & MASK
  const child = node.slots[slot]
  const next = deleteIn(child, key, hash, shift + BITS, t, sz)
  if (next === child) return node
  if (next === undefined && node.slots.every((s, j) => j === slot || s === undefined)) return undefined
  const own = ownBranch(node, t)
  own.slots[slot] = next
  return own
}

function forEachIn<V>(node: Node<V> | undefined, fn: (val: V, key: string) => void): void {
  if (node === undefined) return
  if (node.leaf) {
    for (let i = 0; i < node.keys.length; i++) fn(node.vals[i] as V, node.keys[i] as string)
    return
  }
  for (const s of node.slots) forEachIn(s, fn)
}

export class PMap<V> {
  private record: Readonly<Record<string, V>> | undefined

  private constructor(
    private readonly root: Node<V> | undefined,
    readonly size: number,
  ) {}

  static empty<V>(): PMap<V> {
    return new PMap<V>(undefined, 0)
  }

  static fromRecord<V>(r: Readonly<Record<string, V>>): PMap<V> {
    const e = PMap.empty<V>().edit()
    for (const k of Object.keys(r)) e.set(k, r[k] as V)
    return e.done()
  }

  get(key: string): V | undefined {
    return getIn(this.root, key, hashOf(key))
  }

  has(key: string): boolean {
    return this.get(key) !== undefined
  }

  forEach(fn: (val: V, key: string) => void): void {
    forEachIn(this.root, fn)
  }

  /** A plain null-prototype Record of this version; built on first request and kept. */
  toRecord(): Readonly<Record<string, V>> {
    if (this.record === undefined) {
      const out = Object.create(null) as Record<string, V>
      this.forEach((v, k) => {
        out[k] = v
      })
      this.record = out
    }
    return this.record
  }

  edit(): PMapEditor<V> {
    return new PMapEditor<V>(this, this.root, this.size)
  }

  /** @internal: used by PMapEditor only. */
  static of<V>(root: Node<V> | undefined, size: number): PMap<V> {
    return new PMap<V>(root, size)
  }

  /** @internal */
  rootNode(): Node<V> | undefined {
    return this.root
  }
}

export class PMapEditor<V> {
  private token: Token = {}
  private readonly sz: SizeDelta = { delta: 0 }

  constructor(
    private readonly base: PMap<V>,
    private root: Node<V> | undefined,
    private readonly baseSize: number,
  ) {}

  get(key: string): V | undefined {
    return getIn(this.root, key, hashOf(key))
  }

  set(key: string, val: V): void {
    this.root = setIn(this.root, key, hashOf(key), 0, val, this.token, this.sz)
  }

  delete(key: string): void {
    this.root = deleteIn(this.root, key, hashOf(key), 0, this.token, this.sz)
  }

  /** The edited version (the base itself when nothing changed). The editor may go on editing: it copies again. */
  done(): PMap<V> {
    // From now on the nodes written so far belong to a published version: never write them again.
    this.token = {}
    if (this.root === this.base.rootNode()) return this.base
    return PMap.of(this.root, this.baseSize + this.sz.delta)
  }
}
