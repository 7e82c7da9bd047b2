import { useEffect, useRef, useState } from 'react'
import { useDialogFocus } from '../../components/dialog-focus'
import { PeoplePicker } from '../../components/people-picker'
import './destination-prompt.css'

export type PromptMode = 'blind' | 'attended' | 'voicemail'

const TITLES: Record<PromptMode, string> = {
  blind: 'Transfer to',
  attended: 'Attended transfer to',
  voicemail: 'Send to voicemail of extension',
}

/**
 * A small modal asking where to transfer (or whose voicemail): a type-ahead over the PBX's people
 * and the phonebook — "eva" + Enter is Eva Fischer; digits typed go as typed. Esc clears, then cancels.
 */
export function DestinationPrompt({
  mode,
  onSubmit,
  onCancel,
}: {
  mode: PromptMode
  onSubmit: (destination: string) => void
  onCancel: () => void
}): React.JSX.Element {
  const [value, setValue] = useState('')
  const input = useRef<HTMLInputElement>(null)
  const dialog = useRef<HTMLFormElement>(null)
  useEffect(() => {
    input.current?.focus()
  }, [])
  useDialogFocus(dialog)
  return (
    <div className="modal-backdrop" role="presentation" onMouseDown={onCancel}>
      <form
        ref={dialog}
        role="dialog"
        aria-modal="true"
        aria-label={TITLES[mode]}
        className="modal card"
        onMouseDown={(e) => {
          e.stopPropagation()
        }}
        onSubmit={(e) => {
          e.preventDefault()
          if (value.trim() !== '') onSubmit(value.trim())
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onCancel()
        }}
      >
        <p className="prompt-title">{TITLES[mode]}</p>
        <PeoplePicker
          ref={input}
          label="Destination"
          placeholder={mode === 'voicemail' ? 'Name or extension' : 'Name, number or extension'}
          value={value}
          onChange={setValue}
          onPick={onSubmit}
          onEscape={onCancel}
        />
        <div className="buttons">
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="primary">
            {mode === 'voicemail' ? 'Send' : 'Transfer'}
          </button>
        </div>
      </form>
    </div>
  )
}

/** Emergency numbers are never blocked: the operator confirms instead. */
export function ConfirmEmergency({
  number,
  onConfirm,
  onCancel,
}: {
  number: string
  onConfirm: () => void
  onCancel: () => void
}): React.JSX.Element {
  const ok = useRef<HTMLButtonElement>(null)
  const dialog = useRef<HTMLDivElement>(null)
  useEffect(() => {
    ok.current?.focus()
  }, [])
  useDialogFocus(dialog)
  return (
    <div className="modal-backdrop" role="presentation">
      <div
        ref={dialog}
        role="alertdialog"
        aria-modal="true"
        aria-label="Confirm emergency call"
        className="modal card"
        onKeyDown={(e) => {
          if (e.key === 'Escape') onCancel()
        }}
      >
        <p>
          <strong>{number}</strong> is an emergency number. Call it now?
        </p>
        <div className="buttons">
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
          <button ref={ok} type="button" className="danger" onClick={onConfirm}>
            Call {number}
          </button>
        </div>
      </div>
    </div>
  )
}
