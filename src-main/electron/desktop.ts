import type { BrowserWindow } from 'electron'
import type { AttentionActivated, AttentionStatus, DialRequest, NotifyInput, ShellState } from '../../src-preload/types/attention'
import type { DesktopShell } from '../core/attention/desktop-shell'
import type { AuditLog } from '../core/audit'
import type { EventBus } from '../core/events/bus'
import { DialLinks } from './dial-links'
import { DialShortcut } from './dial-shortcut'
import { bringToFront, identifyForNotifications, NativeNotifier } from './notifications'
import { AttentionTray } from './tray'

/**
 * The desktop's side of the attention channels (core/attention/desktop-shell.ts): native
 * notifications, the tray and badge, dial links and the clipboard shortcut, for the one window.
 * The core's bus is attached once the core exists; until a window asks attention.shell, a dial
 * request waits (the app was launched by a link).
 */
export class ElectronDesktop implements DesktopShell {
  private bus: EventBus | undefined
  private audit: AuditLog | undefined
  /** The window (bus client) that asked attention.shell: the one that takes dial requests. */
  private readyClient: string | undefined
  readonly notifier: NativeNotifier
  readonly tray: AttentionTray
  readonly links: DialLinks
  readonly shortcut: DialShortcut

  constructor(
    private readonly window: () => BrowserWindow | undefined,
    quit: () => void,
    log: (message: string) => void,
  ) {
    identifyForNotifications(process.platform)
    const front = (): void => {
      bringToFront(this.window())
    }
    this.notifier = new NativeNotifier(window, (clientId, target) => {
      this.activate(clientId, target)
    })
    this.tray = new AttentionTray(
      {
        show: front,
        showWaiting: () => {
          front()
          if (this.readyClient !== undefined) this.activate(this.readyClient, {})
        },
        toggleDnd: () => {
          // Not brought forward: switching DND from the tray is done without leaving one's work.
          if (this.readyClient !== undefined) this.bus?.sendTo(this.readyClient, 'attention.trayAction', { action: 'toggleDnd' })
        },
        quit,
      },
      window,
    )
    this.links = new DialLinks(
      (request) => this.deliver(request),
      front,
      log,
      (refused) => {
        // Another application's link (or the clipboard) is not a seat: the app records it as its own.
        void this.audit
          ?.append({
            profileId: '-',
            role: 'system',
            action: refused.source === 'clipboard' ? 'dial.clipboard' : 'dial.link',
            target: refused.from,
            result: 'refused',
            errorCode: 'invalid_input',
            detail: refused.reason,
          })
          .catch((err: unknown) => {
            log(`could not audit a refused dial link: ${String(err)}`)
          })
      },
    )
    this.shortcut = new DialShortcut((text) => {
      this.links.clipboard(text)
    }, log)
  }

  /** The core's bus (events to the window) and audit log (refused links), once the core exists. */
  attach(bus: EventBus, audit?: AuditLog): void {
    this.bus = bus
    this.audit = audit
  }

  notify(clientId: string, input: NotifyInput): boolean {
    return this.notifier.notify(clientId, input)
  }

  status(_clientId: string, status: AttentionStatus): void {
    this.tray.update(status)
  }

  state(clientId: string): ShellState {
    if (this.readyClient !== clientId) {
      this.readyClient = clientId
      this.bus?.onClientClose(clientId, () => {
        if (this.readyClient === clientId) this.readyClient = undefined
      })
    }
    return { desktop: true, shortcut: this.shortcut.state, pendingDial: this.links.takePending() }
  }

  private activate(clientId: string, target: AttentionActivated): void {
    this.bus?.sendTo(clientId, 'attention.activated', target)
  }

  private deliver(request: DialRequest): boolean {
    if (this.bus === undefined || this.readyClient === undefined) return false
    this.bus.sendTo(this.readyClient, 'attention.dialRequest', request)
    return true
  }
}
