/**
 * A minimal typed event emitter. Unlike node:events it never throws on an unheard 'error' (a
 * console must not crash because nobody listened), and a throwing listener cannot break the
 * caller's loop (the socket data path): its exception goes to `onListenerError`.
 *
 *   class X extends TypedEmitter<{ ready: []; data: [msg: string] }> { … this.emit('data', s) }
 *   x.on('data', fn) / x.once(…) / x.off(…) — on() returns an unsubscribe function.
 */

type Listener<A extends unknown[]> = (...args: A) => void

export class TypedEmitter<M extends { [K in keyof M]: unknown[] }> {
  private readonly listeners = new Map<keyof M, Array<Listener<never[]>>>()

  /** Called with whatever a listener threw; default: rethrown on a later tick (visible, not lost). */
  protected onListenerError(err: unknown): void {
    queueMicrotask(() => {
      throw err
    })
  }

  on<K extends keyof M>(name: K, fn: Listener<M[K]>): () => void {
    const list = this.listeners.get(name)
    const stored = fn as unknown as Listener<never[]>
    if (list === undefined) this.listeners.set(name, [stored])
    else list.push(stored)
    return () => {
      this.off(name, fn)
    }
  }

  once<K extends keyof M>(name: K, fn: Listener<M[K]>): () => void {
    const off = this.on(name, (...args: M[K]) => {
      off()
      fn(...args)
    })
    return off
  }

  off<K extends keyof M>(name: K, fn: Listener<M[K]>): void {
    const list = this.listeners.get(name)
    if (list === undefined) return
    const i = list.indexOf(fn as unknown as Listener<never[]>)
    if (i !== -1) list.splice(i, 1)
  }

  listenerCount(name: keyof M): number {
    return this.listeners.get(name)?.length ?? 0
  }

  protected emit<K extends keyof M>(name: K, ...args: M[K]): void {
    const list = this.listeners.get(name)
    if (list === undefined || list.length === 0) return
    if (list.length === 1) {
      try {
        ;(list[0] as unknown as Listener<M[K]>)(...args)
      } catch (err) {
        this.onListenerError(err)
      }
      return
    }
    // Copy: a listener may unsubscribe itself while we iterate.
    for (const fn of list.slice()) {
      try {
        ;(fn as unknown as Listener<M[K]>)(...args)
      } catch (err) {
        this.onListenerError(err)
      }
    }
  }
}
