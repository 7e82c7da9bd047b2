import './agents.css'
import { useEffect, useMemo, useRef, useState } from 'react'
import { cleanCid, formatDuration } from '../../live/format'
import { AddMemberDialog, agentsOf, MembershipDialog, type Agent } from '../../components/queue-members'
import { type Column, nextSort, type SortState, Table } from '../../components/table'
import { StaleNote } from '../../components/StaleNote'
import { Elapsed } from '../../components/Elapsed'
import { useClockStore } from '../../stores/clock-store'
import { useLiveStore } from '../../stores/live-store'
import { useQueuePrefs } from '../../stores/use-queue-prefs'
import { bridge } from '../../bridge/current'
import { whenActionsOn } from '../../actions/action-gate'
import { runAction } from '../../actions/run-action'
import { PauseReasonsEditor } from './PauseReasonsEditor'
import { endSpy, startSpy, switchSpyMode } from '../../actions/spy'
import { extensionsByDevice } from '../../live/talking-at'
import { ownSession, useSupervisionStore } from '../../stores/supervision-store'
import { useToastStore } from '../../stores/toast-store'
import type { SpyMode } from '../../../../src-preload/types/supervision'
import { agentSpies, type AgentSpy } from './agent-spy'
import { AgentSpyCell } from './AgentSpyCell'
import { CallBadges } from '../../components/CallBadges'
import { tr } from '../../i18n'
import { strings } from './strings'

const t = tr(strings)

const SPY_KEYS: Readonly<Record<string, SpyMode>> = { l: 'listen', w: 'whisper', b: 'barge' }

/** L / W / B or a button on an agent: listen in on its call, switch this seat's session on it, or say why not. */
function spyOnAgent(a: Agent, offer: AgentSpy | undefined, mode: SpyMode): void {
  const say = (text: string): void => {
    useToastStore.getState().replace('agent-spy', 'warn', text)
  }
  if (offer === undefined) say(t('notOnCall', { name: a.name }))
  else if (offer.session !== undefined) switchSpyMode(mode)
  else if (offer.refused !== undefined) say(offer.refused)
  else startSpy(offer.call.id, offer.channelId, mode)
}

/**
 * The board's columns, with listening in after the talk time for supervisor and admin seats. A
 * row's offer is its cells' ctx (not read from a map here), so the columns stay the same object
 * from frame to frame and the memoised rows re-render only the agents whose offer or state changed.
 */
function columnsFor(canSupervise: boolean): readonly Column<Agent, AgentSpy | undefined>[] {
  const base = baseColumns()
  if (!canSupervise) return base
  const at = base.findIndex((c) => c.key === 'talk') + 1
  const spy: Column<Agent, AgentSpy | undefined> = {
    key: 'spy',
    header: t('col.spy'),
    cell: (a, offer) => (
      <AgentSpyCell
        agent={a}
        spy={offer}
        onSpy={(mode) => {
          spyOnAgent(a, offer, mode)
        }}
      />
    ),
  }
  // Who listens to the call (and whether it is recorded) beside the party, as the calls list marks it.
  const withMarks = base.map((c): Column<Agent, AgentSpy | undefined> => {
    if (c.key !== 'caller') return c
    return {
      ...c,
      cell: (a, offer) => {
        const call = offer?.call
        return call === undefined ? (
          c.cell(a, undefined)
        ) : (
          <span className="agent-party">
            {c.cell(a, undefined)} <CallBadges call={call} place="row" />
          </span>
        )
      },
    }
  })
  return [...withMarks.slice(0, at), spy, ...withMarks.slice(at)]
}

function partyText(a: Agent): string {
  const p = a.talkingWith
  if (p === undefined) return '—'
  const name = cleanCid(p.name)
  const num = cleanCid(p.number)
  return name !== '' && num !== '' && name !== num ? `${name} ${num}` : name || num || t('unknownCaller')
}

/** Sort keys of the board's columns; times sort by how long (a longer time in state first when descending). */
const SORT_VALUE: Readonly<Record<string, (a: Agent, now: number) => number | string>> = {
  agent: (a) => a.name.toLowerCase(),
  state: (a) => a.stateRank,
  time: (a, now) => (a.stateSince === undefined ? -1 : now - a.stateSince),
  reason: (a) => a.pauseReason.toLowerCase(),
  pausedFor: (a, now) => (a.pausedSince === undefined ? -1 : now - a.pausedSince),
  caller: (a) => partyText(a).toLowerCase(),
  talk: (a, now) => (a.talkSince === undefined ? -1 : now - a.talkSince),
  calls: (a) => a.callsTaken,
  lastCall: (a, now) => (a.lastCallAt === undefined ? Number.MAX_SAFE_INTEGER : now - a.lastCallAt),
}

/** A queue the agent is in, with its penalty and whether it is static or paused there. */
function queueText(q: Agent['queues'][number]): string {
  const s = q.member.membership === 'static'
  const p = q.member.paused
  const key = s && p ? 'queuePenaltyStaticPaused' : s ? 'queuePenaltyStatic' : p ? 'queuePenaltyPaused' : 'queuePenalty'
  return t(key, { queue: q.queue, penalty: String(q.member.penalty) })
}

/** The board's columns, their headers in the shown language. */
const baseColumns = (): readonly Column<Agent, AgentSpy | undefined>[] => [
  {
    key: 'agent',
    header: t('col.agent'),
    sortable: true,
    cell: (a) => (
      <>
        {a.name} {a.extension !== undefined && a.extension !== a.name && <span className="mono muted">{a.extension}</span>}
      </>
    ),
  },
  {
    key: 'state',
    header: t('col.state'),
    sortable: true,
    cell: (a) => <span className={`agent-state rank-${String(a.stateRank)}`}>{a.stateText}</span>,
  },
  { key: 'time', header: t('col.inState'), sortable: true, cell: (a) => <Elapsed since={a.stateSince} /> },
  {
    key: 'reason',
    header: t('col.reason'),
    sortable: true,
    cell: (a) => (a.pauseReason !== '' ? a.pauseReason : a.paused || a.partlyPaused ? t('noReason') : '—'),
  },
  {
    key: 'pausedFor',
    header: t('col.pausedFor'),
    sortable: true,
    cell: (a) => (a.pausedSince === undefined ? '—' : <Elapsed since={a.pausedSince} />),
  },
  { key: 'caller', header: t('col.caller'), sortable: true, cell: (a) => partyText(a) },
  { key: 'talk', header: t('col.talk'), sortable: true, cell: (a) => (a.talkSince === undefined ? '—' : <Elapsed since={a.talkSince} />) },
  { key: 'calls', header: t('col.calls'), sortable: true, cellClassName: 'mono', cell: (a) => a.callsTaken },
  {
    key: 'lastCall',
    header: t('col.lastCall'),
    sortable: true,
    cell: (a) => (a.lastCallAt === undefined ? t('noneYet') : <Elapsed since={a.lastCallAt} />),
  },
  {
    key: 'queues',
    header: t('col.queues'),
    cell: (a) => a.queues.map(queueText).join(', '),
  },
]

/** The selected agent in words: its state and for how long, and why the seat may not listen in on it. */
function selectedText(a: Agent, spy: AgentSpy | undefined, now: number): string {
  const name = a.name
  const state = a.stateText
  const selected =
    a.stateSince === undefined ? t('selected', { name, state }) : t('selectedFor', { name, state, duration: formatDuration(now - a.stateSince) })
  return spy?.refused === undefined ? selected : t('selectedSpyRefused', { selected, reason: spy.refused })
}

/**
 * The agent board (Alt+8): every agent of every queue with what they do now and for how long,
 * sortable, filtered by queue; the membership actions on the selected agent by keyboard.
 */
export function AgentsView(): React.JSX.Element {
  useQueuePrefs()
  const state = useLiveStore((s) => s.state)
  const profileId = useLiveStore((s) => s.profileId)
  const status = useLiveStore((s) => (s.profileId === null ? undefined : s.statuses[s.profileId]))
  const stale = useLiveStore((s) => s.health.stale !== undefined)
  const now = useClockStore((s) => s.now)
  const [queue, setQueue] = useState('')
  const [sort, setSort] = useState<SortState>({ key: 'state', descending: false })
  const [selected, setSelected] = useState<string | null>(null)
  const [dialog, setDialog] = useState<'manage' | 'add' | 'reasons' | null>(null)
  const board = useRef<HTMLElement>(null)
  // The guard in main decides; the board only hides what this seat cannot do.
  const canAct = status !== undefined && status.role !== 'receptionist' && !status.readOnly
  const queues = Object.keys(state.queues).sort()
  const agents = useMemo(() => agentsOf(state, queue === '' ? undefined : queue), [state, queue])
  // Ordered once per second (the clock), so rows do not jump under the keyboard between ticks.
  const second = Math.floor(now / 1000)
  const rows = useMemo(() => {
    const value = SORT_VALUE[sort.key] ?? SORT_VALUE.state
    const at = second * 1000
    const sorted = [...agents].sort((a, b) => {
      const va = value?.(a, at) ?? 0
      const vb = value?.(b, at) ?? 0
      const c = typeof va === 'number' && typeof vb === 'number' ? va - vb : String(va).localeCompare(String(vb))
      return c !== 0 ? c : a.name.localeCompare(b.name)
    })
    return sort.descending ? sorted.reverse() : sorted
  }, [agents, sort, second])
  const current = rows.find((a) => a.iface === selected)
  // Listening in (supervisors and admins): the call each agent's phone talks on, and why the seat may not.
  const canSupervise = status !== undefined && status.role !== 'receptionist'
  const supervision = useSupervisionStore((s) => s.state)
  const devices = useMemo(() => extensionsByDevice(state.extensions), [state.extensions])
  const ownExtension = status?.ownExtension ?? ''
  const offers = useMemo(
    () => (canSupervise ? agentSpies(agents, state, devices, supervision, ownExtension) : undefined),
    [canSupervise, agents, state, devices, supervision, ownExtension],
  )
  const columns = useMemo(() => columnsFor(canSupervise), [canSupervise])
  const currentSpy = current === undefined ? undefined : offers?.get(current.iface)
  useEffect(() => {
    board.current?.focus()
  }, [])
  const move = (to: number): void => {
    const a = rows[Math.max(0, Math.min(rows.length - 1, to))]
    if (a !== undefined) setSelected(a.iface)
  }
  const unpauseAll = (a: Agent): void => {
    if (profileId === null) return
    whenActionsOn(() => {
      void runAction(bridge().invoke('queues.pause', { profileId, iface: a.iface, paused: false }))
    })
  }
  const onKey = (e: React.KeyboardEvent): void => {
    if (dialog !== null || e.altKey || e.ctrlKey || e.metaKey) return
    if ((e.target as HTMLElement).closest('select, input') !== null) return
    const at = rows.findIndex((a) => a.iface === selected)
    const key = e.key.toLowerCase()
    if (key === 'arrowdown') move(at + 1)
    else if (key === 'arrowup') move(at < 0 ? 0 : at - 1)
    else if (key === 'home') move(0)
    else if (key === 'end') move(rows.length - 1)
    else if (key === 'escape') setSelected(null)
    else if ((key === 'enter' || key === 'p' || key === 'm') && canAct && current !== undefined) setDialog('manage')
    else if (key === 'u' && canAct && current !== undefined) unpauseAll(current)
    else if (key === 'a' && canAct) setDialog('add')
    else if (Object.hasOwn(SPY_KEYS, key) && canSupervise && current !== undefined)
      spyOnAgent(current, offers?.get(current.iface), SPY_KEYS[key] as SpyMode)
    else if (key === 'e' && canSupervise && ownSession(supervision) !== undefined) endSpy()
    else return
    e.preventDefault()
  }
  return (
    <section
      ref={board}
      tabIndex={-1}
      className={`view agents-view${stale ? ' is-stale' : ''}`}
      aria-labelledby="agents-title"
      onKeyDown={onKey}
      onClick={(e) => {
        // A click on a row selects its agent (and gives the board the keys).
        const tr = (e.target as HTMLElement).closest('tbody tr')
        if (tr === null || (e.target as HTMLElement).closest('button, select, input, a') !== null) return
        const at = Array.prototype.indexOf.call(tr.parentElement?.children ?? [], tr)
        const a = rows[at]
        if (a !== undefined) {
          setSelected(a.iface)
          board.current?.focus()
        }
      }}
    >
      <div className="row-between">
        <h1 id="agents-title">{t('title')}</h1>
        <div className="agents-tools">
          <label htmlFor="agents-queue">{t('queue')}</label>
          <select
            id="agents-queue"
            value={queue}
            onChange={(e) => {
              setQueue(e.currentTarget.value)
            }}
          >
            <option value="">{t('allQueues')}</option>
            {queues.map((q) => (
              <option key={q} value={q}>
                {q}
              </option>
            ))}
          </select>
          {canAct && (
            <>
              <button
                type="button"
                onClick={() => {
                  setDialog('add')
                }}
              >
                {t('addMember')}
              </button>
              <button
                type="button"
                onClick={() => {
                  setDialog('reasons')
                }}
              >
                {t('pauseReasons')}
              </button>
            </>
          )}
        </div>
      </div>
      <StaleNote />
      <p className="muted small">
        {t('count', { count: rows.length })} · {t('hintSelect')} · {canAct ? t('hintActions') : t('hintNoActions')}
        {canSupervise && ` · ${t('hintSpy')}`}
      </p>
      <Table
        label={t('table')}
        columns={columns}
        rows={rows}
        rowCtx={(a) => offers?.get(a.iface)}
        memoRows
        rowKey={(a) => a.iface}
        rowClassName={(a) => [a.iface === selected ? 'selected' : '', a.paused ? 'member-paused' : ''].filter((c) => c !== '').join(' ') || undefined}
        sort={sort}
        onSort={(key) => {
          setSort(nextSort(sort, key))
        }}
        empty={<p className="card muted">{queue !== '' ? t('emptyIn', { queue }) : t('empty')}</p>}
      />
      {rows.length > 0 && (
        <p className="muted small" aria-live="polite">
          {current === undefined ? t('noneSelected') : selectedText(current, currentSpy, now)}
        </p>
      )}
      {/* Closing a dialog gives the focus back to what opened it (useDialogFocus): the board after A, Enter or P, the button after a click. */}
      {dialog === 'manage' && current !== undefined && (
        <MembershipDialog
          target={current}
          queue={queue === '' ? undefined : queue}
          onClose={() => {
            setDialog(null)
          }}
        />
      )}
      {dialog === 'reasons' && (
        <PauseReasonsEditor
          onClose={() => {
            setDialog(null)
          }}
        />
      )}
      {dialog === 'add' && (
        <AddMemberDialog
          queue={queue === '' ? undefined : queue}
          onClose={() => {
            setDialog(null)
          }}
        />
      )}
    </section>
  )
}
