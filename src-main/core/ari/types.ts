/**
 * The ARI JSON this console reads, validated at the boundary (shapes of
 * test/fixtures/asterisk/ari). Unknown extra fields are kept; missing required ones are a
 * protocol error, so a wrong server cannot feed half-objects into live state.
 */
import { z } from 'zod'

const party = z.looseObject({ name: z.string(), number: z.string() })

export const ariChannelSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  state: z.string(),
  caller: party,
  connected: party,
  accountcode: z.string().optional(),
  dialplan: z
    .looseObject({ context: z.string(), exten: z.string(), priority: z.number(), app_name: z.string().optional(), app_data: z.string().optional() })
    .optional(),
  creationtime: z.string(),
  language: z.string().optional(),
})
export type AriChannel = z.infer<typeof ariChannelSchema>

export const ariAsteriskInfoSchema = z.looseObject({
  build: z.looseObject({ os: z.string().optional() }).optional(),
  system: z.looseObject({ version: z.string(), entity_id: z.string().optional() }),
  config: z.looseObject({ name: z.string().optional() }).optional(),
  status: z.looseObject({ startup_time: z.string().optional(), last_reload_time: z.string().optional() }).optional(),
})
export type AriAsteriskInfo = z.infer<typeof ariAsteriskInfoSchema>

/** Every event has a type; the rest depends on it and is passed on as parsed JSON. */
export const ariEventSchema = z.looseObject({
  type: z.string(),
  timestamp: z.string().optional(),
  application: z.string().optional(),
  asterisk_id: z.string().optional(),
})
export type AriEvent = z.infer<typeof ariEventSchema>
