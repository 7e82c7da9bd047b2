import { useRef, type HTMLAttributes, type KeyboardEvent, type ReactNode, type RefObject } from 'react'
import { useDialogFocus } from './dialog-focus'

/** What a dialog may add to its element beyond the chrome (a drop target, a focusable box, who describes it). */
type Extra = Pick<HTMLAttributes<HTMLElement>, 'tabIndex' | 'onDragOver' | 'onDrop' | 'aria-labelledby' | 'aria-describedby'>

export interface ModalDialogProps extends Extra {
  /** The dialog's accessible name (aria-label); a dialog named by its own heading passes aria-labelledby instead. */
  label?: string
  /** Classes after 'modal card' (the dialog's own look). */
  className?: string
  /** An alertdialog asks a question that needs an answer (a confirmation). */
  role?: 'dialog' | 'alertdialog'
  onClose: () => void
  /** When given, the dialog is a <form>: Enter in a field submits (the page never reloads). */
  onSubmit?: () => void
  /**
   * Whether a mouse-down on the backdrop closes the dialog. Off for confirmations that must be
   * answered with a button or Escape, so a stray click beside them decides nothing.
   */
  closeOnBackdrop?: boolean
  /**
   * Whether Escape goes on to the screen's own keys after closing the dialog. Most dialogs keep it
   * (the screen behind must not also clear its selection); a few never stopped it.
   */
  escapeBubbles?: boolean
  /** Asked first on Escape: true when it used the key (e.g. cleared a field), so the dialog stays open. */
  onEscape?: () => boolean
  /** For a dialog that moves the focus itself (its own box, a button armed later). */
  dialogRef?: RefObject<HTMLElement | null>
  children: ReactNode
}

/**
 * The one modal chrome of the console: a backdrop, the dialog's role and name, Escape to close and
 * the focus rules of useDialogFocus (Tab stays in, focus goes back to the opener). Each dialog says
 * only what differs: its name, its look, whether it is a form and how it answers Escape.
 */
export function ModalDialog({
  label,
  className,
  role = 'dialog',
  onClose,
  onSubmit,
  closeOnBackdrop = true,
  escapeBubbles = false,
  onEscape,
  dialogRef,
  children,
  ...extra
}: ModalDialogProps): React.JSX.Element {
  const own = useRef<HTMLElement>(null)
  const ref = dialogRef ?? own
  useDialogFocus(ref)
  const common = {
    ...extra,
    role,
    'aria-modal': true,
    'aria-label': label,
    className: className === undefined ? 'modal card' : `modal card ${className}`,
    onMouseDown: closeOnBackdrop
      ? (e: React.MouseEvent) => {
          e.stopPropagation()
        }
      : undefined,
    onKeyDown: (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return
      const used = onEscape?.() === true
      if (!escapeBubbles || used) e.stopPropagation()
      if (!used) onClose()
    },
  }
  return (
    <div className="modal-backdrop" role="presentation" onMouseDown={closeOnBackdrop ? onClose : undefined}>
      {onSubmit === undefined ? (
        <div ref={ref as RefObject<HTMLDivElement | null>} {...common}>
          {children}
        </div>
      ) : (
        <form
          ref={ref as RefObject<HTMLFormElement | null>}
          {...common}
          onSubmit={(e) => {
            e.preventDefault()
            onSubmit()
          }}
        >
          {children}
        </form>
      )}
    </div>
  )
}
