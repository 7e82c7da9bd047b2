/**
 * Electron shell, deliberately thin: app lifecycle, one hardened window, the app:// scheme, and the
 * IPC transport; the desktop's attention (notifications, tray, badge), dial links and shortcut, and
 * the window's remembered place (src-main/electron). Everything the console does lives in the
 * Electron-free core (createAppCore).
 */
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { app, BrowserWindow } from 'electron'
import { createAppCore, type AppCore } from './core/app/app-core'
import { startBuiltinDemo, type BuiltinDemo } from './core/app/builtin-demo'
import { APP_ORIGIN } from './core/security/trusted-sender'
import { installAppMenu, type MenuActions } from './electron/menu'
import { mainLanguage } from './core/i18n'
import { registerAppScheme, serveRenderer } from './electron/app-protocol'
import { openElectronStores } from './electron/electron-stores'
import { hardenApp } from './electron/hardening'
import { saveDialogSink } from './electron/save-dialog-sink'
import { restrictNewFiles } from './core/storage/private-files'
import { forwardEvents, registerIpc } from './electron/ipc-transport'
import { ElectronDesktop } from './electron/desktop'
import { dialLinkInArgv, registerDialSchemes } from './electron/dial-links'
import { bringToFront } from './electron/notifications'
import { openWindowStore } from './electron/electron-stores'
import { MIN_SIZE } from './electron/window-bounds'
import { WindowKeeper } from './electron/window-state'
import { UpdateCheck, type Updater } from './electron/updater'
import { defaultDesktopSettings, type DesktopSettings } from '../src-preload/types/attention'
import type { Settings } from '../src-preload/types/settings'

const here = fileURLToPath(new URL('.', import.meta.url))
const log = (message: string): void => {
  console.warn(`[attendant] ${message}`)
}

export function createMainWindow(core: Pick<AppCore, 'bus'>, keeper?: WindowKeeper, alwaysOnTop = false): BrowserWindow {
  // webPreferences stay an inline literal so reviewers and electronegativity see every flag.
  const win = new BrowserWindow({
    // Where it was, checked against the displays there are now; narrow enough for a side of the screen.
    ...(keeper?.bounds() ?? { width: 1400, height: 900 }),
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    alwaysOnTop,
    show: false,
    title: 'Attendant',
    webPreferences: {
      preload: join(here, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
      devTools: !app.isPackaged,
    },
  })
  keeper?.attach(win)
  forwardEvents(core, win.webContents)
  // Once the operator looks at the window, the taskbar stops flashing.
  win.on('focus', () => {
    win.flashFrame(false)
  })
  win.once('ready-to-show', () => {
    win.show()
  })
  void win.loadURL(`${APP_ORIGIN}/index.html`)
  return win
}

/**
 * electron-updater's autoUpdater, loaded on first use: the module builds its platform's updater
 * when asked (and loads Electron itself), so a console with updates off never loads it. A CommonJS
 * module: its exports are the ESM namespace's default.
 */
async function loadAutoUpdater(): Promise<Updater> {
  const { default: commonJs } = await import('electron-updater')
  return commonJs.autoUpdater
}

export async function start(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return
  }
  // Before anything is written: whatever this process creates is its user's alone.
  restrictNewFiles()
  registerAppScheme()
  let win: BrowserWindow | undefined
  const desktop = new ElectronDesktop(
    () => win,
    () => {
      app.quit()
    },
    log,
  )
  // macOS hands links over as open-url, also the one the app is launched with: listen before ready.
  app.on('open-url', (event: { preventDefault: () => void }, url: string) => {
    event.preventDefault()
    desktop.links.link(url)
  })
  await app.whenReady()

  const stores = openElectronStores(log)
  // Without a real PBX profile the console starts against the built-in demo PBX.
  const demo: BuiltinDemo | undefined =
    stores.profileStore.get('profiles') === undefined ? await startBuiltinDemo({ amiUser: 'attendant' }) : undefined
  const core = createAppCore({
    appInfo: {
      name: 'Attendant',
      version: app.getVersion(),
      platform: process.platform,
      mode: 'electron',
      demo: demo !== undefined,
      ...(demo === undefined ? {} : { demoProfileId: demo.builtin.profile.id }),
    },
    ...stores,
    exportSink: saveDialogSink,
    ...(demo === undefined ? {} : { builtinProfile: demo.builtin }),
    desktop,
    // The OS's language list (System Settings → Language & Region; Windows display languages).
    systemLocales: () => app.getPreferredSystemLanguages(),
    // Follows the admin's sealed setting from the start (off by default); Admin changes it.
    updates: new UpdateCheck({
      updater: loadAutoUpdater,
      platform: process.platform,
      isPackaged: app.isPackaged,
      resourcesPath: process.resourcesPath,
      log,
    }),
    log,
  })
  desktop.attach(core.bus, stores.auditLog)
  await core.start()
  hardenApp(log)
  serveRenderer(join(here, '../renderer'))
  registerIpc(core, log)
  const keeper = new WindowKeeper(openWindowStore(log))
  const menuActions: MenuActions = {
    zoom: (step) => {
      if (win !== undefined && !win.isDestroyed()) keeper.zoom(win, step)
    },
    // A view or the keyboard help chosen in the menu: the window (brought forward) carries it out.
    command: (command) => {
      if (win === undefined || win.isDestroyed()) return
      win.show()
      core.bus.sendTo(`ipc-${String(win.webContents.id)}`, 'menu.command', command)
    },
  }
  installAppMenu(process.platform, app.isPackaged, menuActions)
  let language = mainLanguage()
  const shown = await core.dispatch('settings.get', undefined, { clientId: 'desktop-shell', transport: 'ipc' })
  let desktopSettings: DesktopSettings = shown.ok ? shown.value.desktop : defaultDesktopSettings
  const openWindow = (): BrowserWindow => createMainWindow(core, keeper, desktopSettings.alwaysOnTop)
  win = openWindow()
  desktop.tray.start()
  registerDialSchemes(log)
  desktop.shortcut.apply(desktopSettings.dialShortcut)
  // The window's always-on-top, the dial shortcut and the language of the menu and tray follow the settings as they change.
  core.bus.register('desktop-shell', {
    send: (channel, payload) => {
      if (channel !== 'settings.changed') return
      desktopSettings = (payload as Settings).desktop
      if (win !== undefined && !win.isDestroyed()) win.setAlwaysOnTop(desktopSettings.alwaysOnTop)
      desktop.shortcut.apply(desktopSettings.dialShortcut)
      // Native menus keep the words they were built with: build them again in the new language.
      if (mainLanguage() !== language) {
        language = mainLanguage()
        installAppMenu(process.platform, app.isPackaged, menuActions)
        desktop.tray.refresh()
      }
    },
    isBackedUp: () => false,
  })
  // Launched by a link (Windows, Linux): it waits for the window, then asks the operator.
  const launchLink = dialLinkInArgv(process.argv)
  if (launchLink !== undefined) desktop.links.link(launchLink)

  // A second launch (a link clicked while Attendant runs) hands its link here and quits.
  app.on('second-instance', (_event: unknown, argv: string[]) => {
    if (win === undefined || win.isDestroyed()) win = openWindow()
    const link = dialLinkInArgv(argv)
    // The link brings the window forward with its question; without one, the window just comes.
    if (link !== undefined) desktop.links.link(link)
    else bringToFront(win)
  })
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) win = openWindow()
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('before-quit', () => {
    desktop.shortcut.dispose()
    desktop.tray.destroy()
    void core.close().then(() => demo?.stop())
  })
}

if (!process.env.VITEST) void start()
