import { create } from 'zustand'
import type { ConnectionStatus } from '../../../src-preload/types/connections'
import { applyLivePatch, emptyLiveState, type LiveMessage, type LiveState } from '../../../src-preload/types/live'
import { bridge } from '../bridge/current'

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

/** Live messages received since the last animation frame, applied but not yet rendered. */
let pending: { profileId: string | null; state: LiveState; seq: number } | null = null
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
    // Patches that arrive within one frame are applied together and rendered once.
    const base = pending ?? { profileId: get().profileId, state: get().state, seq: get().seq }
    if (msg.kind === 'snapshot') {
      if (msg.snapshot.profileId !== base.profileId) return
      pending = { profileId: base.profileId, state: msg.snapshot.state, seq: msg.snapshot.seq }
    } else {
      const patch = msg.patch
      if (patch.profileId !== base.profileId) return
      if (patch.seq !== base.seq + 1) {
        pending = null
        void get().subscribe(patch.profileId)
        return
      }
      pending = { profileId: base.profileId, state: applyLivePatch(base.state, patch), seq: patch.seq }
    }
    if (!frameQueued) {
      frameQueued = true
      requestAnimationFrame(() => {
        frameQueued = false
        const next = pending
        pending = null
        if (next === null || next.profileId !== get().profileId) return
        const selected = get().selectedCallId
        set({
          state: next.state,
          seq: next.seq,
          selectedCallId: selected !== null && next.state.calls[selected] === undefined ? null : selected,
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
