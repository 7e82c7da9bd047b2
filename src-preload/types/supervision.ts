import { z } from 'zod'
import type { LiveCall, LiveChannel } from './live'
import type { ScopeWords } from '../i18n/strings/supervision'
import type { Role, SupervisionSettings } from './profile'
import { profileIdSchema } from './profile-id'
import { refusal } from './input-words'

/**
 * Supervision of live calls (issue 19 items 4-5): listening in on a call (ChanSpy) and recording
 * it (MixMonitor). Only ids the renderer got from the live state cross the contract; main checks
 * each is a live channel of the named call, and builds everything it sends to the PBX itself.
 */

/** How a supervisor is in a call: hears it, talks to the agent only, or talks to both parties. */
export const spyModeSchema = z.enum(['listen', 'whisper', 'barge'])
export type SpyMode = z.infer<typeof spyModeSchema>

/** Uniqueids and call ids as the live state holds them (`lab-1795552383.0`, `1700000000.12`). */
const liveId = z.string().regex(/^[A-Za-z0-9._:-]{1,150}$/, refusal('liveId'))

export const supervisionWatchInputSchema = z.strictObject({ profileId: profileIdSchema })

export const spyStartInputSchema = z.strictObject({
  profileId: profileIdSchema,
  /** The call, by its id in the live state. */
  callId: liveId,
  /** The party to listen to, by its channel's id; absent: main picks the answering extension. */
  channelId: liveId.optional(),
  mode: spyModeSchema,
})

export const spyModeInputSchema = z.strictObject({ profileId: profileIdSchema, sessionId: liveId, mode: spyModeSchema })
export const spyStopInputSchema = z.strictObject({ profileId: profileIdSchema, sessionId: liveId })

export const recordOpSchema = z.enum(['start', 'stop', 'mute', 'unmute'])
export type RecordOp = z.infer<typeof recordOpSchema>

/** Recording control on a live call: main picks the channel and makes the file name. */
export const recordInputSchema = z.strictObject({ profileId: profileIdSchema, callId: liveId, op: recordOpSchema })

/** One ChanSpy session on the PBX, as the console saw it start (ChanSpyStart). */
export interface SpySessionView {
  /** The listening channel's Uniqueid (the supervisor's phone): the session's key. */
  readonly id: string
  /** The channel listened to (its Uniqueid in the live state) and its name. */
  readonly spiedChannelId: string
  readonly spiedChannelName: string
  /** Who listens, as the listening phone's caller ID names it ("Supervisor 105", "105"). */
  readonly byName: string
  readonly byNumber: string
  /**
   * The mode this console asked for; undefined when another console or the phone itself started
   * it (listen, whisper and barge look the same on the wire: the console says "listened to").
   */
  readonly mode: SpyMode | undefined
  /** Started from this profile's seat (its own phone listens): its windows may switch and end it. */
  readonly ours: boolean
  /** The window or socket that started it, when this console did ("web socket 5"). */
  readonly seat?: string
  readonly since: number
}

/** One MixMonitor recording on a live channel. */
export interface RecordingView {
  readonly channelId: string
  /** The file name main gave it (never a path); undefined when started elsewhere. */
  readonly file: string | undefined
  readonly muted: boolean
  readonly ours: boolean
  readonly since: number
}

/**
 * The calls a seat may supervise, from its sealed profile: every call (an admin who names none),
 * else only the calls of the named queues and extensions (a supervisor who names none: no call).
 */
export interface SupervisionScopeView {
  readonly all: boolean
  readonly queues: readonly string[]
  readonly extensions: readonly string[]
}

export const NO_SUPERVISION_SCOPE: SupervisionScopeView = Object.freeze({ all: false, queues: [], extensions: [] })

export function supervisionScopeOf(role: Role, settings: Pick<SupervisionSettings, 'queues' | 'extensions'>): SupervisionScopeView {
  const named = settings.queues.length + settings.extensions.length > 0
  return { all: role === 'admin' && !named, queues: settings.queues, extensions: settings.extensions }
}

/**
 * Why the seat may not supervise this call, in words; undefined when it may. A call counts when it
 * came through a named queue or one of its channels is on a named extension's phone (the
 * extensions whose hints name the channel's device). The one rule: main refuses by it, and the
 * windows grey their buttons by it, each side in its language (`words`: the shared fragment
 * i18n/strings/supervision.ts through main's `say` or the renderer's `tr`).
 */
export function outOfScopeReason(
  scope: SupervisionScopeView,
  call: Pick<LiveCall, 'queue'>,
  channels: readonly Pick<LiveChannel, 'queue' | 'device'>[],
  extensionsOfDevice: (device: string) => readonly string[],
  words: ScopeWords,
): string | undefined {
  if (scope.all) return undefined
  const count = scope.queues.length + scope.extensions.length
  if (count === 0) return words('noScope')
  const queues = new Set(scope.queues)
  const extensions = new Set(scope.extensions)
  const viaQueue = [call.queue, ...channels.map((c) => c.queue)].some((q) => q !== undefined && queues.has(q))
  const onExtension = channels.some((c) => extensionsOfDevice(c.device).some((e) => extensions.has(e)))
  if (viaQueue || onExtension) return undefined
  const list = [...scope.queues.map((queue) => words('queue', { queue })), ...scope.extensions].slice(0, 6).join(', ')
  return words(count > 6 ? 'outOfScopeMore' : 'outOfScope', { list })
}

/** What a window shows of the supervision of one PBX's calls. */
export interface SupervisionState {
  readonly profileId: string
  /** Present for supervisor and admin seats only: who listens is not a receptionist's business. */
  readonly spies: readonly SpySessionView[]
  readonly recordings: readonly RecordingView[]
  /** Whether this seat may supervise at all (role, read-only), in words when not. */
  readonly allowed: boolean
  readonly refusal?: string
  /** The calls this seat may supervise (supervisor and admin seats; nothing for the others). */
  readonly scope: SupervisionScopeView
}
