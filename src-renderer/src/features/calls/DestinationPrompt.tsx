import { useEffect, useRef, useState } from 'react'
import { ModalDialog } from '../../components/ModalDialog'
import { PeoplePicker } from '../../components/people-picker'
import './destination-prompt.css'
import { tr } from '../../i18n'
import { rich } from '../../i18n/rich'
import { strings } from './strings'
import { strings as common } from '../../../../src-preload/i18n/strings/common'

const t = tr(strings)
const c = tr(common)

export type PromptMode = 'blind' | 'attended' | 'voicemail'

const TITLES = {
  blind: 'prompt.blind',
  attended: 'prompt.attended',
  voicemail: 'prompt.voicemail',
} as const satisfies Record<PromptMode, Parameters<typeof t>[0]>

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
      label={t(TITLES[mode])}
      onClose={onCancel}
      escapeBubbles
      onSubmit={() => {
        if (value.trim() !== '') onSubmit(value.trim())
      }}
    >
      <p className="prompt-title">{t(TITLES[mode])}</p>
      <PeoplePicker
        ref={input}
        label={t('prompt.destination')}
        placeholder={mode === 'voicemail' ? t('prompt.placeholderVoicemail') : t('prompt.placeholder')}
        value={value}
        onChange={setValue}
        onPick={onSubmit}
        onEscape={onCancel}
      />
      <div className="buttons">
        <button type="button" onClick={onCancel}>
          {c('cancel')}
        </button>
        <button type="submit" className="primary">
          {mode === 'voicemail' ? t('prompt.send') : t('prompt.transfer')}
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
    <ModalDialog role="alertdialog" label={t('emergency.label')} onClose={onCancel} closeOnBackdrop={false} escapeBubbles>
      <p>{rich(t('emergency.question', { number }), { b: (text) => <strong>{text}</strong> })}</p>
      <div className="buttons">
        <button type="button" onClick={onCancel}>
          {c('cancel')}
        </button>
        <button ref={ok} type="button" className="danger" onClick={onConfirm}>
          {t('emergency.call', { number })}
        </button>
      </div>
    </ModalDialog>
  )
}
