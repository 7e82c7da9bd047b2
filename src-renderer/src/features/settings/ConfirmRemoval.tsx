import { useEffect, useRef } from 'react'
import type { HistoryRetentionPreview } from '../../../../src-preload/types/history'
import { ModalDialog } from '../../components/ModalDialog'

const n = (count: number): string => count.toLocaleString('en-US')

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
  const calls = `${n(preview.count)} cached call${preview.count === 1 ? '' : 's'}`
  return (
    <ModalDialog
      role="alertdialog"
      label="Confirm removing call history"
      aria-describedby="confirm-removal-text"
      onClose={onCancel}
      closeOnBackdrop={false}
      escapeBubbles
    >
      <p id="confirm-removal-text">
        <strong>
          Remove {calls} older than {n(preview.days)} day{preview.days === 1 ? '' : 's'}?
        </strong>
      </p>
      <p className="muted small">They are deleted from this computer’s call history now. Cancel keeps them and the current setting.</p>
      <div className="buttons">
        <button ref={cancel} type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="danger" onClick={onConfirm}>
          Remove {calls}
        </button>
      </div>
    </ModalDialog>
  )
}
