import { forwardRef, memo, useState } from 'react'
import { actionsOffNow, useActionButton } from '../../actions/action-gate'
import { PeoplePicker } from '../../components/people-picker'

interface Props {
  readonly onDial: (destination: string) => void
}

/**
 * Dial a person, a number or an extension: typing a name, number or department shows the PBX's
 * people and the phonebook's contacts ("Eva Fischer · 105 · Available"); arrows pick one, Enter
 * dials it — or the typed number when nothing is picked (main's guard judges it either way).
 */
export const DialBox = memo(
  forwardRef<HTMLInputElement, Props>(function DialBox({ onDial }, ref) {
    const [text, setText] = useState('')
    const gate = useActionButton()

    const dial = (value: string): void => {
      if (value.trim() === '') return
      // While actions are off the dial only says why: the typed number stays for when they are back.
      const off = actionsOffNow()
      onDial(value.trim())
      if (off !== undefined) return
      setText('')
    }

    return (
      <div className="dialbox">
        <PeoplePicker
          ref={ref}
          inputId="dial-input"
          label="Dial a person, number or extension"
          placeholder="Dial a name, number or extension — Enter to call"
          value={text}
          onChange={setText}
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
          Call
        </button>
      </div>
    )
  }),
)
