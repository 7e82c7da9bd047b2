/**
 * The PBX engine: owns the model (channels, bridges, phones, queues, parking, voicemail) and
 * turns every change into the events a real Asterisk 22 publishes, in its per-channel order
 * (Newchannel … Hangup, Cdr). The AMI and ARI servers only format and filter these events.
 * Time comes from the Scheduler, randomness from the seeded Rng: a seed replays a run.
 */
import type { AmiField } from './ami-wire'
import type { Scheduler } from './clock'
import {
  type AriJson,
  type Bridge,
  type CdrInfo,
  type Channel,
  type DeviceState,
  type Mailbox,
  type ParkedCall,
  type Phone,
  type Queue,
  type QueueMember,
  DEVICE_STATE_CODE,
  HANGUP_CAUSE_TEXT,
  ariBridge,
  ariChannel,
  bridgeBlock,
  cdrTime,
  channelBlock,
} from './model'
import type { Profile, QueueMemberSpec, Route } from './profile'
import { runningAverage, wholeSecondsBetween } from './queue-figures'
import type { Rng } from './rng'

export interface PbxEvent {
  readonly name: string
  /** `call,all`, `dialplan,all`… as written after `Privilege:`. */
  readonly privilege: string
  /** Keys after Privilege/SystemName, in Asterisk's order. */
  readonly fields: readonly AmiField[]
  /** The matching ARI event (already JSON-shaped), when ARI listeners exist. */
  readonly ari?: AriJson | undefined
  /** ARI-only events (StasisStart…) have no AMI form. */
  readonly amiHidden?: boolean
}

export type PbxListener = (event: PbxEvent) => void

export interface DialOutcome {
  /** ANSWER, BUSY, NOANSWER, CHANUNAVAIL, CANCEL, CONGESTION. */
  readonly status: string
  readonly channel: Channel | undefined
}

export interface OriginateRequest {
  readonly channel: string
  readonly context?: string | undefined
  readonly exten?: string | undefined
  readonly priority?: number | undefined
  readonly application?: string | undefined
  readonly data?: string | undefined
  readonly callerNum?: string | undefined
  readonly callerName?: string | undefined
  readonly channelId?: string | undefined
  readonly otherChannelId?: string | undefined
  readonly variables?: readonly (readonly [string, string])[] | undefined
  readonly timeoutMs?: number | undefined
}

export interface OriginateResult {
  readonly ok: boolean
  /** OriginateResponse Reason: 4 answered, 0 failed, 1 no answer/busy. */
  readonly reason: number
  readonly channel: Channel | undefined
  /** `Channel:` of a failed OriginateResponse (the dial string). */
  readonly dialString: string
}

const PRIV_CALL = 'call,all'
const PRIV_DIALPLAN = 'dialplan,all'
const PRIV_AGENT = 'agent,all'
const PRIV_CDR = 'cdr,all'

const MAX_UNIQUEID = 149

export class PbxEngine {
  readonly channels = new Map<string, Channel>()
  readonly bridges = new Map<string, Bridge>()
  readonly phones = new Map<string, Phone>()
  readonly queues = new Map<string, Queue>()
  readonly parked = new Map<number, ParkedCall>()
  readonly mailboxes = new Map<string, Mailbox>()
  /** Device states that have been published (DeviceStateList lists these). */
  readonly deviceStates = new Map<string, DeviceState>()
  private readonly byName = new Map<string, Channel>()
  /** Live channels per device: device-state aggregation without scanning every channel. */
  private readonly byDevice = new Map<string, Set<Channel>>()
  private readonly phoneByDevice = new Map<string, Phone>()
  private readonly listeners = new Set<PbxListener>()
  private ariListenerCount = 0
  private uniqueSeq = 0
  private localSeq = 0
  private chanSeq = 0
  private iaxCallNo = 9000
  parkingBridge: Bridge | undefined
  startedMs: number
  reloadedMs: number
  processedCalls = 0
  /** Counters for load tests: every Hangup must match a Newchannel. */
  readonly counters = { newchannel: 0, hangup: 0, cdr: 0, events: 0 }
  /** Set by the fidelity harness: phones' extra ring time before answering (lab: none). */
  phoneRingMs = 0

  constructor(
    readonly profile: Profile,
    readonly scheduler: Scheduler,
    readonly rng: Rng,
  ) {
    this.startedMs = scheduler.now()
    this.reloadedMs = this.startedMs
    this.loadProfile()
  }

  get systemName(): string {
    return this.profile.systemName
  }

  now(): number {
    return this.scheduler.now()
  }

  // ---------------------------------------------------------------- listeners

  on(listener: PbxListener, wantsAri = false): () => void {
    this.listeners.add(listener)
    if (wantsAri) this.ariListenerCount++
    return () => {
      if (this.listeners.delete(listener) && wantsAri) this.ariListenerCount--
    }
  }

  private emit(name: string, privilege: string, fields: AmiField[], ari?: () => AriJson): void {
    this.counters.events++
    const event: PbxEvent = { name, privilege, fields, ari: this.ariListenerCount > 0 && ari ? ari() : undefined }
    for (const l of this.listeners) l(event)
  }

  private emitAriOnly(build: () => AriJson): void {
    if (this.ariListenerCount === 0) return
    const event: PbxEvent = { name: '', privilege: '', fields: [], ari: build(), amiHidden: true }
    for (const l of this.listeners) l(event)
  }

  private ariChannelEvent(type: string, ch: Channel, extra: AriJson = {}, extraAfter: AriJson = {}): () => AriJson {
    return () => ({ ...extra, type, timestamp: '', ...extraAfter, channel: ariChannel(ch) })
  }

  // ---------------------------------------------------------------- setup / restart

  private loadProfile(): void {
    const p = this.profile
    for (const spec of p.phones) {
      this.phones.set(spec.exten, {
        exten: spec.exten,
        name: spec.name,
        device: spec.device,
        context: p.internalContext,
        registered: spec.registered,
        dnd: false,
        autoAnswerMs: p.phonesAutoAnswer ? 0 : undefined,
        // The lab used a pattern hint (`_10[0-5],hint`), instantiated lazily; FreePBX writes one hint per
        // extension, so in the office PBX every hint exists from the start and reports changes.
        hintInstantiated: p.id !== 'lab',
      })
    }
    for (const ph of this.phones.values()) this.phoneByDevice.set(ph.device, ph)
    const loginTime = Math.floor(this.now() / 1000)
    for (const q of p.queues) {
      const members: QueueMember[] = []
      const add = (m: QueueMemberSpec, membership: 'static' | 'dynamic'): void => {
        members.push({
          interface: m.interface,
          name: m.name,
          stateInterface: m.stateInterface,
          membership,
          penalty: m.penalty,
          callsTaken: 0,
          lastCall: 0,
          lastPause: 0,
          loginTime,
          inCall: false,
          callStart: 0,
          callInSl: false,
          paused: false,
          pausedReason: '',
          wrapupTime: 0,
        })
      }
      for (const m of q.staticMembers) add(m, 'static')
      for (const m of q.dynamicMembers) add(m, 'dynamic')
      this.queues.set(q.name, {
        name: q.name,
        strategy: q.strategy,
        serviceLevel: q.serviceLevel ?? 0,
        members,
        callers: [],
        completed: 0,
        abandoned: 0,
        completedInSl: 0,
        abandonedInSl: 0,
        holdTimeAvg: 0,
        talkTimeAvg: 0,
      })
    }
    for (const mb of p.mailboxes) {
      this.mailboxes.set(mb, { mailbox: `${mb}@default`, newMessages: 0, oldMessages: 0 })
      this.deviceStates.set(`MWI:${mb}@default`, 'NOT_INUSE')
    }
    for (const q of this.queues.values()) {
      for (const m of q.members) this.deviceStates.set(`Queue:${q.name}_pause_${m.interface}`, 'NOT_INUSE')
      // A freshly booted lab Asterisk reports every queue's _avail device as INUSE until the
      // first member change evaluates it (snapshots-idle); the office profile starts evaluated.
      const avail = p.id === 'lab' || !this.queueAvailable(q) ? 'INUSE' : 'NOT_INUSE'
      this.deviceStates.set(`Queue:${q.name}_avail`, avail)
    }
    if (p.id === 'office') {
      for (const ph of this.phones.values()) this.deviceStates.set(ph.device, ph.registered ? 'NOT_INUSE' : 'UNAVAILABLE')
    }
  }

  /**
   * A simulated Asterisk restart: every channel vanishes without events (the process died),
   * counters restart — Uniqueid sequences start again at .0 with a new epoch, so a client that
   * keys CDRs by Uniqueid alone can collide across restarts.
   */
  restart(): void {
    for (const ch of this.channels.values()) for (const t of ch.timers) t.cancel()
    for (const pc of this.parked.values()) pc.timer.cancel()
    this.channels.clear()
    this.byName.clear()
    this.byDevice.clear()
    this.phoneByDevice.clear()
    this.bridges.clear()
    this.parked.clear()
    this.parkingBridge = undefined
    this.phones.clear()
    this.queues.clear()
    this.mailboxes.clear()
    this.deviceStates.clear()
    this.uniqueSeq = 0
    this.localSeq = 0
    this.chanSeq = 0
    this.processedCalls = 0
    this.startedMs = this.now()
    this.reloadedMs = this.startedMs
    this.loadProfile()
  }

  // ---------------------------------------------------------------- lookups

  findChannel(nameOrId: string): Channel | undefined {
    return this.byName.get(nameOrId) ?? this.channels.get(nameOrId)
  }

  channelList(): Channel[] {
    return [...this.channels.values()]
  }

  uniqueidInUse(id: string): boolean {
    return this.channels.has(id)
  }

  // ---------------------------------------------------------------- channel primitives

  private nextUniqueid(): string {
    return `${this.systemName}-${Math.floor(this.now() / 1000)}.${this.uniqueSeq++}`
  }

  private makeChannel(spec: {
    name: string
    tech: string
    device: string
    state: number
    context: string
    exten: string
    linkedid?: string | undefined
    uniqueid?: string | undefined
    callerNum?: string
    callerName?: string
    localHalf?: 1 | 2
  }): Channel {
    const uniqueid = spec.uniqueid ?? this.nextUniqueid()
    if (spec.uniqueid !== undefined) this.uniqueSeq++
    const now = this.now()
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
      cdr: { src: '', dst: spec.exten, dcontext: spec.context, clid: '', dstChannel: '', lastApp: '', lastData: '', disposition: undefined, startMs: now, answerMs: undefined },
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
    this.channels.set(uniqueid, ch)
    this.byName.set(ch.name, ch)
    let onDevice = this.byDevice.get(ch.device)
    if (!onDevice) this.byDevice.set(ch.device, (onDevice = new Set()))
    onDevice.add(ch)
    return ch
  }

  private announceNewchannel(ch: Channel): void {
    this.counters.newchannel++
    this.emit('Newchannel', PRIV_CALL, channelBlock(ch), this.ariChannelEvent('ChannelCreated', ch))
  }

  newexten(ch: Channel, app: string, data: string, where?: { context?: string; exten?: string; priority?: number }): void {
    if (where?.context !== undefined) ch.context = where.context
    if (where?.exten !== undefined) ch.exten = where.exten
    if (where?.priority !== undefined) ch.priority = where.priority
    ch.app = app
    ch.appData = data
    if (!app.startsWith('AppDial') && app !== 'AppQueue') {
      ch.cdr.lastApp = app
      ch.cdr.lastData = data
      ch.cdr.dst = ch.exten
      ch.cdr.dcontext = ch.context
    } else if (ch.cdr.lastApp === '') {
      ch.cdr.lastApp = app
      ch.cdr.lastData = data
    }
    this.emit('Newexten', PRIV_DIALPLAN, [...channelBlock(ch), ['Extension', ch.exten], ['Application', app], ['AppData', data]], () => ({
      type: 'ChannelDialplan',
      timestamp: '',
      dialplan_app: app,
      dialplan_app_data: data,
      channel: ariChannel(ch),
    }))
  }

  setVar(ch: Channel, name: string, value: string): void {
    ch.vars.set(name, value)
    this.emit('VarSet', PRIV_DIALPLAN, [...channelBlock(ch), ['Variable', name], ['Value', value]], () => ({
      variable: name,
      value,
      type: 'ChannelVarset',
      timestamp: '',
      channel: ariChannel(ch),
    }))
  }

  setCallerId(ch: Channel, num: string, name: string): void {
    ch.callerNum = num
    ch.callerName = name
    this.emit(
      'NewCallerid',
      PRIV_CALL,
      [...channelBlock(ch), ['CID-CallingPres', '0 (Presentation Allowed, Not Screened)']],
      this.ariChannelEvent('ChannelCallerId', ch, { caller_presentation: 0, caller_presentation_txt: 'Presentation Allowed, Not Screened' }),
    )
  }

  setConnected(ch: Channel, num: string, name: string): void {
    ch.connectedNum = num
    ch.connectedName = name
    this.emit('NewConnectedLine', PRIV_CALL, channelBlock(ch), this.ariChannelEvent('ChannelConnectedLine', ch))
  }

  setState(ch: Channel, state: number): void {
    if (ch.state === state) return
    ch.state = state
    if (state === 6 && ch.answeredMs === undefined) {
      ch.answeredMs = this.now()
      ch.cdr.answerMs = ch.answeredMs
    }
    this.emit('Newstate', PRIV_CALL, channelBlock(ch), this.ariChannelEvent('ChannelStateChange', ch))
    this.updateDevice(ch.device)
  }

  private dialBegin(caller: Channel | undefined, dest: Channel, dialString: string): void {
    const fields: AmiField[] = [...(caller ? channelBlock(caller) : []), ...channelBlock(dest, 'Dest'), ['DialString', dialString]]
    this.emit('DialBegin', PRIV_CALL, fields, () => ({
      type: 'Dial',
      timestamp: '',
      dialstatus: '',
      forward: '',
      dialstring: dialString,
      ...(caller ? { caller: ariChannel(caller) } : {}),
      peer: ariChannel(dest),
    }))
  }

  private dialEnd(caller: Channel | undefined, dest: Channel, status: string): void {
    const fields: AmiField[] = [...(caller ? channelBlock(caller) : []), ...channelBlock(dest, 'Dest'), ['DialStatus', status]]
    this.emit('DialEnd', PRIV_CALL, fields, () => ({
      type: 'Dial',
      timestamp: '',
      dialstatus: status,
      forward: '',
      dialstring: '',
      ...(caller ? { caller: ariChannel(caller) } : {}),
      peer: ariChannel(dest),
    }))
  }

  // ---------------------------------------------------------------- device states

  /** Aggregated state of a device from the channels on it (Asterisk's devstate aggregation). */
  computeDeviceState(device: string): DeviceState {
    let up = 0
    let ringing = 0
    let held = 0
    let any = false
    for (const ch of this.byDevice.get(device) ?? []) {
      if (ch.hungUp) continue
      any = true
      if (ch.state === 6) {
        if (ch.onHold) held++
        else up++
      } else if (ch.state === 5) ringing++
      else if (ch.state === 4 || ch.state === 0) up += ch.tech === 'Local' ? 1 : 0
    }
    const phone = this.phoneByDevice.get(device)
    if (!any) return phone && !phone.registered ? 'UNAVAILABLE' : 'NOT_INUSE'
    if (ringing > 0 && up > 0) return 'RINGINUSE'
    if (ringing > 0) return 'RINGING'
    if (up > 0) return phone?.dnd ? 'BUSY' : 'INUSE'
    if (held > 0) return 'ONHOLD'
    return 'INUSE'
  }

  updateDevice(device: string): void {
    const state = this.computeDeviceState(device)
    const before = this.deviceStates.get(device)
    if (before === state && !device.startsWith('Local/')) return
    // Local devices publish once per channel change, duplicates included (captured behaviour).
    this.publishDeviceState(device, state)
    if (before !== state) this.onDeviceChanged(device, state)
  }

  publishDeviceState(device: string, state: DeviceState): void {
    this.deviceStates.set(device, state)
    this.emit('DeviceStateChange', PRIV_CALL, [['Device', device], ['State', state]], () => ({
      type: 'DeviceStateChanged',
      application: '',
      timestamp: '',
      device_state: { name: device, state },
    }))
  }

  private onDeviceChanged(device: string, state: DeviceState): void {
    for (const q of this.queues.values()) {
      let touched = false
      for (const m of q.members) {
        if (m.stateInterface !== device) continue
        touched = true
        // update_status(): a member whose device goes idle has finished its queue call.
        if (state === 'NOT_INUSE') this.updateQueue(q, m, m.callStart)
        this.emit('QueueMemberStatus', PRIV_AGENT, this.queueMemberFields(q, m, state))
      }
      if (touched) this.refreshQueueAvail(q)
    }
    for (const ph of this.phones.values()) {
      if (ph.device === device && ph.hintInstantiated) {
        const [status, text] = hintStatus(state)
        this.emit('ExtensionStatus', PRIV_CALL, [
          ['Exten', ph.exten],
          ['Context', ph.context],
          ['Hint', ph.device],
          ['Status', String(status)],
          ['StatusText', text],
        ])
      }
    }
  }

  memberState(m: QueueMember): DeviceState {
    return this.deviceStates.get(m.stateInterface) ?? this.computeDeviceState(m.stateInterface)
  }

  queueMemberFields(q: Queue, m: QueueMember, state = this.memberState(m)): AmiField[] {
    return [
      ['Queue', q.name],
      ['MemberName', m.name],
      ['Interface', m.interface],
      ['StateInterface', m.stateInterface],
      ['Membership', m.membership],
      ['Penalty', String(m.penalty)],
      ['CallsTaken', String(m.callsTaken)],
      ['LastCall', String(m.lastCall)],
      ['LastPause', String(m.lastPause)],
      ['LoginTime', String(m.loginTime)],
      ['InCall', m.inCall ? '1' : '0'],
      ['Status', String(DEVICE_STATE_CODE[state])],
      ['Paused', m.paused ? '1' : '0'],
      ['PausedReason', m.pausedReason],
      ['Ringinuse', '0'],
      ['Wrapuptime', String(m.wrapupTime)],
    ]
  }

  queueAvailable(q: Queue): boolean {
    return q.members.some((m) => !m.paused && this.memberState(m) === 'NOT_INUSE')
  }

  private refreshQueueAvail(q: Queue): void {
    const device = `Queue:${q.name}_avail`
    const state: DeviceState = this.queueAvailable(q) ? 'NOT_INUSE' : 'INUSE'
    if (this.deviceStates.get(device) !== state) this.publishDeviceState(device, state)
  }

  // ---------------------------------------------------------------- creating calls

  /** Parses a dial string into what it reaches. */
  resolveDialString(dial: string):
    | { kind: 'local'; exten: string; context: string; suffix: string }
    | { kind: 'phone'; phone: Phone }
    | { kind: 'trunk'; trunk: string; tech: string; number: string }
    | undefined {
    const local = /^Local\/([^@/]+)@([^/]+)(\/n)?$/i.exec(dial)
    if (local?.[1] !== undefined && local[2] !== undefined) return { kind: 'local', exten: local[1], context: local[2], suffix: local[3] ?? '' }
    const ep = /^(PJSIP|SIP|IAX2)\/([^/]+)(?:\/(.+))?$/i.exec(dial)
    if (ep?.[1] === undefined || ep[2] === undefined) return undefined
    const trunk = this.profile.trunks.find((t) => t.name === ep[2])
    if (trunk) return { kind: 'trunk', trunk: trunk.name, tech: trunk.tech, number: ep[3] ?? '' }
    const phone = [...this.phones.values()].find((p) => p.device.toLowerCase() === `${ep[1]}/${ep[2]}`.toLowerCase())
    return phone ? { kind: 'phone', phone } : undefined
  }

  private newLocalPair(exten: string, context: string, linkedid?: string, ids?: { one?: string; two?: string }): [Channel, Channel] {
    const seq = (this.localSeq++).toString(16).padStart(8, '0')
    const base = `Local/${exten}@${context}-${seq}`
    const device = `Local/${exten}@${context}`
    const one = this.makeChannel({ name: `${base};1`, tech: 'Local', device, state: 0, context, exten, linkedid, uniqueid: ids?.one, localHalf: 1 })
    const two = this.makeChannel({ name: `${base};2`, tech: 'Local', device, state: 4, context, exten, linkedid: one.linkedid, uniqueid: ids?.two, localHalf: 2 })
    one.localPeer = two
    two.localPeer = one
    this.announceNewchannel(one)
    this.announceNewchannel(two)
    return [one, two]
  }

  private endpointChannel(resource: string, device: string, tech: string, state: number, context: string, exten: string, linkedid?: string, uniqueid?: string): Channel {
    const name = tech === 'IAX2' ? `IAX2/${resource}-${this.iaxCallNo++}` : `${tech}/${resource}-${(this.chanSeq++).toString(16).padStart(8, '0')}`
    const ch = this.makeChannel({ name, tech, device, state, context, exten, linkedid, uniqueid })
    this.announceNewchannel(ch)
    return ch
  }

  private localBridgeEvent(one: Channel, two: Channel): void {
    this.emit('LocalBridge', PRIV_CALL, [
      ...channelBlock(one, 'LocalOne'),
      ...channelBlock(two, 'LocalTwo'),
      ['Context', two.context],
      ['Exten', two.exten],
      ['LocalOptimization', 'Yes'],
    ])
  }

  /**
   * Places an inbound call from a trunk: the channel arrives in the trunk's context with the
   * caller's number already set (as the captured IAX2 trunk's Newchannel shows).
   */
  inboundCall(trunkName: string, did: string, callerNum: string, callerName: string): Channel | undefined {
    const trunk = this.profile.trunks.find((t) => t.name === trunkName)
    if (!trunk) return undefined
    const ch = this.makeChannel({
      name: trunk.tech === 'IAX2' ? `IAX2/${trunk.name}-${this.iaxCallNo++}` : `PJSIP/${trunk.name}-${(this.chanSeq++).toString(16).padStart(8, '0')}`,
      tech: trunk.tech,
      device: `${trunk.tech}/${trunk.name}`,
      state: 4,
      context: trunk.inboundContext,
      exten: did,
      callerNum,
      callerName,
    })
    ch.cdr.src = callerNum
    this.processedCalls++
    this.announceNewchannel(ch)
    this.runDialplan(ch, trunk.inboundContext, did)
    return ch
  }

  /** An internal call from a phone: the phone's channel dials `exten` in its context. */
  phoneCall(fromExten: string, exten: string): Channel | undefined {
    const phone = this.phones.get(fromExten)
    if (!phone) return undefined
    if (phone.device.startsWith('Local/')) {
      const res = this.originate({ channel: `Local/${fromExten}@${phone.context}`, context: phone.context, exten, callerNum: fromExten, callerName: phone.name })
      return res.channel
    }
    const ch = this.endpointChannel(fromExten, phone.device, 'PJSIP', 4, phone.context, exten)
    this.processedCalls++
    this.setCallerId(ch, fromExten, phone.name)
    ch.cdr.src = fromExten
    this.updateDevice(phone.device)
    this.runDialplan(ch, phone.context, exten)
    return ch
  }

  /**
   * Originate: creates the channel (Local pair or endpoint), waits for it to answer, then sends
   * it to the dialplan or application. `onResult` fires when Asterisk would send the
   * OriginateResponse. Returns at once with the created channel (undefined if none).
   */
  originate(req: OriginateRequest, onResult?: (r: OriginateResult) => void): OriginateResult {
    const target = this.resolveDialString(req.channel)
    const fail = (): OriginateResult => {
      const r: OriginateResult = { ok: false, reason: 0, channel: undefined, dialString: req.channel }
      onResult?.(r)
      return r
    }
    if (!target) return fail()
    this.processedCalls++
    if (target.kind === 'local') {
      const [one, two] = this.newLocalPair(target.exten, target.context, req.channelId, { one: req.channelId, two: req.otherChannelId })
      this.newexten(one, 'AppDial2', '(Outgoing Line)', { exten: target.exten })
      for (const [k, v] of req.variables ?? []) this.setVar(one, k, v)
      const route = this.profile.route(target.context, target.exten)
      if (!route) {
        // Unknown context/extension behind the Local channel: both halves die at once.
        this.scheduler.schedule(0, () => {
          this.finishFailedLocal(one, two)
          fail()
        })
        return { ok: false, reason: 0, channel: one, dialString: req.channel }
      }
      if (req.callerNum !== undefined || req.callerName !== undefined) {
        const num = req.callerNum ?? ''
        const name = req.callerName ?? ''
        this.setCallerId(one, num, name)
        this.setConnected(one, num, name)
        this.setCallerId(two, num, name)
        this.setConnected(two, num, name)
      }
      one.cdr.src = one.callerNum
      two.cdr.src = two.callerNum
      this.localBridgeEvent(one, two)
      this.dialBegin(undefined, one, `${target.exten}@${target.context}${target.suffix}`)
      let reported = false
      const report = (): void => {
        if (reported) return
        reported = true
        onResult?.({ ok: true, reason: 4, channel: one, dialString: req.channel })
      }
      const afterAnswer = (): void => {
        this.dialEnd(undefined, one, 'ANSWER')
        report()
        this.continueOriginated(one, req)
      }
      this.runDialplan(two, target.context, target.exten, { onAnswered: afterAnswer })
      return { ok: true, reason: 4, channel: one, dialString: req.channel }
    }
    if (target.kind === 'phone') {
      const phone = target.phone
      if (!phone.registered) {
        this.scheduler.schedule(0, fail)
        return { ok: false, reason: 0, channel: undefined, dialString: req.channel }
      }
      const ch = this.endpointChannel(phone.exten, phone.device, 'PJSIP', 0, req.context ?? phone.context, req.exten ?? 's', req.channelId, req.channelId)
      if (req.callerNum !== undefined) {
        this.setCallerId(ch, req.callerNum, req.callerName ?? '')
      }
      ch.cdr.src = ch.callerNum
      this.newexten(ch, 'AppDial2', '(Outgoing Line)')
      this.dialBegin(undefined, ch, phone.exten)
      this.ringPhone(ch, phone, req.timeoutMs ?? 30_000, (answered) => {
        if (!answered) {
          this.dialEnd(undefined, ch, 'NOANSWER')
          onResult?.({ ok: false, reason: 1, channel: undefined, dialString: req.channel })
          this.destroy(ch, 19)
          return
        }
        this.dialEnd(undefined, ch, 'ANSWER')
        onResult?.({ ok: true, reason: 4, channel: ch, dialString: req.channel })
        this.continueOriginated(ch, req)
      })
      return { ok: true, reason: 4, channel: ch, dialString: req.channel }
    }
    // Trunk: the far end answers after a short delay.
    const ch = this.endpointChannel(target.trunk, `${target.tech}/${target.trunk}`, target.tech, 0, req.context ?? 'default', req.exten ?? 's', req.channelId, req.channelId)
    this.dialBegin(undefined, ch, `${target.trunk}/${target.number}`)
    this.later(ch, this.profile.id === 'lab' ? 0 : this.rng.int(1500, 6000), () => {
      this.setState(ch, 6)
      this.dialEnd(undefined, ch, 'ANSWER')
      onResult?.({ ok: true, reason: 4, channel: ch, dialString: req.channel })
      this.continueOriginated(ch, req)
    })
    return { ok: true, reason: 4, channel: ch, dialString: req.channel }
  }

  private continueOriginated(ch: Channel, req: OriginateRequest): void {
    if (ch.hungUp) return
    if (req.application !== undefined) {
      this.runApplication(ch, req.application, req.data ?? '')
      return
    }
    this.runDialplan(ch, req.context ?? this.profile.internalContext, req.exten ?? 's')
  }

  /** Originate with Application/Data: the answered channel runs that application. */
  runApplication(ch: Channel, app: string, data: string): void {
    this.newexten(ch, app, data, { priority: 1 })
    const seconds = Number.parseInt(data, 10)
    if (app.toLowerCase() === 'wait' && Number.isFinite(seconds)) {
      this.later(ch, seconds * 1000, () => { this.softHangup(ch, 16); })
      return
    }
    if (app.toLowerCase() === 'park') {
      this.parkChannel(ch, undefined, ch.name.replace(/-[0-9a-f]{8}(;\d)?$/, ''))
      return
    }
    // Echo, MusicOnHold, Playback…: the channel stays up until hung up, at most 10 minutes.
    this.later(ch, 600_000, () => { this.softHangup(ch, 16); })
  }

  /**
   * Originate of a Local channel whose OtherChannelId is already in use: Asterisk creates the
   * `;1`, cannot create the `;2` and destroys the `;1` at once — its FAILED Cdr is published
   * before its Newchannel, then Hangup with cause 0 (originate-channelid.raw).
   */
  originateOtherIdTaken(dial: string, channelId: string | undefined): Channel | undefined {
    const target = this.resolveDialString(dial)
    if (target?.kind !== 'local') return undefined
    const seq = (this.localSeq++).toString(16).padStart(8, '0')
    const device = `Local/${target.exten}@${target.context}`
    const one = this.makeChannel({
      name: `Local/${target.exten}@${target.context}-${seq};1`,
      tech: 'Local',
      device,
      state: 0,
      context: target.context,
      exten: target.exten,
      linkedid: channelId,
      uniqueid: channelId,
      localHalf: 1,
    })
    one.cdr.disposition = 'FAILED'
    this.emitCdr(one)
    this.announceNewchannel(one)
    this.emitHangup(one, 0)
    this.publishDeviceState(device, this.computeDeviceState(device))
    return one
  }

  private finishFailedLocal(one: Channel, two: Channel): void {
    one.cdr.disposition = 'FAILED'
    two.cdr.disposition = 'FAILED'
    this.emitHangup(two, 0)
    this.emitHangup(one, 0)
    this.publishDeviceState(one.device, 'INVALID')
    this.emitCdr(two)
    this.emitCdr(one)
  }

  /** Schedules work tied to a channel: cancelled if the channel goes away first. */
  later(ch: Channel, delayMs: number, run: () => void): void {
    const task = this.scheduler.schedule(delayMs, () => {
      if (!ch.hungUp) run()
    })
    ch.timers.push(task)
  }

  // ---------------------------------------------------------------- dialplan

  /** Runs a route for a channel that just entered (context, exten). */
  runDialplan(ch: Channel, context: string, exten: string, hooks?: { onAnswered?: () => void }): void {
    const route = this.profile.route(context, exten)
    ch.runsPbx = true
    ch.context = context
    ch.exten = exten
    ch.priority = 1
    if (!route) {
      this.newexten(ch, 'Hangup', '', { priority: 1 })
      this.softHangup(ch, 1)
      return
    }
    this.executeRoute(ch, route, hooks)
  }

  private answerLocalTwo(two: Channel): void {
    this.setState(two, 6)
    const one = two.localPeer
    if (one && !one.hungUp) this.setState(one, 6)
  }

  private executeRoute(ch: Channel, route: Route, hooks?: { onAnswered?: () => void }): void {
    switch (route.kind) {
      case 'phone': {
        // The lab's simulated phone: NoOp, Answer, Wait(600) on the ;2 half.
        this.newexten(ch, 'NoOp', `Simulated phone ${route.exten} answers`, { priority: 1 })
        const answer = (): void => {
          this.newexten(ch, 'Answer', '', { priority: 2 })
          this.answerLocalTwo(ch)
          hooks?.onAnswered?.()
          this.later(ch, 0, () => {
            this.newexten(ch, 'Wait', '600', { priority: 3 })
            this.later(ch, 600_000, () => { this.softHangup(ch, 16); })
          })
        }
        if (this.phoneRingMs > 0) this.later(ch, this.phoneRingMs, answer)
        else answer()
        return
      }
      case 'dial': {
        if (this.profile.id === 'lab') this.newexten(ch, 'NoOp', route.note, { priority: 1 })
        this.answerIfLocal(ch, hooks)
        this.dialApp(ch, route.targets, route.timeoutS, route.options, this.profile.id === 'lab' ? 2 : 1)
        return
      }
      case 'queue':
        this.answerIfLocal(ch, hooks, true)
        this.queueApp(ch, route.queue)
        return
      case 'stasis':
        this.answerIfLocal(ch, hooks)
        this.newexten(ch, 'NoOp', `To Stasis app ${route.app}`, { priority: 1 })
        this.newexten(ch, 'Stasis', route.app, { priority: 2 })
        this.setVar(ch, 'STASISSTATUS', '')
        ch.stasisApp = route.app
        this.emitAriOnly(() => ({ type: 'StasisStart', timestamp: '', args: [], channel: ariChannel(ch), application: route.app }))
        return
      case 'park':
        this.answerIfLocal(ch, hooks, true)
        this.newexten(ch, 'Park', '', { priority: 1 })
        this.parkChannel(ch, undefined, ch.name.replace(/-[0-9a-f]{8}(;\d)?$/, ''))
        return
      case 'parkedcall':
        this.answerIfLocal(ch, hooks, true)
        this.newexten(ch, 'ParkedCall', `default,${route.space}`, { priority: 1 })
        this.retrieveParked(ch, route.space)
        return
      case 'holding': {
        // BridgeWait(): the channel waits alone in a holding bridge with music (transfer.raw).
        this.answerIfLocal(ch, hooks, true)
        this.newexten(ch, 'BridgeWait', '', { priority: 1 })
        const holding = this.createBridge('holding', 'holding_bridge', 'BridgeWait', `wait-${ch.uniqueid}`, 'none', 'holding', 'holding')
        this.bridgeEnter(holding, ch)
        ch.mohPlaying = true
        this.emit('MusicOnHoldStart', PRIV_CALL, [...channelBlock(ch), ['Class', 'default']], this.ariChannelEvent('ChannelHold', ch))
        this.later(ch, 600_000, () => { this.softHangup(ch, 16) })
        return
      }
      case 'echo': {
        this.answerIfLocal(ch, hooks, true)
        this.newexten(ch, 'Echo', '', { priority: 1 })
        this.later(ch, 600_000, () => { this.softHangup(ch, 16) })
        return
      }
      case 'moh':
        // MusicOnHold() in the dialplan: music on this channel, no Hold event (hold-moh.raw).
        this.answerIfLocal(ch, hooks, true)
        this.newexten(ch, 'MusicOnHold', 'default,600', { priority: 1 })
        ch.mohPlaying = true
        this.emit('MusicOnHoldStart', PRIV_CALL, [...channelBlock(ch), ['Class', 'default']], this.ariChannelEvent('ChannelHold', ch))
        this.later(ch, 600_000, () => { this.softHangup(ch, 16) })
        return
      case 'timed':
        this.answerIfLocal(ch, hooks, true)
        this.newexten(ch, 'Wait', String(route.seconds), { priority: 2 })
        this.later(ch, route.seconds * 1000, () => {
          this.newexten(ch, 'Hangup', '16', { priority: 3 })
          this.softHangup(ch, 16)
        })
        return
      case 'voicemail':
        this.answerIfLocal(ch, hooks, true)
        this.voicemailApp(ch, route.mailbox)
        return
      case 'outbound':
        this.answerIfLocal(ch, hooks)
        this.dialApp(ch, [`PJSIP/${route.trunk}/${route.number}`], 60, 'T', 1)
        return
      case 'goto':
        this.newexten(ch, 'Goto', `${route.context},${route.exten},1`, { priority: 1 })
        this.runDialplan(ch, route.context, route.exten, hooks)
        return
    }
  }

  /** A channel from a phone or trunk is answered by the PBX for queues, parking, voicemail. */
  private answerIfLocal(ch: Channel, hooks: { onAnswered?: () => void } | undefined, answerNow = false): void {
    if (ch.localHalf === 2 && ch.state !== 6) {
      this.newexten(ch, 'Answer', '', { priority: ch.priority })
      this.answerLocalTwo(ch)
      hooks?.onAnswered?.()
      return
    }
    if (answerNow && ch.state !== 6) {
      this.newexten(ch, 'Answer', '', { priority: ch.priority })
      this.setState(ch, 6)
    }
    hooks?.onAnswered?.()
  }

  private static readonly DIAL_RESET_VARS = [
    'DIALSTATUS', 'DIALEDPEERNUMBER', 'DIALEDPEERNAME', 'ANSWEREDTIME', 'ANSWEREDTIME_MS', 'DIALEDTIME', 'DIALEDTIME_MS',
    'RINGTIME', 'RINGTIME_MS', 'PROGRESSTIME', 'PROGRESSTIME_MS',
  ]

  /**
   * Dial(): creates one outgoing channel per target, rings them, bridges the first that
   * answers with the caller, cancels the rest. Returns the dialled channels.
   */
  dialApp(caller: Channel, targets: readonly string[], timeoutS: number, options: string, priority: number): Channel[] {
    const appData = `${targets.join('&')},${timeoutS},${options}`
    this.newexten(caller, 'Dial', appData, { priority })
    for (const v of PbxEngine.DIAL_RESET_VARS) this.setVar(caller, v, '')
    const dialStart = this.now()
    const legs: Channel[] = []
    let done = false
    const finish = (status: string, winner: Channel | undefined): void => {
      if (done) return
      done = true
      for (const leg of legs) {
        if (leg === winner || leg.hungUp) continue
        this.dialEnd(caller, leg, 'CANCEL')
        this.destroy(leg, 26)
      }
      if (!winner) {
        this.setVar(caller, 'DIALSTATUS', status)
        // Dial returned without an answer: unanswered call ends (office: voicemail for one phone).
        const single = targets.length === 1 ? targets[0] : undefined
        const phone = single ? this.resolveDialString(single) : undefined
        if (phone?.kind === 'phone' && this.profile.id === 'office' && status !== 'CHANUNAVAIL' && !caller.hungUp) {
          this.voicemailApp(caller, phone.phone.exten)
          return
        }
        this.softHangup(caller, status === 'BUSY' ? 17 : 16)
        return
      }
      this.setVar(caller, 'DIALSTATUS', 'ANSWER')
      this.setVar(caller, 'DIALEDPEERNAME', winner.name)
      this.setVar(caller, 'DIALEDPEERNUMBER', winner.vars.get('DIALEDPEERNUMBER') ?? '')
      this.dialEnd(caller, winner, 'ANSWER')
      if (caller.state !== 6) this.setState(caller, 6)
      caller.cdr.dstChannel = winner.name
      const bridge = this.createBridge('basic', 'simple_bridge', '<unknown>', '<unknown>', 'none', 'basic', 'mixing')
      if (winner.tech === 'Local') this.newexten(winner, 'AppDial', '(Outgoing Line)', { exten: '' })
      this.bridgeEnter(bridge, winner)
      this.bridgeEnter(bridge, caller)
      this.setVar(winner, 'BRIDGEPEER', caller.name)
      this.setVar(caller, 'BRIDGEPEER', winner.name)
      caller.onBridgePartnerGone = (cause) => { this.dialReturned(caller, dialStart, cause); }
      winner.onBridgePartnerGone = (cause) => { this.destroy(winner, cause); }
    }
    for (const target of targets) {
      const leg = this.dialOne(caller, target, (answered, status) => {
        if (done) return
        if (answered) finish('ANSWER', leg)
        else {
          if (leg && !leg.hungUp) {
            this.dialEnd(caller, leg, status)
            this.destroy(leg, status === 'BUSY' ? 17 : 19)
          }
          if (legs.every((l) => l.hungUp)) finish(status, undefined)
        }
      })
      if (leg) legs.push(leg)
    }
    if (legs.length === 0) {
      this.scheduler.schedule(0, () => { finish('CHANUNAVAIL', undefined); })
      return legs
    }
    this.later(caller, timeoutS * 1000, () => { finish('NOANSWER', undefined); })
    caller.onBridgePartnerGone = undefined
    const cancelOnCallerGone = (): void => {
      if (!done) {
        done = true
        for (const leg of legs) {
          if (leg.hungUp) continue
          this.dialEnd(caller, leg, 'CANCEL')
          this.destroy(leg, 0)
        }
      }
    }
    this.dialCancelHooks.set(caller, cancelOnCallerGone)
    return legs
  }

  private readonly dialCancelHooks = new Map<Channel, () => void>()

  private dialReturned(caller: Channel, dialStart: number, cause: number): void {
    if (caller.hungUp) return
    const answered = caller.answeredMs ?? dialStart
    const now = this.now()
    this.setVar(caller, 'ANSWEREDTIME', String(Math.floor((now - answered) / 1000)))
    this.setVar(caller, 'ANSWEREDTIME_MS', String(now - answered))
    this.setVar(caller, 'DIALEDTIME', String(Math.floor((now - dialStart) / 1000)))
    this.setVar(caller, 'DIALEDTIME_MS', String(now - dialStart))
    this.setVar(caller, 'DIALSTATUS', 'ANSWER')
    // Dial returns on the caller's PBX thread: it is still there for an action arriving at
    // the same moment (hold-moh.raw cleanup-1, 0 ms after cleanup-0 hung up the callee).
    this.later(caller, 0, () => { this.destroy(caller, cause) })
  }

  /** Creates and rings one dialled channel; `onDone(answered, status)` when it answers or fails. */
  private dialOne(
    caller: Channel,
    target: string,
    onDone: (answered: boolean, status: string) => void,
    beforeDialBegin?: (leg: Channel) => void,
  ): Channel | undefined {
    const resolved = this.resolveDialString(target)
    if (!resolved) return undefined
    if (resolved.kind === 'local') {
      const [one, two] = this.newLocalPair(resolved.exten, resolved.context, caller.linkedid)
      one.dialedBy = caller
      const byQueue = caller.queueName !== undefined
      const dialed = `${resolved.exten}@${resolved.context}${resolved.suffix}`
      this.setVar(one, 'DIALEDPEERNUMBER', dialed)
      this.newexten(one, byQueue ? 'AppQueue' : 'AppDial', '(Outgoing Line)', { exten: caller.exten })
      this.setCallerId(one, caller.callerNum, caller.callerName)
      // app_queue sets the member leg's connected line only when it answers (queue.raw).
      if (!byQueue) this.setConnected(one, caller.callerNum, caller.callerName)
      this.setVar(two, 'DIALEDPEERNUMBER', dialed)
      this.setCallerId(two, caller.callerNum, caller.callerName)
      this.setConnected(two, caller.callerNum, caller.callerName)
      two.cdr.src = caller.callerNum
      this.localBridgeEvent(one, two)
      beforeDialBegin?.(one)
      this.dialBegin(caller, one, dialed)
      // The ;2 half starts its dialplan on its own thread in Asterisk: after Dial has set up.
      this.later(two, 0, () => { this.runDialplan(two, resolved.context, resolved.exten, { onAnswered: () => { onDone(true, 'ANSWER'); } }); })
      return one
    }
    if (resolved.kind === 'phone') {
      const phone = resolved.phone
      if (!phone.registered) {
        this.scheduler.schedule(0, () => { onDone(false, 'CHANUNAVAIL'); })
        return undefined
      }
      const ch = this.endpointChannel(phone.exten, phone.device, 'PJSIP', 0, caller.context, caller.exten, caller.linkedid)
      ch.dialedBy = caller
      this.setVar(ch, 'DIALEDPEERNUMBER', phone.exten)
      this.newexten(ch, 'AppDial', '(Outgoing Line)')
      this.setConnected(ch, caller.callerNum, caller.callerName)
      ch.callerNum = phone.exten
      ch.callerName = phone.name
      beforeDialBegin?.(ch)
      this.dialBegin(caller, ch, phone.exten)
      if (phone.dnd) {
        this.scheduler.schedule(0, () => { onDone(false, 'BUSY'); })
        return ch
      }
      this.ringPhone(ch, phone, 3_600_000, (answered) => { onDone(answered, answered ? 'ANSWER' : 'NOANSWER'); })
      return ch
    }
    const ch = this.endpointChannel(resolved.trunk, `${resolved.tech}/${resolved.trunk}`, resolved.tech, 0, 'default', 's', caller.linkedid)
    ch.dialedBy = caller
    this.newexten(ch, 'AppDial', '(Outgoing Line)', { context: '' })
    beforeDialBegin?.(ch)
    this.dialBegin(caller, ch, `${resolved.trunk}/${resolved.number}`)
    this.later(ch, this.rng.int(800, 3000), () => { this.setState(ch, 5); })
    this.later(ch, this.profile.id === 'lab' ? 0 : this.rng.int(3000, 12000), () => {
      this.setState(ch, 6)
      onDone(true, 'ANSWER')
    })
    return ch
  }

  /** Rings a phone's channel until it is answered (control API / auto-answer) or times out. */
  private ringPhone(ch: Channel, phone: Phone, timeoutMs: number, done: (answered: boolean) => void): void {
    this.setState(ch, 5)
    this.ringing.set(ch.uniqueid, (answered) => {
      this.ringing.delete(ch.uniqueid)
      if (answered) this.setState(ch, 6)
      done(answered)
    })
    if (phone.autoAnswerMs !== undefined) this.later(ch, phone.autoAnswerMs, () => this.answer(ch.uniqueid))
    this.later(ch, timeoutMs, () => {
      const cb = this.ringing.get(ch.uniqueid)
      if (cb) cb(false)
    })
  }

  private readonly ringing = new Map<string, (answered: boolean) => void>()

  /** Answers a ringing phone channel (control API). */
  answer(channelId: string): boolean {
    const ch = this.findChannel(channelId)
    if (!ch) return false
    const cb = this.ringing.get(ch.uniqueid)
    if (!cb) return false
    cb(true)
    return true
  }

  /** Channels currently ringing (for the generator and the control API). */
  ringingChannels(): Channel[] {
    return [...this.ringing.keys()].map((id) => this.channels.get(id)).filter((c): c is Channel => c !== undefined)
  }

  // ---------------------------------------------------------------- bridges

  createBridge(type: string, technology: string, creator: string, name: string, videoMode: string, ariType: string, ariClass: string): Bridge {
    const bridge: Bridge = { id: this.rng.uuid(), type, technology, creator, name, videoMode, createdMs: this.now(), channels: [], ariClass, ariType }
    this.bridges.set(bridge.id, bridge)
    this.emit('BridgeCreate', PRIV_CALL, bridgeBlock(bridge), () => ({ type: 'BridgeCreated', timestamp: '', bridge: ariBridge(bridge) }))
    return bridge
  }

  bridgeEnter(bridge: Bridge, ch: Channel): void {
    bridge.channels.push(ch)
    ch.bridgeId = bridge.id
    this.emit('BridgeEnter', PRIV_CALL, [...bridgeBlock(bridge), ...channelBlock(ch)], () => ({
      type: 'ChannelEnteredBridge',
      timestamp: '',
      bridge: ariBridge(bridge),
      channel: ariChannel(ch),
    }))
  }

  bridgeLeave(ch: Channel): Bridge | undefined {
    const bridge = ch.bridgeId ? this.bridges.get(ch.bridgeId) : undefined
    if (!bridge) return undefined
    const i = bridge.channels.indexOf(ch)
    if (i >= 0) bridge.channels.splice(i, 1)
    ch.bridgeId = undefined
    this.emit('BridgeLeave', PRIV_CALL, [...bridgeBlock(bridge), ...channelBlock(ch)], () => ({
      type: 'ChannelLeftBridge',
      timestamp: '',
      bridge: ariBridge(bridge),
      channel: ariChannel(ch),
    }))
    return bridge
  }

  destroyBridge(bridge: Bridge): void {
    if (!this.bridges.delete(bridge.id)) return
    this.emit('BridgeDestroy', PRIV_CALL, bridgeBlock(bridge), () => ({ type: 'BridgeDestroyed', timestamp: '', bridge: ariBridge(bridge) }))
  }

  /** After `ch` left `bridge`: the remaining party of a basic two-party bridge leaves as well. */
  private partnerGone(bridge: Bridge | undefined, cause: number): void {
    if (!bridge || bridge === this.parkingBridge) return
    if (bridge.creator === 'BridgeWait' && bridge.channels.length === 0) {
      this.destroyBridge(bridge)
      return
    }
    if (bridge.type === 'holding' || bridge.ariClass === 'stasis') return
    const rest = [...bridge.channels]
    if (rest.length === 1) {
      const other = rest[0] as Channel
      this.bridgeLeave(other)
      this.destroyBridge(bridge)
      const hook = other.onBridgePartnerGone
      other.onBridgePartnerGone = undefined
      if (hook) hook(cause)
      else this.destroy(other, cause)
    } else if (rest.length === 0) {
      this.destroyBridge(bridge)
    }
  }

  // ---------------------------------------------------------------- hangup

  /**
   * AMI Hangup: Asterisk's manager thread only flags the channel (ast_softhangup_nolock) and
   * answers; the channel's own thread acts on it. A channel running a PBX notices it on its
   * next turn — two Hangups written back to back (the captures' cleanup pairs, 1 ms apart)
   * then both find their channels (hints, atxfer-cancel). A channel without a PBX that sits in
   * a bridge is handled by the bridge at once, and its partner is gone before the next action
   * (atxfer-complete: the transferee is `No such channel` 1 ms after the target's Hangup).
   */
  requestHangup(ch: Channel, cause: number): void {
    if (ch.runsPbx || this.queueMemberLegs.has(ch)) this.later(ch, 0, () => { this.softHangup(ch, cause) })
    else this.softHangup(ch, cause)
  }

  /**
   * Member legs bridged by app_queue: like PBX channels, their Hangup had not taken effect
   * when the caller's Hangup arrived 1 ms later (queue.raw cleanup-0/cleanup-1).
   */
  private readonly queueMemberLegs = new Set<Channel>()

  /**
   * ARI DELETE /channels/{id}: ast_softhangup() publishes a soft hangup request at once; the
   * channel's PBX publishes a second one when it ends (events-stasis.jsonl).
   */
  ariHangup(ch: Channel, cause: number): void {
    if (ch.hungUp) return
    this.emit('SoftHangupRequest', PRIV_CALL, [...channelBlock(ch), ['Cause', String(cause)]], this.ariChannelEvent('ChannelHangupRequest', ch, { cause, soft: true }))
    this.softHangup(ch, cause)
  }

  /** A hangup request from outside (AMI Hangup, ARI DELETE, the control API, a phone). */
  softHangup(ch: Channel, cause: number): void {
    if (ch.hungUp) return
    // A transferer hanging up during a consultation completes the attended transfer.
    const x = this.atxfers.get(ch)
    if (x && ch.bridgeId === x.consult.id) {
      this.completeAtxfer(ch)
      return
    }
    if (ch.bridgeId && this.bridges.get(ch.bridgeId)?.ariClass !== 'stasis') {
      this.setVar(ch, 'BRIDGEPEER', '')
    }
    this.leaveWaitingApps(ch)
    const bridge = ch.bridgeId ? this.bridges.get(ch.bridgeId) : undefined
    if (bridge) this.bridgeLeave(ch)
    if (ch.stasisApp) this.leaveStasis(ch)
    this.destroy(ch, cause, bridge)
  }

  /**
   * A hung-up channel first leaves the application it waits in — Queue (MusicOnHoldStop,
   * QueueCallerAbandon, QueueCallerLeave) or a parking space (MusicOnHoldStop,
   * ParkedCallGiveUp) — before it leaves any bridge and hangs up (queue-abandon.raw, park.raw).
   */
  private leaveWaitingApps(ch: Channel): void {
    const bridge = ch.bridgeId ? this.bridges.get(ch.bridgeId) : undefined
    if ((ch.queueName !== undefined || bridge?.creator === 'BridgeWait' || ch.app === 'MusicOnHold') && ch.mohPlaying) {
      ch.mohPlaying = false
      this.emit('MusicOnHoldStop', PRIV_CALL, channelBlock(ch), this.ariChannelEvent('ChannelUnhold', ch))
    }
    this.leaveQueueOnHangup(ch)
    this.giveUpParked(ch)
  }

  private leaveStasis(ch: Channel): void {
    const app = ch.stasisApp
    if (!app) return
    ch.stasisApp = undefined
    this.emitAriOnly(() => ({ type: 'StasisEnd', timestamp: '', channel: ariChannel(ch), application: app }))
    this.setVar(ch, 'STASISSTATUS', 'SUCCESS')
  }

  /** The channel goes away: Local peer told, Hangup, Cdr, partner and waiting parties cleaned up. */
  destroy(ch: Channel, cause: number, leftBridge?: Bridge): void {
    if (ch.hungUp) return
    this.queueMemberLegs.delete(ch)
    this.leaveWaitingApps(ch)
    const bridge = leftBridge ?? (ch.bridgeId ? this.bridgeLeave(ch) : undefined)
    if (ch.runsPbx) {
      this.emit('SoftHangupRequest', PRIV_CALL, [...channelBlock(ch), ['Cause', String(cause)]], this.ariChannelEvent('ChannelHangupRequest', ch, { cause, soft: true }))
    }
    const peer = ch.localPeer
    if (peer && !peer.hungUp) {
      this.emit('HangupRequest', PRIV_CALL, [...channelBlock(peer), ['Cause', String(cause)]], this.ariChannelEvent('ChannelHangupRequest', peer, { cause }))
    }
    const cancelDial = this.dialCancelHooks.get(ch)
    this.dialCancelHooks.delete(ch)
    this.ringing.delete(ch.uniqueid)
    this.emitHangup(ch, cause)
    if (ch.cdr.disposition === undefined && ch.dialedBy === undefined) this.emitCdr(ch)
    cancelDial?.()
    this.partnerGone(bridge, cause)
    if (peer && !peer.hungUp) {
      this.scheduler.schedule(0, () => {
        if (peer.hungUp) return
        if (peer.bridgeId) this.setVar(peer, 'BRIDGEPEER', '')
        const pb = peer.bridgeId ? this.bridgeLeave(peer) : undefined
        this.destroy(peer, cause, pb)
      })
    }
  }

  private emitHangup(ch: Channel, cause: number): void {
    ch.hungUp = true
    for (const t of ch.timers) t.cancel()
    ch.timers.length = 0
    this.channels.delete(ch.uniqueid)
    if (this.byName.get(ch.name) === ch) this.byName.delete(ch.name)
    const onDevice = this.byDevice.get(ch.device)
    onDevice?.delete(ch)
    if (onDevice?.size === 0) this.byDevice.delete(ch.device)
    this.counters.hangup++
    const text = HANGUP_CAUSE_TEXT[cause] ?? 'Unknown'
    this.emit('Hangup', PRIV_CALL, [...channelBlock(ch), ['Cause', String(cause)], ['Cause-txt', text]], () => ({
      type: 'ChannelDestroyed',
      timestamp: '',
      cause,
      cause_txt: text,
      channel: ariChannel(ch),
    }))
    if (this.callerIdAfterHangup.delete(ch)) {
      this.emit('NewCallerid', PRIV_CALL, [...channelBlock(ch), ['CID-CallingPres', '0 (Presentation Allowed, Not Screened)']])
    }
    this.featureDigits.delete(ch)
    // A Local channel to a nonexistent context never had a device state: INVALID is published instead.
    if (ch.cdr.disposition === 'FAILED') return
    if (ch.device.startsWith('Local/') || this.phones.size === 0 || this.phoneByDevice.has(ch.device)) {
      this.updateDevice(ch.device)
    }
  }

  /** The channel's Cdr events: records closed by earlier splits first, then the current one. */
  emitCdr(ch: Channel): void {
    const closed = this.cdrSegments.get(ch)
    this.cdrSegments.delete(ch)
    for (const seg of closed ?? []) this.cdrEvent(ch, seg.cdr, seg.endMs)
    this.cdrEvent(ch, ch.cdr, this.now())
  }

  private cdrEvent(ch: Channel, cdr: CdrInfo, end: number): void {
    this.counters.cdr++
    const start = cdr.startMs
    const answer = cdr.answerMs
    const disposition = cdr.disposition ?? (answer !== undefined ? 'ANSWERED' : 'NO ANSWER')
    const quote = ch.callerName === '' && ch.callerNum === '' ? '"" <>' : `"${ch.callerName}" <${ch.callerNum}>`
    this.emit('Cdr', PRIV_CDR, [
      ['AccountCode', ch.accountCode],
      ['Source', cdr.src || ch.callerNum],
      ['Destination', cdr.dst],
      ['DestinationContext', cdr.dcontext],
      ['CallerID', quote],
      ['Channel', ch.name],
      ['DestinationChannel', cdr.dstChannel],
      ['LastApplication', cdr.lastApp],
      ['LastData', cdr.lastData],
      ['StartTime', cdrTime(start)],
      ['AnswerTime', answer !== undefined ? cdrTime(answer) : ''],
      ['EndTime', cdrTime(end)],
      ['Duration', String(Math.floor((end - start) / 1000))],
      ['BillableSeconds', String(answer !== undefined ? Math.floor((end - answer) / 1000) : 0)],
      ['Disposition', disposition],
      ['AMAFlags', 'DOCUMENTATION'],
      ['UniqueID', ch.uniqueid],
      ['UserField', ''],
    ])
  }

  // ---------------------------------------------------------------- queues

  private queueApp(ch: Channel, queueName: string): void {
    const q = this.queues.get(queueName)
    if (!q) {
      this.softHangup(ch, 1)
      return
    }
    if (this.profile.id === 'lab') {
      this.newexten(ch, 'Playback', 'beep', { priority: ch.priority + 1 })
      this.setVar(ch, 'PLAYBACKSTATUS', 'SUCCESS')
    }
    this.newexten(ch, 'Queue', `${queueName},,,,600`, { priority: ch.priority + 1 })
    for (const v of ['ANSWEREDTIME', 'ANSWEREDTIME_MS', 'DIALEDTIME', 'DIALEDTIME_MS', 'QUEUEWAIT', 'QUEUEWAIT_MS']) this.setVar(ch, v, '')
    ch.queueName = queueName
    const position = q.callers.length + 1
    q.callers.push({ channel: ch, joinedMs: this.now(), originalPosition: position })
    if (q.callers.length === 1) this.publishDeviceState(`Queue:${queueName}`, 'RINGING')
    this.emit('QueueCallerJoin', PRIV_AGENT, [...channelBlock(ch), ['Queue', queueName], ['Position', String(position)], ['Count', String(q.callers.length)]])
    ch.mohPlaying = true
    this.emit('MusicOnHoldStart', PRIV_CALL, [...channelBlock(ch), ['Class', 'default']], this.ariChannelEvent('ChannelHold', ch))
    this.later(ch, 0, () => { this.offerQueueCall(q); })
  }

  /** Rings available members for the first waiting caller (ringall / first free for others). */
  offerQueueCall(q: Queue): void {
    const caller = q.callers[0]
    if (!caller || caller.channel.hungUp || caller.channel.vars.get('__QUEUE_RINGING') === '1') return
    const free = q.members
      .filter((m) => !m.paused && !m.inCall && this.memberState(m) === 'NOT_INUSE')
      .sort((a, b) => a.penalty - b.penalty)
    if (free.length === 0) return
    const chosen = q.strategy === 'ringall' ? free.filter((m) => m.penalty === (free[0] as QueueMember).penalty) : [free[0] as QueueMember]
    const ch = caller.channel
    ch.vars.set('__QUEUE_RINGING', '1')
    let connected = false
    const legs: Channel[] = []
    for (const m of chosen) {
      const leg = this.dialOne(ch, m.interface, (answered) => {
        if (!answered) {
          if (leg && !leg.hungUp) this.destroy(leg, 19)
          if (legs.every((l) => l.hungUp)) {
            ch.vars.set('__QUEUE_RINGING', '0')
            this.later(ch, 2000, () => { this.offerQueueCall(q); })
          }
          return
        }
        if (connected || !leg) return
        connected = true
        for (const other of legs) if (other !== leg && !other.hungUp) this.destroy(other, 26)
        this.connectQueueCall(q, caller.joinedMs, ch, leg, m)
      }, (dialled) => {
        // AgentCalled precedes the DialBegin of the member's leg (queue.raw).
        this.emit('AgentCalled', PRIV_AGENT, [...channelBlock(ch), ...channelBlock(dialled, 'Dest'), ['Queue', q.name], ['Interface', m.interface], ['MemberName', m.name]])
      })
      if (leg) legs.push(leg)
    }
  }

  private connectQueueCall(q: Queue, joinedMs: number, caller: Channel, agent: Channel, m: QueueMember): void {
    const holdS = wholeSecondsBetween(joinedMs, this.now())
    // recalc_holdtime() when the member answers; "within the service level" is decided now too.
    q.holdTimeAvg = runningAverage(q.holdTimeAvg, holdS, q.completed + q.abandoned === 0)
    m.callInSl = holdS <= q.serviceLevel
    if (agent.localHalf === 1) this.setConnected(agent, caller.callerNum, caller.callerName)
    this.dialEnd(caller, agent, 'ANSWER')
    caller.mohPlaying = false
    this.emit('MusicOnHoldStop', PRIV_CALL, channelBlock(caller), this.ariChannelEvent('ChannelUnhold', caller))
    const idx = q.callers.findIndex((c) => c.channel === caller)
    if (idx >= 0) q.callers.splice(idx, 1)
    caller.queueName = undefined
    if (q.callers.length === 0) this.publishDeviceState(`Queue:${q.name}`, 'NOT_INUSE')
    this.emit('QueueCallerLeave', PRIV_AGENT, [...channelBlock(caller), ['Queue', q.name], ['Position', '1'], ['Count', String(q.callers.length)]])
    this.emit('AgentConnect', PRIV_AGENT, [
      ...channelBlock(caller),
      ...channelBlock(agent, 'Dest'),
      ['Queue', q.name],
      ['Interface', m.interface],
      ['MemberName', m.name],
      ['HoldTime', String(holdS)],
      ['RingTime', '0'],
    ])
    m.inCall = true
    m.callStart = this.now()
    const talkStart = m.callStart
    this.queueMemberLegs.add(agent)
    const bridge = this.createBridge('basic', 'simple_bridge', '<unknown>', '<unknown>', 'none', 'basic', 'mixing')
    this.bridgeEnter(bridge, agent)
    this.bridgeEnter(bridge, caller)
    this.setVar(agent, 'BRIDGEPEER', caller.name)
    this.setVar(caller, 'BRIDGEPEER', agent.name)
    caller.cdr.dstChannel = agent.name
    const complete = (reason: string): void => {
      // Published after both channels are gone: Asterisk 22 sends it without channel blocks.
      // send_agent_complete(), then update_queue() (a no-op if the member's device went idle first).
      this.emit('AgentComplete', PRIV_AGENT, [
        ['Queue', q.name],
        ['Interface', m.interface],
        ['MemberName', m.name],
        ['HoldTime', String(holdS)],
        ['TalkTime', String(wholeSecondsBetween(talkStart, this.now()))],
        ['Reason', reason],
      ])
      this.updateQueue(q, m, talkStart)
      this.scheduler.schedule(0, () => { this.offerQueueCall(q); })
    }
    caller.onBridgePartnerGone = (cause) => {
      this.destroy(caller, cause)
      complete('agent')
    }
    agent.onBridgePartnerGone = (cause) => {
      this.destroy(agent, cause)
      complete('caller')
    }
  }

  /**
   * app_queue's update_queue(): the member's call `start` counts once — completed (within the
   * service level or not), the talk-time average, the member's CallsTaken and LastCall.
   */
  private updateQueue(q: Queue, m: QueueMember, start: number): void {
    if (start === 0 || m.callStart !== start) return
    m.callStart = 0
    m.inCall = false
    m.callsTaken++
    m.lastCall = Math.floor(this.now() / 1000)
    q.completed++
    if (m.callInSl) q.completedInSl++
    q.talkTimeAvg = runningAverage(q.talkTimeAvg, wholeSecondsBetween(start, this.now()), q.completed === 1)
  }

  private leaveQueueOnHangup(ch: Channel): void {
    const name = ch.queueName
    if (!name) return
    const q = this.queues.get(name)
    ch.queueName = undefined
    if (!q) return
    const idx = q.callers.findIndex((c) => c.channel === ch)
    if (idx < 0) return
    const entry = q.callers[idx] as (typeof q.callers)[number]
    q.callers.splice(idx, 1)
    // record_abandoned()
    const holdS = wholeSecondsBetween(entry.joinedMs, this.now())
    q.abandoned++
    if (holdS <= q.serviceLevel) q.abandonedInSl++
    this.emit('QueueCallerAbandon', PRIV_AGENT, [
      ...channelBlock(ch),
      ['Queue', q.name],
      ['Position', String(idx + 1)],
      ['OriginalPosition', String(entry.originalPosition)],
      ['HoldTime', String(holdS)],
    ])
    this.emit('QueueCallerLeave', PRIV_AGENT, [...channelBlock(ch), ['Queue', q.name], ['Position', String(idx + 1)], ['Count', String(q.callers.length)]])
    if (q.callers.length === 0) this.publishDeviceState(`Queue:${q.name}`, 'NOT_INUSE')
  }

  queuePause(queueName: string | undefined, iface: string, paused: boolean, reason: string): boolean {
    let found = false
    for (const q of this.queues.values()) {
      if (queueName && q.name !== queueName) continue
      const m = q.members.find((x) => x.interface.toLowerCase() === iface.toLowerCase())
      if (!m) continue
      found = true
      m.paused = paused
      m.pausedReason = reason
      if (paused) m.lastPause = Math.floor(this.now() / 1000)
      this.publishDeviceState(`Queue:${q.name}_pause_${m.interface}`, paused ? 'INUSE' : 'NOT_INUSE')
      this.refreshQueueAvail(q)
      this.emit('QueueMemberPause', PRIV_AGENT, this.queueMemberFields(q, m))
      if (!paused) this.scheduler.schedule(0, () => { this.offerQueueCall(q); })
    }
    return found
  }

  queueAdd(queueName: string, spec: QueueMemberSpec, paused: boolean, reason: string): 'ok' | 'exists' | 'noqueue' {
    const q = this.queues.get(queueName)
    if (!q) return 'noqueue'
    if (q.members.some((m) => m.interface.toLowerCase() === spec.interface.toLowerCase())) return 'exists'
    const m: QueueMember = {
      interface: spec.interface,
      name: spec.name,
      stateInterface: spec.stateInterface,
      membership: 'dynamic',
      penalty: spec.penalty,
      callsTaken: 0,
      lastCall: 0,
      lastPause: 0,
      loginTime: Math.floor(this.now() / 1000),
      inCall: false,
      callStart: 0,
      callInSl: false,
      paused,
      pausedReason: reason,
      wrapupTime: 0,
    }
    q.members.push(m)
    this.publishDeviceState(`Queue:${q.name}_pause_${m.interface}`, paused ? 'INUSE' : 'NOT_INUSE')
    this.emit('QueueMemberAdded', PRIV_AGENT, this.queueMemberFields(q, m))
    this.refreshQueueAvail(q)
    this.scheduler.schedule(0, () => { this.offerQueueCall(q); })
    return 'ok'
  }

  queueRemove(queueName: string, iface: string): 'ok' | 'notthere' | 'noqueue' | 'static' {
    const q = this.queues.get(queueName)
    if (!q) return 'noqueue'
    const idx = q.members.findIndex((m) => m.interface.toLowerCase() === iface.toLowerCase())
    const m = q.members[idx]
    if (!m) return 'notthere'
    if (m.membership === 'static') return 'static'
    q.members.splice(idx, 1)
    this.emit('QueueMemberRemoved', PRIV_AGENT, this.queueMemberFields(q, m))
    this.refreshQueueAvail(q)
    return 'ok'
  }

  queuePenalty(queueName: string | undefined, iface: string, penalty: number): boolean {
    let found = false
    for (const q of this.queues.values()) {
      if (queueName && q.name !== queueName) continue
      const m = q.members.find((x) => x.interface.toLowerCase() === iface.toLowerCase())
      if (!m) continue
      found = true
      m.penalty = penalty
      this.emit('QueueMemberPenalty', PRIV_AGENT, [['Queue', q.name], ['Location', m.interface], ['Penalty', String(penalty)]])
    }
    return found
  }

  // ---------------------------------------------------------------- parking

  private ensureParkingBridge(): Bridge {
    if (this.parkingBridge && this.bridges.has(this.parkingBridge.id)) return this.parkingBridge
    const lot = this.profile.parking
    this.parkingBridge = this.createBridge('parking', 'holding_bridge', 'Parking', lot.name, 'none', 'holding', 'parking')
    return this.parkingBridge
  }

  parkedFields(pc: ParkedCall): AmiField[] {
    const lot = this.profile.parking
    const elapsed = Math.floor((this.now() - pc.parkedMs) / 1000)
    return [
      ...channelBlock(pc.channel, 'Parkee'),
      ['ParkerDialString', pc.parkerDialString],
      ['Parkinglot', lot.name],
      ['ParkingSpace', String(pc.space)],
      ['ParkingTimeout', String(Math.max(0, pc.timeoutS - elapsed))],
      ['ParkingDuration', String(elapsed)],
    ]
  }

  /** Parks `ch` in the first free space. Returns the space, or undefined when the lot is full. */
  parkChannel(ch: Channel, timeoutChannel: Channel | undefined, parkerDialString: string, timeoutMs?: number): number | undefined {
    const lot = this.profile.parking
    let space: number | undefined
    for (let s = lot.start; s <= lot.stop; s++) {
      if (!this.parked.has(s)) {
        space = s
        break
      }
    }
    if (space === undefined) return undefined
    const lotBridge = this.ensureParkingBridge()
    const from = ch.bridgeId ? this.bridges.get(ch.bridgeId) : undefined
    ch.onBridgePartnerGone = undefined
    // A dialled party that gets parked leaves its caller's CDR and ends with a Cdr of its own
    // (park.raw: 4 Cdr for the parked Local/101 call).
    if (ch.dialedBy !== undefined) {
      ch.dialedBy = undefined
      ch.cdr.lastApp = 'Park'
      ch.cdr.lastData = ''
    }
    if (from) this.bridgeLeave(ch)
    const timeoutS = timeoutMs !== undefined ? Math.ceil(timeoutMs / 1000) : lot.timeoutS
    const chosen = space
    const timer = this.scheduler.schedule(timeoutS * 1000, () => { this.parkTimeout(chosen); })
    const pc: ParkedCall = { channel: ch, space, parkerDialString, parkedMs: this.now(), timeoutS, timeoutChannel, timer }
    this.parked.set(space, pc)
    this.emit('ParkedCall', PRIV_CALL, this.parkedFields(pc))
    this.publishDeviceState(`park:${space}@parkedcalls`, 'INUSE')
    this.bridgeEnter(lotBridge, ch)
    ch.mohPlaying = true
    this.emit('MusicOnHoldStart', PRIV_CALL, [...channelBlock(ch), ['Class', 'default']], this.ariChannelEvent('ChannelHold', ch))
    if (from) {
      // The other party: with a TimeoutChannel it stays (alone) until the parkee's fate is known;
      // without, its Dial returns and the call ends for it.
      const rest = from.channels[0]
      if (rest && rest === timeoutChannel) {
        rest.onBridgePartnerGone = undefined
      } else if (rest) {
        this.scheduler.schedule(0, () => { this.partnerGone(from, 16); })
      } else this.destroyBridge(from)
    }
    return space
  }

  private endParkedSession(pc: ParkedCall): void {
    this.parked.delete(pc.space)
    pc.timer.cancel()
    if (pc.channel.mohPlaying) {
      pc.channel.mohPlaying = false
      this.emit('MusicOnHoldStop', PRIV_CALL, channelBlock(pc.channel), this.ariChannelEvent('ChannelUnhold', pc.channel))
    }
  }

  private giveUpParked(ch: Channel): void {
    for (const pc of this.parked.values()) {
      if (pc.channel !== ch) continue
      this.endParkedSession(pc)
      this.emit('ParkedCallGiveUp', PRIV_CALL, this.parkedFields(pc))
      this.publishDeviceState(`park:${pc.space}@parkedcalls`, 'NOT_INUSE')
      const tc = pc.timeoutChannel
      if (tc && !tc.hungUp) this.scheduler.schedule(0, () => { this.partnerGone(tc.bridgeId ? this.bridges.get(tc.bridgeId) : undefined, 16); })
      if (tc && !tc.hungUp && !tc.bridgeId) this.scheduler.schedule(0, () => { this.softHangup(tc, 16); })
      return
    }
  }

  private parkTimeout(space: number): void {
    const pc = this.parked.get(space)
    if (!pc || pc.channel.hungUp) return
    this.endParkedSession(pc)
    const ch = pc.channel
    ch.context = 'park-dial'
    ch.exten = pc.parkerDialString.replace(/\//g, '_')
    this.emit('ParkedCallTimeOut', PRIV_CALL, this.parkedFields(pc))
    this.bridgeLeave(ch)
    // comebacktoorigin runs the park-dial dialplan on the parkee: a PBX of its own, a new CDR.
    ch.runsPbx = true
    this.splitCdr(ch)
    this.publishDeviceState(`park:${space}@parkedcalls`, 'NOT_INUSE')
    const tc = pc.timeoutChannel
    if (tc && !tc.hungUp) this.softHangup(tc, 16)
    // comebacktoorigin: the parkee dials back whoever parked it.
    this.dialApp(ch, [pc.parkerDialString], 30, 't', 1)
  }

  private retrieveParked(ch: Channel, space: number): void {
    const pc = this.parked.get(space)
    if (!pc || pc.channel.hungUp) {
      this.softHangup(ch, 16)
      return
    }
    this.endParkedSession(pc)
    const parkee = pc.channel
    this.splitCdr(parkee)
    this.bridgeLeave(parkee)
    const bridge = this.createBridge('basic', 'simple_bridge', '<unknown>', '<unknown>', 'none', 'basic', 'mixing')
    this.bridgeEnter(bridge, ch)
    this.bridgeEnter(bridge, parkee)
    this.emit('UnParkedCall', PRIV_CALL, [
      ...channelBlock(parkee, 'Parkee'),
      ...channelBlock(ch, 'Retriever'),
      ['ParkerDialString', pc.parkerDialString],
      ['Parkinglot', this.profile.parking.name],
      ['ParkingSpace', String(space)],
      ['ParkingTimeout', String(Math.max(0, pc.timeoutS - Math.floor((this.now() - pc.parkedMs) / 1000)))],
      ['ParkingDuration', String(Math.floor((this.now() - pc.parkedMs) / 1000))],
    ])
    // Connected lines are exchanged; through the retriever's Local pair the ;2 half gets a new
    // caller id at once, the parkee's ;2 half only after its Hangup (park-retrieve.raw).
    this.setConnected(parkee, ch.callerNum, ch.callerName)
    this.setConnected(ch, parkee.callerNum, parkee.callerName)
    if (ch.localPeer) this.setCallerId(ch.localPeer, ch.localPeer.callerNum, ch.localPeer.callerName)
    if (parkee.localPeer) this.callerIdAfterHangup.add(parkee.localPeer)
    this.publishDeviceState(`park:${space}@parkedcalls`, 'NOT_INUSE')
    const tc = pc.timeoutChannel
    if (tc && !tc.hungUp) this.scheduler.schedule(0, () => { this.softHangup(tc, 16); })
  }

  // ---------------------------------------------------------------- voicemail, hold, transfer, recording

  private voicemailApp(ch: Channel, mailboxNum: string): void {
    this.newexten(ch, 'VoiceMail', `${mailboxNum}@default,u`, { priority: ch.priority + 1 })
    if (ch.state !== 6) this.setState(ch, 6)
    // The caller leaves a message for a while, then hangs up; the box gets one more new message.
    this.later(ch, this.rng.int(5_000, 25_000), () => {
      const mb = this.mailboxes.get(mailboxNum)
      if (mb) {
        mb.newMessages++
        this.emit('MessageWaiting', PRIV_CALL, [['Mailbox', mb.mailbox], ['Waiting', '1'], ['New', String(mb.newMessages)], ['Old', String(mb.oldMessages)]])
      }
      this.softHangup(ch, 16)
    })
  }

  /** Puts a bridged channel on hold: Hold on it, music for the other party (captured shape). */
  hold(ch: Channel, on: boolean): boolean {
    if (ch.onHold === on) return false
    ch.onHold = on
    if (on) this.emit('Hold', PRIV_CALL, [...channelBlock(ch), ['MusicClass', 'default']], this.ariChannelEvent('ChannelHold', ch, {}, { musicclass: 'default' }))
    else this.emit('Unhold', PRIV_CALL, channelBlock(ch), this.ariChannelEvent('ChannelUnhold', ch))
    const bridge = ch.bridgeId ? this.bridges.get(ch.bridgeId) : undefined
    for (const other of bridge?.channels ?? []) {
      if (other === ch) continue
      other.mohPlaying = on
      if (on) this.emit('MusicOnHoldStart', PRIV_CALL, [...channelBlock(other), ['Class', 'default']])
      else this.emit('MusicOnHoldStop', PRIV_CALL, channelBlock(other))
    }
    this.updateDevice(ch.device)
    return true
  }

  /**
   * Moves a channel to another dialplan location (Redirect / BlindTransfer). A bridged channel's
   * CDR is closed and a new one begins: the channel will produce two Cdr events with one UniqueID.
   */
  redirect(ch: Channel, context: string, exten: string, blind?: { transferer: Channel }): void {
    const bridge = ch.bridgeId ? this.bridges.get(ch.bridgeId) : undefined
    if (bridge) {
      this.setVar(ch, 'BRIDGEPEER', '')
      ch.onBridgePartnerGone = undefined
      this.bridgeLeave(ch)
    }
    if (blind) {
      const t = blind.transferer
      // The transferer's bridge features take it off hold first (transfer.raw: Unhold, then BlindTransfer).
      this.emit('Unhold', PRIV_CALL, channelBlock(t), this.ariChannelEvent('ChannelUnhold', t))
      this.emit('BlindTransfer', PRIV_CALL, [
        ['Result', 'Success'],
        ...channelBlock(t, 'Transferer'),
        ...channelBlock(ch, 'Transferee'),
        ...(bridge ? bridgeBlock(bridge) : []),
        ['IsExternal', 'Yes'],
        ['Context', context],
        ['Extension', exten],
      ])
    }
    if (bridge && ch.dialedBy === undefined) {
      this.emitCdr(ch)
      ch.cdr.startMs = this.now()
      ch.cdr.answerMs = ch.state === 6 ? this.now() : undefined
      ch.cdr.dstChannel = ''
    }
    if (ch.dialedBy) ch.dialedBy = undefined
    this.partnerGone(bridge, 16)
    this.runDialplan(ch, context, exten)
  }

  /**
   * Attended transfer (AMI Atxfer), as captured (atxfer-*.raw): Asterisk plays the atxfer
   * feature code and the number as DTMF received on the transferer, holds the call (Hold on
   * the transferer, music for the transferee), then calls the target into a new consultation
   * bridge — no DialBegin, a DialEnd with only Dest keys — and moves the transferer there.
   */
  atxfer(transferer: Channel, context: string, exten: string): boolean {
    const bridge = transferer.bridgeId ? this.bridges.get(transferer.bridgeId) : undefined
    if (!bridge) return false
    for (const d of ['*', '2']) this.dtmf(transferer, d)
    this.emit('Hold', PRIV_CALL, channelBlock(transferer), this.ariChannelEvent('ChannelHold', transferer))
    transferer.onHold = true
    for (const other of bridge.channels) {
      if (other === transferer) continue
      other.mohPlaying = true
      this.emit('MusicOnHoldStart', PRIV_CALL, [...channelBlock(other), ['Class', 'default']])
    }
    for (const d of exten) this.dtmf(transferer, d)
    const target = this.resolveRouteTarget(context, exten)
    if (!target) return false
    const resolved = this.resolveDialString(target)
    if (resolved?.kind === 'local') {
      const [one, two] = this.newLocalPair(resolved.exten, resolved.context, transferer.linkedid)
      one.dialedBy = transferer
      const consult = this.createBridge('basic', 'simple_bridge', '<unknown>', '<unknown>', 'none', 'basic', 'mixing')
      this.setCallerId(two, transferer.callerNum, transferer.callerName)
      this.localBridgeEvent(one, two)
      this.setConnected(one, transferer.callerNum, transferer.callerName)
      this.bridgeEnter(consult, one)
      this.atxfers.set(transferer, { original: bridge, consult, target: one })
      this.later(two, 0, () => {
        this.runDialplan(two, resolved.context, resolved.exten, {
          onAnswered: () => {
            this.dialEnd(undefined, one, 'ANSWER')
            if (this.atxfers.get(transferer)?.consult !== consult || transferer.hungUp) return
            this.splitCdr(transferer)
            this.bridgeLeave(transferer)
            this.bridgeEnter(consult, transferer)
            this.setConnected(transferer, one.callerNum, one.callerName)
          },
        })
      })
      one.onBridgePartnerGone = (cause) => { this.destroy(one, cause) }
      return true
    }
    const consult = this.createBridge('basic', 'simple_bridge', '<unknown>', '<unknown>', 'none', 'basic', 'mixing')
    const leg = this.dialOne(transferer, target, (answered) => {
      if (!answered || !leg) return
      this.bridgeEnter(consult, leg)
      this.splitCdr(transferer)
      this.bridgeLeave(transferer)
      this.bridgeEnter(consult, transferer)
      leg.onBridgePartnerGone = (cause) => { this.destroy(leg, cause) }
    })
    if (!leg) return false
    this.atxfers.set(transferer, { original: bridge, consult, target: leg })
    return true
  }

  /**
   * Closes the channel's current CDR record and starts a new one: Asterisk's CDR engine forks
   * a record when a channel changes bridge partners (a transferer in atxfer-cancel.raw ends with
   * three Cdr: before, during and after the consultation).
   */
  private splitCdr(ch: Channel): void {
    if (ch.dialedBy !== undefined) return
    let list = this.cdrSegments.get(ch)
    if (!list) this.cdrSegments.set(ch, (list = []))
    const now = this.now()
    list.push({ cdr: { ...ch.cdr }, endMs: now })
    ch.cdr.startMs = now
    ch.cdr.answerMs = ch.state === 6 ? now : undefined
  }

  private readonly cdrSegments = new Map<Channel, { cdr: CdrInfo; endMs: number }[]>()

  private readonly atxfers = new Map<Channel, { original: Bridge; consult: Bridge; target: Channel }>()

  private resolveRouteTarget(context: string, exten: string): string | undefined {
    const route = this.profile.route(context, exten)
    if (route?.kind === 'dial') return route.targets[0]
    if (route?.kind === 'phone') return `Local/${route.exten}@${context}`
    return undefined
  }

  /** Completes an attended transfer: the target joins the original bridge, the transferer leaves. */
  completeAtxfer(transferer: Channel): boolean {
    const x = this.atxfers.get(transferer)
    if (!x) return false
    this.atxfers.delete(transferer)
    // Order as captured (atxfer-complete.raw): merge, target moves, music stops, the
    // transferee's connected line changes, the transferer leaves, AttendedTransfer.
    this.emit('BridgeMerge', PRIV_CALL, [...bridgeBlock(x.original, 'ToBridge'), ...bridgeBlock(x.consult, 'FromBridge')])
    this.bridgeLeave(x.target)
    for (const other of x.original.channels) {
      if (other.mohPlaying) {
        other.mohPlaying = false
        this.emit('MusicOnHoldStop', PRIV_CALL, channelBlock(other))
      }
    }
    this.bridgeEnter(x.original, x.target)
    const transferees = x.original.channels.filter((c) => c !== x.target && c !== transferer)
    for (const other of transferees) this.setConnected(other, x.target.callerNum, x.target.callerName)
    if (transferer.bridgeId) this.bridgeLeave(transferer)
    this.emit('AttendedTransfer', PRIV_CALL, [
      ['Result', 'Success'],
      ...channelBlock(transferer, 'OrigTransferer'),
      ...bridgeBlock(x.original, 'OrigBridge'),
      ...channelBlock(transferer, 'SecondTransferer'),
      ...bridgeBlock(x.consult, 'SecondBridge'),
      ...(transferees[0] ? channelBlock(transferees[0], 'Transferee') : []),
      ...channelBlock(x.target, 'TransferTarget'),
      ['IsExternal', 'No'],
      ['DestType', 'Bridge'],
      ['DestBridgeUniqueid', x.original.id],
    ])
    this.destroyBridge(x.consult)
    // The target now talks to the transferee: no longer the transferer's B party, its own CDR.
    if (x.target.dialedBy !== undefined) {
      x.target.dialedBy = undefined
      x.target.cdr.startMs = this.now()
      x.target.cdr.answerMs = this.now()
    }
    x.target.onBridgePartnerGone = (cause) => { this.destroy(x.target, cause) }
    for (const other of transferees) {
      if (!other.onBridgePartnerGone) other.onBridgePartnerGone = (cause) => { this.destroy(other, cause) }
    }
    // The Local ;2 halves of transferer and transferee publish a NewCallerid after their Hangup.
    for (const c of [transferer, ...transferees]) if (c.localPeer) this.callerIdAfterHangup.add(c.localPeer)
    transferer.onBridgePartnerGone = undefined
    this.destroy(transferer, 16)
    return true
  }

  private readonly callerIdAfterHangup = new Set<Channel>()

  /**
   * PlayDTMF. By default the digit goes out of the channel: for a Local `;1` it arrives on the
   * `;2` half (DTMFBegin + DTMFEnd, Direction Received) and never reaches bridge features.
   * `Receive: true` injects it as received on the channel itself (a DTMFEnd only), where the
   * bridge's feature codes see it: `*2` completes an attended transfer in progress.
   */
  playDtmf(ch: Channel, digit: string, receive: boolean): void {
    if (!receive) {
      const at = ch.localPeer ?? ch
      const direction = ch.localPeer ? 'Received' : 'Sent'
      this.emit('DTMFBegin', 'dtmf,all', [...channelBlock(at), ['Digit', digit], ['Direction', direction]])
      this.emit('DTMFEnd', 'dtmf,all', [...channelBlock(at), ['Digit', digit], ['DurationMs', '100'], ['Direction', direction]])
      return
    }
    this.dtmf(ch, digit)
    const typed = ((this.featureDigits.get(ch) ?? '') + digit).slice(-2)
    this.featureDigits.set(ch, typed)
    if (typed === '*2' && this.atxfers.has(ch)) {
      this.featureDigits.delete(ch)
      this.completeAtxfer(ch)
      return
    }
    // The lab's applicationmap feature `labhold => *5,self,Wait,4,default` (only where
    // DYNAMIC_FEATURES lists it): Hold with music for the other party while Wait(4) runs.
    const dynamic = (ch.vars.get('DYNAMIC_FEATURES') ?? '').split('#')
    if (typed === '*5' && dynamic.includes('labhold') && ch.bridgeId !== undefined) {
      this.featureDigits.delete(ch)
      this.setVar(ch, 'DYNAMIC_FEATURENAME', 'labhold')
      this.setVar(ch, 'DYNAMIC_WHO_ACTIVATED', ch.name)
      this.hold(ch, true)
      this.later(ch, 4000, () => { this.hold(ch, false) })
    }
  }

  private readonly featureDigits = new Map<Channel, string>()

  /**
   * CancelAtxfer queues the atxferabort code (`*1`) as DTMF received on the transferer. With a
   * transfer in progress: back into the original bridge, music stops, Unhold, the target leg is
   * hung up. Without one, the digits cross the bridge to the other party's Local `;2` half
   * (atxfer-cancel.raw, axc-cancel-again).
   */
  cancelAtxfer(transferer: Channel): void {
    for (const d of ['*', '1']) this.dtmf(transferer, d)
    const x = this.atxfers.get(transferer)
    if (!x) {
      const bridge = transferer.bridgeId ? this.bridges.get(transferer.bridgeId) : undefined
      for (const other of bridge?.channels ?? []) {
        const far = other === transferer ? undefined : (other.localPeer ?? other)
        if (!far) continue
        for (const d of ['*', '1']) {
          this.emit('DTMFBegin', 'dtmf,all', [...channelBlock(far), ['Digit', d], ['Direction', 'Received']])
          this.emit('DTMFEnd', 'dtmf,all', [...channelBlock(far), ['Digit', d], ['DurationMs', '100'], ['Direction', 'Received']])
        }
      }
      return
    }
    this.atxfers.delete(transferer)
    if (transferer.bridgeId === x.consult.id) {
      this.splitCdr(transferer)
      this.bridgeLeave(transferer)
    }
    if (!x.original.channels.includes(transferer)) this.bridgeEnter(x.original, transferer)
    for (const other of x.original.channels) {
      if (other.mohPlaying) {
        other.mohPlaying = false
        this.emit('MusicOnHoldStop', PRIV_CALL, channelBlock(other))
      }
    }
    transferer.onHold = false
    this.emit('Unhold', PRIV_CALL, channelBlock(transferer), this.ariChannelEvent('ChannelUnhold', transferer))
    x.target.onBridgePartnerGone = undefined
    if (!x.target.hungUp) this.softHangup(x.target, 16)
    this.destroyBridge(x.consult)
    const partner = x.original.channels.find((c) => c !== transferer)
    if (partner) this.setConnected(transferer, partner.callerNum, partner.callerName)
  }

  private dtmf(ch: Channel, digit: string): void {
    this.emit('DTMFEnd', 'dtmf,all', [...channelBlock(ch), ['Digit', digit], ['DurationMs', '100'], ['Direction', 'Received']])
  }

  startMixMonitor(ch: Channel, file: string): string {
    const id = `${ch.uniqueid}-mm`
    ch.mixMonitorId = id
    this.setVar(ch, 'MIXMONITOR_FILENAME', file)
    this.emit('MixMonitorStart', PRIV_CALL, channelBlock(ch))
    return id
  }

  stopMixMonitor(ch: Channel): boolean {
    if (!ch.mixMonitorId) return false
    ch.mixMonitorId = undefined
    this.emit('MixMonitorStop', PRIV_CALL, channelBlock(ch))
    return true
  }

  /** ARI: puts a channel into a new mixing bridge created by Stasis (used by POST /ari/bridges). */
  createStasisBridge(name: string): Bridge {
    return this.createBridge('stasis', 'simple_bridge', 'Stasis', name, 'talker', 'mixing', 'stasis')
  }

  /** Voicemail: the console's "listened" action moves messages to Old. */
  readMailbox(mailboxNum: string): boolean {
    const mb = this.mailboxes.get(mailboxNum)
    if (!mb) return false
    mb.oldMessages += mb.newMessages
    mb.newMessages = 0
    this.emit('MessageWaiting', PRIV_CALL, [['Mailbox', mb.mailbox], ['Waiting', '0'], ['New', '0'], ['Old', String(mb.oldMessages)]])
    return true
  }

  hintOf(exten: string): Phone | undefined {
    return this.phones.get(exten)
  }

  static readonly MAX_UNIQUEID = MAX_UNIQUEID
}

export function hintStatus(state: DeviceState): [number, string] {
  switch (state) {
    case 'NOT_INUSE':
      return [0, 'Idle']
    case 'INUSE':
      return [1, 'InUse']
    case 'BUSY':
      return [2, 'Busy']
    case 'UNAVAILABLE':
    case 'INVALID':
    case 'UNKNOWN':
      return [4, 'Unavailable']
    case 'RINGING':
      return [8, 'Ringing']
    case 'RINGINUSE':
      return [9, 'InUse&Ringing']
    case 'ONHOLD':
      return [16, 'Hold']
  }
}
