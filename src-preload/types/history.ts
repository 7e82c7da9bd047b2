import { z } from 'zod'
import { profileIdSchema } from './profile-id'
import { SETTING_RANGES } from './settings-ranges'
import { cleanText } from './text'

const profileId = profileIdSchema
const epochMs = z.number().int().min(0).max(8_000_000_000_000)

/** The History view's filter as it crosses the contract; mirrors the store's CdrFilter. */
export const historyFilterSchema = z.strictObject({
  profileId,
  from: epochMs.optional(),
  to: epochMs.optional(),
  text: cleanText(100).optional(),
  direction: z
    .array(z.enum(['inbound', 'outbound', 'internal']))
    .max(3)
    .optional(),
  disposition: z
    .array(z.string().regex(/^[A-Z ]{1,20}$/))
    .max(8)
    .optional(),
  outcome: z.enum(['answered', 'missed']).optional(),
  minDuration: z.number().int().min(0).max(86_400).optional(),
  queue: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,80}$/)
    .optional(),
  extension: z
    .string()
    .regex(/^[0-9*#]{1,20}$/)
    .optional(),
})

export const historyQueryInputSchema = z.strictObject({
  filter: historyFilterSchema,
  sort: z.enum(['start', 'duration']).default('start'),
  order: z.enum(['asc', 'desc']).default('desc'),
  limit: z.number().int().min(1).max(1000).default(200),
  cursor: z.string().max(512).nullable().optional(),
  /** Full-text search over names and numbers (every term must occur). */
  search: cleanText(100).optional(),
})

export const historyAggregateInputSchema = z.strictObject({
  filter: historyFilterSchema,
  bucket: z.enum(['hour', 'day']),
})

export interface HistoryStatsView {
  readonly rows: number
  readonly oldestStart: number | null
  readonly newestStart: number | null
  /** When the cache last took in CDRs (epoch ms): "cached as of" while the PBX is unreachable. */
  readonly lastIngestMs: number | null
}

/** How an export was delivered: a file saved through the desktop dialog, or a download link. */
export type HistoryExportResult =
  | { readonly kind: 'saved'; readonly path: string; readonly rows: number }
  | { readonly kind: 'download'; readonly url: string }
  | { readonly kind: 'cancelled' }

/** history.retentionPreview: what keeping `days` of history would remove from the cache now. */
export const historyRetentionPreviewInputSchema = z.strictObject({
  days: z.number().int().min(SETTING_RANGES.historyRetentionDays.min).max(SETTING_RANGES.historyRetentionDays.max),
})

export interface HistoryRetentionPreview {
  readonly days: number
  /** Cached calls (of every PBX) that started more than `days` days ago. */
  readonly count: number
}
