import type { FreepbxClient } from '../freepbx/client'
import { fetchCdrRows } from '../freepbx/cdr'
import { cdrFromFreepbx } from './adapters'
import type { CdrStore } from './store'
import type { CdrRecord, DirectionRule } from './types'
import { formatLocal } from './time'

export interface BackfillOptions {
  readonly store: CdrStore
  readonly profileId: string
  readonly timeZone: string
  readonly direction?: DirectionRule
  /** How far back the first backfill of an empty cache reaches. */
  readonly initialDays?: number
  readonly now?: () => number
}

const DAY_MS = 86_400_000

/**
 * Fills the cache from the FreePBX API: from a day before the newest cached call (so calls that
 * ended while the console was away are caught) up to today, in the PBX's own calendar days. The
 * same CDR from AMI and from the API is stored once: the store's identity key makes it idempotent.
 */
export async function backfillFromFreepbx(api: FreepbxClient, opts: BackfillOptions): Promise<{ fetched: number; inserted: number }> {
  const now = (opts.now ?? Date.now)()
  const stats = await opts.store.stats(opts.profileId)
  const from = stats.newestStart === null ? now - (opts.initialDays ?? 30) * DAY_MS : stats.newestStart - DAY_MS
  const day = (ms: number): string => formatLocal(ms, opts.timeZone).slice(0, 10)
  const rows = await fetchCdrRows(api, { startDate: day(from), endDate: day(now) })
  const records: CdrRecord[] = []
  for (const row of rows) {
    try {
      records.push({ ...cdrFromFreepbx(row), source: 'freepbx' })
    } catch {
      // A row without uniqueid or calldate can never be matched with its AMI copy: skip it.
    }
  }
  let inserted = 0
  for (let i = 0; i < records.length; i += 1000) {
    const r = await opts.store.ingest(
      opts.profileId,
      records.slice(i, i + 1000),
      opts.direction === undefined ? { timeZone: opts.timeZone } : { timeZone: opts.timeZone, direction: opts.direction },
    )
    inserted += r.inserted
  }
  return { fetched: rows.length, inserted }
}
