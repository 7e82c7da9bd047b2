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

// electron-updater would load the real electron module, past the mock above (updates are off here anyway).
vi.mock('electron-updater', () => ({ autoUpdater: {}, default: { autoUpdater: {} } }))

import * as electron from 'electron'
import { ipcName } from '../../../src-preload/contract'
import type { FakeWebContents } from '../../support/electron-mock'
import { start } from '../../../src-main/main'

const mock = electron as unknown as ReturnType<typeof import('../../support/electron-mock').makeElectronMock>

/** The app's window, as the mocked BrowserWindow records it. */
const win = (): any => mock.__windows[0]!.win
const contents = (): FakeWebContents => win().webContents as FakeWebContents
/** Calls a contract channel as the app's own window does over IPC. */
const invoke = (channel: string, input?: unknown): Promise<any> =>
  (mock.__handlers.get(ipcName(channel as never)) as (...args: unknown[]) => Promise<any>)(
    { sender: { id: contents().id }, senderFrame: { url: 'app://attendant/index.html', parent: null } },
    input,
  )
/** What main sent the window on one event channel since `from`. */
const sentOn = (channel: string, from = 0): unknown[] =>
  contents()
    .sent.slice(from)
    .filter(([c]) => c === ipcName(channel as never))
    .map(([, p]) => p)
const fire = (name: string, ...args: unknown[]): void => {
  for (const fn of mock.__appListeners.get(name) ?? []) fn(...args)
}

describe('the desktop shell’s attention, links and shortcut (electron mocked)', () => {
  beforeAll(async () => {
    // A link that reaches the app before any window could take it (macOS open-url at launch).
    const started = start()
    fire('open-url', { preventDefault: vi.fn() }, 'tel:+49%2030%20123456')
    await started
  })

  it('registers as the tel:, sip: and callto: handler and keeps one instance', () => {
    expect(mock.app.requestSingleInstanceLock).toHaveBeenCalled()
    expect((mock.app.setAsDefaultProtocolClient.mock.calls as unknown as [string][]).map(([scheme]) => scheme)).toEqual(['tel', 'sip', 'callto'])
  })

  it('hands the window the link that came before it was ready, once', async () => {
    const first = await invoke('attention.shell')
    expect(first).toMatchObject({
      ok: true,
      value: {
        desktop: true,
        shortcut: { accelerator: 'CommandOrControl+Alt+D', registered: true },
        pendingDial: { kind: 'dial', number: '+4930123456', source: 'tel' },
      },
    })
    expect((await invoke('attention.shell')).value.pendingDial).toBeNull()
  })

  it('shows a native notification, silent; a click brings the window forward and selects the call', async () => {
    win().focused = false
    win().minimized = true
    const from = contents().sent.length
    const r = await invoke('attention.notify', {
      profileId: 'demo',
      kind: 'ringing',
      title: 'Anna Berg is calling',
      body: '+4930123 · ringing at Reception',
      callId: 'lab-1.5',
    })
    expect(r).toEqual({ ok: true, value: { shown: true } })
    const n = mock.__notifications.at(-1)
    expect(n.opts).toEqual({ title: 'Anna Berg is calling', body: '+4930123 · ringing at Reception', silent: true })
    expect(n.shown).toBe(true)
    // The taskbar flashes while the operator works in another window.
    expect(win().flashes.at(-1)).toBe(true)
    n.emit('click')
    expect(win().calls.slice(-3)).toEqual(['restore', 'show', 'focus'])
    expect(sentOn('attention.activated', from)).toEqual([{ profileId: 'demo', callId: 'lab-1.5' }])
  })

  it('refuses a notification with hidden text or junk, as any contract input', async () => {
    for (const bad of [
      { profileId: 'demo', kind: 'ringing', title: 'Evil\u202Egnp.exe', body: '' },
      { profileId: 'demo', kind: 'ringing', title: 'x', body: 'line\nbreak' },
      { profileId: 'demo', kind: 'shout', title: 'x', body: '' },
      { profileId: 'demo', kind: 'ringing', title: 'x'.repeat(121), body: '' },
      { profileId: 'demo', kind: 'ringing', title: 'x', body: '', callId: 'a b' },
    ]) {
      expect(await invoke('attention.notify', bad)).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    }
  })

  it('shows the connection and the calls waiting on the tray and the badge, with safe quick actions', async () => {
    const tray = mock.__trays[0]
    expect(tray.tooltip).toBe('Attendant · no PBX set up · no calls waiting')
    win().focused = false
    win().flashes.length = 0
    await invoke('attention.status', { connection: 'live', waiting: 2, pbx: 'Office' })
    expect(tray.tooltip).toBe('Attendant · Office · connected · 2 calls waiting')
    expect(mock.app.setBadgeCount).toHaveBeenLastCalledWith(2)
    expect(win().flashes).toEqual([true])
    expect(tray.menu.map((i: any) => i.label ?? i.type)).toEqual([
      'Show Attendant',
      'Show the call waiting longest (2 waiting)',
      'separator',
      'Quit Attendant',
    ])
    const from = contents().sent.length
    tray.menu[1].click()
    expect(sentOn('attention.activated', from)).toEqual([{}])
    await invoke('attention.status', { connection: 'down', waiting: 0, pbx: 'Office' })
    expect(tray.tooltip).toBe('Attendant · Office · not connected · no calls waiting')
    expect(tray.menu[1]).toMatchObject({ label: 'No calls waiting', enabled: false })
    expect(mock.app.setBadgeCount).toHaveBeenLastCalledWith(0)
    expect(win().flashes.at(-1)).toBe(false)
    // The icon is drawn in code: 16 px with a 32 px representation for Retina menu bars.
    expect(tray.image.size).toEqual({ width: 16, height: 16 })
    expect(tray.image.representations).toEqual([expect.objectContaining({ scaleFactor: 2, width: 32, height: 32 })])
  })

  it('offers do not disturb on the tray only where the PBX tells it; the window switches it, without coming forward', async () => {
    const tray = mock.__trays[0]
    await invoke('attention.status', { connection: 'live', waiting: 0, pbx: 'Office', dnd: false })
    const item = tray.menu.find((i: any) => i.label === 'Do not disturb')
    expect(item).toMatchObject({ type: 'checkbox', checked: false })
    const from = contents().sent.length
    const calls = win().calls.length
    item.click()
    expect(sentOn('attention.trayAction', from)).toEqual([{ action: 'toggleDnd' }])
    expect(win().calls.slice(calls)).toEqual([])
    await invoke('attention.status', { connection: 'live', waiting: 0, pbx: 'Office', dnd: true })
    expect(tray.menu.find((i: any) => i.label === 'Do not disturb')).toMatchObject({ checked: true })
    await invoke('attention.status', { connection: 'live', waiting: 0, pbx: 'Office', dnd: null })
    expect(tray.menu.some((i: any) => i.label === 'Do not disturb')).toBe(false)
  })

  it('a second launch with a link hands it to the running window, which asks before dialling; junk is refused with the reason', () => {
    win().minimized = true
    const from = contents().sent.length
    const calls = win().calls.length
    fire('second-instance', {}, ['/opt/Attendant/attendant', '--flag', 'sip:105@pbx.example.com'])
    expect(win().calls.slice(calls)).toEqual(['restore', 'show', 'focus'])
    fire('second-instance', {}, ['/opt/Attendant/attendant', 'callto:javascript:alert(1)'])
    // A second launch without a link just shows the window.
    fire('second-instance', {}, ['/opt/Attendant/attendant'])
    expect(sentOn('attention.dialRequest', from)).toEqual([
      { kind: 'dial', id: expect.any(Number), number: '105', source: 'sip', from: 'sip:105@pbx.example.com' },
      {
        kind: 'refused',
        id: expect.any(Number),
        source: 'callto',
        from: 'callto:javascript:alert(1)',
        reason: expect.stringMatching(/not a phone number/),
      },
    ])
  })

  it('audits a refused link, as every refusal', async () => {
    await vi.waitFor(async () => {
      const audit = await invoke('audit.read', { limit: 50 })
      expect(audit.value).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            action: 'dial.link',
            target: 'callto:javascript:alert(1)',
            result: 'refused',
            role: 'system',
            errorCode: 'invalid_input',
          }),
        ]),
      )
    })
  })

  it('the dial shortcut dials the number in the clipboard (asked in the window), and follows the setting', async () => {
    mock.__clipboard.value = 'Tel.: (030) 123-456'
    const from = contents().sent.length
    mock.__shortcuts.get('CommandOrControl+Alt+D')!()
    await vi.waitFor(() => {
      expect(sentOn('attention.dialRequest', from)).toEqual([
        { kind: 'dial', id: expect.any(Number), number: '030123456', source: 'clipboard', from: 'Tel.: (030) 123-456' },
      ])
    })
    // Another application holds the new shortcut: the old one is released, Settings is told.
    mock.__takenShortcuts.add('Ctrl+Shift+9')
    const settings = (await invoke('settings.get')).value
    expect(await invoke('settings.set', { desktop: { ...settings.desktop, dialShortcut: 'Ctrl+Shift+9', alwaysOnTop: true } })).toMatchObject({
      ok: true,
    })
    expect(mock.__shortcuts.has('CommandOrControl+Alt+D')).toBe(false)
    expect((await invoke('attention.shell')).value.shortcut).toEqual({ accelerator: 'Ctrl+Shift+9', registered: false })
    expect(win().alwaysOnTop).toBe(true)
    // A shortcut without a real modifier never reaches globalShortcut.
    expect(await invoke('settings.set', { desktop: { ...settings.desktop, dialShortcut: 'D' } })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    })
    expect(mock.globalShortcut.register).not.toHaveBeenCalledWith('D', expect.anything())
  })
})

describe('the menu and tray follow the language setting (electron mocked)', () => {
  /** The application menu last installed: Menu.buildFromTemplate's mock hands back the template. */
  const menu = (): any[] => mock.Menu.setApplicationMenu.mock.calls.at(-1)![0] as any[]
  const labels = (items: any[]): string[] => items.map((i) => i.label ?? i.role ?? i.type)
  const viewMenu = (): any[] => menu().find((m) => m.label === 'View' || m.label === 'Ansicht' || m.label === 'Affichage').submenu

  it('builds the menu and tray again in German, in French under “system” when the OS prefers it, and in English again', async () => {
    const tray = mock.__trays[0]
    await invoke('attention.status', { connection: 'live', waiting: 3, pbx: 'Office', dnd: false })
    expect(labels(menu())).toContain('Edit')
    expect(tray.tooltip).toBe('Attendant · Office · connected · 3 calls waiting')

    expect(await invoke('settings.set', { language: 'de' })).toMatchObject({ ok: true })
    expect(labels(menu())).toEqual(['fileMenu', 'Bearbeiten', 'Ansicht', 'windowMenu', 'help'])
    expect(labels(viewMenu()).slice(0, 3)).toEqual(['Anrufe', 'Warteschlangen', 'Anrufverlauf'])
    expect(labels(viewMenu())).toEqual(expect.arrayContaining(['Originalgröße', 'Vergrößern', 'Verkleinern', 'togglefullscreen']))
    expect(menu().find((m) => m.role === 'help').submenu[0].label).toBe('Tastenkürzel')
    expect(tray.tooltip).toBe('Attendant · Office · verbunden · 3 wartende Anrufe')
    expect(labels(tray.menu)).toEqual([
      'Attendant anzeigen',
      'Am längsten wartenden Anruf zeigen (3 wartend)',
      'Nicht stören',
      'separator',
      'Attendant beenden',
    ])
    // The roles keep the labels the OS gives them: no text of ours on them.
    expect(
      menu()
        .find((m) => m.label === 'Bearbeiten')
        .submenu.every((i: any) => i.label === undefined),
    ).toBe(true)

    mock.app.preferredSystemLanguages = ['fr-CA', 'en-US']
    expect(await invoke('settings.set', { language: 'system' })).toMatchObject({ ok: true })
    expect(labels(menu())).toEqual(['fileMenu', 'Édition', 'Affichage', 'windowMenu', 'help'])
    await invoke('attention.status', { connection: 'stale', waiting: 1, pbx: 'Office', dnd: null })
    expect(tray.tooltip).toBe('Attendant · Office · reconnexion · 1 appel en attente')
    expect(tray.menu[1].label).toBe('Afficher l’appel qui attend depuis le plus longtemps (1 en attente)')

    mock.app.preferredSystemLanguages = ['en-GB']
    expect(await invoke('settings.set', { language: 'en' })).toMatchObject({ ok: true })
    expect(labels(menu())).toEqual(['fileMenu', 'Edit', 'View', 'windowMenu', 'help'])
    expect(tray.tooltip).toBe('Attendant · Office · reconnecting · 1 call waiting')
    expect(tray.menu[0].label).toBe('Show Attendant')
  })
})

describe('desktop identity and link schemes', () => {
  it('notifications on Windows carry the installer’s appId, and the app registers the schemes the installer declares', async () => {
    const { builderConfig, PROTOCOL_SCHEMES } = await import('../../../electron-builder.config')
    const { APP_USER_MODEL_ID } = await import('../../../src-main/electron/notifications')
    const { DIAL_SCHEMES } = await import('../../../src-main/electron/dial-links')
    expect(APP_USER_MODEL_ID).toBe(builderConfig({}).appId)
    expect([...DIAL_SCHEMES]).toEqual([...PROTOCOL_SCHEMES])
  })
})
