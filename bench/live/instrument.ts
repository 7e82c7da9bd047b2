/**
 * Timing probes around the live pipeline, installed by wrapping two prototype methods for the
 * benchmark's lifetime (no change to the pipeline's own code):
 *  - LiveSync.flushBatch: one batch of live AMI events reduced into a new LiveModel and published
 *    (the 'change' listener — coalescer.update — runs inside it, and is cheap: it stores a
 *    reference and arms a timer). Counted only while not syncing, i.e. live events, not replays.
 *  - PatchCoalescer.flush: diff against the last flushed state + one message offered to each
 *    sink. Records each flush's wall time, duration, and the call ids that a patch introduced
 *    (first time the renderer is sent that call).
 *  - LiveFlowGate.sendNext: the page's flow gate hands a message to the WebSocket (at once, or
 *    when the page acknowledges the previous one; JSON.stringify and the write happen inside).
 *    A patch it sends covers the coalescer's seqs baseSeq+1 … seq: their new calls count as
 *    sent now.
 * The probe's own work is O(patch): it keeps the set of call ids the patches have carried so far
 * (the coalescer's flushed state is lazy — reading its `calls` would build a 5,000-key Record per
 * flush and inflate the main-CPU figure it is meant to measure).
 */
import { LiveSync } from '../../src-main/core/live/live-sync'
import { LiveFlowGate } from '../../src-main/core/live/live-flow'
import { PatchCoalescer } from '../../src-main/core/live/patch-coalescer'
import { type LivePatch, patchBase } from '../../src-preload/types/live'
import { wallNow } from '../support/stats'

export interface FlushRecord {
  /** Wall time the flush started (the coalescer's own pacing point). */
  readonly startedAt: number
  /** Wall time the flush had handed its frame to every sink. */
  readonly at: number
  readonly ms: number
  readonly patch: boolean
  readonly upserts: number
}

export interface PipelineProbe {
  reducedEvents: number
  reduceMs: number
  reduceBatches: number
  maxReduceMs: number
  readonly flushes: FlushRecord[]
  /** Call id → wall time the coalescer flushed the patch introducing it. */
  readonly newCallFlushedAt: Map<string, number>
  /** Call id → wall time the flow gate handed that patch (alone or merged) to the WebSocket. */
  readonly newCallSentAt: Map<string, number>
  reset(): void
  uninstall(): void
}

type Method = (this: unknown, ...args: unknown[]) => unknown

export function installPipelineProbe(): PipelineProbe {
  const syncProto = LiveSync.prototype as unknown as Record<string, Method>
  const coProto = PatchCoalescer.prototype as unknown as Record<string, Method>
  const gateProto = LiveFlowGate.prototype as unknown as Record<string, Method>
  const origFlushBatch = syncProto.flushBatch
  const origFlush = coProto.flush
  const origSendNext = gateProto.sendNext
  if (origFlushBatch === undefined || origFlush === undefined || origSendNext === undefined) {
    throw new Error('LiveSync.flushBatch / PatchCoalescer.flush / LiveFlowGate.sendNext not found: the probe needs updating')
  }
  const probe: PipelineProbe = {
    reducedEvents: 0,
    reduceMs: 0,
    reduceBatches: 0,
    maxReduceMs: 0,
    flushes: [],
    newCallFlushedAt: new Map(),
    newCallSentAt: new Map(),
    reset() {
      probe.reducedEvents = 0
      probe.reduceMs = 0
      probe.reduceBatches = 0
      probe.maxReduceMs = 0
      probe.flushes.length = 0
    },
    uninstall() {
      syncProto.flushBatch = origFlushBatch
      coProto.flush = origFlush
      gateProto.sendNext = origSendNext
    },
  }
  syncProto.flushBatch = function (this: unknown, ...args: unknown[]): unknown {
    const self = this as { pending: readonly unknown[]; syncing: boolean }
    const n = self.syncing ? 0 : self.pending.length
    const t0 = performance.now()
    const out = origFlushBatch.apply(this, args)
    if (n > 0) {
      const ms = performance.now() - t0
      probe.reducedEvents += n
      probe.reduceMs += ms
      probe.reduceBatches++
      probe.maxReduceMs = Math.max(probe.maxReduceMs, ms)
    }
    return out
  }
  // Calls the renderer has been sent (upserted and not removed since), across every flush.
  const sentCalls = new Set<string>()
  // Coalescer seq → the calls its patch introduced, until a gate sends that seq.
  const newCallsBySeq = new Map<number, string[]>()
  coProto.flush = function (this: unknown, ...args: unknown[]): unknown {
    const startedAt = wallNow()
    const t0 = performance.now()
    const patch = origFlush.apply(this, args) as LivePatch | undefined
    const ms = performance.now() - t0
    const at = wallNow()
    const upsert = patch?.calls?.upsert ?? {}
    let upserts = 0
    const introduced: string[] = []
    for (const id in upsert) {
      upserts++
      if (sentCalls.has(id)) continue
      sentCalls.add(id)
      if (!probe.newCallFlushedAt.has(id)) {
        probe.newCallFlushedAt.set(id, at)
        introduced.push(id)
      }
    }
    if (patch !== undefined && introduced.length > 0) newCallsBySeq.set(patch.seq, introduced)
    for (const id of patch?.calls?.remove ?? []) sentCalls.delete(id)
    probe.flushes.push({ startedAt, at, ms, patch: patch !== undefined, upserts })
    return patch
  }
  gateProto.sendNext = function (this: unknown, ...args: unknown[]): unknown {
    const gate = this as { heldSnapshot: unknown; heldPatch: { seq: number; baseSeq?: number } | undefined; stats: { sent: number } }
    const patchFirst = gate.heldSnapshot === undefined ? gate.heldPatch : undefined
    const sent0 = gate.stats.sent
    const out = origSendNext.apply(this, args)
    if (patchFirst !== undefined && gate.stats.sent > sent0) {
      const at = wallNow()
      const base = patchBase(patchFirst)
      for (let seq = base + 1; seq <= patchFirst.seq; seq++) {
        for (const id of newCallsBySeq.get(seq) ?? []) if (!probe.newCallSentAt.has(id)) probe.newCallSentAt.set(id, at)
        newCallsBySeq.delete(seq)
      }
    }
    return out
  }
  return probe
}
