/**
 * NestedEditor: one batch's editor over a persistent map of persistent maps (key → sub-key →
 * value), e.g. device → channel ids, device → call id → count. An inner map is copied on its
 * first write in the batch; done() publishes the new outer map and drops emptied inner maps.
 */
import { PMap, type PMapEditor } from './pmap'

export class NestedEditor<V> {
  private readonly inner = new Map<string, PMapEditor<V>>()

  constructor(private readonly base: PMap<PMap<V>>) {}

  get(key: string, sub: string): V | undefined {
    const e = this.inner.get(key)
    return e !== undefined ? e.get(sub) : this.base.get(key)?.get(sub)
  }

  forEach(key: string, fn: (val: V, sub: string) => void): void {
    const e = this.inner.get(key)
    if (e !== undefined) e.done().forEach(fn)
    else this.base.get(key)?.forEach(fn)
  }

  set(key: string, sub: string, val: V): void {
    this.editor(key).set(sub, val)
  }

  delete(key: string, sub: string): void {
    this.editor(key).delete(sub)
  }

  done(): PMap<PMap<V>> {
    if (this.inner.size === 0) return this.base
    const outer = this.base.edit()
    for (const [key, e] of this.inner) {
      const m = e.done()
      if (m.size === 0) outer.delete(key)
      else outer.set(key, m)
    }
    this.inner.clear()
    return outer.done()
  }

  private editor(key: string): PMapEditor<V> {
    let e = this.inner.get(key)
    if (e === undefined) {
      e = (this.base.get(key) ?? PMap.empty<V>()).edit()
      this.inner.set(key, e)
    }
    return e
  }
}
