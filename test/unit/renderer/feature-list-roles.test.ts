import { describe, expect, it } from 'vitest'
import { FeatureList } from '../../../src-renderer/src/app/feature-list'
import type { AddOn, CallKey, Feature } from '../../../src-renderer/src/features/feature'

const View = (): null => null
const calls: Feature = { id: 'calls', nav: { label: 'Calls', altKey: '1' }, View, shortcuts: [{ keys: 'H', does: 'Hang up' }] }
const key = (k: string, minRole?: CallKey['minRole']): CallKey => ({
  key: k,
  keys: k.toUpperCase(),
  does: `does ${k}`,
  run: () => undefined,
  ...(minRole === undefined ? {} : { minRole }),
})
const pickup: AddOn = { id: 'pickup', label: 'Directed pickup', callKeys: [key('g')] }
const supervision: AddOn = { id: 'supervision', label: 'Supervision', callKeys: [key('l', 'supervisor'), key('z', 'admin')] }
const list = new FeatureList([calls], [pickup, supervision])

describe('add-on keys that need a role', () => {
  it('are neither bound nor listed in the help for a seat below that role', () => {
    expect(list.callKeysFor('receptionist').map((k) => k.key)).toEqual(['g'])
    expect(list.helpSections('receptionist').map((s) => s.title)).toEqual(['Calls', 'Directed pickup', 'Everywhere'])
  })

  it('are bound and listed from that role on', () => {
    expect(list.callKeysFor('supervisor').map((k) => k.key)).toEqual(['g', 'l'])
    expect(list.helpSections('supervisor').find((s) => s.title === 'Supervision')?.shortcuts).toEqual([{ keys: 'L', does: 'does l' }])
    expect(list.callKeysFor('admin').map((k) => k.key)).toEqual(['g', 'l', 'z'])
  })

  it('may repeat a letter of a screen that does not bind them, never one of the screen that does', () => {
    const host: Feature = { ...calls, hostsCallKeys: true }
    const reports: Feature = { id: 'reports', nav: { label: 'Reports', altKey: '2' }, View, shortcuts: [{ keys: 'L', does: 'Last week' }] }
    expect(new FeatureList([host, reports], [supervision]).callKeysFor('admin').map((k) => k.key)).toEqual(['l', 'z'])
    expect(() => new FeatureList([host, reports], [{ id: 'x', label: 'X', callKeys: [key('h')] }])).toThrow('Two features claim the key "h"')
    // Without a screen that says it binds them, every screen's keys count (as before).
    expect(() => new FeatureList([calls, reports], [supervision])).toThrow('Two features claim the key "l"')
  })

  it('still claim their key once, whatever the role', () => {
    expect(() => new FeatureList([calls], [pickup, { id: 'other', label: 'Other', callKeys: [key('l', 'admin'), key('g')] }])).toThrow(
      'Two features claim the key "g"',
    )
  })
})
