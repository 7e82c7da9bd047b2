import type { ConnectionStatus } from '../../../src-preload/types/connections'
import type { LiveMeta } from '../../../src-preload/types/live'
import type { LinkState } from '../bridge/bridge'
import { fmt, tr } from '../i18n'
import { strings } from './strings'

const t = tr(strings)

/** What is shown no longer follows the PBX. */
export interface Staleness {
  /** The calls, lamps, parked calls and queues shown are as of this moment; timers stop here. */
  readonly since: number
  /** Why, in a receptionist's words. */
  readonly reason: string
}

export interface LiveHealth {
  readonly stale: Staleness | undefined
  /** Why the call and queue actions are off right now, in plain words; undefined: they may be tried. */
  readonly actionsOff: string | undefined
}

export const HEALTHY: LiveHealth = { stale: undefined, actionsOff: undefined }

export interface HealthInput {
  /** The live state's meta as main last sent it. */
  readonly meta: LiveMeta
  /** The shown PBX's connection status (transports, breaker), when known. */
  readonly connection: ConnectionStatus | undefined
  /** This window's link to main (web mode: the loopback WebSocket). */
  readonly link: LinkState
  /** When the link to main was lost (undefined while it is open or was never open). */
  readonly linkLostAt: number | undefined
  /** When this window first saw the PBX down without main saying since when (older main). */
  readonly seenDownAt: number
}

/**
 * Whether the shown state is live, and whether actions may be tried. Stale when main says its
 * state stopped following the PBX (`meta.staleSince`: the AMI connection was lost, or the rebuild
 * after it has not finished), or when this window lost its own link to main (then nothing new can
 * arrive, whatever main knows). Actions are off while stale, and while the shared circuit breaker
 * is open (main would refuse them with `circuit_open` at once).
 */
export function liveHealth(input: HealthInput): LiveHealth {
  const { meta, connection, link, linkLostAt } = input
  const pbxDown = meta.status === 'disconnected' || meta.staleSince !== undefined
  let stale: Staleness | undefined
  if (link !== 'open' && linkLostAt !== undefined) {
    stale = { since: Math.min(linkLostAt, meta.staleSince ?? linkLostAt), reason: t('stale.linkLost') }
  } else if (pbxDown) {
    const reason =
      connection?.breaker === 'open' ? t('stale.retryingLater') : meta.status === 'syncing' ? t('stale.reloading') : t('stale.unreachable')
    stale = { since: meta.staleSince ?? input.seenDownAt, reason }
  }
  if (stale !== undefined) return { stale, actionsOff: t('actionsOff.stale', { reason: stale.reason, time: clockTime(stale.since) }) }
  if (connection?.breaker === 'open') return { stale: undefined, actionsOff: t('actionsOff.breaker') }
  return HEALTHY
}

const WALL_CLOCK: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }

/** `14:02:11`, the desk's local time (24-hour, as a receptionist reads a wall clock), with the shown language's separators. */
export function clockTime(at: number): string {
  return fmt().custom(at, WALL_CLOCK)
}

/** The words every stale part of the console shows: `as of 14:02:11, PBX unreachable`. */
export function staleText(stale: Staleness): string {
  return t('stale.asOf', { time: clockTime(stale.since), reason: stale.reason })
}

export function sameHealth(a: LiveHealth, b: LiveHealth): boolean {
  return a.actionsOff === b.actionsOff && a.stale?.since === b.stale?.since && a.stale?.reason === b.stale?.reason
}
