/**
 * Electron shell, deliberately thin: app lifecycle, one hardened window, the app:// scheme, and the
 * IPC transport. Everything the console does lives in the Electron-free core (createAppCore).
 */
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { app, BrowserWindow } from 'electron'
import { createAppCore, type AppCore } from './core/app/app-core'
import { startBuiltinDemo, type BuiltinDemo } from './core/app/builtin-demo'
import { APP_ORIGIN } from './core/security/trusted-sender'
import { installAppMenu } from './electron/app-menu'
import { registerAppScheme, serveRenderer } from './electron/app-protocol'
import { openElectronStores } from './electron/electron-stores'
import { hardenApp } from './electron/hardening'
import { saveDialogSink } from './electron/save-dialog-sink'
import { restrictNewFiles } from './core/storage/private-files'
import { forwardEvents, registerIpc } from './electron/ipc-transport'

const here = fileURLToPath(new URL('.', import.meta.url))
const log = (message: string): void => {
  console.warn(`[attendant] ${message}`)
}

export function createMainWindow(core: Pick<AppCore, 'bus'>): BrowserWindow {
  // webPreferences stay an inline literal so reviewers and electronegativity see every flag.
  const win = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 900,
    minHeight: 600,
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
  forwardEvents(core, win.webContents)
  win.once('ready-to-show', () => {
    win.show()
  })
  void win.loadURL(`${APP_ORIGIN}/index.html`)
  return win
}

export async function start(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return
  }
  // Before anything is written: whatever this process creates is its user's alone.
  restrictNewFiles()
  registerAppScheme()
  await app.whenReady()

  const stores = openElectronStores(log)
  // Without a real PBX profile the console starts against the built-in demo PBX.
  const demo: BuiltinDemo | undefined = stores.profileStore.get('profiles') === undefined ? await startBuiltinDemo() : undefined
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
    log,
  })
  await core.start()
  hardenApp(log)
  serveRenderer(join(here, '../renderer'))
  registerIpc(core, log)
  installAppMenu(process.platform, app.isPackaged)
  let win = createMainWindow(core)

  app.on('second-instance', () => {
    if (win.isDestroyed()) win = createMainWindow(core)
    if (win.isMinimized()) win.restore()
    win.focus()
  })
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) win = createMainWindow(core)
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('before-quit', () => {
    void core.close().then(() => demo?.stop())
  })
}

if (!process.env.VITEST) void start()
