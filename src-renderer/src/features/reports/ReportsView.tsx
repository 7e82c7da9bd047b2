import './reports.css'
import { useEffect, useMemo, useRef, useState } from 'react'
import type { AgentReportRow, QueueReport, QueueReportRow, ReportOptions } from '../../../../src-preload/types/reports'
import { ABANDON_BUCKETS_S } from '../../../../src-preload/types/reports'
import { bridge } from '../../bridge/current'
import { type Column, nextSort, type SortState, Table } from '../../components/table'
import { useLiveStore } from '../../stores/live-store'
import { useToastStore } from '../../stores/toast-store'
import { importParts } from './import-parts'
import { ReportChart } from './ReportChart'
import { bucketFor, customRange, dayOf, pct, PRESETS, presetRange, type RangePreset, type ReportRange, seconds } from './report-range'

/**
 * queue_log goes in parts cut at line ends: at most 250,000 characters, so that a part in JSON stays
 * under web mode's 1 MiB socket frame even when every character takes three bytes (the contract allows 500,000).
 */
const IMPORT_PART_CHARS = 250_000

const abandonLabels = ABANDON_BUCKETS_S.map((b, i) =>
  i === 0 ? `≤ ${String(b)} s` : `${String(ABANDON_BUCKETS_S[i - 1] ?? 0)}–${String(b)} s`,
).concat(`> ${String(ABANDON_BUCKETS_S[ABANDON_BUCKETS_S.length - 1] ?? 0)} s`)

const QUEUE_COLUMNS: readonly Column<QueueReportRow>[] = [
  { key: 'queue', header: 'Queue', sortable: true, cell: (r) => r.queue },
  { key: 'offered', header: 'Offered', sortable: true, cellClassName: 'num', cell: (r) => r.offered },
  { key: 'answered', header: 'Answered', sortable: true, cellClassName: 'num', cell: (r) => r.answered },
  {
    key: 'abandoned',
    header: 'Abandoned',
    sortable: true,
    cellClassName: 'num',
    cell: (r) => (r.offered > 0 ? `${String(r.abandoned)} (${pct(Math.round((r.abandoned / r.offered) * 1000) / 10)})` : r.abandoned),
    cellTitle: (r) => abandonLabels.map((l, i) => `${l}: ${String(r.abandonedAfter[i] ?? 0)}`).join(' · '),
  },
  { key: 'other', header: 'Timed out / left', sortable: true, cellClassName: 'num', cell: (r) => r.unansweredOther },
  {
    key: 'sl',
    header: 'Service level',
    sortable: true,
    cellClassName: 'num',
    cell: (r) =>
      r.serviceLevelS === null ? (
        <span title="The PBX names no service level for this queue">none set</span>
      ) : (
        `${pct(r.serviceLevelPct)} ≤ ${String(r.serviceLevelS)} s`
      ),
    cellTitle: (r) =>
      r.serviceLevelS === null
        ? undefined
        : `${String(r.answeredInSl)} of ${String(r.answered)} answered within ${String(r.serviceLevelS)} s; of all offered: ${pct(r.serviceLevelOfferedPct)}`,
  },
  { key: 'avgWait', header: 'Avg wait', sortable: true, cellClassName: 'num', cell: (r) => seconds(r.avgWaitS) },
  { key: 'longestWait', header: 'Longest wait', sortable: true, cellClassName: 'num', cell: (r) => seconds(r.longestWaitS) },
  { key: 'avgTalk', header: 'Avg talk', sortable: true, cellClassName: 'num', cell: (r) => seconds(r.avgTalkS) },
]

const QUEUE_SORT: Readonly<Record<string, (r: QueueReportRow) => number | string>> = {
  queue: (r) => r.queue,
  offered: (r) => r.offered,
  answered: (r) => r.answered,
  abandoned: (r) => r.abandoned,
  other: (r) => r.unansweredOther,
  sl: (r) => r.serviceLevelPct ?? -1,
  avgWait: (r) => r.avgWaitS ?? -1,
  longestWait: (r) => r.longestWaitS ?? -1,
  avgTalk: (r) => r.avgTalkS ?? -1,
}

const pauseText = (a: AgentReportRow): string =>
  a.pauseByReason.length === 0 ? '—' : a.pauseByReason.map((p) => `${p.reason === '' ? 'No reason' : p.reason} ${seconds(p.seconds)}`).join(' · ')

const AGENT_COLUMNS: readonly Column<AgentReportRow>[] = [
  {
    key: 'agent',
    header: 'Agent',
    sortable: true,
    cell: (a) => (
      <>
        {a.agent} {a.iface !== '' && a.iface !== a.agent && <span className="mono muted small">{a.iface}</span>}
      </>
    ),
  },
  { key: 'rung', header: 'Rung', sortable: true, cellClassName: 'num', cell: (a) => a.rung },
  { key: 'answered', header: 'Answered', sortable: true, cellClassName: 'num', cell: (a) => a.answered },
  { key: 'rna', header: 'Not answered', sortable: true, cellClassName: 'num', cell: (a) => a.ringNoAnswer },
  { key: 'avgTalk', header: 'Avg talk', sortable: true, cellClassName: 'num', cell: (a) => seconds(a.avgTalkS) },
  { key: 'talk', header: 'Talk total', sortable: true, cellClassName: 'num', cell: (a) => seconds(a.talkS) },
  { key: 'avgWait', header: 'Callers waited', sortable: true, cellClassName: 'num', cell: (a) => seconds(a.avgWaitS) },
  { key: 'paused', header: 'Paused', sortable: true, cellClassName: 'num', cell: (a) => (a.pausedS === 0 ? '—' : seconds(a.pausedS)) },
  { key: 'reasons', header: 'Pause by reason', cell: pauseText },
]

const AGENT_SORT: Readonly<Record<string, (a: AgentReportRow) => number | string>> = {
  agent: (a) => a.agent.toLowerCase(),
  rung: (a) => a.rung,
  answered: (a) => a.answered,
  rna: (a) => a.ringNoAnswer,
  avgTalk: (a) => a.avgTalkS ?? -1,
  talk: (a) => a.talkS,
  avgWait: (a) => a.avgWaitS ?? -1,
  paused: (a) => a.pausedS,
}

function sorted<R>(rows: readonly R[], sort: SortState, by: Readonly<Record<string, (r: R) => number | string>>): R[] {
  const f = by[sort.key]
  if (f === undefined) return [...rows]
  return [...rows].sort((a, b) => {
    const x = f(a)
    const y = f(b)
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y))
    return sort.descending ? -c : c
  })
}

type RangeChoice =
  { readonly kind: 'preset'; readonly preset: RangePreset } | { readonly kind: 'custom'; readonly fromDay: string; readonly toDay: string }

const typing = (t: EventTarget | null): boolean =>
  t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(t.tagName))

function download(url: string): void {
  const a = document.createElement('a')
  a.href = url
  a.download = ''
  document.body.append(a)
  a.click()
  a.remove()
}

/** Queue and agent reports over a range, from the console's own store (also with the PBX unreachable). */
export function ReportsView(): React.JSX.Element {
  const profileId = useLiveStore((s) => s.profileId)
  const status = useLiveStore((s) => (s.profileId === null ? undefined : s.statuses[s.profileId]))
  const [options, setOptions] = useState<ReportOptions | null>(null)
  const [choice, setChoice] = useState<RangeChoice>({ kind: 'preset', preset: 'today' })
  const [queue, setQueue] = useState('')
  const [agent, setAgent] = useState('')
  const [report, setReport] = useState<QueueReport | null>(null)
  const [error, setError] = useState<string | null>(null)
  // Bumped to read again (R, after an import); the range's presets are taken at this instant.
  const [reads, setReads] = useState(0)
  const [now, setNow] = useState(() => Date.now())
  const [queueSort, setQueueSort] = useState<SortState>({ key: 'offered', descending: true })
  const [agentSort, setAgentSort] = useState<SortState>({ key: 'answered', descending: true })
  const [importNote, setImportNote] = useState<string | null>(null)
  const fileInput = useRef<HTMLInputElement>(null)
  const allowed = status !== undefined && status.role !== 'receptionist'
  const timeZone = options?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone

  const range: ReportRange | { error: string } = useMemo(
    () => (choice.kind === 'preset' ? presetRange(choice.preset, now, timeZone) : customRange(choice.fromDay, choice.toDay, timeZone)),
    [choice, timeZone, now],
  )
  const request = useMemo(() => {
    if (profileId === null || 'error' in range) return null
    return {
      profileId,
      from: range.from,
      to: range.to,
      queues: queue === '' ? [] : [queue],
      agents: agent === '' ? [] : [agent],
      bucket: bucketFor(range),
    }
  }, [profileId, range, queue, agent])

  const [loadedFor, setLoadedFor] = useState<unknown>(null)
  const loading = loadedFor !== request

  useEffect(() => {
    if (profileId === null || !allowed) return
    let current = true
    void bridge()
      .invoke('reports.options', { profileId })
      .then((r) => {
        if (!current) return
        if (r.ok) setOptions(r.value)
        else setError(r.error.message)
      })
    return () => {
      current = false
    }
  }, [profileId, allowed, reads])

  useEffect(() => {
    if (request === null || !allowed) return
    let current = true
    void bridge()
      .invoke('reports.run', request)
      .then((r) => {
        if (!current) return
        setLoadedFor(request)
        if (r.ok) {
          setReport(r.value)
          setError(null)
        } else setError(r.error.message)
      })
    return () => {
      current = false
    }
  }, [request, allowed, reads])

  const readAgain = (): void => {
    setNow(Date.now())
    setReads((n) => n + 1)
  }

  const exportCsv = async (): Promise<void> => {
    if (request === null) return
    const push = useToastStore.getState().push
    const r = await bridge().invoke('reports.export', request)
    if (!r.ok) push('error', r.error.message)
    else if (r.value.kind === 'download') {
      download(r.value.url)
      push('ok', 'Report export started')
    } else if (r.value.kind === 'saved') push('ok', `Saved the report (${String(r.value.rows)} rows) to ${r.value.path}`)
  }

  const importFile = async (file: File): Promise<void> => {
    if (profileId === null) return
    const text = await file.text()
    let inserted = 0
    let duplicates = 0
    let rejected = 0
    let firstRejected: string | undefined
    for (const part of importParts(text, IMPORT_PART_CHARS)) {
      const r = await bridge().invoke('reports.importQueueLog', { profileId, text: part })
      if (!r.ok) {
        setImportNote(`${file.name}: ${r.error.message}`)
        return
      }
      inserted += r.value.inserted
      duplicates += r.value.duplicates
      rejected += r.value.rejectedCount
      firstRejected ??= r.value.rejected[0] === undefined ? undefined : `line ${String(r.value.rejected[0].line)}: ${r.value.rejected[0].reason}`
    }
    setImportNote(
      `${file.name}: ${String(inserted)} new events, ${String(duplicates)} already kept` +
        (rejected > 0 ? `, ${String(rejected)} lines refused (${firstRejected ?? ''})` : ''),
    )
    readAgain()
  }

  const onKeyDown = (e: React.KeyboardEvent): void => {
    if (e.altKey || e.ctrlKey || e.metaKey || typing(e.target)) return
    const key = e.key.toLowerCase()
    const preset = PRESETS.find((p) => p.key === key)
    if (preset !== undefined) {
      setNow(Date.now())
      setChoice({ kind: 'preset', preset: preset.id })
    } else if (key === 'x') void exportCsv()
    else if (key === 'i') fileInput.current?.click()
    else if (key === 'u') readAgain()
    else return
    e.preventDefault()
  }

  if (profileId === null) return <p className="muted">No PBX selected.</p>
  if (!allowed) {
    return (
      <section className="view reports-view" aria-labelledby="reports-title">
        <h1 id="reports-title">Reports</h1>
        <p className="muted">Queue and agent reports are for supervisors and admins; this seat is a receptionist.</p>
      </section>
    )
  }
  const shownRange = 'error' in range ? null : range
  const customFrom = choice.kind === 'custom' ? choice.fromDay : shownRange === null ? '' : dayOf(shownRange.from, timeZone)
  const customTo = choice.kind === 'custom' ? choice.toDay : shownRange === null ? '' : dayOf(shownRange.to - 1, timeZone)
  const offline = status.ami !== 'connected'
  const withSl = report !== null && report.queues.some((q) => q.serviceLevelS !== null)
  const t = report?.total
  const abandonMax = Math.max(1, ...(t?.abandonedAfter ?? [0]))

  return (
    <section className="view reports-view" aria-labelledby="reports-title" onKeyDown={onKeyDown} tabIndex={-1}>
      <div className="row-between">
        <h1 id="reports-title">Reports</h1>
        <span className="muted small" role="status">
          {offline ? 'PBX unreachable — from the local store · ' : ''}
          {options !== null ? `${options.events.toLocaleString()} queue events stored` : ''}
          {options?.storedFrom != null ? ` since ${new Date(options.storedFrom).toLocaleDateString()}` : ''}
          {report !== null ? ` · ${report.events.toLocaleString()} read in ${String(report.tookMs)} ms` : ''}
        </span>
      </div>
      <div className="card reports-controls" role="search" aria-label="Report range and filters">
        <div className="quick" role="group" aria-label="Range">
          {PRESETS.map((p) => (
            <button
              key={p.id}
              type="button"
              aria-pressed={choice.kind === 'preset' && choice.preset === p.id}
              title={`${p.label} (${p.key.toUpperCase()})`}
              onClick={() => {
                setNow(Date.now())
                setChoice({ kind: 'preset', preset: p.id })
              }}
            >
              {p.label}
            </button>
          ))}
        </div>
        <label>
          <span>From</span>
          <input
            type="date"
            value={customFrom}
            onChange={(e) => {
              const v = e.currentTarget.value
              setChoice({ kind: 'custom', fromDay: v, toDay: customTo === '' ? v : customTo })
            }}
          />
        </label>
        <label>
          <span>To</span>
          <input
            type="date"
            value={customTo}
            onChange={(e) => {
              const v = e.currentTarget.value
              setChoice({ kind: 'custom', fromDay: customFrom === '' ? v : customFrom, toDay: v })
            }}
          />
        </label>
        <label>
          <span>Queue</span>
          <select
            aria-label="Queue"
            value={queue}
            onChange={(e) => {
              setQueue(e.currentTarget.value)
            }}
          >
            <option value="">All queues</option>
            {(options?.queues ?? []).map((q) => (
              <option key={q.name} value={q.name}>
                {q.name}
                {q.serviceLevelS !== null ? ` (service level ${String(q.serviceLevelS)} s)` : ''}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>Agent</span>
          <select
            aria-label="Agent"
            value={agent}
            onChange={(e) => {
              setAgent(e.currentTarget.value)
            }}
          >
            <option value="">All agents</option>
            {(options?.agents ?? []).map((a) => (
              <option key={a.name} value={a.name}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <div className="reports-actions">
          <button type="button" onClick={() => void exportCsv()} disabled={request === null} title="Export CSV (X)">
            Export CSV
          </button>
          <button
            type="button"
            title="Import a copy of the PBX's queue_log (I)"
            onClick={() => {
              fileInput.current?.click()
            }}
          >
            Import queue_log…
          </button>
          <input
            ref={fileInput}
            type="file"
            hidden
            aria-label="queue_log file"
            onChange={(e) => {
              const f = e.currentTarget.files?.[0]
              e.currentTarget.value = ''
              if (f !== undefined) void importFile(f)
            }}
          />
        </div>
      </div>
      {'error' in range && (
        <p role="alert" className="error-text">
          {range.error}
        </p>
      )}
      {error !== null && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      {importNote !== null && (
        <p className="small" role="status">
          {importNote}
        </p>
      )}
      {report !== null && t !== undefined && (
        <>
          <div className="report-figures" role="group" aria-label="All queues chosen">
            <Figure label="Offered" value={String(t.offered)} />
            <Figure label="Answered" value={String(t.answered)} />
            <Figure
              label="Abandoned"
              value={`${String(t.abandoned)}${t.offered > 0 ? ` (${pct(Math.round((t.abandoned / t.offered) * 1000) / 10)})` : ''}`}
            />
            <Figure
              label="Service level"
              value={pct(t.serviceLevelPct)}
              note={withSl ? 'answered within each queue’s threshold' : 'no queue chosen has one'}
            />
            <Figure label="Avg wait" value={seconds(t.avgWaitS)} />
            <Figure label="Longest wait" value={seconds(t.longestWaitS)} />
            <Figure label="Avg talk" value={seconds(t.avgTalkS)} />
          </div>
          <ReportChart
            buckets={report.buckets}
            from={report.from}
            to={report.to}
            bucket={report.bucket}
            timeZone={report.timeZone}
            withServiceLevel={withSl}
          />
          <div className="reports-grid">
            <section className="card" aria-labelledby="reports-queues">
              <h2 id="reports-queues">Queues</h2>
              <Table
                label="Queues"
                columns={QUEUE_COLUMNS}
                rows={sorted(report.queues, queueSort, QUEUE_SORT)}
                rowKey={(r) => r.queue}
                empty={<p className="muted">{loading ? 'Reading…' : 'No queue calls in this range.'}</p>}
                sort={queueSort}
                onSort={(key) => {
                  setQueueSort((s) => nextSort(s, key))
                }}
              />
            </section>
            <section className="card abandon-card" aria-labelledby="reports-abandon">
              <h2 id="reports-abandon">Abandoned after</h2>
              <ul className="abandon-bars">
                {abandonLabels.map((l, i) => {
                  const n = t.abandonedAfter[i] ?? 0
                  return (
                    <li key={l}>
                      <span className="abandon-label">{l}</span>
                      <span className="abandon-track">
                        <span className="abandon-fill" style={{ width: `${String((n / abandonMax) * 100)}%` }} />
                      </span>
                      <span className="num">{n}</span>
                    </li>
                  )
                })}
              </ul>
            </section>
          </div>
          <section className="card" aria-labelledby="reports-agents">
            <h2 id="reports-agents">Agents</h2>
            <Table
              label="Agents"
              columns={AGENT_COLUMNS}
              rows={sorted(report.agents, agentSort, AGENT_SORT)}
              rowKey={(a) => a.agent}
              empty={<p className="muted">No agent answered, was rung or paused in this range.</p>}
              sort={agentSort}
              onSort={(key) => {
                setAgentSort((s) => nextSort(s, key))
              }}
            />
          </section>
        </>
      )}
    </section>
  )
}

function Figure({ label, value, note }: { label: string; value: string; note?: string }): React.JSX.Element {
  return (
    <div className="report-figure" title={note}>
      <span className="report-figure-value">{value}</span>
      <span className="report-figure-label small muted">{label}</span>
    </div>
  )
}
