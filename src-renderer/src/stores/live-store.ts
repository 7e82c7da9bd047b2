import { create } from 'zustand'
import type { ConnectionStatus } from '../../../src-preload/types/connections'
import { emptyLiveState, type LiveMessage, type LivePatch, type LiveState } from '../../../src-preload/types/live'
import { bridge } from '../bridge/current'
import { applyLivePatchesLazily } from './lazy-live-state'

interface LiveStoreState {
  /** The PBX profile this window shows. */
  profileId: string | null
  state: LiveState
  seq: number
  statuses: Readonly<Record<string, ConnectionStatus>>
  selectedCallId: string | null
  subscribe: (profileId: string) => Promise<void>
  receive: (msg: LiveMessage) => void
  setStatus: (status: ConnectionStatus) => void
  loadStatuses: () => Promise<void>
  select: (callId: string | null) => void
}

/**
 * Live messages received since the last animation frame, not yet applied: a snapshot to start
 * from (or the store's state) and the patches that follow it. They are applied together once per
 * frame; collections are built when read (lazy-live-state.ts), so unread ones cost O(changes).
 */
interface PendingFrame {
  readonly profileId: string | null
  readonly base: LiveState
  readonly patches: LivePatch[]
  seq: number
}
let pending: PendingFrame | null = null
let frameQueued = false

/**
 * The live state of the shown PBX, kept by applying main's coalesced patches. A patch that does
 * not follow the last seq means one was missed: ask main for a fresh snapshot rather than guess.
 */
export const useLiveStore = create<LiveStoreState>((set, get) => ({
  profileId: null,
  state: emptyLiveState(),
  seq: -1,
  statuses: {},
  selectedCallId: null,
  subscribe: async (profileId) => {
    pending = null
    if (get().profileId !== profileId) set({ profileId, state: emptyLiveState(), seq: -1, selectedCallId: null })
    await bridge().invoke('live.subscribe', { profileId })
  },
  receive: (msg) => {
    const profileId = get().profileId
    if (msg.kind === 'snapshot') {
      if (msg.snapshot.profileId !== profileId) return
      pending = { profileId, base: msg.snapshot.state, patches: [], seq: msg.snapshot.seq }
    } else {
      const patch = msg.patch
      if (patch.profileId !== profileId) return
      pending ??= { profileId, base: get().state, patches: [], seq: get().seq }
      if (patch.seq !== pending.seq + 1) {
        pending = null
        void get().subscribe(patch.profileId)
        return
      }
      pending.patches.push(patch)
      pending.seq = patch.seq
    }
    if (!frameQueued) {
      frameQueued = true
      requestAnimationFrame(() => {
        frameQueued = false
        const frame = pending
        pending = null
        if (frame === null || frame.profileId !== get().profileId) return
        const state = applyLivePatchesLazily(frame.base, frame.patches)
        const selected = get().selectedCallId
        set({
          state,
          seq: frame.seq,
          selectedCallId: selected !== null && state.calls[selected] === undefined ? null : selected,
        })
      })
    }
  },
  setStatus: (status) => {
    set({ statuses: { ...get().statuses, [status.profileId]: status } })
  },
  loadStatuses: async () => {
    const r = await bridge().invoke('connections.list')
    if (r.ok) set({ statuses: Object.fromEntries(r.value.map((s) => [s.profileId, s])) })
  },
  select: (callId) => {
    set({ selectedCallId: callId })
  },
}))
