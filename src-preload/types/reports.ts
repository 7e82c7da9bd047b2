import { z } from 'zod'
import { profileIdSchema } from './profile-id'
import { cleanText } from './text'
import { refusal } from './input-words'

const epochMs = z.number().int().min(0).max(8_000_000_000_000)
/** A queue's name as Asterisk and FreePBX write them (the history filter's rule). */
export const reportQueueSchema = z.string().regex(/^[A-Za-z0-9_.-]{1,80}$/, refusal('queueName'))
/** A member's name as the PBX gives it (`Agent 101`, `Eva Fischer`): free text, one line. */
export const reportAgentSchema = cleanText(80, { min: 1 })

/** The longest range one report covers: a year (longer ranges are a data warehouse's job). */
export const REPORT_MAX_RANGE_MS = 366 * 86_400_000

/** What a report covers: a range, and optionally only some queues and agents (empty = all). */
export const reportRequestSchema = z
  .strictObject({
    profileId: profileIdSchema,
    from: epochMs,
    to: epochMs,
    queues: z.array(reportQueueSchema).max(100).default([]),
    agents: z.array(reportAgentSchema).max(100).default([]),
    /** Chart and CSV buckets: local hours (a day or two) or local days. */
    bucket: z.enum(['hour', 'day']),
  })
  .refine((r) => r.to > r.from, { ...refusal('reports.rangeOrder'), path: ['to'] })
  .refine((r) => r.to - r.from <= REPORT_MAX_RANGE_MS, { ...refusal('reports.rangeYear'), path: ['to'] })

export type ReportRequest = z.output<typeof reportRequestSchema>

/** A queue_log file (or the asteriskcdrdb `queuelog` table exported as its lines), in parts of whole lines. */
export const queueLogImportSchema = z.strictObject({
  profileId: profileIdSchema,
  /** Lines `time|callid|queue|agent|event|data…`, whole lines, at most 500,000 characters per part (web mode's socket takes 1 MiB frames). */
  text: cleanText(500_000, { multiline: true }),
})

/** Abandoned calls by how long the caller waited before hanging up: upper bounds in seconds (the last bucket is open). */
export const ABANDON_BUCKETS_S = [10, 30, 60, 120, 300] as const

/** Pause time of one reason (seconds). The reason is '' when none was given. */
export interface PauseByReason {
  readonly reason: string
  readonly seconds: number
}

/** One queue over the range. Waits and talk in seconds. */
export interface QueueReportRow {
  readonly queue: string
  /** Callers who entered the queue (QueueCallerJoin / ENTERQUEUE). */
  readonly offered: number
  /** Callers a member answered (AgentConnect / CONNECT). */
  readonly answered: number
  /** Callers who hung up waiting (QueueCallerAbandon / ABANDON). */
  readonly abandoned: number
  /** Offered − answered − abandoned: timed out, left by a key, queue empty, or still waiting at the range's end (never below 0). */
  readonly unansweredOther: number
  /** Abandoned calls per ABANDON_BUCKETS_S bucket (one more entry: longer than the last bound). */
  readonly abandonedAfter: readonly number[]
  /** The queue's own service level (s); null when the PBX never told the console one, or it is 0 (none). */
  readonly serviceLevelS: number | null
  /** Answered within the service level. */
  readonly answeredInSl: number
  /** Asterisk's ServicelevelPerf: answered within the threshold ÷ answered (%); null without a threshold or an answered call. */
  readonly serviceLevelPct: number | null
  /** Answered within the threshold ÷ every caller who entered (%), QueueMetrics' stricter figure; null likewise. */
  readonly serviceLevelOfferedPct: number | null
  /** Average wait of answered callers (s); null with none answered. */
  readonly avgWaitS: number | null
  /** Longest wait of any caller (answered, abandoned or timed out) (s); null with none. */
  readonly longestWaitS: number | null
  /** Average talk of completed calls (s); null with none completed. */
  readonly avgTalkS: number | null
  readonly talkS: number
}

/** One member over the range (in the queues chosen). */
export interface AgentReportRow {
  /** The member's name as the PBX gives it (MemberName; queue_log's agent column). */
  readonly agent: string
  /** The interface last seen for it (`PJSIP/101`, `Local/101@from-queue/n`), '' when only queue_log named it. */
  readonly iface: string
  /** Times the queue rang it (AgentCalled). */
  readonly rung: number
  readonly answered: number
  /** Rung and not answered (AgentRingNoAnswer / RINGNOANSWER). */
  readonly ringNoAnswer: number
  readonly completed: number
  readonly talkS: number
  readonly avgTalkS: number | null
  /** Average wait of the callers it answered (s). */
  readonly avgWaitS: number | null
  /** Time paused in at least one of the queues chosen (s), clipped to the range (and to now). */
  readonly pausedS: number
  readonly pauseByReason: readonly PauseByReason[]
}

/** One local hour or day of the queues chosen. */
export interface ReportBucket {
  readonly start: number
  readonly label: string
  readonly offered: number
  readonly answered: number
  readonly abandoned: number
  readonly answeredInSl: number
  /** Answered within the queues' thresholds ÷ answered (%), null with none answered or no threshold known. */
  readonly serviceLevelPct: number | null
}

export interface QueueReport {
  readonly profileId: string
  readonly from: number
  readonly to: number
  readonly timeZone: string
  readonly bucket: 'hour' | 'day'
  /** The queues chosen (every queue seen in the range when none was chosen), busiest first. */
  readonly queues: readonly QueueReportRow[]
  /** Every queue's rows summed (service level over the answered calls of queues with a threshold). */
  readonly total: QueueReportRow
  readonly agents: readonly AgentReportRow[]
  readonly buckets: readonly ReportBucket[]
  /** Queue events read for it, and how long the store took (ms): the screen says both. */
  readonly events: number
  readonly tookMs: number
  /** The oldest and newest event stored for the profile (null when none): what a range can cover at all. */
  readonly storedFrom: number | null
  readonly storedTo: number | null
}

/** What the pickers offer: queues and members ever seen for the profile, with the thresholds known. */
export interface ReportOptions {
  readonly queues: readonly { readonly name: string; readonly serviceLevelS: number | null }[]
  readonly agents: readonly { readonly name: string; readonly iface: string }[]
  readonly events: number
  readonly storedFrom: number | null
  readonly storedTo: number | null
  /** The PBX's zone: ranges and buckets are its calendar days. */
  readonly timeZone: string
}

export interface QueueLogImportResult {
  readonly lines: number
  readonly inserted: number
  /** Events the store already held (from AMI or an earlier import): not counted again. */
  readonly duplicates: number
  /** Lines that were not queue events the reports use (member config lines, QUEUESTART, …). */
  readonly ignored: number
  /** Malformed lines with their number and why (at most 20 listed). */
  readonly rejected: readonly { readonly line: number; readonly reason: string }[]
  readonly rejectedCount: number
}
