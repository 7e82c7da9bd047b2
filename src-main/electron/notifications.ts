import { app, Notification, type BrowserWindow } from 'electron'

/**
 * Windows shows an app's notifications under its AppUserModelID, which must be the installer's
 * appId (electron-builder.config.ts): without it an unpackaged or mis-identified app's notifications
 * do not appear.
 */
export const APP_USER_MODEL_ID = 'org.attendant.console'

/** Before the first notification (and before ready is fine): Windows' identity for them. */
export function identifyForNotifications(platform: NodeJS.Platform): void {
  if (platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID)
}
import type { AttentionActivated, NotifyInput } from '../../src-preload/types/attention'

/**
 * Native notifications. Silent: the window plays the sound the operator chose (or none). A click
 * brings the window to the front and tells the window that asked which call to select. Shown
 * notifications are held until closed: Windows drops the click of one that was garbage-collected.
 */
export class NativeNotifier {
  private readonly shown = new Set<Notification>()

  constructor(
    private readonly window: () => BrowserWindow | undefined,
    private readonly activate: (clientId: string, target: AttentionActivated) => void,
  ) {}

  notify(clientId: string, input: NotifyInput): boolean {
    if (!Notification.isSupported()) return false
    const n = new Notification({ title: input.title, body: input.body, silent: true })
    this.shown.add(n)
    n.on('click', () => {
      bringToFront(this.window())
      this.activate(clientId, { profileId: input.profileId, ...(input.callId === undefined ? {} : { callId: input.callId }) })
    })
    n.on('close', () => this.shown.delete(n))
    n.show()
    const win = this.window()
    if (win !== undefined && !win.isDestroyed() && !win.isFocused()) win.flashFrame(true)
    return true
  }
}

/** The window shown, restored if minimised, and focused. */
export function bringToFront(win: BrowserWindow | undefined): void {
  if (win === undefined || win.isDestroyed()) return
  if (win.isMinimized()) win.restore()
  win.show()
  win.focus()
}
