/**
 * What happens to a channel while it lives, each change with its event: dialplan steps
 * (Newexten), variables (VarSet), caller and connected line, state (Newstate, then its device's
 * state), Dial begin/end and Local channel optimisation.
 */
import type { AmiField } from '../ami-wire'
import { type Channel, ariChannel, channelBlock } from '../model'
import { PRIV_CALL, PRIV_DIALPLAN, ariChannelEvent } from '../pbx/events'
import type { Pbx } from '../pbx/pbx'

export interface DialplanPlace {
  readonly context?: string
  readonly exten?: string
  readonly priority?: number
}

export class ChannelEvents {
  /**
   * Local `;2` halves that publish a NewCallerid right after their Hangup (a transferred or
   * retrieved party's other half: atxfer-complete.raw, park-retrieve.raw).
   */
  private readonly callerIdAfterHangup = new Set<Channel>()

  constructor(private readonly pbx: Pbx) {}

  newexten(ch: Channel, app: string, data: string, where?: DialplanPlace): void {
    if (where?.context !== undefined) ch.context = where.context
    if (where?.exten !== undefined) ch.exten = where.exten
    if (where?.priority !== undefined) ch.priority = where.priority
    this.runApp(ch, app, data)
    this.pbx.events.emit('Newexten', PRIV_DIALPLAN, [...channelBlock(ch), ['Extension', ch.exten], ['Application', app], ['AppData', data]], () => ({
      type: 'ChannelDialplan',
      timestamp: '',
      dialplan_app: app,
      dialplan_app_data: data,
      channel: ariChannel(ch),
    }))
  }

  /**
   * The channel runs an application (pbx_exec sets its appl): what CoreShowChannels and the CDR
   * say. Only a dialplan step publishes Newexten; an Originate into an application runs it without
   * one (voicemail.raw, chanspy.raw: the OriginateResponse names it).
   */
  runApp(ch: Channel, app: string, data: string): void {
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
  }

  setVar(ch: Channel, name: string, value: string): void {
    ch.vars.set(name, value)
    this.pbx.events.emit('VarSet', PRIV_DIALPLAN, [...channelBlock(ch), ['Variable', name], ['Value', value]], () => ({
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
    this.pbx.events.emit(
      'NewCallerid',
      PRIV_CALL,
      [...channelBlock(ch), ['CID-CallingPres', '0 (Presentation Allowed, Not Screened)']],
      ariChannelEvent('ChannelCallerId', ch, { caller_presentation: 0, caller_presentation_txt: 'Presentation Allowed, Not Screened' }),
    )
  }

  setConnected(ch: Channel, num: string, name: string): void {
    ch.connectedNum = num
    ch.connectedName = name
    this.pbx.events.emit('NewConnectedLine', PRIV_CALL, channelBlock(ch), ariChannelEvent('ChannelConnectedLine', ch))
  }

  setState(ch: Channel, state: number): void {
    if (ch.state === state) return
    ch.state = state
    if (state === 6 && ch.answeredMs === undefined) {
      ch.answeredMs = this.pbx.now()
      ch.cdr.answerMs = ch.answeredMs
    }
    this.pbx.events.emit('Newstate', PRIV_CALL, channelBlock(ch), ariChannelEvent('ChannelStateChange', ch))
    this.pbx.devices.update(ch.device)
  }

  dialBegin(caller: Channel | undefined, dest: Channel, dialString: string): void {
    const fields: AmiField[] = [...(caller ? channelBlock(caller) : []), ...channelBlock(dest, 'Dest'), ['DialString', dialString]]
    this.pbx.events.emit('DialBegin', PRIV_CALL, fields, () => ({
      type: 'Dial',
      timestamp: '',
      dialstatus: '',
      forward: '',
      dialstring: dialString,
      ...(caller ? { caller: ariChannel(caller) } : {}),
      peer: ariChannel(dest),
    }))
  }

  dialEnd(caller: Channel | undefined, dest: Channel, status: string): void {
    const fields: AmiField[] = [...(caller ? channelBlock(caller) : []), ...channelBlock(dest, 'Dest'), ['DialStatus', status]]
    this.pbx.events.emit('DialEnd', PRIV_CALL, fields, () => ({
      type: 'Dial',
      timestamp: '',
      dialstatus: status,
      forward: '',
      dialstring: '',
      ...(caller ? { caller: ariChannel(caller) } : {}),
      peer: ariChannel(dest),
    }))
  }

  localBridge(one: Channel, two: Channel): void {
    this.pbx.events.emit('LocalBridge', PRIV_CALL, [
      ...channelBlock(one, 'LocalOne'),
      ...channelBlock(two, 'LocalTwo'),
      ['Context', two.context],
      ['Exten', two.exten],
      ['LocalOptimization', 'Yes'],
    ])
  }

  /** Answers a Local `;2` half and with it the `;1` half. */
  answerLocalTwo(two: Channel): void {
    this.setState(two, 6)
    const one = two.localPeer
    if (one && !one.hungUp) this.setState(one, 6)
  }

  /** Music on hold starts on the channel (MusicOnHoldStart, ARI ChannelHold). */
  startMusic(ch: Channel): void {
    ch.mohPlaying = true
    this.pbx.events.emit('MusicOnHoldStart', PRIV_CALL, [...channelBlock(ch), ['Class', 'default']], ariChannelEvent('ChannelHold', ch))
  }

  /** Music on hold stops (MusicOnHoldStop, ARI ChannelUnhold). */
  stopMusic(ch: Channel): void {
    ch.mohPlaying = false
    this.pbx.events.emit('MusicOnHoldStop', PRIV_CALL, channelBlock(ch), ariChannelEvent('ChannelUnhold', ch))
  }

  newCallerIdAfterHangup(ch: Channel): void {
    this.callerIdAfterHangup.add(ch)
  }

  /** At Hangup: the NewCallerid a transfer or retrieval left pending for this channel. */
  flushCallerIdAfterHangup(ch: Channel): void {
    if (this.callerIdAfterHangup.delete(ch)) {
      this.pbx.events.emit('NewCallerid', PRIV_CALL, [...channelBlock(ch), ['CID-CallingPres', '0 (Presentation Allowed, Not Screened)']])
    }
  }
}
