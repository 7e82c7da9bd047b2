import type { TransportStatus } from '../../../src-preload/types/connections'
import { useLiveStore } from '../stores/live-store'

const LABEL: Record<TransportStatus, string> = { connected: 'connected', connecting: 'connecting…', down: 'down', disabled: 'off' }

/** The current PBX's three transports, with the last error on hover; other PBXs' health beside. */
export function StatusBar(): React.JSX.Element {
  const statuses = useLiveStore((s) => s.statuses)
  const current = useLiveStore((s) => s.profileId)
  const all = Object.values(statuses)
  return (
    <footer className="statusbar" aria-label="Connection status">
      {all.length === 0 && <span className="muted">No PBX connected</span>}
      {all.map((s) => (
        <span key={s.profileId} className={s.profileId === current ? 'status-group current' : 'status-group'}>
          <strong>{s.name}</strong>
          {(['ami', 'ari', 'rest'] as const).map((t) => {
            const err = t === 'ami' ? s.amiError : t === 'ari' ? s.ariError : s.restError
            return (
              <span key={t} className={`transport transport-${s[t]}`} title={err ?? undefined}>
                <span className="dot" aria-hidden="true" />
                {t === 'rest' ? 'API' : t.toUpperCase()} {LABEL[s[t]]}
              </span>
            )
          })}
        </span>
      ))}
    </footer>
  )
}
