/**
 * EndedMemory: the last `limit` Uniqueids that hung up, as a persistent structure.
 *
 *   const e = EndedMemory.empty(1024)  or  EndedMemory.fromList(ids, 1024)
 *   e.has(id)        a late event must not resurrect it
 *   e.list()         oldest first (built once per version; the model's `index.ended`)
 *   const w = e.edit(); w.add(id); w.has(id); const e2 = w.done()
 *
 * Why not an array: under load a hangup arrives every few milliseconds, and copying (and
 * searching) a 1,024-entry array and Set for every batch showed up in bench:live. Here an add
 * is O(log n) and leaves older versions as they were.
 */
import { PMap, type PMapEditor } from './pmap'

export class EndedMemory {
  private listed: readonly string[] | undefined

  private constructor(
    readonly limit: number,
    /** id → serial of its latest add (an id may be added twice: a replayed Hangup). */
    private readonly serials: PMap<number>,
    /** serial → id, for serials head … tail-1. */
    private readonly order: PMap<string>,
    private readonly head: number,
    private readonly tail: number,
  ) {}

  static empty(limit: number): EndedMemory {
    return new EndedMemory(limit, PMap.empty(), PMap.empty(), 0, 0)
  }

  static fromList(ids: readonly string[], limit: number): EndedMemory {
    const w = EndedMemory.empty(limit).edit()
    for (const id of ids) w.add(id)
    return w.done()
  }

  has(id: string): boolean {
    return this.serials.has(id)
  }

  list(): readonly string[] {
    if (this.listed === undefined) {
      const out: string[] = []
      for (let s = this.head; s < this.tail; s++) {
        const id = this.order.get(String(s))
        if (id !== undefined) out.push(id)
      }
      this.listed = out
    }
    return this.listed
  }

  edit(): EndedEditor {
    return new EndedEditor(this.limit, this.serials.edit(), this.order.edit(), this.head, this.tail)
  }

  /** @internal: used by EndedEditor only. */
  static of(limit: number, serials: PMap<number>, order: PMap<string>, head: number, tail: number): EndedMemory {
    return new EndedMemory(limit, serials, order, head, tail)
  }
}

export class EndedEditor {
  constructor(
    private readonly limit: number,
    private readonly serials: PMapEditor<number>,
    private readonly order: PMapEditor<string>,
    private head: number,
    private tail: number,
  ) {}

  has(id: string): boolean {
    return this.serials.get(id) !== undefined
  }

  add(id: string): void {
    const s = this.tail++
    this.serials.set(id, s)
    this.order.set(String(s), id)
    while (this.tail - this.head > this.limit) {
      const key = String(this.head++)
      const gone = this.order.get(key)
      this.order.delete(key)
      // Forget the id only if this was its latest add.
      if (gone !== undefined && this.serials.get(gone) === Number(key)) this.serials.delete(gone)
    }
  }

  done(): EndedMemory {
    return EndedMemory.of(this.limit, this.serials.done(), this.order.done(), this.head, this.tail)
  }
}
