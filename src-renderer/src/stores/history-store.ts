import { create } from 'zustand'
import type { CdrBucket, CdrRow } from '../../../src-preload/types/cdr'
import type { HistoryStatsView } from '../../../src-preload/types/history'
import type { ApiError } from '../../../src-preload/types/result'
import { bridge } from '../bridge/current'
import { useLiveStore } from './live-store'

export interface HistoryFilterState {
  from: number
  to: number
  text: string
  direction: '' | 'inbound' | 'outbound' | 'internal'
  outcome: '' | 'answered' | 'missed'
  minDuration: number
  extension: string
}

const DAY = 86_400_000
export function startOfToday(now = Date.now()): number {
  const d = new Date(now)
  d.setHours(0, 0, 0, 0)
  return d.getTime()
}
export const defaultHistoryFilter = (): HistoryFilterState => ({
  from: startOfToday() - 6 * DAY,
  to: startOfToday() + DAY,
  text: '',
  direction: '',
  outcome: '',
  minDuration: 0,
  extension: '',
})

interface HistoryState {
  filter: HistoryFilterState
  rows: readonly CdrRow[]
  cursor: string | null
  loading: boolean
  buckets: readonly CdrBucket[]
  stats: HistoryStatsView | null
  error: ApiError | null
  setFilter: (patch: Partial<HistoryFilterState>) => void
  load: (profileId: string) => Promise<void>
  loadMore: (profileId: string) => Promise<void>
}

/**
 * A searched word that names one of the PBX's queues (as the To column shows it: `· support`)
 * filters by that queue, the other words searching names and numbers as before: the history's
 * full-text search covers names and numbers only. A word names a queue when it is its name, or
 * the start of exactly one queue's name (three letters or more), case ignored.
 */
export function splitQueueSearch(text: string, queues: readonly string[]): { readonly queue?: string; readonly search: string } {
  const words = text
    .trim()
    .split(/\s+/)
    .filter((w) => w !== '')
  const lower = queues.map((q) => q.toLowerCase())
  for (const [i, word] of words.entries()) {
    const w = word.toLowerCase()
    const exact = lower.indexOf(w)
    const starting = lower.filter((q) => q.startsWith(w))
    const index = exact >= 0 ? exact : w.length >= 3 && starting.length === 1 ? lower.indexOf(starting[0] ?? '') : -1
    const queue = queues[index]
    if (queue !== undefined) return { queue, search: words.filter((_, j) => j !== i).join(' ') }
  }
  return { search: words.join(' ') }
}

/** The shown PBX's queues by the name Asterisk gives them (the CDR's queue). */
const knownQueues = (): string[] => Object.keys(useLiveStore.getState().state.queues)

/** The filter as the contract takes it: empty fields mean "no constraint". */
export function toContractFilter(profileId: string, f: HistoryFilterState, queues: readonly string[] = knownQueues()) {
  const { queue } = splitQueueSearch(f.text, queues)
  return {
    profileId,
    from: f.from,
    to: f.to,
    ...(f.direction !== '' ? { direction: [f.direction] } : {}),
    ...(f.outcome !== '' ? { outcome: f.outcome } : {}),
    ...(f.minDuration > 0 ? { minDuration: f.minDuration } : {}),
    ...(f.extension !== '' ? { extension: f.extension } : {}),
    ...(queue === undefined ? {} : { queue }),
  }
}

/** The search words left once a queue's name became the queue filter (undefined: none). */
function searchOf(f: HistoryFilterState): string | undefined {
  const { search } = splitQueueSearch(f.text, knownQueues())
  return search === '' ? undefined : search
}

/** The History view's slice: one page at a time (keyset cursor), the chart, and the cache's age. */
export const useHistoryStore = create<HistoryState>((set, get) => ({
  filter: defaultHistoryFilter(),
  rows: [],
  cursor: null,
  loading: false,
  buckets: [],
  stats: null,
  error: null,
  setFilter: (patch) => {
    set({ filter: { ...get().filter, ...patch } })
  },
  load: async (profileId) => {
    const f = get().filter
    const filter = toContractFilter(profileId, f)
    set({ loading: true })
    const bucket = f.to - f.from <= 2 * DAY ? 'hour' : 'day'
    const [page, buckets, stats] = await Promise.all([
      bridge().invoke('history.query', { filter, limit: 200, ...(searchOf(f) === undefined ? {} : { search: searchOf(f) }) }),
      bridge().invoke('history.aggregate', { filter, bucket }),
      bridge().invoke('history.stats', { profileId }),
    ])
    set({
      loading: false,
      rows: page.ok ? page.value.rows : [],
      cursor: page.ok ? page.value.nextCursor : null,
      buckets: buckets.ok ? buckets.value : [],
      stats: stats.ok ? stats.value : null,
      error: !page.ok ? page.error : !buckets.ok ? buckets.error : null,
    })
  },
  loadMore: async (profileId) => {
    const { cursor, loading, filter: f } = get()
    if (cursor === null || loading) return
    set({ loading: true })
    const page = await bridge().invoke('history.query', {
      filter: toContractFilter(profileId, f),
      limit: 200,
      cursor,
      ...(searchOf(f) === undefined ? {} : { search: searchOf(f) }),
    })
    set(
      page.ok ? { loading: false, rows: [...get().rows, ...page.value.rows], cursor: page.value.nextCursor } : { loading: false, error: page.error },
    )
  },
}))
