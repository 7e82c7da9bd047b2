import { describe, expect, it } from 'vitest'
import { emptyLiveState, type LiveChannel, type LiveState } from '../../../src-preload/types/live'
import { talkingAt, talksAt } from '../../../src-renderer/src/live/talking-at'
import { liveCall } from '../../support/live-entities'

/** Only what talkingAt reads of a channel; the rest as a channel of the wire has it. */
function channel(id: string, device: string, state = 6): LiveChannel {
  return { id, device, state, name: `${device}-${id}` } as unknown as LiveChannel
}

/** 104 (PJSIP/104) called 105: the call's first channel is 104's, the second 105's. */
function state(): LiveState {
  const s = emptyLiveState()
  return {
    ...s,
    calls: { a: liveCall({ id: 'a', channelIds: ['a', 'b'] }), r: liveCall({ id: 'r', state: 'ringing', channelIds: ['r'] }) },
    channels: { a: channel('a', 'PJSIP/104'), b: channel('b', 'PJSIP/105'), r: channel('r', 'PJSIP/104', 5) },
  }
}

describe('listening from a lamp', () => {
  it('finds the call the extension’s phone talks on and names that phone’s channel, whichever side it is', () => {
    expect(talkingAt({ hint: 'PJSIP/104&Custom:DND104', callIds: ['a'] }, state())).toMatchObject({ call: { id: 'a' }, channelId: 'a' })
    expect(talkingAt({ hint: 'PJSIP/105&Custom:DND105', callIds: ['a'] }, state())).toMatchObject({ call: { id: 'a' }, channelId: 'b' })
  })

  it('finds nothing while the phone only rings, or when the calls are not in the live state yet', () => {
    expect(talkingAt({ hint: 'PJSIP/104', callIds: ['r'] }, state())).toBeUndefined()
    expect(talkingAt({ hint: 'PJSIP/104', callIds: ['gone'] }, state())).toBeUndefined()
  })

  it('offers it on a lamp that talks, not on an idle, ringing or held one', () => {
    expect(['INUSE', 'BUSY', 'RINGINUSE'].map((s) => talksAt({ state: s as 'INUSE' }))).toEqual([true, true, true])
    expect(['NOT_INUSE', 'RINGING', 'ONHOLD', 'UNAVAILABLE'].map((s) => talksAt({ state: s as 'INUSE' }))).toEqual([false, false, false, false])
  })
})
