import type { ConnectionStatus, TransportStatus } from '../../../src-preload/types/connections'
import { tr } from '../i18n'
import { strings } from './strings'

const t = tr(strings)

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
export function transportLabel(s: ConnectionStatus, kind: TransportKey): string {
  const state: TransportStatus = s[kind]
  const error = kind === 'ami' ? s.amiError : kind === 'ari' ? s.ariError : s.restError
  const since = kind === 'ami' ? s.amiSince : kind === 'ari' ? s.ariSince : s.restSince
  switch (state) {
    case 'connected':
      return t('transport.connected')
    case 'connecting':
      return error === undefined ? t('transport.connecting') : t('transport.reconnecting')
    case 'not_answering':
      return since === undefined ? t('transport.notAnswering') : t('transport.notAnsweringSince', { time: clockTime(since) })
    case 'down':
      return t('transport.down')
    case 'disabled':
      return t('transport.off')
  }
}

/** The transport's name as the status bar shows it. */
export function transportName(kind: TransportKey): string {
  return kind === 'rest' ? 'API' : kind.toUpperCase()
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
  const items: StatusItem[] = (['ami', 'ari', 'rest'] as const).map((kind) => ({
    key: kind,
    className: `transport transport-${s[kind]}`,
    text: t('status.transport', { name: transportName(kind), state: transportLabel(s, kind) }),
    title: kind === 'ami' ? s.amiError : kind === 'ari' ? s.ariError : s.restError,
  }))
  if (s.breaker === 'open') {
    items.push({
      key: 'breaker',
      className: 'transport transport-paused',
      text: s.breakerRetryAt === undefined ? t('breaker.paused') : t('breaker.pausedUntil', { time: clockTime(s.breakerRetryAt) }),
      title: t('breaker.title'),
    })
  }
  return items
}
