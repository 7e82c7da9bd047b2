/**
 * The data every concern shares: channels, bridges, device states — and the two ways the
 * outside sees a channel: the AMI channel block (`Channel … Linkedid`, optionally
 * prefixed: `Dest`, `Parkee`, `LocalOne`…) and the ARI channel JSON. Key names, order and
 * casing follow the real Asterisk 22.10.1 captures in test/fixtures/asterisk.
 */
import type { AmiField } from './ami-wire'
import type { ScheduledTask } from './clock'

export const CHANNEL_STATE_DESC: Readonly<Record<number, string>> = {
  0: 'Down',
  4: 'Ring',
  5: 'Ringing',
  6: 'Up',
  7: 'Busy',
}

export type DeviceState = 'UNKNOWN' | 'NOT_INUSE' | 'INUSE' | 'BUSY' | 'INVALID' | 'UNAVAILABLE' | 'RINGING' | 'RINGINUSE' | 'ONHOLD'

export interface Channel {
  readonly name: string
  readonly uniqueid: string
  readonly linkedid: string
  /** 'Local', 'PJSIP' or 'IAX2'. */
  readonly tech: string
  /** Device whose state this channel counts towards (`Local/101@lab`, `PJSIP/101`). */
  readonly device: string
  state: number
  callerNum: string
  callerName: string
  connectedNum: string
  connectedName: string
  readonly language: string
  accountCode: string
  context: string
  exten: string
  priority: number
  app: string
  appData: string
  readonly createdMs: number
  answeredMs: number | undefined
  bridgeId: string | undefined
  readonly vars: Map<string, string>
  /** The other half of a Local channel pair. */
  localPeer: Channel | undefined
  /** ';1' or ';2' for Local halves. */
  readonly localHalf: 1 | 2 | undefined
  /** Set when this channel was created by another channel's Dial: it is that CDR's B party. */
  dialedBy: Channel | undefined
  cdr: CdrInfo
  hungUp: boolean
  onHold: boolean
  mohPlaying: boolean
  /** Stasis application the channel is in (ARI). */
  stasisApp: string | undefined
  /** Timers that must not fire once the channel is gone. */
  readonly timers: ScheduledTask[]
  /** What happens when the channel's current application ends (Dial returning, etc.). */
  onBridgePartnerGone: ((cause: number) => void) | undefined
  /** Recording started by MixMonitor. */
  mixMonitorId: string | undefined
  /** Queue call this channel waits in, if any. */
  queueName: string | undefined
  /**
   * True once the channel runs a PBX (dialplan) thread: Asterisk's pbx loop ends with
   * ast_softhangup(), so such a channel publishes SoftHangupRequest right before its Hangup;
   * a channel that Dial/Queue created, or an originate running a bare Application, does not.
   */
  runsPbx: boolean
}

export interface CdrInfo {
  src: string
  dst: string
  dcontext: string
  clid: string
  dstChannel: string
  lastApp: string
  lastData: string
  /** Set for failed originates: a CDR that never reached the dialplan. */
  disposition: string | undefined
  /** A transfer restarts the CDR (a channel then produces two Cdr events). */
  startMs: number
  answerMs: number | undefined
}

export interface Bridge {
  readonly id: string
  readonly type: string
  readonly technology: string
  readonly creator: string
  readonly name: string
  readonly videoMode: string
  readonly createdMs: number
  readonly channels: Channel[]
  /** ARI bridge_class/bridge_type. */
  readonly ariClass: string
  readonly ariType: string
}

export const UNKNOWN = '<unknown>'

function orUnknown(value: string): string {
  return value === '' ? UNKNOWN : value
}

/** The 14-key channel block; `prefix` gives `DestChannel`, `ParkeeChannel`, `LocalOneChannel`… */
export function channelBlock(ch: Channel, prefix = ''): AmiField[] {
  return [
    [`${prefix}Channel`, ch.name],
    [`${prefix}ChannelState`, String(ch.state)],
    [`${prefix}ChannelStateDesc`, CHANNEL_STATE_DESC[ch.state] ?? 'Unknown'],
    [`${prefix}CallerIDNum`, orUnknown(ch.callerNum)],
    [`${prefix}CallerIDName`, orUnknown(ch.callerName)],
    [`${prefix}ConnectedLineNum`, orUnknown(ch.connectedNum)],
    [`${prefix}ConnectedLineName`, orUnknown(ch.connectedName)],
    [`${prefix}Language`, ch.language],
    [`${prefix}AccountCode`, ch.accountCode],
    [`${prefix}Context`, ch.context],
    [`${prefix}Exten`, ch.exten],
    [`${prefix}Priority`, String(ch.priority)],
    [`${prefix}Uniqueid`, ch.uniqueid],
    [`${prefix}Linkedid`, ch.linkedid],
  ]
}

export function bridgeBlock(b: Bridge, prefix = 'Bridge'): AmiField[] {
  return [
    [`${prefix}Uniqueid`, b.id],
    [`${prefix}Type`, b.type],
    [`${prefix}Technology`, b.technology],
    [`${prefix}Creator`, b.creator],
    [`${prefix}Name`, b.name],
    [`${prefix}NumChannels`, String(b.channels.length)],
    [`${prefix}VideoSourceMode`, b.videoMode],
  ]
}

/** `2026-11-24T20:34:27.597+0000` (ARI and security-event timestamps). */
export function isoMillis(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+0000')
}

/** `2026-11-24 20:33:03` (Cdr times; the lab ran in UTC). */
export function cdrTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ')
}

/** `1795552381.094163` (Ping's Timestamp). */
export function epochMicros(ms: number): string {
  return (ms / 1000).toFixed(6)
}

export type AriJson = Record<string, unknown>

export function ariChannel(ch: Channel): AriJson {
  return {
    id: ch.uniqueid,
    name: ch.name,
    state: CHANNEL_STATE_DESC[ch.state] ?? 'Unknown',
    protocol_id: '',
    caller: { name: ch.callerName, number: ch.callerNum },
    connected: { name: ch.connectedName, number: ch.connectedNum },
    accountcode: ch.accountCode,
    dialplan: { context: ch.context, exten: ch.exten, priority: ch.priority, app_name: ch.app, app_data: ch.appData },
    creationtime: isoMillis(ch.createdMs),
    language: ch.language,
  }
}

export function ariBridge(b: Bridge): AriJson {
  return {
    id: b.id,
    technology: b.technology,
    bridge_type: b.ariType,
    bridge_class: b.ariClass,
    creator: b.creator,
    name: b.name,
    channels: b.channels.map((c) => c.uniqueid),
    creationtime: isoMillis(b.createdMs),
    video_mode: b.videoMode === 'none' ? 'none' : b.videoMode,
  }
}

export const HANGUP_CAUSE_TEXT: Readonly<Record<number, string>> = {
  0: 'Unknown',
  1: 'Unallocated (unassigned) number',
  16: 'Normal Clearing',
  17: 'User busy',
  18: 'No user responding',
  19: 'User alerting, no answer',
  21: 'Call Rejected',
  // AST_CAUSE_ANSWERED_ELSEWHERE: a picked-up leg and the legs Dial cancels (pickup.raw).
  26: 'Answered elsewhere',
  32: 'Circuit/channel congestion',
  34: 'Circuit/channel congestion',
}
