// The async CDR store the app uses: every call is a message to the worker that owns SQLite, so
// no query can stall the main thread (AMI socket, IPC, UI patches).
import { createRequire } from 'node:module'
import { Readable } from 'node:stream'
import { pathToFileURL } from 'node:url'
import { pipeline } from 'node:stream/promises'
import { Worker } from 'node:worker_threads'
import { z, ZodError } from 'zod'
import { packBatch, type PackResult } from './batch'
import type { ErrorCode, WireError, WorkerInit, WorkerOp, WorkerReply } from './protocol'
import { ingestOptionsSchema } from './validate'
import type { QueueReport, ReportOptions } from '../../../src-preload/types/reports'
import type { QueueEvent } from '../reports/queue-event'
import type { QueueIngestResult, ReportQuery } from '../reports/queue-event-db'
import { queueEventSchema } from '../reports/validate'
import type {
  CdrAggregateOptions,
  CdrBucket,
  CdrFilter,
  CdrPage,
  CdrQueryOptions,
  CdrRecord,
  CdrStats,
  CsvExportOptions,
  DirectionRule,
  IngestOptions,
  IngestResult,
} from './types'

export class CdrStoreError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message)
    this.name = 'CdrStoreError'
  }
}

export interface OpenCdrStoreOptions {
  /** Database file (one per user; rows are keyed by PBX profile inside). */
  file: string
  /** Direction rule used when a migration derives direction for rows stored by an older version. */
  direction?: DirectionRule
  /** SQLite page cache, MiB. */
  cacheMiB?: number
  /**
   * better_sqlite3.node built for Electron's ABI (README "Native module"). Lets the Electron app
   * use its own build while node_modules keeps Node's build for tests and tsx scripts.
   */
  nativeBinding?: string
  /**
   * The worker script. Default: `worker.ts` beside this file under tsx (tests, scripts), or
   * `cdr-worker.js` beside the bundle that contains this code (out/main, out/web).
   */
  workerUrl?: URL
  /** execArgv for the worker (default none). A .ts worker is loaded through tsx's API either way. */
  workerExecArgv?: string[]
}

export interface CdrStore {
  /** Stores a batch atomically (all or nothing after a crash); duplicates are merged, not added. */
  ingest(
    profileId: string,
    records: readonly CdrRecord[],
    options: IngestOptions & { onProgress?: (done: number, total: number) => void },
  ): Promise<IngestResult>
  query(filter: CdrFilter, options?: CdrQueryOptions): Promise<CdrPage>
  /** Full-text search: every whitespace-separated term must occur in a name or number. */
  search(filter: CdrFilter, text: string, options?: CdrQueryOptions): Promise<CdrPage>
  aggregate(filter: CdrFilter, options: CdrAggregateOptions): Promise<CdrBucket[]>
  /** CSV chunks of the whole filter, fetched page by page as the consumer pulls. */
  exportCsv(filter: CdrFilter, options: CsvExportOptions & { bom?: boolean }): AsyncIterableIterator<string>
  /** Streams the CSV into `target` with backpressure and ends it. Resolves with the row count. */
  exportCsvTo(filter: CdrFilter, target: NodeJS.WritableStream, options: CsvExportOptions & { bom?: boolean }): Promise<{ rows: number }>
  /** Retention: deletes rows older than `olderThanDays` (one profile or all). Returns rows deleted. */
  cleanup(options: { olderThanDays: number; profileId?: string; now?: number }): Promise<number>
  /** How many rows `cleanup` with the same options would delete now. */
  countOlderThan(options: { olderThanDays: number; profileId?: string; now?: number }): Promise<number>
  stats(profileId: string): Promise<CdrStats & { lastIngestMs: number | null }>
  /** Folds the WAL into the database file (e.g. before measuring its size or a backup). */
  checkpoint(): Promise<void>
  close(): Promise<void>
  /** Queue events (reports): a batch in one transaction; copies of events already kept count as duplicates. */
  ingestQueueEvents(profileId: string, events: readonly QueueEvent[]): Promise<QueueIngestResult>
  /** Each queue's service level (s) as the PBX says it now, kept for reports made while it is unreachable. */
  saveQueueThresholds(profileId: string, thresholds: readonly { queue: string; seconds: number }[], seenMs: number): Promise<void>
  queueReportOptions(profileId: string, timeZone: string): Promise<ReportOptions>
  queueReport(query: ReportQuery): Promise<Omit<QueueReport, 'tookMs'>>
}

interface Pending {
  resolve(v: unknown): void
  reject(e: Error): void
  onProgress?: (done: number, total: number) => void
}

function defaultWorkerUrl(): URL {
  const here = import.meta.url
  // The name is held in a variable so bundlers do not try to turn the worker into an asset.
  const name = here.endsWith('.ts') ? './worker.ts' : './cdr-worker.js'
  return new URL(name, here)
}

/**
 * A built worker (.js) starts directly. A TypeScript worker (tests, tsx scripts) starts through
 * a small bootstrap that loads it with tsx's API: on Node 20, `execArgv: ['--import', 'tsx']`
 * does not reach a worker's entry module ("Unknown file extension .ts").
 */
function spawnWorker(url: URL, init: WorkerInit, execArgv: string[]): Worker {
  if (!url.pathname.endsWith('.ts')) return new Worker(url, { workerData: init, execArgv })
  // require.resolve picks the package's CommonJS build; the worker needs its ES module twin.
  const cjsPath = createRequire(import.meta.url).resolve('tsx/esm/api')
  const tsxApi = pathToFileURL(cjsPath.replace(/\.cjs$/, '.mjs')).href
  const boot = `import(${JSON.stringify(tsxApi)}).then((m) => (m.tsImport ?? m.default.tsImport)(${JSON.stringify(url.href)}, ${JSON.stringify(url.href)}))`
  return new Worker(boot, { eval: true, workerData: init, execArgv })
}

const fromWire = (e: WireError): CdrStoreError => new CdrStoreError(e.code, e.message)

/** The instant before which rows leave the cache, for a retention of `olderThanDays`. */
function retentionCutoff(options: { olderThanDays: number; now?: number }): number {
  if (!Number.isFinite(options.olderThanDays) || options.olderThanDays < 0) {
    throw new CdrStoreError('invalid-argument', 'olderThanDays must be a non-negative number')
  }
  return (options.now ?? Date.now()) - options.olderThanDays * 86_400_000
}

class WorkerCdrStore implements CdrStore {
  private worker: Worker | null = null
  private starting: Promise<Worker> | null = null
  private readonly pending = new Map<number, Pending>()
  private nextId = 1
  private closed = false

  constructor(
    private readonly init: WorkerInit,
    private readonly url: URL,
    private readonly execArgv: string[],
  ) {}

  /** Starts the worker (again, after a crash) and waits until the database is open. */
  start(): Promise<Worker> {
    if (this.worker) return Promise.resolve(this.worker)
    if (this.starting) return this.starting
    this.starting = new Promise<Worker>((resolve, reject) => {
      const w = spawnWorker(this.url, this.init, this.execArgv)
      let ready = false
      w.on('message', (m: WorkerReply) => {
        if (m.kind === 'ready') {
          ready = true
          this.worker = w
          this.starting = null
          resolve(w)
          return
        }
        if (m.kind === 'open-failed') {
          this.starting = null
          reject(new CdrStoreError('open-failed', m.error.message))
          return
        }
        const p = this.pending.get(m.id)
        if (!p) return
        if (m.kind === 'progress') {
          p.onProgress?.(m.done, m.total)
          return
        }
        this.pending.delete(m.id)
        if (m.kind === 'result') p.resolve(m.value)
        else p.reject(fromWire(m.error))
      })
      w.on('error', (err) => {
        if (!ready) {
          this.starting = null
          reject(new CdrStoreError('open-failed', err.message))
        }
      })
      w.on('exit', (code) => {
        if (this.worker === w) this.worker = null
        if (!ready) {
          this.starting = null
          reject(new CdrStoreError('open-failed', `CDR worker exited with code ${String(code)} before opening`))
        }
        // Whatever was in flight is lost with the worker; the batch it was writing rolled back.
        const err = new CdrStoreError(this.closed ? 'closed' : 'worker-exited', `CDR worker exited (code ${String(code)})`)
        for (const p of this.pending.values()) p.reject(err)
        this.pending.clear()
      })
    })
    return this.starting
  }

  private async call<T>(op: WorkerOp, args: unknown[], onProgress?: (done: number, total: number) => void, transfer: ArrayBuffer[] = []): Promise<T> {
    if (this.closed) throw new CdrStoreError('closed', 'CDR store is closed')
    const w = await this.start()
    const id = this.nextId++
    return new Promise<T>((resolve, reject) => {
      // The worker's answer is typed by the op; the map stores it untyped.
      const settle = (v: unknown): void => {
        resolve(v as T)
      }
      this.pending.set(id, { resolve: settle, reject, onProgress })
      w.postMessage({ id, op, args }, transfer)
    })
  }

  async ingest(
    profileId: string,
    records: readonly CdrRecord[],
    options: IngestOptions & { onProgress?: (done: number, total: number) => void },
  ): Promise<IngestResult> {
    const { onProgress, ...opts } = options
    let packed: PackResult
    try {
      // Normalised here, on the caller's thread, so that it overlaps with the worker writing the
      // previous batch (batch.ts). A few µs per record: callers keep batches to what they can
      // afford to block for (live events: hundreds; backfill pages: thousands).
      packed = packBatch(profileId, records, ingestOptionsSchema.parse(opts))
    } catch (err) {
      throw new CdrStoreError('invalid-argument', err instanceof ZodError ? z.prettifyError(err) : err instanceof Error ? err.message : String(err))
    }
    const { batch } = packed
    const result: IngestResult = await this.call('ingest', [profileId, batch, onProgress !== undefined], onProgress, [
      batch.numbers.buffer as ArrayBuffer,
      batch.indexes.buffer as ArrayBuffer,
    ])
    if (packed.rejected.length > 0) result.rejected = [...packed.rejected, ...result.rejected].sort((a, b) => a.index - b.index)
    return result
  }

  query(filter: CdrFilter, options: CdrQueryOptions = {}): Promise<CdrPage> {
    return this.call('query', [filter, options])
  }

  search(filter: CdrFilter, text: string, options: CdrQueryOptions = {}): Promise<CdrPage> {
    return this.call('search', [filter, text, options])
  }

  aggregate(filter: CdrFilter, options: CdrAggregateOptions): Promise<CdrBucket[]> {
    return this.call('aggregate', [filter, options])
  }

  async *exportCsv(filter: CdrFilter, options: CsvExportOptions & { bom?: boolean }): AsyncIterableIterator<string> {
    let cursor: string | null = null
    for (;;) {
      const page: { chunk: string; rows: number; nextCursor: string | null } = await this.call('exportPage', [
        filter,
        { timeZone: options.timeZone, sort: options.sort, order: options.order, pageSize: options.pageSize ?? 1000, cursor, bom: options.bom },
      ])
      if (page.chunk !== '') yield page.chunk
      if (page.nextCursor === null) return
      cursor = page.nextCursor
    }
  }

  async exportCsvTo(filter: CdrFilter, target: NodeJS.WritableStream, options: CsvExportOptions & { bom?: boolean }): Promise<{ rows: number }> {
    const counter = { lines: 0 }
    await pipeline(Readable.from(this.countedCsv(filter, options, counter)), target)
    // Minus the header line.
    return { rows: Math.max(0, counter.lines - 1) }
  }

  private async *countedCsv(filter: CdrFilter, options: CsvExportOptions & { bom?: boolean }, counter: { lines: number }): AsyncGenerator<string> {
    for await (const chunk of this.exportCsv(filter, options)) {
      counter.lines += countLines(chunk)
      yield chunk
    }
  }

  async cleanup(options: { olderThanDays: number; profileId?: string; now?: number }): Promise<number> {
    const before = retentionCutoff(options)
    let total = 0
    // One bounded batch per message, so ingest and queries interleave with a long cleanup.
    for (;;) {
      const n: number = await this.call('cleanupStep', [before, options.profileId])
      total += n
      if (n === 0) return total
    }
  }

  async countOlderThan(options: { olderThanDays: number; profileId?: string; now?: number }): Promise<number> {
    return this.call('countBefore', [retentionCutoff(options), options.profileId])
  }

  stats(profileId: string): Promise<CdrStats & { lastIngestMs: number | null }> {
    return this.call('stats', [profileId])
  }

  async checkpoint(): Promise<void> {
    await this.call('checkpoint', [])
  }

  async ingestQueueEvents(profileId: string, events: readonly QueueEvent[]): Promise<QueueIngestResult> {
    // Checked here, one by one, so a bad event is rejected alone and the rest of the batch is kept.
    const good: QueueEvent[] = []
    const positions: number[] = []
    const rejected: { index: number; reason: string }[] = []
    events.forEach((e, index) => {
      const r = queueEventSchema.safeParse(e)
      if (r.success) {
        good.push(e)
        positions.push(index)
      } else rejected.push({ index, reason: z.prettifyError(r.error) })
    })
    const result: QueueIngestResult =
      good.length === 0 ? { inserted: 0, duplicates: 0, rejected: [] } : await this.call('queueIngest', [profileId, good])
    const mapped = result.rejected.map((r) => ({ index: positions[r.index] ?? r.index, reason: r.reason }))
    return { ...result, rejected: [...rejected, ...mapped].sort((a, b) => a.index - b.index) }
  }

  async saveQueueThresholds(profileId: string, thresholds: readonly { queue: string; seconds: number }[], seenMs: number): Promise<void> {
    await this.call('queueThresholds', [profileId, thresholds, seenMs])
  }

  queueReportOptions(profileId: string, timeZone: string): Promise<ReportOptions> {
    return this.call('queueOptions', [profileId, timeZone])
  }

  queueReport(query: ReportQuery): Promise<Omit<QueueReport, 'tookMs'>> {
    return this.call('queueReport', [query])
  }

  async close(): Promise<void> {
    if (this.closed) return
    const w = this.worker ?? (this.starting ? await this.starting.catch(() => null) : null)
    if (!w) {
      this.closed = true
      return
    }
    const exited = new Promise<void>((resolve) =>
      w.once('exit', () => {
        resolve()
      }),
    )
    try {
      await this.call('close', [])
    } finally {
      this.closed = true
    }
    await exited
  }
}

/** Counts CSV records in a chunk: CRLF outside quotes. */
function countLines(chunk: string): number {
  let n = 0
  let quoted = false
  for (let i = 0; i < chunk.length; i++) {
    const c = chunk.charCodeAt(i)
    if (c === 34) quoted = !quoted
    else if (c === 10 && !quoted) n++
  }
  return n
}

/** Opens (creating or migrating) the CDR database in a worker thread. */
export async function openCdrStore(options: OpenCdrStoreOptions): Promise<CdrStore> {
  const url = options.workerUrl ?? defaultWorkerUrl()
  const execArgv = options.workerExecArgv ?? []
  const store = new WorkerCdrStore(
    { file: options.file, direction: options.direction, cacheMiB: options.cacheMiB, nativeBinding: options.nativeBinding },
    url,
    execArgv,
  )
  await store.start()
  return store
}
