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
    constructor(readonly opts: any) {
      super()
      windows.push({ opts, win: this })
    }
    loadURL(url: string) {
      this.loadedUrl = url
      return Promise.resolve()
    }
    show() {}
    focus() {}
    restore() {}
    isMinimized() {
      return false
    }
    isDestroyed() {
      return false
    }
  }

  const userData = mkdtempSync(join(tmpdir(), 'att-electron-'))
  const app = {
    getPath: (name: string) => (name === 'userData' ? userData : tmpdir()),
    isPackaged: false,
    getVersion: () => '0.1.0-test',
    requestSingleInstanceLock: vi.fn(() => true),
    whenReady: () => Promise.resolve(),
    quit: vi.fn(),
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
  }
  return { ...mock, default: mock }
}
