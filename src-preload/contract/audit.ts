import { auditQuerySchema, type AuditEntryView } from '../types/audit'
import type { auditChannelNames } from './audit.names'
import { channel, returns, type DomainSpec } from './spec'

export const auditContract = {
  invoke: {
    'audit.read': channel(auditQuerySchema, returns<readonly AuditEntryView[]>()),
  },
  events: {},
  notify: {},
} as const satisfies DomainSpec<typeof auditChannelNames>
