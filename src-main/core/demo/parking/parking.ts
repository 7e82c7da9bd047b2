/**
 * Call parking (res_parking): the lot's holding bridge, parking a channel in the first free
 * space, giving up, timing out (comebacktoorigin: the parkee dials back whoever parked it) and
 * retrieval by dialling the space (ParkedCall()).
 */
import type { ScheduledTask } from '../clock'
import type { AmiField } from '../ami-wire'
import { type Bridge, type Channel, channelBlock } from '../model'
import { PRIV_CALL } from '../pbx/events'
import type { Pbx } from '../pbx/pbx'

export interface ParkedCall {
  readonly channel: Channel
  readonly space: number
  readonly parkerDialString: string
  readonly parkedMs: number
  readonly timeoutS: number
  readonly timeoutChannel: Channel | undefined
  readonly timer: ScheduledTask
}

export class Parking {
  /** By space. */
  readonly parked = new Map<number, ParkedCall>()
  /** The lot's holding bridge, created with the first parked call. */
  lotBridge: Bridge | undefined

  constructor(private readonly pbx: Pbx) {}

  reset(): void {
    for (const pc of this.parked.values()) pc.timer.cancel()
    this.parked.clear()
    this.lotBridge = undefined
  }

  private ensureLotBridge(): Bridge {
    if (this.lotBridge && this.pbx.bridges.byId.has(this.lotBridge.id)) return this.lotBridge
    const lot = this.pbx.config.parking
    this.lotBridge = this.pbx.bridges.create('parking', 'holding_bridge', 'Parking', lot.name, 'none', 'holding', 'parking')
    return this.lotBridge
  }

  fields(pc: ParkedCall): AmiField[] {
    const lot = this.pbx.config.parking
    const elapsed = Math.floor((this.pbx.now() - pc.parkedMs) / 1000)
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
  park(ch: Channel, timeoutChannel: Channel | undefined, parkerDialString: string, timeoutMs?: number): number | undefined {
    const { bridges, events, scheduler } = this.pbx
    const lot = this.pbx.config.parking
    let space: number | undefined
    for (let s = lot.start; s <= lot.stop; s++) {
      if (!this.parked.has(s)) {
        space = s
        break
      }
    }
    if (space === undefined) return undefined
    const lotBridge = this.ensureLotBridge()
    const from = bridges.of(ch)
    ch.onBridgePartnerGone = undefined
    // A dialled party that gets parked leaves its caller's CDR and ends with a Cdr of its own
    // (park.raw: 4 Cdr for the parked Local/101 call).
    if (ch.dialedBy !== undefined) {
      ch.dialedBy = undefined
      ch.cdr.lastApp = 'Park'
      ch.cdr.lastData = ''
    }
    if (from) bridges.leave(ch)
    const timeoutS = timeoutMs !== undefined ? Math.ceil(timeoutMs / 1000) : lot.timeoutS
    const chosen = space
    const timer = scheduler.schedule(timeoutS * 1000, () => {
      this.timeout(chosen)
    })
    const pc: ParkedCall = { channel: ch, space, parkerDialString, parkedMs: this.pbx.now(), timeoutS, timeoutChannel, timer }
    this.parked.set(space, pc)
    events.emit('ParkedCall', PRIV_CALL, this.fields(pc))
    this.pbx.devices.publish(`park:${space}@parkedcalls`, 'INUSE')
    bridges.enter(lotBridge, ch)
    this.pbx.channelEvents.startMusic(ch)
    if (from) {
      // The other party: with a TimeoutChannel it stays (alone) until the parkee's fate is known;
      // without, its Dial returns and the call ends for it.
      const rest = from.channels[0]
      if (rest && rest === timeoutChannel) {
        rest.onBridgePartnerGone = undefined
      } else if (rest) {
        scheduler.schedule(0, () => {
          bridges.partnerGone(from, 16)
        })
      } else bridges.destroy(from)
    }
    return space
  }

  private endSession(pc: ParkedCall): void {
    this.parked.delete(pc.space)
    pc.timer.cancel()
    if (pc.channel.mohPlaying) this.pbx.channelEvents.stopMusic(pc.channel)
  }

  /** A parked channel hung up: ParkedCallGiveUp; a waiting TimeoutChannel is let go. */
  giveUp(ch: Channel): void {
    const { bridges, scheduler, hangups } = this.pbx
    for (const pc of this.parked.values()) {
      if (pc.channel !== ch) continue
      this.endSession(pc)
      this.pbx.events.emit('ParkedCallGiveUp', PRIV_CALL, this.fields(pc))
      this.pbx.devices.publish(`park:${pc.space}@parkedcalls`, 'NOT_INUSE')
      const tc = pc.timeoutChannel
      if (tc && !tc.hungUp)
        scheduler.schedule(0, () => {
          bridges.partnerGone(bridges.of(tc), 16)
        })
      if (tc && !tc.hungUp && !tc.bridgeId)
        scheduler.schedule(0, () => {
          hangups.soft(tc, 16)
        })
      return
    }
  }

  private timeout(space: number): void {
    const pc = this.parked.get(space)
    if (!pc || pc.channel.hungUp) return
    this.endSession(pc)
    const ch = pc.channel
    ch.context = 'park-dial'
    ch.exten = pc.parkerDialString.replace(/\//g, '_')
    this.pbx.events.emit('ParkedCallTimeOut', PRIV_CALL, this.fields(pc))
    this.pbx.bridges.leave(ch)
    // comebacktoorigin runs the park-dial dialplan on the parkee: a PBX of its own, a new CDR.
    ch.runsPbx = true
    this.pbx.cdrs.split(ch)
    this.pbx.devices.publish(`park:${space}@parkedcalls`, 'NOT_INUSE')
    const tc = pc.timeoutChannel
    if (tc && !tc.hungUp) this.pbx.hangups.soft(tc, 16)
    // comebacktoorigin: the parkee dials back whoever parked it.
    this.pbx.dial.dial(ch, [pc.parkerDialString], 30, 't', 1)
  }

  /** ParkedCall(default,<space>): `ch` dialled the space and is bridged with the parkee. */
  retrieve(ch: Channel, space: number): void {
    const { bridges, channelEvents: ev } = this.pbx
    const pc = this.parked.get(space)
    if (!pc || pc.channel.hungUp) {
      this.pbx.hangups.soft(ch, 16)
      return
    }
    this.endSession(pc)
    const parkee = pc.channel
    this.pbx.cdrs.split(parkee)
    bridges.leave(parkee)
    const bridge = bridges.createBasic()
    bridges.enter(bridge, ch)
    bridges.enter(bridge, parkee)
    const now = this.pbx.now()
    this.pbx.events.emit('UnParkedCall', PRIV_CALL, [
      ...channelBlock(parkee, 'Parkee'),
      ...channelBlock(ch, 'Retriever'),
      ['ParkerDialString', pc.parkerDialString],
      ['Parkinglot', this.pbx.config.parking.name],
      ['ParkingSpace', String(space)],
      ['ParkingTimeout', String(Math.max(0, pc.timeoutS - Math.floor((now - pc.parkedMs) / 1000)))],
      ['ParkingDuration', String(Math.floor((now - pc.parkedMs) / 1000))],
    ])
    // Connected lines are exchanged; through the retriever's Local pair the ;2 half gets a new
    // caller id at once, the parkee's ;2 half only after its Hangup (park-retrieve.raw).
    ev.setConnected(parkee, ch.callerNum, ch.callerName)
    ev.setConnected(ch, parkee.callerNum, parkee.callerName)
    if (ch.localPeer) ev.setCallerId(ch.localPeer, ch.localPeer.callerNum, ch.localPeer.callerName)
    if (parkee.localPeer) ev.newCallerIdAfterHangup(parkee.localPeer)
    this.pbx.devices.publish(`park:${space}@parkedcalls`, 'NOT_INUSE')
    const tc = pc.timeoutChannel
    if (tc && !tc.hungUp)
      this.pbx.scheduler.schedule(0, () => {
        this.pbx.hangups.soft(tc, 16)
      })
  }
}
