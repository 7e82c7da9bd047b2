// The queue events in the CDR database file (migration 6), synchronous: runs in the CDR worker
// beside CdrDatabase, on the same connection, never on the app's main thread.
import type Database from 'better-sqlite3'
import { ID_PROFILE_SPAN, ID_SLOTS } from '../cdr/migrations'
import { formatLocal, localToUtcMs, assertTimeZone } from '../cdr/time'
import type { AgentReportRow, PauseByReason, QueueReport, QueueReportRow, ReportBucket, ReportOptions } from '../../../src-preload/types/reports'
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
      same: db
        .prepare('SELECT callid FROM queue_event INDEXED BY queue_event_agent WHERE kind = ? AND agent = ? AND id >= ? AND id < ? AND queue = ?')
        .pluck(),
      // One queue's events of one kind over a range, each kind with only the sums it needs (@sl: its service level, -1 for none).
      countOf: db
        .prepare('SELECT count(*) FROM queue_event INDEXED BY queue_event_queue WHERE kind = @kind AND queue = @queue AND id >= @from AND id < @to')
        .pluck(),
      connects: db.prepare(`SELECT count(*) AS n, sum(wait <= @sl) AS insl, sum(wait) AS waitsum, count(wait) AS waitn, max(wait) AS longest
        FROM queue_event INDEXED BY queue_event_queue WHERE kind = ${String(K.connect)} AND queue = @queue AND id >= @from AND id < @to`),
      abandons: db.prepare(`SELECT count(*) AS n, max(wait) AS longest, ${abandonColumns()}
        FROM queue_event INDEXED BY queue_event_queue WHERE kind = ${String(K.abandon)} AND queue = @queue AND id >= @from AND id < @to`),
      exits: db.prepare(`SELECT count(*) AS n, max(wait) AS longest
        FROM queue_event INDEXED BY queue_event_queue WHERE kind = ${String(K.exit)} AND queue = @queue AND id >= @from AND id < @to`),
      completes: db.prepare(`SELECT count(*) AS n, sum(talk) AS talk
        FROM queue_event INDEXED BY queue_event_queue WHERE kind = ${String(K.complete)} AND queue = @queue AND id >= @from AND id < @to`),
      perBucket: db.prepare(`SELECT kind, count(*) AS n, sum(wait <= @sl) AS insl FROM queue_event INDEXED BY queue_event_queue
        WHERE kind IN (${[K.join, K.abandon, K.connect].join(', ')}) AND queue = @queue AND id >= @from AND id < @to GROUP BY kind`),
      // One member's figures of each kind (in the queues chosen: @queues, a JSON list, or null for all).
      perAgent: db.prepare(`SELECT kind, count(*) AS n, sum(wait) AS waitsum, count(wait) AS waitn, sum(talk) AS talk
        FROM queue_event INDEXED BY queue_event_agent
        WHERE kind IN (${[K.called, K.connect, K.ringnoanswer, K.complete].join(', ')}) AND agent = @agent AND id >= @from AND id < @to
          AND (@queues IS NULL OR queue IN (SELECT value FROM json_each(@queues))) GROUP BY kind`),
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
            e.agent,
            base - SAME_EVENT_WINDOW_S * ID_SLOTS,
            base + (SAME_EVENT_WINDOW_S + 1) * ID_SLOTS,
            e.queue,
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
    // Two statements: SQLite answers a lone min() or max() from the primary key's end, both together by a scan.
    const a = this.db
      .prepare('SELECT min(id) FROM queue_event WHERE id >= ? AND id < ?')
      .pluck()
      .get(lo, lo + ID_PROFILE_SPAN) as number | null
    const b = this.db
      .prepare('SELECT max(id) FROM queue_event WHERE id >= ? AND id < ?')
      .pluck()
      .get(lo, lo + ID_PROFILE_SPAN) as number | null
    const at = (id: number | null): number | null => (id === null ? null : Math.floor((id - lo) / ID_SLOTS) * 1000)
    return { storedFrom: at(a), storedTo: at(b) }
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
    const idOf = (ms: number): number => lo + Math.max(0, Math.ceil(ms / 1000)) * ID_SLOTS
    const idFrom = idOf(q.from)
    const idTo = idOf(q.to)
    const th = this.thresholds(no)
    const seen = this.seen(no)
    const queueNames = q.queues.length > 0 ? [...q.queues] : [...new Set([...seen.queues, ...th.keys()])]
    // Each queue on its own, from the index that holds its events of a kind in time order: no table
    // reads and no sorting, so a month of a busy PBX is read in one pass over the rows it covers.
    const figures: QueueFigures[] = []
    let events = 0
    for (const queue of queueNames) {
      const f = quietQueue(queue, positive(th.get(queue)))
      const range = { queue, from: idFrom, to: idTo }
      f.offered = this.s.countOf.get({ ...range, kind: K.join }) as number
      const c = this.s.connects.get({ ...range, sl: f.sl ?? -1 }) as Record<string, number | null>
      f.answered = num(c.n)
      f.insl = f.sl === null ? 0 : num(c.insl)
      f.waitSum = num(c.waitsum)
      f.waitN = num(c.waitn)
      const a = this.s.abandons.get(range) as Record<string, number | null>
      f.abandoned = num(a.n)
      f.abandonedAfter = ABANDON_BUCKETS_S.map((_, i) => num(a[`a${String(i)}`])).concat(num(a[`a${String(ABANDON_BUCKETS_S.length)}`]))
      const x = this.s.exits.get(range) as Record<string, number | null>
      const done = this.s.completes.get(range) as Record<string, number | null>
      f.completed = num(done.n)
      f.talk = num(done.talk)
      const longest = [c.longest, a.longest, x.longest].filter((w): w is number => typeof w === 'number')
      f.longest = longest.length > 0 ? Math.max(...longest) : null
      events += f.offered + f.answered + f.abandoned + num(x.n) + f.completed
      figures.push(f)
    }
    // Every queue seen is asked; one quiet in the range is shown only when it was chosen ("nothing happened" reads as such).
    const shown = q.queues.length > 0 ? figures : figures.filter((f) => f.offered + f.answered + f.abandoned + f.completed > 0)
    const queues = shown.map(queueRow).sort((a, b) => b.offered - a.offered || a.queue.localeCompare(b.queue))
    const agentNames = q.agents.length > 0 ? [...q.agents] : seen.agents.map((a) => a.name)
    const agents = this.agents(no, idFrom, idTo, agentNames, seen.agents, q)
    const buckets = this.buckets(lo, shown, q)
    return { ...started, queues, total: totalRow(shown), agents, buckets, events, ...this.storedRange(no) }
  }

  /** The queues and members the profile ever had events of (the pickers, and "all" in a report). */
  private seen(no: number): { queues: string[]; agents: { name: string; iface: string }[] } {
    const rows = this.db.prepare('SELECT what, name, iface FROM queue_seen WHERE profile_no = ? ORDER BY name').all(no) as {
      what: number
      name: string
      iface: string
    }[]
    return {
      queues: rows.filter((r) => r.what === SEEN_QUEUE).map((r) => r.name),
      agents: rows.filter((r) => r.what === SEEN_AGENT).map((r) => ({ name: r.name, iface: r.iface })),
    }
  }

  private agents(
    no: number,
    idFrom: number,
    idTo: number,
    names: readonly string[],
    known: readonly { name: string; iface: string }[],
    q: ReportQuery,
  ): AgentReportRow[] {
    const ifaceOf = new Map(known.map((a) => [a.name, a.iface]))
    const queues = q.queues.length > 0 ? JSON.stringify(q.queues) : null
    const pauses = this.pauses(no, idFrom, idTo, q)
    const rows: AgentReportRow[] = []
    for (const agent of names) {
      let rung = 0
      let answered = 0
      let ringNoAnswer = 0
      let completed = 0
      let talkS = 0
      let avgWaitS: number | null = null
      for (const r of this.s.perAgent.all({ agent, from: idFrom, to: idTo, queues }) as Record<string, number | null>[]) {
        const kind = num(r.kind)
        const n = num(r.n)
        if (kind === K.called) rung = n
        else if (kind === K.ringnoanswer) ringNoAnswer = n
        else if (kind === K.connect) {
          answered = n
          avgWaitS = num(r.waitn) > 0 ? Math.round(num(r.waitsum) / num(r.waitn)) : null
        } else if (kind === K.complete) {
          completed = n
          talkS = num(r.talk)
        }
      }
      const p = pauses.get(agent)
      const pausedS = p?.total ?? 0
      if (rung + answered + ringNoAnswer + completed + pausedS === 0 && !q.agents.includes(agent)) continue
      rows.push({
        agent,
        iface: ifaceOf.get(agent) || (p?.iface ?? ''),
        rung,
        answered,
        ringNoAnswer,
        completed,
        talkS,
        avgTalkS: completed > 0 ? Math.round(talkS / completed) : null,
        avgWaitS,
        pausedS,
        pauseByReason: p?.byReason ?? [],
      })
    }
    return rows.sort((a, b) => b.answered - a.answered || a.agent.localeCompare(b.agent))
  }

  /** Pause time per member in the range: the state each (member, queue) had when it began, then its pause events. */
  private pauses(no: number, idFrom: number, idTo: number, q: ReportQuery): Map<string, { iface: string; total: number; byReason: PauseByReason[] }> {
    const lo = no * ID_PROFILE_SPAN
    const kinds = `kind IN (${String(K.pause)}, ${String(K.unpause)}, ${String(K.removed)})`
    const queueSql = q.queues.length > 0 ? ' AND queue IN (SELECT value FROM json_each(?))' : ''
    const agentSql = q.agents.length > 0 ? ' AND agent IN (SELECT value FROM json_each(?))' : ''
    const args = [...(q.queues.length > 0 ? [JSON.stringify(q.queues)] : []), ...(q.agents.length > 0 ? [JSON.stringify(q.agents)] : [])]
    interface Row {
      agent: string
      queue: string
      kind: number
      reason: string
      iface: string
      id: number
    }
    // Each (member, queue)'s last pause event before the range: bare columns come from the max(id) row.
    const before = this.db
      .prepare(
        `SELECT agent, queue, kind, reason, iface, max(id) AS id FROM queue_event INDEXED BY queue_event_pause
         WHERE ${kinds} AND id >= ? AND id < ?${queueSql}${agentSql} GROUP BY agent, queue`,
      )
      .all(lo, idFrom, ...args) as Row[]
    const within = this.db
      .prepare(
        `SELECT agent, queue, kind, reason, iface, id FROM queue_event WHERE ${kinds} AND id >= ? AND id < ?${queueSql}${agentSql} ORDER BY id`,
      )
      .all(idFrom, idTo, ...args) as Row[]
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

  /** The range cut into the PBX's local hours or days; each queue's joins, answers (within its service level) and abandons per piece. */
  private buckets(lo: number, queues: readonly QueueFigures[], q: ReportQuery): ReportBucket[] {
    const edges = localEdges(q.from, q.to, q.bucket, q.timeZone)
    const out: ReportBucket[] = []
    for (let i = 0; i + 1 < edges.length; i++) {
      const start = edges[i] ?? 0
      const idFrom = lo + Math.max(0, Math.ceil(start / 1000)) * ID_SLOTS
      const idTo = lo + Math.max(0, Math.ceil((edges[i + 1] ?? 0) / 1000)) * ID_SLOTS
      let offered = 0
      let answered = 0
      let abandoned = 0
      let insl = 0
      let slBase = 0
      for (const f of queues) {
        for (const r of this.s.perBucket.all({ sl: f.sl ?? -1, queue: f.queue, from: idFrom, to: idTo }) as {
          kind: number
          n: number
          insl: number | null
        }[]) {
          if (r.kind === K.join) offered += r.n
          else if (r.kind === K.abandon) abandoned += r.n
          else {
            answered += r.n
            if (f.sl !== null) {
              insl += num(r.insl)
              slBase += r.n
            }
          }
        }
      }
      if (offered + answered + abandoned === 0) continue
      const local = formatLocal(start, q.timeZone)
      // A bucket is named by the local hour or day it covers (the first one may start mid-hour: the range's start).
      const label = q.bucket === 'day' ? local.slice(0, 10) : `${local.slice(0, 13)}:00`
      out.push({ start, label, offered, answered, abandoned, answeredInSl: insl, serviceLevelPct: percent(insl, slBase) })
    }
    return out
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

/** sum(…) AS a0 … aN: abandons per ABANDON_BUCKETS_S bucket (wait ≤ the first bound, …, beyond the last). */
function abandonColumns(): string {
  const b = ABANDON_BUCKETS_S
  const cols = b.map((upper, i) => `sum(wait > ${String(i === 0 ? -1 : (b[i - 1] ?? 0))} AND wait <= ${String(upper)}) AS a${String(i)}`)
  return [...cols, `sum(wait > ${String(b[b.length - 1] ?? 0)}) AS a${String(b.length)}`].join(', ')
}

function nextDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number)
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + 1)).toISOString().slice(0, 10)
}

/** The instants the PBX's local hours or days start at within [from, to), with both ends. */
export function localEdges(from: number, to: number, bucket: 'hour' | 'day', timeZone: string): number[] {
  const edges = [from]
  const local = formatLocal(from, timeZone)
  let next = localToUtcMs(bucket === 'hour' ? `${local.slice(0, 13)}:00:00` : `${local.slice(0, 10)} 00:00:00`, timeZone)
  // A year of hours at most (the contract bounds a range to a year).
  for (let guard = 0; guard < 9000; guard++) {
    next =
      bucket === 'hour' ? next + 3_600_000 : localToUtcMs(`${nextDay(formatLocal(next + 12 * 3_600_000, timeZone).slice(0, 10))} 00:00:00`, timeZone)
    if (next >= to) break
    if (next > (edges.at(-1) ?? from)) edges.push(next)
  }
  edges.push(to)
  return edges
}
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
