// Values the store derives from a CDR at ingest: caller-ID parts, channel endpoints, direction,
// queue, missed, and the text the full-text index holds. Pure functions, shared by the worker
// and by tests that re-derive expectations.
import type { CdrDirection, DirectionRule } from './types'

/** Splits Asterisk's `"Name" <number>` caller ID. Tolerates a bare number or a bare name. */
export function parseCallerId(clid: string): { name: string; number: string } {
  const s = clid.trim()
  return plainQuotedCallerId(s) ?? parseCallerIdByPattern(s)
}

/**
 * The common shape `"Name" <number>` read without a regular expression (ingest parses a caller ID
 * per CDR). Only a name free of quotes, backslashes and angle brackets, followed by spaces or tabs
 * and one `<number>` at the end, takes this path; anything else is left to the general parser.
 * Both give the same answer on what this accepts (property-tested).
 */
function plainQuotedCallerId(s: string): { name: string; number: string } | null {
  if (s.charCodeAt(0) !== 0x22 || s.charCodeAt(s.length - 1) !== 0x3e) return null
  const close = s.indexOf('"', 1)
  const lt = s.indexOf('<')
  if (close < 0 || lt < close || s.indexOf('<', lt + 1) >= 0 || s.indexOf('>') !== s.length - 1) return null
  for (let i = close + 1; i < lt; i++) {
    const c = s.charCodeAt(i)
    if (c !== 0x20 && c !== 0x09) return null
  }
  const name = s.slice(1, close)
  if (name.includes('\\') || name.includes('>')) return null
  return { name, number: s.slice(lt + 1, -1).trim() }
}

/** The general caller-ID parser (one regular expression): the definition the fast path must match. */
export function parseCallerIdByPattern(s: string): { name: string; number: string } {
  const m = /^(?:"((?:[^"\\]|\\.)*)"|([^<]*?))\s*<([^>]*)>\s*$/.exec(s)
  if (m) {
    const quoted = m[1]
    // Asterisk does not escape quotes inside the name (`"A "B" C" <1>`): strip only the outer pair.
    const name = quoted !== undefined ? quoted.replace(/\\(.)/g, '$1') : (m[2] ?? '').trim().replace(/^"(.*)"$/s, '$1')
    return { name, number: (m[3] ?? '').trim() }
  }
  // No <number>: a string of dial characters is a number, anything else a name.
  if (/^\+?[0-9*#]+$/.test(s)) return { name: '', number: s }
  return { name: s.replace(/^"(.*)"$/, '$1'), number: '' }
}

/**
 * The endpoint part of a channel name: `PJSIP/101-0000002a` → `101`,
 * `Local/101@lab-00000000;1` → `101`, `IAX2/peer-9434` → `peer`, `SIP/trunk/5551234` → `trunk`.
 * Empty for an empty channel.
 */
export function channelEndpoint(channel: string): string {
  const slash = channel.indexOf('/')
  if (slash < 0) return ''
  // 'Local' in any case (Local/101@ctx;1 names a dialplan extension, not an endpoint).
  if (slash === 5 && channel.slice(0, 5).toLowerCase() === 'local') {
    const rest = channel.slice(slash + 1)
    const at = rest.indexOf('@')
    return at < 0 ? rest.replace(/;[12]$/, '') : rest.slice(0, at)
  }
  // The endpoint runs to the next '/' (SIP/trunk/5551234) or the end; drop the per-call
  // suffix: the last '-' followed by hex digits only (Asterisk's channel counter).
  const next = channel.indexOf('/', slash + 1)
  const end = next < 0 ? channel.length : next
  const dash = channel.lastIndexOf('-', end - 1)
  if (dash > slash + 1 && dash < end - 1) {
    let hex = true
    for (let i = dash + 1; i < end && hex; i++) {
      const c = channel.charCodeAt(i)
      const lower = c | 0x20 // A-F → a-f; only A-F and a-f land in a-f this way
      hex = (c >= 0x30 && c <= 0x39) || (lower >= 0x61 && lower <= 0x66)
    }
    if (hex) return channel.slice(slash + 1, dash)
  }
  return channel.slice(slash + 1, end)
}

export const DEFAULT_INTERNAL_PATTERN = '^[0-9]{2,6}$'
/** FreePBX routes trunk calls in through these contexts (from-trunk-<name>, from-pstn, …). */
export const DEFAULT_INBOUND_CONTEXTS = ['from-trunk', 'from-pstn', 'from-did-direct', 'ext-did', 'from-peer']

export interface CompiledDirectionRule {
  isInternal(num: string): boolean
  isInboundContext(ctx: string): boolean
}

export function compileDirectionRule(rule: DirectionRule | undefined): CompiledDirectionRule {
  const re = new RegExp(rule?.internalPattern ?? DEFAULT_INTERNAL_PATTERN)
  const contexts = rule?.inboundContexts ?? DEFAULT_INBOUND_CONTEXTS
  return {
    isInternal: (num) => num !== '' && re.test(num),
    // A prefix match: FreePBX names trunk contexts from-trunk-<trunk>.
    isInboundContext: (ctx) => contexts.some((c) => ctx === c || ctx.startsWith(`${c}-`)),
  }
}

/**
 * Direction of one CDR leg:
 * 1. dcontext is a trunk-inbound context → inbound (the caller came from outside whatever
 *    number it shows);
 * 2. otherwise the caller number (src, else cnum) is not internal → inbound;
 * 3. caller internal and dst internal (or empty: the leg ran an app, e.g. voicemail) → internal;
 * 4. caller internal, dst external → outbound.
 */
export function deriveDirection(r: { src: string; cnum: string; dst: string; dcontext: string }, rule: CompiledDirectionRule): CdrDirection {
  if (rule.isInboundContext(r.dcontext)) return 'inbound'
  const caller = r.src !== '' ? r.src : r.cnum
  if (!rule.isInternal(caller)) return 'inbound'
  if (r.dst === '' || rule.isInternal(r.dst)) return 'internal'
  return 'outbound'
}

/** Queue of the leg: Queue(name,…) as last app, or FreePBX's ext-queues context (dst = queue number). */
export function deriveQueue(r: { lastapp: string; lastdata: string; dcontext: string; dst: string }): string | null {
  if (r.lastapp.toLowerCase() === 'queue') {
    const name = (r.lastdata.split(/[,|]/)[0] ?? '').trim()
    return name === '' ? null : name
  }
  if (r.dcontext === 'ext-queues' && r.dst !== '') return r.dst
  return null
}

/**
 * Missed = not answered, or answered only by Queue() itself and left without an agent: the
 * queue-abandon capture (disposition ANSWERED, lastapp Queue, no dstchannel), or a queue leg whose
 * member (a Local channel) never answered (talk 0 once its leg is known, see deriveTimes).
 */
export function deriveMissed(r: { disposition: string; lastapp: string; dstchannel: string }, times?: CallTimes): boolean {
  if (r.disposition.toUpperCase() !== 'ANSWERED') return true
  if (r.lastapp.toLowerCase() !== 'queue') return false
  return r.dstchannel === '' || times?.talk === 0
}

/**
 * Applications that keep a caller waiting or listening to the PBX, never talking to a person:
 * queues, IVR menus and announcements, music on hold, early media. FreePBX (and the lab) answer a
 * call before them, so the CDR's billsec counts this time although nobody picked up.
 */
const WAITING_APPS = new Set([
  'queue',
  'background',
  'playback',
  'read',
  'waitexten',
  'musiconhold',
  'ivr',
  'progress',
  'ringing',
  'answer',
  'saydigits',
  'saynumber',
  'sayalpha',
  'sayunixtime',
  'controlplayback',
  'startmusiconhold',
])

export function isWaitingApp(lastapp: string): boolean {
  return WAITING_APPS.has(lastapp.toLowerCase())
}

/** A Local channel (`Local/101@from-queue-0000002a;1`): a dialplan leg, not a phone or a trunk. */
export function isLocalChannel(channel: string): boolean {
  return channel.length > 6 && channel.slice(0, 6).toLowerCase() === 'local/'
}

/**
 * The other half of a Local channel pair: `…;1` ↔ `…;2`. A queue (FreePBX, the lab) rings its
 * members through Local channels: the caller's CDR names the `;1` half as dstchannel, and the
 * member's own CDR (channel `;2`) has the member's answer.
 */
export function localPartner(channel: string): string | null {
  if (!isLocalChannel(channel)) return null
  if (channel.endsWith(';1')) return `${channel.slice(0, -2)};2`
  if (channel.endsWith(';2')) return `${channel.slice(0, -2)};1`
  return null
}

/** Seconds a leg spent before reaching a person (or without one) and talking with one. */
export interface CallTimes {
  wait: number
  /** null = not known from what is stored (a queue member's leg not (yet) cached). */
  talk: number | null
}

/** The member's leg of a Local pair, as far as the wait/talk split needs it (times in seconds). */
export interface PartnerLeg {
  answered: boolean
  /** When the member answered: its answer time, else (FreePBX has none) end − billsec. */
  answerAt: number
}

/**
 * Wait and talk of one CDR leg, from its own fields (and, for a leg bridged to a Local channel,
 * the partner leg's answer):
 * - not answered: everything was waiting (ringing), no talk;
 * - answered, no dstchannel, a waiting app last (Queue, IVR, announcement): waiting only — the
 *   PBX answered, nobody talked (the queue-abandon capture: billsec 3, talk 0);
 * - answered, bridged to a Local channel: talk from the member's answer to the end of this leg
 *   (the queue capture: caller answered at :31 by the PBX, member at :33, end :35 → wait 2, talk 2);
 *   nobody answered the member → no talk; member leg unknown → talk unknown when the caller sat in a
 *   waiting app (its billsec counts the wait), else billsec;
 * - answered otherwise (bridged to a phone or trunk, or an app like VoiceMail): ring time is wait,
 *   billsec is talk.
 */
export function deriveTimes(
  r: { disposition: string; duration: number; billsec: number; end: number; lastapp: string; dstchannel: string },
  partner?: PartnerLeg,
): CallTimes {
  if (r.disposition.toUpperCase() !== 'ANSWERED') return { wait: r.duration, talk: 0 }
  const ring = Math.max(0, r.duration - r.billsec)
  const waiting = isWaitingApp(r.lastapp)
  if (r.dstchannel === '') return waiting ? { wait: r.duration, talk: 0 } : { wait: ring, talk: r.billsec }
  if (isLocalChannel(r.dstchannel)) {
    if (partner === undefined) return waiting ? { wait: ring, talk: null } : { wait: ring, talk: r.billsec }
    if (!partner.answered) return { wait: r.duration, talk: 0 }
    const talk = Math.min(r.billsec, Math.max(0, r.end - partner.answerAt))
    return { wait: r.duration - talk, talk }
  }
  return { wait: ring, talk: r.billsec }
}

/** Separator between fields in the search text; stripped from queries, so no match spans two fields. */
export const SEARCH_FIELD_SEPARATOR = '\u001f'

/** Fields the "number or name contains" filter and the FTS index cover, deduplicated. */
export function searchFields(r: {
  cnam: string
  cnum: string
  src: string
  dst: string
  did: string | null
  channel: string
  dstchannel: string
}): string[] {
  const out: string[] = []
  for (const v of [r.cnam, r.cnum, r.src, r.dst, r.did ?? '', channelEndpoint(r.channel), channelEndpoint(r.dstchannel)]) {
    const clean = v.includes(SEARCH_FIELD_SEPARATOR) ? v.split(SEARCH_FIELD_SEPARATOR).join('') : v
    if (clean !== '' && !out.includes(clean)) out.push(clean)
  }
  return out
}

export function searchText(r: Parameters<typeof searchFields>[0]): string {
  return searchFields(r).join(SEARCH_FIELD_SEPARATOR)
}

/** Case folding shared by the index path and the scan path, so both give the same answers. */
export function foldCase(s: string): string {
  return s.toLowerCase()
}
