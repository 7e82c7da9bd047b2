import { whenActionsOn } from '../../actions/action-gate'
import { runAction } from '../../actions/run-action'
import { presenceOf, setDnd, usePresenceStore } from '../../stores/presence-store'
import type { AddOn } from '../feature'
import { PresenceHost } from './PresenceHost'
import { tr } from '../../i18n'
import { strings } from './strings'

const t = tr(strings)

function toggleDnd(extension: string): void {
  whenActionsOn(() => {
    const pending = setDnd(extension, presenceOf(extension)?.dnd !== true)
    if (pending !== undefined) void runAction(pending)
  })
}

/** Lamps of a PBX that has no FreePBX cannot be forwarded from here (main would refuse it). */
function forwardingOff(): string | undefined {
  return usePresenceStore.getState().source === 'asterisk' ? t('noFreePbx') : undefined
}

/**
 * Presence on the lamps (issue 18 items 3-4): each lamp's menu switches do not disturb and opens
 * forwarding and a note; the lamps show DND, forwarding, the note and the time in state
 * (components/lamp-presence), the transfer picker says who is forwarded where, a transfer to an
 * offline or DND extension offers its voicemail, and the status bar switches day/night mode.
 */
export const presenceAddOn: AddOn = {
  id: 'presence',
  get label() {
    return t('addOn')
  },
  lampActions: [
    {
      label: (ext) => t(presenceOf(ext.id)?.dnd === true ? 'dndOff' : 'dndOn', { extension: ext.id }),
      offered: () => true,
      run: toggleDnd,
    },
    {
      label: (ext) => t(presenceOf(ext.id)?.forward.unconditional === undefined ? 'forward' : 'forwarding', { extension: ext.id }),
      offered: () => forwardingOff() === undefined,
      whyNot: () => forwardingOff(),
      run: (extension) => {
        usePresenceStore.getState().edit({ kind: 'forward', extension })
      },
    },
    {
      label: (ext) => t(presenceOf(ext.id)?.note === undefined ? 'noteNew' : 'noteChange', { extension: ext.id }),
      offered: () => true,
      run: (extension) => {
        usePresenceStore.getState().edit({ kind: 'note', extension })
      },
    },
  ],
  Host: PresenceHost,
  // Read in the shown language at each use (the settled-action toasts name the action).
  actionWords: {
    get 'presence.dnd.set'() {
      return t('action.dnd')
    },
    get 'presence.forward.set'() {
      return t('action.forward')
    },
    get 'presence.note.set'() {
      return t('action.note')
    },
    get 'daynight.set'() {
      return t('action.dayNight')
    },
  },
}
