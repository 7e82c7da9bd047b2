import { describe, expect, it, vi } from 'vitest'

vi.mock('electron', async () => (await import('../../support/electron-mock')).makeElectronMock())

import * as electron from 'electron'
import { MemoryKeyValueStore } from '../../../src-main/core/storage/kv'
import { installAppMenu } from '../../../src-main/electron/menu'
import { trayIconPixels, trayTooltip } from '../../../src-main/electron/tray-icon'
import { nextZoom, parseSavedWindow, restoreBounds, type DisplayArea } from '../../../src-main/electron/window-bounds'
import { WindowKeeper } from '../../../src-main/electron/window-state'

const mock = electron as unknown as ReturnType<typeof import('../../support/electron-mock').makeElectronMock>

const laptop: DisplayArea = { id: 1, workArea: { x: 0, y: 25, width: 1440, height: 875 } }
const monitorRight: DisplayArea = { id: 2, workArea: { x: 1440, y: 0, width: 2560, height: 1400 } }

describe('where the window comes back', () => {
  it('restores size, place and monitor when the monitor is still there', () => {
    const saved = { bounds: { x: 3600, y: 0, width: 400, height: 1400 }, displayId: 2, maximized: false, zoom: 0 }
    expect(restoreBounds(saved, [laptop, monitorRight])).toEqual({ x: 3600, y: 0, width: 400, height: 1400 })
  })

  it('brings a window saved on a monitor since unplugged back on the primary display, at its size', () => {
    const saved = { bounds: { x: 3600, y: 0, width: 400, height: 1400 }, displayId: 2, maximized: false, zoom: 0 }
    // Centred on the laptop, no taller than its work area.
    expect(restoreBounds(saved, [laptop])).toEqual({ x: 520, y: 25, width: 400, height: 875 })
  })

  it('pulls a window hanging over an edge inside, and ignores a sliver of title bar', () => {
    const over = { bounds: { x: 1300, y: 400, width: 400, height: 600 }, maximized: false, zoom: 0 }
    expect(restoreBounds(over, [laptop])).toEqual({ x: 1040, y: 300, width: 400, height: 600 })
    // Its title bar above the screen: it could not be dragged, so it is placed anew.
    const above = { bounds: { x: 100, y: -200, width: 400, height: 600 }, maximized: false, zoom: 0 }
    expect(restoreBounds(above, [laptop])).toEqual({ x: 520, y: 163, width: 400, height: 600 })
    // Only 40 px of it on the screen: not grabbable, so it is placed anew.
    const sliver = { bounds: { x: 1400, y: 100, width: 400, height: 600 }, maximized: false, zoom: 0 }
    expect(restoreBounds(sliver, [laptop])).toEqual({ x: 520, y: 163, width: 400, height: 600 })
  })

  it('opens centred at the default size the first time, and forgets a malformed file', () => {
    expect(restoreBounds(undefined, [monitorRight])).toEqual({ x: 1440 + 580, y: 250, width: 1400, height: 900 })
    expect(parseSavedWindow({ bounds: { x: 'a', y: 0, width: 1, height: 1 } })).toBeUndefined()
    expect(parseSavedWindow('junk')).toBeUndefined()
    expect(parseSavedWindow({ bounds: { x: 1, y: 2, width: 300, height: 400 }, zoom: 99, maximized: 'yes' })).toEqual({
      bounds: { x: 1, y: 2, width: 300, height: 400 },
      maximized: false,
      zoom: 3,
    })
    expect(restoreBounds({ bounds: { x: 0, y: 0, width: Number.NaN, height: 10 }, maximized: false, zoom: 0 }, [laptop]).width).toBe(1400)
  })

  it('zooms in half steps within −3…+3, and 0 is 100 %', () => {
    expect(nextZoom(0, 1)).toBe(0.5)
    expect(nextZoom(-0.5, -1)).toBe(-1)
    expect(nextZoom(3, 1)).toBe(3)
    expect(nextZoom(-3, -1)).toBe(-3)
    expect(nextZoom(2.5, 0)).toBe(0)
  })
})

describe('the window keeper (electron mocked)', () => {
  it('saves where the window went and its zoom, and restores both against the displays there are now', () => {
    vi.useFakeTimers()
    const kv = new MemoryKeyValueStore()
    mock.__displays.list = [laptop, monitorRight]
    const keeper = new WindowKeeper(kv)
    const win = new mock.BrowserWindow({ ...keeper.bounds() }) as any
    keeper.attach(win)
    win.bounds = { x: 3600, y: 0, width: 400, height: 1400 }
    win.emit('move')
    win.emit('resize')
    vi.advanceTimersByTime(500)
    expect(kv.get('window')).toEqual({ bounds: { x: 3600, y: 0, width: 400, height: 1400 }, displayId: 2, maximized: false, zoom: 0 })
    keeper.zoom(win, 1)
    keeper.zoom(win, 1)
    expect(win.webContents.zoomLevel).toBe(1)
    win.emit('close')
    vi.useRealTimers()

    // Next start on the same desk: the same place, the zoom applied once the page loaded.
    const again = new WindowKeeper(kv)
    expect(again.bounds()).toEqual({ x: 3600, y: 0, width: 400, height: 1400 })
    const win2 = new mock.BrowserWindow({ ...again.bounds() }) as any
    again.attach(win2)
    win2.webContents.emit('did-finish-load')
    expect(win2.webContents.zoomLevel).toBe(1)
    // Ctrl + wheel zooms too, and is remembered.
    win2.webContents.emit('zoom-changed', {}, 'out')
    expect(win2.webContents.zoomLevel).toBe(0.5)
    expect((kv.get('window') as { zoom: number }).zoom).toBe(0.5)

    // The monitor was unplugged: back on the laptop.
    mock.__displays.list = [laptop]
    expect(new WindowKeeper(kv).bounds()).toEqual({ x: 520, y: 25, width: 400, height: 875 })
  })

  it('keeps a maximised window maximised, with the size to come back to', () => {
    const kv = new MemoryKeyValueStore()
    kv.set('window', { bounds: { x: 10, y: 40, width: 800, height: 600 }, maximized: true, zoom: 0 })
    mock.__displays.list = [laptop]
    const keeper = new WindowKeeper(kv)
    const win = new mock.BrowserWindow({ ...keeper.bounds() }) as any
    keeper.attach(win)
    expect(win.maximized).toBe(true)
    win.emit('close')
    expect(kv.get('window')).toMatchObject({ bounds: { x: 10, y: 40, width: 800, height: 600 }, maximized: true })
  })

  it('zoom keys in the View menu go through the keeper (Ctrl/Cmd +, =, −, 0)', () => {
    const zoom = vi.fn()
    installAppMenu('linux', true, { zoom, command: vi.fn() })
    const template = mock.Menu.buildFromTemplate.mock.calls.at(-1)![0] as any[]
    const view = template.find((m) => m.label === 'View').submenu as any[]
    const keys = view.filter((i) => typeof i.accelerator === 'string' && i.accelerator.startsWith('CommandOrControl'))
    expect(keys.map((i) => i.accelerator)).toEqual(['CommandOrControl+0', 'CommandOrControl+Plus', 'CommandOrControl+=', 'CommandOrControl+-'])
    for (const item of keys) item.click()
    expect(zoom.mock.calls.map(([s]) => s)).toEqual([0, 1, 1, -1])
    expect(view.some((i) => i.role === 'toggleDevTools')).toBe(false)
  })
})

describe('the tray icon', () => {
  const pixel = (buf: Buffer, size: number, x: number, y: number): number[] => [...buf.subarray((y * size + x) * 4, (y * size + x) * 4 + 4)]

  it('is a dot in the connection’s colour (BGRA), transparent in the corners, white-centred while calls wait', () => {
    const live = trayIconPixels('live', false, 16)
    expect(live).toHaveLength(16 * 16 * 4)
    expect(pixel(live, 16, 8, 8)).toEqual([0x4a, 0xa3, 0x16, 255])
    expect(pixel(live, 16, 0, 0)[3]).toBe(0)
    expect(pixel(trayIconPixels('down', false, 16), 16, 8, 8)).toEqual([0x26, 0x26, 0xdc, 255])
    expect(pixel(trayIconPixels('live', true, 32), 32, 16, 16)).toEqual([255, 255, 255, 255])
    // The ring keeps the colour.
    expect(pixel(trayIconPixels('live', true, 32), 32, 16, 1).slice(0, 3)).toEqual([0x4a, 0xa3, 0x16])
  })

  it('says the state in words', () => {
    expect(trayTooltip('stale', 1, 'Office')).toBe('Attendant · Office · reconnecting · 1 call waiting')
  })
})
