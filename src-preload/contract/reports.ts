import { z } from 'zod'
import type { HistoryExportResult } from '../types/history'
import { profileIdSchema } from '../types/profile-id'
import { queueLogImportSchema, reportRequestSchema, type QueueLogImportResult, type QueueReport, type ReportOptions } from '../types/reports'
import type { reportsChannelNames } from './reports.names'
import { channel, returns, type DomainSpec } from './spec'

/**
 * Its own domain rather than more history channels: history is every seat's (receptionists read
 * it), reports are supervisors' and admins' only, and they read queue events, not CDRs.
 */
export const reportsContract = {
  invoke: {
    /** The queues and members the store has seen, the thresholds known and what range it covers. */
    'reports.options': channel(z.strictObject({ profileId: profileIdSchema }), returns<ReportOptions>()),
    /** Per queue, per agent and per hour or day over the range, from the local store (works offline). */
    'reports.run': channel(reportRequestSchema, returns<QueueReport>()),
    /** The same report as CSV: a save dialog on the desktop, a one-time download in web mode. */
    'reports.export': channel(reportRequestSchema, returns<HistoryExportResult>()),
    /** Backfill from Asterisk's queue_log (a copy of the file, or the queuelog table as its lines): events already kept are not counted again. */
    'reports.importQueueLog': channel(queueLogImportSchema, returns<QueueLogImportResult>()),
  },
  events: {},
  notify: {},
} as const satisfies DomainSpec<typeof reportsChannelNames>
