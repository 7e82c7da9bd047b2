import { app, Menu, nativeImage, Tray, type BrowserWindow, type NativeImage } from 'electron'
import type { AttentionStatus, TrayConnection } from '../../src-preload/types/attention'
import { say } from '../core/i18n'
import { strings } from './strings'
import { trayIconPixels, trayTooltip } from './tray-icon'

const t = say(strings)

export interface TrayActions {
  /** The window to the front. */
  readonly show: () => void
  /** The window to the front with the call waiting longest selected. */
  readonly showWaiting: () => void
  /** Do not disturb on the seat's phone, on or off (the window does it, as for its lamp's menu). */
  readonly toggleDnd: () => void
  readonly quit: () => void
}

function icon(connection: TrayConnection, waiting: boolean): NativeImage {
  // 16 px at 1x and 32 px at 2x: crisp in a Windows tray and on a Retina menu bar.
  const image = nativeImage.createFromBitmap(trayIconPixels(connection, waiting, 16), { width: 16, height: 16 })
  image.addRepresentation({ scaleFactor: 2, width: 32, height: 32, buffer: trayIconPixels(connection, waiting, 32) })
  return image
}

/**
 * The tray (Windows) or menu-bar (macOS) icon: its colour is the connection, a white centre means
 * calls are waiting, the tooltip says both in words; its menu shows the window or the call waiting
 * longest, switches the seat's do not disturb (where the PBX has it), and quits. Only what is safe
 * from a menu: nothing here answers or hangs up a call. The
 * dock (macOS) or taskbar badge counts the calls waiting; the taskbar flashes when more come while
 * the window is in the background.
 */
export class AttentionTray {
  private tray: Tray | undefined
  private last: AttentionStatus = { connection: 'none', waiting: 0, pbx: '', dnd: null }

  constructor(
    private readonly actions: TrayActions,
    private readonly window: () => BrowserWindow | undefined,
    private readonly platform: NodeJS.Platform = process.platform,
  ) {}

  /** Creates the icon (after app ready). */
  start(): void {
    this.tray = new Tray(icon('none', false))
    this.tray.on('click', () => {
      this.actions.show()
    })
    this.render()
  }

  update(status: AttentionStatus): void {
    const more = status.waiting > this.last.waiting
    this.last = status
    this.render()
    app.setBadgeCount(status.waiting)
    if (this.platform === 'darwin') app.dock?.setBadge(status.waiting > 0 ? String(status.waiting) : '')
    const win = this.window()
    if (win === undefined || win.isDestroyed()) return
    // Flash for new calls while the operator works elsewhere; stop once nobody waits.
    if (more && !win.isFocused()) win.flashFrame(true)
    if (status.waiting === 0) win.flashFrame(false)
  }

  /** The tooltip and menu again in the console's language (after a change of language). */
  refresh(): void {
    this.render()
  }

  get status(): AttentionStatus {
    return this.last
  }

  destroy(): void {
    this.tray?.destroy()
    this.tray = undefined
  }

  private render(): void {
    const tray = this.tray
    if (tray === undefined) return
    const { connection, waiting, pbx, dnd } = this.last
    tray.setImage(icon(connection, waiting > 0))
    tray.setToolTip(trayTooltip(connection, waiting, pbx))
    tray.setContextMenu(
      Menu.buildFromTemplate([
        { label: t('tray.show'), click: this.actions.show },
        {
          label: waiting === 0 ? t('tray.noneWaiting') : t('tray.showWaiting', { waiting }),
          enabled: waiting > 0,
          click: this.actions.showWaiting,
        },
        // Only where the PBX tells the seat's DND (FreePBX or presence states): else it is not offered.
        ...(dnd === null ? [] : [{ label: t('tray.dnd'), type: 'checkbox' as const, checked: dnd, click: this.actions.toggleDnd }]),
        { type: 'separator' },
        { label: t('tray.quit'), click: this.actions.quit },
      ]),
    )
  }
}
