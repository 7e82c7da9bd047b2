import { useEffect, useState } from 'react'
import type { ApiError } from '../../../../src-preload/types/result'
import type { WebAccessView } from '../../../../src-preload/types/web-access'
import { bridge } from '../../bridge/current'
import { rememberToken } from '../../bridge/web-bridge'
import { FormError, TextField } from '../../components/form'
import { fmt, tr } from '../../i18n'
import { rich } from '../../i18n/rich'
import { strings } from './strings'
import './web-link.css'

const t = tr(strings)

/** The token inside a link main answered with, for this tab to keep (its own socket is closed too). */
function tokenOf(url: string): string | null {
  try {
    return new URL(url).searchParams.get('token')
  } catch {
    return null
  }
}

/**
 * Web mode's link (Admin): shown to copy for a colleague, and replaced with the admin passphrase
 * when it went where it should not. Every other page opened with the old link is disconnected at
 * once and says so; this tab takes the new link and carries on.
 */
export function WebLinkCard({ hasAdminPassphrase }: { readonly hasAdminPassphrase: boolean }): React.JSX.Element | null {
  const [view, setView] = useState<WebAccessView | null>(null)
  const [passphrase, setPassphrase] = useState('')
  const [error, setError] = useState<ApiError | null>(null)
  const [note, setNote] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  useEffect(() => {
    void bridge()
      .invoke('webAccess.link')
      .then((r) => {
        if (r.ok) setView(r.value)
        else setError(r.error)
      })
  }, [])
  if (view === null || !view.available) return null

  const copy = (): void => {
    void navigator.clipboard.writeText(view.url).then(
      () => {
        setNote(t('webLink.copied'))
      },
      () => {
        setNote(t('webLink.clipboardRefused'))
      },
    )
  }
  const rotate = async (): Promise<void> => {
    setBusy(true)
    setNote(null)
    const r = await bridge().invoke('webAccess.rotate', { adminPassphrase: passphrase })
    setBusy(false)
    if (!r.ok) {
      setError(r.error)
      return
    }
    setError(null)
    setPassphrase('')
    // Main closes this tab's socket right after the answer too: the bridge reconnects with the token stored here.
    const token = r.value.available ? tokenOf(r.value.url) : null
    if (token !== null) rememberToken(token)
    setView(r.value)
    setNote(t('webLink.replaced'))
  }

  return (
    <section className="card web-link" aria-labelledby="web-link-title">
      <h2 id="web-link-title">{t('webLink.title')}</h2>
      <p className="muted small">{t('webLink.explained')}</p>
      <div className="inline-fields">
        <input
          readOnly
          className="mono web-link-url"
          value={view.url}
          aria-label={t('webLink.current')}
          onFocus={(e) => {
            e.currentTarget.select()
          }}
        />
        <button type="button" onClick={copy}>
          {t('webLink.copy')}
        </button>
      </div>
      <p className="muted small">{t('webLink.made', { time: fmt().dateTime(Date.parse(view.createdAt)) })}</p>
      <form
        className="inline-fields"
        aria-label={t('webLink.replaceForm')}
        onSubmit={(e) => {
          e.preventDefault()
          void rotate()
        }}
      >
        <TextField
          label={t('webLink.passphrase')}
          type="password"
          autoComplete="current-password"
          value={passphrase}
          onChange={setPassphrase}
          disabled={!hasAdminPassphrase}
        />
        <button
          type="submit"
          className="danger"
          disabled={!hasAdminPassphrase || passphrase === '' || busy}
          title={hasAdminPassphrase ? undefined : t('setPassphraseFirst')}
        >
          {t('webLink.replace')}
        </button>
      </form>
      <p className="muted small">
        {hasAdminPassphrase ? '' : `${t('webLink.needsPassphrase')} `}
        {rich(t('webLink.replaceExplained'), { code: (text) => <code>{text}</code> })}
      </p>
      {note !== null && (
        <p role="status" className="ok-text">
          {note}
        </p>
      )}
      <FormError error={error} />
    </section>
  )
}
