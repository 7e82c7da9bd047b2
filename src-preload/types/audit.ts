import { z } from 'zod'
import { profileIdSchema } from './profile-id'

/** One audit line as the renderer reads it (the core's AuditEntry is assignable to this). */
export interface AuditEntryView {
  readonly time: string
  readonly profileId: string
  readonly role: 'receptionist' | 'supervisor' | 'admin' | 'system'
  readonly action: string
  readonly target: string
  readonly result: 'ok' | 'refused' | 'error' | 'outcome_unknown'
  readonly errorCode?: string | undefined
  readonly rule?: string | undefined
  readonly operator?: string | undefined
  readonly seat?: string | undefined
  readonly endpoint?: string | undefined
  readonly detail?: string | undefined
}

export const auditQuerySchema = z.strictObject({
  profileId: profileIdSchema.optional(),
  limit: z.number().int().min(1).max(1000),
  before: z.iso.datetime().optional(),
})
