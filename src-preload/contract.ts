/**
 * THE contract between main and every renderer (Electron preload or web-mode WebSocket).
 *
 * In the style of GitHub Desktop's RequestChannels / RequestResponseChannels maps: each channel is
 * declared once, here, with its input schema (validated at the main-side edge) and its output type.
 * Main registers exactly one handler per invoke channel from this map, the preload exposes exactly
 * one function per channel, and the web bridge sends exactly these names. Adding a channel here
 * without a handler is a type error in `src-main/core/api`.
 */
import { z } from 'zod'
import type { Result } from './types/result'
import { settingsSetInputSchema, type AppInfo, type Settings } from './types/settings'
import { auditQuerySchema, type AuditEntryView } from './types/audit'
import {
  adminSetPassphraseInputSchema,
  profileIdSchema,
  profileRemoveInputSchema,
  profileSaveInputSchema,
  profileTestInputSchema,
  type PbxProfile,
  type ProfilesView,
} from './types/profile'
import { invokeChannelNames, notifyChannelNames, type EventChannel, type InvokeChannel, type NotifyChannel } from './channel-names'
import {
  hangupInputSchema,
  originateInputSchema,
  parkInputSchema,
  pickupInputSchema,
  queuePauseInputSchema,
  transferInputSchema,
  transferStepInputSchema,
  type ActionDone,
  type ActionSettled,
} from './types/actions'
import type { ConnectionStatus, TestConnectionView } from './types/connections'
import type { LiveMessage } from './types/live'
import type { CdrBucket, CdrPage } from './types/cdr'
import {
  historyAggregateInputSchema,
  historyFilterSchema,
  historyQueryInputSchema,
  historyRetentionPreviewInputSchema,
  type HistoryExportResult,
  type HistoryRetentionPreview,
  type HistoryStatsView,
} from './types/history'

/** Phantom marker carrying a channel's output type; it has no runtime role. */
interface Returns<T> {
  readonly __returns?: T
}
const returns = <T>(): Returns<T> => ({})

interface InvokeSpec<I extends z.ZodType, O> {
  readonly input: I
  readonly output: Returns<O>
}
const channel = <I extends z.ZodType, O>(input: I, output: Returns<O>): InvokeSpec<I, O> => ({ input, output })

/** Channels without input accept nothing at all (undefined), so a stray payload is refused. */
const noInput = z.undefined()

export const invokeChannels = {
  'app.info': channel(noInput, returns<AppInfo>()),
  'settings.get': channel(noInput, returns<Settings>()),
  /** A retention that would remove cached calls needs `confirmHistoryRemoval` (see its schema). */
  'settings.set': channel(settingsSetInputSchema, returns<Settings>()),
  'profiles.list': channel(noInput, returns<ProfilesView>()),
  'profiles.save': channel(profileSaveInputSchema, returns<PbxProfile>()),
  /** Before saving: does each transport connect, authenticate and allow what the console needs? */
  'profiles.test': channel(profileTestInputSchema, returns<TestConnectionView>()),
  'profiles.remove': channel(profileRemoveInputSchema, returns<null>()),
  /** The first passphrase only from the first-run step (desktop window, or web mode's setup code). */
  'admin.setPassphrase': channel(adminSetPassphraseInputSchema, returns<null>()),
  'audit.read': channel(auditQuerySchema, returns<readonly AuditEntryView[]>()),
  'connections.list': channel(noInput, returns<readonly ConnectionStatus[]>()),
  /** Starts live updates for this window: a 'live.message' snapshot first, then patches. */
  'live.subscribe': channel(z.strictObject({ profileId: profileIdSchema }), returns<null>()),
  'calls.hangup': channel(hangupInputSchema, returns<ActionDone>()),
  'calls.transfer': channel(transferInputSchema, returns<ActionDone>()),
  'calls.transferComplete': channel(transferStepInputSchema, returns<ActionDone>()),
  'calls.transferCancel': channel(transferStepInputSchema, returns<ActionDone>()),
  'calls.originate': channel(originateInputSchema, returns<ActionDone>()),
  'calls.park': channel(parkInputSchema, returns<ActionDone>()),
  'calls.pickup': channel(pickupInputSchema, returns<ActionDone>()),
  'queues.pause': channel(queuePauseInputSchema, returns<ActionDone>()),
  'history.query': channel(historyQueryInputSchema, returns<CdrPage>()),
  'history.aggregate': channel(historyAggregateInputSchema, returns<readonly CdrBucket[]>()),
  'history.stats': channel(z.strictObject({ profileId: profileIdSchema }), returns<HistoryStatsView>()),
  /** Streams the filter's calls to CSV: a save dialog on the desktop, a download in web mode. */
  'history.export': channel(z.strictObject({ filter: historyFilterSchema }), returns<HistoryExportResult>()),
  /** How many cached calls keeping `days` of history would remove now (asked before settings.set). */
  'history.retentionPreview': channel(historyRetentionPreviewInputSchema, returns<HistoryRetentionPreview>()),
} as const satisfies { readonly [C in InvokeChannel]: InvokeSpec<z.ZodType, unknown> }

/** Main → renderer pushes. Payloads come from main (trusted), so they carry types, not schemas. */
export const eventChannels = {
  'settings.changed': returns<Settings>(),
  'profiles.changed': returns<ProfilesView>(),
  'connections.changed': returns<ConnectionStatus>(),
  /** Targeted at the subscribed window only. */
  'live.message': returns<LiveMessage>(),
  /** Targeted at the window that acted: an "outcome unknown" action, settled from the resynced state. */
  'actions.settled': returns<ActionSettled>(),
} as const satisfies { readonly [E in EventChannel]: Returns<unknown> }

/**
 * Renderer → main notifications: fire-and-forget, no reply. Their input is validated at the
 * main-side edge (each transport) exactly like an invoke channel's.
 */
export const notifyChannels = {
  /**
   * Flow control of 'live.message': the renderer has handled every live message it received
   * (sent from its animation frame), so main may send the next one — never more than one
   * unacknowledged message per window. `restart`: the window starts over (load, reload,
   * subscribing again); whatever main still holds for it is dropped.
   */
  'live.ack': z.strictObject({ restart: z.boolean() }),
} as const satisfies { readonly [N in NotifyChannel]: z.ZodType }

export type NotifyInput<N extends NotifyChannel> = z.input<(typeof notifyChannels)[N]>
export type NotifyParsed<N extends NotifyChannel> = z.output<(typeof notifyChannels)[N]>

export const isNotifyChannel = (name: unknown): name is NotifyChannel =>
  typeof name === 'string' && (notifyChannelNames as readonly string[]).includes(name)

export type InvokeInput<C extends InvokeChannel> = z.input<(typeof invokeChannels)[C]['input']>
/** The input after validation (defaults applied), as handlers receive it. */
export type InvokeParsed<C extends InvokeChannel> = z.output<(typeof invokeChannels)[C]['input']>
export type InvokeOutput<C extends InvokeChannel> = Exclude<(typeof invokeChannels)[C]['output']['__returns'], undefined>
export type EventPayload<E extends EventChannel> = Exclude<(typeof eventChannels)[E]['__returns'], undefined>

export const isInvokeChannel = (name: unknown): name is InvokeChannel =>
  typeof name === 'string' && (invokeChannelNames as readonly string[]).includes(name)

export { eventChannelNames, invokeChannelNames, ipcName, notifyChannelNames } from './channel-names'
export type { EventChannel, InvokeChannel, NotifyChannel } from './channel-names'

/** Arguments of a bridge function: channels without input take none. */
export type InvokeArgs<C extends InvokeChannel> = undefined extends InvokeInput<C>
  ? [input?: InvokeInput<C>]
  : [input: InvokeInput<C>]

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

export type { Result } from './types/result'
