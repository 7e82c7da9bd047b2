import { useEffect, useRef, useState } from 'react'
import { PENALTY_MAX } from '../../../../src-preload/types/queues'
import { bridge } from '../../bridge/current'
import { useActionButton, whenActionsOn } from '../../actions/action-gate'
import { runAction } from '../../actions/run-action'
import { useAppStore } from '../../stores/app-store'
import { useLiveStore } from '../../stores/live-store'
import { useQueuePrefsStore } from '../../stores/queue-prefs-store'
import { ModalDialog } from '../ModalDialog'
import type { AgentQueue } from './agents'
import { PauseReasonField } from './PauseReasonField'
import { strings as common } from '../../../../src-preload/i18n/strings/common'
import { tr } from '../../i18n'
import { rich } from '../../i18n/rich'
import { strings } from './strings'

const t = tr(strings)
const tc = tr(common)

/** One queue of the scope list: "support (static, penalty 2, paused: Lunch)". */
function queueOption(q: AgentQueue): string {
  const m = q.member
  const args = { queue: q.queue, penalty: String(m.penalty), reason: m.pausedReason }
  const fixed = m.membership === 'static'
  if (!m.paused) return t(fixed ? 'm.queueStatic' : 'm.queueDynamic', args)
  if (m.pausedReason === '') return t(fixed ? 'm.queueStaticPaused' : 'm.queueDynamicPaused', args)
  return t(fixed ? 'm.queueStaticPausedWhy' : 'm.queueDynamicPausedWhy', args)
}

/** Where a change applies: one queue, or every queue the member is in (AMI without Queue). */
const ALL = '\u0000all'

export interface MembershipTarget {
  readonly iface: string
  readonly name: string
  readonly queues: readonly AgentQueue[]
}

/**
 * One member's membership, by keyboard: pause or unpause with a reason, set the penalty, in one
 * queue or all of them; remove a dynamic member from a queue. A static member is said to be one,
 * with where it can be changed (Configuration → Queue members persists through FreePBX).
 */
export function MembershipDialog({
  target,
  queue,
  onClose,
}: {
  target: MembershipTarget
  /** The queue the dialog opens on; all queues when undefined. */
  queue?: string | undefined
  onClose: () => void
}): React.JSX.Element {
  const profileId = useLiveStore((s) => s.profileId)
  const reasons = useQueuePrefsStore((s) => s.prefs.pauseReasons)
  const [scope, setScope] = useState(queue ?? (target.queues.length > 1 ? ALL : (target.queues[0]?.queue ?? ALL)))
  const inScope = scope === ALL ? target.queues : target.queues.filter((q) => q.queue === scope)
  const one = scope === ALL ? undefined : inScope[0]
  const [reason, setReason] = useState('')
  const [penalty, setPenalty] = useState(String(one?.member.penalty ?? target.queues[0]?.member.penalty ?? 0))
  const gate = useActionButton()
  const first = useRef<HTMLSelectElement>(null)
  useEffect(() => {
    first.current?.focus()
  }, [])
  const queueArg = scope === ALL ? {} : { queue: scope }
  const act = (run: () => Promise<{ ok: boolean }>): void => {
    whenActionsOn(() => {
      void run().then((r) => {
        if (r.ok) onClose()
      })
    })
  }
  const pause = (paused: boolean): void => {
    if (profileId === null) return
    const why = reason.trim()
    act(() =>
      runAction(bridge().invoke('queues.pause', { profileId, ...queueArg, iface: target.iface, paused, ...(why !== '' ? { reason: why } : {}) })),
    )
  }
  const penaltyValue = /^[0-9]{1,2}$/.test(penalty.trim()) ? Number(penalty.trim()) : undefined
  const setPenaltyNow = (): void => {
    if (profileId === null || penaltyValue === undefined) return
    act(() => runAction(bridge().invoke('queues.penalty', { profileId, ...queueArg, iface: target.iface, penalty: penaltyValue })))
  }
  const remove = (): void => {
    if (profileId === null || one === undefined) return
    act(() => runAction(bridge().invoke('queues.remove', { profileId, queue: one.queue, iface: target.iface })))
  }
  const anyPaused = inScope.some((q) => q.member.paused)
  const allPaused = inScope.length > 0 && inScope.every((q) => q.member.paused)
  return (
    <ModalDialog
      label={t('m.label', { name: target.name })}
      className="membership-dialog"
      onClose={onClose}
      onSubmit={() => {
        pause(!allPaused)
      }}
    >
      <p className="prompt-title">
        {target.name} <span className="mono muted">{target.iface}</span>
      </p>
      <div className="field">
        <label htmlFor="membership-scope">{t('m.in')}</label>
        <select
          id="membership-scope"
          ref={first}
          value={scope}
          onChange={(e) => {
            setScope(e.currentTarget.value)
          }}
        >
          {target.queues.length > 1 && <option value={ALL}>{t('m.all', { queues: target.queues.map((q) => q.queue).join(', ') })}</option>}
          {target.queues.map((q) => (
            <option key={q.queue} value={q.queue}>
              {queueOption(q)}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="membership-row">
        <legend>{t('m.pause')}</legend>
        <PauseReasonField reasons={reasons} value={reason} onChange={setReason} />
        <div className="buttons">
          <button type="submit" className={allPaused ? undefined : 'primary'} {...gate} disabled={allPaused}>
            {t('m.pause')}
          </button>
          <button
            type="button"
            onClick={() => {
              pause(false)
            }}
            disabled={!anyPaused}
            {...gate}
          >
            {t('m.unpause')}
          </button>
        </div>
      </fieldset>
      <fieldset className="membership-row">
        <legend>{t('m.penalty')}</legend>
        <div className="field">
          <label htmlFor="membership-penalty">{t('penalty')}</label>
          <input
            id="membership-penalty"
            inputMode="numeric"
            value={penalty}
            aria-invalid={penaltyValue === undefined}
            onChange={(e) => {
              setPenalty(e.currentTarget.value)
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault()
                setPenaltyNow()
              }
            }}
          />
          {penaltyValue === undefined && <span className="field-error">{t('m.penaltyRange', { max: String(PENALTY_MAX) })}</span>}
        </div>
        <div className="buttons">
          <button type="button" onClick={setPenaltyNow} disabled={penaltyValue === undefined} {...gate}>
            {t('m.setPenalty')}
          </button>
        </div>
      </fieldset>
      {one !== undefined && (
        <fieldset className="membership-row">
          <legend>{t('m.membershipOf', { queue: one.queue })}</legend>
          {one.member.membership === 'static' ? (
            <p className="muted small">
              {rich(t('m.static'), {
                link: (words) => (
                  <button
                    type="button"
                    className="link"
                    onClick={() => {
                      onClose()
                      useAppStore.getState().setView('config')
                    }}
                  >
                    {words}
                  </button>
                ),
              })}
            </p>
          ) : (
            <>
              <p className="muted small">{t('m.dynamic')}</p>
              <div className="buttons">
                <button type="button" className="danger" onClick={remove} {...gate}>
                  {t('m.remove', { queue: one.queue })}
                </button>
              </div>
            </>
          )}
        </fieldset>
      )}
      <div className="buttons">
        <button type="button" onClick={onClose}>
          {tc('close')}
        </button>
      </div>
    </ModalDialog>
  )
}
