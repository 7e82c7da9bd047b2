import { useEffect, useRef, useState } from 'react'
import { ModalDialog } from '../../components/ModalDialog'
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
  useEffect(() => {
    input.current?.focus()
  }, [])
  return (
    <ModalDialog
      label={TITLES[mode]}
      onClose={onCancel}
      escapeBubbles
      onSubmit={() => {
        if (value.trim() !== '') onSubmit(value.trim())
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
    </ModalDialog>
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
  useEffect(() => {
    ok.current?.focus()
  }, [])
  return (
    <ModalDialog role="alertdialog" label="Confirm emergency call" onClose={onCancel} closeOnBackdrop={false} escapeBubbles>
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
    </ModalDialog>
  )
}
