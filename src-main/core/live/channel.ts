/**
 * Channel records in a Draft: create/merge from an AMI channel block, remove on Hangup, bridge
 * membership. Every write here keeps the indexes (linked, deviceChannels) and the bridges' member
 * lists in step, and marks the channel touched so its call is rebuilt.
 */
import type { ChannelSnapshot } from '../ami/events'
import type { LiveBridge, LiveChannel, LiveQueue, LiveUnknownFact } from '../../../src-preload/types/live'
import type { Draft } from './model'

/** Asterisk sends `<unknown>` for an unset caller ID; the console shows nothing instead. */
export function clean(v: string | undefined): string | undefined {
  if (v === undefined) return undefined
  return v === '<unknown>' ? '' : v
}

export function technologyOf(name: string): string {
  const slash = name.indexOf('/')
  return slash < 0 ? '' : name.slice(0, slash)
}

/**
 * The device a channel belongs to: the name without Asterisk's per-call suffix.
 * `PJSIP/101-0000000a` → `PJSIP/101`, `IAX2/peer-9434` → `IAX2/peer`,
 * `Local/101@lab-00000000;1` → `Local/101@lab`.
 */
export function deviceOf(name: string): string {
  const base = name.replace(/;[12]$/, '')
  const dash = base.lastIndexOf('-')
  const slash = base.indexOf('/')
  return dash > slash && slash >= 0 ? base.slice(0, dash) : base
}

const TRUNK_TECH = new Set(['DAHDI', 'SIP', 'PJSIP', 'IAX2', 'Motif', 'Skinny'])

/**
 * A trunk leg: a channel that arrived in a `from-*` context other than `from-internal*`
 * (FreePBX from-trunk/from-pstn, the lab's from-peer), any DAHDI line, or a SIP/PJSIP/IAX2 channel
 * whose endpoint is not a numeric phone (`PJSIP/carrier-…`, `IAX2/peer-…`). Phones in FreePBX are
 * numeric endpoints, trunks are named.
 */
export function isTrunkChannel(name: string, context: string): boolean {
  const tech = technologyOf(name)
  if (tech === 'Local' || tech === '') return false
  if (tech === 'DAHDI') return true
  if (TRUNK_TECH.has(tech)) {
    // The endpoint decides for SIP/PJSIP/IAX2: a dialled phone's channel may start in the caller's
    // trunk context, but it is still a numeric phone endpoint.
    const resource = deviceOf(name).slice(tech.length + 1)
    return !/^\d+$/.test(resource)
  }
  return /^from-/.test(context) && !/^from-internal/.test(context)
}

/** FreePBX's ring groups: `exten => <group number>` in this context (ringgroups module). */
export const RING_GROUP_CONTEXT = 'ext-group'

/** The ring group a dialplan location belongs to: the group number in `ext-group`, else none. */
export function ringGroupAt(context: string, exten: string): string | undefined {
  return context === RING_GROUP_CONTEXT && /^\d+$/.test(exten) ? exten : undefined
}

/**
 * Contexts a FreePBX inbound route sends a call on to (ring groups, queues, extensions, IVRs,
 * time conditions, applications, and the macros and subroutines they run): their extension is a
 * destination, not the number the caller dialled.
 */
const DESTINATION_CONTEXT = /^(ext-|app-|macro-|sub-|ivr-|from-did-direct$|timeconditions$)/

/**
 * The number an inbound trunk channel was called on: its extension where it is first seen — at
 * Newchannel the inbound context's extension is the DID. A snapshot taken after the route's Goto
 * shows the destination's extension (`ext-group,600`) instead, which is no DID.
 */
function didAt(context: string, exten: string): string | undefined {
  return exten !== '' && exten !== 's' && !DESTINATION_CONTEXT.test(context) ? exten : undefined
}

/** The trunk's name as the console shows it (`carrier`, `peer`). */
export function trunkNameOf(ch: LiveChannel): string {
  return ch.device.slice(ch.technology.length + 1)
}

export interface UpsertOptions {
  /** false: only update a channel already known (Dest blocks, events that may trail a Hangup). */
  readonly create: boolean
}

export function upsertChannel(d: Draft, b: ChannelSnapshot | undefined, t: number, opts: UpsertOptions): LiveChannel | undefined {
  const id = b?.uniqueid
  if (b === undefined || id === undefined || id === '' || id === '<unknown>') return undefined
  const old = d.get('channels', id)
  if (old === undefined) {
    if (!opts.create || d.wasEnded(id)) return undefined
    const name = b.channel ?? ''
    const context = b.context ?? ''
    const trunk = isTrunkChannel(name, context)
    const state = b.channelState ?? 0
    const ch: LiveChannel = {
      id,
      name,
      state,
      stateDesc: b.channelStateDesc ?? '',
      callerNum: clean(b.callerIdNum) ?? '',
      callerName: clean(b.callerIdName) ?? '',
      connectedNum: clean(b.connectedLineNum) ?? '',
      connectedName: clean(b.connectedLineName) ?? '',
      context,
      exten: b.exten ?? '',
      linkedid: b.linkedid ?? id,
      bridgeId: undefined,
      hold: false,
      holdSince: undefined,
      moh: undefined,
      mohSince: undefined,
      createdAt: t,
      answeredAt: state === 6 ? t : undefined,
      technology: technologyOf(name),
      isTrunk: trunk,
      device: deviceOf(name),
      queue: undefined,
      // An inbound trunk channel's first Exten is the number the caller dialled.
      did: trunk ? didAt(context, b.exten ?? '') : undefined,
      ringGroup: ringGroupAt(context, b.exten ?? ''),
      parkedKey: undefined,
    }
    d.set('channels', id, ch)
    d.addTo('linked', ch.linkedid, id)
    d.addChannelToDevice(ch.device, id)
    d.touchedChannels.add(id)
    return ch
  }
  const state = b.channelState ?? old.state
  const linkedid = b.linkedid ?? old.linkedid
  const context = b.context ?? old.context
  const exten = b.exten ?? old.exten
  const next: LiveChannel = {
    ...old,
    state,
    stateDesc: b.channelStateDesc ?? old.stateDesc,
    callerNum: clean(b.callerIdNum) ?? old.callerNum,
    callerName: clean(b.callerIdName) ?? old.callerName,
    connectedNum: clean(b.connectedLineNum) ?? old.connectedNum,
    connectedName: clean(b.connectedLineName) ?? old.connectedName,
    context,
    exten,
    linkedid,
    // The first ring group a channel enters stays (a group's no-answer destination may be another).
    ringGroup: old.ringGroup ?? ringGroupAt(context, exten),
    // Up when first seen in a snapshot: the answer was earlier and stays unknown.
    answeredAt: old.answeredAt ?? (state === 6 && old.unknown?.includes('answeredAt') !== true ? t : undefined),
  }
  if (linkedid !== old.linkedid) {
    d.removeFrom('linked', old.linkedid, id)
    d.addTo('linked', linkedid, id)
  }
  if (!sameChannel(old, next)) {
    d.set('channels', id, next)
    d.touchedChannels.add(id)
    if (next.queue !== undefined && (next.callerNum !== old.callerNum || next.callerName !== old.callerName)) queueCallerId(d, next)
    return next
  }
  return old
}

/** A waiting caller's entry shows the channel's caller ID as it is now (a NewCallerid while queued). */
function queueCallerId(d: Draft, ch: LiveChannel): void {
  const q = ch.queue === undefined ? undefined : d.get('queues', ch.queue)
  const c = q?.callers[ch.id]
  if (q === undefined || c === undefined) return
  const callers = Object.assign(Object.create(null) as Record<string, LiveQueue['callers'][string]>, q.callers)
  callers[ch.id] = { ...c, callerNum: ch.callerNum, callerName: ch.callerName }
  d.set('queues', q.id, { ...q, callers })
}

function sameChannel(a: LiveChannel, b: LiveChannel): boolean {
  return (
    a.state === b.state &&
    a.stateDesc === b.stateDesc &&
    a.callerNum === b.callerNum &&
    a.callerName === b.callerName &&
    a.connectedNum === b.connectedNum &&
    a.connectedName === b.connectedName &&
    a.context === b.context &&
    a.exten === b.exten &&
    a.linkedid === b.linkedid &&
    a.answeredAt === b.answeredAt
  )
}

/** The unknown facts without `fact` (undefined when none is left). */
export function withoutUnknown(unknown: readonly LiveUnknownFact[] | undefined, fact: LiveUnknownFact): readonly LiveUnknownFact[] | undefined {
  if (unknown?.includes(fact) !== true) return unknown
  const rest = unknown.filter((f) => f !== fact)
  return rest.length === 0 ? undefined : rest
}

export function patchChannel(d: Draft, id: string, change: Partial<LiveChannel>): void {
  const old = d.get('channels', id)
  if (old === undefined) return
  // No `unknown: undefined` key left behind: a channel with nothing unknown has none.
  const { unknown, ...rest } = { ...old, ...change }
  d.set('channels', id, unknown === undefined ? rest : { ...rest, unknown })
  d.touchedChannels.add(id)
}

export function removeChannel(d: Draft, id: string): void {
  const ch = d.get('channels', id)
  d.markEnded(id)
  if (ch === undefined) return
  setChannelBridge(d, id, undefined)
  d.removeFrom('linked', ch.linkedid, id)
  d.removeChannelFromDevice(ch.device, id)
  if (ch.queue !== undefined) removeQueueCaller(d, ch.queue, id)
  if (ch.parkedKey !== undefined && d.get('parked', ch.parkedKey)?.parkeeId === id) d.delete('parked', ch.parkedKey)
  d.delete('channels', id)
  d.touchedChannels.add(id)
  d.removedDevices.set(id, ch.device)
}

/** Moves the channel into `bridgeId` (or out of any bridge), keeping both bridges' lists right. */
export function setChannelBridge(d: Draft, id: string, bridgeId: string | undefined, bridgeInfo?: Partial<LiveBridge>): void {
  const ch = d.get('channels', id)
  const from = ch?.bridgeId
  if (from !== undefined && from !== bridgeId) {
    const b = d.get('bridges', from)
    if (b?.channelIds.includes(id) === true) d.set('bridges', from, { ...b, channelIds: b.channelIds.filter((x) => x !== id) })
  }
  if (bridgeId !== undefined) {
    const b = d.get('bridges', bridgeId) ?? { id: bridgeId, type: bridgeInfo?.type ?? '', technology: bridgeInfo?.technology ?? '', channelIds: [] }
    if (!b.channelIds.includes(id) && ch !== undefined) d.set('bridges', bridgeId, { ...b, channelIds: [...b.channelIds, id] })
    else if (d.get('bridges', bridgeId) === undefined) d.set('bridges', bridgeId, b)
  }
  if (ch !== undefined && ch.bridgeId !== bridgeId) {
    d.set('channels', id, { ...ch, bridgeId })
    d.touchedChannels.add(id)
  }
}

export function removeQueueCaller(d: Draft, queueName: string, channelId: string): void {
  const q = d.get('queues', queueName)
  const gone = q?.callers[channelId]
  if (q === undefined || gone === undefined) return
  // Asterisk moves everyone behind the leaver up one place; their orders stay (positions are ranks by order).
  const callers: Record<string, LiveQueue['callers'][string]> = Object.create(null) as Record<string, LiveQueue['callers'][string]>
  for (const [cid, c] of Object.entries(q.callers)) if (cid !== channelId) callers[cid] = c
  d.set('queues', queueName, { ...q, callers })
  d.touchedChannels.add(channelId)
}
