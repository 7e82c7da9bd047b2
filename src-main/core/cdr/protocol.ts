// Messages between the store (main side) and its worker. Plain data only.
import type { DirectionRule } from './types'

export interface WorkerInit {
  file: string
  direction?: DirectionRule
  cacheMiB?: number
  nativeBinding?: string
}

export type WorkerOp =
  | 'ingest'
  | 'query'
  | 'search'
  | 'aggregate'
  | 'exportPage'
  | 'cleanupStep'
  | 'countBefore'
  | 'stats'
  | 'checkpoint'
  | 'close'
  // Queue events for the reports (core/reports/queue-event-db.ts), kept in the same file.
  | 'queueIngest'
  | 'queueThresholds'
  | 'queueOptions'
  | 'queueReport'

export interface WorkerRequest {
  id: number
  op: WorkerOp
  args: unknown[]
}

export type ErrorCode = 'invalid-argument' | 'sqlite' | 'closed' | 'worker-exited' | 'open-failed' | 'internal'

export interface WireError {
  code: ErrorCode
  message: string
}

export type WorkerReply =
  | { kind: 'ready' }
  | { kind: 'open-failed'; error: WireError }
  | { kind: 'result'; id: number; value: unknown }
  | { kind: 'error'; id: number; error: WireError }
  | { kind: 'progress'; id: number; done: number; total: number }
