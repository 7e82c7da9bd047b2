/** The call card's wait and talk times and state label: waiting is not talking; unknown is not guessed. */
import { describe, expect, it } from 'vitest'
import { callStateLabel, talkTimes } from '../../../src-renderer/src/features/calls/call-model'
import type { LiveCall } from '../../../src-preload/types/live'
import { liveCall } from '../../support/live-entities'

const call = (over: Partial<LiveCall>): LiveCall => liveCall({ startedAt: 10_000, channelIds: ['x'], ...over })

describe('talk times', () => {
  it('a line the PBX answered for an IVR or queue is waiting since the call started', () => {
    expect(talkTimes(call({ state: 'up' }))).toEqual({ kind: 'waiting', since: 10_000 })
    expect(callStateLabel(call({ state: 'up' }))).toBe('Waiting')
    expect(talkTimes(call({ state: 'queued' }))).toEqual({ kind: 'waiting', since: 10_000 })
  })

  it('once bridged with a person: waited until then, talking since', () => {
    expect(talkTimes(call({ answeredAt: 42_400 }))).toEqual({ kind: 'talking', waitedS: 32, since: 42_400 })
    expect(callStateLabel(call({ answeredAt: 42_400 }))).toBe('Talking')
  })

  it('answered before the console saw it: not known, never a made-up time', () => {
    const c = call({ unknown: ['answeredAt', 'hold'] })
    expect(talkTimes(c)).toEqual({ kind: 'unknown' })
    expect(callStateLabel(c)).toBe('Talking')
  })
})
