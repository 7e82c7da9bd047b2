/**
 * The demo PBX engine: a simulated Asterisk 22 that turns every change into the events a real
 * one publishes, in its per-channel order (Newchannel … Hangup, Cdr). The AMI and ARI servers
 * only format and filter these events. Time comes from the Scheduler, randomness from the seeded
 * Rng: a seed replays a run.
 *
 * This class is the API the servers, the generator, the control endpoint and the tests use. The
 * model itself is split by concern under `pbx` (pbx/pbx.ts composes them): channels and bridges,
 * dialplan, queues, parking, transfers, in-call features, voicemail, device state, configuration.
 */
import type { Scheduler } from './clock'
import type { Phone } from './config/config-state'
import type { Profile, QueueMemberSpec } from './config/profile'
import type { OriginateRequest, OriginateResult } from './dialplan/originate'
import type { Bridge, Channel, DeviceState } from './model'
import type { ParkedCall } from './parking/parking'
import type { PbxListener } from './pbx/events'
import { Pbx } from './pbx/pbx'
import type { Queue } from './queues/queues'
import type { Rng } from './rng'
import type { Mailbox } from './voicemail/voicemail'

export type { PbxEvent, PbxListener } from './pbx/events'

export class PbxEngine {
  /** Every concern of the model, for the AMI actions and the ARI server. */
  readonly pbx: Pbx

  constructor(
    readonly profile: Profile,
    readonly scheduler: Scheduler,
    readonly rng: Rng,
  ) {
    this.pbx = new Pbx(profile, scheduler, rng)
  }

  get systemName(): string {
    return this.pbx.config.systemName
  }

  now(): number {
    return this.scheduler.now()
  }

  on(listener: PbxListener, wantsAri = false): () => void {
    return this.pbx.events.on(listener, wantsAri)
  }

  /** Counters for load tests: every Hangup must match a Newchannel. */
  get counters(): { readonly newchannel: number; readonly hangup: number; readonly cdr: number; readonly events: number } {
    return this.pbx.events.counters
  }

  // ---------------------------------------------------------------- state, read-only by convention

  /** Live channels by Uniqueid. */
  get channels(): ReadonlyMap<string, Channel> {
    return this.pbx.channels.byId
  }

  get bridges(): ReadonlyMap<string, Bridge> {
    return this.pbx.bridges.byId
  }

  get phones(): ReadonlyMap<string, Phone> {
    return this.pbx.config.phones
  }

  get queues(): ReadonlyMap<string, Queue> {
    return this.pbx.queues.byName
  }

  /** Parked calls by space. */
  get parked(): ReadonlyMap<number, ParkedCall> {
    return this.pbx.parking.parked
  }

  get mailboxes(): ReadonlyMap<string, Mailbox> {
    return this.pbx.voicemail.mailboxes
  }

  /** Device states that have been published (DeviceStateList lists these). */
  get deviceStates(): ReadonlyMap<string, DeviceState> {
    return this.pbx.devices.states
  }

  get startedMs(): number {
    return this.pbx.startedMs
  }

  get reloadedMs(): number {
    return this.pbx.reloadedMs
  }

  get processedCalls(): number {
    return this.pbx.processedCalls
  }

  findChannel(nameOrId: string): Channel | undefined {
    return this.pbx.channels.find(nameOrId)
  }

  channelList(): Channel[] {
    return this.pbx.channels.list()
  }

  uniqueidInUse(id: string): boolean {
    return this.pbx.channels.byId.has(id)
  }

  /** Channels currently ringing on a phone (for the generator and the control API). */
  ringingChannels(): Channel[] {
    return this.pbx.ringing.channels()
  }

  // ---------------------------------------------------------------- what callers and phone users do

  /** An inbound call from a trunk to a DID. */
  inboundCall(trunkName: string, did: string, callerNum: string, callerName: string): Channel | undefined {
    return this.pbx.calls.inbound(trunkName, did, callerNum, callerName)
  }

  /** An internal call from a phone: the phone's channel dials `exten` in its context. */
  phoneCall(fromExten: string, exten: string): Channel | undefined {
    return this.pbx.calls.fromPhone(fromExten, exten)
  }

  /** Originate (AMI, ARI): `onResult` fires when Asterisk would send the OriginateResponse. */
  originate(req: OriginateRequest, onResult?: (r: OriginateResult) => void): OriginateResult {
    return this.pbx.originates.originate(req, onResult)
  }

  /** Answers a ringing phone channel. */
  answer(channelId: string): boolean {
    return this.pbx.ringing.answer(channelId)
  }

  /** A hangup request from outside (the control API, a phone). */
  softHangup(ch: Channel, cause: number): void {
    this.pbx.hangups.soft(ch, cause)
  }

  hold(ch: Channel, on: boolean): boolean {
    return this.pbx.holds.hold(ch, on)
  }

  /** Parks `ch` in the first free space. Returns the space, or undefined when the lot is full. */
  parkChannel(ch: Channel, timeoutChannel: Channel | undefined, parkerDialString: string, timeoutMs?: number): number | undefined {
    return this.pbx.parking.park(ch, timeoutChannel, parkerDialString, timeoutMs)
  }

  /** Moves a channel to another dialplan location; with `blind`, as a blind transfer by `transferer`. */
  redirect(ch: Channel, context: string, exten: string, blind?: { transferer: Channel }): void {
    this.pbx.blind.redirect(ch, context, exten, blind)
  }

  atxfer(transferer: Channel, context: string, exten: string): boolean {
    return this.pbx.attended.start(transferer, context, exten)
  }

  completeAtxfer(transferer: Channel): boolean {
    return this.pbx.attended.complete(transferer)
  }

  queuePause(queueName: string | undefined, iface: string, paused: boolean, reason: string): boolean {
    return this.pbx.queues.pause(queueName, iface, paused, reason)
  }

  queueAdd(queueName: string, spec: QueueMemberSpec, paused: boolean, reason: string): 'ok' | 'exists' | 'noqueue' {
    return this.pbx.queues.add(queueName, spec, paused, reason)
  }

  queueRemove(queueName: string, iface: string): 'ok' | 'notthere' | 'noqueue' | 'static' {
    return this.pbx.queues.remove(queueName, iface)
  }

  /** Schedules work tied to a channel: cancelled if the channel goes away first. */
  later(ch: Channel, delayMs: number, run: () => void): void {
    this.pbx.channels.later(ch, delayMs, run)
  }

  /** A simulated Asterisk restart: channels vanish without events, sequences and counters restart. */
  restart(): void {
    this.pbx.restart()
  }
}
