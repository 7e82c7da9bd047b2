/**
 * How the calls list and the card word who the caller is with and the way the call took: the
 * With column and the card's target line, the Path, the state label (an IVR- or queue-answered
 * caller is Waiting, a caller in a mailbox is Voicemail), and the timers after a transfer (ringing
 * the next party is not talking).
 */
import { describe, expect, it } from 'vitest'
import {
  callStateLabel,
  routeSteps,
  rowTimerSince,
  stepText,
  talkTimes,
  targetText,
  viaText,
} from '../../../src-renderer/src/features/calls/call-model'
import { talkingTo } from '../../../src-renderer/src/features/calls/blf-model'
import type { LiveCall } from '../../../src-preload/types/live'
import { liveCall } from '../../support/live-entities'

const call = (over: Partial<LiveCall>): LiveCall =>
  liveCall({
    caller: { name: 'Anna Außen', number: '+4989111222' },
    callee: { name: '', number: '4930555000' },
    startedAt: 10_000,
    trunk: 'trunk',
    channelIds: ['x'],
    ...over,
  })

const path = [
  { kind: 'did', number: '4930555000', name: '' },
  { kind: 'queue', number: 'support', name: '' },
  { kind: 'party', number: '101', name: 'Anna Berger' },
] as const

describe('who the caller is with', () => {
  it('talking: "Talking with 101 Anna Berger"; held: "Held by"', () => {
    const c = call({ answeredAt: 20_000, target: { kind: 'talking', parties: [{ number: '101', name: 'Anna Berger' }], since: 20_000 }, path })
    expect(targetText(c)).toEqual({ term: 'Talking with', text: '101 Anna Berger' })
    expect(targetText({ ...c, state: 'hold' })?.term).toBe('Held by')
  })

  it('ringing every phone of a group; a voicemail says whose; a parked call its space', () => {
    expect(
      targetText(
        call({
          state: 'ringing',
          target: {
            kind: 'ringing',
            parties: [
              { number: '101', name: 'Anna Berger' },
              { number: '102', name: '' },
            ],
            since: 1,
          },
        }),
      ),
    ).toEqual({ term: 'Ringing', text: '101 Anna Berger, 102' })
    const vm = call({ target: { kind: 'voicemail', parties: [{ number: '105', name: 'Eva Fischer' }], since: 1, voicemail: 'leave' } })
    expect(targetText(vm)).toEqual({ term: 'Voicemail', text: 'Leaving a message for Eva Fischer (105)' })
    expect(callStateLabel(vm)).toBe('Voicemail')
    // Someone listening to a mailbox by phone (VoiceMailMain), named or asked for by the PBX.
    const listen = call({
      state: 'up',
      target: { kind: 'voicemail', parties: [{ number: '105', name: 'Eva Fischer' }], since: 1, voicemail: 'listen' },
    })
    expect(targetText(listen)).toEqual({ term: 'Voicemail', text: 'Listening to the voicemail of Eva Fischer (105)' })
    expect(callStateLabel(listen)).toBe('Voicemail')
    expect(targetText(call({ target: { kind: 'voicemail', parties: [], since: 1, voicemail: 'listen' } }))?.text).toBe('Listening to voicemail')
    expect(targetText(call({ state: 'parked', target: { kind: 'parked', parties: [{ number: '701', name: '' }], since: 1 } }))).toEqual({
      term: 'Parked',
      text: 'Space 701',
    })
  })
})

describe('a lamp in a call to voicemail', () => {
  it('says what its phone does there instead of naming the mailbox’s owner as a talk', () => {
    const eva = { number: '105', name: 'Eva Fischer' }
    // 105 dials *97 for her own messages: the call's caller and "callee" are both 105.
    const own = call({ id: 'own', caller: eva, callee: eva, target: { kind: 'voicemail', parties: [eva], since: 1, voicemail: 'listen' } })
    // 100 rang 105 unanswered and now leaves her a message.
    const msg = call({
      id: 'msg',
      caller: { number: '100', name: 'Reception' },
      callee: eva,
      target: { kind: 'voicemail', parties: [eva], since: 1, voicemail: 'leave' },
    })
    const calls = new Map([own, msg].map((c) => [c.id, c]))
    expect(talkingTo({ id: '105', callIds: ['own'], callCount: 1 }, calls)).toBe('Listening: Eva Fischer (105)')
    expect(talkingTo({ id: '100', callIds: ['msg'], callCount: 1 }, calls)).toBe('Message for Eva Fischer (105)')
  })
})

describe('the path', () => {
  it('reads DID → queue → party; the Via column leaves out where the caller is now', () => {
    const c = call({ answeredAt: 20_000, target: { kind: 'talking', parties: [{ number: '101', name: 'Anna Berger' }], since: 20_000 }, path })
    expect(routeSteps(c).map(stepText)).toEqual(['4930555000', 'Queue support', '101 Anna Berger'])
    expect(viaText(c)).toBe('4930555000 → Queue support')
    // Transferred to 104 and ringing there: the row shows where it came from, 101 included.
    const moved = {
      ...c,
      state: 'ringing' as const,
      target: { kind: 'ringing' as const, parties: [{ number: '104', name: 'David Eze' }], since: 50_000 },
    }
    expect(viaText(moved)).toBe('4930555000 → Queue support → 101 Anna Berger')
  })

  it('a call with no path from main still shows its DID, ring group and queue; else its trunk', () => {
    expect(routeSteps(call({ did: '4930555100', ringGroup: '600' })).map(stepText)).toEqual(['4930555100', 'Ring group 600'])
    expect(viaText(call({}))).toBe('Trunk')
    expect(viaText(call({ trunk: 'carrier' }))).toBe('Trunk carrier')
    expect(stepText({ kind: 'voicemail', number: '105', name: '' })).toBe('Voicemail of 105')
    expect(stepText({ kind: 'parked', number: '701', name: '' })).toBe('Parked 701')
  })
})

describe('labels and timers', () => {
  it('a caller the PBX answered for a queue or IVR is Waiting, bridged with a person Talking', () => {
    expect(callStateLabel(call({ state: 'up' }))).toBe('Waiting')
    expect(callStateLabel(call({ state: 'up', answeredAt: 20_000 }))).toBe('Talking')
    expect(rowTimerSince(call({ state: 'up' }))).toBe(10_000)
  })

  it('after a blind transfer the call rings the next party: Ringing since then, never "Talking" at once', () => {
    const c = call({ state: 'ringing', answeredAt: 20_000, target: { kind: 'ringing', parties: [{ number: '104', name: '' }], since: 50_000 } })
    expect(callStateLabel(c)).toBe('Ringing')
    expect(talkTimes(c)).toEqual({ kind: 'ringing', waitedS: 10, since: 50_000 })
    expect(rowTimerSince(c)).toBe(50_000)
    // A first ring counts from the start of the call (the caller's wait).
    expect(rowTimerSince(call({ state: 'ringing', target: { kind: 'ringing', parties: [{ number: '100', name: '' }], since: 12_000 } }))).toBe(10_000)
  })
})
