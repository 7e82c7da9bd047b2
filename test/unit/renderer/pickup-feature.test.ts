import { describe, expect, it } from 'vitest'
import { FeatureList } from '../../../src-renderer/src/app/feature-list'
import type { AddOn, Feature } from '../../../src-renderer/src/features/feature'
import { directedPickup } from '../../../src-renderer/src/features/pickup/feature'
import { ringingExtensionsOf, ringsAt } from '../../../src-renderer/src/features/pickup/ringing-extensions'
import { emptyLiveState, type LiveCall, type LiveExtension, type LiveState } from '../../../src-preload/types/live'

const View = (): null => null
const calls: Feature = {
  id: 'calls',
  nav: { label: 'Calls', altKey: '1' },
  View,
  shortcuts: [
    { keys: 'H', does: 'Hang up' },
    { keys: 'C / X', does: 'Complete / cancel' },
    { keys: '?', does: 'Help' },
  ],
  actionWords: { 'call.hangup': 'Hang-up' },
}
const addOn = (id: string, key: string, words: Record<string, string> = {}): AddOn => ({
  id,
  label: id,
  callKeys: [{ key, keys: key.toUpperCase(), does: `${id} it`, run: () => undefined }],
  actionWords: words,
})

function ext(id: string, state: LiveExtension['state'], callIds: string[]): LiveExtension {
  return { id, context: 'from-internal', hint: `PJSIP/${id}`, state, statusText: '', callIds }
}

function stateWith(extensions: LiveExtension[]): LiveState {
  return { ...emptyLiveState(), extensions: Object.fromEntries(extensions.map((e) => [e.id, e])) }
}

const call = { id: 'demo-1.0' } as LiveCall

describe('add-on features on the calls screen', () => {
  it('directed pickup adds G on the selected call, a lamp menu entry, its help section and its action word', () => {
    const list = new FeatureList([calls], [directedPickup])
    expect(list.callKeys.map((k) => k.key)).toEqual(['g'])
    expect(list.lampActions.map((a) => a.label({ id: '104', state: 'RINGING' }))).toEqual(['Pick up 104’s call at your phone'])
    expect(list.helpSections().map((s) => s.title)).toEqual(['Calls', 'Directed pickup', 'Everywhere'])
    expect(list.actionWords['call.pickup.directed']).toBe('Directed pickup')
  })

  it('refuses an add-on key a screen already answers to, or one claimed twice', () => {
    expect(() => new FeatureList([calls], [addOn('grab', 'h')])).toThrow('Two features claim the key "h"')
    expect(() => new FeatureList([calls], [addOn('grab', 'x')])).toThrow('Two features claim the key "x"')
    expect(() => new FeatureList([calls], [addOn('a', 'g'), addOn('b', 'g')])).toThrow('Two features claim the key "g"')
    expect(() => new FeatureList([calls], [addOn('calls', 'g')])).toThrow('Two features claim the view id "calls"')
    expect(() => new FeatureList([calls], [addOn('grab', 'g', { 'call.hangup': 'Grab' })])).toThrow('Two features claim the action "call.hangup"')
  })

  it('a lamp offers the pickup only while it rings', () => {
    const offered = directedPickup.lampActions?.[0]?.offered
    expect(
      ['RINGING', 'RINGINUSE', 'NOT_INUSE', 'INUSE', 'ONHOLD', 'UNAVAILABLE'].filter((s) =>
        offered?.({ id: '104', state: s as LiveExtension['state'] }, { role: 'receptionist', readOnly: false, ownExtension: '100' }),
      ),
    ).toEqual(['RINGING', 'RINGINUSE'])
    expect(ringsAt({ state: 'BUSY' })).toBe(false)
  })

  it('names the extensions the call rings at now, not those it talks with or that ring for another call', () => {
    const state = stateWith([
      ext('104', 'RINGING', [call.id]),
      ext('110', 'RINGINUSE', ['other.1', call.id]),
      ext('101', 'INUSE', [call.id]),
      ext('105', 'RINGING', ['other.2']),
    ])
    expect(ringingExtensionsOf(call, state)).toEqual(['104', '110'])
    expect(ringingExtensionsOf(call, stateWith([ext('101', 'INUSE', [call.id])]))).toEqual([])
  })
})
