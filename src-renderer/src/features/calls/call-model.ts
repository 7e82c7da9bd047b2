import type { LiveCall, LiveParkedCall, LiveParty, LiveRouteStep, LiveState, LiveTarget } from '../../../../src-preload/types/live'
import { timerSince, waitsUnanswered } from '../../live/call-urgency'
import { cleanCid, unknownParty } from '../../live/format'
import { namedParty } from '../../stores/directory-store'
import { tr } from '../../i18n'
import { strings } from './strings'

const t = tr(strings)

/** A call's state word, read in the shown language when asked. */
export function stateLabel(state: LiveCall['state']): string {
  switch (state) {
    case 'ringing':
      return t('state.ringing')
    case 'up':
      return t('state.up')
    case 'hold':
      return t('state.hold')
    case 'parked':
      return t('state.parked')
    case 'queued':
      return t('state.queued')
    case 'transferring':
      return t('state.transferring')
  }
}

/** `inbound`, `outbound` or `internal` as the card and the row's icon title say it. */
export function directionText(direction: LiveCall['direction']): string {
  switch (direction) {
    case 'inbound':
      return t('direction.inbound')
    case 'outbound':
      return t('direction.outbound')
    case 'internal':
      return t('direction.internal')
  }
}

/**
 * The state as a receptionist reads it: a call the PBX answered for an IVR, a queue or an
 * announcement, with nobody on the line yet, is waiting, not talking.
 */
export function callStateLabel(call: LiveCall): string {
  if (call.target?.kind === 'voicemail') return t('state.voicemail')
  if (waitsUnanswered(call)) return t('state.waiting')
  return stateLabel(call.state)
}

/** The call card's wait and talk times. */
export type TalkTimes =
  | { readonly kind: 'waiting'; readonly since: number }
  | { readonly kind: 'talking'; readonly waitedS: number; readonly since: number }
  /** Talked, then transferred: ringing the next party now (not talking while it rings). */
  | { readonly kind: 'ringing'; readonly waitedS: number; readonly since: number }
  /** Answered before the console first saw it: neither time is known. */
  | { readonly kind: 'unknown' }

export function talkTimes(call: LiveCall): TalkTimes {
  if (call.answeredAt !== undefined) {
    const waitedS = Math.max(0, Math.round((call.answeredAt - call.startedAt) / 1000))
    if (call.state === 'ringing') return { kind: 'ringing', waitedS, since: call.target?.since ?? call.answeredAt }
    return { kind: 'talking', waitedS, since: call.answeredAt }
  }
  return call.unknown?.includes('answeredAt') === true ? { kind: 'unknown' } : { kind: 'waiting', since: call.startedAt }
}

/** The moment a row's timer counts from (see live/call-urgency.ts: the Time column sorts by it too). */
export const rowTimerSince = timerSince

/** A party as one line: `105 Eva Fischer`, or the number alone when the PBX gave no name. */
export function partyText(p: LiveParty): string {
  const { name, number } = namedParty(p)
  if (name === '' || name === number) return number !== '' ? number : unknownParty()
  return number === '' ? name : `${number} ${name}`
}

/** A mailbox's owner, name first: `Eva Fischer (105)`, or the number alone when nobody is named. */
function ownerText(p: LiveParty): string {
  const { name, number } = namedParty(p)
  return name === '' || name === number ? number : t('vm.owner', { name, number })
}

/**
 * A call in app_voicemail in words: `Leaving a message for Eva Fischer (105)`, or listening to a
 * mailbox by phone (VoiceMailMain), whose when the PBX named it. `short` for a list cell or a lamp,
 * beside a state that already says Voicemail: `Message for Eva Fischer (105)`.
 */
export function voicemailText(target: Pick<LiveTarget, 'parties' | 'voicemail'>, form: 'long' | 'short' = 'long'): string {
  const owner = target.parties[0]
  const whose = owner === undefined ? undefined : ownerText(owner)
  if (target.voicemail === 'listen') {
    if (whose === undefined) return t('vm.listening')
    return form === 'short' ? t('vm.listeningShort', { owner: whose }) : t('vm.listeningTo', { owner: whose })
  }
  if (whose === undefined) return t('vm.leaving')
  return form === 'short' ? t('vm.messageFor', { owner: whose }) : t('vm.leavingFor', { owner: whose })
}

/** Where the caller is now, as the card's term and text: `Talking with` · `105 Eva Fischer`. */
export function targetText(call: LiveCall): { readonly term: string; readonly text: string } | undefined {
  const target = call.target
  if (target === undefined) return undefined
  const who = target.parties.map(partyText).join(', ')
  switch (target.kind) {
    case 'talking':
      return { term: call.state === 'hold' || call.state === 'transferring' ? t('target.heldBy') : t('target.talkingWith'), text: who }
    case 'ringing':
      return { term: t('target.ringing'), text: who }
    case 'voicemail':
      return { term: t('target.voicemail'), text: voicemailText(target) }
    case 'parked':
      return { term: t('target.parked'), text: t('target.space', { space: who }) }
  }
}

/**
 * The way the call took: its path, or — for a call main sent no path for — the DID, ring group and
 * queue it came through.
 */
export function routeSteps(call: LiveCall): readonly LiveRouteStep[] {
  if (call.path !== undefined) return call.path
  const steps: LiveRouteStep[] = []
  if (call.did !== undefined) steps.push({ kind: 'did', number: call.did, name: '' })
  if (call.ringGroup !== undefined) steps.push({ kind: 'ringGroup', number: call.ringGroup, name: '' })
  if (call.queue !== undefined) steps.push({ kind: 'queue', number: call.queue, name: '' })
  return steps
}

/** One step as text: `4930555000`, `Ring group 600`, `Queue support`, `105 Eva`, `Voicemail of 105`, `Parked 701`. */
export function stepText(step: LiveRouteStep): string {
  switch (step.kind) {
    case 'did':
      return step.number
    case 'ringGroup':
      return t('step.ringGroup', { number: step.number })
    case 'queue':
      return t('step.queue', { number: step.number })
    case 'party':
      return partyText(step)
    case 'voicemail':
      return t('step.voicemail', { party: partyText(step) })
    case 'parked':
      return t('step.parked', { number: step.number })
  }
}

/**
 * The calls list's Via text: the path up to where the caller is now (the To column shows that),
 * `4930555000 → Queue support → 101 Anna Berger` after a transfer to 104.
 */
export function viaText(call: LiveCall): string {
  const steps = [...routeSteps(call)]
  const last = steps[steps.length - 1]
  const now = call.target?.parties[0]
  if (
    last !== undefined &&
    now !== undefined &&
    last.kind !== 'did' &&
    last.kind !== 'queue' &&
    last.kind !== 'ringGroup' &&
    last.number === now.number
  )
    steps.pop()
  const text = steps.map(stepText).join(' → ')
  if (text !== '') return text
  return call.trunk !== undefined ? trunkText(call.trunk) : ''
}

/** A trunk by its name: `Trunk carrier`, but not `Trunk trunk` for one named after what it is. */
export function trunkText(trunk: string): string {
  if (/^trunk$/i.test(trunk)) return t('trunk')
  return /^trunk\b/i.test(trunk) ? trunk : t('trunkNamed', { name: trunk })
}

/**
 * The channel an action on "this call" should act on: the outside party for inbound and outbound
 * calls (the one a receptionist transfers or parks), the caller's leg for internal calls.
 */
export function primaryChannel(state: LiveState, call: LiveCall): string | undefined {
  const chans = call.channelIds.map((id) => state.channels[id]).filter((c) => c !== undefined)
  const trunk = chans.find((c) => c.isTrunk)
  if (trunk !== undefined) return trunk.id
  const caller = chans.find((c) => cleanCid(c.callerNum) === cleanCid(call.caller.number))
  return (caller ?? chans[0])?.id
}

/**
 * The channel to complete or cancel an attended transfer on. While the operator consults, the
 * caller waits alone (held), so the caller's leg has no bridge peer any more and main could not
 * find the operator's leg from it; a leg still sharing a bridge with exactly one other channel
 * (the operator and the consulted party) can. Falls back to the primary channel otherwise.
 */
export function consultationChannel(state: LiveState, call: LiveCall): string | undefined {
  const chans = call.channelIds.map((id) => state.channels[id]).filter((c) => c !== undefined)
  const paired = chans.find((c) => !c.isTrunk && c.bridgeId !== undefined && state.bridges[c.bridgeId]?.channelIds.length === 2)
  return paired?.id ?? primaryChannel(state, call)
}

/**
 * The parked call the pick-up key takes: the focused call's own parking space when it is parked,
 * else the call parked longest (ties by space), so `U` with nothing selected clears the oldest.
 */
export function parkedToPickUp(state: Pick<LiveState, 'parked'>, focused: LiveCall | undefined): LiveParkedCall | undefined {
  let oldest: LiveParkedCall | undefined
  for (const p of Object.values(state.parked)) {
    if (focused?.channelIds.includes(p.parkeeId) === true) return p
    if (
      oldest === undefined ||
      p.since < oldest.since ||
      (p.since === oldest.since && p.space.localeCompare(oldest.space, undefined, { numeric: true }) < 0)
    )
      oldest = p
  }
  return oldest
}

/** A channel of this extension's phone: `PJSIP/105-0000002a`, `SIP/105-…`, `PJSIP/105;2` (never 1050). */
function isPhoneOf(channelName: string, extension: string): boolean {
  const slash = channelName.indexOf('/')
  if (slash < 0 || extension === '') return false
  const rest = channelName.slice(slash + 1)
  return rest.startsWith(extension) && (rest.length === extension.length || rest[extension.length] === '-' || rest[extension.length] === ';')
}

/**
 * Is the operator's own phone in this call? Attended transfers are made from it (Asterisk's Atxfer
 * runs on the transferer's own leg), so the card says so before the operator tries one.
 */
export function atOwnPhone(state: Pick<LiveState, 'channels'>, call: LiveCall, ownExtension: string): boolean {
  return call.channelIds.some((id) => {
    const ch = state.channels[id]
    return ch !== undefined && isPhoneOf(ch.name, ownExtension)
  })
}

/**
 * An attended transfer in progress: the caller waits on hold while the operator consults, and
 * this is true already while the consulted phone still rings (Complete then hands the caller to the
 * ringing phone, Cancel takes the operator back).
 */
export function consulting(state: Pick<LiveState, 'channels'>, call: LiveCall, ownExtension: string): boolean {
  if (call.state === 'transferring') return true
  if (call.state !== 'hold' || !atOwnPhone(state, call, ownExtension)) return false
  // Ring (4) or Ringing (5): the consulted phone has not answered yet.
  return call.channelIds.some((id) => {
    const st = state.channels[id]?.state
    return st === 4 || st === 5
  })
}
