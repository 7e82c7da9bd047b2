/**
 * An AmiClient stand-in for LiveSync tests: the test plays the socket's side (`fire`) and decides
 * when the list answers arrive (`release`), what they hold (`answers`) and whether they fail.
 */
import type { AmiClientEvents, ListResult } from '../../src-main/core/ami/client'
import type { AmiMessage } from '../../src-main/core/ami/message'
import { TypedEmitter } from '../../src-main/core/util/typed-emitter'

export class FakeListClient extends TypedEmitter<AmiClientEvents> {
  state: 'idle' | 'ready'
  /** Each list's answer by action name (missing: an empty list). */
  readonly answers = new Map<string, readonly AmiMessage[]>()
  /** The lists asked for from now on fail when released (a rebuild that fails). */
  failNext = false
  private waiting: Array<() => void> = []

  constructor(state: 'idle' | 'ready' = 'ready') {
    super()
    this.state = state
  }

  list(name: string): Promise<ListResult> {
    const fail = this.failNext
    return new Promise((resolve, reject) => {
      this.waiting.push(() => {
        if (fail) reject(new Error('list failed'))
        else resolve({ response: undefined as unknown as AmiMessage, events: [...(this.answers.get(name) ?? [])] })
      })
    })
  }

  /** Answers every list asked for so far. */
  release(): void {
    const w = this.waiting
    this.waiting = []
    for (const f of w) f()
  }

  fire<K extends keyof AmiClientEvents>(name: K, ...args: AmiClientEvents[K]): void {
    this.emit(name, ...args)
  }

  get pendingLists(): number {
    return this.waiting.length
  }
}
