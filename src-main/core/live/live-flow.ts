/**
 * LiveFlowGate: flow control between main and one window, shared by both transports (the web
 * server's WebSocket and Electron's IPC). The window acknowledges each live message once it has
 * handled it, from its animation frame ('live.ack'); the gate sends the next message only after
 * that ack — a credit of one — so a window never gets more than one batch per frame, however its
 * frames and main's flushes line up.
 *
 *   const gate = new LiveFlowGate({ transmit })
 *   gate.offer(msg)            a message from the coalescer: sent now if the window has credit,
 *                              else held; held patches are merged into one (latest entity wins)
 *   gate.ack()                 the window handled the last message: send what is held, if any
 *   gate.restart()             the window starts over (load, reload, re-subscribe): drop all held
 *   gate.receive(ack)          a validated 'live.ack': restart() or ack()
 *
 * While a window is slow, the patches main flushes keep coalescing here into one merged patch
 * (seq = the latest, baseSeq = the seq it applies on). That merged patch is bounded: past
 * `maxHeldChanges` entity changes it is dropped, and the next patch sent then does not follow
 * what the window has — the window sees the seq gap and asks for a fresh snapshot, which is
 * what a lost or stalled window should get anyway. A snapshot supersedes everything held before
 * it; patches after a held snapshot wait behind it (snapshot first, then one merged patch).
 */
import {
  type CollectionPatch,
  LIVE_COLLECTIONS,
  type LiveCollectionName,
  type LiveMessage,
  type LiveMeta,
  type LivePatch,
  type LiveQueue,
  type LiveQueueChange,
  type LiveSnapshot,
  patchBase,
} from '../../../src-preload/types/live'
import { applyQueueChange, mergeQueueChange, queueChangeSize } from '../../../src-preload/types/live-queue-patch'

export interface LiveFlowOptions {
  /** Writes one message to the window (the transport's send). */
  readonly transmit: (msg: LiveMessage) => void
  /** Entity changes one window may have waiting before they are dropped for a snapshot. */
  readonly maxHeldChanges?: number
}

/** Large enough for seconds of a busy PBX's changes, small enough to stay a few megabytes. */
const DEFAULT_MAX_HELD_CHANGES = 20_000

type Entity = { readonly id: string }

interface HeldCollection {
  readonly upsert: Record<string, Entity>
  readonly remove: Set<string>
}

/** Several patches merged into one, built only when a second patch has to wait. */
class MergedPatch {
  readonly profileId: string
  readonly baseSeq: number
  seq: number
  meta: LiveMeta | undefined
  changes = 0
  private readonly colls = new Map<LiveCollectionName, HeldCollection>()
  /** Queues the window has, changed in part (see live-queue-patch.ts), with their entry counts. */
  private readonly queueChanges = new Map<string, { change: LiveQueueChange; size: number }>()

  constructor(first: LivePatch) {
    this.profileId = first.profileId
    this.baseSeq = patchBase(first)
    this.seq = first.seq
    this.add(first)
  }

  /** Folds the next patch in: an entity's latest version wins; a removal cancels an upsert. */
  add(patch: LivePatch): void {
    this.seq = patch.seq
    if (patch.meta !== undefined) this.meta = patch.meta
    for (const c of LIVE_COLLECTIONS) {
      const p = patch[c] as CollectionPatch<Entity> | undefined
      if (p === undefined) continue
      let held = this.colls.get(c)
      if (held === undefined) {
        held = { upsert: Object.create(null) as Record<string, Entity>, remove: new Set() }
        this.colls.set(c, held)
      }
      // Removals first, then upserts: the order every reader of a patch applies them in.
      for (const id of p.remove) {
        if (c === 'queues') this.dropQueueChange(id)
        if (id in held.upsert) {
          // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- a Record keyed by entity id
          delete held.upsert[id]
          this.changes--
        }
        if (!held.remove.has(id)) {
          held.remove.add(id)
          this.changes++
        }
      }
      for (const id in p.upsert) {
        const e = p.upsert[id]
        if (e === undefined) continue
        if (c === 'queues') this.dropQueueChange(id)
        if (!(id in held.upsert)) this.changes++
        held.upsert[id] = e
      }
      if (c === 'queues') this.addQueueChanges(held, patch.queues?.change)
    }
  }

  /**
   * A queue sent whole in a held patch takes the change into that whole queue; otherwise the
   * change is folded into any held change of the same queue.
   */
  private addQueueChanges(held: HeldCollection, changes: Readonly<Record<string, LiveQueueChange>> | undefined): void {
    for (const id in changes) {
      const change = changes[id]
      if (change === undefined) continue
      const whole = held.upsert[id] as LiveQueue | undefined
      if (whole !== undefined) {
        held.upsert[id] = applyQueueChange(whole, change)
        continue
      }
      const before = this.queueChanges.get(id)
      const merged = before === undefined ? change : mergeQueueChange(before.change, change)
      const size = queueChangeSize(merged)
      this.changes += size - (before?.size ?? 0)
      this.queueChanges.set(id, { change: merged, size })
    }
  }

  /** A queue removed or sent whole after a held change: the change is superseded. */
  private dropQueueChange(id: string): void {
    const before = this.queueChanges.get(id)
    if (before === undefined) return
    this.queueChanges.delete(id)
    this.changes -= before.size
  }

  toPatch(): LivePatch {
    const out: Partial<Record<LiveCollectionName, CollectionPatch<Entity>>> = {}
    for (const [c, held] of this.colls) out[c] = { upsert: held.upsert, remove: [...held.remove] }
    if (this.queueChanges.size > 0 && out.queues !== undefined) {
      const change = Object.create(null) as Record<string, LiveQueueChange>
      for (const [id, held] of this.queueChanges) change[id] = held.change
      out.queues = { ...out.queues, change } as CollectionPatch<Entity>
    }
    return {
      profileId: this.profileId,
      seq: this.seq,
      ...(this.baseSeq === this.seq - 1 ? {} : { baseSeq: this.baseSeq }),
      ...(this.meta === undefined ? {} : { meta: this.meta }),
      ...(out as Omit<LivePatch, 'profileId' | 'seq' | 'baseSeq' | 'meta'>),
    }
  }
}

export class LiveFlowGate {
  private readonly transmit: (msg: LiveMessage) => void
  private readonly maxHeldChanges: number
  /** The window has acknowledged everything sent: the next message may go at once. */
  private credit = true
  private heldSnapshot: LiveSnapshot | undefined
  /** One waiting patch as it came (no copy), or several merged. */
  private heldPatch: LivePatch | MergedPatch | undefined
  /**
   * sent / acks / held (messages that had to wait) / merged (patches folded into a waiting one) /
   * dropped (merged patches given up for a snapshot).
   */
  readonly stats = { sent: 0, acks: 0, held: 0, merged: 0, dropped: 0 }

  constructor(opts: LiveFlowOptions) {
    this.transmit = opts.transmit
    this.maxHeldChanges = opts.maxHeldChanges ?? DEFAULT_MAX_HELD_CHANGES
  }

  /** True while a message is waiting for the window's ack. */
  get waiting(): boolean {
    return this.heldSnapshot !== undefined || this.heldPatch !== undefined
  }

  /** Entity changes waiting in the held patch (0 when none is held). */
  get heldChanges(): number {
    const h = this.heldPatch
    return h === undefined ? 0 : h instanceof MergedPatch ? h.changes : countChanges(h)
  }

  offer(msg: LiveMessage): void {
    if (msg.kind === 'snapshot') {
      this.heldSnapshot = msg.snapshot
      this.heldPatch = undefined
    } else this.hold(msg.patch)
    if (this.credit) this.sendNext()
    else this.stats.held++
  }

  ack(): void {
    this.stats.acks++
    this.credit = true
    this.sendNext()
  }

  restart(): void {
    this.heldSnapshot = undefined
    this.heldPatch = undefined
    this.credit = true
  }

  /** A validated 'live.ack' from the window, as either transport receives it. */
  receive(ack: { readonly restart: boolean }): void {
    if (ack.restart) this.restart()
    else this.ack()
  }

  private hold(patch: LivePatch): void {
    const held = this.heldPatch
    if (held === undefined || held.profileId !== patch.profileId) {
      // Nothing waiting, or a patch of a profile the window has since left (it ignores those).
      this.heldPatch = patch
      return
    }
    const merged = held instanceof MergedPatch ? held : new MergedPatch(held)
    merged.add(patch)
    this.stats.merged++
    if (merged.changes > this.maxHeldChanges) {
      // Too much to keep for a window this far behind: drop it. The next patch does not follow
      // what the window has, so the window asks for a fresh snapshot when it gets it.
      this.heldPatch = undefined
      this.stats.dropped++
      return
    }
    this.heldPatch = merged
  }

  private sendNext(): void {
    let msg: LiveMessage | undefined
    if (this.heldSnapshot !== undefined) {
      msg = { kind: 'snapshot', snapshot: this.heldSnapshot }
      this.heldSnapshot = undefined
    } else if (this.heldPatch !== undefined) {
      const h = this.heldPatch
      msg = { kind: 'patch', patch: h instanceof MergedPatch ? h.toPatch() : h }
      this.heldPatch = undefined
    }
    if (msg === undefined) return
    this.credit = false
    this.stats.sent++
    this.transmit(msg)
  }
}

function countChanges(p: LivePatch): number {
  let n = 0
  for (const c of LIVE_COLLECTIONS) {
    const cp = p[c]
    if (cp === undefined) continue
    n += cp.remove.length
    for (const _ in cp.upsert) n++
  }
  const queueChanges = p.queues?.change
  for (const id in queueChanges) {
    const change = queueChanges[id]
    if (change !== undefined) n += queueChangeSize(change)
  }
  return n
}
