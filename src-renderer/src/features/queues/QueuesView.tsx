import { useState } from 'react'
import type { LiveQueue, LiveQueueMember } from '../../../../src-preload/types/live'
import { bridge } from '../../bridge/current'
import { useLiveStore } from '../../stores/live-store'
import { useAppStore } from '../../stores/app-store'
import { Elapsed } from '../../components/Elapsed'
import { StaleNote } from '../../components/StaleNote'
import { useActionButton, whenActionsOn } from '../../actions/action-gate'
import { runAction } from '../../actions/run-action'
import { cleanCid } from '../../live/format'

/** Asterisk device-state numbers of queue members, in words. */
const MEMBER_STATUS: Record<number, string> = {
  0: 'Unknown',
  1: 'Available',
  2: 'On a call',
  3: 'Busy',
  4: 'Invalid',
  5: 'Offline',
  6: 'Ringing',
  7: 'Ringing (on a call)',
  8: 'On hold',
}

function MemberRow({ queue, m, canPause }: { queue: string; m: LiveQueueMember; canPause: boolean }): React.JSX.Element {
  const profileId = useLiveStore((s) => s.profileId)
  const [reason, setReason] = useState('')
  const gate = useActionButton()
  const toggle = (): void => {
    if (profileId === null) return
    // The member's state shown may be stale: the pause waits until the PBX is reachable again.
    whenActionsOn(() => {
      void runAction(
        bridge().invoke('queues.pause', { profileId, queue, iface: m.interface, paused: !m.paused, ...(reason !== '' ? { reason } : {}) }),
      ).then(() => { setReason('') })
    })
  }
  return (
    <tr className={m.paused ? 'member-paused' : undefined}>
      <td>{m.name !== '' ? m.name : m.interface}</td>
      <td className="mono muted">{m.interface}</td>
      <td>
        <span className={`member-status status-${String(m.status)}`}>{MEMBER_STATUS[m.status] ?? String(m.status)}</span>
      </td>
      <td>{m.paused ? `Paused${m.pausedReason !== '' ? `: ${m.pausedReason}` : ''}` : '—'}</td>
      <td className="mono">{m.callsTaken}</td>
      <td className="mono">{m.penalty}</td>
      {canPause && (
        <td className="buttons">
          {!m.paused && (
            <input aria-label={`Pause reason for ${m.interface}`} placeholder="Reason" value={reason} maxLength={80} onChange={(e) => { setReason(e.currentTarget.value) }} />
          )}
          <button type="button" onClick={toggle} aria-label={`${m.paused ? 'Unpause' : 'Pause'} ${m.interface} in ${queue}`} {...gate}>
            {m.paused ? 'Unpause' : 'Pause'}
          </button>
        </td>
      )}
    </tr>
  )
}

function QueueCard({ q, canPause, holdAlertSeconds }: { q: LiveQueue; canPause: boolean; holdAlertSeconds: number }): React.JSX.Element {
  const callers = Object.values(q.callers).sort((a, b) => a.position - b.position)
  const members = Object.values(q.members).sort((a, b) => a.interface.localeCompare(b.interface))
  const available = members.filter((m) => !m.paused && m.status === 1).length
  const oldest = callers.reduce<number | undefined>((min, c) => (min === undefined || c.joinedAt < min ? c.joinedAt : min), undefined)
  return (
    <section className="card queue-card" aria-label={`Queue ${q.id}`}>
      <StaleNote />
      <div className="row-between">
        <h2>{q.id}</h2>
        <span className="queue-stats muted small">
          <span>
            <strong className={callers.length > 0 ? 'warn-text' : undefined}>{callers.length}</strong> waiting
          </span>
          <span>
            longest <Elapsed since={oldest} alertAfterS={holdAlertSeconds} />
          </span>
          <span>
            <strong>{available}</strong>/{members.length} available
          </span>
          <span>{q.completed} answered</span>
          <span>{q.abandoned} abandoned</span>
          <span title="Asterisk's running average of the wait before a member answered">avg wait {q.holdtime} s</span>
          <span title="Asterisk's running average of completed calls' talk time">avg talk {q.talkTime} s</span>
          <span title={`Answered calls answered within the service level of ${String(q.serviceLevel)} s`}>SL {q.serviceLevelPerf.toFixed(0)}%</span>
        </span>
      </div>
      {callers.length > 0 && (
        <ol className="queue-callers" aria-label={`Callers waiting in ${q.id}`}>
          {callers.map((c) => (
            <li key={c.channelId}>
              <span className="mono">{c.position}.</span> {cleanCid(c.callerName) || cleanCid(c.callerNum) || 'Unknown'}{' '}
              <span className="mono muted">{cleanCid(c.callerNum)}</span> <Elapsed since={c.joinedAt} alertAfterS={holdAlertSeconds} />
            </li>
          ))}
        </ol>
      )}
      <table className="grid" aria-label={`Members of ${q.id}`}>
        <thead>
          <tr>
            <th scope="col">Member</th>
            <th scope="col">Interface</th>
            <th scope="col">Status</th>
            <th scope="col">Paused</th>
            <th scope="col">Calls</th>
            <th scope="col">Penalty</th>
            {canPause && (
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <MemberRow key={m.interface} queue={q.id} m={m} canPause={canPause} />
          ))}
        </tbody>
      </table>
    </section>
  )
}

/** Queues and agents: who waits and for how long, who is available, paused and why. */
export function QueuesView(): React.JSX.Element {
  const queues = useLiveStore((s) => s.state.queues)
  const status = useLiveStore((s) => (s.profileId === null ? undefined : s.statuses[s.profileId]))
  const holdAlertSeconds = useAppStore((s) => s.settings?.holdAlertSeconds ?? 60)
  // The guard in main decides; the UI only hides what this seat cannot do.
  const canPause = status !== undefined && status.role !== 'receptionist' && !status.readOnly
  const list = Object.values(queues).sort((a, b) => a.id.localeCompare(b.id))
  const stale = useLiveStore((s) => s.health.stale !== undefined)
  return (
    <section className={`view queues-view${stale ? ' is-stale' : ''}`} aria-labelledby="queues-title">
      <h1 id="queues-title">Queues</h1>
      {list.length === 0 && <p className="card muted">No queues reported by this PBX.</p>}
      {list.map((q) => (
        <QueueCard key={q.id} q={q} canPause={canPause} holdAlertSeconds={holdAlertSeconds} />
      ))}
    </section>
  )
}
