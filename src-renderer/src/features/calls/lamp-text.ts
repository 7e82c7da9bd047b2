/**
 * How wide a lamp's number and name are drawn, for the grid's column width (lamp-window.ts):
 * measured once per text and font on a canvas (no layout, no element per lamp), so 5,000 names cost
 * a few milliseconds once and a map look-up after. Without a canvas (a test's server render) a
 * width per character stands in.
 */

/** The fonts the tile draws its number and name in, read from the grid's computed style. */
export interface LampFonts {
  readonly number: string
  readonly name: string
}

/** A generous guess per character where nothing can measure (13 px text). */
const GUESS_PX = { number: 8, name: 7.5 } as const

let canvas: CanvasRenderingContext2D | null | undefined
const widths = new Map<string, Map<string, number>>()

function context(): CanvasRenderingContext2D | null {
  if (canvas === undefined) canvas = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d')
  return canvas
}

function measured(text: string, font: string, guessPerChar: number): number {
  const ctx = context()
  if (ctx === null || font === '') return text.length * guessPerChar
  let byText = widths.get(font)
  if (byText === undefined) {
    byText = new Map()
    widths.set(font, byText)
  }
  let px = byText.get(text)
  if (px === undefined) {
    ctx.font = font
    px = ctx.measureText(text).width
    byText.set(text, px)
  }
  return px
}

/** The tile's fonts as the grid's style gives them (`.blf-num` mono 650, `.blf-name` 560), or '' before it exists. */
export function lampFontsOf(grid: HTMLElement | null): LampFonts {
  if (grid === null) return { number: '', name: '' }
  const style = getComputedStyle(grid)
  const mono = getComputedStyle(document.documentElement).getPropertyValue('--mono').trim() || 'monospace'
  return { number: `650 ${style.fontSize} ${mono}`, name: `560 ${style.fontSize} ${style.fontFamily}` }
}

/** The widest number-and-name among the lamps, in px as drawn. */
export function widestLampText(lamps: readonly { readonly id: string }[], nameOf: (id: string) => string | undefined, fonts: LampFonts): number {
  let widest = 0
  for (const { id } of lamps) {
    const name = nameOf(id)
    const px = measured(id, fonts.number, GUESS_PX.number) + (name === undefined || name === '' ? 0 : measured(name, fonts.name, GUESS_PX.name))
    if (px > widest) widest = px
  }
  return widest
}
