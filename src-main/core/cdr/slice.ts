import type { historyChannelNames } from '../../../src-preload/contract/history.names'
import type { PolicyTable } from '../guard'
import type { HandlersOf, InvokeChannelsOf, Slice } from '../slice'
import type { HistoryService } from './history-service'

type HistoryChannel = InvokeChannelsOf<typeof historyChannelNames>

export interface HistoryServices {
  readonly history: Pick<HistoryService, 'query' | 'aggregate' | 'stats' | 'export' | 'retentionPreview'>
}

/** History: the local call-history cache, readable by every seat, also while the PBX is unreachable. */
export const historySlice = {
  policies: { 'cdr.read': { minRole: 'receptionist', write: false } } as const satisfies PolicyTable,
  handlers: (s: HistoryServices): HandlersOf<HistoryChannel> => ({
    'history.query': ({ filter, sort, order, limit, cursor, search }) =>
      s.history.query(filter, { sort, order, limit, cursor: cursor ?? null, search }),
    'history.aggregate': ({ filter, bucket }) => s.history.aggregate(filter, bucket),
    'history.stats': ({ profileId }) => s.history.stats(profileId),
    'history.export': ({ filter }) => s.history.export(filter),
    'history.retentionPreview': ({ days }) => s.history.retentionPreview(days),
  }),
} satisfies Slice<HistoryServices, HistoryChannel>
