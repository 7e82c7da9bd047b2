import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { vi } from 'vitest'

type Listener = (...args: any[]) => unknown

/** A tiny event emitter that records listeners so tests can fire Electron events by hand. */
class Emitter {
  readonly listeners = new Map<string, Listener[]>()
  on(name: string, fn: Listener): this {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), fn])
    return this
  }
  once(name: string, fn: Listener): this {
    return this.on(name, fn)
  }
  emit(name: string, ...args: unknown[]): void {
    for (const fn of this.listeners.get(name) ?? []) fn(...args)
  }
}

export class FakeWebContents extends Emitter {
  static nextId = 1
  readonly id = FakeWebContents.nextId++
  windowOpenHandler: Listener | null = null
  readonly sent: [string, unknown][] = []
  /** This window's own IPC (WebContents.ipc): messages it sends with ipcRenderer.send. */
  readonly ipc = new Emitter()
  destroyed = false
  zoomLevel = 0
  setZoomLevel(level: number): void {
    this.zoomLevel = level
  }
  getZoomLevel(): number {
    return this.zoomLevel
  }
  setWindowOpenHandler(fn: Listener): void {
    this.windowOpenHandler = fn
  }
  send(channel: string, payload: unknown): void {
    this.sent.push([channel, payload])
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
}

export function makeElectronMock() {
  const windows: { opts: any; win: any }[] = []
  const handlers = new Map<string, Listener>()
  const appEmitter = new Emitter()
  let protocolHandler: ((req: Request) => Promise<Response>) | null = null
  const privileged: unknown[] = []
  const permission = { request: null as Listener | null, check: null as Listener | null }

  class BrowserWindow extends Emitter {
    static getAllWindows = () => windows.map((w) => w.win)
    readonly webContents = new FakeWebContents()
    loadedUrl = ''
    focused = false
    minimized = false
    maximized = false
    alwaysOnTop: boolean
    bounds: { x: number; y: number; width: number; height: number }
    readonly flashes: boolean[] = []
    readonly calls: string[] = []
    constructor(readonly opts: any) {
      super()
      this.alwaysOnTop = opts.alwaysOnTop === true
      this.bounds = { x: opts.x ?? 0, y: opts.y ?? 0, width: opts.width ?? 800, height: opts.height ?? 600 }
      windows.push({ opts, win: this })
    }
    flashFrame(flag: boolean) {
      this.flashes.push(flag)
    }
    isFocused() {
      return this.focused
    }
    setAlwaysOnTop(flag: boolean) {
      this.alwaysOnTop = flag
    }
    maximize() {
      this.maximized = true
    }
    isMaximized() {
      return this.maximized
    }
    getNormalBounds() {
      return { ...this.bounds }
    }
    loadURL(url: string) {
      this.loadedUrl = url
      return Promise.resolve()
    }
    show() {
      this.calls.push('show')
    }
    focus() {
      this.calls.push('focus')
      this.focused = true
    }
    restore() {
      this.calls.push('restore')
      this.minimized = false
    }
    isMinimized() {
      return this.minimized
    }
    isDestroyed() {
      return false
    }
  }

  const userData = mkdtempSync(join(tmpdir(), 'att-electron-'))
  /** Native notifications shown, each with its own listeners (fire 'click' by hand). */
  const notifications: any[] = []
  class Notification extends Emitter {
    static isSupported = vi.fn(() => true)
    shown = false
    constructor(readonly opts: { title: string; body: string; silent?: boolean }) {
      super()
      notifications.push(this)
    }
    show() {
      this.shown = true
    }
  }
  const trays: any[] = []
  class Tray extends Emitter {
    image: unknown
    tooltip = ''
    menu: any[] = []
    destroyed = false
    constructor(image: unknown) {
      super()
      this.image = image
      trays.push(this)
    }
    setImage(image: unknown) {
      this.image = image
    }
    setToolTip(text: string) {
      this.tooltip = text
    }
    setContextMenu(menu: any[]) {
      this.menu = menu
    }
    destroy() {
      this.destroyed = true
    }
  }
  const nativeImage = {
    createFromBitmap: vi.fn((buffer: Buffer, size: { width: number; height: number }) => ({
      buffer,
      size,
      representations: [] as unknown[],
      addRepresentation(rep: unknown) {
        this.representations.push(rep)
      },
    })),
  }
  const shortcuts = new Map<string, () => void>()
  /** Accelerators another application holds: registering them fails, as Electron says. */
  const takenShortcuts = new Set<string>()
  const globalShortcut = {
    register: vi.fn((accelerator: string, fn: () => void) => {
      if (takenShortcuts.has(accelerator)) return false
      shortcuts.set(accelerator, fn)
      return true
    }),
    unregister: vi.fn((accelerator: string) => {
      shortcuts.delete(accelerator)
    }),
  }
  const clipboardText = { value: '' }
  const clipboard = { readText: vi.fn(() => Promise.resolve(clipboardText.value)) }
  /** The displays now (the first is the primary); tests unplug and plug monitors by replacing it. */
  const displays = {
    list: [{ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1050 } }] as {
      id: number
      workArea: { x: number; y: number; width: number; height: number }
    }[],
  }
  const screen = {
    getPrimaryDisplay: () => displays.list[0],
    getAllDisplays: () => displays.list,
    getDisplayMatching: (rect: { x: number; y: number }) =>
      displays.list.find((d) => rect.x >= d.workArea.x && rect.x < d.workArea.x + d.workArea.width) ?? displays.list[0],
  }
  const app = {
    getPath: (name: string) => (name === 'userData' ? userData : tmpdir()),
    isPackaged: false,
    getVersion: () => '0.1.0-test',
    /** The OS's language list; a test sets it to see main follow the system's language. */
    preferredSystemLanguages: ['en-GB'] as string[],
    getPreferredSystemLanguages(): string[] {
      return this.preferredSystemLanguages
    },
    requestSingleInstanceLock: vi.fn(() => true),
    whenReady: () => Promise.resolve(),
    quit: vi.fn(),
    setAsDefaultProtocolClient: vi.fn(() => true),
    setBadgeCount: vi.fn(() => true),
    setAppUserModelId: vi.fn(),
    dock: undefined as undefined | { setBadge: (text: string) => void },
    on: (name: string, fn: Listener) => appEmitter.on(name, fn),
    emit: (name: string, ...args: unknown[]) => {
      appEmitter.emit(name, ...args)
    },
  }
  const mock = {
    app,
    BrowserWindow,
    ipcMain: {
      handle: vi.fn((name: string, fn: Listener) => {
        handlers.set(name, fn)
      }),
    },
    protocol: {
      registerSchemesAsPrivileged: vi.fn((s: unknown[]) => privileged.push(...s)),
      handle: vi.fn((_scheme: string, fn: (req: Request) => Promise<Response>) => {
        protocolHandler = fn
      }),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: Listener) => {
          permission.request = fn
        },
        setPermissionCheckHandler: (fn: Listener) => {
          permission.check = fn
        },
      },
    },
    shell: { openExternal: vi.fn(() => Promise.resolve()) },
    Notification,
    Tray,
    nativeImage,
    globalShortcut,
    clipboard,
    screen,
    Menu: { buildFromTemplate: vi.fn((t: unknown) => t), setApplicationMenu: vi.fn() },
    safeStorage: {
      isEncryptionAvailable: () => true,
      encryptString: (s: string) => Buffer.from(`enc:${s}`),
      decryptString: (b: Buffer) => b.toString().slice(4),
      getSelectedStorageBackend: () => 'gnome_libsecret',
    },
    __windows: windows,
    __handlers: handlers,
    __privileged: privileged,
    __permission: permission,
    __protocol: () => protocolHandler,
    __notifications: notifications,
    __trays: trays,
    __shortcuts: shortcuts,
    __takenShortcuts: takenShortcuts,
    __clipboard: clipboardText,
    __displays: displays,
    __appListeners: appEmitter.listeners,
  }
  return { ...mock, default: mock }
}
