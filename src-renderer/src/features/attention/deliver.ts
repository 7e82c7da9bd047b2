import type { TrayConnection } from '../../../../src-preload/types/attention'
import type { LiveHealth } from '../../stores/live-health'
import type { LiveMeta } from '../../../../src-preload/types/live'
import type { Alert } from './attention-rules'

/** Editable fields: typing there is what the console must not interrupt. */
const EDITABLE = 'input, textarea, select, [contenteditable=""], [contenteditable="true"]'
const DIALOG = 'dialog, [role="dialog"], [role="alertdialog"]'

/** The operator types in a dialog now: the focus is in an editable field inside one. */
export function typingInDialog(doc: Document = document): boolean {
  const el = doc.activeElement
  return el instanceof HTMLElement && el.matches(EDITABLE) && el.closest(DIALOG) !== null
}

/** Whether a notification is worth raising: not while the operator looks at the window already. */
export function windowWatched(doc: Document = document): boolean {
  return doc.visibilityState === 'visible' && doc.hasFocus()
}

/** The tray's connection state, from the shown PBX's live meta and this window's health. */
export function trayConnection(profileId: string | null, meta: LiveMeta, health: LiveHealth): TrayConnection {
  if (profileId === null) return 'none'
  if (health.stale !== undefined) return meta.status === 'disconnected' ? 'down' : 'stale'
  return meta.status === 'live' ? 'live' : meta.status === 'syncing' ? 'stale' : 'down'
}

/** Raises one alert as the browser's notification; a click brings the tab forward with the call selected. */
export function browserNotification(alert: Alert, onClick: (alert: Alert) => void): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return
  const n = new Notification(alert.title, { body: alert.body, tag: alert.key, silent: true })
  n.onclick = () => {
    window.focus()
    onClick(alert)
    n.close()
  }
}

/** The tab's title carries the calls waiting in web mode, as the dock badge does on the desktop. */
export function titleWith(waiting: number, base = 'Attendant'): string {
  return waiting > 0 ? `(${String(waiting)}) ${base}` : base
}
