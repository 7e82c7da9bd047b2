/**
 * THE contract between main and every renderer (Electron preload or web-mode WebSocket),
 * assembled from one fragment per domain: `<domain>.names.ts` (its channel names, dependency-free
 * for the preload) and `<domain>.ts` (their input schemas and output types, checked against the
 * names file by `satisfies DomainSpec<…>`).
 *
 * Main registers exactly one handler per invoke channel (a channel without a handler is a type
 * error in `src-main/core/api`), the preload exposes exactly one function per channel (it gathers
 * the names files itself), and the web bridge sends exactly these names. A new domain: its two
 * files and its entry in `domains` below — the one registration of a domain in the contract.
 */
import type { z } from 'zod'
import type { Result } from '../types/result'
import { appContract } from './app'
import { attentionContract } from './attention'
import { auditContract } from './audit'
import { callsContract } from './calls'
import { configContract } from './config'
import { connectionsContract } from './connections'
import { directoryContract } from './directory'
import { historyContract } from './history'
import { liveContract } from './live'
import { menuContract } from './menu'
import { phonebookContract } from './phonebook'
import { pickupContract } from './pickup'
import { presenceContract } from './presence'
import { profilesContract } from './profiles'
import * as names from './names'
import { queuesContract } from './queues'
import { reportsContract } from './reports'
import { supervisionContract } from './supervision'
import { updatesContract } from './updates'
import { voicemailContract } from './voicemail'
import { webAccessContract } from './web-access'
import { pbxClockContract } from './pbx-clock'

const domains = [
  appContract,
  profilesContract,
  auditContract,
  connectionsContract,
  liveContract,
  callsContract,
  queuesContract,
  pickupContract,
  presenceContract,
  historyContract,
  configContract,
  phonebookContract,
  attentionContract,
  supervisionContract,
  directoryContract,
  webAccessContract,
  pbxClockContract,
  reportsContract,
  menuContract,
  updatesContract,
  voicemailContract,
] as const

type Domain = (typeof domains)[number]
type Intersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never
/** Every domain's map of one kind (invoke, events or notify) as one map. */
type Merged<K extends keyof Domain> = Intersection<Domain[K]>

function merged<K extends keyof Domain>(kind: K): Merged<K> {
  return Object.assign({}, ...domains.map((d) => d[kind])) as Merged<K>
}

export const invokeChannels = merged('invoke')
/** Main → renderer pushes. Payloads come from main (trusted), so they carry types, not schemas. */
export const eventChannels = merged('events')
/**
 * Renderer → main notifications: fire-and-forget, no reply. Their input is validated at the
 * main-side edge (each transport) exactly like an invoke channel's.
 */
export const notifyChannels = merged('notify')

export type InvokeChannel = keyof typeof invokeChannels
export type EventChannel = keyof typeof eventChannels
export type NotifyChannel = keyof typeof notifyChannels

export const invokeChannelNames = Object.keys(invokeChannels) as readonly InvokeChannel[]
export const eventChannelNames = Object.keys(eventChannels) as readonly EventChannel[]
/** Renderer → main messages that need no answer (flow control). */
export const notifyChannelNames = Object.keys(notifyChannels) as readonly NotifyChannel[]

export type NotifyInput<N extends NotifyChannel> = z.input<(typeof notifyChannels)[N]>

export const isNotifyChannel = (name: unknown): name is NotifyChannel =>
  typeof name === 'string' && (notifyChannelNames as readonly string[]).includes(name)

export type InvokeInput<C extends InvokeChannel> = z.input<(typeof invokeChannels)[C]['input']>
/** The input after validation (defaults applied), as handlers receive it. */
export type InvokeParsed<C extends InvokeChannel> = z.output<(typeof invokeChannels)[C]['input']>
export type InvokeOutput<C extends InvokeChannel> = Exclude<(typeof invokeChannels)[C]['output']['__returns'], undefined>
export type EventPayload<E extends EventChannel> = Exclude<(typeof eventChannels)[E]['__returns'], undefined>

export const isInvokeChannel = (name: unknown): name is InvokeChannel =>
  typeof name === 'string' && (invokeChannelNames as readonly string[]).includes(name)

/** Electron IPC names are namespaced so a foreign `ipcRenderer.invoke('x')` never matches. */
export const ipcName = (c: InvokeChannel | EventChannel | NotifyChannel): string => names.ipcName(c)

/** Arguments of a bridge function: channels without input take none. */
export type InvokeArgs<C extends InvokeChannel> = undefined extends InvokeInput<C> ? [input?: InvokeInput<C>] : [input: InvokeInput<C>]

/**
 * What `window.attendant` is: one function per invoke channel, one subscribe function per event
 * channel (returning its unsubscribe), one send function per notify channel. No generic
 * invoke(name), no ipcRenderer, no Node objects.
 */
export interface AttendantBridge {
  readonly invoke: { readonly [C in InvokeChannel]: (...args: InvokeArgs<C>) => Promise<Result<InvokeOutput<C>>> }
  readonly notify: { readonly [N in NotifyChannel]: (input: NotifyInput<N>) => void }
  readonly events: {
    readonly [E in EventChannel]: (listener: (payload: EventPayload<E>) => void) => () => void
  }
}

/** Web-mode wire frames (loopback WebSocket). */
export interface WireRequest {
  readonly id: number
  readonly channel: string
  readonly input?: unknown
}
/** A web-mode notify frame (renderer → main, no reply; an invalid one gets an 'error' frame). */
export interface WireNotify {
  readonly notify: string
  readonly input?: unknown
}
export type WireFrame =
  | { readonly kind: 'reply'; readonly id: number; readonly result: Result<unknown> }
  | { readonly kind: 'event'; readonly channel: EventChannel; readonly payload: unknown }
  | { readonly kind: 'error'; readonly error: { readonly code: 'invalid_frame'; readonly message: string } }

export type { Result } from '../types/result'
