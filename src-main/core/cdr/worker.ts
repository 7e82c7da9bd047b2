// Worker entry: owns the one better-sqlite3 connection and answers requests in arrival order.
// Spawned by store.ts; bundled builds ship it as cdr-worker.js next to the main bundle.
import { parentPort, workerData } from 'node:worker_threads'
import { ZodError } from 'zod'
import { CdrDatabase } from './db'
import type { WireError, WorkerInit, WorkerReply, WorkerRequest } from './protocol'
import type { PackedBatch } from './batch'
import { aggregateOptionsSchema, exportPageOptionsSchema, filterSchema, queryOptionsSchema } from './validate'
import { QueueEventDb } from '../reports/queue-event-db'
import { queueEventsSchema, queueReportQuerySchema, queueThresholdsSchema } from '../reports/validate'
import { z } from 'zod'

const port = parentPort
if (!port) throw new Error('cdr worker must run in a worker thread')

const send = (m: WorkerReply): void => {
  port.postMessage(m)
}

function toWireError(err: unknown): WireError {
  if (err instanceof ZodError) return { code: 'invalid-argument', message: z.prettifyError(err) }
  if (err instanceof RangeError) return { code: 'invalid-argument', message: err.message }
  if (err instanceof Error && (err as { code?: unknown }).code !== undefined && String((err as { code?: unknown }).code).startsWith('SQLITE')) {
    return { code: 'sqlite', message: err.message }
  }
  return { code: 'internal', message: err instanceof Error ? err.message : String(err) }
}

const init = workerData as WorkerInit
let db: CdrDatabase
try {
  db = new CdrDatabase(init.file, { direction: init.direction, cacheMiB: init.cacheMiB, nativeBinding: init.nativeBinding })
} catch (err) {
  send({ kind: 'open-failed', error: toWireError(err) })
  process.exit(1)
}
const queueEvents = new QueueEventDb(db.db, (profileId, create) => db.profileNo(profileId, create))
send({ kind: 'ready' })

function handle(req: WorkerRequest): unknown {
  const a = req.args
  switch (req.op) {
    case 'ingest': {
      const profileId = z.string().min(1).max(200).parse(a[0])
      // Normalised and packed by the store on its own thread; ingestPacked checks the shape.
      const batch = a[1] as PackedBatch
      const wantProgress = a[2] === true
      return db.ingestPacked(
        profileId,
        batch,
        wantProgress
          ? (done, total) => {
              send({ kind: 'progress', id: req.id, done, total })
            }
          : undefined,
      )
    }
    case 'query':
      return db.query(filterSchema.parse(a[0]), queryOptionsSchema.parse(a[1] ?? {}))
    case 'search':
      return db.search(filterSchema.parse(a[0]), z.string().max(200).parse(a[1]), queryOptionsSchema.parse(a[2] ?? {}))
    case 'aggregate':
      return db.aggregate(filterSchema.parse(a[0]), aggregateOptionsSchema.parse(a[1]))
    case 'exportPage':
      return db.exportPage(filterSchema.parse(a[0]), exportPageOptionsSchema.parse(a[1]))
    case 'cleanupStep': {
      const before = z.number().parse(a[0])
      const profileId = z.string().min(1).max(200).optional().parse(a[1])
      const calls = db.cleanupStep(before, profileId)
      if (calls > 0) return calls
      // Queue events follow the same retention, once the calls are done.
      const nos =
        profileId === undefined
          ? (db.db.prepare('SELECT no FROM profile').pluck().all() as number[])
          : [db.profileNo(profileId, false)].filter((no): no is number => no !== null)
      return queueEvents.cleanupStep(before, nos)
    }
    case 'countBefore':
      return db.countBefore(z.number().parse(a[0]), z.string().min(1).max(200).optional().parse(a[1]))
    case 'stats':
      return db.stats(z.string().min(1).max(200).parse(a[0]))
    case 'queueIngest':
      // Each event is checked again by the store (a bad one is rejected alone).
      return queueEvents.ingest(z.string().min(1).max(200).parse(a[0]), queueEventsSchema.parse(a[1]))
    case 'queueThresholds': {
      const t = queueThresholdsSchema.parse(a[1])
      queueEvents.saveThresholds(z.string().min(1).max(200).parse(a[0]), t, z.number().parse(a[2]))
      return null
    }
    case 'queueOptions':
      return queueEvents.options(z.string().min(1).max(200).parse(a[0]), z.string().min(1).max(100).parse(a[1]))
    case 'queueReport':
      return queueEvents.report(queueReportQuerySchema.parse(a[0]))
    case 'checkpoint':
      db.db.pragma('wal_checkpoint(TRUNCATE)')
      return null
    case 'close':
      db.close()
      return null
  }
}

port.on('message', (req: WorkerRequest) => {
  try {
    const value = handle(req)
    send({ kind: 'result', id: req.id, value })
  } catch (err) {
    send({ kind: 'error', id: req.id, error: toWireError(err) })
  }
  if (req.op === 'close') port.close()
})
