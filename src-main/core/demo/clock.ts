/**
 * Virtual time for the demo PBX. Everything the PBX does later (a phone answering, a call
 * ending, the random generator's next call) is a task on this scheduler, never a bare
 * setTimeout: tests drive time with advance(), the CLI lets it follow the wall clock
 * (optionally faster with `speed`). Tasks due at the same instant run in insertion order,
 * which keeps a seeded run reproducible.
 */

export interface ScheduledTask {
  cancel(): void
}

interface Entry {
  readonly due: number
  readonly seq: number
  readonly run: () => void
  cancelled: boolean
}

export interface SchedulerOptions {
  /** Epoch milliseconds at which virtual time starts. */
  readonly startMs: number
  /** 'real': virtual time follows the wall clock × speed. 'manual': only advance() moves it. */
  readonly mode: 'real' | 'manual'
  readonly speed?: number
  /** Wall-clock tick of the real mode, ms. */
  readonly tickMs?: number
}

export class Scheduler {
  private nowMs: number
  private seq = 0
  private readonly heap: Entry[] = []
  /** Cancelled entries still in the heap (a call's hour-long ring timeout, cancelled at answer). */
  private cancelledCount = 0
  private timer: NodeJS.Timeout | undefined
  private lastWall = 0
  private speedFactor: number
  private running = false
  private readonly tickMs: number
  readonly mode: 'real' | 'manual'
  /** Exceptions thrown by tasks (most recent 100). */
  readonly errors: unknown[] = []

  constructor(options: SchedulerOptions) {
    this.nowMs = options.startMs
    this.mode = options.mode
    this.speedFactor = options.speed ?? 1
    this.tickMs = options.tickMs ?? 5
  }

  now(): number {
    return this.nowMs
  }

  get speed(): number {
    return this.speedFactor
  }

  setSpeed(speed: number): void {
    if (!(speed > 0) || !Number.isFinite(speed)) throw new RangeError('speed must be a positive number')
    this.speedFactor = speed
  }

  /** Runs `run` after `delayMs` of virtual time (0 = at the next turn, after the current work). */
  schedule(delayMs: number, run: () => void): ScheduledTask {
    const entry: Entry = { due: this.nowMs + Math.max(0, delayMs), seq: this.seq++, run, cancelled: false }
    this.push(entry)
    if (this.mode === 'real' && delayMs <= 0) this.kick()
    return {
      cancel: () => {
        if (entry.cancelled) return
        entry.cancelled = true
        this.cancelledCount++
        this.compactIfMostlyCancelled()
      },
    }
  }

  /** Moves virtual time forward, running every task due on the way (manual and real mode). */
  advance(ms: number): void {
    this.runUntil(this.nowMs + Math.max(0, ms))
  }

  /** Runs tasks that are due now (including ones they schedule with delay 0). */
  runDue(): void {
    this.runUntil(this.nowMs)
  }

  /** Entries held, cancelled ones included (memory, not work). */
  get queued(): number {
    return this.heap.length
  }

  pending(): number {
    return this.heap.filter((e) => !e.cancelled).length
  }

  start(): void {
    if (this.mode !== 'real' || this.timer) return
    this.lastWall = Date.now()
    this.timer = setInterval(() => {
      this.onTick()
    }, this.tickMs)
    this.timer.unref()
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = undefined
  }

  private kickScheduled = false

  private kick(): void {
    if (this.kickScheduled || !this.timer) return
    this.kickScheduled = true
    setImmediate(() => {
      this.kickScheduled = false
      if (this.timer) this.runDue()
    })
  }

  private onTick(): void {
    const wall = Date.now()
    const elapsed = (wall - this.lastWall) * this.speedFactor
    this.lastWall = wall
    this.runUntil(this.nowMs + elapsed)
  }

  private runUntil(target: number): void {
    if (this.running) {
      // Re-entrant call (a task advancing time): only move the clock; the outer loop runs tasks.
      return
    }
    this.running = true
    try {
      let top = this.heap[0]
      while (top && top.due <= target) {
        this.popTop()
        const wasCancelled = top.cancelled
        // Marked so that a late cancel() of a task that already ran is not counted.
        top.cancelled = true
        if (wasCancelled) this.cancelledCount--
        else {
          if (top.due > this.nowMs) this.nowMs = top.due
          try {
            top.run()
          } catch (err) {
            // One faulty task must not stop the PBX; the error is kept for tests to assert on.
            this.errors.push(err)
            if (this.errors.length > 100) this.errors.shift()
          }
        }
        top = this.heap[0]
      }
      if (target > this.nowMs) this.nowMs = target
    } finally {
      this.running = false
    }
  }

  /**
   * Under load most far-future tasks are cancelled long before they are due; left in the heap
   * they would grow memory with every call ever made. A sorted array is a valid heap.
   */
  private compactIfMostlyCancelled(): void {
    if (this.cancelledCount < 4096 || this.cancelledCount * 2 < this.heap.length) return
    const live = this.heap.filter((e) => !e.cancelled).sort((a, b) => a.due - b.due || a.seq - b.seq)
    this.heap.length = 0
    for (const e of live) this.heap.push(e)
    this.cancelledCount = 0
  }

  private less(a: Entry, b: Entry): boolean {
    return a.due < b.due || (a.due === b.due && a.seq < b.seq)
  }

  private push(entry: Entry): void {
    const h = this.heap
    h.push(entry)
    let i = h.length - 1
    while (i > 0) {
      const parent = (i - 1) >> 1
      const p = h[parent]
      if (!p || !this.less(entry, p)) break
      h[i] = p
      h[parent] = entry
      i = parent
    }
  }

  private popTop(): void {
    const h = this.heap
    const last = h.pop()
    if (!last || h.length === 0) return
    h[0] = last
    let i = 0
    for (;;) {
      const l = 2 * i + 1
      const r = l + 1
      let m = i
      const hm = (): Entry => h[m] as Entry
      const hl = h[l]
      if (hl && this.less(hl, hm())) m = l
      const hr = h[r]
      if (hr && this.less(hr, hm())) m = r
      if (m === i) break
      const tmp = h[i] as Entry
      h[i] = hm()
      h[m] = tmp
      i = m
    }
  }
}
