import type { auditChannelNames } from '../../../src-preload/contract/audit.names'
import type { PolicyTable } from '../guard'
import type { HandlersOf, InvokeChannelsOf, Slice } from '../slice'
import type { AuditLog } from './audit-entry'

type AuditChannel = InvokeChannelsOf<typeof auditChannelNames>

export interface AuditServices {
  readonly audit: Pick<AuditLog, 'read'>
}

/** Audit: every action and refusal with its seat, readable by every seat. */
export const auditSlice = {
  policies: { 'audit.read': { minRole: 'receptionist', write: false } } as const satisfies PolicyTable,
  handlers: (s: AuditServices): HandlersOf<AuditChannel> => ({
    'audit.read': (query) => s.audit.read(query),
  }),
} satisfies Slice<AuditServices, AuditChannel>
