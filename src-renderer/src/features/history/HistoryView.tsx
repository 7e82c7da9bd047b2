import { callbackNumber } from './callback'
import { useCallback, useEffect, useMemo, useState } from 'react'
import type { CdrRow } from '../../../../src-preload/types/cdr'
import { bridge } from '../../bridge/current'
import { type Column, VirtualTable } from '../../components/table'
import { defaultHistoryFilter, startOfToday, toContractFilter, useHistoryStore } from '../../stores/history-store'
import { useLiveStore } from '../../stores/live-store'
import { useToastStore } from '../../stores/toast-store'
import { runAction } from '../../actions/run-action'
import { cleanCid } from '../../live/format'
import { historyDetail, resultLabel, waitTalk } from './call-times'
import { HistoryChart } from './HistoryChart'
import { NoPbxYet } from '../../components/NoPbxYet'
import { fmt, tr } from '../../i18n'
import { strings as commonStrings } from '../../../../src-preload/i18n/strings/common'
import { strings } from './strings'

const t = tr(strings)
const common = tr(commonStrings)

const ROW_HEIGHT = 34
const DAY = 86_400_000

const toDateInput = (ms: number): string => {
  const d = new Date(ms)
  return `${String(d.getFullYear())}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}
const fromDateInput = (v: string): number | undefined => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v)
  return m === null ? undefined : new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])).getTime()
}

/** The history's columns; `onCallBack` places the call-back (bound to the shown PBX). */
function historyColumns(onCallBack: (n: string) => void, ownExtension: string): readonly Column<CdrRow>[] {
  return [
    {
      key: 'time',
      header: t('col.time'),
      width: '130px',
      cellClassName: 'mono',
      cell: (r) => fmt().custom(r.start, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }),
    },
    {
      key: 'direction',
      header: t('col.direction'),
      width: '90px',
      cellTitle: (r) => t(`dirTitle.${r.direction}`),
      cell: (r) => (r.direction === 'inbound' ? t('dir.in') : r.direction === 'outbound' ? t('dir.out') : t('dir.internal')),
    },
    {
      key: 'from',
      header: t('col.from'),
      width: 'minmax(140px, 1.3fr)',
      cellClassName: 'party',
      cell: (r) => {
        const who = cleanCid(r.cnam)
        return (
          <>
            <span className="party-primary">{who !== '' ? who : r.src}</span>
            {who !== '' && <span className="party-secondary mono">{r.src}</span>}
          </>
        )
      },
    },
    {
      key: 'to',
      header: t('col.to'),
      width: 'minmax(110px, 1fr)',
      cellClassName: 'mono',
      cell: (r) => `${r.dst}${r.queue !== null ? ` · ${r.queue}` : ''}`,
    },
    {
      key: 'result',
      header: t('col.result'),
      width: '100px',
      cell: (r) => <span className={r.missed ? 'pill pill-error' : 'pill pill-ok'}>{resultLabel(r)}</span>,
    },
    {
      key: 'wait',
      header: t('col.wait'),
      width: '60px',
      cellClassName: 'mono',
      cellTitle: () => t('waitTitle'),
      cell: (r) => waitTalk(r).wait,
    },
    {
      key: 'talk',
      header: t('col.talk'),
      width: '60px',
      cellClassName: 'mono',
      cellTitle: (r) => (r.talk === null ? t('talkTitle.unknown') : t('talkTitle.known')),
      cell: (r) => waitTalk(r).talk,
    },
    {
      key: 'actions',
      header: t('col.actions'),
      hiddenHeader: true,
      width: '90px',
      cell: (r) => {
        const number = callbackNumber(r, ownExtension)
        return (
          number !== '' && (
            <button
              type="button"
              className="small-button"
              aria-label={t('callBackLabel', { number })}
              onClick={(e) => {
                e.stopPropagation()
                onCallBack(number)
              }}
            >
              {t('callBack')}
            </button>
          )
        )
      },
    },
  ]
}

/** Call history from the local cache: works with the PBX unreachable ("cached as of"). */
export function HistoryView(): React.JSX.Element {
  const profileId = useLiveStore((s) => s.profileId)
  const status = useLiveStore((s) => (s.profileId === null ? undefined : s.statuses[s.profileId]))
  const ownExtension = status?.ownExtension ?? ''
  const { filter, rows, cursor, loading, buckets, stats, error, setFilter, load, loadMore } = useHistoryStore()
  const [selectedId, setSelectedId] = useState<number | null>(null)
  const selected = selectedId === null ? undefined : rows.find((r) => r.id === selectedId)

  useEffect(() => {
    if (profileId !== null) void load(profileId)
  }, [profileId, filter, load])
  // Infinite scroll: the next keyset page when the last rows come into view.
  const onLastRendered = useCallback(
    (lastIndex: number): void => {
      if (profileId !== null && cursor !== null && lastIndex >= rows.length - 20) void loadMore(profileId)
    },
    [profileId, cursor, rows.length, loadMore],
  )
  const columns = useMemo(
    () =>
      historyColumns((destination) => {
        if (profileId !== null) void runAction(bridge().invoke('calls.originate', { profileId, destination, confirmEmergency: false }))
      }, ownExtension),
    [profileId, ownExtension],
  )

  if (profileId === null) return <NoPbxYet what={t('noPbx')} />
  const offline = status?.ami !== 'connected'

  const exportCsv = async (): Promise<void> => {
    const r = await bridge().invoke('history.export', { filter: toContractFilter(profileId, filter) })
    const push = useToastStore.getState().push
    if (!r.ok) push('error', r.error.message)
    else if (r.value.kind === 'download') {
      const a = document.createElement('a')
      a.href = r.value.url
      a.download = ''
      document.body.append(a)
      a.click()
      a.remove()
      push('ok', t('exportStarted'))
    } else if (r.value.kind === 'saved') push('ok', t('exportSaved', { count: r.value.rows, path: r.value.path }))
  }

  return (
    <section className="view history-view" aria-labelledby="history-title">
      <div className="row-between">
        <h1 id="history-title">{t('title')}</h1>
        <span className="muted small" role="status">
          {offline && stats?.lastIngestMs != null ? t('cachedAsOf', { time: fmt().dateTime(stats.lastIngestMs) }) : ''}
          {stats !== null ? t('cachedCalls', { count: stats.rows }) : ''}
        </span>
      </div>
      <div className="card history-filters" role="search" aria-label={t('filter.label')}>
        <div className="quick">
          <button
            type="button"
            onClick={() => {
              setFilter({ ...defaultHistoryFilter(), from: startOfToday(), to: startOfToday() + DAY, outcome: 'missed' })
            }}
          >
            {t('filter.missedToday')}
          </button>
          <button
            type="button"
            disabled={status === undefined}
            onClick={() => {
              setFilter({ ...defaultHistoryFilter(), extension: status?.ownExtension ?? '' })
            }}
          >
            {t('filter.myCalls')}
          </button>
          <button
            type="button"
            onClick={() => {
              setFilter(defaultHistoryFilter())
            }}
          >
            {t('filter.lastWeek')}
          </button>
        </div>
        <label>
          <span>{t('filter.from')}</span>
          <input
            type="date"
            value={toDateInput(filter.from)}
            onChange={(e) => {
              const v = fromDateInput(e.currentTarget.value)
              if (v !== undefined) setFilter({ from: v })
            }}
          />
        </label>
        <label>
          <span>{t('filter.to')}</span>
          <input
            type="date"
            value={toDateInput(filter.to - DAY)}
            onChange={(e) => {
              const v = fromDateInput(e.currentTarget.value)
              if (v !== undefined) setFilter({ to: v + DAY })
            }}
          />
        </label>
        <label>
          <span>{t('filter.text')}</span>
          <input
            type="search"
            aria-label={t('filter.text')}
            value={filter.text}
            onChange={(e) => {
              setFilter({ text: e.currentTarget.value })
            }}
          />
        </label>
        <label>
          <span>{t('filter.direction')}</span>
          <select
            value={filter.direction}
            onChange={(e) => {
              setFilter({ direction: e.currentTarget.value as typeof filter.direction })
            }}
          >
            <option value="">{t('filter.all')}</option>
            <option value="inbound">{t('filter.inbound')}</option>
            <option value="outbound">{t('filter.outbound')}</option>
            <option value="internal">{t('filter.internal')}</option>
          </select>
        </label>
        <label>
          <span>{t('filter.outcome')}</span>
          <select
            value={filter.outcome}
            onChange={(e) => {
              setFilter({ outcome: e.currentTarget.value as typeof filter.outcome })
            }}
          >
            <option value="">{t('filter.all')}</option>
            <option value="answered">{t('filter.answered')}</option>
            <option value="missed">{t('filter.missed')}</option>
          </select>
        </label>
        <label>
          <span>{t('filter.minSeconds')}</span>
          <input
            type="number"
            min={0}
            max={86400}
            value={filter.minDuration}
            onChange={(e) => {
              const n = Number(e.currentTarget.value)
              if (Number.isInteger(n) && n >= 0) setFilter({ minDuration: n })
            }}
          />
        </label>
        <button type="button" onClick={() => void exportCsv()}>
          {t('exportCsv')}
        </button>
      </div>
      <HistoryChart buckets={buckets} from={filter.from} to={filter.to} bucket={filter.to - filter.from <= 2 * DAY ? 'hour' : 'day'} />
      {error !== null && (
        <p role="alert" className="error-text">
          {error.message}
        </p>
      )}
      <VirtualTable
        label={t('table.label')}
        className="history-table"
        columns={columns}
        rows={rows}
        rowKey={(r) => r.id}
        rowHeight={ROW_HEIGHT}
        empty={
          loading ? undefined : stats?.rows === 0 ? (
            <p className="empty muted">{t('emptyNone')}</p>
          ) : (
            <p className="empty muted">{t('emptyFilter')}</p>
          )
        }
        selection={{ selected: selectedId, onSelect: setSelectedId }}
        onLastRendered={onLastRendered}
      />
      {selected !== undefined && (
        <section className="card history-detail" aria-label={t('details')}>
          <div className="row-between">
            <h2>{t('details')}</h2>
            <button
              type="button"
              className="small-button"
              onClick={() => {
                setSelectedId(null)
              }}
            >
              {common('close')}
            </button>
          </div>
          <dl>
            {historyDetail(selected).map(([label, value, mono]) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd className={mono === true ? 'mono' : undefined}>{value}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}
    </section>
  )
}
