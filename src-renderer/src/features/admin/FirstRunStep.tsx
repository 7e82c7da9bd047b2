import { useState } from 'react'
import { FormError, TextField } from '../../components/form'
import { tr } from '../../i18n'
import { useProfilesStore } from '../../stores/profiles-store'
import { strings } from './strings'

const t = tr(strings)

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
      aria-label={t('firstRun.title')}
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
      <h2>{t('firstRun.title')}</h2>
      <p>{t('firstRun.explained')}</p>
      <p className="muted small">{webMode ? t('firstRun.whoWeb') : t('firstRun.who')}</p>
      <div className="first-run-fields">
        <TextField
          label={t('firstRun.passphrase')}
          type="password"
          autoComplete="new-password"
          value={next}
          note={tooShort ? t('firstRun.tooShort', { count: MIN_LENGTH }) : undefined}
          onChange={setNext}
        />
        <TextField
          label={t('firstRun.repeat')}
          type="password"
          autoComplete="new-password"
          value={repeat}
          error={mismatch ? t('firstRun.differ') : undefined}
          onChange={setRepeat}
        />
        {webMode && <TextField label={t('firstRun.setupCode')} mono placeholder="XXXX-XXXX-XXXX" value={code} onChange={setCode} />}
      </div>
      <FormError error={error} />
      <div className="buttons">
        <button type="submit" className="primary" disabled={!ready || busy}>
          {t('firstRun.submit')}
        </button>
      </div>
    </form>
  )
}
