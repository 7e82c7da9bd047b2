import { forwardRef, memo, useState } from 'react'
import type { ActionDone } from '../../../../src-preload/types/actions'
import type { Result } from '../../../../src-preload/types/result'
import { actionsOffNow, useActionButton } from '../../actions/action-gate'
import { PeoplePicker } from '../../components/people-picker'
import { currentLanguage, tr } from '../../i18n'
import { strings } from './strings'

const t = tr(strings)

interface Props {
  /** Resolves with main's answer (undefined when nothing was sent). */
  readonly onDial: (destination: string) => Promise<Result<ActionDone> | undefined>
}

/**
 * A refusal as the receptionist reads it: what was not dialled and why (main's guard words, in the
 * same language). After the colon English and French go on in lower case; German keeps the case
 * main wrote (its nouns are capitalised, and a whole sentence after a colon starts with a capital).
 */
export function refusalText(destination: string, message: string): string {
  const why = currentLanguage() === 'de' ? message : message.charAt(0).toLowerCase() + message.slice(1)
  return t('dial.refused', { destination, reason: why.replace(/\.$/, '') })
}

/**
 * Dial a person, a number or an extension: typing a name, number or department shows the PBX's
 * people and the phonebook's contacts ("Eva Fischer · 105 · Available"); arrows pick one, Enter
 * dials it — or the typed number when nothing is picked (main's guard judges it either way).
 * A refused number stays in the field for correcting, the reason beside it until it is changed.
 */
export const DialBox = memo(
  forwardRef<HTMLInputElement, Props>(function DialBox({ onDial }, ref) {
    const [text, setText] = useState('')
    const [refused, setRefused] = useState<string | null>(null)
    const gate = useActionButton()

    const dial = (value: string): void => {
      const destination = value.trim()
      if (destination === '') return
      // While actions are off the dial only says why: the typed number stays for when they are back.
      const off = actionsOffNow()
      setRefused(null)
      void onDial(destination).then((result) => {
        if (off !== undefined || result === undefined) return
        if (result.ok) {
          setText((now) => (now === value ? '' : now))
          return
        }
        // Kept for correcting; an emergency number waits for its confirmation, not a correction.
        setText(value)
        if (result.error.code !== 'confirm_required') setRefused(refusalText(destination, result.error.message))
      })
    }

    return (
      <div className="dialbox">
        <PeoplePicker
          ref={ref}
          inputId="dial-input"
          label={t('dial.label')}
          placeholder={t('dial.placeholder')}
          value={text}
          onChange={(next) => {
            setText(next)
            setRefused(null)
          }}
          onPick={dial}
          onEscape={() => {
            if (document.activeElement instanceof HTMLElement) document.activeElement.blur()
          }}
        />
        <button
          type="button"
          className="primary"
          onClick={() => {
            dial(text)
          }}
          {...gate}
        >
          {t('dial.call')}
        </button>
        {refused !== null && (
          <p className="dialbox-refused" role="alert">
            {refused}
          </p>
        )}
      </div>
    )
  }),
)
