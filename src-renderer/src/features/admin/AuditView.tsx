import { useEffect } from 'react'
import type { AuditEntryView } from '../../../../src-preload/types/audit'
import { type Column, Table } from '../../components/table'
import { useProfilesStore } from '../../stores/profiles-store'
import { reasonCell, seatCell } from './audit-cells'

const RESULT_LABEL = { ok: 'OK', refused: 'Refused', error: 'Error', outcome_unknown: 'Outcome unknown' } as const

const AUDIT_COLUMNS: readonly Column<AuditEntryView>[] = [
  { key: 'time', header: 'Time', cellClassName: 'mono', cell: (e) => new Date(e.time).toLocaleString() },
  { key: 'pbx', header: 'PBX', cell: (e) => e.profileId },
  { key: 'seat', header: 'Seat', cell: seatCell },
  { key: 'role', header: 'Role', cell: (e) => e.role },
  { key: 'action', header: 'Action', cellClassName: 'mono', cell: (e) => e.action },
  { key: 'target', header: 'Target', cellClassName: 'mono', cell: (e) => e.target },
  { key: 'endpoint', header: 'Endpoint', cellClassName: 'mono', cell: (e) => e.endpoint ?? '' },
  { key: 'result', header: 'Result', cell: (e) => <span className={`pill pill-${e.result}`}>{RESULT_LABEL[e.result]}</span> },
  { key: 'reason', header: 'Reason', cell: reasonCell },
]

/**
 * The append-only audit log, newest first: every operator action and every refusal, with the
 * seat (window or socket, and extension) that acted and the PBX endpoint involved.
 */
export function AuditView(): React.JSX.Element {
  const audit = useProfilesStore((s) => s.audit)
  const loadAudit = useProfilesStore((s) => s.loadAudit)
  useEffect(() => {
    void loadAudit()
  }, [loadAudit])

  return (
    <section aria-labelledby="audit-title" className="card">
      <div className="row-between">
        <h2 id="audit-title">Audit log</h2>
        <button type="button" onClick={() => void loadAudit()}>
          Refresh
        </button>
      </div>
      <Table
        label="Audit log"
        columns={AUDIT_COLUMNS}
        rows={audit}
        rowKey={(e, i) => `${e.time}-${String(i)}`}
        rowClassName={(e) => `result-${e.result}`}
        empty={<p className="muted">Nothing recorded yet.</p>}
      />
    </section>
  )
}
