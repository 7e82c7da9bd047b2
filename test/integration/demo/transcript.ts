/**
 * Compares an AMI transcript produced by the demo PBX with a real Asterisk capture, the way
 * the fidelity tests need it: same responses (in order, same keys, same Message), same event
 * names, and per channel the same event order; each event's key list must be one the real
 * server used for that event. Values (ids, times, counters) are not compared.
 *
 * What is deliberately not compared in order, and why:
 * - Dialplan-class events (Newexten, VarSet): they spell out the lab's dialplan text line by
 *   line; the demo's dialplan is its own. Their key lists are still checked.
 * - Unsolicited DeviceStateChange / QueueMemberStatus / ExtensionStatus: Asterisk publishes them
 *   from its device-state thread, so their position and repetition vary between two runs of the
 *   same scenario on the real server. Their key lists are checked, and per device the sequence
 *   of distinct states must match.
 * - Cross-channel interleaving: Asterisk runs each channel on its own thread; only the order
 *   within one channel is stable between runs. OriginateResponse and Cdr come from other
 *   threads (originate, CDR engine) and are counted, not ordered within the channel; so is
 *   AttendedTransfer (the bridge publishes it while the transferer's thread hangs up: the two
 *   captures that show it disagree on its place relative to the transferer's SoftHangupRequest).
 */
import { parseAmiBytes } from '../../../src-main/core/ami/framing'

export interface TranscriptMessage {
  readonly fields: readonly (readonly [string, string])[]
}

export function parseTranscript(bytes: Buffer): TranscriptMessage[] {
  const { messages } = parseAmiBytes(bytes, { expectBanner: true })
  return messages.filter((m) => m.size > 0).map((m) => ({ fields: m.fields() }))
}

function get(m: TranscriptMessage, key: string): string | undefined {
  return m.fields.find(([k]) => k === key)?.[1]
}

function keyList(m: TranscriptMessage): string {
  const keys: string[] = []
  for (const [k] of m.fields) if (keys[keys.length - 1] !== k) keys.push(k)
  return keys.join(' ')
}

const ORDER_FREE = new Set(['Newexten', 'VarSet'])
const STATE_EVENTS = new Set(['DeviceStateChange', 'QueueMemberStatus', 'ExtensionStatus'])
const STREAM_KEYS = ['Channel', 'ParkeeChannel', 'DestChannel', 'LocalOneChannel', 'TransfererChannel', 'OrigTransfererChannel']

/** Maps `-0000001a;1` sequence numbers and bridge ids to their order of first appearance. */
export class Normalizer {
  private readonly seqs = new Map<string, number>()
  private readonly bridges = new Map<string, number>()

  channel(name: string): string {
    return name.replace(/-([0-9a-f]{8})(?=;[12]$|$)/, (_m, hex: string) => {
      let n = this.seqs.get(hex)
      if (n === undefined) {
        n = this.seqs.size
        this.seqs.set(hex, n)
      }
      return `-#${n}`
    })
  }

  bridge(id: string): string {
    let n = this.bridges.get(id)
    if (n === undefined) {
      n = this.bridges.size
      this.bridges.set(id, n)
    }
    return `bridge#${n}`
  }

  /** Real → ordinal lookups, for translating the ids in a capture's actions. */
  seqOrdinal(hex: string): number | undefined {
    return this.seqs.get(hex)
  }

  seqByOrdinal(n: number): string | undefined {
    for (const [hex, i] of this.seqs) if (i === n) return hex
    return undefined
  }

  bridgeOrdinal(id: string): number | undefined {
    return this.bridges.get(id)
  }

  bridgeByOrdinal(n: number): string | undefined {
    for (const [id, i] of this.bridges) if (i === n) return id
    return undefined
  }

  observe(messages: readonly TranscriptMessage[]): void {
    for (const m of messages) {
      for (const [k, v] of m.fields) {
        if (/Channel$/.test(k)) this.channel(v)
        if (/BridgeUniqueid$/.test(k) || k === 'BridgeId' || k === 'BridgeID') if (v !== '') this.bridge(v)
      }
    }
  }
}

function streamOf(m: TranscriptMessage, norm: Normalizer): string {
  const event = get(m, 'Event')
  // Published by other threads (originate thread, CDR engine): their position relative to the
  // channel's own events differs between two real runs (call-two-party vs snapshots).
  if (event === 'OriginateResponse') return `action:${get(m, 'ActionID') ?? ''}`
  if (event === 'Cdr') return 'cdr'
  // Published by the bridge when a transfer completes, while the transferer's own thread hangs
  // it up: atxfer-complete.raw has it before the transferer's SoftHangupRequest, transfer.raw
  // after it, for the same action.
  if (event === 'AttendedTransfer') return 'transfer'
  for (const k of STREAM_KEYS) {
    const v = get(m, k)
    if (v !== undefined && v !== '') return `chan:${norm.channel(v)}`
  }
  const actionId = get(m, 'ActionID')
  if (actionId !== undefined) return `action:${actionId}`
  const bridge = get(m, 'BridgeUniqueid') ?? get(m, 'ToBridgeUniqueid')
  if (bridge !== undefined) return `bridge:${norm.bridge(bridge)}`
  return 'global'
}

export interface CompareOptions {
  /** Event names left out of every check, each with its reason (listed in the README). */
  readonly skipEvents?: ReadonlyMap<string, string>
}

export function compareTranscripts(real: readonly TranscriptMessage[], demo: readonly TranscriptMessage[], options: CompareOptions = {}): string[] {
  const diffs: string[] = []
  const skip = options.skipEvents ?? new Map<string, string>()
  const isResponse = (m: TranscriptMessage): boolean => get(m, 'Event') === undefined && get(m, 'Response') !== undefined
  const responses = (list: readonly TranscriptMessage[]): TranscriptMessage[] => list.filter(isResponse)
  const rr = responses(real)
  const dr = responses(demo)
  if (rr.length !== dr.length) diffs.push(`responses: real ${rr.length}, demo ${dr.length}`)
  for (let i = 0; i < Math.min(rr.length, dr.length); i++) {
    const a = rr[i] as TranscriptMessage
    const b = dr[i] as TranscriptMessage
    const label = `response #${i} (${get(a, 'ActionID') ?? 'no ActionID'})`
    if (get(a, 'Response') !== get(b, 'Response')) diffs.push(`${label}: Response ${get(a, 'Response')} vs ${get(b, 'Response')}`)
    if (get(a, 'ActionID') !== get(b, 'ActionID')) diffs.push(`${label}: ActionID ${get(a, 'ActionID')} vs ${get(b, 'ActionID')}`)
    const ka = keyList(a)
    const kb = keyList(b)
    // ListCommands and Command outputs: the key list is the data; compare only the header keys.
    if (ka !== kb && get(a, 'Output') === undefined && !/AbsoluteTimeout/.test(ka)) diffs.push(`${label}: keys [${ka}] vs [${kb}]`)
    const ma = get(a, 'Message')
    const mb = get(b, 'Message')
    if (ma !== mb && !(ma?.startsWith('Uniqueid length') && mb?.startsWith('Uniqueid length'))) diffs.push(`${label}: Message "${ma}" vs "${mb}"`)
  }

  const events = (list: readonly TranscriptMessage[]): TranscriptMessage[] =>
    list.filter((m) => {
      const e = get(m, 'Event')
      return e !== undefined && !skip.has(e)
    })
  const re = events(real)
  const de = events(demo)

  // Key lists: every demo event must use a key list the real server used for that event name.
  const realShapes = new Map<string, Set<string>>()
  for (const m of re) {
    const name = get(m, 'Event') as string
    let set = realShapes.get(name)
    if (!set) realShapes.set(name, (set = new Set()))
    set.add(keyList(m))
  }
  const reported = new Set<string>()
  for (const m of de) {
    const name = get(m, 'Event') as string
    const shapes = realShapes.get(name)
    if (!shapes) continue
    const kl = keyList(m)
    if (!shapes.has(kl) && !reported.has(`${name}|${kl}`)) {
      reported.add(`${name}|${kl}`)
      diffs.push(`event ${name}: keys [${kl}] not among real [${[...shapes].join('] or [')}]`)
    }
  }

  const ordered = (list: TranscriptMessage[]): TranscriptMessage[] =>
    list.filter((m) => {
      const e = get(m, 'Event') as string
      if (ORDER_FREE.has(e)) return false
      if (STATE_EVENTS.has(e) && get(m, 'ActionID') === undefined) return false
      return true
    })
  const ro = ordered(re)
  const dO = ordered(de)
  const count = (list: TranscriptMessage[]): Map<string, number> => {
    const c = new Map<string, number>()
    for (const m of list) c.set(get(m, 'Event') as string, (c.get(get(m, 'Event') as string) ?? 0) + 1)
    return c
  }
  const rc = count(ro)
  const dc = count(dO)
  for (const name of new Set([...rc.keys(), ...dc.keys()])) {
    if ((rc.get(name) ?? 0) !== (dc.get(name) ?? 0)) diffs.push(`event ${name}: real ${rc.get(name) ?? 0}, demo ${dc.get(name) ?? 0}`)
  }

  const streams = (list: TranscriptMessage[], norm: Normalizer): Map<string, string[]> => {
    const s = new Map<string, string[]>()
    for (const m of list) {
      const key = streamOf(m, norm)
      let arr = s.get(key)
      if (!arr) s.set(key, (arr = []))
      arr.push(get(m, 'Event') as string)
    }
    return s
  }
  const rs = streams(ro, new Normalizer())
  const ds = streams(dO, new Normalizer())
  for (const key of new Set([...rs.keys(), ...ds.keys()])) {
    const a = (rs.get(key) ?? []).join(' ')
    const b = (ds.get(key) ?? []).join(' ')
    if (a !== b) diffs.push(`order of ${key}:\n  real: ${a}\n  demo: ${b}`)
  }

  // Device states: per device, the sequence of distinct states.
  const devices = (list: TranscriptMessage[]): Map<string, string> => {
    const d = new Map<string, string[]>()
    for (const m of list) {
      if (get(m, 'Event') !== 'DeviceStateChange' || get(m, 'ActionID') !== undefined) continue
      const dev = get(m, 'Device') ?? ''
      let arr = d.get(dev)
      if (!arr) d.set(dev, (arr = []))
      const st = get(m, 'State') ?? ''
      if (arr[arr.length - 1] !== st) arr.push(st)
    }
    return new Map([...d].map(([k, v]) => [k, v.join('>')]))
  }
  const rd = devices(re)
  const dd = devices(de)
  for (const dev of new Set([...rd.keys(), ...dd.keys()])) {
    if (rd.get(dev) !== dd.get(dev)) diffs.push(`device ${dev}: real ${rd.get(dev) ?? '-'}, demo ${dd.get(dev) ?? '-'}`)
  }
  return diffs
}
