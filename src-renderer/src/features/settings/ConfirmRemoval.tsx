import { useEffect, useRef } from 'react'
import type { HistoryRetentionPreview } from '../../../../src-preload/types/history'
import { ModalDialog } from '../../components/ModalDialog'
import { tr } from '../../i18n'
import { strings as common } from '../../../../src-preload/i18n/strings/common'
import { strings } from './strings'

const t = tr(strings)
const c = tr(common)

/**
 * Asks before a shorter retention deletes cached calls, naming how many. Cancel has the focus
 * (Enter or Escape keep everything): removing is never the default.
 */
export function ConfirmRemoval({
  preview,
  onConfirm,
  onCancel,
}: {
  preview: HistoryRetentionPreview
  onConfirm: () => void
  onCancel: () => void
}): React.JSX.Element {
  const cancel = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    cancel.current?.focus()
  }, [])
  const calls = t('cachedCalls', { count: preview.count })
  return (
    <ModalDialog
      role="alertdialog"
      label={t('confirmLabel')}
      aria-describedby="confirm-removal-text"
      onClose={onCancel}
      closeOnBackdrop={false}
      escapeBubbles
    >
      <p id="confirm-removal-text">
        <strong>{t('removeQuestion', { calls, count: preview.days })}</strong>
      </p>
      <p className="muted small">{t('removeExplained')}</p>
      <div className="buttons">
        <button ref={cancel} type="button" onClick={onCancel}>
          {c('cancel')}
        </button>
        <button type="button" className="danger" onClick={onConfirm}>
          {t('removeButton', { calls })}
        </button>
      </div>
    </ModalDialog>
  )
}
