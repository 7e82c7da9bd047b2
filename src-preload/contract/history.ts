import { z } from 'zod'
import type { CdrBucket, CdrPage } from '../types/cdr'
import {
  historyAggregateInputSchema,
  historyFilterSchema,
  historyQueryInputSchema,
  historyRetentionPreviewInputSchema,
  type HistoryExportResult,
  type HistoryRetentionPreview,
  type HistoryStatsView,
} from '../types/history'
import { profileIdSchema } from '../types/profile-id'
import type { historyChannelNames } from './history.names'
import { channel, returns, type DomainSpec } from './spec'

export const historyContract = {
  invoke: {
    'history.query': channel(historyQueryInputSchema, returns<CdrPage>()),
    'history.aggregate': channel(historyAggregateInputSchema, returns<readonly CdrBucket[]>()),
    'history.stats': channel(z.strictObject({ profileId: profileIdSchema }), returns<HistoryStatsView>()),
    /** Streams the filter's calls to CSV: a save dialog on the desktop, a download in web mode. */
    'history.export': channel(z.strictObject({ filter: historyFilterSchema }), returns<HistoryExportResult>()),
    /** How many cached calls keeping `days` of history would remove now (asked before settings.set). */
    'history.retentionPreview': channel(historyRetentionPreviewInputSchema, returns<HistoryRetentionPreview>()),
  },
  events: {},
  notify: {},
} as const satisfies DomainSpec<typeof historyChannelNames>
