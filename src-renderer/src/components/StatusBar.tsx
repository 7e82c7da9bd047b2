import { useLiveStore } from '../stores/live-store'
import { DayNightControl } from './day-night/DayNightControl'
import { statusItems } from './transport-label'
import { tr } from '../i18n'
import { strings } from './strings'

const t = tr(strings)

/**
 * The current PBX's three transports (connected / not answering since hh:mm:ss / reconnecting…),
 * with the last error on hover, and the breaker's pause; other PBXs' health beside.
 */
export function StatusBar(): React.JSX.Element {
  const statuses = useLiveStore((s) => s.statuses)
  const current = useLiveStore((s) => s.profileId)
  const all = Object.values(statuses)
  return (
    <footer className="statusbar" aria-label={t('status.label')}>
      {all.length === 0 && <span className="muted">{t('status.none')}</span>}
      {all.map((s) => (
        <span key={s.profileId} className={s.profileId === current ? 'status-group current' : 'status-group'}>
          <strong>{s.name}</strong>
          {statusItems(s).map((item) => (
            <span key={item.key} className={item.className} title={item.title}>
              <span className="dot" aria-hidden="true" />
              {item.text}
            </span>
          ))}
        </span>
      ))}
      <DayNightControl />
    </footer>
  )
}
