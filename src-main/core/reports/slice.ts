import type { reportsChannelNames } from '../../../src-preload/contract/reports.names'
import type { HandlersOf, InvokeChannelsOf, Slice } from '../slice'
import { REPORT_POLICIES } from './policy'
import type { ReportsService } from './reports-service'

type ReportsChannel = InvokeChannelsOf<typeof reportsChannelNames>

export interface ReportsServices {
  readonly reports: Pick<ReportsService, 'options' | 'run' | 'export' | 'importQueueLog'>
}

/** Reports: queue and agent figures over a range from the local store (supervisors and admins; works offline). */
export const reportsSlice = {
  policies: REPORT_POLICIES,
  handlers: (s: ReportsServices): HandlersOf<ReportsChannel> => ({
    'reports.options': ({ profileId }, ctx) => s.reports.options(profileId, ctx),
    'reports.run': (req, ctx) => s.reports.run(req, ctx),
    'reports.export': (req, ctx) => s.reports.export(req, ctx),
    'reports.importQueueLog': ({ profileId, text }, ctx) => s.reports.importQueueLog(profileId, text, ctx),
  }),
} satisfies Slice<ReportsServices, ReportsChannel>
