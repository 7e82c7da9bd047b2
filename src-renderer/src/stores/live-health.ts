import type { ConnectionStatus } from '../../../src-preload/types/connections'
import type { LiveMeta } from '../../../src-preload/types/live'
import type { LinkState } from '../bridge/bridge'

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
    stale = { since: Math.min(linkLostAt, meta.staleSince ?? linkLostAt), reason: 'connection to the console lost' }
  } else if (pbxDown) {
    const reason =
      connection?.breaker === 'open' ? 'PBX unreachable, retrying later' : meta.status === 'syncing' ? 'PBX back, reloading calls' : 'PBX unreachable'
    stale = { since: meta.staleSince ?? input.seenDownAt, reason }
  }
  if (stale !== undefined) return { stale, actionsOff: `Actions are off: ${stale.reason}. Showing the state as of ${clockTime(stale.since)}.` }
  if (connection?.breaker === 'open')
    return { stale: undefined, actionsOff: 'Actions are off for now: the PBX failed repeatedly and the console is waiting before it tries again.' }
  return HEALTHY
}

/** `14:02:11`, the desk's local time (24-hour, as a receptionist reads a wall clock). */
export function clockTime(at: number): string {
  return new Date(at).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
}

/** The words every stale part of the console shows: `as of 14:02:11, PBX unreachable`. */
export function staleText(stale: Staleness): string {
  return `as of ${clockTime(stale.since)}, ${stale.reason}`
}

export function sameHealth(a: LiveHealth, b: LiveHealth): boolean {
  return a.actionsOff === b.actionsOff && a.stale?.since === b.stale?.since && a.stale?.reason === b.stale?.reason
}
