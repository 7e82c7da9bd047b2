/**
 * Call recording (MixMonitor / StopMixMonitor / MixMonitorMute) as mixmonitor.raw shows it: the
 * action is answered first (`MixMonitorID` in the response only when the `i(<var>)` option asks
 * for the id), then VarSet MIXMONITOR_FILENAME (the file under the monitor spool), the `i(<var>)`
 * option's VarSet of the id, and MixMonitorStart; mute per direction with a MixMonitorMute event;
 * StopMixMonitor (by id or the channel's latest) with MixMonitorStop. A channel hung up while
 * recording sends no MixMonitorStop. No audio is written.
 */
import { type Channel, channelBlock } from '../model'
import { PRIV_CALL } from '../pbx/events'
import type { Pbx } from '../pbx/pbx'

/** Where Asterisk's spool keeps MixMonitor files given without a path (astspooldir/monitor). */
export const MONITOR_SPOOL = '/var/spool/asterisk/monitor'

export type MuteDirection = 'read' | 'write' | 'both'

interface Recorded {
  readonly id: string
  readonly file: string
  readonly options: string
  muted: { read: boolean; write: boolean }
}

export class Recording {
  /** Recordings per channel, oldest first (a channel may carry several MixMonitors). */
  private readonly byChannel = new Map<Channel, Recorded[]>()
  private seq = 0

  constructor(private readonly pbx: Pbx) {}

  /**
   * MixMonitor: returns its id. `options` as given (`b`, `i(VAR)`, `B(15)` …). `answer` is called
   * with the id before any event: Asterisk answers the action, then the recording's thread starts
   * and announces itself (mixmonitor.raw: the Success, then VarSet and MixMonitorStart).
   */
  start(ch: Channel, file: string, options = '', answer?: (id: string) => void): string {
    // Asterisk's id is the recording's address in hex; the first one is the capture's.
    const id = `0x7fd45c${(0x2a80 + this.seq * 0x40).toString(16).padStart(6, '0')}`
    this.seq++
    answer?.(id)
    ch.mixMonitorId = id
    const path = file.startsWith('/') ? file : `${MONITOR_SPOOL}/${file}`
    this.byChannel.set(ch, [...(this.byChannel.get(ch) ?? []), { id, file: path, options, muted: { read: false, write: false } }])
    this.pbx.channelEvents.setVar(ch, 'MIXMONITOR_FILENAME', path)
    const idVar = /i\(([^)]+)\)/.exec(options)?.[1]
    if (idVar !== undefined) this.pbx.channelEvents.setVar(ch, idVar, id)
    this.pbx.events.emit('MixMonitorStart', PRIV_CALL, channelBlock(ch))
    return id
  }

  /** StopMixMonitor: the one with this id, else the channel's latest; false when none runs. */
  stop(ch: Channel, id?: string): boolean {
    const list = this.byChannel.get(ch) ?? []
    const gone = id === undefined ? list.at(-1) : list.find((r) => r.id === id)
    if (gone === undefined) return false
    const rest = list.filter((r) => r !== gone)
    if (rest.length === 0) this.byChannel.delete(ch)
    else this.byChannel.set(ch, rest)
    ch.mixMonitorId = rest.at(-1)?.id
    this.pbx.events.emit('MixMonitorStop', PRIV_CALL, channelBlock(ch))
    return true
  }

  /** MixMonitorMute: every recording of the channel, or the one with this id; false when none matched. */
  mute(ch: Channel, direction: MuteDirection, state: boolean, id?: string): boolean {
    const list = (this.byChannel.get(ch) ?? []).filter((r) => id === undefined || r.id === id)
    if (list.length === 0) return false
    for (const r of list) {
      if (direction !== 'write') r.muted.read = state
      if (direction !== 'read') r.muted.write = state
    }
    this.pbx.events.emit('MixMonitorMute', PRIV_CALL, [...channelBlock(ch), ['Direction', direction], ['State', state ? '1' : '0']])
    return true
  }

  /**
   * `mixmonitor list <channel>` (the CLI through AMI Command): the channel's recordings, newest
   * first as its datastores are kept, each as `<id>\t<file without extension>\t<read file>\t<write file>`.
   */
  listLines(ch: Channel): string[] {
    const rows = [...(this.byChannel.get(ch) ?? [])].reverse().map((r) => `${r.id}\t${r.file.replace(/\.[^./]+$/, '')}\t\t`)
    return ['MixMonitor ID\tFile\tReceive File\tTransmit File', '='.repeat(73), ...rows]
  }

  /** What the channel records now (tests and the demo's own views). */
  recordings(ch: Channel): readonly { id: string; file: string; options: string; muted: { read: boolean; write: boolean } }[] {
    return this.byChannel.get(ch) ?? []
  }

  /** The channel is gone: its recordings end with it, without an event (mixmonitor.raw's last call). */
  forget(ch: Channel): void {
    this.byChannel.delete(ch)
  }
}
