// Schemas for what crosses into the worker. The worker validates again although callers are
// typed: the store sits behind IPC, and a bad filter should be an error with a message, not a
// SQL surprise. Records are checked one by one in normalize.ts (a bad one is rejected alone).
import { z } from 'zod'

const direction = z.enum(['inbound', 'outbound', 'internal'])
const epochMs = z.number()

export const filterSchema = z.strictObject({
  profileId: z.string().min(1).max(200),
  from: epochMs.optional(),
  to: epochMs.optional(),
  text: z.string().max(200).optional(),
  direction: z.array(direction).max(3).optional(),
  disposition: z.array(z.string().min(1).max(40)).max(10).optional(),
  outcome: z.enum(['answered', 'missed']).optional(),
  minDuration: z.number().int().min(0).optional(),
  queue: z.string().max(200).optional(),
  extension: z.string().max(80).optional(),
})

export const queryOptionsSchema = z.strictObject({
  sort: z.enum(['start', 'duration']).optional(),
  order: z.enum(['asc', 'desc']).optional(),
  limit: z.number().int().min(1).max(1000).optional(),
  cursor: z.string().max(100).nullable().optional(),
})

export const timeZoneSchema = z.string().min(1).max(100)

export const directionRuleSchema = z.strictObject({
  internalPattern: z.string().max(200).optional(),
  inboundContexts: z.array(z.string().max(100)).max(50).optional(),
})

export const ingestOptionsSchema = z.strictObject({
  timeZone: timeZoneSchema,
  direction: directionRuleSchema.optional(),
})

export const aggregateOptionsSchema = z.strictObject({
  bucket: z.enum(['hour', 'day']),
  timeZone: timeZoneSchema,
})

export const exportPageOptionsSchema = z.strictObject({
  timeZone: timeZoneSchema,
  sort: z.enum(['start', 'duration']).optional(),
  order: z.enum(['asc', 'desc']).optional(),
  pageSize: z.number().int().min(1).max(1000).optional(),
  cursor: z.string().max(100).nullable().optional(),
  bom: z.boolean().optional(),
})
