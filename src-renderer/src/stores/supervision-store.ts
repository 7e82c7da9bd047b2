import { create } from 'zustand'
import type { LiveCall } from '../../../src-preload/types/live'
import type { RecordingView, SpySessionView, SupervisionState } from '../../../src-preload/types/supervision'
import { bridge } from '../bridge/current'

/**
 * Who listens to which call and which calls are recorded, on the PBX the window shows: main's
 * `supervision.watch` answer, then each `supervision.changed`. Calls are matched by their
 * channels (a session names the channel listened to, a recording the channel recorded).
 */
interface SupervisionStore {
  readonly state: SupervisionState | undefined
  watch: (profileId: string) => Promise<void>
  receive: (state: SupervisionState) => void
}

export const useSupervisionStore = create<SupervisionStore>((set, get) => ({
  state: undefined,
  watch: async (profileId) => {
    if (get().state?.profileId !== profileId) set({ state: undefined })
    const r = await bridge().invoke('supervision.watch', { profileId })
    if (r.ok) set({ state: r.value })
  },
  receive: (state) => {
    const shown = get().state
    if (shown === undefined || shown.profileId === state.profileId) set({ state })
  },
}))

let listening = false

/** Follows main's pushes (once per window). */
export function followSupervision(): void {
  if (listening) return
  listening = true
  bridge().on('supervision.changed', (state) => {
    useSupervisionStore.getState().receive(state)
  })
}

/** The sessions listening to one of the call's channels. */
export function spiesOn(state: SupervisionState | undefined, call: Pick<LiveCall, 'channelIds'>): readonly SpySessionView[] {
  if (state === undefined) return []
  return state.spies.filter((s) => call.channelIds.includes(s.spiedChannelId))
}

/** The recording of the call, if one of its channels is recorded. */
export function recordingOf(state: SupervisionState | undefined, call: Pick<LiveCall, 'channelIds'>): RecordingView | undefined {
  return state?.recordings.find((r) => call.channelIds.includes(r.channelId))
}

/** This seat's own running session, if any. */
export function ownSession(state: SupervisionState | undefined): SpySessionView | undefined {
  return state?.spies.find((s) => s.ours)
}
