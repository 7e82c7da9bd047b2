import { useEffect, useMemo } from 'react'
import type { AuditEntryView } from '../../../../src-preload/types/audit'
import { type Column, Table } from '../../components/table'
import { fmt, tr } from '../../i18n'
import { useProfilesStore } from '../../stores/profiles-store'
import { reasonCell, seatCell } from './audit-cells'
import { strings } from './strings'

const t = tr(strings)

const RESULT_LABEL = {
  ok: 'audit.result.ok',
  refused: 'audit.result.refused',
  error: 'audit.result.error',
  outcome_unknown: 'audit.result.outcomeUnknown',
} as const

/** To the second: the log orders actions that happen moments apart. */
const WHEN: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'medium' }

/** The columns, made when the log is shown (their headers are in the shown language). */
const auditColumns = (): readonly Column<AuditEntryView>[] => [
  { key: 'time', header: t('audit.col.time'), cellClassName: 'mono', cell: (e) => fmt().custom(Date.parse(e.time), WHEN) },
  { key: 'pbx', header: t('audit.col.pbx'), cell: (e) => e.profileId },
  { key: 'seat', header: t('audit.col.seat'), cell: seatCell },
  { key: 'role', header: t('audit.col.role'), cell: (e) => e.role },
  { key: 'action', header: t('audit.col.action'), cellClassName: 'mono', cell: (e) => e.action },
  { key: 'target', header: t('audit.col.target'), cellClassName: 'mono', cell: (e) => e.target },
  { key: 'endpoint', header: t('audit.col.endpoint'), cellClassName: 'mono', cell: (e) => e.endpoint ?? '' },
  { key: 'result', header: t('audit.col.result'), cell: (e) => <span className={`pill pill-${e.result}`}>{t(RESULT_LABEL[e.result])}</span> },
  { key: 'reason', header: t('audit.col.reason'), cell: reasonCell },
]

/**
 * The append-only audit log, newest first: every operator action and every refusal, with the
 * seat (window or socket, and extension) that acted and the PBX endpoint involved.
 */
export function AuditView(): React.JSX.Element {
  const audit = useProfilesStore((s) => s.audit)
  const loadAudit = useProfilesStore((s) => s.loadAudit)
  const columns = useMemo(() => auditColumns(), [])
  useEffect(() => {
    void loadAudit()
  }, [loadAudit])

  return (
    <section aria-labelledby="audit-title" className="card">
      <div className="row-between">
        <h2 id="audit-title">{t('audit.title')}</h2>
        <button type="button" onClick={() => void loadAudit()}>
          {t('audit.refresh')}
        </button>
      </div>
      <Table
        label={t('audit.title')}
        columns={columns}
        rows={audit}
        rowKey={(e, i) => `${e.time}-${String(i)}`}
        rowClassName={(e) => `result-${e.result}`}
        empty={<p className="muted">{t('audit.empty')}</p>}
      />
    </section>
  )
}
