import { whenActionsOn } from '../../actions/action-gate'
import { runAction } from '../../actions/run-action'
import { presenceOf, setDnd, usePresenceStore } from '../../stores/presence-store'
import type { AddOn } from '../feature'
import { PresenceHost } from './PresenceHost'

function toggleDnd(extension: string): void {
  whenActionsOn(() => {
    const pending = setDnd(extension, presenceOf(extension)?.dnd !== true)
    if (pending !== undefined) void runAction(pending)
  })
}

/** Lamps of a PBX that has no FreePBX cannot be forwarded from here (main would refuse it). */
function forwardingOff(): string | undefined {
  return usePresenceStore.getState().source === 'asterisk' ? 'Forwarding is kept by FreePBX; this PBX has none' : undefined
}

/**
 * Presence on the lamps (issue 18 items 3-4): each lamp's menu switches do not disturb and opens
 * forwarding and a note; the lamps show DND, forwarding, the note and the time in state
 * (components/lamp-presence), the transfer picker says who is forwarded where, a transfer to an
 * offline or DND extension offers its voicemail, and the status bar switches day/night mode.
 */
export const presenceAddOn: AddOn = {
  id: 'presence',
  label: 'Presence',
  lampActions: [
    {
      label: (ext) => (presenceOf(ext.id)?.dnd === true ? `Do not disturb off for ${ext.id}` : `Do not disturb on for ${ext.id}`),
      offered: () => true,
      run: toggleDnd,
    },
    {
      label: (ext) => (presenceOf(ext.id)?.forward.unconditional === undefined ? `Forward ${ext.id}’s calls…` : `Forwarding of ${ext.id}…`),
      offered: () => forwardingOff() === undefined,
      whyNot: () => forwardingOff(),
      run: (extension) => {
        usePresenceStore.getState().edit({ kind: 'forward', extension })
      },
    },
    {
      label: (ext) => (presenceOf(ext.id)?.note === undefined ? `Note for ${ext.id}…` : `Change ${ext.id}’s note…`),
      offered: () => true,
      run: (extension) => {
        usePresenceStore.getState().edit({ kind: 'note', extension })
      },
    },
  ],
  Host: PresenceHost,
  actionWords: {
    'presence.dnd.set': 'Do not disturb',
    'presence.forward.set': 'Forwarding',
    'presence.note.set': 'Presence note',
    'daynight.set': 'Day/night mode',
  },
}
