/**
 * Timing probes around the live pipeline, installed by wrapping two prototype methods for the
 * benchmark's lifetime (no change to the pipeline's own code):
 *  - LiveSync.flushBatch: one batch of live AMI events reduced into a new LiveModel and published
 *    (the 'change' listener — coalescer.update — runs inside it, and is cheap: it stores a
 *    reference and arms a timer). Counted only while not syncing, i.e. live events, not replays.
 *  - PatchCoalescer.flush: diff against the last flushed state + one frame sent to each sink
 *    (JSON.stringify and the WebSocket write happen inside). Records each flush's wall time,
 *    duration, and the call ids that a patch introduced (first time sent to the renderer).
 * The probe's own work is O(patch): it keeps the set of call ids the patches have carried so far
 * (the coalescer's flushed state is lazy — reading its `calls` would build a 5,000-key Record per
 * flush and inflate the main-CPU figure it is meant to measure).
 */
import { LiveSync } from '../../src-main/core/live/live-sync'
import { PatchCoalescer } from '../../src-main/core/live/patch-coalescer'
import type { LivePatch } from '../../src-preload/types/live'
import { wallNow } from './stats'

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
  /** Call id → wall time its first patch was handed to the transport. */
  readonly newCallSentAt: Map<string, number>
  reset(): void
  uninstall(): void
}

type Method = (this: unknown, ...args: unknown[]) => unknown

export function installPipelineProbe(): PipelineProbe {
  const syncProto = LiveSync.prototype as unknown as Record<string, Method>
  const coProto = PatchCoalescer.prototype as unknown as Record<string, Method>
  const origFlushBatch = syncProto.flushBatch
  const origFlush = coProto.flush
  if (origFlushBatch === undefined || origFlush === undefined) throw new Error('LiveSync.flushBatch / PatchCoalescer.flush not found: the probe needs updating')
  const probe: PipelineProbe = {
    reducedEvents: 0,
    reduceMs: 0,
    reduceBatches: 0,
    maxReduceMs: 0,
    flushes: [],
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
  coProto.flush = function (this: unknown, ...args: unknown[]): unknown {
    const startedAt = wallNow()
    const t0 = performance.now()
    const patch = origFlush.apply(this, args) as LivePatch | undefined
    const ms = performance.now() - t0
    const at = wallNow()
    const upsert = patch?.calls?.upsert ?? {}
    let upserts = 0
    for (const id in upsert) {
      upserts++
      if (sentCalls.has(id)) continue
      sentCalls.add(id)
      if (!probe.newCallSentAt.has(id)) probe.newCallSentAt.set(id, at)
    }
    for (const id of patch?.calls?.remove ?? []) sentCalls.delete(id)
    probe.flushes.push({ startedAt, at, ms, patch: patch !== undefined, upserts })
    return patch
  }
  return probe
}
