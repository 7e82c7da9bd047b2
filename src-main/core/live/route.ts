/**
 * Who the caller is with, and the way the call took (LiveCall.target, .path and .callee).
 *
 * Seen from the caller's channel (the call's first channel; once it hung up, the oldest one
 * left): the party it talks to is at the far end of its bridge — through Local channel pairs, whose
 * `;2` half may sit in a second bridge with the real phone (FreePBX queue members are
 * `Local/101@from-queue/n`); where nobody answered yet, the phones ringing for it (the dialled legs
 * not yet up: a ring group or a ringall queue rings several); a channel running VoiceMail is the
 * mailbox's owner's voicemail (leaving a message), one running VoiceMailMain listens to that
 * mailbox; a parked call is in its space.
 *
 * A party is the extension its channel stands for (`PJSIP/105-…` and `Local/105@…` are 105),
 * named as the PBX named it: the channel's own caller ID when it is that extension's, else the
 * caller's connected line when it names that extension, else the name an earlier step of the same
 * call had for the number; an outside party (a trunk) is the number dialled.
 *
 * The path grows as the call moves: the DID first, then the ring group and queue it came
 * through, then each party that answered (a transfer adds the next one), a voicemail, a parking
 * space. It is kept across rebuilds like the call's other history (the old call is its past).
 */
import type { LiveBridge, LiveCall, LiveChannel, LiveParty, LiveRouteStep, LiveTarget, LiveVoicemailMode } from '../../../src-preload/types/live'
import type { Draft } from './model'

/** A bridge that joins its members into one conversation (parking lots and holding bridges do not). */
export function joins(b: LiveBridge | undefined): boolean {
  if (b === undefined) return true
  return b.type !== 'holding' && b.type !== 'parking' && b.technology !== 'holding_bridge'
}

/** `Local/101@lab-0000000b;1` → `Local/101@lab-0000000b`, shared by both halves; undefined for other channels. */
export function localPairKey(name: string): string | undefined {
  return /^(Local\/.+);[12]$/.exec(name)?.[1]
}

/** The other half of a Local channel pair, while it exists. */
export function localPartner(d: Draft, ch: LiveChannel): LiveChannel | undefined {
  const key = localPairKey(ch.name)
  if (key === undefined) return undefined
  const want = ch.name.endsWith(';1') ? `${key};2` : `${key};1`
  for (const id of d.channelsOn(ch.device)) {
    const c = d.get('channels', id)
    if (c?.name === want) return c
  }
  return undefined
}

/**
 * The extension a channel stands for: the numeric endpoint of a phone (`PJSIP/105-…`), the
 * extension a Local channel dials (`Local/105@from-queue-…`). Undefined for trunks and others.
 */
export function extensionOf(ch: LiveChannel): string | undefined {
  if (ch.isTrunk) return undefined
  const resource = ch.device.slice(ch.technology.length + 1)
  const exten = ch.technology === 'Local' ? resource.split('@')[0] : resource
  return exten !== undefined && /^\+?\d+$/.test(exten) ? exten : undefined
}

/** The mailbox of a VoiceMail() argument: `105@default,u` → `105`, `105&106@default` → `105`. */
export function mailboxOf(appData: string | undefined): string | undefined {
  const box = appData?.split(',')[0]?.split('&')[0]?.split('@')[0]?.trim()
  return box === undefined || box === '' ? undefined : box
}

/** What a channel does in app_voicemail, from the application it runs and its data. */
export interface VoicemailUse {
  /** The mailbox, '' when the application names none (VoiceMailMain then asks the caller). */
  readonly mailbox: string
  readonly mode: LiveVoicemailMode
}

/**
 * `VoiceMail(105@default,u)` leaves a message for 105, `VoiceMailMain(105@default,s)` listens to
 * its messages; any other application is not voicemail (undefined). Asterisk reports the name the
 * application registered (pbx_app.c), matched here without regard to case all the same.
 */
export function voicemailUse(application: string | undefined, data: string | undefined): VoicemailUse | undefined {
  const app = application?.toLowerCase()
  if (app !== 'voicemail' && app !== 'voicemailmain') return undefined
  return { mailbox: mailboxOf(data) ?? '', mode: app === 'voicemail' ? 'leave' : 'listen' }
}

interface Sides {
  /** The caller's channel and its own Local half (both stand for the caller). */
  readonly caller: ReadonlySet<string>
  /** Far-end channels bridged with the caller, through Local pairs. */
  readonly talking: readonly LiveChannel[]
  /** Every channel the walk passed (the caller's side, Local halves, the far end). */
  readonly reached: ReadonlySet<string>
}

/** Walks from the caller's channel through its bridge and Local pairs to the parties at the far end. */
function walk(d: Draft, from: LiveChannel): Sides {
  const caller = new Set([from.id])
  const own = localPartner(d, from)
  if (own !== undefined) caller.add(own.id)
  const reached = new Set(caller)
  const talking: LiveChannel[] = []
  // From both halves: the caller's `;2` runs the dialplan (Queue(), Dial()) and may be the one bridged.
  const queue = own === undefined ? [from] : [from, own]
  for (let x = queue.shift(); x !== undefined; x = queue.shift()) {
    const b = x.bridgeId === undefined ? undefined : d.get('bridges', x.bridgeId)
    if (b === undefined || !joins(b)) continue
    for (const id of b.channelIds) {
      if (reached.has(id)) continue
      reached.add(id)
      const m = d.get('channels', id)
      if (m === undefined) continue
      // A Local channel whose other half talks to someone else in a second bridge is a hop, not a party.
      const half = localPartner(d, m)
      const beyond = half?.bridgeId === undefined ? undefined : d.get('bridges', half.bridgeId)
      if (half !== undefined && !reached.has(half.id) && beyond !== undefined && joins(beyond) && beyond.channelIds.some((c) => c !== half.id)) {
        reached.add(half.id)
        queue.push(half)
        continue
      }
      talking.push(m)
    }
  }
  return { caller, talking, reached }
}

/** The name an earlier step or target of this call gave `number` ('' when none did). */
function knownName(old: LiveCall | undefined, number: string): string {
  for (const p of old?.target?.parties ?? []) if (p.number === number && p.name !== '') return p.name
  const steps = old?.path ?? []
  for (let i = steps.length - 1; i >= 0; i--) {
    const s = steps[i]
    if (s !== undefined && s.number === number && s.name !== '' && s.kind !== 'did') return s.name
  }
  return ''
}

function partyOf(ch: LiveChannel, caller: LiveChannel, dialled: LiveParty, old: LiveCall | undefined): LiveParty {
  const exten = extensionOf(ch)
  if (exten === undefined) return ch.isTrunk ? dialled : { name: ch.callerName, number: ch.callerNum }
  if (ch.callerNum === exten && ch.callerName !== '') return { name: ch.callerName, number: exten }
  if (caller.connectedNum === exten && caller.connectedName !== '') return { name: caller.connectedName, number: exten }
  return { name: knownName(old, exten), number: exten }
}

function uniqueParties(parties: readonly LiveParty[]): LiveParty[] {
  const out: LiveParty[] = []
  for (const p of parties) {
    const same = out.findIndex((o) => o.number === p.number)
    if (same < 0) out.push(p)
    else if ((out[same] as LiveParty).name === '' && p.name !== '') out[same] = p
  }
  return out
}

function minOf(xs: ReadonlyArray<number | undefined>): number | undefined {
  let m: number | undefined
  for (const x of xs) if (x !== undefined && (m === undefined || x < m)) m = x
  return m
}

export interface RouteInput {
  /** The call's channels, oldest first. */
  readonly channels: readonly LiveChannel[]
  readonly old: LiveCall | undefined
  /** The number the caller dialled (connected line, DID or extension of the first channel). */
  readonly dialled: LiveParty
  readonly parkedSpace: { readonly space: string; readonly since: number } | undefined
  readonly held: boolean
}

/** Where the caller is now; undefined when with nobody (queue, IVR, alone on hold with nobody known). */
export function targetOf(d: Draft, input: RouteInput): LiveTarget | undefined {
  const { channels, old, dialled, parkedSpace } = input
  if (parkedSpace !== undefined) return { kind: 'parked', parties: [{ name: '', number: parkedSpace.space }], since: parkedSpace.since }
  const caller = channels[0]
  if (caller === undefined) return undefined
  const sides = walk(d, caller)
  // The caller's own side leaving a message (FreePBX runs VoiceMail on the caller's channel).
  const inVoicemail = channels.find((c) => c.voicemail !== undefined && (sides.caller.has(c.id) || sides.reached.has(c.id)))
  if (inVoicemail?.voicemail !== undefined) {
    const box = inVoicemail.voicemail
    const named = box === '' ? [] : uniqueParties([{ name: knownName(old, box), number: box }])
    return { kind: 'voicemail', parties: named, since: inVoicemail.voicemailSince, voicemail: inVoicemail.voicemailMode ?? 'leave' }
  }
  const talking = sides.talking.filter((c) => c.state === 6)
  if (talking.length > 0) {
    return {
      kind: 'talking',
      parties: uniqueParties(talking.map((c) => partyOf(c, caller, dialled, old))),
      since: minOf(talking.map((c) => c.answeredAt)),
    }
  }
  // Phones ringing for the caller: legs not yet up, other than the caller's own; a Local pair's
  // `;2` half runs the dialplan behind its `;1` (the same extension), so only `;1` halves count.
  const ringing = channels.filter(
    (c) => !sides.caller.has(c.id) && c.state !== 6 && !c.name.endsWith(';2') && extensionOf(c) !== undefined && c.voicemail === undefined,
  )
  if (ringing.length > 0) {
    return {
      kind: 'ringing',
      parties: uniqueParties(ringing.map((c) => partyOf(c, caller, dialled, old))),
      since: minOf(ringing.map((c) => c.createdAt)),
    }
  }
  // Answered, not yet bridged with the caller (between the answer and the caller's BridgeEnter):
  // still the phone that rang.
  const rang = old?.target?.kind === 'ringing' ? old.target : undefined
  if (
    rang !== undefined &&
    channels.some((c) => !sides.caller.has(c.id) && c.state === 6 && !c.name.endsWith(';2') && rang.parties.some((p) => p.number === extensionOf(c)))
  ) {
    return rang
  }
  // On hold or mid attended transfer the caller waits alone in the bridge: still with whom it was.
  if (input.held && old?.target?.kind === 'talking') return old.target
  return undefined
}

/** Steps are the same place (a party, a voicemail, a space), whatever name each carries. */
function samePlace(a: LiveRouteStep | undefined, b: LiveRouteStep): boolean {
  return a !== undefined && a.kind === b.kind && a.number === b.number
}

/** Paths are bounded: a call transferred round and round keeps its start and its latest steps. */
const MAX_STEPS = 16

/**
 * The path after this rebuild: the old one, plus where the call came through (DID, ring group,
 * queue: once each) and where the caller went (a new party answered, a voicemail, a parking space).
 */
export function pathOf(
  old: readonly LiveRouteStep[] | undefined,
  via: { readonly did: string | undefined; readonly ringGroup: string | undefined; readonly queue: string | undefined },
  target: LiveTarget | undefined,
): readonly LiveRouteStep[] | undefined {
  const path = [...(old ?? [])]
  let changed = false
  if (via.did !== undefined && !path.some((s) => s.kind === 'did')) {
    // Known late (a snapshot taken mid-call, then the carried DID): still the first step.
    path.unshift({ kind: 'did', number: via.did, name: '' })
    changed = true
  }
  for (const [kind, number] of [
    ['ringGroup', via.ringGroup],
    ['queue', via.queue],
  ] as const) {
    if (number !== undefined && !path.some((s) => s.kind === kind && s.number === number)) {
      path.push({ kind, number, name: '' })
      changed = true
    }
  }
  // Several parties at once is a moment of a merge (an attended transfer completing) or a
  // conference: no step of its own.
  const step: LiveRouteStep | undefined =
    target === undefined || target.kind === 'ringing' || target.parties.length !== 1
      ? undefined
      : { kind: target.kind === 'talking' ? 'party' : target.kind, number: target.parties[0]?.number ?? '', name: target.parties[0]?.name ?? '' }
  if (step !== undefined && step.number !== '') {
    const places = path.filter((s) => s.kind === 'party' || s.kind === 'voicemail' || s.kind === 'parked')
    const last = places[places.length - 1]
    if (!samePlace(last, step)) {
      path.push(step)
      changed = true
    } else if (last !== undefined && last.name === '' && step.name !== '') {
      // The name came after the answer (a connected line update): the step gets it.
      path[path.lastIndexOf(last)] = step
      changed = true
    }
  }
  if (!changed) return old
  return path.length > MAX_STEPS ? [path[0] as LiveRouteStep, ...path.slice(path.length - MAX_STEPS + 1)] : path
}

export function sameTarget(a: LiveTarget | undefined, b: LiveTarget | undefined): boolean {
  if (a === b) return true
  if (a === undefined || b === undefined) return false
  return (
    a.kind === b.kind &&
    a.since === b.since &&
    a.voicemail === b.voicemail &&
    a.parties.length === b.parties.length &&
    a.parties.every((p, i) => sameParty(p, b.parties[i]))
  )
}

function sameParty(a: LiveParty, b: LiveParty | undefined): boolean {
  return b !== undefined && a.name === b.name && a.number === b.number
}

function sameStep(a: LiveRouteStep, b: LiveRouteStep | undefined): boolean {
  return b !== undefined && a.kind === b.kind && a.number === b.number && a.name === b.name
}

export function samePath(a: readonly LiveRouteStep[] | undefined, b: readonly LiveRouteStep[] | undefined): boolean {
  if (a === b) return true
  if (a === undefined || b === undefined || a.length !== b.length) return false
  return a.every((s, i) => sameStep(s, b[i]))
}
