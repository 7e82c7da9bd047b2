import { create } from 'zustand'
import type { ConnectionStatus } from '../../../src-preload/types/connections'
import {
  type LiveCall,
  type LiveMessage,
  type LivePatch,
  type LiveSnapshot,
  type LiveState,
  emptyLiveState,
  patchBase,
} from '../../../src-preload/types/live'
import { bridge } from '../bridge/current'
import { CallList, type CallQuery, FocusIndex } from '../live/call-list'
import { ShownOrder } from '../live/shown-order'
import { useAppStore } from './app-store'
import { HEALTHY, type LiveHealth, liveHealth, sameHealth } from './live-health'
import { applyDelay } from './live-pacing'
import { LiveTables } from './live-tables'

interface LiveStoreState {
  /** The PBX profile this window shows. */
  profileId: string | null
  /**
   * The live state as plain Records, each built from its table when first read (actions, small
   * views). A new object whenever a frame changed anything. Under load, read the calls through
   * `callList` / `liveTables` instead: a Record of thousands of calls per frame is what this
   * store exists to avoid.
   */
  state: LiveState
  seq: number
  statuses: Readonly<Record<string, ConnectionStatus>>
  /**
   * Whether what is shown follows the PBX, and why actions are off (live-health.ts): from the
   * live meta, the shown PBX's connection status and this window's link to main.
   */
  health: LiveHealth
  /** The call the operator chose (click, arrow keys, Enter on the suggestion): the only call the action keys act on. */
  selectedCallId: string | null
  /** The selected call as it is now; undefined when nothing is selected. */
  selected: LiveCall | undefined
  /**
   * With nothing selected, the call that most likely wants answering (the longest ringing or
   * queued): shown as a suggestion, never acted on until the operator selects it.
   */
  suggested: LiveCall | undefined
  /** The selected call's last version, when it ended while selected (until the next selection). */
  ended: LiveCall | undefined
  /** Filter and order of the calls list (kept across view switches). */
  callsQuery: CallQuery
  /** `shownOrder.version`: the calls list as shown (members, order, a row's call) changed. */
  callsVersion: number
  subscribe: (profileId: string) => Promise<void>
  receive: (msg: LiveMessage) => void
  setStatus: (status: ConnectionStatus) => void
  loadStatuses: () => Promise<void>
  select: (callId: string | null) => void
  /** Makes the suggestion the selection (Enter, or the card's Select button). */
  selectSuggested: () => void
  setCallsQuery: (query: CallQuery) => void
  /**
   * The user scrolls the calls list (true) or stopped (false): see ShownOrder. Returns the rows
   * the list must scroll by to keep its rows in place (on release).
   */
  holdCallsOrder: (scrolling: boolean) => number
}

/** The live state's tables: mutated in place once per animation frame (see live-tables.ts). */
export const liveTables = new LiveTables()
/** The calls list as shown, kept from each frame's call changes. */
export const callList = new CallList()
/** The calls list in the order its rows are shown: callList, held while the user scrolls. */
export const shownOrder = new ShownOrder(callList, (id) => liveTables.tables.calls.get(id))
const focusIndex = new FocusIndex()

/**
 * Live messages received since the last animation frame, not yet applied: a snapshot to start
 * from (if one came) and the patches that follow it. They are applied together once per frame.
 */
interface PendingFrame {
  readonly profileId: string | null
  readonly snapshot: LiveSnapshot | undefined
  readonly patches: LivePatch[]
  seq: number
}
let pending: PendingFrame | null = null
let frameQueued = false
/** When the last frame was applied (see live-pacing.ts). */
let lastAppliedAt = Number.NEGATIVE_INFINITY
/** Live messages received and not yet acknowledged to main (flow control: a credit of one). */
let unacked = 0
/** A gap was seen: patches are ignored until the fresh snapshot asked for arrives. */
let awaitingSnapshot = false

/** When this window first saw the PBX down with no moment from main (kept until it is back). */
let seenDownAt: number | undefined

/** The health of what the window shows now, from the live meta, the connection and the link. */
function healthOf(s: Pick<LiveStoreState, 'state' | 'statuses' | 'profileId'>): LiveHealth {
  const meta = s.state.meta
  const down = meta.status === 'disconnected' || meta.staleSince !== undefined
  seenDownAt = down ? (seenDownAt ?? Date.now()) : undefined
  const { link, linkLostAt } = useAppStore.getState()
  return liveHealth({
    meta,
    connection: s.profileId === null ? undefined : s.statuses[s.profileId],
    link,
    linkLostAt,
    seenDownAt: seenDownAt ?? Date.now(),
  })
}

/** The selected call and, only while nothing is selected, the suggested one. */
function selectionOf(selectedCallId: string | null): Pick<LiveStoreState, 'selectedCallId' | 'selected' | 'suggested'> {
  const selected = selectedCallId === null ? undefined : liveTables.tables.calls.get(selectedCallId)
  const id = selected === undefined ? null : selectedCallId
  return { selectedCallId: id, selected, suggested: id === null ? focusIndex.oldest() : undefined }
}

/**
 * The live state of the shown PBX, kept by applying main's coalesced patches. A patch that does
 * not follow the last seq means one was missed: ask main for a fresh snapshot rather than guess.
 */
export const useLiveStore = create<LiveStoreState>((set, get) => {
  /** Applies what arrived since the last frame, then tells main it may send the next message. */
  const applyFrame = (): void => {
    frameQueued = false
    lastAppliedAt = performance.now()
    const frame = pending
    pending = null
    if (frame !== null && frame.profileId === get().profileId) {
      const calls = liveTables.tables.calls
      const selectedId = get().selectedCallId
      const selectedBefore = selectedId === null ? undefined : calls.get(selectedId)
      if (frame.snapshot !== undefined) {
        liveTables.replace(frame.snapshot.state)
        callList.reset(calls.values())
        focusIndex.reset(calls.values())
      }
      const changes = liveTables.apply(frame.patches)
      const listVersion = callList.version
      callList.apply(changes.calls, () => calls.values())
      if (callList.version !== listVersion) shownOrder.listChanged()
      focusIndex.apply(changes.calls)
      // A selected call that ended leaves the selection empty: the card says so and never jumps
      // to another caller (whom a key meant for the ended call would then hit).
      const selection = selectionOf(selectedId)
      const endedNow = selectedBefore !== undefined && selection.selected === undefined
      const anything = frame.snapshot !== undefined || changes.collections.size > 0 || changes.meta
      const state = anything ? liveTables.view() : get().state
      const health = healthOf({ ...get(), state })
      set({
        ...(sameHealth(health, get().health) ? {} : { health }),
        seq: frame.seq,
        ...selection,
        ...(endedNow ? { ended: selectedBefore } : {}),
        callsVersion: shownOrder.version,
        ...(anything ? { state } : {}),
      })
    }
    // Acknowledged from the animation frame, so main's next message lands in a later frame.
    if (unacked > 0) {
      unacked = 0
      bridge().notify('live.ack', { restart: false })
    }
  }

  const queueFrame = (): void => {
    if (frameQueued) return
    frameQueued = true
    const wait = applyDelay(shownOrder.holding, lastAppliedAt, performance.now())
    if (wait > 0) setTimeout(() => requestAnimationFrame(applyFrame), wait)
    else requestAnimationFrame(applyFrame)
  }

  return {
    profileId: null,
    state: liveTables.view(),
    seq: -1,
    statuses: {},
    health: HEALTHY,
    selectedCallId: null,
    selected: undefined,
    suggested: undefined,
    ended: undefined,
    callsQuery: callList.query,
    callsVersion: shownOrder.version,
    subscribe: async (profileId) => {
      pending = null
      awaitingSnapshot = true
      if (get().profileId !== profileId) {
        liveTables.replace(emptyLiveState())
        callList.reset([])
        focusIndex.reset([])
        shownOrder.listChanged(true)
        const state = liveTables.view()
        set({
          profileId,
          state,
          seq: -1,
          selectedCallId: null,
          selected: undefined,
          suggested: undefined,
          ended: undefined,
          callsVersion: shownOrder.version,
          health: healthOf({ ...get(), profileId, state }),
        })
      }
      // A fresh start for main's flow control: anything it still holds for this window is stale.
      unacked = 0
      bridge().notify('live.ack', { restart: true })
      const r = await bridge().invoke('live.subscribe', { profileId })
      if (!r.ok) awaitingSnapshot = false
    },
    receive: (msg) => {
      unacked++
      queueFrame()
      const profileId = get().profileId
      if (msg.kind === 'snapshot') {
        if (msg.snapshot.profileId !== profileId) return
        awaitingSnapshot = false
        pending = { profileId, snapshot: msg.snapshot, patches: [], seq: msg.snapshot.seq }
        return
      }
      const patch = msg.patch
      if (patch.profileId !== profileId || awaitingSnapshot) return
      pending ??= { profileId, snapshot: undefined, patches: [], seq: get().seq }
      if (patchBase(patch) !== pending.seq) {
        pending = null
        void get().subscribe(patch.profileId)
        return
      }
      pending.patches.push(patch)
      pending.seq = patch.seq
    },
    setStatus: (status) => {
      const statuses = { ...get().statuses, [status.profileId]: status }
      set({ statuses, health: healthOf({ ...get(), statuses }) })
    },
    loadStatuses: async () => {
      const r = await bridge().invoke('connections.list')
      if (!r.ok) return
      const statuses = Object.fromEntries(r.value.map((s) => [s.profileId, s]))
      set({ statuses, health: healthOf({ ...get(), statuses }) })
    },
    select: (callId) => {
      set({ ...selectionOf(callId), ended: undefined })
    },
    selectSuggested: () => {
      const suggested = get().suggested
      if (suggested !== undefined) get().select(suggested.id)
    },
    setCallsQuery: (query) => {
      callList.setQuery(query, liveTables.tables.calls.values())
      shownOrder.listChanged(true)
      set({ callsQuery: callList.query, callsVersion: shownOrder.version })
    },
    holdCallsOrder: (scrolling) => {
      let shift = 0
      if (scrolling) shownOrder.hold()
      else shift = shownOrder.release()
      if (get().callsVersion !== shownOrder.version) set({ callsVersion: shownOrder.version })
      return shift
    },
  }
})

// The window's own link to main counts too: lost, nothing new can arrive whatever main knows.
useAppStore.subscribe((app, before) => {
  if (app.link === before.link && app.linkLostAt === before.linkLostAt) return
  const live = useLiveStore.getState()
  const health = healthOf(live)
  if (!sameHealth(health, live.health)) useLiveStore.setState({ health })
})
