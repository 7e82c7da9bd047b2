import { useState } from 'react'
import { FormError, TextField } from '../../components/form'
import { useProfilesStore } from '../../stores/profiles-store'

/** Main's minimum (core/profiles/passphrase.ts); checked there too, shown here to save a round trip. */
const MIN_LENGTH = 10

/**
 * Shown while no admin passphrase exists. Whoever sets the first one becomes the admin, so main
 * accepts it only from the local user: the desktop window, or in web mode a browser that also
 * gives the one-time setup code printed in the terminal that started `npm run web`.
 */
export function FirstRunStep({ webMode }: { webMode: boolean }): React.JSX.Element {
  const setPassphrase = useProfilesStore((s) => s.setPassphrase)
  const error = useProfilesStore((s) => s.error)
  const [next, setNext] = useState('')
  const [repeat, setRepeat] = useState('')
  const [code, setCode] = useState('')
  const [busy, setBusy] = useState(false)
  const mismatch = repeat !== '' && next !== repeat
  const tooShort = next !== '' && next.length < MIN_LENGTH
  const ready = next.length >= MIN_LENGTH && next === repeat && (!webMode || code.trim() !== '')

  return (
    <form
      className="card first-run"
      aria-label="First run: set the admin passphrase"
      onSubmit={(e) => {
        e.preventDefault()
        setBusy(true)
        void setPassphrase(next, undefined, webMode ? code : undefined).then((ok) => {
          setBusy(false)
          if (ok) {
            setNext('')
            setRepeat('')
            setCode('')
          }
        })
      }}
    >
      <h2>First run: set the admin passphrase</h2>
      <p>
        The admin passphrase guards everything that decides what this console may dial and where it connects: seats and roles, the dial plan,
        originate settings, dial limits and the PBX addresses. Creating a PBX profile needs it.
      </p>
      <p className="muted small">
        Whoever sets it first becomes the admin, so it is set once, here, by the person who started the console.
        {webMode && ' Type the setup code printed in the terminal where the console was started (npm run web).'}
      </p>
      <div className="first-run-fields">
        <TextField
          label="Admin passphrase"
          type="password"
          autoComplete="new-password"
          value={next}
          note={tooShort ? `At least ${String(MIN_LENGTH)} characters` : undefined}
          onChange={setNext}
        />
        <TextField
          label="Repeat it"
          type="password"
          autoComplete="new-password"
          value={repeat}
          error={mismatch ? 'The two passphrases differ' : undefined}
          onChange={setRepeat}
        />
        {webMode && <TextField label="Setup code" mono placeholder="XXXX-XXXX-XXXX" value={code} onChange={setCode} />}
      </div>
      <FormError error={error} />
      <div className="buttons">
        <button type="submit" className="primary" disabled={!ready || busy}>
          Set admin passphrase
        </button>
      </div>
    </form>
  )
}
