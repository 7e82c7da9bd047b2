export {
  auditEntrySchema,
  auditResultSchema,
  prepareEntry,
  type AuditEntry,
  type AuditInput,
  type AuditLog,
  type AuditQuery,
  type AuditResult,
} from './audit-entry'
export { FileAuditLog, type FileAuditLogOptions } from './file-audit-log'
export { MemoryAuditLog } from './memory-audit-log'
export { seatLabel, type SeatContext } from './seat'
