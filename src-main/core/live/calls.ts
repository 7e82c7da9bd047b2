/**
 * Calls are derived, never stored by event: after a batch of events, every call that held a
 * touched channel is taken apart and the channels are regrouped. A call is a connected group of
 * channels where two channels are connected when they share a Linkedid or sit in the same
 * (non-holding) bridge. Parking lots and holding bridges do not connect: two unrelated calls
 * parked in one lot stay two calls.
 *
 * The call's id is the Linkedid of its earliest channel, so it stays the same while the call
 * lives, and an attended transfer that merges two calls keeps the older call's id.
 */
import type { LiveBridge, LiveCall, LiveCallState, LiveChannel, LiveParty, LiveUnknownFact } from '../../../src-preload/types/live'
import { trunkNameOf } from './channel'
import type { Draft } from './model'
import { joins, localPartner, pathOf, samePath, sameTarget, targetOf } from './route'

function component(d: Draft, start: string, visited: Set<string>): LiveChannel[] {
  const out: LiveChannel[] = []
  const stack = [start]
  visited.add(start)
  while (stack.length > 0) {
    const id = stack.pop() as string
    const ch = d.get('channels', id)
    if (ch === undefined) continue
    out.push(ch)
    const bridge = ch.bridgeId === undefined ? undefined : d.get('bridges', ch.bridgeId)
    // The two halves of a Local channel are one path even when Asterisk relinked only one of them
    // (a parked call's retriever: its `;1` took the parkee's Linkedid, its `;2` kept its own).
    const half = localPartner(d, ch)
    const neighbours = [
      ...(d.idx('linked', ch.linkedid) ?? []),
      ...(ch.bridgeId !== undefined && joins(bridge) ? (bridge?.channelIds ?? []) : []),
      ...(half === undefined ? [] : [half.id]),
    ]
    for (const n of neighbours) {
      if (visited.has(n)) continue
      visited.add(n)
      stack.push(n)
    }
  }
  return out
}

/** Asterisk's uniqueid sequence (`demo-1795596063.10`): compared as a number, `.10` after `.9`. */
function sequenceOf(id: string): number {
  const dot = id.lastIndexOf('.')
  const n = dot === -1 ? Number.NaN : Number(id.slice(dot + 1))
  return Number.isFinite(n) ? n : Number.MAX_SAFE_INTEGER
}

/** Oldest first; channels created in the same millisecond keep Asterisk's creation order. */
function byAge(a: LiveChannel, b: LiveChannel): number {
  return a.createdAt - b.createdAt || sequenceOf(a.id) - sequenceOf(b.id) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

function minDefined(xs: ReadonlyArray<number | undefined>): number | undefined {
  let m: number | undefined
  for (const x of xs) if (x !== undefined && (m === undefined || x < m)) m = x
  return m
}

export function buildCall(d: Draft, channels: LiveChannel[], old: LiveCall | undefined): LiveCall {
  channels.sort(byAge)
  const root = channels[0] as LiveChannel
  const id = root.linkedid
  const bridgeIds = [...new Set(channels.map((c) => c.bridgeId).filter((b): b is string => b !== undefined))]
  const bridges = bridgeIds.map((b) => d.get('bridges', b))
  const talking = bridges.filter((b) => joins(b) && b !== undefined && b.channelIds.length >= 2)
  const parked = channels.filter((c) => c.parkedKey !== undefined)
  const queued = channels.map((c) => (c.queue === undefined ? undefined : d.get('queues', c.queue)?.callers[c.id])).filter((c) => c !== undefined)
  const held = channels.filter((c) => c.hold || (c.moh !== undefined && c.bridgeId !== undefined && joins(d.get('bridges', c.bridgeId))))
  const basicBridges = bridges.filter((b) => joins(b)).length

  let state: LiveCallState
  let stateSince: number | undefined
  if (parked.length > 0) {
    state = 'parked'
    stateSince = minDefined(parked.map((c) => (c.parkedKey === undefined ? undefined : d.get('parked', c.parkedKey)?.since)))
  } else if (queued.length > 0) {
    state = 'queued'
    stateSince = minDefined(queued.map((q) => q.joinedAt))
  } else if (held.length > 0 && basicBridges >= 2) {
    // Attended transfer: the transferee waits on hold in the first bridge while the transferer
    // consults the target in a second one.
    state = 'transferring'
    stateSince = minDefined(held.map((c) => c.holdSince ?? c.mohSince))
  } else if (held.length > 0) {
    state = 'hold'
    stateSince = minDefined(held.map((c) => c.holdSince ?? c.mohSince))
  } else if (talking.length > 0) {
    state = 'up'
  } else if (channels.some((c) => c.state === 4 || c.state === 5)) {
    state = 'ringing'
  } else if (channels.some((c) => c.state === 6)) {
    state = 'up'
  } else {
    state = 'ringing'
  }

  const talk = talkStart(d, channels, talking, old, state)
  const unknown: LiveUnknownFact[] = []
  if (talk.unknown) unknown.push('answeredAt')
  if (channels.some((c) => c.unknown?.includes('hold') === true)) unknown.push('hold')

  const trunk = channels.find((c) => c.isTrunk)
  // Once the call's first channel has hung up (the far end stays a while), keep what the call
  // was: who called whom and which way; a late leg must not flip an outbound call to inbound.
  const rootGone = old !== undefined && !channels.some((c) => c.id === id)
  const direction = rootGone ? old.direction : root.isTrunk ? 'inbound' : trunk !== undefined ? 'outbound' : 'internal'
  const dialled: LiveParty = rootGone
    ? old.callee
    : root.connectedNum !== '' && (root.connectedNum !== root.callerNum || root.connectedName !== root.callerName)
      ? { name: root.connectedName, number: root.connectedNum }
      : { name: '', number: root.did ?? root.exten }
  const parkedCall = parked.map((c) => (c.parkedKey === undefined ? undefined : d.get('parked', c.parkedKey))).find((p) => p !== undefined)
  const target = targetOf(d, {
    channels,
    old,
    dialled,
    parkedSpace: parkedCall === undefined ? undefined : { space: parkedCall.space, since: parkedCall.since },
    held: state === 'hold' || state === 'transferring',
  })
  const queue = channels.find((c) => c.queue !== undefined)?.queue ?? old?.queue
  const ringGroup = channels.find((c) => c.ringGroup !== undefined)?.ringGroup ?? old?.ringGroup
  const did = channels.find((c) => c.did !== undefined)?.did ?? old?.did
  const path = pathOf(old?.path, { did, ringGroup, queue }, target)
  // Who the caller is with: the one party talking or ringing, else what was dialled.
  const withParty = target !== undefined && target.kind !== 'parked' && target.parties.length === 1 ? target.parties[0] : undefined
  return {
    id,
    direction,
    caller: rootGone ? old.caller : { name: root.callerName, number: root.callerNum },
    callee: withParty ?? dialled,
    ...(target === undefined ? {} : { target }),
    ...(path === undefined ? {} : { path }),
    state,
    startedAt: rootGone ? old.startedAt : root.createdAt,
    answeredAt: talk.at,
    stateSince,
    // The queue, ring group, trunk and DID the call came through stay on the card for the whole call.
    queue,
    ringGroup,
    trunk: (trunk === undefined ? undefined : trunkNameOf(trunk)) ?? old?.trunk,
    did,
    channelIds: channels.map((c) => c.id),
    bridgeIds,
    ...(unknown.length > 0 ? { unknown } : {}),
  }
}

/**
 * When the caller was first bridged with a person: the latest answer among the channels in a
 * talking bridge, taken the first time there is one and kept. A line the PBX answered for an IVR,
 * a queue or an announcement is still waiting (FreePBX answers before Queue()). Unknown when a
 * bridged channel was first seen already answered (a snapshot), unless a known answer came after
 * that snapshot (then it is the later one).
 */
function talkStart(
  d: Draft,
  channels: readonly LiveChannel[],
  talking: ReadonlyArray<LiveBridge | undefined>,
  old: LiveCall | undefined,
  state: LiveCallState,
): { at: number | undefined; unknown: boolean } {
  if (old?.answeredAt !== undefined) return { at: old.answeredAt, unknown: false }
  if (talking.length === 0) {
    // Held, parked or mid-transfer when first seen: it was talking before, when is not known.
    const wasTalking = state === 'hold' || state === 'parked' || state === 'transferring'
    const unseen = wasTalking && channels.some((c) => c.unknown?.includes('answeredAt') === true)
    return { at: undefined, unknown: unseen || old?.unknown?.includes('answeredAt') === true }
  }
  let at: number | undefined
  let unseen = false
  for (const c of channels) {
    if (c.bridgeId === undefined || !talking.some((b) => b?.id === c.bridgeId)) continue
    if (c.unknown?.includes('answeredAt') === true) unseen = true
    else if (c.answeredAt !== undefined && (at === undefined || c.answeredAt > at)) at = c.answeredAt
  }
  if (!unseen) return { at, unknown: false }
  const seenBy = d.syncedAt ?? Number.POSITIVE_INFINITY
  return at !== undefined && at > seenBy ? { at, unknown: false } : { at: undefined, unknown: true }
}

function sameCall(a: LiveCall, b: LiveCall): boolean {
  return (
    a.id === b.id &&
    a.direction === b.direction &&
    a.caller.name === b.caller.name &&
    a.caller.number === b.caller.number &&
    a.callee.name === b.callee.name &&
    a.callee.number === b.callee.number &&
    a.state === b.state &&
    a.startedAt === b.startedAt &&
    a.answeredAt === b.answeredAt &&
    a.stateSince === b.stateSince &&
    a.queue === b.queue &&
    a.ringGroup === b.ringGroup &&
    a.trunk === b.trunk &&
    a.did === b.did &&
    a.channelIds.length === b.channelIds.length &&
    a.channelIds.every((x, i) => x === b.channelIds[i]) &&
    a.bridgeIds.length === b.bridgeIds.length &&
    a.bridgeIds.every((x, i) => x === b.bridgeIds[i]) &&
    (a.unknown ?? []).join() === (b.unknown ?? []).join() &&
    sameTarget(a.target, b.target) &&
    samePath(a.path, b.path)
  )
}

/** Regroups the calls of every touched channel; updates the BLF links of the extensions involved. */
export function rebuildCalls(d: Draft): void {
  if (d.touchedChannels.size === 0 && d.touchedExtensions.size === 0) return
  const seeds = new Set<string>(d.touchedChannels)
  const oldCalls = new Map<string, LiveCall>()
  // Taking a call apart means regrouping all its channels; a regrouped channel can also pull in a
  // call nobody touched (an untouched channel reached through a bridge): that call is taken apart
  // too, or its channels would sit in two calls.
  const claim = (chId: string): void => {
    const callId = d.idx('channelCall', chId)
    if (callId === undefined || oldCalls.has(callId)) return
    const call = d.get('calls', callId)
    if (call === undefined) return
    oldCalls.set(callId, call)
    for (const c of call.channelIds) seeds.add(c)
  }
  for (const chId of d.touchedChannels) claim(chId)

  const visited = new Set<string>()
  const built: LiveCall[] = []
  // A Set iterates over members added during the loop: claimed calls' channels are regrouped too.
  for (const s of seeds) {
    if (visited.has(s) || d.get('channels', s) === undefined) continue
    const chans = component(d, s, visited)
    if (chans.length === 0) continue
    for (const ch of chans) claim(ch.id)
    const rootLinked = [...chans].sort(byAge)[0]?.linkedid ?? s
    built.push(buildCall(d, chans, oldCalls.get(rootLinked) ?? d.get('calls', rootLinked) ?? d.priorCall(rootLinked, chans)))
  }

  // Remember each regrouped channel's call before: only channels that end up in another call (or
  // none) can change what an extension shows. Refreshing every device of every rebuilt call made
  // each ringing or answer event rescan a busy phone's hundreds of calls (bench:live).
  const before = new Map<string, string | undefined>()
  const forget = (c: string): void => {
    if (!before.has(c)) before.set(c, d.idx('channelCall', c))
    d.setIdx('channelCall', c, undefined)
  }
  for (const call of oldCalls.values()) for (const c of call.channelIds) forget(c)
  for (const chId of d.touchedChannels) forget(chId)
  const keep = new Set(built.map((c) => c.id))
  for (const id of oldCalls.keys()) if (!keep.has(id)) d.delete('calls', id)
  for (const call of built) {
    const prev = d.get('calls', call.id)
    if (prev === undefined) {
      // Rebuilt by a resync as it was: the old object, so windows are sent nothing for it.
      const before = d.priorCall(call.id, [])
      d.set('calls', call.id, before !== undefined && sameCall(before, call) ? before : call)
    } else if (!sameCall(prev, call)) {
      d.set('calls', call.id, call)
    }
    for (const c of call.channelIds) {
      if (!before.has(c)) before.set(c, d.idx('channelCall', c))
      d.setIdx('channelCall', c, call.id)
    }
  }
  // Per device, count the channels in each call; a call appears on (leaves) a device when its
  // count goes 0 → 1 (1 → 0). Only those transitions change what an extension shows.
  const moves: Array<{ readonly device: string; readonly callId: string }> = []
  for (const [c, was] of before) {
    const now = d.idx('channelCall', c)
    if (now === was) continue
    const device = d.get('channels', c)?.device ?? d.removedDevices.get(c)
    if (device === undefined) continue
    if (was !== undefined && d.countCallOn(device, was, -1) === 0) moves.push({ device, callId: was })
    if (now !== undefined && d.countCallOn(device, now, 1) === 1) moves.push({ device, callId: now })
  }
  // Extensions whose hint changed are rebuilt whole, after the counts are right.
  for (const e of d.touchedExtensions) rebuildExtensionCalls(d, e)
  for (const { device, callId } of moves) {
    for (const e of d.idx('deviceExtens', device) ?? []) if (!d.touchedExtensions.has(e)) updateExtensionCall(d, e, callId)
  }
}

export function hintDevices(hint: string): string[] {
  // `PJSIP/105&Custom:DND105,CustomPresence:105`: the devices come before the comma, the presence provider after.
  return (hint.split(',')[0] ?? '')
    .split('&')
    .map((x) => x.trim())
    .filter((x) => x !== '')
}

/** The extension's calls from scratch: every call on one of its hint's devices, sorted. */
function rebuildExtensionCalls(d: Draft, exten: string): void {
  const ext = d.get('extensions', exten)
  if (ext === undefined) return
  const ids = new Set<string>()
  for (const dev of hintDevices(ext.hint)) for (const c of d.callsOn(dev)) ids.add(c)
  const next = [...ids].sort()
  if (next.length !== ext.callIds.length || next.some((x, i) => x !== ext.callIds[i])) d.set('extensions', exten, { ...ext, callIds: next })
}

/** Adds or drops one call in the extension's sorted list, as its devices now say. */
function updateExtensionCall(d: Draft, exten: string, callId: string): void {
  const ext = d.get('extensions', exten)
  if (ext === undefined) return
  const wanted = hintDevices(ext.hint).some((dev) => d.callCountOn(dev, callId) > 0)
  const list = ext.callIds
  // Binary search in default string order (the order .sort() gives).
  let lo = 0
  let hi = list.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if ((list[mid] as string) < callId) lo = mid + 1
    else hi = mid
  }
  const present = list[lo] === callId
  if (wanted === present) return
  const next = [...list]
  if (wanted) next.splice(lo, 0, callId)
  else next.splice(lo, 1)
  d.set('extensions', exten, { ...ext, callIds: next })
}
