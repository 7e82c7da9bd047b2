import type { AlertKind, AttentionSettings } from '../../../../src-preload/types/attention'
import type { LiveCall, LiveQueue, LiveState } from '../../../../src-preload/types/live'
import { formatDuration, partyLabel } from '../../live/format'
import { tr } from '../../i18n'
import { strings } from './strings'

const t = tr(strings)

/** Something that deserves the operator's attention now, in words a notification can show. */
export interface Alert {
  /**
   * Stable while the condition lasts: a notification is raised when a key first appears, and again
   * only after it went away and came back (a queue back over its threshold, a new hold).
   */
  readonly key: string
  readonly kind: AlertKind
  readonly title: string
  readonly body: string
  /** The call a click selects (absent for a queue). */
  readonly callId?: string
}

/** What the rules read besides the live state. */
export interface AttentionInput {
  readonly state: LiveState
  readonly now: number
  /** The seat's own extension ('' when the seat has none: then every queue is the operator's). */
  readonly ownExtension: string
  readonly settings: Pick<AttentionSettings, 'queueAlertCallers' | 'parkWarnSeconds'>
  /** Settings' ring alert: the calls list turns a ringing call's timer red after it, and its caller is then waiting too long. */
  readonly ringAlertSeconds: number
  /** Seconds after which a held call waits too long (the calls list flags it from the same setting). */
  readonly holdAlertSeconds: number
}

const who = (call: LiveCall): string => partyLabel(call.caller).primary

/** "Anna Berg (+49 30 1234)", or just the number when the PBX gave no name. */
function whoInFull(call: LiveCall): string {
  const { primary, secondary } = partyLabel(call.caller)
  return secondary === '' ? primary : `${primary} (${secondary})`
}

/** The pattern of the seat's own phone as a queue member (`PJSIP/101`, `Local/101@from-queue/n`), made once per extension. */
let ownMemberPattern: { readonly ext: string; readonly pattern: RegExp } | undefined
function isOwnMember(iface: string, ext: string): boolean {
  if (ownMemberPattern?.ext !== ext) ownMemberPattern = { ext, pattern: new RegExp(`^(?:[A-Za-z0-9]+/${ext}(?:$|[@/-])|Local/${ext}@)`) }
  return ownMemberPattern.pattern.test(iface)
}

/**
 * Whether the seat's phone is among a queue's members, kept per members object: a live patch
 * keeps those of a queue it did not change, so the 4 Hz look (AttentionHost) does not test 1,000
 * members of 50 queues each time (bench:wallboard's profile: ~5 % of the page's script).
 */
const ownByMembers = new WeakMap<LiveQueue['members'], { readonly ext: string; readonly own: boolean }>()
function hasOwnMember(members: LiveQueue['members'], ext: string): boolean {
  const known = ownByMembers.get(members)
  if (known?.ext === ext) return known.own
  const own = Object.values(members).some((m) => isOwnMember(m.stateInterface, ext) || isOwnMember(m.interface, ext))
  ownByMembers.set(members, { ext, own })
  return own
}

/** The queues the seat answers: where its phone is a member; every queue when the seat has no phone. */
export function ownQueues(state: LiveState, ownExtension: string): Set<string> {
  const queues = Object.values(state.queues)
  if (ownExtension === '') return new Set(queues.map((q) => q.id))
  return new Set(queues.filter((q) => hasOwnMember(q.members, ownExtension)).map((q) => q.id))
}

/** Where a waiting call is, for the notification's second line. */
function whereItWaits(call: LiveCall): string {
  if (call.state === 'queued') return call.queue === undefined || call.queue === '' ? t('where.queueNone') : t('where.queue', { queue: call.queue })
  if (call.state === 'hold') return t('where.hold')
  const ringing = call.target?.kind === 'ringing' ? call.target.parties : []
  if (ringing.length === 1 && ringing[0] !== undefined) return t('where.ringingAt', { who: partyLabel(ringing[0]).primary })
  if (ringing.length > 1) return t('where.ringingAtPhones', { n: String(ringing.length) })
  return call.ringGroup === undefined ? t('where.ringing') : t('where.ringingGroup', { group: call.ringGroup })
}

function ringsForSeat(call: LiveCall, state: LiveState, ext: string, queues: Set<string>): boolean {
  if (call.state === 'queued') return call.queue !== undefined && queues.has(call.queue)
  if (call.state !== 'ringing' || ext === '') return false
  if (call.target?.kind === 'ringing' && call.target.parties.some((p) => p.number === ext)) return true
  const own = state.extensions[ext]
  return own !== undefined && (own.state === 'RINGING' || own.state === 'RINGINUSE') && own.callIds.includes(call.id)
}

function ringingAlert(call: LiveCall): Alert {
  const { secondary } = partyLabel(call.caller)
  const body = [secondary, whereItWaits(call)].filter((s) => s !== '').join(' · ')
  return { key: `ringing:${call.id}`, kind: 'ringing', title: t('n.calling', { who: who(call) }), body, callId: call.id }
}

/** Waiting since: ringing or queued since the call came in (or its state began), held since the hold. */
function waitingSince(call: LiveCall): number {
  return call.stateSince ?? call.startedAt
}

function waitingAlert(call: LiveCall, now: number, limitS: number): Alert | undefined {
  const since = waitingSince(call)
  if (now - since < limitS * 1000) return undefined
  return {
    // A new hold (a new stateSince) is a new wait worth telling about.
    key: `waiting:${call.id}:${call.state}:${String(since)}`,
    kind: 'waiting',
    title: t('n.waited', { who: who(call), duration: formatDuration(now - since) }),
    body: `${whoInFull(call)} · ${whereItWaits(call)}`,
    callId: call.id,
  }
}

function queueAlert(queue: LiveQueue, now: number, threshold: number): Alert | undefined {
  const callers = Object.values(queue.callers)
  if (callers.length < threshold) return undefined
  const longest = Math.min(...callers.map((c) => c.joinedAt))
  return {
    key: `queue:${queue.id}`,
    kind: 'queue',
    title: t('n.queue', { n: String(callers.length), queue: queue.id }),
    body: t('n.queueBody', { duration: formatDuration(now - longest) }),
  }
}

/**
 * What deserves the operator's attention in the live state now: a call ringing at their phone or
 * waiting in their queues, a caller waiting too long (ringing or queued past the wait limit, on
 * hold past the hold limit), a queue at or over its threshold of callers, a parked call about to
 * time out and come back. Pure: the same state and time give the same alerts, in a stable order
 * (most urgent kinds first, then oldest first).
 */
export function attentionAlerts(input: AttentionInput): Alert[] {
  const { state, now, ownExtension: ext, settings } = input
  const queues = ownQueues(state, ext)
  // Oldest first: only the calls that raise something are ordered (most of a busy PBX's calls are talking).
  const byWait = (a: LiveCall, b: LiveCall): number => waitingSince(a) - waitingSince(b) || a.id.localeCompare(b.id)
  const forSeat: LiveCall[] = []
  const tooLong: LiveCall[] = []
  for (const id in state.calls) {
    const call = state.calls[id]
    if (call === undefined) continue
    if (ringsForSeat(call, state, ext, queues)) forSeat.push(call)
    // The same limits as the calls list's red timer: ringing after the ring alert, queued or on hold after the hold alert.
    const limitS =
      call.state === 'ringing' && call.direction !== 'outbound'
        ? input.ringAlertSeconds
        : call.state === 'queued' || call.state === 'hold'
          ? input.holdAlertSeconds
          : undefined
    if (limitS !== undefined && now - waitingSince(call) >= limitS * 1000) tooLong.push(call)
  }
  const ringing = forSeat.sort(byWait).map(ringingAlert)
  const waiting = tooLong
    .sort(byWait)
    .flatMap((call) => waitingAlert(call, now, call.state === 'ringing' ? input.ringAlertSeconds : input.holdAlertSeconds) ?? [])
  const overThreshold = Object.values(state.queues)
    .filter((q) => queues.has(q.id))
    .sort((a, b) => a.id.localeCompare(b.id))
    .flatMap((q) => queueAlert(q, now, settings.queueAlertCallers) ?? [])
  const parked = Object.values(state.parked)
    .filter((p) => p.expiresAt !== undefined && p.expiresAt > now && p.expiresAt - now <= settings.parkWarnSeconds * 1000)
    .sort((a, b) => (a.expiresAt ?? 0) - (b.expiresAt ?? 0))
    .map((p): Alert => {
      // The parked caller's call is keyed by its channel's Linkedid.
      const callId = state.channels[p.parkeeId]?.linkedid
      return {
        key: `parked:${p.id}:${String(p.since)}`,
        kind: 'parked',
        title: t('n.parked', { seconds: String(Math.ceil(((p.expiresAt ?? now) - now) / 1000)) }),
        body:
          p.parker === ''
            ? t('n.parkedBody', { who: partyLabel(p.parkee).primary, space: p.space })
            : t('n.parkedByBody', { who: partyLabel(p.parkee).primary, space: p.space, parker: p.parker }),
        ...(callId === undefined ? {} : { callId }),
      }
    })
  return [...ringing, ...waiting, ...overThreshold, ...parked]
}

/** Calls ringing or queued now, for the tray's count and the dock badge. */
export function callsWaiting(state: LiveState): number {
  let n = waitingByCalls.get(state.calls)
  if (n !== undefined) return n
  n = 0
  for (const id in state.calls) {
    const callState = state.calls[id]?.state
    if (callState === 'ringing' || callState === 'queued') n++
  }
  waitingByCalls.set(state.calls, n)
  return n
}
/** Counted once per calls object (the 4 Hz look reads the same one between live frames). */
const waitingByCalls = new WeakMap<LiveState['calls'], number>()

/**
 * The alerts to raise now: those whose key was not active before. Several at once (the console
 * started amid a busy hour) become the first two and a summary, so a screen never fills with them.
 */
export function newAlerts(before: ReadonlySet<string>, now: readonly Alert[], most = 3): Alert[] {
  const fresh = now.filter((a) => !before.has(a.key))
  if (fresh.length <= most) return fresh
  const shown = fresh.slice(0, most - 1)
  const rest = fresh.length - shown.length
  return [
    ...shown,
    {
      key: `summary:${fresh.map((a) => a.key).join(',')}`,
      kind: fresh[0]?.kind ?? 'waiting',
      title: t('n.more', { n: String(rest) }),
      body: t('n.moreBody'),
    },
  ]
}
