import { Menu, type MenuItemConstructorOptions } from 'electron'
import { VIEW_KEYS, type MenuCommand, type ViewKey } from '../../src-preload/types/views'
import { say } from '../core/i18n'
import { strings } from './strings'

const t = say(strings)

/** A screen's name in the console's language (the same words as the renderer's sidebar). */
const viewLabel = (view: ViewKey): string => t(`view.${view.id}`)

/** A zoom step: in (+1), out (−1), back to 100 % (0). */
export type ZoomStep = (step: -1 | 0 | 1) => void

export interface MenuActions {
  /** Zoom is the window keeper's (window-state.ts), not the roles', so the level is remembered. */
  readonly zoom: ZoomStep
  /** A view or the keyboard help, for the focused window to carry out (menu.command). */
  readonly command: (command: MenuCommand) => void
}

/**
 * The application menu, with the standard roles where the OS has one (macOS's app menu, Edit's
 * copy and paste — without them copy and paste do not work on macOS —, Window, Help).
 *
 * Our own items are in the console's language; the roles keep the labels the OS gives them. The
 * menu is built again when the language changes (main.ts, on settings.changed).
 *
 * View lists the screens with their Alt keys, from the same table the renderer's sidebar is checked
 * against (types/views.ts). The window switches on the physical key itself (e.code), so on Windows
 * and Linux the accelerators are only shown, not registered: one handler, whatever the keyboard
 * layout. macOS always registers a menu's key equivalents; Option+1 then reaches both the menu and
 * the window, and both show the same view, so nothing happens twice.
 */
export function menuTemplate(platform: NodeJS.Platform, isPackaged: boolean, actions: MenuActions): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin'
  const views: MenuItemConstructorOptions[] = VIEW_KEYS.map((view) => ({
    label: viewLabel(view),
    accelerator: `Alt+${view.altKey}`,
    registerAccelerator: mac,
    click: () => {
      actions.command({ kind: 'view', view: view.id })
    },
  }))
  const zoom = (label: string, accelerator: string, step: -1 | 0 | 1, visible = true): MenuItemConstructorOptions => ({
    label,
    accelerator,
    ...(visible ? {} : { visible: false, acceleratorWorksWhenHidden: true }),
    click: () => {
      actions.zoom(step)
    },
  })
  const shortcuts: MenuItemConstructorOptions = {
    label: t('menu.shortcuts'),
    click: () => {
      actions.command({ kind: 'help' })
    },
  }
  return [
    ...(mac ? [{ role: 'appMenu' as const }] : []),
    { role: 'fileMenu' },
    {
      label: t('menu.edit'),
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        ...(mac ? [{ role: 'pasteAndMatchStyle' as const }] : []),
        { role: 'delete' },
        { role: 'selectAll' },
      ],
    },
    {
      label: t('menu.view'),
      submenu: [
        ...views,
        { type: 'separator' },
        // Ctrl/Cmd + (and = on keyboards where + needs Shift), −, 0.
        zoom(t('menu.actualSize'), 'CommandOrControl+0', 0),
        zoom(t('menu.zoomIn'), 'CommandOrControl+Plus', 1),
        zoom(t('menu.zoomIn'), 'CommandOrControl+=', 1, false),
        zoom(t('menu.zoomOut'), 'CommandOrControl+-', -1),
        { type: 'separator' },
        { role: 'togglefullscreen' },
        { role: 'reload' },
        ...(isPackaged ? [] : [{ role: 'toggleDevTools' as const }]),
      ],
    },
    { role: 'windowMenu' },
    // role 'help' makes macOS add its search field; About lives in the app menu there.
    { role: 'help', submenu: mac ? [shortcuts] : [shortcuts, { type: 'separator' }, { role: 'about' }] },
  ]
}

export function installAppMenu(platform: NodeJS.Platform, isPackaged: boolean, actions: MenuActions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(platform, isPackaged, actions)))
}
