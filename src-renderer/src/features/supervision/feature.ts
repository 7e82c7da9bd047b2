import type { LiveCall } from '../../../../src-preload/types/live'
import type { RecordOp, SpyMode } from '../../../../src-preload/types/supervision'
import { whenActionsOn } from '../../actions/action-gate'
import { runAction } from '../../actions/run-action'
import { bridge } from '../../bridge/current'
import { useLiveStore } from '../../stores/live-store'
import { ownSession, recordingOf, useSupervisionStore } from '../../stores/supervision-store'
import type { AddOn } from '../feature'
import { SupervisionCallBadge } from './CallBadge'
import { endListening, SupervisionHost, switchMode } from './SupervisionHost'

/** L / W / B on the selected call: ring the seat's phone into it; during a session, switch its mode. */
function spy(call: LiveCall, mode: SpyMode): void {
  if (ownSession(useSupervisionStore.getState().state) !== undefined) {
    switchMode(mode)
    return
  }
  whenActionsOn(() => {
    const profileId = useLiveStore.getState().profileId
    if (profileId === null) return
    void runAction(bridge().invoke('supervision.spy', { profileId, callId: call.id, mode }))
  })
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
        endListening()
      },
    },
    {
      // R is Configuration's (read again), and an add-on's key may not repeat any screen's.
      key: 'o',
      keys: 'O',
      minRole: 'supervisor',
      does: 'Recording on or off for the selected call',
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
