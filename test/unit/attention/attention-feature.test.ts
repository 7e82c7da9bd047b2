import { describe, expect, it } from 'vitest'
import { emptyLiveState, type LiveChannel, type LiveState } from '../../../src-preload/types/live'
import { FeatureList } from '../../../src-renderer/src/app/feature-list'
import { titleWith, trayConnection } from '../../../src-renderer/src/features/attention/deliver'
import { gainOf, SOUND_TONES } from '../../../src-renderer/src/features/attention/sound'
import { whoIs } from '../../../src-renderer/src/features/attention/who-is'
import type { AddOn, Feature } from '../../../src-renderer/src/features/feature'
import { HEALTHY } from '../../../src-renderer/src/stores/live-health'

const View = (): null => null
const calls: Feature = { id: 'calls', nav: { label: 'Calls', altKey: '1' }, View }

describe('the attention add-on', () => {
  it('an add-on may keep a host mounted and add a Settings section, without a screen or a key', () => {
    // As features/attention/feature.ts declares itself (its components are TSX, outside this project's compiler).
    const addOn: AddOn = { id: 'attention', label: 'Attention', Host: View, SettingsSection: View }
    const list = new FeatureList([calls], [addOn, { id: 'pickup', label: 'Pickup' }])
    expect(list.hosts).toEqual([{ id: 'attention', Host: View }])
    expect(list.settingsSections).toEqual([{ id: 'attention', Section: View }])
    expect(list.callKeys).toEqual([])
    expect(list.all).toHaveLength(1)
  })

  it('names a number from another source first, then the live calls, then the PBX’s extensions', () => {
    const channel = { callerNum: '+4930777001', callerName: 'Grace Hopper', connectedNum: '', connectedName: '' } as LiveChannel
    const state: LiveState = {
      ...emptyLiveState(),
      channels: { a: channel },
      extensions: { '104': { id: '104', context: 'ext-local', hint: 'PJSIP/104', state: 'NOT_INUSE', statusText: 'Idle', callIds: [] } },
    }
    expect(whoIs('+49 30 777001', state)).toBe('Grace Hopper')
    expect(whoIs('104', state)).toBe('Extension 104')
    expect(whoIs('104', state, () => 'David Eze (extension 104)')).toBe('David Eze (extension 104)')
    expect(whoIs('999', state)).toBeUndefined()
  })

  it('says the connection for the tray, and counts calls waiting in the tab’s title', () => {
    const meta = (status: 'live' | 'syncing' | 'disconnected') => ({ status, syncedAt: 1, resyncs: 1 })
    expect(trayConnection(null, meta('live'), HEALTHY)).toBe('none')
    expect(trayConnection('p', meta('live'), HEALTHY)).toBe('live')
    expect(trayConnection('p', meta('syncing'), HEALTHY)).toBe('stale')
    expect(trayConnection('p', meta('disconnected'), { stale: { since: 1, reason: 'lost' }, actionsOff: 'lost' })).toBe('down')
    expect(titleWith(0)).toBe('Attendant')
    expect(titleWith(3)).toBe('(3) Attendant')
  })

  it('has three short sounds, silent at volume 0, louder on a curve', () => {
    for (const tones of Object.values(SOUND_TONES)) expect(Math.max(...tones.map((t) => t.at + t.length))).toBeLessThan(1)
    expect(gainOf(0)).toBe(0)
    expect(gainOf(50)).toBeCloseTo(0.1)
    expect(gainOf(100)).toBeCloseTo(0.4)
    expect(gainOf(250)).toBeCloseTo(0.4)
  })
})
