import { useState } from 'react'
import type { ConfigApplyProgress, ConfigFieldDiff, ConfigOperation, PendingChange } from '../../../../src-preload/types/config'
import { fmt, tr } from '../../i18n'
import { applyFinished, useConfigStore } from '../../stores/config-store'
import { strings } from './strings'

const t = tr(strings)

/** The fold's marks (shapes, not words). */
const FOLD_OPEN = '▾'
const FOLD_SHUT = '▸'

const operationWords = (operation: ConfigOperation): string => t(`op.${operation}`)

const seconds = (ms: number): string => t('seconds', { count: Math.round(ms / 1000) })

/** Apply's progress in words: what FreePBX reports, and how long it has taken. */
export function applyWords(p: ConfigApplyProgress): { readonly text: string; readonly tone: 'busy' | 'ok' | 'error' | 'warn' } {
  switch (p.state) {
    case 'started':
      return { text: t('apply.started'), tone: 'busy' }
    case 'processing':
      return { text: t('apply.processing', { time: seconds(p.elapsedMs) }), tone: 'busy' }
    case 'executed':
      return { text: t('apply.executed', { time: seconds(p.elapsedMs) }), tone: 'ok' }
    case 'failed':
      return { text: t('apply.failed', { reason: p.message }), tone: 'error' }
    case 'unknown':
      return { text: t('apply.unknown', { time: seconds(p.elapsedMs) }), tone: 'warn' }
  }
}

function DiffTable({ diff }: { diff: readonly ConfigFieldDiff[] }): React.JSX.Element {
  if (diff.length === 0) return <p className="muted small">{t('tray.noField')}</p>
  return (
    <table className="grid diff-table" aria-label={t('tray.whatChanged')}>
      <tbody>
        {diff.map((d) => (
          <tr key={d.field}>
            <th scope="row">{d.label}</th>
            <td className="diff-before">{d.secret === true ? '' : (d.before ?? '—')}</td>
            <td className="diff-arrow" aria-hidden="true">
              →
            </td>
            <td className="diff-after">{d.secret === true ? t('tray.changed') : (d.after ?? '—')}</td>
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
          {open ? FOLD_OPEN : FOLD_SHUT} {change.label}
        </button>
        <span className="pill">{operationWords(change.operation)}</span>
        {change.state === 'halfWritten' && <span className="pill pill-error">{t('tray.halfWritten')}</span>}
        {change.state === 'restored' && <span className="pill">{t('tray.restored')}</span>}
        <span className="muted small">{fmt().timeWithSeconds(Date.parse(change.at))}</span>
        <span className="spacer" />
        {change.restorable && (
          <button
            type="button"
            disabled={disabled || busy}
            aria-label={t('tray.restore', { label: change.label })}
            onClick={() => {
              setBusy(true)
              setError(undefined)
              void restore(change).then((r) => {
                setBusy(false)
                if (!r.ok) setError(r.error.message)
              })
            }}
          >
            {busy ? t('editor.restoring') : change.state === 'halfWritten' ? t('tray.restoreBefore') : t('tray.undo')}
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
    <section className="card pending-tray" aria-label={t('tray.label')}>
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
          {open ? FOLD_OPEN : FOLD_SHUT} {count === 0 ? t('tray.none') : t('tray.count', { count })}
        </button>
        {pending.needReload === true && (
          <span className="pill pill-outcome_unknown" title={t('tray.needsApplyTitle')}>
            {t('tray.needsApply')}
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
          title={readOnly ? t('tray.readOnly') : applyBlocked}
          onClick={() => {
            void applyConfig()
          }}
        >
          {applying ? t('tray.applying') : t('tray.apply')}
        </button>
      </div>
      {shown?.state === 'failed' && shown.details !== undefined && (
        <pre className="apply-details" role="note" aria-label={t('tray.details')}>
          {shown.details}
        </pre>
      )}
      {open && count > 0 && (
        <ul className="pending-list" aria-label={t('tray.list')}>
          {pending.changes.map((c) => (
            <ChangeRow key={c.id} change={c} disabled={readOnly} />
          ))}
        </ul>
      )}
    </section>
  )
}
