import { useEffect, useMemo, useRef, useState } from 'react'
import { bridge } from '../../bridge/current'
import { useActionButton, whenActionsOn } from '../../actions/action-gate'
import { runAction } from '../../actions/run-action'
import { useLiveStore } from '../../stores/live-store'
import { useQueuePrefsStore } from '../../stores/queue-prefs-store'
import { ModalDialog } from '../ModalDialog'
import { agentsOf } from './agents'
import { PauseReasonField } from './PauseReasonField'
import { strings as common } from '../../../../src-preload/i18n/strings/common'
import { tr } from '../../i18n'
import { strings } from './strings'

const t = tr(strings)
const tc = tr(common)

/**
 * Adds an extension of the PBX to a queue as a dynamic member (AMI QueueAdd): runtime only, so
 * FreePBX's queue configuration does not list it; main builds the member's interface the way the
 * PBX writes its own members. The extension is picked from the PBX's list (names where a queue
 * already knows them), never typed as an interface.
 */
export function AddMemberDialog({ queue, onClose }: { queue?: string | undefined; onClose: () => void }): React.JSX.Element {
  const profileId = useLiveStore((s) => s.profileId)
  const state = useLiveStore((s) => s.state)
  const reasons = useQueuePrefsStore((s) => s.prefs.pauseReasons)
  const queues = Object.keys(state.queues).sort()
  const [target, setTarget] = useState(queue ?? queues[0] ?? '')
  const [extension, setExtension] = useState('')
  const [penalty, setPenalty] = useState('0')
  const [paused, setPaused] = useState(false)
  const [reason, setReason] = useState('')
  const gate = useActionButton()
  const first = useRef<HTMLInputElement>(null)
  useEffect(() => {
    first.current?.focus()
  }, [])
  // Names the queues already give an extension's member ("Anna Berger").
  const names = useMemo(() => {
    const m = new Map<string, string>()
    for (const a of agentsOf(state)) if (a.extension !== undefined && a.name !== a.extension) m.set(a.extension, a.name)
    return m
  }, [state])
  const extensions = Object.keys(state.extensions).sort((a, b) => a.localeCompare(b, undefined, { numeric: true }))
  const known = Object.hasOwn(state.extensions, extension)
  const inQueue = Object.values(state.queues[target]?.members ?? {}).some((m) => new RegExp(`(?<![0-9])${extension}(?![0-9])`).test(m.interface))
  const penaltyValue = /^[0-9]{1,2}$/.test(penalty.trim()) ? Number(penalty.trim()) : undefined
  const problem =
    extension === ''
      ? t('add.pick')
      : !known
        ? t('add.notExtension', { extension })
        : inQueue
          ? t('add.already', { extension, queue: target })
          : penaltyValue === undefined
            ? t('add.penaltyRange')
            : undefined
  const submit = (): void => {
    if (profileId === null || problem !== undefined || penaltyValue === undefined) return
    const name = names.get(extension)
    const why = reason.trim()
    whenActionsOn(() => {
      void runAction(
        bridge().invoke('queues.add', {
          profileId,
          queue: target,
          extension,
          ...(name === undefined ? {} : { name }),
          penalty: penaltyValue,
          paused,
          ...(paused && why !== '' ? { reason: why } : {}),
        }),
      ).then((r) => {
        if (r.ok) onClose()
      })
    })
  }
  return (
    <ModalDialog label={t('add.title')} className="membership-dialog" onClose={onClose} onSubmit={submit}>
      <p className="prompt-title">{t('add.title')}</p>
      <div className="field">
        <label htmlFor="add-member-extension">{t('add.extension')}</label>
        <input
          id="add-member-extension"
          ref={first}
          list="add-member-extensions"
          inputMode="numeric"
          value={extension}
          placeholder={t('add.example')}
          onChange={(e) => {
            setExtension(e.currentTarget.value.replace(/[^0-9]/g, '').slice(0, 10))
          }}
        />
        <datalist id="add-member-extensions">
          {extensions.map((x) => (
            <option key={x} value={x}>
              {names.get(x) ?? x}
            </option>
          ))}
        </datalist>
        {known && names.has(extension) && <span className="muted small">{names.get(extension)}</span>}
      </div>
      <div className="field">
        <label htmlFor="add-member-queue">{t('add.queue')}</label>
        <select
          id="add-member-queue"
          value={target}
          onChange={(e) => {
            setTarget(e.currentTarget.value)
          }}
        >
          {queues.map((q) => (
            <option key={q} value={q}>
              {q}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="add-member-penalty">{t('penalty')}</label>
        <input
          id="add-member-penalty"
          inputMode="numeric"
          value={penalty}
          onChange={(e) => {
            setPenalty(e.currentTarget.value)
          }}
        />
      </div>
      <label className="check">
        <input
          type="checkbox"
          checked={paused}
          onChange={(e) => {
            setPaused(e.currentTarget.checked)
          }}
        />{' '}
        {t('add.startPaused')}
      </label>
      {paused && <PauseReasonField reasons={reasons} value={reason} onChange={setReason} />}
      <p className="muted small">{t('add.dynamicNote')}</p>
      {problem !== undefined && extension !== '' && <p className="field-error">{problem}</p>}
      <div className="buttons">
        <button type="button" onClick={onClose}>
          {tc('cancel')}
        </button>
        <button type="submit" className="primary" disabled={problem !== undefined} {...gate}>
          {t('add.to', { queue: target })}
        </button>
      </div>
    </ModalDialog>
  )
}
