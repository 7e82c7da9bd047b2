import type { HistoryExportResult } from '../../../src-preload/types/history'
import type { QueueLogImportResult, QueueReport, ReportOptions, ReportRequest } from '../../../src-preload/types/reports'
import { seatLabel, type AuditLog, type SeatContext } from '../audit'
import type { ExportSink } from '../cdr/history-service'
import type { CdrStore } from '../cdr/store'
import { formatLocal } from '../cdr/time'
import { ApiFailure } from '../errors/api-failure'
import { authorizeIn } from '../guard'
import type { PbxProfile } from '../profiles/schema'
import { REPORT_POLICIES, type ReportAction } from './policy'
import { reportCsv } from './report-csv'
import { parseQueueLogLine } from './queue-log'
import type { QueueEvent } from './queue-event'
import { say } from '../i18n'
import { strings } from './strings'

const t = say(strings)

export interface ReportsServiceOptions {
  /** The CDR store: the queue events live in its file, read by its worker. */
  readonly store: () => Promise<CdrStore>
  readonly exportSink: ExportSink
  /** The profile as it runs now (`not_found` when it is not running): its role, read-only flag and zone. */
  readonly profileOf: (profileId: string) => PbxProfile
  /** Each queue's service level as the live state has it now; undefined while it was never loaded (offline). */
  readonly liveThresholds: (profileId: string) => readonly { queue: string; seconds: number }[] | undefined
  readonly audit: AuditLog
  readonly now?: () => number
}

const IMPORT_BATCH = 5000
/** A seat's role as a refusal names it, in the shown language. */
const ROLE_WORDS: Readonly<Record<PbxProfile['operator']['role'], () => string>> = {
  receptionist: () => t('roleReceptionist'),
  supervisor: () => t('roleSupervisor'),
  admin: () => t('roleAdmin'),
}
const REJECTED_LISTED = 20

/**
 * Queue and agent reports from the local store: what the reports channels do. Works with the PBX
 * unreachable (the thresholds last seen are kept); every refusal is audited, and so are exports
 * and imports (data leaving or entering the console).
 */
export class ReportsService {
  constructor(private readonly o: ReportsServiceOptions) {}

  private now(): number {
    return (this.o.now ?? Date.now)()
  }

  /** The seat's profile if it may run `action`; otherwise the refusal is audited and thrown. */
  private async authorize(action: ReportAction, profileId: string, target: string, ctx: SeatContext): Promise<PbxProfile> {
    const profile = this.o.profileOf(profileId)
    const auth = authorizeIn(REPORT_POLICIES, action, profile)
    if (!auth.ok) {
      await this.o.audit.append({
        profileId,
        role: profile.operator.role,
        action,
        target,
        result: 'refused',
        errorCode: 'forbidden',
        rule: auth.rule,
        operator: profile.operator.ownExtension,
        seat: seatLabel(ctx),
        detail: auth.reason,
      })
      throw new ApiFailure('forbidden', t('forbidden', { role: ROLE_WORDS[profile.operator.role]() }), { rule: auth.rule })
    }
    return profile
  }

  private async audited(profile: PbxProfile, action: ReportAction, target: string, ctx: SeatContext, detail: string): Promise<void> {
    await this.o.audit.append({
      profileId: profile.id,
      role: profile.operator.role,
      action,
      target,
      result: 'ok',
      operator: profile.operator.ownExtension,
      seat: seatLabel(ctx),
      detail,
    })
  }

  /** Thresholds from the live state are written through, so a report made offline still knows them. */
  private async storeWithThresholds(profileId: string): Promise<CdrStore> {
    const store = await this.wrap(this.o.store())
    const live = this.o.liveThresholds(profileId)
    if (live !== undefined && live.length > 0) await this.wrap(store.saveQueueThresholds(profileId, live, this.now()))
    return store
  }

  async options(profileId: string, ctx: SeatContext): Promise<ReportOptions> {
    const profile = await this.authorize('report.read', profileId, 'report options', ctx)
    const store = await this.storeWithThresholds(profileId)
    return this.wrap(store.queueReportOptions(profileId, profile.timeZone))
  }

  async run(req: ReportRequest, ctx: SeatContext): Promise<QueueReport> {
    const profile = await this.authorize('report.read', req.profileId, rangeWords(req, 'UTC'), ctx)
    const store = await this.storeWithThresholds(req.profileId)
    const started = performance.now()
    const report = await this.wrap(store.queueReport({ ...req, timeZone: profile.timeZone, now: this.now() }))
    return { ...report, tookMs: Math.round(performance.now() - started) }
  }

  async export(req: ReportRequest, ctx: SeatContext): Promise<HistoryExportResult> {
    const profile = await this.authorize('report.export', req.profileId, rangeWords(req, 'UTC'), ctx)
    const report = await this.run(req, ctx)
    const day = (ms: number): string => formatLocal(ms, profile.timeZone).slice(0, 10)
    const name = `queue-report-${req.profileId}-${day(req.from)}-to-${day(req.to - 1)}.csv`
    const text = reportCsv(report)
    const result = await this.o.exportSink.deliver(name, async (target) => {
      await new Promise<void>((resolve, reject) => {
        target.end(text, (err?: Error | null) => {
          if (err) reject(err)
          else resolve()
        })
      })
      return { rows: report.queues.length + 1 + report.agents.length + report.buckets.length }
    })
    if (result.kind !== 'cancelled') {
      await this.audited(
        profile,
        'report.export',
        rangeWords(req, profile.timeZone),
        ctx,
        `${String(report.events)} queue events, ${String(report.queues.length)} queues, ${String(report.agents.length)} agents`,
      )
    }
    return result
  }

  /** Backfill from queue_log lines: events the store already keeps (from AMI or an earlier import) are recognised, not added. */
  async importQueueLog(profileId: string, text: string, ctx: SeatContext): Promise<QueueLogImportResult> {
    const profile = await this.authorize('report.import', profileId, 'queue_log import', ctx)
    const store = await this.wrap(this.o.store())
    const lines = text.split(/\r?\n/)
    if (lines.at(-1) === '') lines.pop()
    let inserted = 0
    let duplicates = 0
    let ignored = 0
    const rejected: { line: number; reason: string }[] = []
    let rejectedCount = 0
    let batch: { event: QueueEvent; line: number }[] = []
    const flush = async (): Promise<void> => {
      if (batch.length === 0) return
      const sent = batch
      batch = []
      const r = await this.wrap(
        store.ingestQueueEvents(
          profileId,
          sent.map((b) => b.event),
        ),
      )
      inserted += r.inserted
      duplicates += r.duplicates
      for (const x of r.rejected) {
        rejectedCount++
        if (rejected.length < REJECTED_LISTED) rejected.push({ line: sent[x.index]?.line ?? 0, reason: x.reason })
      }
    }
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i] ?? ''
      if (line.trim() === '') continue
      const parsed = parseQueueLogLine(line, profile.timeZone)
      if (parsed.kind === 'ignored') ignored++
      else if (parsed.kind === 'rejected') {
        rejectedCount++
        if (rejected.length < REJECTED_LISTED) rejected.push({ line: i + 1, reason: parsed.reason })
      } else {
        batch.push({ event: parsed.event, line: i + 1 })
        if (batch.length >= IMPORT_BATCH) await flush()
      }
    }
    await flush()
    const result: QueueLogImportResult = { lines: lines.length, inserted, duplicates, ignored, rejected, rejectedCount }
    await this.audited(
      profile,
      'report.import',
      'queue_log import',
      ctx,
      `${String(lines.length)} lines: ${String(inserted)} new events, ${String(duplicates)} already kept, ${String(rejectedCount)} refused`,
    )
    return result
  }

  private async wrap<T>(p: Promise<T>): Promise<T> {
    try {
      return await p
    } catch (err) {
      if (err instanceof ApiFailure) throw err
      const code = (err as { code?: unknown }).code
      if (code === 'invalid-argument') throw new ApiFailure('invalid_input', (err as Error).message)
      throw new ApiFailure('unavailable', t('storeUnavailable'))
    }
  }
}

/** "support, sales · 2026-12-01 00:00 – 2026-12-02 00:00" for audit lines. */
function rangeWords(req: ReportRequest, timeZone: string): string {
  const what = req.queues.length === 0 ? 'all queues' : req.queues.join(', ')
  return `${what} · ${formatLocal(req.from, timeZone).slice(0, 16)} – ${formatLocal(req.to, timeZone).slice(0, 16)}`.slice(0, 256)
}
