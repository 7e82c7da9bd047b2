import type { Writable } from 'node:stream'
import type { HistoryExportResult, HistoryRetentionPreview, HistoryStatsView } from '../../../src-preload/types/history'
import { ApiFailure } from '../errors/api-failure'
import type { CdrStore } from './store'
import type { CdrAggregateOptions, CdrBucket, CdrFilter, CdrPage, CdrQueryOptions } from './types'
import { say } from '../i18n'
import { strings } from './strings'

const t = say(strings)

/**
 * Where an export goes: the desktop shell asks for a file with the save dialog; web mode offers a
 * one-time download link. Either way the CSV is streamed, never built in memory.
 */
export interface ExportSink {
  deliver(suggestedName: string, write: (target: Writable) => Promise<{ rows: number }>): Promise<HistoryExportResult>
}

export interface HistoryServiceOptions {
  /** Opened on first use (the worker starts then); the same store the live ingest writes to. */
  readonly store: () => Promise<CdrStore>
  readonly exportSink: ExportSink
  /** The PBX's zone for buckets and for the times written in the CSV. */
  readonly timeZoneOf: (profileId: string) => string
}

/** What the History view asks of the CDR cache; works the same with the PBX unreachable. */
export class HistoryService {
  constructor(private readonly o: HistoryServiceOptions) {}

  query(filter: CdrFilter, options: CdrQueryOptions & { search?: string | undefined }): Promise<CdrPage> {
    const { search, ...rest } = options
    return this.wrap(
      this.o.store().then((st) => (search !== undefined && search.trim() !== '' ? st.search(filter, search, rest) : st.query(filter, rest))),
    )
  }

  aggregate(filter: CdrFilter, bucket: CdrAggregateOptions['bucket']): Promise<CdrBucket[]> {
    return this.wrap(this.o.store().then((st) => st.aggregate(filter, { bucket, timeZone: this.o.timeZoneOf(filter.profileId) })))
  }

  async stats(profileId: string): Promise<HistoryStatsView> {
    const s = await this.wrap(this.o.store().then((st) => st.stats(profileId)))
    return { rows: s.rows, oldestStart: s.oldestStart, newestStart: s.newestStart, lastIngestMs: s.lastIngestMs }
  }

  /** Streams the current filter to CSV (formula injection neutralised by the store's writer). */
  export(filter: CdrFilter): Promise<HistoryExportResult> {
    const stamp = new Date().toISOString().slice(0, 10)
    return this.o.exportSink.deliver(`calls-${filter.profileId}-${stamp}.csv`, async (target) =>
      (await this.o.store()).exportCsvTo(filter, target, { timeZone: this.o.timeZoneOf(filter.profileId), bom: true }),
    )
  }

  cleanup(olderThanDays: number): Promise<number> {
    return this.wrap(this.o.store().then((st) => st.cleanup({ olderThanDays })))
  }

  /** How many cached calls (every PBX's) `cleanup(olderThanDays)` would remove now. */
  countOlderThan(olderThanDays: number): Promise<number> {
    return this.wrap(this.o.store().then((st) => st.countOlderThan({ olderThanDays })))
  }

  async retentionPreview(days: number): Promise<HistoryRetentionPreview> {
    return { days, count: await this.countOlderThan(days) }
  }

  private async wrap<T>(p: Promise<T>): Promise<T> {
    try {
      return await p
    } catch (err) {
      const code = (err as { code?: unknown }).code
      if (code === 'invalid-argument') throw new ApiFailure('invalid_input', (err as Error).message)
      throw new ApiFailure('unavailable', t('unavailable'))
    }
  }
}
