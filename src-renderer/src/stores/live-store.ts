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
    if (get().profileId !== profileId) set({ profileId, state: emptyLiveState(), seq: -1, selectedCallId: null })
    await bridge().invoke('live.subscribe', { profileId })
  },
  receive: (msg) => {
    const { profileId, seq, state } = get()
    if (msg.kind === 'snapshot') {
      if (msg.snapshot.profileId !== profileId) return
      set({ state: msg.snapshot.state, seq: msg.snapshot.seq })
      return
    }
    const patch = msg.patch
    if (patch.profileId !== profileId) return
    if (patch.seq !== seq + 1) {
      void get().subscribe(patch.profileId)
      return
    }
    const next = applyLivePatch(state, patch)
    const selected = get().selectedCallId
    set({ state: next, seq: patch.seq, selectedCallId: selected !== null && next.calls[selected] === undefined ? null : selected })
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
