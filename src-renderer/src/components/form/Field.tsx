import './form.css'
import { type ReactNode, useId } from 'react'

/** What a field's control needs to be labelled and described (spread onto the input). */
export interface ControlA11y {
  readonly id: string
  readonly 'aria-describedby'?: string
}

export interface FieldFrameProps {
  readonly label: string
  /** Why the value cannot be taken, beside the field (the control should be aria-invalid). */
  readonly error?: string | undefined
  /** A calm remark beside the field (a rule, what happens): muted. */
  readonly note?: string | undefined
  /** Layout variant: `setting` puts label and a short control on one line, the message to its right. */
  readonly className?: string
}

/**
 * A labelled field: the label, the control and, beside it, the error or note the control is
 * described by. The label stays the control's name (messages are never part of it).
 */
export function Field({
  label,
  error,
  note,
  className,
  children,
}: FieldFrameProps & { children: (a11y: ControlA11y) => ReactNode }): React.JSX.Element {
  const id = useId()
  const messageId = `${id}-message`
  const message = error ?? note
  return (
    <div className={className === undefined ? 'form-field' : `form-field ${className}`}>
      <label htmlFor={id}>{label}</label>
      <span className="field-control">
        {children(message === undefined ? { id } : { id, 'aria-describedby': messageId })}
        {message !== undefined && (
          <span id={messageId} className={error !== undefined ? 'field-error' : 'field-note'} role={error !== undefined ? 'status' : undefined}>
            {message}
          </span>
        )}
      </span>
    </div>
  )
}
