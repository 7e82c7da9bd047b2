import { useEffect, useState } from 'react'
import type { CdrRow } from '../../../../src-preload/types/cdr'
import { bridge } from '../../bridge/current'
import { formatDuration } from '../../live/format'
import { fmt, tr } from '../../i18n'
import { strings } from './strings'

const t = tr(strings)

/** How long a caller must stay on the card before their history is looked up. */
const SETTLE_MS = 250

/** The caller's last calls from the history cache, so the operator knows who is calling again. */
export function EarlierCalls({ profileId, number }: { profileId: string; number: string }): React.JSX.Element | null {
  const [rows, setRows] = useState<readonly CdrRow[] | null>(null)
  useEffect(() => {
    let live = true
    const digits = number.replace(/[^0-9+]/g, '')
    if (digits.length < 3) return
    // Asked once the card has shown this caller for a moment: when calls ring in by the dozen
    // (the card follows the longest-ringing one), a card seen for one frame asks nothing.
    const timer = setTimeout(() => {
      void bridge()
        .invoke('history.query', { filter: { profileId, text: digits }, limit: 5 })
        .then((r) => {
          if (live) setRows(r.ok ? r.value.rows : [])
        })
    }, SETTLE_MS)
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [profileId, number])
  if (rows === null) return null
  return (
    <div className="earlier-calls">
      <h3 className="small muted">{t('earlier.title')}</h3>
      {rows.length === 0 ? (
        <p className="small muted">{t('earlier.none')}</p>
      ) : (
        <ul>
          {rows.map((r) => (
            <li key={r.id} className="small">
              <span className="mono">{fmt().custom(r.start, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' })}</span>{' '}
              {r.missed ? <span className="error-text">{t('earlier.missed')}</span> : <span>{formatDuration(r.billsec * 1000)}</span>} →{' '}
              <span className="mono">{r.dst}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
