import type { LiveCall } from '../../../../src-preload/types/live'
import type { RecordOp, SpyMode } from '../../../../src-preload/types/supervision'
import { whenActionsOn } from '../../actions/action-gate'
import { endSpy, startSpy, switchSpyMode } from '../../actions/spy'
import { runAction } from '../../actions/run-action'
import { bridge } from '../../bridge/current'
import { talkingAt, talksAt } from '../../live/talking-at'
import { useLiveStore } from '../../stores/live-store'
import { ownSession, recordingOf, useSupervisionStore } from '../../stores/supervision-store'
import type { AddOn } from '../feature'
import { SupervisionCallBadge } from './CallBadge'
import { SupervisionHost } from './SupervisionHost'

/** L / W / B on the selected call: ring the seat's phone into it; during a session, switch its mode. */
function spy(call: LiveCall, mode: SpyMode): void {
  if (ownSession(useSupervisionStore.getState().state) !== undefined) {
    switchSpyMode(mode)
    return
  }
  startSpy(call.id, undefined, mode)
}

/** From a lamp's menu: listen to the party on that extension's phone (its channel named, so whisper reaches them). */
function listenAtExtension(extension: string): void {
  const { state } = useLiveStore.getState()
  const ext = Object.hasOwn(state.extensions, extension) ? state.extensions[extension] : undefined
  const found = ext === undefined ? undefined : talkingAt(ext, state)
  if (found !== undefined) startSpy(found.call.id, found.channelId, 'listen')
}

function record(call: LiveCall, op: RecordOp): void {
  whenActionsOn(() => {
    const profileId = useLiveStore.getState().profileId
    if (profileId === null) return
    void runAction(bridge().invoke('supervision.record', { profileId, callId: call.id, op }))
  })
}

/**
 * Supervision of live calls: listen, whisper and barge on the selected call from the seat's own
 * phone (main checks role, read-only and the profile's scope), and recording control.
 */
export const supervision: AddOn = {
  id: 'supervision',
  label: 'Supervision',
  Host: SupervisionHost,
  CallBadge: SupervisionCallBadge,
  callKeys: [
    {
      key: 'l',
      keys: 'L',
      minRole: 'supervisor',
      does: 'Listen to the selected call from your phone (during a session: switch to listening)',
      run: (call) => {
        spy(call, 'listen')
      },
    },
    {
      key: 'w',
      keys: 'W',
      minRole: 'supervisor',
      does: 'Whisper to the agent of the selected call (the caller does not hear you)',
      run: (call) => {
        spy(call, 'whisper')
      },
    },
    {
      key: 'b',
      keys: 'B',
      minRole: 'supervisor',
      does: 'Barge into the selected call (both parties hear you)',
      run: (call) => {
        spy(call, 'barge')
      },
    },
    {
      key: 'e',
      keys: 'E',
      minRole: 'supervisor',
      does: 'End your listening session',
      run: () => {
        endSpy()
      },
    },
    {
      key: 'r',
      keys: 'R',
      minRole: 'supervisor',
      does: 'Start or stop recording the selected call',
      run: (call) => {
        record(call, recordingOf(useSupervisionStore.getState().state, call) === undefined ? 'start' : 'stop')
      },
    },
    {
      key: 'm',
      keys: 'M',
      minRole: 'supervisor',
      does: 'Mute or unmute the recording of the selected call',
      run: (call) => {
        record(call, recordingOf(useSupervisionStore.getState().state, call)?.muted === true ? 'unmute' : 'mute')
      },
    },
  ],
  lampActions: [
    {
      label: (ext) => `Listen to ${ext.id}’s call from your phone`,
      // Supervisors and admins only, never their own phone, and not while their phone already listens.
      offered: (ext, seat) =>
        seat.role !== 'receptionist' &&
        ext.id !== seat.ownExtension &&
        talksAt(ext) &&
        ownSession(useSupervisionStore.getState().state) === undefined,
      run: listenAtExtension,
    },
  ],
  actionWords: {
    'call.spy': 'Listening',
    'call.spy.mode': 'Listening mode',
    'call.spy.stop': 'End of listening',
    'call.record.start': 'Recording',
    'call.record.stop': 'Recording stop',
    'call.record.mute': 'Recording mute',
    'call.record.unmute': 'Recording unmute',
  },
}
