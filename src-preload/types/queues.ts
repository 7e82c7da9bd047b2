import { z } from 'zod'
import { profileIdSchema } from './profile-id'
import { cleanText } from './text'
import { refusal } from './input-words'

/**
 * Queue membership and the supervisor's queue preferences, as they cross the contract. Queues and
 * members are named as the live state lists them; a member is added by an extension of the PBX
 * (main builds the interface from how the PBX's own members are written, never from free text).
 */

export const queueNameSchema = z.string().regex(/^[A-Za-z0-9_.-]{1,80}$/, refusal('queueName'))
/** The member interface as the live state lists it (`PJSIP/101`, `Local/101@from-queue/n`). */
export const memberIfaceSchema = z.string().regex(/^[A-Za-z0-9_./@:-]{1,120}$/, refusal('queues.memberInterface'))
/** app_queue takes any penalty ≥ 0 (QueuePenalty refuses a negative one); FreePBX offers 0-20. */
export const PENALTY_MAX = 99
export const penaltySchema = z
  .number()
  .int(refusal('queues.penaltyWhole'))
  .min(0, refusal('queues.penalty'))
  .max(PENALTY_MAX, refusal('queues.penaltyMax', { max: PENALTY_MAX }))
/** Free text Asterisk keeps as PausedReason; one clean line (it becomes an AMI header value). */
export const pauseReasonSchema = cleanText(80)

/** Add an extension to a queue as a dynamic member (QueueAdd): runtime only, gone if the queue is reloaded with its members. */
export const queueMemberAddInputSchema = z.strictObject({
  profileId: profileIdSchema,
  queue: queueNameSchema,
  extension: z.string().regex(/^[0-9]{1,10}$/, refusal('extension')),
  /** The name the queue shows for the member (the extension's name); the number when absent. */
  name: cleanText(60).optional(),
  penalty: penaltySchema.default(0),
  paused: z.boolean().default(false),
  reason: pauseReasonSchema.optional(),
})
export type QueueMemberAddInput = z.input<typeof queueMemberAddInputSchema>

/** Remove a dynamic member (QueueRemove); static members are refused with what can be done instead. */
export const queueMemberRemoveInputSchema = z.strictObject({ profileId: profileIdSchema, queue: queueNameSchema, iface: memberIfaceSchema })

/** Set a member's penalty in one queue, or in every queue it is in (QueuePenalty without Queue). */
export const queuePenaltyInputSchema = z.strictObject({
  profileId: profileIdSchema,
  /** Absent: every queue the member is in. */
  queue: queueNameSchema.optional(),
  iface: memberIfaceSchema,
  penalty: penaltySchema,
})

/** Pause or unpause a member in one queue, or in every queue it is in (QueuePause without Queue). */
export const queuePauseInputSchema = z.strictObject({
  profileId: profileIdSchema,
  /** Absent: every queue the member is in. */
  queue: queueNameSchema.optional(),
  iface: memberIfaceSchema,
  paused: z.boolean(),
  reason: pauseReasonSchema.optional(),
})

/** Per-queue wallboard thresholds: a tile turns red (and the alert sounds) once one is crossed. */
export const wallboardThresholdSchema = z.strictObject({
  queue: queueNameSchema,
  /** Callers waiting at or above this. */
  waiting: z.number().int().min(1).max(9999).optional(),
  /** The longest wait at or above this many seconds. */
  longestWaitS: z.number().int().min(1).max(86_400).optional(),
  /** Service level below this percentage (only for a queue that has a service level). */
  serviceLevelPct: z.number().int().min(1).max(100).optional(),
  /** Abandoned share at or above this percentage. */
  abandonedPct: z.number().int().min(1).max(100).optional(),
})
export type WallboardThreshold = z.infer<typeof wallboardThresholdSchema>

export const wallboardPrefsSchema = z.strictObject({
  /** The queues shown, in this order; empty = every queue of the PBX. */
  queues: z.array(queueNameSchema).max(500),
  /** An array (not a record keyed by queue): queue names come from the PBX and must never be object keys. */
  thresholds: z.array(wallboardThresholdSchema).max(500),
  theme: z.enum(['dark', 'light']),
  /** The alert beep when a tile turns red. */
  sound: z.boolean(),
  /** Seconds each page shows when the queues do not fit on one. */
  pageSeconds: z.number().int().min(3).max(300),
})
export type WallboardPrefs = z.infer<typeof wallboardPrefsSchema>

export const queuePrefsSchema = z.strictObject({
  /** The pause reasons offered (a reason may still be typed). */
  pauseReasons: z.array(cleanText(40, { min: 1 })).max(40),
  wallboard: wallboardPrefsSchema,
})
export type QueuePrefs = z.infer<typeof queuePrefsSchema>

export const defaultQueuePrefs: QueuePrefs = {
  pauseReasons: ['Break', 'Lunch', 'Meeting', 'Training', 'Wrap-up', 'Coaching', 'Admin work'],
  wallboard: { queues: [], thresholds: [], theme: 'dark', sound: true, pageSeconds: 10 },
}

export const queuePrefsGetInputSchema = z.strictObject({ profileId: profileIdSchema })
export const queuePrefsSetInputSchema = z.strictObject({ profileId: profileIdSchema, prefs: queuePrefsSchema })
