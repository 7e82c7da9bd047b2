/**
 * fromSnapshots: a LiveModel built from the EventList answers of a (re)connect.
 *
 *   fromSnapshots({ coreShowChannels, bridgeList, extensionStateList, queueStatus, parkedCalls,
 *                   deviceStateList? }, now, meta?, carry?) → LiveModel
 *
 * Each input is the `events` array of `AmiClient.list()` (item events; completion events and
 * unrelated events are ignored). Bridges go first so channels join typed bridges; parked calls
 * and queue entries last so they can refer to the channels. What exists comes from the lists
 * alone: a channel that is not in CoreShowChannels does not exist (no ghost outlives a resync).
 * With `carry`, the channels, queue callers, parked calls and calls still listed keep what the
 * earlier model knew that the lists do not say (carry-over.ts).
 */
import type { AmiMessage } from '../ami/message'
import { type AmiTypedEvent, toTypedEvent } from '../ami/events'
import type { LiveMeta } from '../../../src-preload/types/live'
import { rebuildCalls } from './calls'
import { carryOver, type CarryOptions } from './carry-over'
import { Draft, emptyLiveModel, type LiveModel } from './model'
import { applyEvent } from './reduce'

export type SnapshotItems = readonly (AmiMessage | AmiTypedEvent)[]

export interface LiveSnapshots {
  readonly coreShowChannels: SnapshotItems
  readonly bridgeList: SnapshotItems
  readonly extensionStateList: SnapshotItems
  readonly queueStatus: SnapshotItems
  readonly parkedCalls: SnapshotItems
  readonly deviceStateList?: SnapshotItems
}

/** The list actions fromSnapshots needs, in the order they are best requested. */
export const SNAPSHOT_ACTIONS = {
  bridgeList: 'BridgeList',
  coreShowChannels: 'CoreShowChannels',
  queueStatus: 'QueueStatus',
  parkedCalls: 'ParkedCalls',
  extensionStateList: 'ExtensionStateList',
  deviceStateList: 'DeviceStateList',
} as const satisfies Record<keyof LiveSnapshots, string>

const ITEM_EVENTS: Readonly<Record<keyof LiveSnapshots, readonly string[]>> = {
  bridgeList: ['BridgeListItem'],
  coreShowChannels: ['CoreShowChannel'],
  queueStatus: ['QueueParams', 'QueueMember', 'QueueEntry'],
  parkedCalls: ['ParkedCall'],
  extensionStateList: ['ExtensionStatus'],
  deviceStateList: ['DeviceStateChange'],
}

function typed(x: AmiMessage | AmiTypedEvent): AmiTypedEvent | undefined {
  return 'raw' in x && 'event' in x && typeof x.event === 'string' ? x : toTypedEvent(x)
}

export interface CarryFrom extends CarryOptions {
  /** The model the rebuilt one replaces (same PBX, not restarted since). */
  readonly prior: LiveModel
}

export function fromSnapshots(snap: LiveSnapshots, now: number, meta?: LiveMeta, carry?: CarryFrom): LiveModel {
  const base = emptyLiveModel()
  const d = new Draft(base)
  d.setMeta(meta ?? { status: 'live', syncedAt: now, resyncs: 0 })
  const order: ReadonlyArray<keyof LiveSnapshots> = [
    'bridgeList',
    'coreShowChannels',
    'queueStatus',
    'parkedCalls',
    'extensionStateList',
    'deviceStateList',
  ]
  for (const key of order) {
    const wanted = ITEM_EVENTS[key]
    for (const item of snap[key] ?? []) {
      const ev = typed(item)
      // List items carry no Timestamp; `now` is when the list was answered.
      if (ev !== undefined && wanted.includes(ev.event)) applyEvent(d, { ...ev, timestamp: undefined }, now)
    }
  }
  if (carry !== undefined) carryOver(d, carry.prior, carry)
  rebuildCalls(d)
  return d.finish()
}
