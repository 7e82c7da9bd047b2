/**
 * ChanSpy and ExtenSpy (apps/app_chanspy.c) as chanspy.raw shows them: the spying channel (an originated phone
 * running the application) listens to one channel; `ChanSpyStart` and `ChanSpyStop` carry both
 * channels (`Spyer…` and `Spyee…` blocks) and nothing of the mode — listen, whisper and barge look
 * the same on the wire. Options honoured: `u` (the target is a Uniqueid or full channel name,
 * otherwise a name prefix), `w` / `B` (the starting mode), `d` (DTMF 4/5/6 received on the spying
 * channel switch listen / whisper / barge, silently), `E` (the spying channel hangs up when the
 * spied one does). There is no audio, so `q` and the rest change nothing here.
 */
import { type Channel, channelBlock } from '../model'
import { PRIV_CALL } from '../pbx/events'
import type { Pbx } from '../pbx/pbx'

export type SpyMode = 'listen' | 'whisper' | 'barge'

interface Session {
  readonly spyee: Channel
  readonly options: ReadonlySet<string>
  mode: SpyMode
}

/** Option letters, without their parenthesised arguments (`v(2)`, `g(sales)`). */
function optionLetters(options: string): Set<string> {
  return new Set(options.replace(/\([^)]*\)/g, '').split(''))
}

const MODE_DIGITS: Readonly<Record<string, SpyMode>> = { '4': 'listen', '5': 'whisper', '6': 'barge' }

export class ChanSpies {
  private readonly sessions = new Map<Channel, Session>()

  constructor(private readonly pbx: Pbx) {}

  /**
   * ChanSpy(<target>,<options>) run by `spyer` (an originated channel, already answered); with
   * `byExten`, ExtenSpy(<exten>@<context>,<options>): the channel whose current dialplan place is
   * that extension (chanspy.raw: `101@lab` spied on Local/101@lab-…;2, the side waiting at 101).
   */
  start(spyer: Channel, data: string, byExten = false): void {
    const comma = data.indexOf(',')
    const spec = (comma < 0 ? data : data.slice(0, comma)).trim()
    const options = optionLetters(comma < 0 ? '' : data.slice(comma + 1))
    const spyee = byExten ? this.atExtension(spyer, spec) : this.target(spyer, spec, options.has('u'))
    if (spyee === undefined) {
      // Nothing to spy on: with `u` (or `S`) ChanSpy returns at once and the channel hangs up.
      this.pbx.channels.later(spyer, 0, () => {
        this.pbx.hangups.soft(spyer, 16)
      })
      return
    }
    const mode: SpyMode = options.has('B') ? 'barge' : options.has('w') ? 'whisper' : 'listen'
    this.sessions.set(spyer, { spyee, options, mode })
    this.pbx.events.emit('ChanSpyStart', PRIV_CALL, [...channelBlock(spyer, 'Spyer'), ...channelBlock(spyee, 'Spyee')])
  }

  /** The mode a spying channel is in now (the demo's own view: Asterisk shows it nowhere). */
  modeOf(spyer: Channel): SpyMode | undefined {
    return this.sessions.get(spyer)?.mode
  }

  /** The channels spying on `spyee` now. */
  spyersOf(spyee: Channel): Channel[] {
    return [...this.sessions].filter(([, s]) => s.spyee === spyee).map(([spyer]) => spyer)
  }

  /** A DTMF digit received on a channel; true when ChanSpy's `d` option took it as a mode switch. */
  digit(ch: Channel, digit: string): boolean {
    const s = this.sessions.get(ch)
    const mode = MODE_DIGITS[digit]
    if (s === undefined || !s.options.has('d') || mode === undefined) return false
    s.mode = mode
    return true
  }

  /** A hung-up channel leaves ChanSpy (ChanSpyStop before its Hangup, as chanspy.raw shows), or ends the sessions on it. */
  leaveOnHangup(ch: Channel): void {
    const own = this.sessions.get(ch)
    if (own !== undefined) this.stop(ch, own)
    for (const [spyer, s] of [...this.sessions]) {
      if (s.spyee !== ch) continue
      this.stop(spyer, s)
      if (s.options.has('E'))
        this.pbx.channels.later(spyer, 0, () => {
          this.pbx.hangups.soft(spyer, 16)
        })
    }
  }

  private stop(spyer: Channel, s: Session): void {
    this.sessions.delete(spyer)
    this.pbx.events.emit('ChanSpyStop', PRIV_CALL, [...channelBlock(spyer, 'Spyer'), ...channelBlock(s.spyee, 'Spyee')])
  }

  private atExtension(spyer: Channel, spec: string): Channel | undefined {
    const at = spec.indexOf('@')
    const exten = at < 0 ? spec : spec.slice(0, at)
    const context = at < 0 ? 'default' : spec.slice(at + 1)
    if (exten === '') return undefined
    return this.pbx.channels.list().find((c) => c !== spyer && !c.hungUp && c.exten === exten && c.context === context)
  }

  private target(spyer: Channel, spec: string, exact: boolean): Channel | undefined {
    if (spec === '') return undefined
    if (exact) {
      const found = this.pbx.channels.find(spec)
      return found === spyer || found?.hungUp === true ? undefined : found
    }
    return this.pbx.channels.list().find((c) => c !== spyer && !c.hungUp && c.name.startsWith(spec))
  }
}
