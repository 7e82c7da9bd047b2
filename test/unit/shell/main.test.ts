import { chmodSync, existsSync, mkdtempSync, mkdirSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it, vi } from 'vitest'

vi.mock('electron', async () => (await import('../../support/electron-mock')).makeElectronMock())
vi.mock('electron-store', () => ({
  default: class {
    m = new Map<string, unknown>()
    get(k: string) {
      return this.m.get(k)
    }
    set(k: string, v: unknown) {
      this.m.set(k, v)
    }
    delete(k: string) {
      this.m.delete(k)
    }
  },
}))

// electron-updater loads the real electron module, past the mock above: faked, and counted to show it is not even loaded while updates are off.
const updaterModule = vi.hoisted(() => ({ loads: 0 }))
vi.mock('electron-updater', () => {
  updaterModule.loads++
  return { autoUpdater: {}, default: { autoUpdater: {} } }
})

import * as electron from 'electron'
import { invokeChannelNames, ipcName } from '../../../src-preload/contract'
import { FakeWebContents } from '../../support/electron-mock'
import { start } from '../../../src-main/main'

const mock = electron as unknown as ReturnType<typeof import('../../support/electron-mock').makeElectronMock>

/** What an earlier version left in the user-data folder: a 0755 folder of 0644 files. */
const EARLIER_FILES = ['settings.json', 'profiles.json', 'profiles.json.corrupt-2025-01-01T00-00-00-000Z.bak', 'history.sqlite', 'audit/audit.jsonl']
const modeOf = (path: string): string => (statSync(path).mode & 0o777).toString(8)

// Before the shell starts (file-level hooks run before the describe's).
beforeAll(() => {
  const dir = mock.app.getPath('userData')
  mkdirSync(join(dir, 'audit'), { recursive: true })
  for (const f of EARLIER_FILES) writeFileSync(join(dir, f), f.endsWith('.sqlite') ? '' : '{}', { mode: 0o644 })
  for (const f of EARLIER_FILES) chmodSync(join(dir, f), 0o644)
  chmodSync(join(dir, 'audit'), 0o755)
  chmodSync(dir, 0o755)
})

describe('Electron shell (electron mocked)', () => {
  beforeAll(async () => {
    await start()
  })

  it('creates one window with a locked-down webPreferences', () => {
    expect(mock.__windows).toHaveLength(1)
    const prefs = mock.__windows[0]!.opts.webPreferences
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    })
    expect(prefs.preload).toMatch(/preload[/\\]index\.cjs$/)
    expect(mock.__windows[0]!.win.loadedUrl).toBe('app://attendant/index.html')
  })

  it('takes the single-instance lock and registers app:// as a secure standard scheme', () => {
    expect(mock.app.requestSingleInstanceLock).toHaveBeenCalled()
    expect(mock.__privileged).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }])
  })

  it('registers exactly one ipcMain handler per contract channel', () => {
    expect([...mock.__handlers.keys()].sort()).toEqual(invokeChannelNames.map(ipcName).sort())
  })

  it('answers the app frame and refuses a foreign or child frame before looking at input', async () => {
    const handler = mock.__handlers.get(ipcName('app.info'))!
    const sender = { id: 7 }
    const good = await handler({ sender, senderFrame: { url: 'app://attendant/index.html', parent: null } }, undefined)
    expect(good).toMatchObject({ ok: true, value: { mode: 'electron' } })
    for (const senderFrame of [
      { url: 'https://evil.example/', parent: null },
      { url: 'app://attendant/index.html', parent: {} },
      { url: 'data:text/html,hi', parent: null },
      { url: 'about:blank', parent: null },
      null,
    ]) {
      const bad = await handler({ sender, senderFrame }, undefined)
      expect(bad).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    }
    // Even malformed input from a foreign frame gets `forbidden`, not a schema error.
    const set = mock.__handlers.get(ipcName('settings.set'))!
    expect(await set({ sender, senderFrame: { url: 'https://x/', parent: null } }, { theme: 42 })).toMatchObject({
      error: { code: 'forbidden' },
    })
  })

  it('validates input from the trusted frame', async () => {
    const set = mock.__handlers.get(ipcName('settings.set'))!
    const frame = { sender: { id: 1 }, senderFrame: { url: 'app://attendant/', parent: null } }
    expect(await set(frame, { theme: 'neon' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(await set(frame, { theme: 'dark' })).toMatchObject({ ok: true, value: { theme: 'dark' } })
    // The change is pushed to the window.
    const contents = mock.__windows[0]!.win.webContents as FakeWebContents
    expect(contents.sent.at(-1)).toEqual([ipcName('settings.changed'), expect.objectContaining({ theme: 'dark' })])
  })

  it('starts the update check from the admin’s sealed setting: off by default, electron-updater not even loaded', async () => {
    const status = mock.__handlers.get(ipcName('updates.status'))!
    const frame = { sender: { id: 1 }, senderFrame: { url: 'app://attendant/', parent: null } }
    expect(await status(frame, undefined)).toMatchObject({
      ok: true,
      value: { available: true, settings: { enabled: false, feedUrl: null }, state: { state: 'off', reason: 'Updates are off.' }, problem: null },
    })
    expect(updaterModule.loads).toBe(0)
  })

  it('names itself to Windows with the installer’s appId, so its notifications show (not on other systems)', async () => {
    const { identifyForNotifications } = await import('../../../src-main/electron/notifications')
    const { builderConfig } = await import('../../../electron-builder.config')
    mock.app.setAppUserModelId.mockClear()
    identifyForNotifications('darwin')
    identifyForNotifications('linux')
    expect(mock.app.setAppUserModelId).not.toHaveBeenCalled()
    identifyForNotifications('win32')
    expect(mock.app.setAppUserModelId).toHaveBeenCalledWith('org.attendant.console')
    expect(builderConfig({}).appId).toBe('org.attendant.console')
  })

  it('denies navigation away from the app, new windows, webviews and permissions', () => {
    const contents = new FakeWebContents()
    mock.app.emit('web-contents-created', {}, contents)
    const nav = { preventDefault: vi.fn() }
    contents.emit('will-navigate', nav, 'https://example.org/')
    expect(nav.preventDefault).toHaveBeenCalled()
    const inApp = { preventDefault: vi.fn() }
    contents.emit('will-navigate', inApp, 'app://attendant/index.html')
    expect(inApp.preventDefault).not.toHaveBeenCalled()
    const webview = { preventDefault: vi.fn() }
    contents.emit('will-attach-webview', webview)
    expect(webview.preventDefault).toHaveBeenCalled()

    expect(contents.windowOpenHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' })
    expect(contents.windowOpenHandler!({ url: 'https://github.com/attendant' })).toEqual({ action: 'deny' })
    expect(mock.shell.openExternal).toHaveBeenCalledTimes(1)
    expect(mock.shell.openExternal).toHaveBeenCalledWith('https://github.com/attendant')

    const callback = vi.fn()
    mock.__permission.request!({}, 'media', callback)
    expect(callback).toHaveBeenCalledWith(false)
    expect(mock.__permission.check!()).toBe(false)
  })

  it.skipIf(process.platform === 'win32')(
    'keeps the user-data folder owner-only: tightens what an earlier version left, and the call history it opens is private',
    async () => {
      const dir = mock.app.getPath('userData')
      expect(modeOf(dir)).toBe('700')
      expect(modeOf(join(dir, 'audit'))).toBe('700')
      for (const f of EARLIER_FILES) expect(modeOf(join(dir, f)), f).toBe('600')
      // Everything the process creates from now on is its user's alone.
      const mask = process.umask(0o077)
      expect(mask).toBe(0o077)
      // The retention pass at start opened the call history: SQLite's -wal and -shm take the database's mode.
      await expect.poll(() => existsSync(join(dir, 'history.sqlite-wal')), { timeout: 15_000 }).toBe(true)
      for (const f of ['history.sqlite', 'history.sqlite-wal', 'history.sqlite-shm']) expect(modeOf(join(dir, f)), f).toBe('600')
    },
  )

  it('serves the renderer over app:// with the CSP header and refuses traversal', async () => {
    const root = mkdtempSync(join(tmpdir(), 'att-renderer-'))
    mkdirSync(join(root, 'assets'))
    writeFileSync(join(root, 'index.html'), '<html></html>')
    const { serveRenderer } = await import('../../../src-main/electron/app-protocol')
    serveRenderer(root)
    const handle = mock.__protocol()!
    const res = await handle(new Request('app://attendant/index.html'))
    expect(res.status).toBe(200)
    const csp = res.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("default-src 'none'")
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain("connect-src 'none'")
    expect(csp).not.toMatch(/unsafe-(eval|inline)/)
    // The URL parser folds dot segments; whatever survives must still resolve inside the root.
    const escaped = await handle(new Request('app://attendant/%2e%2e/%2e%2e/etc/passwd'))
    expect(await escaped.text()).not.toContain('root:')
    const { readStatic } = await import('../../../src-main/core/security/static-files')
    for (const path of ['/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fetc/passwd', '/a/%00']) {
      expect((await readStatic(root, path)).status).toBe(403)
    }
    expect((await handle(new Request('app://elsewhere/index.html'))).status).toBe(404)
  })
})
