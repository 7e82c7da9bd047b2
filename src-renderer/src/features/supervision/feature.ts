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
import { tr } from '../../i18n'
import { strings } from './strings'

const t = tr(strings)

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
  get label() {
    return t('addOn')
  },
  Host: SupervisionHost,
  CallBadge: SupervisionCallBadge,
  callKeys: [
    {
      key: 'l',
      keys: 'L',
      minRole: 'supervisor',
      get does() {
        return t('key.listen')
      },
      run: (call) => {
        spy(call, 'listen')
      },
    },
    {
      key: 'w',
      keys: 'W',
      minRole: 'supervisor',
      get does() {
        return t('key.whisper')
      },
      run: (call) => {
        spy(call, 'whisper')
      },
    },
    {
      key: 'b',
      keys: 'B',
      minRole: 'supervisor',
      get does() {
        return t('key.barge')
      },
      run: (call) => {
        spy(call, 'barge')
      },
    },
    {
      key: 'e',
      keys: 'E',
      minRole: 'supervisor',
      get does() {
        return t('key.end')
      },
      run: () => {
        endSpy()
      },
    },
    {
      key: 'r',
      keys: 'R',
      minRole: 'supervisor',
      get does() {
        return t('key.record')
      },
      run: (call) => {
        record(call, recordingOf(useSupervisionStore.getState().state, call) === undefined ? 'start' : 'stop')
      },
    },
    {
      key: 'm',
      keys: 'M',
      minRole: 'supervisor',
      get does() {
        return t('key.mute')
      },
      run: (call) => {
        record(call, recordingOf(useSupervisionStore.getState().state, call)?.muted === true ? 'unmute' : 'mute')
      },
    },
  ],
  lampActions: [
    {
      label: (ext) => t('lampListen', { extension: ext.id }),
      // Supervisors and admins only, never their own phone, and not while their phone already listens.
      offered: (ext, seat) =>
        seat.role !== 'receptionist' &&
        ext.id !== seat.ownExtension &&
        talksAt(ext) &&
        ownSession(useSupervisionStore.getState().state) === undefined,
      run: listenAtExtension,
    },
  ],
  // Read in the shown language at each use (the settled-action toasts name the action).
  actionWords: {
    get 'call.spy'() {
      return t('action.spy')
    },
    get 'call.spy.mode'() {
      return t('action.spyMode')
    },
    get 'call.spy.stop'() {
      return t('action.spyStop')
    },
    get 'call.record.start'() {
      return t('action.recordStart')
    },
    get 'call.record.stop'() {
      return t('action.recordStop')
    },
    get 'call.record.mute'() {
      return t('action.recordMute')
    },
    get 'call.record.unmute'() {
      return t('action.recordUnmute')
    },
  },
}
