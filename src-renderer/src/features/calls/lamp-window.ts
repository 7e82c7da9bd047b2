/**
 * The lamps' grid draws only the rows in its scrolled view (and a few beside them): a PBX with
 * 5,000 extensions put 5,000 tiles in the page, each with its own store subscriptions, and every
 * live update restyled and laid out all of them (bench/lamps: ~97 % of the renderer's main thread
 * busy with 5 calls a second). Rows are of one fixed height (the tile's), so where each lamp sits
 * is arithmetic: no measuring per tile.
 *
 * The columns are as wide as the longest name shown needs (up to a maximum; a longer name ends in
 * an ellipsis, whole in the tooltip and the accessible name), and as many as fit.
 */

/** A tile's height and the grid's gap (styles/app.css: `.blf-tile` height, `.blf-grid` gap). */
export const LAMP_TILE_PX = 46
export const LAMP_GAP_PX = 6
export const LAMP_PITCH_PX = LAMP_TILE_PX + LAMP_GAP_PX
/** The narrowest column (a number and a short name) and the widest a long name may make it. */
export const LAMP_MIN_COLUMN_PX = 150
export const LAMP_MAX_COLUMN_PX = 280
/**
 * What a tile needs beside its number and name: borders (4 + 1), padding (2 × 8), the icon's track
 * (16) and the gaps (6 + 6), the gap between number and name (5), and a little room for the badge
 * (a note's ✎); a wider mark (DND, "2 new") may cut a long name, which the tooltip then gives whole.
 */
export const LAMP_TILE_CHROME_PX = 5 + 16 + 16 + 12 + 5 + 20
/** Rows drawn above and below the view, so a scroll of a row or two shows no gap. */
const OVERSCAN_ROWS = 2
/** What the grid assumes before it has measured itself (the first render): its CSS max-height. */
export const LAMP_DEFAULT_VIEW = { width: 1200, height: 260 } as const

/** The grid's columns for its width and the width one column needs. */
export function lampColumns(width: number, columnPx: number): number {
  return Math.max(1, Math.floor((width + LAMP_GAP_PX) / (columnPx + LAMP_GAP_PX)))
}

/** The width a column needs for the widest number and name shown (their text widths in px). */
export function lampColumnPx(widestTextPx: number): number {
  return Math.min(LAMP_MAX_COLUMN_PX, Math.max(LAMP_MIN_COLUMN_PX, Math.ceil(widestTextPx + LAMP_TILE_CHROME_PX)))
}

export interface LampWindow {
  /** The first lamp drawn and the one after the last (indexes into the lamps shown). */
  readonly from: number
  readonly to: number
  /**
   * Room for the rows not drawn above and below (each row's pitch, its gap included), so the grid
   * scrolls as if all were there: a spacer item across the grid, its height less the gap it adds.
   */
  readonly padTop: number
  readonly padBottom: number
}

/**
 * Which lamps to draw for `count` lamps in `columns` columns, the grid scrolled by `scrollTop` and
 * `height` tall: the rows in view and OVERSCAN_ROWS on each side.
 */
export function lampWindow(count: number, columns: number, scrollTop: number, height: number): LampWindow {
  const cols = Math.max(1, Math.floor(columns))
  const rows = Math.ceil(count / cols)
  const top = Math.max(0, scrollTop)
  const firstRow = Math.min(rows, Math.max(0, Math.floor(top / LAMP_PITCH_PX) - OVERSCAN_ROWS))
  const lastRow = Math.min(rows, Math.max(firstRow, Math.ceil((top + Math.max(0, height)) / LAMP_PITCH_PX) + OVERSCAN_ROWS))
  return {
    from: firstRow * cols,
    to: Math.min(count, lastRow * cols),
    padTop: firstRow * LAMP_PITCH_PX,
    padBottom: (rows - lastRow) * LAMP_PITCH_PX,
  }
}

/** The scrollTop that shows row `row` whole in a grid `height` tall now scrolled by `scrollTop` (unchanged if it is). */
export function scrollToShowRow(row: number, scrollTop: number, height: number): number {
  const top = row * LAMP_PITCH_PX
  const bottom = top + LAMP_TILE_PX
  if (top < scrollTop) return top
  if (bottom > scrollTop + height) return Math.max(0, bottom - height)
  return scrollTop
}
