import type { SpyMode } from '../../../src-preload/types/supervision'
import { bridge } from '../bridge/current'
import { useLiveStore } from '../stores/live-store'
import { ownSession, useSupervisionStore } from '../stores/supervision-store'
import { whenActionsOn } from './action-gate'
import { runAction } from './run-action'

/**
 * Listening in from the seat's own phone, wherever it is asked (the calls list, a lamp, the agent
 * board): main checks the role, the read-only flag and the profile's scope, and builds ChanSpy's
 * options itself; the window names only the call, the party and the mode.
 */

/** Rings the seat's phone into ChanSpy on the call; `channelId` names the party (whisper reaches them), else main picks the agent. */
export function startSpy(callId: string, channelId: string | undefined, mode: SpyMode): void {
  whenActionsOn(() => {
    const profileId = useLiveStore.getState().profileId
    if (profileId === null) return
    void runAction(bridge().invoke('supervision.spy', { profileId, callId, ...(channelId === undefined ? {} : { channelId }), mode }))
  })
}

/** Switches this seat's running session to another mode (ChanSpy's DTMF switch, done by main). */
export function switchSpyMode(mode: SpyMode): void {
  whenActionsOn(() => {
    const s = ownSession(useSupervisionStore.getState().state)
    const profileId = useLiveStore.getState().profileId
    if (s === undefined || profileId === null) return
    void runAction(bridge().invoke('supervision.spyMode', { profileId, sessionId: s.id, mode }))
  })
}

/** Ends this seat's running session (main hangs its listening channel up). */
export function endSpy(): void {
  whenActionsOn(() => {
    const s = ownSession(useSupervisionStore.getState().state)
    const profileId = useLiveStore.getState().profileId
    if (s === undefined || profileId === null) return
    void runAction(bridge().invoke('supervision.spyStop', { profileId, sessionId: s.id }))
  })
}
