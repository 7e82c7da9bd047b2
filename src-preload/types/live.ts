/**
 * Live state of one PBX profile as the renderer sees it, and the patches that keep it current.
 * Shared by main (src-main/core/live) and the renderer (zustand stores): plain serialisable data
 * only — Records and arrays, no classes, no Maps — so it crosses IPC and the web transport as is.
 *
 * Protocol (main → renderer)
 *   1. the renderer asks for a LiveSnapshot: { profileId, seq, state }
 *   2. then it receives LivePatch batches, at most one per animation frame, with seq = previous + 1
 *      (or baseSeq = previous, for patches main merged); applyLivePatch(state, patch) gives the
 *      next state. The renderer acknowledges each message it has handled ('live.ack', from its
 *      animation frame); main sends the next one only after that ack (a credit of one).
 *   3. a patch whose seq is not lastSeq + 1 means something was missed: ask for a snapshot again
 *      (main also sends a fresh snapshot, never a backlog, to a renderer that fell behind).
 *
 * Times are epoch milliseconds (UTC). Every Record is keyed by the entity's `id`.
 */

/**
 * What the console cannot know about a channel or call it first saw in a resync's snapshot
 * (console started or reconnected mid-call, or the PBX restarted): Asterisk's lists report
 * neither when a channel answered nor whether it is on hold.
 *   'answeredAt': it was answered before the console saw it; `answeredAt` is undefined.
 *   'hold': it may be on hold (no Hold/Unhold event seen since).
 */
export type LiveUnknownFact = 'answeredAt' | 'hold'

/** Asterisk ChannelState numbers (0 Down … 6 Up, 7 Busy …) are kept; `stateDesc` is the text. */
export interface LiveChannel {
  /** Uniqueid: the only stable key of a channel (names are reused across calls). */
  readonly id: string
  readonly name: string
  readonly state: number
  readonly stateDesc: string
  readonly callerNum: string
  readonly callerName: string
  readonly connectedNum: string
  readonly connectedName: string
  readonly context: string
  readonly exten: string
  readonly linkedid: string
  /** Bridge the channel is in now, if any. */
  readonly bridgeId: string | undefined
  /** Put on hold by a Hold event (the channel that pressed hold). */
  readonly hold: boolean
  readonly holdSince: number | undefined
  /** Music-on-hold class while music plays to this channel (the held party, a queue caller). */
  readonly moh: string | undefined
  readonly mohSince: number | undefined
  readonly createdAt: number
  readonly answeredAt: number | undefined
  /** `PJSIP`, `IAX2`, `Local`, … (the part of the name before `/`). */
  readonly technology: string
  /** A trunk leg (see README: named peer, not a numeric phone endpoint; or a `from-*` trunk context). */
  readonly isTrunk: boolean
  /** The device the channel belongs to (`PJSIP/101`, `Local/101@lab`), used for BLF. */
  readonly device: string
  /** The queue the channel came through; kept after it left the queue (the call card shows it). */
  readonly queue: string | undefined
  /** Inbound number dialled on a trunk (the trunk channel's first Exten). */
  readonly did: string | undefined
  /**
   * The ring group the channel came through (FreePBX's `ext-group` context, its extension the
   * group number); kept after it left the group's dialplan, like `queue`.
   */
  readonly ringGroup: string | undefined
  /** Key of the parked call (`lot:space`) while this channel is parked. */
  readonly parkedKey: string | undefined
  /**
   * The mailbox (`105` of `VoiceMail(105@default,u)`) while the channel runs app_voicemail: the
   * caller is leaving a message for that extension, or (VoiceMailMain) listening to its messages;
   * '' when the application names no mailbox (VoiceMailMain asks for one). Absent otherwise.
   */
  readonly voicemail?: string
  /** What it does there: `leave` (VoiceMail) or `listen` (VoiceMailMain); set with `voicemail`. */
  readonly voicemailMode?: LiveVoicemailMode
  /** When it started VoiceMail (absent when first seen there in a snapshot). */
  readonly voicemailSince?: number
  /** What is not known about this channel (absent: everything above is known). */
  readonly unknown?: readonly LiveUnknownFact[]
}

/** In app_voicemail: leaving a message (VoiceMail) or listening to a mailbox (VoiceMailMain). */
export type LiveVoicemailMode = 'leave' | 'listen'

export type LiveCallState = 'ringing' | 'up' | 'hold' | 'parked' | 'queued' | 'transferring'
export type LiveCallDirection = 'inbound' | 'outbound' | 'internal'

export interface LiveParty {
  readonly name: string
  readonly number: string
}

/**
 * Where the caller is now, seen from the caller: talking with a person (the far end of the
 * bridges and Local channels), ringing one or more phones, leaving a message in an extension's
 * voicemail, or parked in a space (`number` = the space).
 */
export type LiveTargetKind = 'talking' | 'ringing' | 'voicemail' | 'parked'

export interface LiveTarget {
  readonly kind: LiveTargetKind
  /** Who: one party, or every phone ringing at once (a ring group, a ringall queue). */
  readonly parties: readonly LiveParty[]
  /** Since when the caller is with this target (ringing, talking with this party, in voicemail, parked). */
  readonly since: number | undefined
  /** A voicemail target: leaving a message for `parties` or listening to their mailbox (none: unknown box). */
  readonly voicemail?: LiveVoicemailMode
}

/**
 * One step of the way a call took through the PBX, in order: the number dialled (DID), a ring
 * group, a queue, each party that answered (a transfer adds the next), a voicemail, a parking space.
 */
export type LiveRouteStepKind = 'did' | 'ringGroup' | 'queue' | 'party' | 'voicemail' | 'parked'

export interface LiveRouteStep {
  readonly kind: LiveRouteStepKind
  /** DID, group or queue number/name, extension, mailbox, parking space. */
  readonly number: string
  /** The name the PBX gave (caller ID / connected line name), '' when it gave none. */
  readonly name: string
}

/** A call: the channels joined by a (non-holding) bridge or by a shared Linkedid. */
export interface LiveCall {
  /** The Linkedid of the call's first channel: stable for the life of the call. */
  readonly id: string
  readonly direction: LiveCallDirection
  readonly caller: LiveParty
  /**
   * Who the caller is with now: the party talking or the one phone ringing (see `target`); when
   * nobody is (in a queue, an IVR, alone on hold), the number dialled.
   */
  readonly callee: LiveParty
  /** Where the caller is now (absent: with nobody yet — a queue, an IVR, alone on hold). */
  readonly target?: LiveTarget
  /** The way the call took so far (absent: nothing known yet). */
  readonly path?: readonly LiveRouteStep[]
  readonly state: LiveCallState
  readonly startedAt: number
  /**
   * When the caller was first bridged with a person (talk time starts here). Time ringing, in a
   * queue, an IVR or on an announcement is waiting, even after the PBX answered the line.
   */
  readonly answeredAt: number | undefined
  /** Since when the call is in its current hold / parked / queued state (for the timers). */
  readonly stateSince: number | undefined
  readonly queue: string | undefined
  /** The ring group the call came through (see LiveChannel.ringGroup). */
  readonly ringGroup: string | undefined
  readonly trunk: string | undefined
  readonly did: string | undefined
  readonly channelIds: readonly string[]
  readonly bridgeIds: readonly string[]
  /**
   * What is not known about the call (absent: nothing): 'answeredAt' — answered before the
   * console saw it, so neither wait nor talk time is known; 'hold' — it may be on hold.
   */
  readonly unknown?: readonly LiveUnknownFact[]
}

export type ExtensionStateName = 'NOT_INUSE' | 'INUSE' | 'BUSY' | 'UNAVAILABLE' | 'RINGING' | 'RINGINUSE' | 'ONHOLD' | 'UNKNOWN'

export interface LiveExtension {
  /** The extension number. */
  readonly id: string
  readonly context: string
  readonly hint: string
  readonly state: ExtensionStateName
  /** Asterisk's StatusText (`Idle`, `InUse`, `Ringing`, …). */
  readonly statusText: string
  /**
   * Calls one of the hint's devices is in (who the extension talks to), in id order. Main's model
   * has all of them; a window is sent at most the first few (src-main/core/live/wire-extensions.ts)
   * and `callCount` when the list was cut.
   */
  readonly callIds: readonly string[]
  /** How many calls in all, present only when `callIds` was cut short for a window. */
  readonly callCount?: number
}

export interface LiveDevice {
  /** `PJSIP/101`, `Queue:support_avail`, `Custom:DND101`, … */
  readonly id: string
  readonly state: string
}

export interface LiveQueueMember {
  readonly interface: string
  readonly name: string
  readonly stateInterface: string
  /** Asterisk device state number of the member (1 not in use, 2 in use, 6 ringing, 5 unavailable…). */
  readonly status: number
  readonly paused: boolean
  readonly pausedReason: string
  readonly penalty: number
  readonly callsTaken: number
  /** Epoch seconds as Asterisk gives it (0 = never). */
  readonly lastCall: number
  readonly inCall: boolean
  readonly membership: string
  /** Epoch seconds the member was last paused (0 = never); unpausing leaves it (queue-abandon.raw). */
  readonly lastPause?: number
  /** Epoch seconds the member joined the queue (a dynamic member's QueueAdd, the PBX's start for a static one). */
  readonly loginTime?: number
  /**
   * When the console saw the member's state (status, paused, in a call) last change (epoch ms);
   * absent when it was first seen in a resync's list, which does not say since when.
   */
  readonly stateSince?: number
}

export interface LiveQueueCaller {
  readonly channelId: string
  /**
   * Where the caller stands in line: a smaller order is nearer the head. Not its position: the
   * head leaving changes no one's order, so a long queue's head answered is one removal on the
   * wire, not every caller behind it again. Its position (1 = next to be answered) is its rank by
   * order among the queue's callers: `callersInLine` (live-queue-callers.ts).
   */
  readonly order: number
  readonly callerNum: string
  readonly callerName: string
  readonly joinedAt: number
}

/**
 * A queue's figures are app_queue's own (QueueStatus), kept current from its events between
 * resyncs: `holdtime` and `talkTime` are its running averages in seconds ((3·old + new) / 4,
 * the first call sets them), `completed` counts calls a member answered once they end,
 * `abandoned` callers who hung up waiting, `serviceLevelPerf` the share (%) of completed calls
 * answered within `serviceLevel` seconds, `serviceLevelPerf2` the same over completed + abandoned.
 */
export interface LiveQueue {
  readonly id: string
  readonly strategy: string
  readonly max: number
  readonly holdtime: number
  readonly talkTime: number
  readonly completed: number
  readonly abandoned: number
  readonly serviceLevel: number
  readonly serviceLevelPerf: number
  readonly serviceLevelPerf2?: number
  /** Completed calls answered within the service level (derived from QueueStatus at a resync). */
  readonly completedInSl?: number
  /** Abandoned calls that gave up within the service level (likewise). */
  readonly abandonedInSl?: number
  readonly weight: number
  readonly members: Readonly<Record<string, LiveQueueMember>>
  readonly callers: Readonly<Record<string, LiveQueueCaller>>
}

export interface LiveParkedCall {
  /** `lot:space` */
  readonly id: string
  readonly lot: string
  readonly space: string
  readonly parkeeId: string
  readonly parkeeChannel: string
  readonly parkee: LiveParty
  /** Whoever parked it, when known (Parker* block or the dial string the call returns to). */
  readonly parker: string
  readonly parkerDialString: string
  readonly timeoutS: number
  readonly since: number
  readonly expiresAt: number | undefined
}

export interface LiveBridge {
  readonly id: string
  readonly type: string
  readonly technology: string
  readonly channelIds: readonly string[]
}

export type LiveConnectionStatus = 'disconnected' | 'syncing' | 'live'

export interface LiveMeta {
  /** 'syncing' while snapshots load after a (re)connect; the collections are the last good state. */
  readonly status: LiveConnectionStatus
  /** When the current state was last rebuilt from snapshots. */
  readonly syncedAt: number | undefined
  /** How many times the state was rebuilt. */
  readonly resyncs: number
  /**
   * When the collections stopped following the PBX (the connection was lost, or a rebuild keeps
   * failing): what is shown is as of this moment, and timers stop here. Absent while the state
   * is current (a periodic resync on a live connection never sets it); cleared by the rebuild.
   */
  readonly staleSince?: number
}

export interface LiveState {
  readonly meta: LiveMeta
  readonly channels: Readonly<Record<string, LiveChannel>>
  readonly calls: Readonly<Record<string, LiveCall>>
  readonly extensions: Readonly<Record<string, LiveExtension>>
  readonly devices: Readonly<Record<string, LiveDevice>>
  readonly queues: Readonly<Record<string, LiveQueue>>
  readonly parked: Readonly<Record<string, LiveParkedCall>>
  readonly bridges: Readonly<Record<string, LiveBridge>>
}

export type LiveCollectionName = 'channels' | 'calls' | 'extensions' | 'devices' | 'queues' | 'parked' | 'bridges'
export const LIVE_COLLECTIONS: readonly LiveCollectionName[] = ['channels', 'calls', 'extensions', 'devices', 'queues', 'parked', 'bridges']

/** The entity type one collection holds (LiveCall for 'calls', …). */
export type EntityOf<C extends LiveCollectionName> = LiveState[C] extends Readonly<Record<string, infer E>> ? E : never

export interface CollectionPatch<E> {
  /** Whole entities, replacing any older version. */
  readonly upsert: Readonly<Record<string, E>>
  readonly remove: readonly string[]
}

/** A queue's own figures: everything but its members and callers. */
export type LiveQueueFigures = Omit<LiveQueue, 'members' | 'callers'>

/**
 * What changed in a queue the window already has (see live-queue-patch.ts): its figures whole
 * when one moved, and only the members (keyed by interface) and callers (keyed by channel id)
 * that changed, the removed ones by key.
 */
export interface LiveQueueChange {
  readonly figures?: LiveQueueFigures
  readonly members?: CollectionPatch<LiveQueueMember>
  readonly callers?: CollectionPatch<LiveQueueCaller>
}

/**
 * Queues: new queues whole (`upsert`), removed ones by name, and queues the window has changed
 * in part (`change`). Applied in that order; a queue is in at most one of them per patch.
 */
export interface LiveQueuesPatch extends CollectionPatch<LiveQueue> {
  readonly change?: Readonly<Record<string, LiveQueueChange>>
}

export interface LivePatch {
  readonly profileId: string
  /** Previous patch's (or the snapshot's) seq + 1; the last one merged when `baseSeq` is set. */
  readonly seq: number
  /**
   * The seq this patch applies on top of, when it is not seq - 1: main merged the patches
   * baseSeq + 1 … seq into this one while the renderer had not yet acknowledged the last message
   * (flow control, see src-main/core/live/live-flow.ts).
   */
  readonly baseSeq?: number
  readonly meta?: LiveMeta
  readonly channels?: CollectionPatch<LiveChannel>
  readonly calls?: CollectionPatch<LiveCall>
  readonly extensions?: CollectionPatch<LiveExtension>
  readonly devices?: CollectionPatch<LiveDevice>
  readonly queues?: LiveQueuesPatch
  readonly parked?: CollectionPatch<LiveParkedCall>
  readonly bridges?: CollectionPatch<LiveBridge>
}

export interface LiveSnapshot {
  readonly profileId: string
  /** The seq of the last patch this state includes; the next patch has seq + 1. */
  readonly seq: number
  readonly state: LiveState
}

/** What a subscriber receives: a patch, or a whole snapshot (first time, or after falling behind). */
export type LiveMessage = { readonly kind: 'patch'; readonly patch: LivePatch } | { readonly kind: 'snapshot'; readonly snapshot: LiveSnapshot }

export function emptyLiveState(): LiveState {
  return {
    meta: { status: 'disconnected', syncedAt: undefined, resyncs: 0 },
    channels: {},
    calls: {},
    extensions: {},
    devices: {},
    queues: {},
    parked: {},
    bridges: {},
  }
}

/** The seq a patch applies on top of: baseSeq for merged patches, else seq - 1. */
export function patchBase(patch: Pick<LivePatch, 'seq' | 'baseSeq'>): number {
  return patch.baseSeq ?? patch.seq - 1
}
