import './reports.css'
import { useEffect, useMemo, useRef, useState } from 'react'
import type { AgentReportRow, QueueReport, QueueReportRow, ReportOptions } from '../../../../src-preload/types/reports'
import { ABANDON_BUCKETS_S } from '../../../../src-preload/types/reports'
import { bridge } from '../../bridge/current'
import { type Column, nextSort, type SortState, Table } from '../../components/table'
import { fmt, tr } from '../../i18n'
import { useLiveStore } from '../../stores/live-store'
import { useToastStore } from '../../stores/toast-store'
import { importParts } from './import-parts'
import { ReportChart } from './ReportChart'
import { bucketFor, customRange, dayOf, pct, PRESETS, presetLabel, presetRange, type RangePreset, type ReportRange, seconds } from './report-range'
import { strings } from './strings'

const t = tr(strings)

/**
 * queue_log goes in parts cut at line ends: at most 250,000 characters, so that a part in JSON stays
 * under web mode's 1 MiB socket frame even when every character takes three bytes (the contract allows 500,000).
 */
const IMPORT_PART_CHARS = 250_000

const abandonLabels = ABANDON_BUCKETS_S.map((b, i) =>
  i === 0 ? `≤ ${String(b)} s` : `${String(ABANDON_BUCKETS_S[i - 1] ?? 0)}–${String(b)} s`,
).concat(`> ${String(ABANDON_BUCKETS_S[ABANDON_BUCKETS_S.length - 1] ?? 0)} s`)

/** A count in the locale's digits (1,234 / 1.234 / 1 234). */
const n = (v: number): string => fmt().number(v)

/** A count with its share of the offered calls: `3 (23.1 %)`. */
const withShare = (count: number, offered: number): string =>
  offered > 0 ? `${n(count)} (${pct(Math.round((count / offered) * 1000) / 10)})` : n(count)

/** The queues table's columns, their words in the shown language (made when the view mounts). */
const queueColumns = (): readonly Column<QueueReportRow>[] => [
  { key: 'queue', header: t('queue'), sortable: true, cell: (r) => r.queue },
  { key: 'offered', header: t('offered'), sortable: true, cellClassName: 'num', cell: (r) => n(r.offered) },
  { key: 'answered', header: t('answered'), sortable: true, cellClassName: 'num', cell: (r) => n(r.answered) },
  {
    key: 'abandoned',
    header: t('abandoned'),
    sortable: true,
    cellClassName: 'num',
    cell: (r) => withShare(r.abandoned, r.offered),
    cellTitle: (r) => abandonLabels.map((l, i) => `${l}: ${n(r.abandonedAfter[i] ?? 0)}`).join(' · '),
  },
  { key: 'other', header: t('timedOut'), sortable: true, cellClassName: 'num', cell: (r) => n(r.unansweredOther) },
  {
    key: 'sl',
    header: t('serviceLevel'),
    sortable: true,
    cellClassName: 'num',
    cell: (r) =>
      r.serviceLevelS === null ? (
        <span title={t('slNoneSetTitle')}>{t('slNoneSet')}</span>
      ) : (
        t('slCell', { pct: pct(r.serviceLevelPct), seconds: r.serviceLevelS })
      ),
    cellTitle: (r) =>
      r.serviceLevelS === null
        ? undefined
        : t('slTitle', { inSl: n(r.answeredInSl), answered: n(r.answered), seconds: r.serviceLevelS, pct: pct(r.serviceLevelOfferedPct) }),
  },
  { key: 'avgWait', header: t('avgWait'), sortable: true, cellClassName: 'num', cell: (r) => seconds(r.avgWaitS) },
  { key: 'longestWait', header: t('longestWait'), sortable: true, cellClassName: 'num', cell: (r) => seconds(r.longestWaitS) },
  { key: 'avgTalk', header: t('avgTalk'), sortable: true, cellClassName: 'num', cell: (r) => seconds(r.avgTalkS) },
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
  a.pauseByReason.length === 0 ? '—' : a.pauseByReason.map((p) => `${p.reason === '' ? t('noReason') : p.reason} ${seconds(p.seconds)}`).join(' · ')

/** The agents table's columns, their words in the shown language (made when the view mounts). */
const agentColumns = (): readonly Column<AgentReportRow>[] => [
  {
    key: 'agent',
    header: t('agent'),
    sortable: true,
    cell: (a) => (
      <>
        {a.agent} {a.iface !== '' && a.iface !== a.agent && <span className="mono muted small">{a.iface}</span>}
      </>
    ),
  },
  { key: 'rung', header: t('rung'), sortable: true, cellClassName: 'num', cell: (a) => n(a.rung) },
  { key: 'answered', header: t('answered'), sortable: true, cellClassName: 'num', cell: (a) => n(a.answered) },
  { key: 'rna', header: t('notAnswered'), sortable: true, cellClassName: 'num', cell: (a) => n(a.ringNoAnswer) },
  { key: 'avgTalk', header: t('avgTalk'), sortable: true, cellClassName: 'num', cell: (a) => seconds(a.avgTalkS) },
  { key: 'talk', header: t('talkTotal'), sortable: true, cellClassName: 'num', cell: (a) => seconds(a.talkS) },
  { key: 'avgWait', header: t('callersWaited'), sortable: true, cellClassName: 'num', cell: (a) => seconds(a.avgWaitS) },
  { key: 'paused', header: t('paused'), sortable: true, cellClassName: 'num', cell: (a) => (a.pausedS === 0 ? '—' : seconds(a.pausedS)) },
  { key: 'reasons', header: t('pauseByReason'), cell: pauseText },
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
  // A change of language remounts the app, so the columns' words are read once per mount.
  const queueCols = useMemo(() => queueColumns(), [])
  const agentCols = useMemo(() => agentColumns(), [])
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
      push('ok', t('exportStarted'))
    } else if (r.value.kind === 'saved') push('ok', t('exportSaved', { count: r.value.rows, path: r.value.path }))
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
        setImportNote(t('importFailed', { file: file.name, reason: r.error.message }))
        return
      }
      inserted += r.value.inserted
      duplicates += r.value.duplicates
      rejected += r.value.rejectedCount
      const first = r.value.rejected[0]
      firstRejected ??= first === undefined ? undefined : t('firstRefused', { line: n(first.line), reason: first.reason })
    }
    const counts = { file: file.name, count: inserted, duplicates: n(duplicates) }
    setImportNote(rejected > 0 ? t('importedRefused', { ...counts, refused: n(rejected), first: firstRejected ?? '' }) : t('imported', counts))
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

  if (profileId === null) return <p className="muted">{t('noPbx')}</p>
  if (!allowed) {
    return (
      <section className="view reports-view" aria-labelledby="reports-title">
        <h1 id="reports-title">{t('title')}</h1>
        <p className="muted">{t('receptionist')}</p>
      </section>
    )
  }
  const shownRange = 'error' in range ? null : range
  const customFrom = choice.kind === 'custom' ? choice.fromDay : shownRange === null ? '' : dayOf(shownRange.from, timeZone)
  const customTo = choice.kind === 'custom' ? choice.toDay : shownRange === null ? '' : dayOf(shownRange.to - 1, timeZone)
  const offline = status.ami !== 'connected'
  const withSl = report !== null && report.queues.some((q) => q.serviceLevelS !== null)
  const total = report?.total
  const abandonMax = Math.max(1, ...(total?.abandonedAfter ?? [0]))
  // The status line: each part a whole phrase, the parts separated by a dot.
  const stored =
    options === null
      ? null
      : options.storedFrom == null
        ? t('stored', { count: options.events })
        : t('storedSince', { count: options.events, date: fmt().date(options.storedFrom) })
  const statusLine = [offline ? t('offline') : null, stored, report === null ? null : t('readIn', { count: report.events, ms: n(report.tookMs) })]
    .filter((part) => part !== null)
    .join(' · ')

  return (
    <section className="view reports-view" aria-labelledby="reports-title" onKeyDown={onKeyDown} tabIndex={-1}>
      <div className="row-between">
        <h1 id="reports-title">{t('title')}</h1>
        <span className="muted small" role="status">
          {statusLine}
        </span>
      </div>
      <div className="card reports-controls" role="search" aria-label={t('controls')}>
        <div className="quick" role="group" aria-label={t('range')}>
          {PRESETS.map((p) => (
            <button
              key={p.id}
              type="button"
              aria-pressed={choice.kind === 'preset' && choice.preset === p.id}
              title={t('presetTitle', { label: presetLabel(p.id), key: p.key.toUpperCase() })}
              onClick={() => {
                setNow(Date.now())
                setChoice({ kind: 'preset', preset: p.id })
              }}
            >
              {presetLabel(p.id)}
            </button>
          ))}
        </div>
        <label>
          <span>{t('from')}</span>
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
          <span>{t('to')}</span>
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
          <span>{t('queue')}</span>
          <select
            aria-label={t('queue')}
            value={queue}
            onChange={(e) => {
              setQueue(e.currentTarget.value)
            }}
          >
            <option value="">{t('allQueues')}</option>
            {(options?.queues ?? []).map((q) => (
              <option key={q.name} value={q.name}>
                {q.serviceLevelS !== null ? t('queueWithSl', { name: q.name, seconds: q.serviceLevelS }) : q.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('agent')}</span>
          <select
            aria-label={t('agent')}
            value={agent}
            onChange={(e) => {
              setAgent(e.currentTarget.value)
            }}
          >
            <option value="">{t('allAgents')}</option>
            {(options?.agents ?? []).map((a) => (
              <option key={a.name} value={a.name}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <div className="reports-actions">
          <button type="button" onClick={() => void exportCsv()} disabled={request === null} title={t('exportTitle')}>
            {t('exportButton')}
          </button>
          <button
            type="button"
            title={t('importTitle')}
            onClick={() => {
              fileInput.current?.click()
            }}
          >
            {t('importButton')}
          </button>
          <input
            ref={fileInput}
            type="file"
            hidden
            aria-label={t('importFile')}
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
      {report !== null && total !== undefined && (
        <>
          <div className="report-figures" role="group" aria-label={t('figures')}>
            <Figure label={t('offered')} value={n(total.offered)} />
            <Figure label={t('answered')} value={n(total.answered)} />
            <Figure label={t('abandoned')} value={withShare(total.abandoned, total.offered)} />
            <Figure label={t('serviceLevel')} value={pct(total.serviceLevelPct)} note={withSl ? t('slNote') : t('slNoneChosen')} />
            <Figure label={t('avgWait')} value={seconds(total.avgWaitS)} />
            <Figure label={t('longestWait')} value={seconds(total.longestWaitS)} />
            <Figure label={t('avgTalk')} value={seconds(total.avgTalkS)} />
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
              <h2 id="reports-queues">{t('queues')}</h2>
              <Table
                label={t('queues')}
                columns={queueCols}
                rows={sorted(report.queues, queueSort, QUEUE_SORT)}
                rowKey={(r) => r.queue}
                empty={<p className="muted">{loading ? t('reading') : t('noQueueCalls')}</p>}
                sort={queueSort}
                onSort={(key) => {
                  setQueueSort((s) => nextSort(s, key))
                }}
              />
            </section>
            <section className="card abandon-card" aria-labelledby="reports-abandon">
              <h2 id="reports-abandon">{t('abandonedAfter')}</h2>
              <ul className="abandon-bars">
                {abandonLabels.map((l, i) => {
                  const count = total.abandonedAfter[i] ?? 0
                  return (
                    <li key={l}>
                      <span className="abandon-label">{l}</span>
                      <span className="abandon-track">
                        <span className="abandon-fill" style={{ width: `${String((count / abandonMax) * 100)}%` }} />
                      </span>
                      <span className="num">{n(count)}</span>
                    </li>
                  )
                })}
              </ul>
            </section>
          </div>
          <section className="card" aria-labelledby="reports-agents">
            <h2 id="reports-agents">{t('agents')}</h2>
            <Table
              label={t('agents')}
              columns={agentCols}
              rows={sorted(report.agents, agentSort, AGENT_SORT)}
              rowKey={(a) => a.agent}
              empty={<p className="muted">{t('noAgents')}</p>}
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
