/**
 * Pure reducers: typed AMI events → LiveModel.
 *
 *   reduce(model, event, now?)            one event
 *   reduceAll(model, events, now?)        a batch: one Draft, cost O(events + changed entities)
 *
 * Neither mutates its input; untouched collections and entities keep their identity. Times come
 * from the event's `Timestamp` (timestampevents=yes) or else from `now` — never from the clock
 * here, so a replay gives the same state.
 *
 * Every handler is written so that replaying an event on a state that already reflects it changes
 * nothing that a later event would not set again (channel fields are overwritten from the event's
 * channel block, memberships are sets): that is what makes the resync's replay of buffered events
 * safe (README.md "Resync").
 */
import type { AmiEventOf, AmiTypedEvent } from '../ami/events'
import type { ExtensionStateName, LiveChannel, LiveQueueMember } from '../../../src-preload/types/live'
import { hintDevices, rebuildCalls } from './calls'
import { patchChannel, removeChannel, removeQueueCaller, setChannelBridge, upsertChannel, withoutUnknown } from './channel'
import { Draft, type LiveModel, rec } from './model'
import { applyQueueParams, applyQueueStatEvent, emptyQueue } from './queue-stats'
import { placeInLine } from './queue-line'
import { sameFields } from './queue-patch'
import { type VoicemailUse, voicemailUse } from './route'

export function eventTime(ev: { readonly timestamp: number | undefined }, now: number | undefined): number {
  return ev.timestamp !== undefined ? Math.round(ev.timestamp * 1000) : (now ?? 0)
}

export function reduce(model: LiveModel, event: AmiTypedEvent, now?: number): LiveModel {
  const d = new Draft(model)
  applyEvent(d, event, now)
  rebuildCalls(d)
  return d.finish()
}

export function reduceAll(model: LiveModel, events: Iterable<AmiTypedEvent>, now?: number): LiveModel {
  const d = new Draft(model)
  for (const ev of events) applyEvent(d, ev, now)
  rebuildCalls(d)
  return d.finish()
}

/** Extension status number (ExtensionStatus `Status`) → the state names the BLF shows. */
export function extensionStateName(status: number | undefined): ExtensionStateName {
  switch (status) {
    case 0:
      return 'NOT_INUSE'
    case 1:
      return 'INUSE'
    case 2:
      return 'BUSY'
    case 4:
      return 'UNAVAILABLE'
    case -1:
      return 'UNAVAILABLE'
    case 8:
      return 'RINGING'
    case 9:
      return 'RINGINUSE'
    case 16:
      return 'ONHOLD'
    case 17:
      return 'ONHOLD'
    default:
      return 'UNKNOWN'
  }
}

interface MemberFields {
  readonly queue: string | undefined
  readonly iface: string | undefined
  readonly name: string | undefined
  readonly stateInterface: string | undefined
  readonly membership: string | undefined
  readonly penalty: number | undefined
  readonly callsTaken: number | undefined
  readonly lastCall: number | undefined
  readonly inCall: number | undefined
  readonly status: number | undefined
  readonly paused: number | undefined
  readonly pausedReason: string | undefined
  readonly lastPause: number | undefined
  readonly loginTime: number | undefined
}

/**
 * `t`: when the event happened, which starts the member's time in its state when that changed;
 * undefined for a resync's list item (QueueMember), which does not say since when.
 */
function upsertMember(d: Draft, f: MemberFields, t: number | undefined): void {
  if (f.queue === undefined || f.iface === undefined) return
  const q = d.get('queues', f.queue) ?? emptyQueue(f.queue)
  const old = q.members[f.iface]
  let m: LiveQueueMember = {
    interface: f.iface,
    name: f.name ?? old?.name ?? f.iface,
    stateInterface: f.stateInterface ?? old?.stateInterface ?? f.iface,
    status: f.status ?? old?.status ?? 0,
    paused: f.paused !== undefined ? f.paused !== 0 : (old?.paused ?? false),
    pausedReason: f.pausedReason ?? old?.pausedReason ?? '',
    penalty: f.penalty ?? old?.penalty ?? 0,
    callsTaken: f.callsTaken ?? old?.callsTaken ?? 0,
    lastCall: f.lastCall ?? old?.lastCall ?? 0,
    inCall: f.inCall !== undefined ? f.inCall !== 0 : (old?.inCall ?? false),
    membership: f.membership ?? old?.membership ?? '',
    lastPause: f.lastPause ?? old?.lastPause ?? 0,
    loginTime: f.loginTime ?? old?.loginTime ?? 0,
  }
  const sameState = old !== undefined && old.status === m.status && old.paused === m.paused && old.inCall === m.inCall
  const since = sameState ? old.stateSince : t
  if (since !== undefined) m = { ...m, stateSince: since }
  // app_queue repeats QueueMemberStatus for each device state change of the member's phone, in
  // every queue of the member, mostly with nothing new: then the queue stays the same object.
  if (old !== undefined && sameFields(old, m)) return
  d.set('queues', f.queue, { ...q, members: Object.assign(rec<LiveQueueMember>(), q.members, { [f.iface]: m }) })
}

function memberEvent(
  e: AmiEventOf<'QueueMemberAdded' | 'QueueMemberStatus' | 'QueueMemberPause' | 'QueueMemberPenalty' | 'QueueMemberRinginuse'>,
): MemberFields {
  return {
    queue: e.queue,
    iface: e.interface,
    name: e.memberName,
    stateInterface: e.stateInterface,
    membership: e.membership,
    penalty: e.penalty,
    callsTaken: e.callsTaken,
    lastCall: e.lastCall,
    inCall: e.inCall,
    status: e.status,
    paused: e.paused,
    pausedReason: e.pausedReason,
    lastPause: e.lastPause,
    loginTime: e.loginTime,
  }
}

function addQueueCaller(d: Draft, queue: string, channelId: string, position: number | undefined, t: number, waitS?: number): void {
  const ch = d.get('channels', channelId)
  if (ch === undefined) return
  const q = d.get('queues', queue) ?? emptyQueue(queue)
  const old = q.callers[channelId]
  const caller = {
    channelId,
    callerNum: ch.callerNum,
    callerName: ch.callerName,
    joinedAt: old?.joinedAt ?? (waitS !== undefined ? t - waitS * 1000 : t),
  }
  d.set('queues', queue, { ...q, callers: placeInLine(q.callers, caller, position) })
  if (ch.queue !== queue) patchChannel(d, channelId, { queue })
  d.touchedChannels.add(channelId)
}

type ParkingEvent = AmiEventOf<'ParkedCall' | 'ParkedCallSwap'>

function parkedKey(lot: string | undefined, space: string | undefined): string | undefined {
  if (space === undefined || space === '') return undefined
  return `${lot ?? 'default'}:${space}`
}

function park(d: Draft, e: ParkingEvent, t: number): void {
  const key = parkedKey(e.parkinglot, e.parkingSpace)
  const p = e.parkee
  if (key === undefined || p?.uniqueid === undefined) return
  const ch = upsertChannel(d, p, t, { create: true })
  if (ch === undefined) return
  const old = d.get('parked', key)
  const since = old?.parkeeId === ch.id ? old.since : t - (e.parkingDuration ?? 0) * 1000
  d.set('parked', key, {
    id: key,
    lot: e.parkinglot ?? 'default',
    space: e.parkingSpace ?? '',
    parkeeId: ch.id,
    parkeeChannel: ch.name,
    parkee: { name: ch.callerName, number: ch.callerNum },
    parker: e.parker?.channel ?? e.parkerDialString ?? '',
    parkerDialString: e.parkerDialString ?? '',
    timeoutS: e.parkingTimeout ?? 0,
    since,
    expiresAt: e.parkingTimeout !== undefined && e.parkingTimeout > 0 ? t + e.parkingTimeout * 1000 : undefined,
  })
  if (ch.parkedKey !== key) patchChannel(d, ch.id, { parkedKey: key })
}

function unpark(d: Draft, e: AmiEventOf<'UnParkedCall' | 'ParkedCallGiveUp' | 'ParkedCallTimeOut'>): void {
  const key = parkedKey(e.parkinglot, e.parkingSpace)
  const id = e.parkee?.uniqueid
  if (key !== undefined && (id === undefined || d.get('parked', key)?.parkeeId === id)) d.delete('parked', key)
  if (id !== undefined && d.get('channels', id)?.parkedKey !== undefined) patchChannel(d, id, { parkedKey: undefined })
}

function setExtension(d: Draft, e: AmiEventOf<'ExtensionStatus'>): void {
  const id = e.exten
  if (id === undefined || id === '') return
  const old = d.get('extensions', id)
  const hint = e.hint ?? old?.hint ?? ''
  const next = {
    id,
    context: e.context ?? old?.context ?? '',
    hint,
    state: extensionStateName(e.status),
    statusText: e.statusText ?? '',
    callIds: old?.callIds ?? [],
  }
  if (old !== undefined && old.hint !== hint) for (const dev of hintDevices(old.hint)) d.removeFrom('deviceExtens', dev, id)
  if (old === undefined || old.hint !== hint) {
    for (const dev of hintDevices(hint)) d.addTo('deviceExtens', dev, id)
    d.touchedExtensions.add(id)
  }
  if (old === undefined || old.state !== next.state || old.statusText !== next.statusText || old.context !== next.context || old.hint !== hint) {
    d.set('extensions', id, next)
  }
}

/** Seconds from CoreShowChannel's `Duration` (`HH:MM:SS`, hours may exceed 24). */
export function durationSeconds(v: string | undefined): number {
  if (v === undefined) return 0
  const parts = v.split(':').map(Number)
  if (parts.some((x) => !Number.isFinite(x))) return 0
  return parts.reduce((acc, x) => acc * 60 + x, 0)
}

/**
 * One event into the draft. `counted`: the resync's QueueStatus already holds this event's
 * counts (queue-stats.ts), so a replay must not count it again.
 */
export function applyEvent(d: Draft, ev: AmiTypedEvent, now: number | undefined, counted = false): void {
  const t = eventTime(ev, now)
  switch (ev.event) {
    case 'Newchannel':
      relearn(d, ev.channel?.uniqueid, t)
      upsertChannel(d, ev.channel, t, { create: true })
      return
    case 'Newstate':
    case 'NewCallerid':
    case 'NewConnectedLine':
      upsertChannel(d, ev.channel, t, { create: true })
      return
    case 'Newexten': {
      const ch = upsertChannel(d, ev.channel, t, { create: true })
      if (ch !== undefined && ev.application !== undefined) setVoicemail(d, ch, voicemailUse(ev.application, ev.appData), t)
      return
    }
    case 'OriginateResponse': {
      // A channel originated into an application runs it without the dialplan: no Newexten names
      // it (voicemail.raw, chanspy.raw), the answer does. A failed one's Uniqueid may be another
      // channel's (originate-channelid.raw).
      const use = voicemailUse(ev.application, ev.data)
      const ch = ev.response === 'Success' && ev.uniqueid !== undefined ? d.get('channels', ev.uniqueid) : undefined
      if (ch !== undefined && use !== undefined) setVoicemail(d, ch, use, t)
      return
    }
    case 'DialBegin':
      // app_voicemail never dials: a channel that dials has left it (VoiceMail's 0 to the operator).
      leftVoicemail(d, ev.channel?.uniqueid)
      upsertChannel(d, ev.channel, t, { create: true })
      upsertChannel(d, ev.dest, t, { create: false })
      return
    case 'DialState':
    case 'DialEnd':
      upsertChannel(d, ev.channel, t, { create: true })
      // The dialled side may already be gone when DialEnd arrives: never recreate it.
      upsertChannel(d, ev.dest, t, { create: false })
      return
    case 'Hangup': {
      const id = ev.channel?.uniqueid
      if (id !== undefined) removeChannel(d, id)
      return
    }
    case 'BridgeCreate':
    case 'BridgeListItem': {
      const b = ev.bridge
      if (b?.uniqueid === undefined) return
      const old = d.get('bridges', b.uniqueid)
      d.set('bridges', b.uniqueid, {
        id: b.uniqueid,
        type: b.type ?? old?.type ?? '',
        technology: b.technology ?? old?.technology ?? '',
        channelIds: old?.channelIds ?? [],
      })
      for (const c of old?.channelIds ?? []) d.touchedChannels.add(c)
      return
    }
    case 'BridgeDestroy': {
      const id = ev.bridge?.uniqueid
      if (id === undefined) return
      for (const c of d.get('bridges', id)?.channelIds ?? []) {
        if (d.get('channels', c)?.bridgeId === id) patchChannel(d, c, { bridgeId: undefined })
      }
      d.delete('bridges', id)
      return
    }
    case 'BridgeEnter': {
      const ch = upsertChannel(d, ev.channel, t, { create: true })
      const b = ev.bridge
      if (ch === undefined || b?.uniqueid === undefined) return
      // Nor does it bridge: a channel entering a bridge is out of voicemail.
      leftVoicemail(d, ch.id)
      setChannelBridge(d, ch.id, b.uniqueid, { type: b.type, technology: b.technology })
      return
    }
    case 'BridgeLeave': {
      const ch = upsertChannel(d, ev.channel, t, { create: false })
      if (ch !== undefined && ch.bridgeId === ev.bridge?.uniqueid) setChannelBridge(d, ch.id, undefined)
      return
    }
    case 'BridgeMerge': {
      const from = ev.fromBridge?.uniqueid
      const to = ev.toBridge?.uniqueid
      if (from === undefined || to === undefined) return
      for (const c of d.get('bridges', from)?.channelIds ?? [])
        setChannelBridge(d, c, to, { type: ev.toBridge?.type, technology: ev.toBridge?.technology })
      return
    }
    case 'BlindTransfer':
      if (ev.result === 'Success') clearHold(d, ev.transferer?.uniqueid)
      return
    case 'AttendedTransfer':
      // A completed attended transfer never sends Unhold for the transferer's Hold (captures).
      if (ev.result === 'Success') {
        clearHold(d, ev.origTransferer?.uniqueid)
        clearHold(d, ev.secondTransferer?.uniqueid)
      }
      return
    case 'Hold': {
      const ch = upsertChannel(d, ev.channel, t, { create: false })
      if (ch !== undefined && (!ch.hold || ch.unknown?.includes('hold') === true)) {
        patchChannel(d, ch.id, { hold: true, holdSince: ch.hold ? ch.holdSince : t, unknown: withoutUnknown(ch.unknown, 'hold') })
      }
      return
    }
    case 'Unhold':
      clearHold(d, upsertChannel(d, ev.channel, t, { create: false })?.id)
      return
    case 'MusicOnHoldStart': {
      const ch = upsertChannel(d, ev.channel, t, { create: false })
      if (ch !== undefined && ch.moh === undefined) patchChannel(d, ch.id, { moh: ev.class ?? 'default', mohSince: t })
      return
    }
    case 'MusicOnHoldStop': {
      const ch = upsertChannel(d, ev.channel, t, { create: false })
      if (ch?.moh !== undefined) patchChannel(d, ch.id, { moh: undefined, mohSince: undefined })
      return
    }
    case 'QueueCallerJoin': {
      const ch = upsertChannel(d, ev.channel, t, { create: true })
      leftVoicemail(d, ch?.id)
      if (ch !== undefined && ev.queue !== undefined) addQueueCaller(d, ev.queue, ch.id, ev.position, t)
      return
    }
    case 'QueueCallerAbandon':
      applyQueueStatEvent(d, ev, t, counted)
      if (ev.channel?.uniqueid !== undefined && ev.queue !== undefined) removeQueueCaller(d, ev.queue, ev.channel.uniqueid)
      return
    case 'QueueCallerLeave': {
      const id = ev.channel?.uniqueid
      if (id !== undefined && ev.queue !== undefined) removeQueueCaller(d, ev.queue, id)
      return
    }
    case 'AgentConnect':
    case 'AgentComplete':
      applyQueueStatEvent(d, ev, t, counted)
      return
    case 'QueueMemberAdded':
    case 'QueueMemberStatus':
    case 'QueueMemberPause':
    case 'QueueMemberPenalty':
    case 'QueueMemberRinginuse':
      upsertMember(d, memberEvent(ev), t)
      return
    case 'QueueMemberRemoved': {
      const q = ev.queue === undefined ? undefined : d.get('queues', ev.queue)
      if (q === undefined || ev.interface === undefined || q.members[ev.interface] === undefined) return
      const members = rec<LiveQueueMember>()
      for (const [iface, m] of Object.entries(q.members)) if (iface !== ev.interface) members[iface] = m
      d.set('queues', q.id, { ...q, members })
      return
    }
    case 'QueueParams':
      applyQueueParams(d, ev)
      return
    case 'QueueMember':
      upsertMember(
        d,
        {
          queue: ev.queue,
          iface: ev.location,
          name: ev.name,
          stateInterface: ev.stateInterface,
          membership: ev.membership,
          penalty: ev.penalty,
          callsTaken: ev.callsTaken,
          lastCall: ev.lastCall,
          inCall: ev.inCall,
          status: ev.status,
          paused: ev.paused,
          pausedReason: ev.pausedReason,
          lastPause: ev.lastPause,
          loginTime: ev.loginTime,
        },
        undefined,
      )
      return
    case 'QueueEntry':
      if (ev.queue !== undefined && ev.uniqueid !== undefined) addQueueCaller(d, ev.queue, ev.uniqueid, ev.position, t, ev.wait)
      return
    case 'ExtensionStatus':
      setExtension(d, ev)
      return
    case 'DeviceStateChange': {
      if (ev.device === undefined || ev.state === undefined) return
      if (d.get('devices', ev.device)?.state !== ev.state) d.set('devices', ev.device, { id: ev.device, state: ev.state })
      return
    }
    case 'ParkedCall':
    case 'ParkedCallSwap':
      park(d, ev, t)
      return
    case 'UnParkedCall':
    case 'ParkedCallGiveUp':
    case 'ParkedCallTimeOut':
      unpark(d, ev)
      return
    case 'CoreShowChannel': {
      // Snapshot item: the channel exists now; its age comes from Duration.
      const known = ev.channel?.uniqueid !== undefined && d.get('channels', ev.channel.uniqueid) !== undefined
      const ch = upsertChannel(d, ev.channel, t - durationSeconds(ev.duration) * 1000, { create: true })
      if (ch === undefined) return
      const bridge = ev.bridgeId === undefined || ev.bridgeId === '' ? undefined : ev.bridgeId
      if (!known && ch.state === 6) {
        // Answered before the console saw it: when is not listed, nor whether it is on hold
        // (a channel in no bridge has nobody to be held from; MusicOnHold() shows as its app).
        const moh = ev.application === 'MusicOnHold' ? ev.applicationData?.split(',')[0] || 'default' : undefined
        patchChannel(d, ch.id, {
          answeredAt: undefined,
          moh,
          mohSince: undefined,
          unknown: bridge === undefined ? ['answeredAt'] : ['answeredAt', 'hold'],
        })
      }
      setChannelBridge(d, ch.id, bridge)
      // In voicemail now (leaving a message, or listening): since when is not listed.
      const use = voicemailUse(ev.application, ev.applicationData)
      if (use !== undefined) setVoicemail(d, ch, use, undefined)
      return
    }
    default:
      return
  }
}

/**
 * The mailbox a channel is in (VoiceMail: leaving a message; VoiceMailMain: listening), or none
 * once it runs anything else. Set, not toggled: a replayed Newexten leaves the same value
 * (README "Resync").
 */
function setVoicemail(d: Draft, ch: LiveChannel, use: VoicemailUse | undefined, t: number | undefined): void {
  if (ch.voicemail === use?.mailbox && ch.voicemailMode === use?.mode) return
  if (use === undefined) {
    const { voicemail: _box, voicemailMode: _mode, voicemailSince: _since, ...rest } = ch
    d.set('channels', ch.id, rest)
    d.touchedChannels.add(ch.id)
    return
  }
  const since = ch.voicemail !== undefined && ch.voicemailMode === use.mode ? ch.voicemailSince : t
  patchChannel(
    d,
    ch.id,
    since === undefined
      ? { voicemail: use.mailbox, voicemailMode: use.mode }
      : { voicemail: use.mailbox, voicemailMode: use.mode, voicemailSince: since },
  )
}

/**
 * The console asks Asterisk for the Newexten events of app_voicemail only (dialplan-filter.ts),
 * so it never sees the next application: it sees the channel dial, bridge or queue instead.
 */
function leftVoicemail(d: Draft, id: string | undefined): void {
  const ch = id === undefined ? undefined : d.get('channels', id)
  if (ch?.voicemail !== undefined) setVoicemail(d, ch, undefined, undefined)
}

function clearHold(d: Draft, id: string | undefined): void {
  if (id === undefined) return
  const ch = d.get('channels', id)
  if (ch?.hold === true || ch?.unknown?.includes('hold') === true)
    patchChannel(d, id, { hold: false, holdSince: undefined, unknown: withoutUnknown(ch.unknown, 'hold') })
}

/**
 * A Newchannel is a channel's first event. Replayed onto a snapshot that already lists the
 * channel, it gives the exact creation time (the snapshot's comes from whole seconds of Duration,
 * and a second's error can make another channel look older and change the call's id), and the
 * channel's whole life is in the buffer, so nothing about it stays unknown.
 */
function relearn(d: Draft, id: string | undefined, t: number): void {
  const ch = id === undefined ? undefined : d.get('channels', id)
  if (ch === undefined) return
  if (ch.unknown !== undefined) patchChannel(d, ch.id, { unknown: undefined, answeredAt: undefined, hold: false, holdSince: undefined, createdAt: t })
  else if (ch.createdAt !== t) patchChannel(d, ch.id, { createdAt: t })
}
