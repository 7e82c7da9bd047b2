import { useEffect } from 'react'
import { useProfilesStore } from '../../stores/profiles-store'
import { reasonCell, seatCell } from './audit-cells'

const RESULT_LABEL = { ok: 'OK', refused: 'Refused', error: 'Error', outcome_unknown: 'Outcome unknown' } as const

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
      {audit.length === 0 ? (
        <p className="muted">Nothing recorded yet.</p>
      ) : (
        <table className="grid" aria-label="Audit log">
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">PBX</th>
              <th scope="col">Seat</th>
              <th scope="col">Role</th>
              <th scope="col">Action</th>
              <th scope="col">Target</th>
              <th scope="col">Endpoint</th>
              <th scope="col">Result</th>
              <th scope="col">Reason</th>
            </tr>
          </thead>
          <tbody>
            {audit.map((e, i) => (
              <tr key={`${e.time}-${String(i)}`} className={`result-${e.result}`}>
                <td className="mono">{new Date(e.time).toLocaleString()}</td>
                <td>{e.profileId}</td>
                <td>{seatCell(e)}</td>
                <td>{e.role}</td>
                <td className="mono">{e.action}</td>
                <td className="mono">{e.target}</td>
                <td className="mono">{e.endpoint ?? ''}</td>
                <td>
                  <span className={`pill pill-${e.result}`}>{RESULT_LABEL[e.result]}</span>
                </td>
                <td>{reasonCell(e)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
