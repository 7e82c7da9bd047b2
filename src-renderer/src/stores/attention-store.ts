import { create } from 'zustand'
import type { DialRequest, ShellState } from '../../../src-preload/types/attention'

/** Where the browser's notifications stand in web mode ('unsupported' where there is no API). */
export type WebPermission = NotificationPermission | 'unsupported'

/** Remembered in the browser so the console asks for notifications once, not on every load. */
const ASKED_KEY = 'attendant.notifications.asked'

function readAsked(): boolean {
  try {
    return localStorage.getItem(ASKED_KEY) === 'yes'
  } catch {
    return false
  }
}

function currentPermission(): WebPermission {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission
}

type DialToConfirm = Extract<DialRequest, { kind: 'dial' }>

interface AttentionState {
  /** A number from a link or the clipboard waiting for the operator's yes or no. */
  dial: DialToConfirm | null
  /** What the desktop shell offers (null until asked, and in a browser before the answer). */
  shell: ShellState | null
  permission: WebPermission
  /** The operator answered the polite question (allowed, or "not now"): it is not asked again. */
  asked: boolean
  /** Alerts held back while the operator types in a dialog. */
  deferred: number
  offerDial: (request: DialToConfirm) => void
  closeDial: () => void
  setShell: (shell: ShellState) => void
  setDeferred: (n: number) => void
  /** Asks the browser for permission (from the operator's click: browsers require a gesture). */
  askPermission: () => Promise<void>
  /** "Not now": remembered, never asked again unless the operator turns notifications on in Settings. */
  declinePermission: () => void
}

export const useAttentionStore = create<AttentionState>((set) => ({
  dial: null,
  shell: null,
  permission: currentPermission(),
  asked: readAsked(),
  deferred: 0,
  offerDial: (request) => {
    set({ dial: request })
  },
  closeDial: () => {
    set({ dial: null })
  },
  setShell: (shell) => {
    set({ shell })
  },
  setDeferred: (deferred) => {
    set({ deferred })
  },
  askPermission: async () => {
    remember()
    const permission = typeof Notification === 'undefined' ? 'unsupported' : await Notification.requestPermission()
    set({ permission, asked: true })
  },
  declinePermission: () => {
    remember()
    set({ asked: true })
  },
}))

function remember(): void {
  try {
    localStorage.setItem(ASKED_KEY, 'yes')
  } catch {
    // Storage off (private mode): asked again next time, which is the lesser harm.
  }
}
