// The queue events in the CDR database file (migration 6), synchronous: runs in the CDR worker
// beside CdrDatabase, on the same connection, never on the app's main thread.
import type Database from 'better-sqlite3'
import { ID_PROFILE_SPAN, ID_SLOTS } from '../cdr/migrations'
import { formatLocal, localToUtcMs, assertTimeZone } from '../cdr/time'
import type { AgentReportRow, QueueReport, QueueReportRow, ReportBucket, ReportOptions } from '../../../src-preload/types/reports'
import { ABANDON_BUCKETS_S } from '../../../src-preload/types/reports'
import { KIND, QUEUE_EVENT_KINDS, type QueueEvent } from './queue-event'
import { pauseTotals, percent, type PauseMark } from './report-math'

/**
 * Two copies of one event (AMI live and a queue_log import, or one import twice) are the same
 * event when they agree on kind, queue and member, lie within this many seconds of each other
 * and name the same caller (or one of them names none). AMI gives no time of its own (the console's
 * clock stamps it) unless manager.conf has timestampevents, so the copies may be a few seconds apart.
 */
export const SAME_EVENT_WINDOW_S = 5

export interface QueueIngestResult {
  inserted: number
  duplicates: number
  rejected: { index: number; reason: string }[]
}

export interface ReportQuery {
  readonly profileId: string
  readonly from: number
  readonly to: number
  readonly queues: readonly string[]
  readonly agents: readonly string[]
  readonly bucket: 'hour' | 'day'
  readonly timeZone: string
  /** Pauses still running end here (the report's "now"). */
  readonly now: number
}

const K = KIND
const SEEN_QUEUE = 0
const SEEN_AGENT = 1

type ProfileNo = (profileId: string, create: boolean) => number | null

export class QueueEventDb {
  private readonly topId = new Map<number, number>()
  private readonly s

  constructor(
    private readonly db: Database.Database,
    private readonly profileNo: ProfileNo,
  ) {
    this.s = {
      insert: db.prepare(`INSERT INTO queue_event (id, kind, queue, callid, agent, iface, wait, talk, ring, position, reason, caller, source)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      same: db.prepare('SELECT callid FROM queue_event WHERE kind = ? AND queue = ? AND agent = ? AND id >= ? AND id < ?').pluck(),
      maxIn: db.prepare('SELECT max(id) FROM queue_event WHERE id >= ? AND id < ?').pluck(),
      seen: db.prepare(`INSERT INTO queue_seen (profile_no, what, name, iface, last_s) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (profile_no, what, name) DO UPDATE SET iface = CASE WHEN excluded.iface <> '' THEN excluded.iface ELSE iface END,
        last_s = max(last_s, excluded.last_s)`),
      threshold: db.prepare(`INSERT INTO queue_threshold (profile_no, queue, seconds, seen_ms) VALUES (?, ?, ?, ?)
        ON CONFLICT (profile_no, queue) DO UPDATE SET seconds = excluded.seconds, seen_ms = excluded.seen_ms`),
    }
  }

  /** The highest id of a profile (every copy of an event lies in its second's id range). */
  private top(no: number): number {
    let top = this.topId.get(no)
    if (top === undefined) {
      const lo = no * ID_PROFILE_SPAN
      top = (this.s.maxIn.get(lo, lo + ID_PROFILE_SPAN) as number | null) ?? lo - 1
      this.topId.set(no, top)
    }
    return top
  }

  /** Stores a batch in one transaction; an event already kept is counted as a duplicate and not stored again. */
  ingest(profileId: string, events: readonly QueueEvent[]): QueueIngestResult {
    const result: QueueIngestResult = { inserted: 0, duplicates: 0, rejected: [] }
    this.db.transaction(() => {
      const no = this.profileNo(profileId, true) ?? 0
      const lo = no * ID_PROFILE_SPAN
      const seen = new Map<string, { what: number; name: string; iface: string; last: number }>()
      events.forEach((e, index) => {
        const why = invalid(e)
        if (why !== undefined) {
          result.rejected.push({ index, reason: why })
          return
        }
        const sec = Math.floor(e.at / 1000)
        const kind = K[e.kind]
        const base = lo + sec * ID_SLOTS
        const top = this.top(no)
        // Nothing stored this close to it: it cannot be a copy (the usual case for live events in a quiet moment).
        if (lo + (sec - SAME_EVENT_WINDOW_S) * ID_SLOTS <= top) {
          const others = this.s.same.all(
            kind,
            e.queue,
            e.agent,
            base - SAME_EVENT_WINDOW_S * ID_SLOTS,
            base + (SAME_EVENT_WINDOW_S + 1) * ID_SLOTS,
          ) as string[]
          if (others.some((c) => c === e.callid || c === '' || e.callid === '')) {
            result.duplicates++
            return
          }
        }
        let id = base
        if (base <= top) {
          const used = this.s.maxIn.get(base, base + ID_SLOTS) as number | null
          id = used === null ? base : used + 1
          if (id >= base + ID_SLOTS) {
            result.rejected.push({ index, reason: `more than ${String(ID_SLOTS)} queue events in one second` })
            return
          }
        }
        this.s.insert.run(
          id,
          kind,
          e.queue,
          e.callid,
          e.agent,
          e.iface,
          e.wait ?? null,
          e.talk ?? null,
          e.ring ?? null,
          e.position ?? null,
          e.reason,
          e.caller,
          e.source,
        )
        if (id > top) this.topId.set(no, id)
        result.inserted++
        const q = seen.get(`q${e.queue}`)
        if (q === undefined || q.last < sec) seen.set(`q${e.queue}`, { what: SEEN_QUEUE, name: e.queue, iface: '', last: sec })
        if (e.agent !== '') {
          const a = seen.get(`a${e.agent}`)
          if (a === undefined || a.last <= sec)
            seen.set(`a${e.agent}`, { what: SEEN_AGENT, name: e.agent, iface: e.iface || (a?.iface ?? ''), last: sec })
        }
      })
      for (const v of seen.values()) this.s.seen.run(no, v.what, v.name, v.iface, v.last)
    })()
    return result
  }

  /** Each queue's service level as the PBX said it last (QueueParams ServiceLevel), kept for reports made offline. */
  saveThresholds(profileId: string, thresholds: readonly { queue: string; seconds: number }[], seenMs: number): void {
    const no = this.profileNo(profileId, true) ?? 0
    this.db.transaction(() => {
      for (const t of thresholds) this.s.threshold.run(no, t.queue, Math.max(0, Math.floor(t.seconds)), seenMs)
    })()
  }

  private thresholds(no: number): Map<string, number> {
    const rows = this.db.prepare('SELECT queue, seconds FROM queue_threshold WHERE profile_no = ?').all(no) as { queue: string; seconds: number }[]
    return new Map(rows.map((r) => [r.queue, r.seconds]))
  }

  private storedRange(no: number): { storedFrom: number | null; storedTo: number | null } {
    const lo = no * ID_PROFILE_SPAN
    const r = this.db.prepare('SELECT min(id) AS a, max(id) AS b FROM queue_event WHERE id >= ? AND id < ?').get(lo, lo + ID_PROFILE_SPAN) as {
      a: number | null
      b: number | null
    }
    const at = (id: number | null): number | null => (id === null ? null : Math.floor((id - lo) / ID_SLOTS) * 1000)
    return { storedFrom: at(r.a), storedTo: at(r.b) }
  }

  options(profileId: string, timeZone: string): ReportOptions {
    const no = this.profileNo(profileId, false)
    if (no === null) return { queues: [], agents: [], events: 0, storedFrom: null, storedTo: null, timeZone }
    const th = this.thresholds(no)
    const seen = this.db.prepare('SELECT what, name, iface FROM queue_seen WHERE profile_no = ? ORDER BY name').all(no) as {
      what: number
      name: string
      iface: string
    }[]
    const names = new Set(seen.filter((s) => s.what === SEEN_QUEUE).map((s) => s.name))
    for (const q of th.keys()) names.add(q)
    const lo = no * ID_PROFILE_SPAN
    const events = this.db
      .prepare('SELECT count(*) FROM queue_event WHERE id >= ? AND id < ?')
      .pluck()
      .get(lo, lo + ID_PROFILE_SPAN) as number
    return {
      queues: [...names].sort().map((name) => ({ name, serviceLevelS: positive(th.get(name)) })),
      agents: seen.filter((s) => s.what === SEEN_AGENT).map((s) => ({ name: s.name, iface: s.iface })),
      events,
      ...this.storedRange(no),
      timeZone,
    }
  }

  report(q: ReportQuery): Omit<QueueReport, 'tookMs'> {
    assertTimeZone(q.timeZone)
    const started = { profileId: q.profileId, from: q.from, to: q.to, timeZone: q.timeZone, bucket: q.bucket }
    const no = this.profileNo(q.profileId, false)
    if (no === null) {
      return { ...started, queues: [], total: totalRow([]), agents: [], buckets: [], events: 0, storedFrom: null, storedTo: null }
    }
    const lo = no * ID_PROFILE_SPAN
    // Events in [from, to): whole seconds s with s·1000 ≥ from and s·1000 < to.
    const idFrom = lo + Math.max(0, Math.ceil(q.from / 1000)) * ID_SLOTS
    const idTo = lo + Math.max(0, Math.ceil(q.to / 1000)) * ID_SLOTS
    const th = this.thresholds(no)
    const queueSql = q.queues.length > 0 ? ' AND queue IN (SELECT value FROM json_each(?))' : ''
    const agentSql = q.agents.length > 0 ? ' AND agent IN (SELECT value FROM json_each(?))' : ''
    const qArgs = q.queues.length > 0 ? [JSON.stringify(q.queues)] : []
    const aArgs = q.agents.length > 0 ? [JSON.stringify(q.agents)] : []
    const thJson = JSON.stringify(Object.fromEntries([...th].filter(([, s]) => s > 0)))
    // The queue's threshold for a row: json_extract of the thresholds given once per query.
    const slOf = `json_extract(?, '$."' || replace(queue, '"', '') || '"')`

    const bounds = ABANDON_BUCKETS_S
    const abandonCols = bounds
      .map((b, i) => `sum(kind = ${String(K.abandon)} AND wait > ${String(i === 0 ? -1 : (bounds[i - 1] ?? 0))} AND wait <= ${String(b)})`)
      .concat(`sum(kind = ${String(K.abandon)} AND wait > ${String(bounds[bounds.length - 1] ?? 0)})`)
      .map((c, i) => `${c} AS a${String(i)}`)
      .join(', ')
    const perQueue = this.db
      .prepare(
        `SELECT queue, count(*) AS n,
          sum(kind = ${String(K.join)}) AS offered, sum(kind = ${String(K.connect)}) AS answered, sum(kind = ${String(K.abandon)}) AS abandoned,
          sum(CASE WHEN kind = ${String(K.connect)} THEN wait <= ${slOf} END) AS insl,
          sum(CASE WHEN kind = ${String(K.connect)} THEN wait END) AS waitsum,
          sum(kind = ${String(K.connect)} AND wait IS NOT NULL) AS waitn,
          max(CASE WHEN kind IN (${String(K.connect)}, ${String(K.abandon)}, ${String(K.exit)}) THEN wait END) AS longest,
          sum(kind = ${String(K.complete)}) AS completed, sum(CASE WHEN kind = ${String(K.complete)} THEN talk END) AS talk,
          ${abandonCols}
        FROM queue_event WHERE id >= ? AND id < ?${queueSql} GROUP BY queue`,
      )
      .all(thJson, idFrom, idTo, ...qArgs) as Record<string, number | string | null>[]

    let events = 0
    const figures: QueueFigures[] = []
    for (const r of perQueue) {
      events += num(r.n)
      const name = String(r.queue)
      const sl = positive(th.get(name))
      figures.push({
        queue: name,
        offered: num(r.offered),
        answered: num(r.answered),
        abandoned: num(r.abandoned),
        insl: sl === null ? 0 : num(r.insl),
        sl,
        waitSum: num(r.waitsum),
        waitN: num(r.waitn),
        longest: r.longest === null ? null : num(r.longest),
        completed: num(r.completed),
        talk: num(r.talk),
        abandonedAfter: bounds.map((_, i) => num(r[`a${String(i)}`])).concat(num(r[`a${String(bounds.length)}`])),
      })
    }
    // A queue chosen but quiet in the range still gets its row (of zeros), so "nothing happened" reads as such.
    for (const name of q.queues) if (!figures.some((x) => x.queue === name)) figures.push(quietQueue(name, positive(th.get(name))))
    const queues = figures.map(queueRow).sort((a, b) => b.offered - a.offered || a.queue.localeCompare(b.queue))
    const total = totalRow(figures)

    const agents = this.agents(no, idFrom, idTo, queueSql, agentSql, qArgs, aArgs, q)
    const buckets = this.buckets(lo, idFrom, idTo, queueSql, qArgs, thJson, slOf, q)
    return { ...started, queues, total, agents, buckets, events, ...this.storedRange(no) }
  }

  private agents(
    no: number,
    idFrom: number,
    idTo: number,
    queueSql: string,
    agentSql: string,
    qArgs: string[],
    aArgs: string[],
    q: ReportQuery,
  ): AgentReportRow[] {
    const rows = this.db
      .prepare(
        `SELECT agent, max(iface) AS iface,
          sum(kind = ${String(K.called)}) AS rung, sum(kind = ${String(K.connect)}) AS answered,
          sum(kind = ${String(K.ringnoanswer)}) AS rna, sum(kind = ${String(K.complete)}) AS completed,
          sum(CASE WHEN kind = ${String(K.complete)} THEN talk END) AS talk,
          sum(CASE WHEN kind = ${String(K.connect)} THEN wait END) AS waitsum, sum(kind = ${String(K.connect)} AND wait IS NOT NULL) AS waitn
        FROM queue_event WHERE id >= ? AND id < ? AND kind IN (${[K.called, K.connect, K.ringnoanswer, K.complete].join(', ')}) AND agent <> ''${queueSql}${agentSql}
        GROUP BY agent`,
      )
      .all(idFrom, idTo, ...qArgs, ...aArgs) as Record<string, number | string | null>[]
    const pauses = this.pauses(no, idFrom, idTo, queueSql, agentSql, qArgs, aArgs, q)
    const byAgent = new Map<string, AgentReportRow>()
    for (const r of rows) {
      const agent = String(r.agent)
      const completed = num(r.completed)
      const talk = num(r.talk)
      byAgent.set(agent, {
        agent,
        iface: String(r.iface ?? ''),
        rung: num(r.rung),
        answered: num(r.answered),
        ringNoAnswer: num(r.rna),
        completed,
        talkS: talk,
        avgTalkS: completed > 0 ? Math.round(talk / completed) : null,
        avgWaitS: num(r.waitn) > 0 ? Math.round(num(r.waitsum) / num(r.waitn)) : null,
        pausedS: 0,
        pauseByReason: [],
      })
    }
    for (const [agent, p] of pauses) {
      const row = byAgent.get(agent) ?? {
        agent,
        iface: p.iface,
        rung: 0,
        answered: 0,
        ringNoAnswer: 0,
        completed: 0,
        talkS: 0,
        avgTalkS: null,
        avgWaitS: null,
        pausedS: 0,
        pauseByReason: [],
      }
      byAgent.set(agent, { ...row, iface: row.iface || p.iface, pausedS: p.total, pauseByReason: p.byReason })
    }
    return [...byAgent.values()].sort((a, b) => b.answered - a.answered || a.agent.localeCompare(b.agent))
  }

  /** Pause time per member in the range: the state each (member, queue) had when it began, then its pause events. */
  private pauses(
    no: number,
    idFrom: number,
    idTo: number,
    queueSql: string,
    agentSql: string,
    qArgs: string[],
    aArgs: string[],
    q: ReportQuery,
  ): Map<string, { iface: string; total: number; byReason: { reason: string; seconds: number }[] }> {
    const lo = no * ID_PROFILE_SPAN
    const kinds = `kind IN (${String(K.pause)}, ${String(K.unpause)}, ${String(K.removed)})`
    // Each (member, queue)'s last pause event before the range: bare columns come from the max(id) row.
    const before = this.db
      .prepare(
        `SELECT agent, queue, kind, reason, iface, max(id) AS id FROM queue_event INDEXED BY queue_event_pause
         WHERE ${kinds} AND id >= ? AND id < ?${queueSql}${agentSql} GROUP BY agent, queue`,
      )
      .all(lo, idFrom, ...qArgs, ...aArgs) as { agent: string; queue: string; kind: number; reason: string; iface: string; id: number }[]
    const within = this.db
      .prepare(
        `SELECT agent, queue, kind, reason, iface, id FROM queue_event WHERE ${kinds} AND id >= ? AND id < ?${queueSql}${agentSql} ORDER BY id`,
      )
      .all(idFrom, idTo, ...qArgs, ...aArgs) as { agent: string; queue: string; kind: number; reason: string; iface: string; id: number }[]
    const marks: PauseMark[] = []
    const ifaces = new Map<string, string>()
    const at = (id: number): number => Math.floor((id - lo) / ID_SLOTS) * 1000
    for (const r of before) if (r.kind === K.pause) marks.push({ agent: r.agent, queue: r.queue, at: q.from, paused: true, reason: r.reason })
    for (const r of within) {
      marks.push({ agent: r.agent, queue: r.queue, at: at(r.id), paused: r.kind === K.pause, reason: r.reason })
      if (r.iface !== '') ifaces.set(r.agent, r.iface)
    }
    const end = Math.min(q.to, Math.max(q.from, q.now))
    const totals = pauseTotals(marks, q.from, end)
    return new Map([...totals].map(([agent, t]) => [agent, { iface: ifaces.get(agent) ?? '', ...t }]))
  }

  private buckets(
    lo: number,
    idFrom: number,
    idTo: number,
    queueSql: string,
    qArgs: string[],
    thJson: string,
    slOf: string,
    q: ReportQuery,
  ): ReportBucket[] {
    // Counted per UTC quarter-hour in SQL (every zone's offset is a multiple of 15 minutes), then
    // gathered into the PBX's local hours or days here: the CDR chart's way (cdr/db.ts aggregate).
    const rows = this.db
      .prepare(
        `SELECT ((id - ?) / ${String(ID_SLOTS)}) / 900 AS qh,
          sum(kind = ${String(K.join)}) AS offered, sum(kind = ${String(K.connect)}) AS answered, sum(kind = ${String(K.abandon)}) AS abandoned,
          sum(CASE WHEN kind = ${String(K.connect)} THEN wait <= ${slOf} END) AS insl, sum(CASE WHEN kind = ${String(K.connect)} THEN ${slOf} IS NOT NULL END) AS slbase
        FROM queue_event WHERE id >= ? AND id < ? AND kind IN (${[K.join, K.connect, K.abandon].join(', ')})${queueSql}
        GROUP BY qh`,
      )
      .all(lo, thJson, thJson, idFrom, idTo, ...qArgs) as {
      qh: number
      offered: number
      answered: number
      abandoned: number
      insl: number
      slbase: number
    }[]
    type Mutable = { -readonly [K in keyof ReportBucket]: ReportBucket[K] } & { slbase: number }
    const byLabel = new Map<string, Mutable>()
    for (const r of rows) {
      const local = formatLocal(r.qh * 900_000, q.timeZone)
      const day = local.slice(0, 10)
      const label = q.bucket === 'day' ? day : `${local.slice(0, 13)}:00`
      let b = byLabel.get(label)
      if (b === undefined) {
        const start = localToUtcMs(q.bucket === 'day' ? `${day} 00:00:00` : `${label}:00`, q.timeZone)
        b = { start, label, offered: 0, answered: 0, abandoned: 0, answeredInSl: 0, serviceLevelPct: null, slbase: 0 }
        byLabel.set(label, b)
      }
      b.offered += num(r.offered)
      b.answered += num(r.answered)
      b.abandoned += num(r.abandoned)
      b.answeredInSl += num(r.insl)
      b.slbase += num(r.slbase)
    }
    return [...byLabel.values()]
      .sort((a, b) => a.start - b.start)
      .map(({ slbase, ...b }) => ({ ...b, serviceLevelPct: percent(b.answeredInSl, slbase) }))
  }

  /** Retention: removes up to `limit` events older than `beforeMs` of one profile; call again until 0. */
  cleanupStep(beforeMs: number, profileNos: readonly number[], limit = 5000): number {
    const beforeSec = Math.ceil(beforeMs / 1000)
    let deleted = 0
    const last = this.db.prepare('SELECT id FROM queue_event WHERE id >= ? AND id < ? ORDER BY id LIMIT 1 OFFSET ?').pluck()
    const del = this.db.prepare('DELETE FROM queue_event WHERE id >= ? AND id <= ?')
    for (const no of profileNos) {
      if (deleted >= limit) break
      const lo = no * ID_PROFILE_SPAN
      const hi = lo + Math.max(0, beforeSec) * ID_SLOTS
      const upTo =
        (last.get(lo, hi, limit - deleted - 1) as number | undefined) ??
        (this.db.prepare('SELECT max(id) FROM queue_event WHERE id >= ? AND id < ?').pluck().get(lo, hi) as number | null)
      if (upTo === null) continue
      deleted += del.run(lo, upTo).changes
    }
    if (deleted > 0) this.topId.clear()
    return deleted
  }
}

const num = (v: unknown): number => (typeof v === 'number' ? v : 0)
const positive = (v: number | undefined): number | null => (v === undefined || v <= 0 ? null : v)

function invalid(e: QueueEvent): string | undefined {
  if (!Number.isFinite(e.at) || e.at < 0 || e.at >= 2 ** 33 * 1000) return 'no usable time'
  if (!QUEUE_EVENT_KINDS.includes(e.kind)) return `unknown kind ${e.kind as string}`
  if (e.queue === '' || e.queue.length > 200) return 'no queue name'
  if (e.agent.length > 200 || e.callid.length > 200 || e.iface.length > 200 || e.reason.length > 400 || e.caller.length > 200)
    return 'a field is too long'
  return undefined
}

interface QueueFigures {
  queue: string
  offered: number
  answered: number
  abandoned: number
  insl: number
  sl: number | null
  waitSum: number
  waitN: number
  longest: number | null
  completed: number
  talk: number
  abandonedAfter: number[]
}

const quietQueue = (queue: string, sl: number | null): QueueFigures => ({
  queue,
  offered: 0,
  answered: 0,
  abandoned: 0,
  insl: 0,
  sl,
  waitSum: 0,
  waitN: 0,
  longest: null,
  completed: 0,
  talk: 0,
  abandonedAfter: ABANDON_BUCKETS_S.map(() => 0).concat(0),
})

function queueRow(f: QueueFigures): QueueReportRow {
  return {
    queue: f.queue,
    offered: f.offered,
    answered: f.answered,
    abandoned: f.abandoned,
    unansweredOther: Math.max(0, f.offered - f.answered - f.abandoned),
    abandonedAfter: f.abandonedAfter,
    serviceLevelS: f.sl,
    answeredInSl: f.insl,
    serviceLevelPct: f.sl === null ? null : percent(f.insl, f.answered),
    serviceLevelOfferedPct: f.sl === null ? null : percent(f.insl, f.offered),
    avgWaitS: f.waitN > 0 ? Math.round(f.waitSum / f.waitN) : null,
    longestWaitS: f.longest,
    avgTalkS: f.completed > 0 ? Math.round(f.talk / f.completed) : null,
    talkS: f.talk,
  }
}

/** All queues together, from their sums; the service level counts only the queues that have a threshold (others have no "within"). */
export function totalRow(figures: readonly QueueFigures[]): QueueReportRow {
  const sum = (rows: readonly QueueFigures[], f: (r: QueueFigures) => number): number => rows.reduce((a, r) => a + f(r), 0)
  const withSl = figures.filter((r) => r.sl !== null)
  const all = quietQueue('All queues', null)
  const row = queueRow({
    ...all,
    offered: sum(figures, (r) => r.offered),
    answered: sum(figures, (r) => r.answered),
    abandoned: sum(figures, (r) => r.abandoned),
    insl: sum(withSl, (r) => r.insl),
    waitSum: sum(figures, (r) => r.waitSum),
    waitN: sum(figures, (r) => r.waitN),
    longest: figures.reduce<number | null>((a, r) => (r.longest === null ? a : Math.max(a ?? 0, r.longest)), null),
    completed: sum(figures, (r) => r.completed),
    talk: sum(figures, (r) => r.talk),
    abandonedAfter: all.abandonedAfter.map((_, i) => sum(figures, (r) => r.abandonedAfter[i] ?? 0)),
  })
  return {
    ...row,
    serviceLevelPct:
      withSl.length === 0
        ? null
        : percent(
            row.answeredInSl,
            sum(withSl, (r) => r.answered),
          ),
    serviceLevelOfferedPct:
      withSl.length === 0
        ? null
        : percent(
            row.answeredInSl,
            sum(withSl, (r) => r.offered),
          ),
  }
}
