/**
 * Typed AMI events: the events the console uses, parsed from a raw AmiMessage into plain objects
 * with typed fields. Unknown events are not typed: keep using the raw message.
 *
 * API
 *   toTypedEvent(msg: AmiMessage): AmiTypedEvent | undefined
 *       undefined when msg is not an event or its name is not in TYPED_EVENT_NAMES.
 *   type AmiTypedEvent            discriminated union on `event`
 *   type AmiEventOf<'Hangup'>     one member of the union
 *   TYPED_EVENT_NAMES             the names covered
 *   interface ChannelSnapshot     a channel block (Channel … Linkedid + ChanVariable lines)
 *   interface BridgeSnapshot      a bridge block (BridgeUniqueid … BridgeVideoSource)
 *   parseChannelVariables(values) `NAME=value` lines → Record
 *
 * Every typed event has `event`, `raw` (the AmiMessage), `privilege`, `systemName`, `timestamp`
 * (number, with timestampevents=yes) and `actionId` (list items, OriginateResponse, UserEvent),
 * plus its channel blocks (`channel`, `dest`, `parkee`, `retriever`, `transferer`, `transferee`,
 * `origTransferer`, `secondTransferer`, `transferTarget`, `localOne`, `localTwo`, `parker`), bridge
 * blocks (`bridge`, `origBridge`, `secondBridge`, `toBridge`, `fromBridge`) and its own fields in
 * camelCase. A block absent from the message is `undefined` (an Originate's DialBegin has only
 * Dest*). Absent fields are `undefined`; number fields that are empty or not numeric are
 * `undefined` too. Keys are matched case-insensitively (`Uniqueid` / `UniqueID`), and `<unknown>`
 * is kept as Asterisk sends it (the caller decides what it means).
 *
 * Parsing is one pass over the message's fields with precomputed key tables: this runs for every
 * event on the ingest path.
 */
import type { AmiMessage } from './message'

export interface ChannelSnapshot {
  readonly channel: string | undefined
  readonly channelState: number | undefined
  readonly channelStateDesc: string | undefined
  readonly callerIdNum: string | undefined
  readonly callerIdName: string | undefined
  readonly connectedLineNum: string | undefined
  readonly connectedLineName: string | undefined
  readonly language: string | undefined
  readonly accountCode: string | undefined
  readonly context: string | undefined
  readonly exten: string | undefined
  readonly priority: number | undefined
  readonly uniqueid: string | undefined
  readonly linkedid: string | undefined
  readonly tenantId: string | undefined
  /** `ChanVariable: NAME=value` lines (manager.conf channelvars), in order; later wins. */
  readonly variables: Readonly<Record<string, string>>
}

export interface BridgeSnapshot {
  readonly uniqueid: string | undefined
  readonly type: string | undefined
  readonly technology: string | undefined
  readonly creator: string | undefined
  readonly name: string | undefined
  readonly numChannels: number | undefined
  readonly videoSourceMode: string | undefined
  readonly videoSource: string | undefined
}

type Kind = 's' | 'n'
type FieldSpec = readonly [amiKey: string, kind: Kind]

/** Channel block prefix on the wire → property name. */
const CHANNEL_BLOCKS = {
  '': 'channel',
  Dest: 'dest',
  Parkee: 'parkee',
  Parker: 'parker',
  Retriever: 'retriever',
  Transferer: 'transferer',
  Transferee: 'transferee',
  OrigTransferer: 'origTransferer',
  SecondTransferer: 'secondTransferer',
  TransferTarget: 'transferTarget',
  LocalOne: 'localOne',
  LocalTwo: 'localTwo',
} as const
type ChannelPrefix = keyof typeof CHANNEL_BLOCKS

/** Bridge block prefix on the wire (before `Bridge…`) → property name. */
const BRIDGE_BLOCKS = {
  '': 'bridge',
  Orig: 'origBridge',
  Second: 'secondBridge',
  To: 'toBridge',
  From: 'fromBridge',
} as const
type BridgePrefix = keyof typeof BRIDGE_BLOCKS

interface EventSpec {
  readonly channels?: readonly ChannelPrefix[]
  readonly bridges?: readonly BridgePrefix[]
  readonly fields?: Readonly<Record<string, FieldSpec>>
}

const s = <K extends string>(k: K): readonly [K, 's'] => [k, 's'] as const
const n = <K extends string>(k: K): readonly [K, 'n'] => [k, 'n'] as const

/** A member's state as app_queue writes it both in its QueueMember* events and in QueueStatus's
 *  QueueMember list item (which names the member Name/Location instead of MemberName/Interface). */
const MEMBER_STATE_FIELDS = {
  stateInterface: s('StateInterface'),
  membership: s('Membership'),
  penalty: n('Penalty'),
  callsTaken: n('CallsTaken'),
  lastCall: n('LastCall'),
  lastPause: n('LastPause'),
  loginTime: n('LoginTime'),
  inCall: n('InCall'),
  status: n('Status'),
  paused: n('Paused'),
  pausedReason: s('PausedReason'),
  wrapuptime: n('Wrapuptime'),
} as const

const QUEUE_MEMBER_FIELDS = {
  queue: s('Queue'),
  memberName: s('MemberName'),
  interface: s('Interface'),
  ...MEMBER_STATE_FIELDS,
  ringinuse: n('Ringinuse'),
} as const

const PARKING_FIELDS = {
  parkerDialString: s('ParkerDialString'),
  parkinglot: s('Parkinglot'),
  parkingSpace: s('ParkingSpace'),
  parkingTimeout: n('ParkingTimeout'),
  parkingDuration: n('ParkingDuration'),
} as const

const AGENT_FIELDS = { queue: s('Queue'), interface: s('Interface'), memberName: s('MemberName') } as const
const CH = ['' as const]
const CH_DEST = ['' as const, 'Dest' as const]

const SPECS = {
  // channels
  Newchannel: { channels: CH },
  Newstate: { channels: CH },
  NewCallerid: { channels: CH, fields: { cidCallingPres: s('CID-CallingPres') } },
  NewConnectedLine: { channels: CH },
  NewAccountCode: { channels: CH, fields: { oldAccountCode: s('OldAccountCode') } },
  Newexten: { channels: CH, fields: { extension: s('Extension'), application: s('Application'), appData: s('AppData') } },
  VarSet: { channels: CH, fields: { variable: s('Variable'), value: s('Value') } },
  Hangup: { channels: CH, fields: { cause: n('Cause'), causeTxt: s('Cause-txt') } },
  HangupRequest: { channels: CH, fields: { cause: n('Cause') } },
  SoftHangupRequest: { channels: CH, fields: { cause: n('Cause') } },
  LocalBridge: {
    channels: ['LocalOne', 'LocalTwo'],
    fields: { context: s('Context'), exten: s('Exten'), localOptimization: s('LocalOptimization') },
  },
  DTMFBegin: { channels: CH, fields: { digit: s('Digit'), direction: s('Direction') } },
  DTMFEnd: { channels: CH, fields: { digit: s('Digit'), durationMs: n('DurationMs'), direction: s('Direction') } },
  // dial
  DialBegin: { channels: CH_DEST, fields: { dialString: s('DialString') } },
  DialState: { channels: CH_DEST, fields: { dialStatus: s('DialStatus'), forward: s('Forward') } },
  DialEnd: { channels: CH_DEST, fields: { dialStatus: s('DialStatus'), forward: s('Forward') } },
  // bridges and transfers
  BridgeCreate: { bridges: [''] },
  BridgeDestroy: { bridges: [''] },
  BridgeEnter: { bridges: [''], channels: CH, fields: { swapUniqueid: s('SwapUniqueid') } },
  BridgeLeave: { bridges: [''], channels: CH },
  BridgeMerge: { bridges: ['To', 'From'] },
  BridgeVideoSourceUpdate: { bridges: [''], fields: { bridgePreviousVideoSource: s('BridgePreviousVideoSource') } },
  BlindTransfer: {
    channels: ['Transferer', 'Transferee'],
    bridges: [''],
    fields: { result: s('Result'), isExternal: s('IsExternal'), context: s('Context'), extension: s('Extension') },
  },
  AttendedTransfer: {
    channels: ['OrigTransferer', 'SecondTransferer', 'Transferee', 'TransferTarget', 'LocalOne', 'LocalTwo'],
    bridges: ['Orig', 'Second'],
    fields: {
      result: s('Result'),
      isExternal: s('IsExternal'),
      destType: s('DestType'),
      destBridgeUniqueid: s('DestBridgeUniqueid'),
      destApp: s('DestApp'),
      destTransfererChannel: s('DestTransfererChannel'),
      destThreewayChannel: s('DestThreewayChannel'),
      destThreewayBridgeUniqueid: s('DestThreewayBridgeUniqueid'),
    },
  },
  Hold: { channels: CH, fields: { musicClass: s('MusicClass') } },
  Unhold: { channels: CH },
  MusicOnHoldStart: { channels: CH, fields: { class: s('Class') } },
  MusicOnHoldStop: { channels: CH },
  // queues
  QueueCallerJoin: { channels: CH, fields: { queue: s('Queue'), position: n('Position'), count: n('Count') } },
  QueueCallerLeave: { channels: CH, fields: { queue: s('Queue'), position: n('Position'), count: n('Count') } },
  QueueCallerAbandon: {
    channels: CH,
    fields: { queue: s('Queue'), position: n('Position'), originalPosition: n('OriginalPosition'), holdTime: n('HoldTime') },
  },
  QueueMemberAdded: { fields: QUEUE_MEMBER_FIELDS },
  QueueMemberRemoved: { fields: QUEUE_MEMBER_FIELDS },
  QueueMemberPause: { fields: QUEUE_MEMBER_FIELDS },
  QueueMemberStatus: { fields: QUEUE_MEMBER_FIELDS },
  QueueMemberPenalty: { fields: QUEUE_MEMBER_FIELDS },
  QueueMemberRinginuse: { fields: QUEUE_MEMBER_FIELDS },
  QueueParams: {
    fields: {
      queue: s('Queue'),
      max: n('Max'),
      strategy: s('Strategy'),
      calls: n('Calls'),
      holdtime: n('Holdtime'),
      talkTime: n('TalkTime'),
      completed: n('Completed'),
      abandoned: n('Abandoned'),
      serviceLevel: n('ServiceLevel'),
      servicelevelPerf: n('ServicelevelPerf'),
      servicelevelPerf2: n('ServicelevelPerf2'),
      weight: n('Weight'),
    },
  },
  QueueMember: { fields: { queue: s('Queue'), name: s('Name'), location: s('Location'), ...MEMBER_STATE_FIELDS } },
  QueueEntry: {
    fields: {
      queue: s('Queue'),
      position: n('Position'),
      channel: s('Channel'),
      uniqueid: s('Uniqueid'),
      callerIdNum: s('CallerIDNum'),
      callerIdName: s('CallerIDName'),
      connectedLineNum: s('ConnectedLineNum'),
      connectedLineName: s('ConnectedLineName'),
      wait: n('Wait'),
      priority: n('Priority'),
    },
  },
  QueueSummary: {
    fields: {
      queue: s('Queue'),
      loggedIn: n('LoggedIn'),
      available: n('Available'),
      callers: n('Callers'),
      holdTime: n('HoldTime'),
      talkTime: n('TalkTime'),
      longestHoldTime: n('LongestHoldTime'),
    },
  },
  // agents (queue members being rung / connected)
  AgentCalled: { channels: CH_DEST, fields: AGENT_FIELDS },
  AgentConnect: { channels: CH_DEST, fields: { ...AGENT_FIELDS, holdTime: n('HoldTime'), ringTime: n('RingTime') } },
  AgentComplete: {
    channels: CH_DEST,
    fields: { ...AGENT_FIELDS, holdTime: n('HoldTime'), talkTime: n('TalkTime'), reason: s('Reason') },
  },
  AgentRingNoAnswer: { channels: CH_DEST, fields: { ...AGENT_FIELDS, ringTime: n('RingTime') } },
  AgentDump: { channels: CH_DEST, fields: AGENT_FIELDS },
  // extension and device states
  ExtensionStatus: { fields: { exten: s('Exten'), context: s('Context'), hint: s('Hint'), status: n('Status'), statusText: s('StatusText') } },
  DeviceStateChange: { fields: { device: s('Device'), state: s('State') } },
  PeerStatus: { fields: { channelType: s('ChannelType'), peer: s('Peer'), peerStatus: s('PeerStatus'), cause: s('Cause'), address: s('Address') } },
  ContactStatus: {
    fields: { uri: s('URI'), contactStatus: s('ContactStatus'), aor: s('AOR'), endpointName: s('EndpointName'), roundtripUsec: n('RoundtripUsec') },
  },
  // parking
  ParkedCall: { channels: ['Parkee', 'Parker'], fields: PARKING_FIELDS },
  UnParkedCall: { channels: ['Parkee', 'Parker', 'Retriever'], fields: PARKING_FIELDS },
  ParkedCallGiveUp: { channels: ['Parkee', 'Parker'], fields: PARKING_FIELDS },
  ParkedCallTimeOut: { channels: ['Parkee', 'Parker'], fields: PARKING_FIELDS },
  ParkedCallSwap: { channels: ['Parkee', 'Parker'], fields: PARKING_FIELDS },
  // records and system
  Cdr: {
    fields: {
      accountCode: s('AccountCode'),
      source: s('Source'),
      destination: s('Destination'),
      destinationContext: s('DestinationContext'),
      callerId: s('CallerID'),
      channel: s('Channel'),
      destinationChannel: s('DestinationChannel'),
      lastApplication: s('LastApplication'),
      lastData: s('LastData'),
      startTime: s('StartTime'),
      answerTime: s('AnswerTime'),
      endTime: s('EndTime'),
      duration: n('Duration'),
      billableSeconds: n('BillableSeconds'),
      disposition: s('Disposition'),
      amaFlags: s('AMAFlags'),
      uniqueId: s('UniqueID'),
      userField: s('UserField'),
      linkedId: s('LinkedID'),
      sequence: n('Sequence'),
    },
  },
  FullyBooted: { fields: { uptime: n('Uptime'), lastReload: n('LastReload'), status: s('Status') } },
  Shutdown: { fields: { shutdown: s('Shutdown'), restart: s('Restart') } },
  Reload: { fields: { module: s('Module'), status: s('Status') } },
  Load: { fields: { module: s('Module'), status: s('Status') } },
  Unload: { fields: { module: s('Module'), status: s('Status') } },
  UserEvent: { fields: { userEvent: s('UserEvent') } },
  OriginateResponse: {
    fields: {
      response: s('Response'),
      channel: s('Channel'),
      context: s('Context'),
      exten: s('Exten'),
      reason: n('Reason'),
      uniqueid: s('Uniqueid'),
      // An Originate into an application (no Context/Exten): which, and its data.
      application: s('Application'),
      data: s('Data'),
      callerIdNum: s('CallerIDNum'),
      callerIdName: s('CallerIDName'),
    },
  },
  // list items and completions used for snapshots
  CoreShowChannel: {
    channels: CH,
    fields: { application: s('Application'), applicationData: s('ApplicationData'), duration: s('Duration'), bridgeId: s('BridgeId') },
  },
  CoreShowChannelsComplete: { fields: { eventList: s('EventList'), listItems: n('ListItems') } },
  Status: {
    channels: CH,
    fields: {
      type: s('Type'),
      dnid: s('DNID'),
      effectiveConnectedLineNum: s('EffectiveConnectedLineNum'),
      effectiveConnectedLineName: s('EffectiveConnectedLineName'),
      timeToHangup: n('TimeToHangup'),
      bridgeId: s('BridgeID'),
      application: s('Application'),
      data: s('Data'),
      seconds: n('Seconds'),
    },
  },
  BridgeListItem: { bridges: [''] },
  BridgeInfoChannel: { channels: CH },
  BridgeInfoComplete: { bridges: [''], fields: { eventList: s('EventList'), listItems: n('ListItems') } },
} as const satisfies Record<string, EventSpec>

type Specs = typeof SPECS
export type TypedEventName = keyof Specs

/** The block properties of an event spec: prefixes listed under `list` become `snapshot | undefined`. */
type BlockProps<S, List extends string, Prefixes extends Readonly<Record<string, string>>, Snapshot> = S extends {
  readonly [L in List]: readonly (infer P)[]
}
  ? { readonly [K in P & keyof Prefixes as Prefixes[K]]: Snapshot | undefined }
  : unknown
type ChannelProps<S> = BlockProps<S, 'channels', typeof CHANNEL_BLOCKS, ChannelSnapshot>
type BridgeProps<S> = BlockProps<S, 'bridges', typeof BRIDGE_BLOCKS, BridgeSnapshot>
type FieldProps<S> = S extends { readonly fields: infer F }
  ? { readonly [K in keyof F]: F[K] extends readonly [string, 'n'] ? number | undefined : string | undefined }
  : unknown

export interface AmiEventBase<N extends string> {
  readonly event: N
  readonly raw: AmiMessage
  readonly privilege: string | undefined
  readonly systemName: string | undefined
  readonly timestamp: number | undefined
  readonly actionId: string | undefined
}

export type AmiEventOf<N extends TypedEventName> = AmiEventBase<N> & ChannelProps<Specs[N]> & BridgeProps<Specs[N]> & FieldProps<Specs[N]>

export type AmiTypedEvent = { [N in TypedEventName]: AmiEventOf<N> }[TypedEventName]

export const TYPED_EVENT_NAMES: readonly TypedEventName[] = Object.keys(SPECS) as TypedEventName[]

// ------------------------------------------------------------------ key tables

/** Wire keys of a channel block; the index is the slot used by setChannelSlot. */
const CHANNEL_KEYS: readonly string[] = [
  'Channel',
  'ChannelState',
  'ChannelStateDesc',
  'CallerIDNum',
  'CallerIDName',
  'ConnectedLineNum',
  'ConnectedLineName',
  'Language',
  'AccountCode',
  'Context',
  'Exten',
  'Priority',
  'Uniqueid',
  'Linkedid',
  'TenantID',
  'ChanVariable',
]
/** Wire keys of a bridge block; the index is the slot used by setBridgeSlot. */
const BRIDGE_KEYS: readonly string[] = [
  'BridgeUniqueid',
  'BridgeType',
  'BridgeTechnology',
  'BridgeCreator',
  'BridgeName',
  'BridgeNumChannels',
  'BridgeVideoSourceMode',
  'BridgeVideoSource',
]

type Mutable<T> = { -readonly [K in keyof T]: T[K] }
type MutableChannel = Mutable<ChannelSnapshot>
type MutableBridge = Mutable<BridgeSnapshot>

/**
 * One kind of block (channel or bridge) that events carry under wire-key prefixes (`Dest…`,
 * `Parkee…`, `To…Bridge…`): its keys in slot order, the prefix → property table, an empty
 * snapshot, and the store of one slot. Every prefixed block of every event is read through this
 * one description; only the slot stores differ per kind (a switch of fixed property names keeps
 * the hot stores monomorphic, where computed names would not).
 */
interface BlockKind<T extends object> {
  readonly keys: readonly string[]
  readonly props: Readonly<Record<string, string>>
  create(): T
  set(block: T, slot: number, value: string): void
}

/** What one wire key means for one event. All targets share one shape, so the hot loop's
 *  property loads stay monomorphic. */
interface Target {
  /** slot of block `block` (channel blocks first, then bridge blocks), an event field (slot =
   *  index in fieldProps), or a common header (slot: 0 Privilege, 1 SystemName, 2 Timestamp,
   *  3 ActionID) */
  readonly t: 'block' | 'f' | 'common'
  readonly block: number
  readonly blockKind: BlockKind<object> | undefined
  readonly slot: number
  readonly kind: Kind
}

function target(t: Target['t'], block: number, blockKind: BlockKind<object> | undefined, slot: number, kind: Kind): Target {
  return { t, block, blockKind, slot, kind }
}

interface CompiledSpec {
  /** Property of each block, in block order (channel blocks, then bridge blocks). */
  readonly blockProps: readonly string[]
  readonly fieldProps: readonly string[]
  /** Exact spelling as Asterisk sends it, then the lowercase fallback. */
  readonly exact: ReadonlyMap<string, Target>
  readonly lower: ReadonlyMap<string, Target>
  /** The key sequence last seen for this event and what each key resolved to: Asterisk sends the
   *  same keys in the same order for an event type, so comparing strings in order beats hashing
   *  every key into a Map. */
  shapeKeys: string[]
  shapeTargets: Array<Target | undefined>
  shapeHash: number
  shapeHash2: number
}

const COMMON: ReadonlyArray<readonly [string, Kind]> = [
  ['Privilege', 's'],
  ['SystemName', 's'],
  ['Timestamp', 'n'],
  ['ActionID', 's'],
]

function compile(spec: EventSpec): CompiledSpec {
  const exact = new Map<string, Target>()
  const add = (key: string, t: Target): void => {
    if (!exact.has(key)) exact.set(key, t)
  }
  // Event fields first: where a field and a block key collide (none today), the field wins.
  const fieldProps: string[] = []
  for (const [prop, [key, kind]] of Object.entries(spec.fields ?? {})) {
    add(key, target('f', -1, undefined, fieldProps.length, kind))
    fieldProps.push(prop)
  }
  const blocks: Array<readonly [BlockKind<object>, string]> = [
    ...(spec.channels ?? []).map((prefix) => [CHANNEL_KIND, prefix] as const),
    ...(spec.bridges ?? []).map((prefix) => [BRIDGE_KIND, prefix] as const),
  ]
  const blockProps: string[] = []
  blocks.forEach(([kind, prefix], block) => {
    kind.keys.forEach((key, slot) => {
      add(prefix + key, target('block', block, kind, slot, 's'))
    })
    blockProps.push(kind.props[prefix] as string)
  })
  COMMON.forEach(([key, kind], slot) => {
    add(key, target('common', -1, undefined, slot, kind))
  })
  const lower = new Map<string, Target>()
  for (const [k, v] of exact) lower.set(k.toLowerCase(), v)
  return { blockProps, fieldProps, exact, lower, shapeKeys: [], shapeTargets: [], shapeHash: 0, shapeHash2: 0 }
}

const NO_VARIABLES: Readonly<Record<string, string>> = Object.freeze({})

/** Slot order = CHANNEL_KEYS order. */
function setChannelSlot(ch: MutableChannel, slot: number, v: string): void {
  switch (slot) {
    case 0:
      ch.channel ??= v
      break
    case 1:
      ch.channelState ??= toNumber(v)
      break
    case 2:
      ch.channelStateDesc ??= v
      break
    case 3:
      ch.callerIdNum ??= v
      break
    case 4:
      ch.callerIdName ??= v
      break
    case 5:
      ch.connectedLineNum ??= v
      break
    case 6:
      ch.connectedLineName ??= v
      break
    case 7:
      ch.language ??= v
      break
    case 8:
      ch.accountCode ??= v
      break
    case 9:
      ch.context ??= v
      break
    case 10:
      ch.exten ??= v
      break
    case 11:
      ch.priority ??= toNumber(v)
      break
    case 12:
      ch.uniqueid ??= v
      break
    case 13:
      ch.linkedid ??= v
      break
    case 14:
      ch.tenantId ??= v
      break
    default: {
      if (ch.variables === NO_VARIABLES) ch.variables = {}
      addVariable(ch.variables, v)
    }
  }
}

/** Slot order = BRIDGE_KEYS order. */
function setBridgeSlot(br: MutableBridge, slot: number, v: string): void {
  switch (slot) {
    case 0:
      br.uniqueid ??= v
      break
    case 1:
      br.type ??= v
      break
    case 2:
      br.technology ??= v
      break
    case 3:
      br.creator ??= v
      break
    case 4:
      br.name ??= v
      break
    case 5:
      br.numChannels ??= toNumber(v)
      break
    case 6:
      br.videoSourceMode ??= v
      break
    default:
      br.videoSource ??= v
  }
}

const CHANNEL_KIND: BlockKind<MutableChannel> = {
  keys: CHANNEL_KEYS,
  props: CHANNEL_BLOCKS,
  create: () => ({
    channel: undefined,
    channelState: undefined,
    channelStateDesc: undefined,
    callerIdNum: undefined,
    callerIdName: undefined,
    connectedLineNum: undefined,
    connectedLineName: undefined,
    language: undefined,
    accountCode: undefined,
    context: undefined,
    exten: undefined,
    priority: undefined,
    uniqueid: undefined,
    linkedid: undefined,
    tenantId: undefined,
    variables: NO_VARIABLES,
  }),
  set: setChannelSlot,
}

const BRIDGE_KIND: BlockKind<MutableBridge> = {
  keys: BRIDGE_KEYS,
  props: BRIDGE_BLOCKS,
  create: () => ({
    uniqueid: undefined,
    type: undefined,
    technology: undefined,
    creator: undefined,
    name: undefined,
    numChannels: undefined,
    videoSourceMode: undefined,
    videoSource: undefined,
  }),
  set: setBridgeSlot,
}

const COMPILED = new Map<string, CompiledSpec>()
for (const [name, spec] of Object.entries(SPECS)) COMPILED.set(name, compile(spec))

function toNumber(v: string): number | undefined {
  const n = v.length
  if (n === 0) return undefined
  // Most numbers on the wire are unsigned integers (states, priorities, counts) or decimals such
  // as Timestamp (`1700000000.000319`, on every event with timestampevents=yes): read them
  // directly. All digits as one integer below 2^53, divided once by an exact power of ten, is
  // the correctly rounded value, i.e. exactly what Number() returns. Number() handles the rest.
  let x = 0
  let scale = 1
  let dot = false
  for (let i = 0; i < n; i++) {
    const c = v.charCodeAt(i)
    if (c === 46 && !dot && i > 0 && i < n - 1) {
      dot = true
      continue
    }
    const d = c - 48
    if (d < 0 || d > 9) return generalNumber(v)
    x = x * 10 + d
    if (dot) scale *= 10
  }
  if (x > Number.MAX_SAFE_INTEGER || scale > 1e22) return generalNumber(v)
  return scale === 1 ? x : x / scale
}

function generalNumber(v: string): number | undefined {
  if (v.trim() === '') return undefined
  const x = Number(v)
  return Number.isNaN(x) ? undefined : x
}

/** `NAME=value` → { NAME: value }; the first `=` splits, so values may contain `=`. */
export function parseChannelVariables(values: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {}
  for (const v of values) addVariable(out, v)
  return out
}

function addVariable(out: Record<string, string>, line: string): void {
  const eq = line.indexOf('=')
  if (eq <= 0) return
  out[line.slice(0, eq)] = line.slice(eq + 1)
}

function resolveTargets(spec: CompiledSpec, msg: AmiMessage): Array<Target | undefined> {
  const n = msg.size
  const keys = spec.shapeKeys
  if (keys.length === n && msg.keyHash !== 0 && msg.keyHash === spec.shapeHash && msg.keyHash2 === spec.shapeHash2) {
    return spec.shapeTargets
  }
  if (keys.length === n) {
    let same = true
    for (let i = 0; i < n; i++) {
      if (keys[i] !== msg.keyAt(i)) {
        same = false
        break
      }
    }
    if (same) {
      spec.shapeHash = msg.keyHash
      spec.shapeHash2 = msg.keyHash2
      return spec.shapeTargets
    }
  }
  const newKeys: string[] = new Array<string>(n)
  const targets: Array<Target | undefined> = new Array<Target | undefined>(n)
  for (let i = 0; i < n; i++) {
    const key = msg.keyAt(i) as string
    newKeys[i] = key
    targets[i] = spec.exact.get(key) ?? spec.lower.get(key.toLowerCase())
  }
  spec.shapeKeys = newKeys
  spec.shapeTargets = targets
  spec.shapeHash = msg.keyHash
  spec.shapeHash2 = msg.keyHash2
  return targets
}

export function toTypedEvent(msg: AmiMessage): AmiTypedEvent | undefined {
  const name = msg.event
  if (name === undefined) return undefined
  const spec = COMPILED.get(name)
  if (spec === undefined) return undefined
  const fp = spec.fieldProps
  const fields: unknown[] = new Array<unknown>(fp.length).fill(undefined)
  const blocks: Array<object | undefined> = []
  let privilege: string | undefined
  let systemName: string | undefined
  let timestamp: number | undefined
  let actionId: string | undefined
  const targets = resolveTargets(spec, msg)
  for (let i = 0; i < targets.length; i++) {
    const target = targets[i]
    if (target === undefined) continue
    const value = msg.valueAt(i) as string
    switch (target.t) {
      case 'block': {
        const kind = target.blockKind as BlockKind<object>
        let block = blocks[target.block]
        if (block === undefined) block = blocks[target.block] = kind.create()
        kind.set(block, target.slot, value)
        break
      }
      case 'f':
        // First occurrence wins, as in Asterisk's own header lookup.
        if (fields[target.slot] === undefined) fields[target.slot] = target.kind === 'n' ? toNumber(value) : value
        break
      default:
        if (target.slot === 0) privilege ??= value
        else if (target.slot === 1) systemName ??= value
        else if (target.slot === 2) timestamp ??= toNumber(value)
        else actionId ??= value
    }
  }
  // Same properties in the same order for every event of a type: one hidden class per type.
  const out: Record<string, unknown> = { event: name, raw: msg, privilege, systemName, timestamp, actionId }
  for (let i = 0; i < fp.length; i++) out[fp[i] as string] = fields[i]
  const bp = spec.blockProps
  for (let i = 0; i < bp.length; i++) out[bp[i] as string] = blocks[i]
  return out as unknown as AmiTypedEvent
}
