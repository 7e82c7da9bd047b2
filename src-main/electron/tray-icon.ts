import type { TrayConnection } from '../../src-preload/types/attention'
import { say } from '../core/i18n'
import { strings } from './strings'

const t = say(strings)

/** The tray dot's colour per connection state (red, green, blue). */
const COLOURS: Readonly<Record<TrayConnection, readonly [number, number, number]>> = {
  live: [0x16, 0xa3, 0x4a], // green
  stale: [0xd9, 0x77, 0x06], // amber
  down: [0xdc, 0x26, 0x26], // red
  none: [0x8a, 0x8f, 0x98], // grey
}

/**
 * A tray icon drawn in code (no image files to ship or keep in step): a filled, anti-aliased
 * dot in the connection's colour, with a white ring cut out when calls are waiting, so the state
 * reads at 16 px on light and dark menu bars alike. Raw BGRA pixels (what nativeImage.createFromBitmap
 * takes), `size` × `size`.
 */
export function trayIconPixels(connection: TrayConnection, waiting: boolean, size: number): Buffer {
  const [r, g, b] = COLOURS[connection]
  const pixels = Buffer.alloc(size * size * 4)
  const c = (size - 1) / 2
  const outer = size / 2 - 0.5
  const ring = outer * 0.55
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const d = Math.hypot(x - c, y - c)
      const coverage = Math.min(1, Math.max(0, outer - d + 0.5))
      // Waiting calls: a white centre inside the coloured ring.
      const centre = waiting ? Math.min(1, Math.max(0, ring - d + 0.5)) : 0
      const i = (y * size + x) * 4
      pixels[i] = Math.round(b + (255 - b) * centre)
      pixels[i + 1] = Math.round(g + (255 - g) * centre)
      pixels[i + 2] = Math.round(r + (255 - r) * centre)
      pixels[i + 3] = Math.round(255 * coverage)
    }
  }
  return pixels
}

/**
 * What the tray's tooltip says: the PBX, its state and the calls waiting, in words (the console's
 * language). A list of facts separated by dots, not a sentence, so its parts are translated alone.
 */
export function trayTooltip(connection: TrayConnection, waiting: number, pbx: string): string {
  const state = t(`tooltip.${connection}`)
  const calls = waiting === 0 ? t('tooltip.noneWaiting') : t('tooltipWaiting', { count: waiting })
  return `Attendant${pbx === '' ? '' : ` · ${pbx}`} · ${state} · ${calls}`
}
