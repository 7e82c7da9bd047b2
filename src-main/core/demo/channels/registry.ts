/**
 * The channels that exist: creation (names and Uniqueids as Asterisk makes them), Newchannel,
 * lookup by name or Uniqueid, the live channels per device, and removal at Hangup.
 */
import type { Pbx } from '../pbx/pbx'
import { PRIV_CALL, ariChannelEvent } from '../pbx/events'
import { type Channel, channelBlock } from '../model'

/** Asterisk's limit for a Uniqueid given by Originate's ChannelId/OtherChannelId. */
export const MAX_UNIQUEID = 149

export interface ChannelSpec {
  readonly name: string
  readonly tech: string
  readonly device: string
  readonly state: number
  readonly context: string
  readonly exten: string
  readonly linkedid?: string | undefined
  readonly uniqueid?: string | undefined
  readonly callerNum?: string
  readonly callerName?: string
  readonly localHalf?: 1 | 2
}

export class ChannelRegistry {
  /** By Uniqueid. */
  readonly byId = new Map<string, Channel>()
  private readonly byName = new Map<string, Channel>()
  /** Live channels per device: device-state aggregation without scanning every channel. */
  private readonly byDevice = new Map<string, Set<Channel>>()
  private uniqueSeq = 0
  private localSeq = 0
  private chanSeq = 0
  private iaxCallNo = 9000

  constructor(private readonly pbx: Pbx) {}

  find(nameOrId: string): Channel | undefined {
    return this.byName.get(nameOrId) ?? this.byId.get(nameOrId)
  }

  list(): Channel[] {
    return [...this.byId.values()]
  }

  onDevice(device: string): Iterable<Channel> {
    return this.byDevice.get(device) ?? []
  }

  /** Channels vanish without events (a restart); the sequences start again, not the IAX2 call numbers. */
  reset(): void {
    for (const ch of this.byId.values()) for (const t of ch.timers) t.cancel()
    this.byId.clear()
    this.byName.clear()
    this.byDevice.clear()
    this.uniqueSeq = 0
    this.localSeq = 0
    this.chanSeq = 0
  }

  private nextUniqueid(): string {
    return `${this.pbx.config.systemName}-${Math.floor(this.pbx.now() / 1000)}.${this.uniqueSeq++}`
  }

  /** The next Local pair's `-0000000a` sequence. */
  nextLocalSeq(): string {
    return (this.localSeq++).toString(16).padStart(8, '0')
  }

  /** `PJSIP/101-0000000a`, `IAX2/peer-9000`. */
  endpointName(tech: string, resource: string): string {
    return tech === 'IAX2' ? `IAX2/${resource}-${this.iaxCallNo++}` : `${tech}/${resource}-${(this.chanSeq++).toString(16).padStart(8, '0')}`
  }

  make(spec: ChannelSpec): Channel {
    const uniqueid = spec.uniqueid ?? this.nextUniqueid()
    if (spec.uniqueid !== undefined) this.uniqueSeq++
    const now = this.pbx.now()
    const ch: Channel = {
      name: spec.name,
      uniqueid,
      linkedid: spec.linkedid ?? uniqueid,
      tech: spec.tech,
      device: spec.device,
      state: spec.state,
      callerNum: spec.callerNum ?? '',
      callerName: spec.callerName ?? '',
      connectedNum: '',
      connectedName: '',
      language: 'en',
      accountCode: '',
      context: spec.context,
      exten: spec.exten,
      priority: 1,
      app: '',
      appData: '',
      createdMs: now,
      answeredMs: undefined,
      bridgeId: undefined,
      vars: new Map(),
      localPeer: undefined,
      localHalf: spec.localHalf,
      dialedBy: undefined,
      cdr: {
        src: '',
        dst: spec.exten,
        dcontext: spec.context,
        clid: '',
        dstChannel: '',
        lastApp: '',
        lastData: '',
        disposition: undefined,
        startMs: now,
        answerMs: undefined,
      },
      hungUp: false,
      onHold: false,
      mohPlaying: false,
      stasisApp: undefined,
      timers: [],
      onBridgePartnerGone: undefined,
      mixMonitorId: undefined,
      queueName: undefined,
      runsPbx: false,
    }
    this.byId.set(uniqueid, ch)
    this.byName.set(ch.name, ch)
    let onDevice = this.byDevice.get(ch.device)
    if (!onDevice) this.byDevice.set(ch.device, (onDevice = new Set()))
    onDevice.add(ch)
    return ch
  }

  announce(ch: Channel): void {
    this.pbx.events.counters.newchannel++
    this.pbx.events.emit('Newchannel', PRIV_CALL, channelBlock(ch), ariChannelEvent('ChannelCreated', ch))
  }

  /** A Local channel pair `Local/<exten>@<context>-<seq>;1` and `;2`, both announced. */
  localPair(exten: string, context: string, linkedid?: string, ids?: { one?: string | undefined; two?: string | undefined }): [Channel, Channel] {
    const base = `Local/${exten}@${context}-${this.nextLocalSeq()}`
    const device = `Local/${exten}@${context}`
    const one = this.make({ name: `${base};1`, tech: 'Local', device, state: 0, context, exten, linkedid, uniqueid: ids?.one, localHalf: 1 })
    const two = this.make({
      name: `${base};2`,
      tech: 'Local',
      device,
      state: 4,
      context,
      exten,
      linkedid: one.linkedid,
      uniqueid: ids?.two,
      localHalf: 2,
    })
    one.localPeer = two
    two.localPeer = one
    this.announce(one)
    this.announce(two)
    return [one, two]
  }

  /** A phone's or a trunk's channel, announced. */
  endpoint(
    resource: string,
    device: string,
    tech: string,
    state: number,
    context: string,
    exten: string,
    linkedid?: string,
    uniqueid?: string,
  ): Channel {
    const ch = this.make({ name: this.endpointName(tech, resource), tech, device, state, context, exten, linkedid, uniqueid })
    this.announce(ch)
    return ch
  }

  /** The channel is gone: its timers stop and no lookup finds it any more. */
  remove(ch: Channel): void {
    ch.hungUp = true
    for (const t of ch.timers) t.cancel()
    ch.timers.length = 0
    this.byId.delete(ch.uniqueid)
    if (this.byName.get(ch.name) === ch) this.byName.delete(ch.name)
    const onDevice = this.byDevice.get(ch.device)
    onDevice?.delete(ch)
    if (onDevice?.size === 0) this.byDevice.delete(ch.device)
  }

  /** Schedules work tied to a channel: cancelled if the channel goes away first. */
  later(ch: Channel, delayMs: number, run: () => void): void {
    const task = this.pbx.scheduler.schedule(delayMs, () => {
      if (!ch.hungUp) run()
    })
    ch.timers.push(task)
  }
}
