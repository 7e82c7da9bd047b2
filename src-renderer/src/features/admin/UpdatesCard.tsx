import { useEffect, useState } from 'react'
import type { ApiError } from '../../../../src-preload/types/result'
import { feedUrlProblem, type UpdatesView } from '../../../../src-preload/types/updates'
import { bridge } from '../../bridge/current'
import { strings as common } from '../../../../src-preload/i18n/strings/common'
import { strings as addressStrings } from '../../../../src-preload/i18n/strings/updates'
import { CheckField, FormError, TextField } from '../../components/form'
import { fmt, tr } from '../../i18n'
import { strings } from './strings'
import { feedFieldError, updateStateWords } from './update-words'
import './updates.css'

const t = tr(strings)
const c = tr(common)
const addressWords = tr(addressStrings)

const formatTime = (iso: string): string => fmt().dateTime(Date.parse(iso))

/**
 * The desktop app's updates (Admin): where updating stands, and the admin's setting - on or off and
 * the update address. The address decides what this computer installs, so saving takes the admin
 * passphrase (main checks it, throttled, and audits who changed what). In web mode: that updates
 * are the desktop app's.
 */
export function UpdatesCard({ hasAdminPassphrase }: { readonly hasAdminPassphrase: boolean }): React.JSX.Element | null {
  const [view, setView] = useState<UpdatesView | null>(null)
  const [enabled, setEnabled] = useState(false)
  const [feed, setFeed] = useState('')
  const [passphrase, setPassphrase] = useState('')
  const [error, setError] = useState<ApiError | null>(null)
  const [note, setNote] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    const shown = (next: UpdatesView, fillForm: boolean): void => {
      setView(next)
      if (fillForm && next.available) {
        setEnabled(next.settings.enabled)
        setFeed(next.settings.feedUrl ?? '')
      }
    }
    void bridge()
      .invoke('updates.status')
      .then((r) => {
        if (r.ok) shown(r.value, true)
        else setError(r.error)
      })
    return bridge().on('updates.changed', (next) => {
      shown(next, false)
    })
  }, [])
  if (view === null) return null

  if (!view.available) {
    return (
      <section className="card updates" aria-labelledby="updates-title">
        <h2 id="updates-title">{t('updates.title')}</h2>
        <p className="muted small">{view.reason}</p>
      </section>
    )
  }

  const words = updateStateWords(view.state, formatTime)
  const feedError = feedFieldError(feed, enabled, (text) => feedUrlProblem(text, addressWords))
  // Settings refused as tampered are saved again even when the form shows the same.
  const unchanged = view.problem === null && enabled === view.settings.enabled && feed === (view.settings.feedUrl ?? '')
  const save = async (): Promise<void> => {
    setBusy(true)
    setNote(null)
    const r = await bridge().invoke('updates.set', { enabled, feedUrl: feed === '' ? null : feed, adminPassphrase: passphrase })
    setBusy(false)
    if (!r.ok) {
      setError(r.error)
      return
    }
    setError(null)
    setPassphrase('')
    setView(r.value)
    setNote(enabled ? t('updates.savedOn') : t('updates.savedOff'))
  }
  const checkNow = async (): Promise<void> => {
    setNote(null)
    const r = await bridge().invoke('updates.check')
    if (r.ok) setView(r.value)
    else setError(r.error)
  }

  return (
    <section className="card updates" aria-labelledby="updates-title">
      <div className="row-between">
        <h2 id="updates-title">{t('updates.title')}</h2>
        <button
          type="button"
          onClick={() => void checkNow()}
          disabled={!view.settings.enabled}
          title={view.settings.enabled ? undefined : t('updates.off')}
        >
          {t('updates.checkNow')}
        </button>
      </div>
      <p className="updates-state" role="status">
        <span className={`pill ${words.tone === 'muted' ? '' : `pill-${words.tone}`}`}>{words.label}</span>
        <span>{words.sentence}</span>
      </p>
      {view.problem !== null && (
        <p role="alert" className="banner error">
          {view.problem}
        </p>
      )}
      <form
        className="updates-form"
        aria-label={t('updates.form')}
        onSubmit={(e) => {
          e.preventDefault()
          void save()
        }}
      >
        <CheckField label={t('updates.lookFor')} checked={enabled} onChange={setEnabled} />
        <TextField
          label={t('updates.address')}
          mono
          placeholder={t('updates.addressExample')}
          value={feed}
          onChange={setFeed}
          error={feedError}
          note={t('updates.addressNote')}
          maxLength={2048}
        />
        <div className="inline-fields">
          <TextField
            label={t('updates.passphrase')}
            type="password"
            autoComplete="current-password"
            value={passphrase}
            onChange={setPassphrase}
            disabled={!hasAdminPassphrase}
          />
          <button
            type="submit"
            className="primary"
            disabled={!hasAdminPassphrase || passphrase === '' || feedError !== undefined || unchanged || busy}
            title={hasAdminPassphrase ? undefined : t('setPassphraseFirst')}
          >
            {c('save')}
          </button>
        </div>
      </form>
      <p className="muted small">
        {view.changedAt === null ? t('updates.neverChanged') : t('updates.lastChanged', { time: formatTime(view.changedAt) })}{' '}
        {t('updates.signedOnly')}
      </p>
      {note !== null && <p className="ok-text">{note}</p>}
      <FormError error={error} />
    </section>
  )
}
