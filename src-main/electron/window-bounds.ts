/**
 * Where the window comes back: pure geometry, so the rule is tested without Electron. A window is
 * restored where it was (size, position, monitor) only if enough of it is on a display that exists
 * now; one saved on a monitor since unplugged, or off every screen, comes back centred on the
 * primary display at its saved size (never larger than that display).
 */
export interface Rect {
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
}

export interface DisplayArea {
  readonly id: number
  /** The display's area without the taskbar, dock and menu bar. */
  readonly workArea: Rect
}

/** What is remembered of the window. */
export interface SavedWindow {
  readonly bounds: Rect
  readonly displayId?: number
  readonly maximized: boolean
  /** Electron zoom level (0 = 100 %, each step ±0.5). */
  readonly zoom: number
}

export const DEFAULT_SIZE = { width: 1400, height: 900 } as const
/** Narrow enough for a strip beside other work (the compact layout takes over below 760 px). */
export const MIN_SIZE = { width: 360, height: 480 } as const
export const ZOOM_RANGE = { min: -3, max: 3, step: 0.5 } as const
/** How much of the title bar must be visible on one display for the window to be grabbable there. */
const MIN_VISIBLE = { width: 120, height: 40 } as const

function overlap(a: Rect, b: Rect): Rect | undefined {
  const x = Math.max(a.x, b.x)
  const y = Math.max(a.y, b.y)
  const right = Math.min(a.x + a.width, b.x + b.width)
  const bottom = Math.min(a.y + a.height, b.y + b.height)
  return right > x && bottom > y ? { x, y, width: right - x, height: bottom - y } : undefined
}

const clampSize = (size: { width: number; height: number }, area: Rect): { width: number; height: number } => ({
  width: Math.max(Math.min(MIN_SIZE.width, area.width), Math.min(Math.round(size.width), area.width)),
  height: Math.max(Math.min(MIN_SIZE.height, area.height), Math.min(Math.round(size.height), area.height)),
})

function centredOn(area: Rect, size: { width: number; height: number }): Rect {
  const { width, height } = clampSize(size, area)
  return { x: area.x + Math.round((area.width - width) / 2), y: area.y + Math.round((area.height - height) / 2), width, height }
}

const finite = (r: Rect): boolean => [r.x, r.y, r.width, r.height].every(Number.isFinite) && r.width > 0 && r.height > 0

/**
 * The bounds to open the window with. `displays[0]` is the primary display. The saved window is
 * kept on the display that shows most of its title bar, moved inside that display's work area if
 * it hangs over an edge; otherwise centred on the primary display.
 */
export function restoreBounds(saved: SavedWindow | undefined, displays: readonly DisplayArea[]): Rect {
  const primary = displays[0]?.workArea ?? { x: 0, y: 0, ...DEFAULT_SIZE }
  if (saved === undefined || !finite(saved.bounds)) return centredOn(primary, DEFAULT_SIZE)
  const titleBar: Rect = { ...saved.bounds, height: Math.min(saved.bounds.height, MIN_VISIBLE.height) }
  let best: { area: Rect; visible: number } | undefined
  for (const d of displays) {
    const seen = overlap(titleBar, d.workArea)
    const visible = seen === undefined ? 0 : seen.width * seen.height
    if (seen !== undefined && seen.width >= MIN_VISIBLE.width && visible > (best?.visible ?? 0)) best = { area: d.workArea, visible }
  }
  if (best === undefined) return centredOn(primary, saved.bounds)
  const area = best.area
  const { width, height } = clampSize(saved.bounds, area)
  const x = Math.min(Math.max(Math.round(saved.bounds.x), area.x), area.x + area.width - width)
  const y = Math.min(Math.max(Math.round(saved.bounds.y), area.y), area.y + area.height - height)
  return { x, y, width, height }
}

/** A zoom level after a step (+1 in, −1 out, 0 back to 100 %), within the range. */
export function nextZoom(level: number, step: -1 | 0 | 1): number {
  if (step === 0) return 0
  const next = Math.round((level + step * ZOOM_RANGE.step) * 2) / 2
  return Math.min(ZOOM_RANGE.max, Math.max(ZOOM_RANGE.min, next))
}

/** A remembered window read back from disk: anything malformed is forgotten, never trusted. */
export function parseSavedWindow(value: unknown): SavedWindow | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const v = value as Record<string, unknown>
  const b = v.bounds as Record<string, unknown> | undefined
  const num = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n)
  if (b === undefined || typeof b !== 'object' || !num(b.x) || !num(b.y) || !num(b.width) || !num(b.height)) return undefined
  return {
    bounds: { x: b.x, y: b.y, width: b.width, height: b.height },
    ...(num(v.displayId) ? { displayId: v.displayId } : {}),
    maximized: v.maximized === true,
    zoom: num(v.zoom) ? Math.min(ZOOM_RANGE.max, Math.max(ZOOM_RANGE.min, v.zoom)) : 0,
  }
}
