import { create } from 'zustand'
import type { CdrBucket, CdrRow } from '../../../src-preload/types/cdr'
import type { HistoryStatsView } from '../../../src-preload/types/history'
import type { ApiError } from '../../../src-preload/types/result'
import { bridge } from '../bridge/current'

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

/** The filter as the contract takes it: empty fields mean "no constraint". */
export function toContractFilter(profileId: string, f: HistoryFilterState) {
  return {
    profileId,
    from: f.from,
    to: f.to,
    ...(f.direction !== '' ? { direction: [f.direction] } : {}),
    ...(f.outcome !== '' ? { outcome: f.outcome } : {}),
    ...(f.minDuration > 0 ? { minDuration: f.minDuration } : {}),
    ...(f.extension !== '' ? { extension: f.extension } : {}),
  }
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
      bridge().invoke('history.query', { filter, limit: 200, ...(f.text.trim() !== '' ? { search: f.text.trim() } : {}) }),
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
      ...(f.text.trim() !== '' ? { search: f.text.trim() } : {}),
    })
    set(
      page.ok ? { loading: false, rows: [...get().rows, ...page.value.rows], cursor: page.value.nextCursor } : { loading: false, error: page.error },
    )
  },
}))
