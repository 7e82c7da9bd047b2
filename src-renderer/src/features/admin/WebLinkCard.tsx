import { useEffect, useState } from 'react'
import type { ApiError } from '../../../../src-preload/types/result'
import type { WebAccessView } from '../../../../src-preload/types/web-access'
import { bridge } from '../../bridge/current'
import { rememberToken } from '../../bridge/web-bridge'
import { FormError, TextField } from '../../components/form'
import './web-link.css'

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
        setNote('Link copied.')
      },
      () => {
        setNote('The browser refused the clipboard: select the link and copy it.')
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
    setNote('Link replaced. Pages opened with the old one were disconnected and need this one.')
  }

  return (
    <section className="card web-link" aria-labelledby="web-link-title">
      <h2 id="web-link-title">Web link</h2>
      <p className="muted small">
        Opens this console in a browser on this computer; it stays the same across restarts, so a bookmark keeps working. Anyone who has it works at
        this console: if it went somewhere it should not, replace it.
      </p>
      <div className="inline-fields">
        <input
          readOnly
          className="mono web-link-url"
          value={view.url}
          aria-label="Current web link"
          onFocus={(e) => {
            e.currentTarget.select()
          }}
        />
        <button type="button" onClick={copy}>
          Copy link
        </button>
      </div>
      <p className="muted small">Made {new Date(view.createdAt).toLocaleString()}.</p>
      <form
        className="inline-fields"
        aria-label="Replace the web link"
        onSubmit={(e) => {
          e.preventDefault()
          void rotate()
        }}
      >
        <TextField
          label="Admin passphrase to replace the link"
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
          title={hasAdminPassphrase ? undefined : 'Set the admin passphrase first'}
        >
          Replace link
        </button>
      </form>
      <p className="muted small">
        {hasAdminPassphrase ? '' : 'Replacing it needs the admin passphrase: set it first (above). '}
        Replacing it disconnects every other page opened with the current link at once; they say the link was replaced. Also from the command line:{' '}
        <code>npm run web:rotate-token</code>.
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
