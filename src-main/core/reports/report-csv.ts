// A report as CSV: one header for every row kind, the `section` column telling them apart (queue,
// agent, hour or day), cells through the call history's writer (RFC 4180, formula injection
// neutralised, UTF-8 with a BOM for Excel).
import type { QueueReport, QueueReportRow } from '../../../src-preload/types/reports'
import { ABANDON_BUCKETS_S } from '../../../src-preload/types/reports'
import { csvLine, UTF8_BOM } from '../cdr/csv'
import { formatLocal } from '../cdr/time'

const abandonHeaders = (): string[] => {
  const heads = ABANDON_BUCKETS_S.map((b, i) => `abandoned_${String(i === 0 ? 0 : (ABANDON_BUCKETS_S[i - 1] ?? 0))}_${String(b)}s`)
  return [...heads, `abandoned_over_${String(ABANDON_BUCKETS_S[ABANDON_BUCKETS_S.length - 1] ?? 0)}s`]
}

export const REPORT_CSV_HEADER = [
  'section',
  'name',
  'range_from',
  'range_to',
  'offered',
  'answered',
  'abandoned',
  'unanswered_other',
  'service_level_s',
  'answered_in_sl',
  'service_level_pct',
  'service_level_of_offered_pct',
  'avg_wait_s',
  'longest_wait_s',
  'avg_talk_s',
  'talk_s',
  ...abandonHeaders(),
  'rung',
  'ring_no_answer',
  'completed',
  'paused_s',
  'pause_by_reason',
] as const

const queueCells = (r: QueueReportRow): (string | number | null)[] => [
  r.offered,
  r.answered,
  r.abandoned,
  r.unansweredOther,
  r.serviceLevelS,
  r.answeredInSl,
  r.serviceLevelPct,
  r.serviceLevelOfferedPct,
  r.avgWaitS,
  r.longestWaitS,
  r.avgTalkS,
  r.talkS,
  ...r.abandonedAfter,
]

const blanks = (n: number): null[] => Array<null>(n).fill(null)

/** The whole report as one CSV text (a report is a few hundred rows at most: no streaming needed). */
export function reportCsv(r: QueueReport, bom = true): string {
  const from = formatLocal(r.from, r.timeZone)
  const to = formatLocal(r.to, r.timeZone)
  const abandonCols = ABANDON_BUCKETS_S.length + 1
  let out = `${bom ? UTF8_BOM : ''}${csvLine([...REPORT_CSV_HEADER])}`
  for (const q of [...r.queues, r.total]) out += csvLine(['queue', q.queue, from, to, ...queueCells(q), ...blanks(5)])
  for (const a of r.agents) {
    out += csvLine([
      'agent',
      a.agent,
      from,
      to,
      null,
      a.answered,
      null,
      null,
      null,
      null,
      null,
      null,
      a.avgWaitS,
      null,
      a.avgTalkS,
      a.talkS,
      ...blanks(abandonCols),
      a.rung,
      a.ringNoAnswer,
      a.completed,
      a.pausedS,
      a.pauseByReason.map((p) => `${p.reason === '' ? '(no reason)' : p.reason}: ${String(p.seconds)}`).join('; '),
    ])
  }
  for (const b of r.buckets) {
    out += csvLine([
      r.bucket,
      b.label,
      formatLocal(b.start, r.timeZone),
      null,
      b.offered,
      b.answered,
      b.abandoned,
      Math.max(0, b.offered - b.answered - b.abandoned),
      null,
      b.answeredInSl,
      b.serviceLevelPct,
      ...blanks(5),
      ...blanks(abandonCols),
      ...blanks(5),
    ])
  }
  return out
}
