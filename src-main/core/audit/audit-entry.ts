import { z } from 'zod'
import { redact } from '../secrets/redact'

export const auditResultSchema = z.enum(['ok', 'refused', 'error', 'outcome_unknown'])
export type AuditResult = z.infer<typeof auditResultSchema>

const text = (max: number) => z.string().max(max)

/** One line of the audit log. Times are ISO-8601 UTC instants. */
export const auditEntrySchema = z.object({
  time: z.iso.datetime(),
  profileId: text(64),
  /** The seat's role when it acted; 'system' for actions the app took itself. */
  role: z.enum(['receptionist', 'supervisor', 'admin', 'system']),
  /** e.g. 'call.hangup', 'call.originate', 'profile.save'. */
  action: text(64),
  /** What was acted on: a destination as typed, a channel, a queue member; '' when none. */
  target: text(256),
  result: auditResultSchema,
  errorCode: text(64).optional(),
  /** The guard rule that refused it, when one did. */
  rule: text(64).optional(),
  /** The operator's own extension on the profile the seat works on. */
  operator: text(64).optional(),
  /** Which window or socket acted ('window 2', 'web socket 5'); absent for the app's own actions. */
  seat: text(64).optional(),
  /** The PBX endpoint involved (host:port or URL origin), for profile tests and endpoint changes. */
  endpoint: text(300).optional(),
  /** A short plain-words note (cause of an error); redacted like every other field. */
  detail: text(500).optional(),
})

export type AuditEntry = z.infer<typeof auditEntrySchema>
export type AuditInput = Omit<AuditEntry, 'time'> & { time?: Date }

export interface AuditQuery {
  profileId?: string
  /** At most this many entries, newest first. */
  limit: number
  /** Only entries strictly older than this ISO instant (for paging backwards). */
  before?: string
}

export interface AuditLog {
  append(entry: AuditInput): Promise<AuditEntry>
  read(query: AuditQuery): Promise<AuditEntry[]>
  /** Writes what is queued and releases the file; later appends are refused. Safe to call twice. */
  close(): Promise<void>
}

function clip(value: string, max: number): string {
  return value.length <= max ? value : `${value.slice(0, max - 1)}…`
}

/**
 * Builds the stored entry: time stamped in UTC, every string redacted of known secrets and
 * clipped to its bound (an over-long hostile target is recorded, shortened, never rejected —
 * a refusal must still leave its trace).
 */
export function prepareEntry(input: AuditInput, now: Date, secrets: readonly string[]): AuditEntry {
  const r = (value: string, max: number) => clip(redact(value, secrets), max)
  const entry: AuditEntry = {
    time: (input.time ?? now).toISOString(),
    profileId: r(input.profileId, 64),
    role: input.role,
    action: r(input.action, 64),
    target: r(input.target, 256),
    result: input.result,
  }
  if (input.errorCode !== undefined) entry.errorCode = r(input.errorCode, 64)
  if (input.rule !== undefined) entry.rule = r(input.rule, 64)
  if (input.operator !== undefined) entry.operator = r(input.operator, 64)
  if (input.seat !== undefined) entry.seat = r(input.seat, 64)
  if (input.endpoint !== undefined) entry.endpoint = r(input.endpoint, 300)
  if (input.detail !== undefined) entry.detail = r(input.detail, 500)
  return auditEntrySchema.parse(entry)
}

/** Newest-first filter shared by both implementations. */
export function matchesQuery(entry: AuditEntry, query: AuditQuery): boolean {
  if (query.profileId !== undefined && entry.profileId !== query.profileId) return false
  if (query.before !== undefined && !(entry.time < query.before)) return false
  return true
}

export function checkLimit(limit: number): number {
  if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) throw new RangeError('limit must be an integer from 1 to 10000')
  return limit
}
