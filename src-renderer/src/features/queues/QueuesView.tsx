import { memo, useMemo, useState } from 'react'
import type { LiveQueue, LiveQueueMember } from '../../../../src-preload/types/live'
import { callersInLine } from '../../../../src-preload/types/live-queue-callers'
import { AddMemberDialog, agentsOf, MEMBER_STATUS, MembershipDialog } from '../../components/queue-members'
import { useQueuePrefs } from '../../stores/use-queue-prefs'
import { type Column, Table } from '../../components/table'
import { useLiveStore } from '../../stores/live-store'
import { useAppStore } from '../../stores/app-store'
import { Elapsed } from '../../components/Elapsed'
import { StaleNote } from '../../components/StaleNote'
import { cleanCid } from '../../live/format'
import { useActionButton, whenActionsOn } from '../../actions/action-gate'
import { fmt, tr } from '../../i18n'
import { rich } from '../../i18n/rich'
import { strings } from './strings'

const t = tr(strings)

/** Opens the membership dialog of one member (pause with a reason, penalty, remove), in this queue. */
function ManageButton({ queue, m }: { queue: string; m: LiveQueueMember }): React.JSX.Element {
  const [open, setOpen] = useState(false)
  // While the PBX is out of reach (or the state stale) the button is off with the reason, like every action.
  const gate = useActionButton()
  // The live state is selected as is (a selector must not make a new array each time it runs),
  // and the agents are worked out from it only while the dialog is open.
  const state = useLiveStore((s) => (open ? s.state : null))
  const target = useMemo(() => (state === null ? undefined : agentsOf(state).find((a) => a.iface === m.interface)), [state, m.interface])
  return (
    <>
      <button
        type="button"
        onClick={() => {
          whenActionsOn(() => {
            setOpen(true)
          })
        }}
        aria-label={t(m.paused ? 'unpauseMember' : 'pauseMember', { member: m.name !== '' ? m.name : m.interface, queue })}
        {...gate}
      >
        {m.paused ? t('unpause') : t('pause')}
      </button>
      {open && target !== undefined && (
        <MembershipDialog
          target={target}
          queue={queue}
          onClose={() => {
            setOpen(false)
          }}
        />
      )}
    </>
  )
}

/** The members' columns, their headers in the shown language. */
const memberColumnsBase = (): readonly Column<LiveQueueMember>[] => [
  { key: 'member', header: t('col.member'), cell: (m) => (m.name !== '' ? m.name : m.interface) },
  { key: 'interface', header: t('col.interface'), cellClassName: 'mono muted', cell: (m) => m.interface },
  {
    key: 'status',
    header: t('col.status'),
    cell: (m) => <span className={`member-status status-${String(m.status)}`}>{MEMBER_STATUS[m.status] ?? String(m.status)}</span>,
  },
  {
    key: 'membership',
    header: t('col.membership'),
    cellClassName: 'muted',
    cell: (m) => (m.membership === 'static' ? t('static') : m.membership === 'dynamic' ? t('dynamic') : m.membership),
  },
  {
    key: 'paused',
    header: t('col.paused'),
    cell: (m) => (m.paused ? (m.pausedReason !== '' ? t('pausedWhy', { reason: m.pausedReason }) : t('paused')) : '—'),
  },
  { key: 'calls', header: t('col.calls'), cellClassName: 'mono', cell: (m) => m.callsTaken },
  { key: 'penalty', header: t('col.penalty'), cellClassName: 'mono', cell: (m) => m.penalty },
]

/** The members' columns; with the pause controls for a seat that may pause. */
function memberColumns(queue: string, canPause: boolean): readonly Column<LiveQueueMember>[] {
  const base = memberColumnsBase()
  if (!canPause) return base
  return [
    ...base,
    { key: 'actions', header: t('col.actions'), hiddenHeader: true, cellClassName: 'buttons', cell: (m) => <ManageButton queue={queue} m={m} /> },
  ]
}

/** A queue's card; memoised, so a live frame re-renders the cards of the queues it changed (a patch keeps the others' objects). */
const QueueCard = memo(function QueueCard({
  q,
  canPause,
  holdAlertSeconds,
}: {
  q: LiveQueue
  canPause: boolean
  holdAlertSeconds: number
}): React.JSX.Element {
  const [adding, setAdding] = useState(false)
  const gate = useActionButton()
  // Per callers and members object: a patch keeps those of an untouched queue, so they are not sorted again.
  const callers = callersInLine(q.callers)
  const members = useMemo(() => Object.values(q.members).sort((a, b) => a.interface.localeCompare(b.interface)), [q.members])
  const available = members.filter((m) => !m.paused && m.status === 1).length
  const oldest = callers.reduce<number | undefined>((min, { caller: c }) => (min === undefined || c.joinedAt < min ? c.joinedAt : min), undefined)
  return (
    <section className="card queue-card" aria-label={t('card', { queue: q.id })}>
      <StaleNote />
      <div className="row-between">
        <h2>{q.id}</h2>
        {canPause && (
          <button
            type="button"
            onClick={() => {
              whenActionsOn(() => {
                setAdding(true)
              })
            }}
            {...gate}
          >
            {t('addMember')}
          </button>
        )}
        <span className="queue-stats muted small">
          <span>
            {rich(t('waiting', { n: String(callers.length) }), {
              b: (n) => <strong className={callers.length > 0 ? 'warn-text' : undefined}>{n}</strong>,
            })}
          </span>
          <span>
            {t('longest')} <Elapsed since={oldest} alertAfterS={holdAlertSeconds} />
          </span>
          <span>{rich(t('available', { available: String(available), members: String(members.length) }), { b: (n) => <strong>{n}</strong> })}</span>
          <span>{t('answered', { n: String(q.completed) })}</span>
          <span>{t('abandoned', { n: String(q.abandoned) })}</span>
          <span title={t('avgWaitTitle')}>{t('avgWait', { seconds: String(q.holdtime) })}</span>
          <span title={t('avgTalkTitle')}>{t('avgTalk', { seconds: String(q.talkTime) })}</span>
          <span title={q.serviceLevel > 0 ? t('serviceLevelTitle', { seconds: String(q.serviceLevel) }) : t('serviceLevelNone')}>
            {t('serviceLevel', { value: q.serviceLevel > 0 && q.completed > 0 ? fmt().percent(q.serviceLevelPerf / 100) : '—' })}
          </span>
        </span>
      </div>
      {callers.length > 0 && (
        <ol className="queue-callers" aria-label={t('callers', { queue: q.id })}>
          {callers.map(({ caller: c, position }) => (
            <li key={c.channelId}>
              <span className="mono">{position}.</span> {cleanCid(c.callerName) || cleanCid(c.callerNum) || t('unknown')}{' '}
              <span className="mono muted">{cleanCid(c.callerNum)}</span> <Elapsed since={c.joinedAt} alertAfterS={holdAlertSeconds} />
            </li>
          ))}
        </ol>
      )}
      <Table
        label={t('members', { queue: q.id })}
        columns={memberColumns(q.id, canPause)}
        rows={members}
        rowKey={(m) => m.interface}
        rowClassName={(m) => (m.paused ? 'member-paused' : undefined)}
      />
      {adding && (
        <AddMemberDialog
          queue={q.id}
          onClose={() => {
            setAdding(false)
          }}
        />
      )}
    </section>
  )
})

/** Queues and agents: who waits and for how long, who is available, paused and why. */
export function QueuesView(): React.JSX.Element {
  useQueuePrefs()
  const queues = useLiveStore((s) => s.state.queues)
  const status = useLiveStore((s) => (s.profileId === null ? undefined : s.statuses[s.profileId]))
  const holdAlertSeconds = useAppStore((s) => s.settings?.holdAlertSeconds ?? 60)
  // The guard in main decides; the UI only hides what this seat cannot do.
  const canPause = status !== undefined && status.role !== 'receptionist' && !status.readOnly
  const list = Object.values(queues).sort((a, b) => a.id.localeCompare(b.id))
  const stale = useLiveStore((s) => s.health.stale !== undefined)
  return (
    <section className={`view queues-view${stale ? ' is-stale' : ''}`} aria-labelledby="queues-title">
      <h1 id="queues-title">{t('title')}</h1>
      {list.length === 0 && <p className="card muted">{t('none')}</p>}
      {list.map((q) => (
        <QueueCard key={q.id} q={q} canPause={canPause} holdAlertSeconds={holdAlertSeconds} />
      ))}
    </section>
  )
}
