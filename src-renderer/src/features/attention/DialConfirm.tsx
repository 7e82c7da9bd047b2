import { useEffect, useRef, useState } from 'react'
import type { DialRequest } from '../../../../src-preload/types/attention'
import { runAction } from '../../actions/run-action'
import { bridge } from '../../bridge/current'
import { ModalDialog } from '../../components/ModalDialog'

type Dial = Extract<DialRequest, { kind: 'dial' }>

const SOURCE_WORDS: Readonly<Record<Dial['source'], string>> = {
  tel: 'a telephone link',
  sip: 'a SIP link',
  callto: 'a callto link',
  clipboard: 'the clipboard (dial shortcut)',
}

/**
 * A keypress that was meant for another application lands here when the window jumps to the front:
 * the Dial button is armed only after this long, so a stray Enter never dials.
 */
export const ARM_AFTER_MS = 700

/**
 * Asks before dialling a number that came from outside the window (a link, the clipboard): the
 * number, who it is when known, from where, and which PBX and phone will dial it. Dial goes
 * through main's guard like any dial (an emergency number is confirmed once more); Cancel or
 * Escape drops it.
 */
export function DialConfirm({
  request,
  who,
  profile,
  ownExtension,
  onClose,
}: {
  request: Dial
  who: string | undefined
  /** The PBX that will dial (its name), or undefined when none is connected. */
  profile: { readonly id: string; readonly name: string } | undefined
  ownExtension: string
  onClose: () => void
}): React.JSX.Element {
  const [armed, setArmed] = useState(false)
  const [emergency, setEmergency] = useState(false)
  const [busy, setBusy] = useState(false)
  const dialButton = useRef<HTMLButtonElement>(null)
  const box = useRef<HTMLDivElement>(null)
  // Keyed by the request's id (a new link starts afresh, disarmed). The dialog holds the focus
  // (Escape works at once) until Dial is armed.
  useEffect(() => {
    box.current?.focus()
    const timer = setTimeout(() => {
      setArmed(true)
    }, ARM_AFTER_MS)
    return () => {
      clearTimeout(timer)
    }
  }, [])
  useEffect(() => {
    // Not when the operator has moved on to Cancel meanwhile.
    if (armed && (document.activeElement === box.current || emergency)) dialButton.current?.focus()
  }, [armed, emergency])

  const dial = async (confirmEmergency: boolean): Promise<void> => {
    if (profile === undefined) return
    setBusy(true)
    const result = await runAction(bridge().invoke('calls.originate', { profileId: profile.id, destination: request.number, confirmEmergency }))
    setBusy(false)
    if (!result.ok && result.error.code === 'confirm_required' && !confirmEmergency) setEmergency(true)
    else onClose()
  }

  return (
    <ModalDialog
      role="alertdialog"
      dialogRef={box}
      tabIndex={-1}
      aria-labelledby="dial-confirm-title"
      aria-describedby="dial-confirm-detail"
      className="dial-confirm"
      onClose={onClose}
      closeOnBackdrop={false}
      escapeBubbles
    >
      <h2 id="dial-confirm-title">{emergency ? `${request.number} is an emergency number. Call it now?` : `Dial ${who ?? request.number}?`}</h2>
      <dl id="dial-confirm-detail" className="dial-confirm-facts">
        <dt>Number</dt>
        <dd className="mono">{request.number}</dd>
        <dt>Who</dt>
        <dd>{who ?? <span className="muted">Not known to the console</span>}</dd>
        <dt>From</dt>
        <dd>
          {SOURCE_WORDS[request.source]} <span className="muted small">{request.from}</span>
        </dd>
        <dt>Dials on</dt>
        <dd>
          {profile === undefined ? (
            <span className="error-text">No PBX is connected: nothing can be dialled.</span>
          ) : (
            <>
              {profile.name}
              {ownExtension === '' ? '' : `, from your phone ${ownExtension}`}
            </>
          )}
        </dd>
      </dl>
      <div className="buttons">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button
          ref={dialButton}
          type="button"
          className={emergency ? 'danger' : 'primary'}
          disabled={!armed || busy || profile === undefined}
          onClick={() => {
            void dial(emergency)
          }}
        >
          {emergency ? `Call ${request.number}` : `Dial ${request.number}`}
        </button>
      </div>
    </ModalDialog>
  )
}
