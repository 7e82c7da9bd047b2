import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { createElement } from 'react'
import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { emptyLiveState, type LiveExtension } from '../../../src-preload/types/live'
import { BlfGrid, type LampCommands } from '../../../src-renderer/src/features/calls/BlfGrid'
import {
  LAMP_GAP_PX,
  LAMP_MAX_COLUMN_PX,
  LAMP_MIN_COLUMN_PX,
  LAMP_PITCH_PX,
  LAMP_TILE_PX,
  lampColumnPx,
  lampColumns,
  lampWindow,
  scrollToShowRow,
} from '../../../src-renderer/src/features/calls/lamp-window'
import { liveTables, useLiveStore } from '../../../src-renderer/src/stores/live-store'

/** The grid's scroll height for `count` lamps in `columns` columns, all drawn. */
const fullHeight = (count: number, columns: number): number => Math.ceil(count / columns) * LAMP_PITCH_PX - LAMP_GAP_PX

describe('the lamps drawn in the grid’s view', () => {
  it('draws the rows in view and two beside them, not 5,000 lamps', () => {
    const w = lampWindow(5000, 4, 0, 260)
    expect(w).toMatchObject({ from: 0, padTop: 0 })
    // 260 px show 5 rows (52 px each), 2 more below: 7 rows of 4.
    expect(w.to).toBe(28)
    const scrolled = lampWindow(5000, 4, 52 * 100, 260)
    expect(scrolled.from).toBe(98 * 4)
    expect(scrolled.to).toBe(107 * 4)
    expect(scrolled.to - scrolled.from).toBeLessThanOrEqual(40)
  })

  it('keeps the room of the rows not drawn, so the grid scrolls as far as with all of them', () => {
    for (const [count, columns, top] of [
      [5000, 4, 0],
      [5000, 4, 52 * 600 + 17],
      [5000, 3, 1e9],
      [7, 3, 0],
      [1, 1, 0],
    ] as const) {
      const w = lampWindow(count, columns, top, 260)
      const drawnRows = Math.ceil((w.to - w.from) / columns)
      // Spacer (pad less one gap) + gap + rows drawn + gap + spacer: the height all rows would take.
      const height = w.padTop + (drawnRows * LAMP_PITCH_PX - LAMP_GAP_PX) + w.padBottom
      expect(height).toBe(fullHeight(count, columns))
      expect(w.to).toBeLessThanOrEqual(count)
    }
  })

  it('draws the last rows when scrolled past the end, and nothing of an empty list', () => {
    const w = lampWindow(5000, 4, 1e9, 260)
    expect(w.to).toBe(5000)
    expect(w.padBottom).toBe(0)
    expect(lampWindow(0, 4, 0, 260)).toEqual({ from: 0, to: 0, padTop: 0, padBottom: 0 })
  })

  it('fits as many columns as the longest name allows, within bounds', () => {
    expect(lampColumnPx(0)).toBe(LAMP_MIN_COLUMN_PX)
    expect(lampColumnPx(10_000)).toBe(LAMP_MAX_COLUMN_PX)
    const wide = lampColumnPx(180)
    expect(wide).toBeGreaterThan(180)
    expect(lampColumns(810, 150)).toBe(5)
    expect(lampColumns(810, wide)).toBeLessThan(5)
    expect(lampColumns(100, 150)).toBe(1)
  })

  it('scrolls just enough to show a row an arrow key moved to', () => {
    expect(scrollToShowRow(0, 0, 260)).toBe(0)
    expect(scrollToShowRow(10, 0, 260)).toBe(10 * LAMP_PITCH_PX + LAMP_TILE_PX - 260)
    expect(scrollToShowRow(2, 10 * LAMP_PITCH_PX, 260)).toBe(2 * LAMP_PITCH_PX)
    expect(scrollToShowRow(11, 10 * LAMP_PITCH_PX, 260)).toBe(10 * LAMP_PITCH_PX)
  })
})

describe('the Calls view with 5,000 extensions', () => {
  it('puts a window of lamps in the page, each saying where it is in the whole list', () => {
    const extensions: Record<string, LiveExtension> = {}
    for (let i = 0; i < 5000; i++) {
      const id = String(2000 + i)
      extensions[id] = { id, context: 'ext-local', hint: `PJSIP/${id}`, state: 'NOT_INUSE', statusText: 'Idle', callIds: [] }
    }
    liveTables.replace({ ...emptyLiveState(), extensions })
    useLiveStore.setState({ state: liveTables.view() })
    const noop = (): void => undefined
    const commands: LampCommands = { dial: noop, dropCall: noop, transferSelected: noop, voicemailSelected: noop }
    const html = renderToString(createElement(BlfGrid, { commands }))
    const tiles = html.match(/class="blf-tile /g) ?? []
    expect(tiles.length).toBeGreaterThan(0)
    expect(tiles.length).toBeLessThanOrEqual(100)
    expect(html).toContain('aria-posinset="1" aria-setsize="5000"')
    expect(html).toContain('data-extension="2000"')
    expect(html).not.toContain('data-extension="6999"')
  })
})

describe('the lamps’ style sheets', () => {
  it('hold no :has() rule (re-checked at every change inside any of 5,000 lamps)', () => {
    const root = resolve(import.meta.dirname, '../../../src-renderer/src')
    const sheets = [
      ...readdirSync(join(root, 'components/lamp-presence')).map((f) => join(root, 'components/lamp-presence', f)),
      ...readdirSync(join(root, 'features/calls')).map((f) => join(root, 'features/calls', f)),
      join(root, 'features/voicemail/voicemail.css'),
      join(root, 'styles/app.css'),
    ].filter((f) => f.endsWith('.css'))
    expect(sheets.length).toBeGreaterThan(3)
    for (const sheet of sheets) {
      // Each rule's selector: what comes before its `{`, comments removed.
      const selectors = readFileSync(sheet, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .split('}')
        .map((rule) => rule.split('{')[0] ?? '')
      const lampHas = selectors.filter((s) => s.includes(':has(') && /blf|lamp|presence/.test(s))
      expect(lampHas, sheet).toEqual([])
    }
  })
})
