import { useState } from 'react'
import type { ConfigApplyProgress, ConfigFieldDiff, ConfigOperation, PendingChange } from '../../../../src-preload/types/config'
import { applyFinished, useConfigStore } from '../../stores/config-store'

const OPERATION_WORDS: Readonly<Record<ConfigOperation, string>> = {
  create: 'Created',
  createRange: 'Created (range)',
  update: 'Changed',
  remove: 'Deleted',
  rotateSecret: 'New SIP secret',
  restore: 'Restored',
}

const seconds = (ms: number): string => `${String(Math.round(ms / 1000))} s`

/** Apply's progress in words: what FreePBX reports, and how long it has taken. */
export function applyWords(p: ConfigApplyProgress): { readonly text: string; readonly tone: 'busy' | 'ok' | 'error' | 'warn' } {
  switch (p.state) {
    case 'started':
      return { text: 'Applying… asking FreePBX to reload', tone: 'busy' }
    case 'processing':
      return { text: `Applying… FreePBX is processing (${seconds(p.elapsedMs)})`, tone: 'busy' }
    case 'executed':
      return { text: `Applied in ${seconds(p.elapsedMs)}: the PBX runs the new configuration`, tone: 'ok' }
    case 'failed':
      return { text: `Apply failed: ${p.message}`, tone: 'error' }
    case 'unknown':
      return { text: `Outcome unknown — check the PBX (still processing after ${seconds(p.elapsedMs)})`, tone: 'warn' }
  }
}

function DiffTable({ diff }: { diff: readonly ConfigFieldDiff[] }): React.JSX.Element {
  if (diff.length === 0) return <p className="muted small">No field changed.</p>
  return (
    <table className="grid diff-table" aria-label="What changed">
      <tbody>
        {diff.map((d) => (
          <tr key={d.field}>
            <th scope="row">{d.label}</th>
            <td className="diff-before">{d.secret === true ? '' : (d.before ?? '—')}</td>
            <td className="diff-arrow" aria-hidden="true">
              →
            </td>
            <td className="diff-after">{d.secret === true ? '(changed)' : (d.after ?? '—')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function ChangeRow({ change, disabled }: { change: PendingChange; disabled: boolean }): React.JSX.Element {
  const restore = useConfigStore((s) => s.restore)
  // Opening the tray is asking what changed: each change shows its diff until folded.
  const [open, setOpen] = useState(true)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | undefined>(undefined)
  return (
    <li className={`pending-change state-${change.state}`}>
      <div className="pending-head">
        <button
          type="button"
          className="link"
          aria-expanded={open}
          onClick={() => {
            setOpen(!open)
          }}
        >
          {open ? '▾' : '▸'} {change.label}
        </button>
        <span className="pill">{OPERATION_WORDS[change.operation]}</span>
        {change.state === 'halfWritten' && <span className="pill pill-error">Half written</span>}
        {change.state === 'restored' && <span className="pill">Restored</span>}
        <span className="muted small">{new Date(change.at).toLocaleTimeString()}</span>
        <span className="spacer" />
        {change.restorable && (
          <button
            type="button"
            disabled={disabled || busy}
            aria-label={`Restore ${change.label}`}
            onClick={() => {
              setBusy(true)
              setError(undefined)
              void restore(change).then((r) => {
                setBusy(false)
                if (!r.ok) setError(r.error.message)
              })
            }}
          >
            {busy ? 'Restoring…' : change.state === 'halfWritten' ? 'Restore it from before' : 'Undo'}
          </button>
        )}
      </div>
      {change.note !== undefined && <p className={change.state === 'halfWritten' ? 'error-text small' : 'muted small'}>{change.note}</p>}
      {error !== undefined && (
        <p role="alert" className="error-text small">
          {error}
        </p>
      )}
      {open && <DiffTable diff={change.diff} />}
    </li>
  )
}

/**
 * What was written to FreePBX and is not live yet: each change with its diff (secrets only as
 * "changed"), a restore where main has the before-image, FreePBX's own "needs apply", and Apply
 * with its progress (Processing → Executed, Failed with FreePBX's details, or unknown after the
 * time limit). Apply is offered after every batch, whatever FreePBX says: some writes never set
 * its flag.
 */
export function PendingTray({ readOnly, applyBlocked }: { readOnly: boolean; applyBlocked?: string | undefined }): React.JSX.Element | null {
  const pending = useConfigStore((s) => s.pending)
  const apply = useConfigStore((s) => s.apply)
  const applyConfig = useConfigStore((s) => s.applyConfig)
  const [open, setOpen] = useState(false)
  if (pending === null) return null
  const shown = apply ?? pending.lastApply ?? null
  const applying = shown !== null && !applyFinished(shown)
  const words = shown === null ? undefined : applyWords(shown)
  const count = pending.changes.length
  return (
    <section className="card pending-tray" aria-label="Pending changes">
      <div className="pending-bar">
        <button
          type="button"
          className="link"
          aria-expanded={open}
          disabled={count === 0}
          onClick={() => {
            setOpen(!open)
          }}
        >
          {open ? '▾' : '▸'} {count === 0 ? 'No pending changes' : `${String(count)} pending change${count === 1 ? '' : 's'}`}
        </button>
        {pending.needReload === true && (
          <span className="pill pill-outcome_unknown" title="FreePBX's own flag: written changes are not live yet">
            Needs Apply
          </span>
        )}
        <span className="spacer" />
        {words !== undefined && (
          <span className={`apply-progress tone-${words.tone}`} role="status">
            {words.text}
          </span>
        )}
        <button
          type="button"
          className={pending.applySuggested ? 'primary' : undefined}
          disabled={readOnly || applying || applyBlocked !== undefined}
          title={readOnly ? 'This seat is read-only' : applyBlocked}
          onClick={() => {
            void applyConfig()
          }}
        >
          {applying ? 'Applying…' : 'Apply Config'}
        </button>
      </div>
      {shown?.state === 'failed' && shown.details !== undefined && (
        <pre className="apply-details" role="note" aria-label="FreePBX’s details">
          {shown.details}
        </pre>
      )}
      {open && count > 0 && (
        <ul className="pending-list" aria-label="Pending changes list">
          {pending.changes.map((c) => (
            <ChangeRow key={c.id} change={c} disabled={readOnly} />
          ))}
        </ul>
      )}
    </section>
  )
}
