/**
 * The contract's channel names, assembled from each domain's `*.names.ts`. Dependency-free, so the
 * sandboxed preload bundles these lists and nothing else (no schema, no zod).
 *
 * A domain is registered twice, here and in `index.ts` (its schemas): `index.ts` fails to compile
 * when the two disagree, and each domain's spec must declare exactly the names of its names file.
 */
import { appChannelNames } from './app.names'
import { auditChannelNames } from './audit.names'
import { callsChannelNames } from './calls.names'
import { configChannelNames } from './config.names'
import { connectionsChannelNames } from './connections.names'
import { historyChannelNames } from './history.names'
import { liveChannelNames } from './live.names'
import { pickupChannelNames } from './pickup.names'
import { profilesChannelNames } from './profiles.names'
import { queuesChannelNames } from './queues.names'

/** What a domain's names file declares: renderer → main calls, main → renderer events, notifications. */
export interface DomainChannelNames {
  readonly invoke: readonly string[]
  readonly events: readonly string[]
  readonly notify: readonly string[]
}

const domains = [
  appChannelNames,
  profilesChannelNames,
  auditChannelNames,
  connectionsChannelNames,
  liveChannelNames,
  callsChannelNames,
  queuesChannelNames,
  pickupChannelNames,
  historyChannelNames,
  configChannelNames,
] as const satisfies readonly DomainChannelNames[]

export const invokeChannelNames = domains.flatMap((d) => d.invoke)
export const eventChannelNames = domains.flatMap((d) => d.events)
/** Renderer → main messages that need no answer (flow control). */
export const notifyChannelNames = domains.flatMap((d) => d.notify)

export type InvokeChannel = (typeof invokeChannelNames)[number]
export type EventChannel = (typeof eventChannelNames)[number]
export type NotifyChannel = (typeof notifyChannelNames)[number]

/** Electron IPC names are namespaced so a foreign `ipcRenderer.invoke('x')` never matches. */
export const ipcName = (c: InvokeChannel | EventChannel | NotifyChannel): string => `attendant:${c}`
