import { useEffect, useRef, useState } from 'react'
import type { DialRequest } from '../../../../src-preload/types/attention'
import { runAction } from '../../actions/run-action'
import { bridge } from '../../bridge/current'
import { ModalDialog } from '../../components/ModalDialog'
import { strings as common } from '../../../../src-preload/i18n/strings/common'
import { tr } from '../../i18n'
import { strings } from './strings'

const t = tr(strings)
const tc = tr(common)

type Dial = Extract<DialRequest, { kind: 'dial' }>

/** Where the number came from, in words. */
const sourceWords = (source: Dial['source']): string => t(`src.${source}`)

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
      <h2 id="dial-confirm-title">
        {emergency ? t('dial.emergency', { number: request.number }) : t('dial.question', { who: who ?? request.number })}
      </h2>
      <dl id="dial-confirm-detail" className="dial-confirm-facts">
        <dt>{t('dial.number')}</dt>
        <dd className="mono">{request.number}</dd>
        <dt>{t('dial.who')}</dt>
        <dd>{who ?? <span className="muted">{t('dial.unknown')}</span>}</dd>
        <dt>{t('dial.from')}</dt>
        <dd>
          {sourceWords(request.source)} <span className="muted small">{request.from}</span>
        </dd>
        <dt>{t('dial.on')}</dt>
        <dd>
          {profile === undefined ? (
            <span className="error-text">{t('dial.noPbx')}</span>
          ) : ownExtension === '' ? (
            t('dial.onPbx', { pbx: profile.name })
          ) : (
            t('dial.onPbxPhone', { pbx: profile.name, extension: ownExtension })
          )}
        </dd>
      </dl>
      <div className="buttons">
        <button type="button" onClick={onClose}>
          {tc('cancel')}
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
          {emergency ? t('dial.call', { number: request.number }) : t('dial.dial', { number: request.number })}
        </button>
      </div>
    </ModalDialog>
  )
}
