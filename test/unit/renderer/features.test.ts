import { describe, expect, it } from 'vitest'
import { settledToast } from '../../../src-renderer/src/actions/settled-toasts'
import { FeatureList } from '../../../src-renderer/src/app/feature-list'
import type { Feature } from '../../../src-renderer/src/features/feature'

const View = (): null => null
const feature = (id: string, altKey: string, more: Partial<Feature> = {}): Feature => ({ id, nav: { label: id, altKey }, View, ...more })

// The real list (features/index.ts) imports the views (TSX): the e2e tests read it through the
// sidebar (shell.test), the keyboard help (console.test) and a settled action's toast (outcome-settle.test).
const FEATURES = new FeatureList([
  feature('calls', '1', {
    nav: { label: 'Calls', altKey: '1' },
    shortcuts: [{ keys: 'H', does: 'Hang up the selected call' }],
    actionWords: { 'call.hangup': 'Hang-up' },
  }),
  feature('queues', '2', { nav: { label: 'Queues', altKey: '2' }, actionWords: { 'queue.pause': 'Queue pause', 'queue.unpause': 'Queue unpause' } }),
  feature('history', '3', { nav: { label: 'History', altKey: '3' } }),
  feature('admin', '4', { nav: { label: 'Admin', altKey: '4' } }),
  feature('settings', '5', { nav: { label: 'Settings', altKey: '5' } }),
])

describe('the shell is built from the features', () => {
  it('lists every screen in order with its Alt key, and shows the first when none is chosen', () => {
    expect(FEATURES.all.map((f) => [f.nav.label, f.nav.altKey])).toEqual([
      ['Calls', '1'],
      ['Queues', '2'],
      ['History', '3'],
      ['Admin', '4'],
      ['Settings', '5'],
    ])
    expect(FEATURES.shown(null).id).toBe('calls')
    expect(FEATURES.shown('no-such-view').id).toBe('calls')
    expect(FEATURES.shown('history').nav.label).toBe('History')
    expect(FEATURES.byAltKey('4')?.id).toBe('admin')
    expect(FEATURES.byAltKey('9')).toBeUndefined()
  })
  it('builds the keyboard help from each feature’s keys and the Alt keys of all of them', () => {
    const help = FEATURES.helpSections()
    expect(help.map((s) => s.title)).toEqual(['Calls', 'Everywhere'])
    expect(help[0]?.shortcuts).toEqual([{ keys: 'H', does: 'Hang up the selected call' }])
    expect(help[1]?.shortcuts).toEqual([
      { keys: 'Alt+1', does: 'Show Calls' },
      { keys: 'Alt+2', does: 'Show Queues' },
      { keys: 'Alt+3', does: 'Show History' },
      { keys: 'Alt+4', does: 'Show Admin' },
      { keys: 'Alt+5', does: 'Show Settings' },
    ])
    const scattered = new FeatureList([feature('a', '1', { shortcuts: [{ keys: 'K', does: 'knock' }] }), feature('b', '7')])
    const shell = { mac: true, extra: [{ keys: 'F1', does: 'Show this list of keys' }] }
    expect(scattered.helpSections('admin', shell)).toEqual([
      { title: 'a', shortcuts: [{ keys: 'K', does: 'knock' }] },
      {
        title: 'Everywhere',
        shortcuts: [
          { keys: '⌥1', does: 'Show a' },
          { keys: '⌥7', does: 'Show b' },
          { keys: 'F1', does: 'Show this list of keys' },
        ],
      },
    ])
  })

  it('finds a screen by the physical key (e.code), whatever character the layout or Option makes of it', () => {
    expect(FEATURES.byKeyCode('Digit2')?.id).toBe('queues')
    expect(FEATURES.byKeyCode('Digit5')?.id).toBe('settings')
    expect(FEATURES.byKeyCode('Digit9')).toBeUndefined()
    expect(FEATURES.byKeyCode('Numpad2')).toBeUndefined()
    // What e.key is under Option on a Mac (Alt+2 → '™') finds nothing by key; the code finds Queues.
    expect(FEATURES.byAltKey('™')).toBeUndefined()
    expect(new FeatureList([feature('p', 'p')]).byKeyCode('KeyP')?.id).toBe('p')
  })

  it('refuses two features claiming the same view id, Alt key or action name', () => {
    expect(() => new FeatureList([feature('a', '1'), feature('a', '2')])).toThrow('Two features claim the view id "a"')
    expect(() => new FeatureList([feature('a', '1'), feature('b', '1')])).toThrow('Two features claim the Alt key "1"')
    const words = { 'call.park': 'Park' }
    expect(() => new FeatureList([feature('a', '1', { actionWords: words }), feature('b', '2', { actionWords: words })])).toThrow(
      'Two features claim the action "call.park"',
    )
  })

  it('merges every feature’s action words and names a settled action by them', () => {
    expect(FEATURES.actionWords['call.hangup']).toBe('Hang-up')
    expect(FEATURES.actionWords['queue.pause']).toBe('Queue pause')
    const settled = {
      profileId: 'p',
      settleId: 's1',
      action: 'call.hangup',
      target: 'c',
      outcome: 'done',
      message: 'the call is gone from the PBX',
    } as const
    expect(settledToast(settled, FEATURES.actionWords)).toEqual({
      kind: 'ok',
      text: 'Hang-up done (after the PBX answered again): the call is gone from the PBX',
    })
    expect(settledToast({ ...settled, action: 'queue.unpause', outcome: 'not_done' }, FEATURES.actionWords).text).toMatch(/^Queue unpause not done/)
    expect(settledToast({ ...settled, action: 'call.unknown-kind', outcome: 'unknown' }, FEATURES.actionWords)).toEqual({
      kind: 'warn',
      text: 'call.unknown-kind still unknown (after the PBX answered again): the call is gone from the PBX',
    })
  })
})
