// A fresh page of the Calls view on a big PBX holds a few hundred elements, not one per extension
// (issue 18: 110,651 DOM nodes and 408 s of Layout in a fresh page of bench:config's PBX, a
// renderer built before the lamps' grid drew only the rows in view). A server render is the page's
// first commit: what its first style and layout get.
import { createElement } from 'react'
import { renderToString } from 'react-dom/server'
import { afterEach, describe, expect, it } from 'vitest'
import { emptyLiveState, type LiveCall, type LiveExtension, type LiveState } from '../../../src-preload/types/live'
import { CallsView } from '../../../src-renderer/src/features/calls/CallsView'
import { callList, liveTables, shownOrder, useLiveStore } from '../../../src-renderer/src/stores/live-store'
import { liveCall } from '../../support/live-entities'

/** The office's 20 extensions (100–119) and `generated` more from 2000, as bench:config's PBX numbers them (5,000). */
const extensionIds = (generated: number): string[] => [
  ...Array.from({ length: 20 }, (_, i) => String(100 + i)),
  ...Array.from({ length: generated }, (_, i) => String(2000 + i)),
]

/**
 * `generated` extensions beside the office's and `calls` calls between them, ringing and talking by turns, their extensions' lamps
 * lit: more than bench:config's demo has up at once (30 calls a minute), so the calls list scrolls.
 */
function bigPbx(generated: number, calls: number): LiveState {
  const extensions: Record<string, LiveExtension> = {}
  for (const id of extensionIds(generated))
    extensions[id] = { id, context: 'ext-local', hint: `PJSIP/${id}`, state: 'NOT_INUSE', statusText: 'Idle', callIds: [] }
  const byId: Record<string, LiveCall> = {}
  for (let i = 0; i < calls; i++) {
    const from = String(2000 + ((i * 7) % generated))
    const to = String(2000 + ((i * 13 + 1) % generated))
    const ringing = i % 3 === 0
    const id = `call-${String(i)}`
    byId[id] = liveCall({
      id,
      direction: 'internal',
      caller: { name: `Caller ${from}`, number: from },
      callee: { name: `Callee ${to}`, number: to },
      state: ringing ? 'ringing' : 'up',
      startedAt: 1_000 * i,
      answeredAt: ringing ? undefined : 1_000 * i + 5_000,
    })
    for (const [ext, state] of [
      [from, 'INUSE'],
      [to, ringing ? 'RINGING' : 'INUSE'],
    ] as const) {
      const lamp = extensions[ext]
      if (lamp !== undefined) extensions[ext] = { ...lamp, state, statusText: state, callIds: [...lamp.callIds, id] }
    }
  }
  return { ...emptyLiveState(), meta: { ...emptyLiveState().meta, status: 'live' }, extensions, calls: byId }
}

/** What the live store holds once a snapshot of `state` was applied (as its animation frame does). */
function showSnapshot(state: LiveState): void {
  liveTables.replace(state)
  callList.reset(liveTables.tables.calls.values())
  shownOrder.listChanged(true)
  useLiveStore.setState({ profileId: 'demo', state: liveTables.view(), callsVersion: shownOrder.version })
}

/** Elements in an HTML string: its opening tags. */
const elements = (html: string): number => (html.match(/<[a-z][a-z0-9-]*[\s>/]/g) ?? []).length

afterEach(() => {
  showSnapshot(emptyLiveState())
  useLiveStore.setState({ profileId: null })
})

describe('a fresh page of the Calls view with 5,020 extensions and 300 calls', () => {
  it('holds a window of lamps and of call rows: under 1,500 elements (all lamps drawn were 45,000)', () => {
    showSnapshot(bigPbx(5000, 300))
    const html = renderToString(createElement(CallsView))
    const tiles = (html.match(/class="blf-tile[ "]/g) ?? []).length
    const rows = (html.match(/data-call-id="/g) ?? []).length
    // The view is there: lamps, the lamp of the first extension, rows of calls.
    expect(tiles).toBeGreaterThan(0)
    expect(html).toContain('data-extension="100"')
    expect(rows).toBeGreaterThan(0)
    // Bounded whatever the PBX's size: a window of each.
    expect(tiles).toBeLessThanOrEqual(100)
    expect(rows).toBeLessThanOrEqual(60)
    expect(elements(html)).toBeLessThan(1_500)
  })

  it('does not grow with the PBX: 50 times the extensions, 10 times the calls, about the same page', () => {
    showSnapshot(bigPbx(100, 30))
    const small = elements(renderToString(createElement(CallsView)))
    showSnapshot(bigPbx(5000, 300))
    const big = elements(renderToString(createElement(CallsView)))
    expect(big).toBeLessThan(small * 1.5)
  })
})
