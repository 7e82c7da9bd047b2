import type { ConnectionStatus, TransportStatus } from '../../../src-preload/types/connections'

export type TransportKey = 'ami' | 'ari' | 'rest'

/** hh:mm:ss on a 24-hour clock in the operator's zone: when a transport stopped answering. */
export function clockTime(ms: number): string {
  const d = new Date(ms)
  return [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':')
}

/**
 * What the status bar says about one transport: connected / not answering since hh:mm:ss /
 * reconnecting… (retrying after a loss or a failed attempt) / connecting… (first attempt) / down / off.
 */
export function transportLabel(s: ConnectionStatus, t: TransportKey): string {
  const state: TransportStatus = s[t]
  const error = t === 'ami' ? s.amiError : t === 'ari' ? s.ariError : s.restError
  const since = t === 'ami' ? s.amiSince : t === 'ari' ? s.ariSince : s.restSince
  switch (state) {
    case 'connected':
      return 'connected'
    case 'connecting':
      return error === undefined ? 'connecting…' : 'reconnecting…'
    case 'not_answering':
      return since === undefined ? 'not answering' : `not answering since ${clockTime(since)}`
    case 'down':
      return 'down'
    case 'disabled':
      return 'off'
  }
}

/** The transport's name as the status bar shows it. */
export function transportName(t: TransportKey): string {
  return t === 'rest' ? 'API' : t.toUpperCase()
}

/** One piece of the status bar: a transport, or the breaker's pause. */
export interface StatusItem {
  readonly key: string
  readonly className: string
  readonly text: string
  readonly title?: string | undefined
}

/** What the status bar shows for one PBX: its three transports, then the pause while the breaker is open. */
export function statusItems(s: ConnectionStatus): StatusItem[] {
  const items: StatusItem[] = (['ami', 'ari', 'rest'] as const).map((t) => ({
    key: t,
    className: `transport transport-${s[t]}`,
    text: `${transportName(t)} ${transportLabel(s, t)}`,
    title: t === 'ami' ? s.amiError : t === 'ari' ? s.ariError : s.restError,
  }))
  if (s.breaker === 'open') {
    items.push({
      key: 'breaker',
      className: 'transport transport-paused',
      text: `paused${s.breakerRetryAt === undefined ? '' : ` until ${clockTime(s.breakerRetryAt)}`}`,
      title: 'After repeated failures the console waits before knocking again',
    })
  }
  return items
}
