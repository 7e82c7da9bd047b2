import { screen, type BrowserWindow } from 'electron'
import type { KeyValueStore } from '../core/storage/kv'
import { nextZoom, parseSavedWindow, restoreBounds, type DisplayArea, type Rect, type SavedWindow } from './window-bounds'

const KEY = 'window'
/** Moves and resizes come in bursts: the file is written once they settle. */
const SAVE_AFTER_MS = 400

/** The displays now, the primary first (where a window with nowhere to go is placed). */
function displaysNow(): DisplayArea[] {
  const primary = screen.getPrimaryDisplay()
  const all = screen.getAllDisplays().filter((d) => d.id !== primary.id)
  return [primary, ...all].map((d) => ({ id: d.id, workArea: d.workArea }))
}

/**
 * Remembers the window's size, place, monitor, maximised state and zoom, and restores them checked
 * against the displays there are now (window-bounds.ts). Zoom steps (Ctrl/Cmd +, −, 0 and Ctrl +
 * wheel) go through here so the level is kept.
 */
export class WindowKeeper {
  private saved: SavedWindow | undefined
  private timer: NodeJS.Timeout | undefined

  constructor(private readonly kv: KeyValueStore) {
    this.saved = parseSavedWindow(kv.get(KEY))
  }

  /** The bounds to create the window with. */
  bounds(): Rect {
    return restoreBounds(this.saved, displaysNow())
  }

  /** Follows the window: saves its place as it moves, restores its zoom and maximised state. */
  attach(win: BrowserWindow): void {
    if (this.saved?.maximized === true) win.maximize()
    win.webContents.on('did-finish-load', () => {
      win.webContents.setZoomLevel(this.saved?.zoom ?? 0)
    })
    win.webContents.on('zoom-changed', (_event: unknown, direction: 'in' | 'out') => {
      this.zoom(win, direction === 'in' ? 1 : -1)
    })
    const later = (): void => {
      clearTimeout(this.timer)
      this.timer = setTimeout(() => {
        this.capture(win)
      }, SAVE_AFTER_MS)
    }
    for (const event of ['resize', 'move', 'maximize', 'unmaximize'] as const) win.on(event as 'resize', later)
    win.on('close', () => {
      clearTimeout(this.timer)
      this.capture(win)
    })
  }

  /** One zoom step in (+1), out (−1) or back to 100 % (0), remembered. */
  zoom(win: BrowserWindow, step: -1 | 0 | 1): void {
    const level = nextZoom(win.webContents.getZoomLevel(), step)
    win.webContents.setZoomLevel(level)
    this.save({ ...this.current(win), zoom: level })
  }

  private current(win: BrowserWindow): SavedWindow {
    const maximized = win.isMaximized()
    // A maximised window keeps the size it had before, to come back to when unmaximised.
    const bounds = maximized ? (this.saved?.bounds ?? win.getNormalBounds()) : win.getNormalBounds()
    const display = screen.getDisplayMatching(bounds)
    return { bounds, displayId: display.id, maximized, zoom: win.webContents.getZoomLevel() }
  }

  private capture(win: BrowserWindow): void {
    if (win.isDestroyed() || win.isMinimized()) return
    this.save(this.current(win))
  }

  private save(state: SavedWindow): void {
    this.saved = state
    this.kv.set(KEY, state)
  }
}
