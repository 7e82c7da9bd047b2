// What crosses into the CDR worker for the queue events: checked again there (the worker trusts no
// message shape), each event's values by the store itself.
import { z } from 'zod'
import { QUEUE_EVENT_KINDS } from './queue-event'

const text = (max: number): z.ZodString => z.string().max(max)
const count = z.number().int().min(0).max(10_000_000).optional()

export const queueEventSchema = z.strictObject({
  at: z.number(),
  kind: z.enum(QUEUE_EVENT_KINDS),
  queue: text(200),
  callid: text(200),
  agent: text(200),
  iface: text(200),
  wait: count,
  talk: count,
  ring: count,
  position: count,
  reason: text(400),
  caller: text(200),
  source: z.enum(['ami', 'queue_log']),
})

export const queueEventsSchema = z.array(queueEventSchema).max(50_000)

export const queueThresholdsSchema = z.array(z.strictObject({ queue: text(200), seconds: z.number().int().min(0).max(86_400) })).max(1000)

export const queueReportQuerySchema = z.strictObject({
  profileId: z.string().min(1).max(200),
  from: z.number(),
  to: z.number(),
  queues: z.array(text(200)).max(100),
  agents: z.array(text(200)).max(100),
  bucket: z.enum(['hour', 'day']),
  timeZone: z.string().min(1).max(100),
  now: z.number(),
})
