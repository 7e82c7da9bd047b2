import type { SpyMode } from '../../../src-preload/types/supervision'
import type { ListResult } from '../ami/client'
import type { AmiFieldsInput, AmiMessage } from '../ami/message'
import { isBeepSpyer } from './spy-options'

/** What this console asked for when it rang its seat's phone into ChanSpy. */
export interface SpyAsk {
  readonly mode: SpyMode
  /** The window or socket that asked ("web socket 5") and its client id. */
  readonly seat: string
  readonly clientId: string
  /** The call as the audit line named it ("Anna Berg <+4930123> → Bob (101)"). */
  readonly target: string
  /** Every mode the session was in, in order (the end line lists them). */
  readonly modes: SpyMode[]
}

/** One ChanSpy session on the PBX (ChanSpyStart until ChanSpyStop or a hangup). */
export interface SpySession {
  /** The spying channel's Uniqueid: the session's key. */
  readonly id: string
  readonly spyerChannel: string
  readonly spiedChannelId: string
  readonly spiedChannelName: string
  readonly byName: string
  readonly byNumber: string
  readonly since: number
  /** Present when this console started it. */
  readonly ask: SpyAsk | undefined
}

/** One MixMonitor recording (MixMonitorStart until MixMonitorStop or the channel's hangup). */
export interface Recording {
  readonly channelId: string
  /** MixMonitors running on the channel (FreePBX may record it too): the channel is recorded until the last stops. */
  readonly running: number
  readonly since: number
  readonly readMuted: boolean
  readonly writeMuted: boolean
  /** The file name main gave it and MixMonitor's id for it, when this console started it. */
  readonly file: string | undefined
  readonly mixMonitorId: string | undefined
}

export interface TrackerDeps {
  readonly onAmiEvent: (listener: (msg: AmiMessage) => void) => () => void
  readonly onAmiReady: (listener: () => void) => () => void
  readonly amiList: (name: string, fields?: AmiFieldsInput) => Promise<ListResult>
  readonly now: () => number
  /** A session ended (ChanSpyStop, or a hangup of either side). */
  readonly onSpyEnded?: (session: SpySession, at: number) => void
  /** A session began (ChanSpyStart). */
  readonly onSpyStarted?: (session: SpySession) => void
  readonly log?: (message: string, err?: unknown) => void
}

/** Asterisk's placeholders for an absent caller id are no name. */
function shown(value: string | undefined): string {
  const v = (value ?? '').trim()
  return v === '<unknown>' ? '' : v
}

/**
 * Who listens to whom and which calls are recorded, on one PBX, from its AMI events: ChanSpyStart
 * and ChanSpyStop carry both channels, MixMonitorStart / Stop / Mute the recorded one. ChanSpy
 * does not say its mode on the wire: a session this console started carries what it asked for.
 * After each (re)connect the sessions still running are read from CoreShowChannels (the spying
 * channel runs `ChanSpy` with its target in the data); recordings cannot be listed over AMI, so
 * the ones on channels that are gone are dropped and the others kept as they were.
 */
export class SupervisionTracker {
  private readonly spies = new Map<string, SpySession>()
  private readonly recs = new Map<string, Recording>()
  /** Asks by the spying channel's id (the Originate's ChannelId), until its ChanSpyStart. */
  private readonly asks = new Map<string, SpyAsk>()
  /** Recordings this console started, by channel id, until their MixMonitorStart. */
  private readonly started = new Map<string, { file: string; mixMonitorId: string | undefined }>()
  private readonly listeners = new Set<() => void>()
  private readonly offs: (() => void)[] = []

  constructor(private readonly d: TrackerDeps) {
    this.offs.push(
      d.onAmiEvent((msg) => {
        this.onEvent(msg)
      }),
    )
    this.offs.push(d.onAmiReady(() => void this.reload()))
  }

  /** Reads the sessions running now (the tracker's first use, and each reconnect). */
  async reload(): Promise<void> {
    let list: ListResult
    try {
      list = await this.d.amiList('CoreShowChannels')
    } catch (err) {
      this.d.log?.('supervision: CoreShowChannels failed', err)
      return
    }
    const items = list.events.filter((e) => e.event === 'CoreShowChannel')
    const byId = new Map(items.map((e) => [e.get('Uniqueid') ?? '', e]))
    const byName = new Map(items.map((e) => [e.get('Channel') ?? '', e]))
    const found = new Map<string, SpySession>()
    for (const e of items) {
      if ((e.get('Application') ?? '').toLowerCase() !== 'chanspy') continue
      const id = e.get('Uniqueid') ?? ''
      const name = e.get('Channel') ?? ''
      if (id === '' || isBeepSpyer(name, e.get('Context'))) continue
      const spec = (e.get('ApplicationData') ?? '').split(',')[0] ?? ''
      const spied = byId.get(spec) ?? byName.get(spec)
      if (spied === undefined) continue
      const known = this.spies.get(id)
      found.set(id, {
        id,
        spyerChannel: name,
        spiedChannelId: spied.get('Uniqueid') ?? '',
        spiedChannelName: spied.get('Channel') ?? '',
        byName: shown(e.get('CallerIDName')),
        byNumber: shown(e.get('CallerIDNum')),
        since: known?.since ?? this.d.now(),
        ask: known?.ask ?? this.asks.get(id),
      })
    }
    for (const [id, s] of this.spies) if (!found.has(id)) this.end(s)
    for (const [id, s] of found) this.spies.set(id, s)
    for (const id of [...this.recs.keys()]) if (!byId.has(id)) this.recs.delete(id)
    this.changed()
  }

  /** Before the Originate: the session its ChannelId starts will carry this ask. */
  expectSpy(spyerChannelId: string, ask: Omit<SpyAsk, 'modes'>): void {
    this.asks.set(spyerChannelId, { ...ask, modes: [ask.mode] })
  }

  /** The Originate failed: no session will start for it. */
  forgetSpy(spyerChannelId: string): void {
    this.asks.delete(spyerChannelId)
  }

  /** A recording this console started (its file and MixMonitor's id), before or after its MixMonitorStart. */
  recordingStarted(channelId: string, file: string, mixMonitorId: string | undefined): void {
    const rec = this.recs.get(channelId)
    if (rec !== undefined) this.recs.set(channelId, { ...rec, file, mixMonitorId })
    else this.started.set(channelId, { file, mixMonitorId })
    this.changed()
  }

  /** The console's own recording on the channel was stopped; another (FreePBX's) may still run there. */
  ownRecordingStopped(channelId: string): void {
    const rec = this.recs.get(channelId)
    if (rec?.file === undefined) return
    // Its MixMonitorStop (before or after this) counts it out of `running`.
    this.recs.set(channelId, { ...rec, file: undefined, mixMonitorId: undefined })
    this.changed()
  }

  /** A mode switch this console made (ChanSpy says nothing of it on the wire). */
  switched(sessionId: string, mode: SpyMode): void {
    const s = this.spies.get(sessionId)
    if (s?.ask === undefined) return
    if (s.ask.modes.at(-1) !== mode) s.ask.modes.push(mode)
    this.spies.set(sessionId, { ...s, ask: { ...s.ask, mode } })
    this.changed()
  }

  sessions(): readonly SpySession[] {
    return [...this.spies.values()]
  }

  session(id: string): SpySession | undefined {
    return this.spies.get(id)
  }

  recordings(): readonly Recording[] {
    return [...this.recs.values()]
  }

  recording(channelId: string): Recording | undefined {
    return this.recs.get(channelId)
  }

  /** Called after every change; returns the unsubscribe. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  dispose(): void {
    for (const off of this.offs.splice(0)) off()
    this.listeners.clear()
  }

  private onEvent(msg: AmiMessage): void {
    switch (msg.event) {
      case 'ChanSpyStart':
        this.spyStarted(msg)
        return
      case 'ChanSpyStop': {
        const s = this.spies.get(msg.get('SpyerUniqueid') ?? '')
        if (s !== undefined) this.end(s)
        this.changed()
        return
      }
      case 'MixMonitorStart': {
        const id = msg.get('Uniqueid') ?? ''
        const mine = this.started.get(id)
        this.started.delete(id)
        const before = this.recs.get(id)
        this.recs.set(id, {
          channelId: id,
          running: (before?.running ?? 0) + 1,
          since: before?.since ?? this.d.now(),
          readMuted: false,
          writeMuted: false,
          file: mine?.file ?? before?.file,
          mixMonitorId: mine?.mixMonitorId ?? before?.mixMonitorId,
        })
        this.changed()
        return
      }
      case 'MixMonitorStop': {
        const id = msg.get('Uniqueid') ?? ''
        const rec = this.recs.get(id)
        if (rec === undefined) return
        // The event names no recording: the console's own id is kept only while the console's may still run.
        if (rec.running > 1) this.recs.set(id, { ...rec, running: rec.running - 1 })
        else this.recs.delete(id)
        this.changed()
        return
      }
      case 'MixMonitorMute':
        this.muted(msg)
        return
      case 'Hangup':
        this.hungUp(msg.get('Uniqueid') ?? '')
        return
      default:
        return
    }
  }

  private spyStarted(msg: AmiMessage): void {
    const id = msg.get('SpyerUniqueid') ?? ''
    const name = msg.get('SpyerChannel') ?? ''
    if (id === '' || isBeepSpyer(name, msg.get('SpyerContext'))) return
    const ask = this.asks.get(id)
    this.asks.delete(id)
    const session: SpySession = {
      id,
      spyerChannel: name,
      spiedChannelId: msg.get('SpyeeUniqueid') ?? '',
      spiedChannelName: msg.get('SpyeeChannel') ?? '',
      byName: shown(msg.get('SpyerCallerIDName')),
      byNumber: shown(msg.get('SpyerCallerIDNum')),
      since: this.d.now(),
      ask: ask ?? this.spies.get(id)?.ask,
    }
    this.spies.set(id, session)
    this.d.onSpyStarted?.(session)
    this.changed()
  }

  private muted(msg: AmiMessage): void {
    const id = msg.get('Uniqueid') ?? ''
    const rec = this.recs.get(id)
    if (rec === undefined) return
    const on = msg.get('State') === '1'
    const direction = (msg.get('Direction') ?? '').toLowerCase()
    this.recs.set(id, {
      ...rec,
      readMuted: direction === 'read' || direction === 'both' ? on : rec.readMuted,
      writeMuted: direction === 'write' || direction === 'both' ? on : rec.writeMuted,
    })
    this.changed()
  }

  private hungUp(id: string): void {
    let any = this.asks.delete(id)
    for (const s of [...this.spies.values()]) {
      if (s.id === id || s.spiedChannelId === id) {
        this.end(s)
        any = true
      }
    }
    this.started.delete(id)
    if (this.recs.delete(id)) any = true
    if (any) this.changed()
  }

  private end(s: SpySession): void {
    if (!this.spies.delete(s.id)) return
    this.d.onSpyEnded?.(s, this.d.now())
  }

  private changed(): void {
    for (const fn of this.listeners) {
      try {
        fn()
      } catch (err) {
        this.d.log?.('supervision: a listener failed', err)
      }
    }
  }
}
