/**
 * What main's live patches are made of, per coalescer flush: the JSON size of each part (queues
 * sent whole, queues changed in part, calls, channels, extensions, the rest). The page's own
 * figure (patch mean) is per message it received, which the flow gate merges while the page is
 * behind; this one is what each flush made, before any merging.
 */
import type { LivePatch } from '../../src-preload/types/live'

export interface PatchParts {
  readonly flushes: number
  /** Mean bytes per flush that made a patch, by part. */
  readonly meanBytes: Readonly<Record<string, number>>
}

const PARTS = ['queues whole', 'queue figures', 'queue members', 'queue callers', 'calls', 'channels', 'extensions', 'other'] as const

function partsOf(p: LivePatch): Record<(typeof PARTS)[number], number> {
  const size = (v: unknown): number => (v === undefined ? 0 : JSON.stringify(v).length)
  const total = size(p)
  const queuesWhole = size(p.queues?.upsert) + size(p.queues?.remove)
  let figures = 0
  let members = 0
  let callers = 0
  for (const c of Object.values(p.queues?.change ?? {})) {
    figures += size(c.figures)
    members += size(c.members)
    callers += size(c.callers)
  }
  const calls = size(p.calls)
  const channels = size(p.channels)
  const extensions = size(p.extensions)
  return {
    'queues whole': queuesWhole,
    // Each change's keys and braces go to 'other'.
    'queue figures': figures,
    'queue members': members,
    'queue callers': callers,
    calls,
    channels,
    extensions,
    other: Math.max(0, total - queuesWhole - figures - members - callers - calls - channels - extensions),
  }
}

/** Wraps `target.flush` and sums each patch's parts while recording. */
export function recordPatchParts(target: { flush(): LivePatch | undefined }): { start(): void; stop(): PatchParts } {
  const orig = target.flush.bind(target)
  let on = false
  let flushes = 0
  const sums: Record<string, number> = Object.fromEntries(PARTS.map((k) => [k, 0]))
  target.flush = () => {
    const patch = orig()
    if (on && patch !== undefined) {
      flushes++
      for (const [k, v] of Object.entries(partsOf(patch))) sums[k] = (sums[k] ?? 0) + v
    }
    return patch
  }
  return {
    start: () => {
      on = true
    },
    stop: () => {
      on = false
      return { flushes, meanBytes: Object.fromEntries(PARTS.map((k) => [k, Math.round((sums[k] ?? 0) / Math.max(1, flushes))])) }
    },
  }
}
