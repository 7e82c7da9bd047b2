/**
 * A call in voicemail says so (issue 18 item 7). The console's AMI mask leaves out the dialplan
 * class, the only one that names the application a channel runs; the session filters of
 * live/voicemail-events.ts let back in app_voicemail's Newexten alone. Checked here against every
 * real capture (what Asterisk would send with those filters), then through the reducers: a message
 * being left (VoiceMail), a mailbox listened to by phone (VoiceMailMain, also when an Originate
 * runs it: no Newexten then, its OriginateResponse names it), the channel leaving voicemail, and
 * the same state rebuilt from CoreShowChannels at a resync.
 */
import { describe, expect, it } from 'vitest'
import { type AmiTypedEvent, toTypedEvent } from '../../../src-main/core/ami/events'
import { AmiMessage, type AmiFieldsInput } from '../../../src-main/core/ami/message'
import { emptyLiveModel, type LiveModel } from '../../../src-main/core/live/model'
import { reduceAll } from '../../../src-main/core/live/reduce'
import { fromSnapshots } from '../../../src-main/core/live/snapshots'
import { voicemailEventFilters } from '../../../src-main/core/live/voicemail-events'
import type { LiveCall } from '../../../src-preload/types/live'
import { captureNames, readCapture } from '../../support/captures'
import { liveEvents } from './support'

/** The mask ProfileRuntime logs in with. */
const MASK = 'call,agent,user,cdr,reporting,system'
const { filters, events } = voicemailEventFilters(MASK)
// Asterisk compiles them with regcomp(REG_EXTENDED) and no REG_NEWLINE: `.` crosses line ends
// (JavaScript's `s` flag); for these patterns a match is a match in either engine.
const compiled = filters.map((f) => new RegExp(f, 's'))
const passes = (eventText: string): boolean => compiled.some((re) => re.test(eventText))

/** Each unsolicited event of a capture as Asterisk's filters see it: `Event: …\r\nPrivilege: …\r\n…`. */
function unsolicited(name: string): string[] {
  return readCapture(name)
    .toString('latin1')
    .split('\r\n\r\n')
    .map((block) => block.replace(/^(\r\n)+/, ''))
    .filter((block) => /^Event: [^\r]+\r\nPrivilege: /.test(block))
    .map((block) => `${block}\r\n`)
}

const field = (text: string, key: string): string => new RegExp(`\\r\\n${key}: ([^\\r]*)`).exec(text)?.[1] ?? ''

function onlyCall(m: LiveModel): LiveCall {
  const calls = Object.values(m.calls)
  expect(calls).toHaveLength(1)
  return calls[0] as LiveCall
}

function ev(fields: AmiFieldsInput): AmiTypedEvent {
  const e = toTypedEvent(AmiMessage.from(fields))
  if (e === undefined) throw new Error('not a typed event')
  return e
}

function channelBlock(name: string, uniqueid: string, state: number, exten: string): Array<[string, string]> {
  return [
    ['Channel', name],
    ['ChannelState', String(state)],
    ['ChannelStateDesc', state === 6 ? 'Up' : state === 5 ? 'Ringing' : 'Down'],
    ['CallerIDNum', '105'],
    ['CallerIDName', 'Voicemail 105'],
    ['ConnectedLineNum', '<unknown>'],
    ['ConnectedLineName', '<unknown>'],
    ['Language', 'en'],
    ['AccountCode', ''],
    ['Context', 'from-internal'],
    ['Exten', exten],
    ['Priority', '1'],
    ['Uniqueid', uniqueid],
    ['Linkedid', uniqueid],
  ]
}

describe('the session filters, against every real capture', () => {
  it('let through every event of the login mask and, of the dialplan class, only Newexten into app_voicemail', () => {
    const base = new Set(MASK.split(','))
    let voicemailNewexten = 0
    let dialplanDropped = 0
    for (const name of captureNames()) {
      for (const text of unsolicited(name)) {
        const firstClass = field(text, 'Privilege').split(',')[0] ?? ''
        const event = /^Event: ([^\r]+)/.exec(text)?.[1]
        const intoVoicemail = event === 'Newexten' && /^VoiceMail(Main)?$/.test(field(text, 'Application'))
        const wanted = base.has(firstClass) || intoVoicemail
        expect({ name, event, passes: passes(text) }).toEqual({ name, event, passes: wanted })
        if (intoVoicemail) voicemailNewexten++
        if (firstClass === 'dialplan' && !intoVoicemail) dialplanDropped++
      }
    }
    // voicemail.raw's VoiceMail(101@default,s); the hundreds of other Newexten and VarSet stay home.
    expect(voicemailNewexten).toBe(1)
    expect(dialplanDropped).toBeGreaterThan(500)
    expect(events).toBe(`${MASK},dialplan`)
  })

  it('are built from the mask the console logs in with, never from nothing', () => {
    expect(voicemailEventFilters('call, agent').filters[0]).toBe('^Event: [^ ]+Privilege: (call|agent),')
    expect(() => voicemailEventFilters('dialplan')).toThrow()
  })
})

describe('a message being left (voicemail.raw, as the filtered session receives it)', () => {
  // What reaches the console: the mask's classes plus Newexten into app_voicemail.
  const delivered = liveEvents('voicemail').filter(
    (e) => e.privilege?.startsWith('dialplan') !== true || (e.event === 'Newexten' && e.application === 'VoiceMail'),
  )

  it('is in voicemail, leaving a message for 101, from that Newexten until the hangup', () => {
    const before = reduceAll(
      emptyLiveModel(),
      delivered.slice(
        0,
        delivered.findIndex((e) => e.event === 'Newexten'),
      ),
      1000,
    )
    expect(onlyCall(before).target?.kind).not.toBe('voicemail')
    const inVoicemail = reduceAll(
      before,
      delivered.slice(delivered.findIndex((e) => e.event === 'Newexten')).filter((e) => e.event === 'Newexten'),
      2000,
    )
    const call = onlyCall(inVoicemail)
    expect(call.target).toEqual({ kind: 'voicemail', voicemail: 'leave', parties: [{ number: '101', name: '' }], since: 2000 })
    expect(call.callee.number).toBe('101')
    expect(call.state).toBe('up')
  })

  it('is not seen at all without the filters: the narrow mask never carries the Newexten', () => {
    const narrow = liveEvents('voicemail').filter((e) => e.privilege?.startsWith('dialplan') !== true)
    const m = reduceAll(
      emptyLiveModel(),
      narrow.slice(
        0,
        narrow.findIndex((e) => e.event === 'Cdr'),
      ),
      1000,
    )
    expect(onlyCall(m).target?.kind).not.toBe('voicemail')
  })
})

describe('listening to a mailbox by phone (VoiceMailMain)', () => {
  const ringing = ev([['Event', 'Newchannel'], ['Privilege', 'call,all'], ...channelBlock('PJSIP/100-0000002a', 'demo-1.40', 0, 's')])
  const up = ev([['Event', 'Newstate'], ['Privilege', 'call,all'], ...channelBlock('PJSIP/100-0000002a', 'demo-1.40', 6, 's')])

  it('an Originate into VoiceMailMain is named by its OriginateResponse (no Newexten for an application run outside the dialplan)', () => {
    const answered = ev([
      ['Event', 'OriginateResponse'],
      ['Privilege', 'call,all'],
      ['ActionID', 'att-1'],
      ['Response', 'Success'],
      ['Channel', 'PJSIP/100-0000002a'],
      ['Application', 'VoiceMailMain'],
      ['Data', '105@default,s'],
      ['Reason', '4'],
      ['Uniqueid', 'demo-1.40'],
      ['CallerIDNum', '105'],
      ['CallerIDName', 'Voicemail 105'],
    ])
    const m = reduceAll(emptyLiveModel(), [ringing, up, answered], 5000)
    expect(onlyCall(m).target).toEqual({ kind: 'voicemail', voicemail: 'listen', parties: [{ number: '105', name: '' }], since: 5000 })
    // A failed answer's Uniqueid may be another channel's: it names nothing.
    const failed = reduceAll(
      emptyLiveModel(),
      [ringing, up, ev([...answered.raw.fields()].map(([k, v]): [string, string] => [k, k === 'Response' ? 'Failure' : v]))],
      5000,
    )
    expect(onlyCall(failed).target?.kind).not.toBe('voicemail')
  })

  it('a phone dialling its mailbox (FreePBX *97) shows the Newexten, and *98 without a mailbox is still voicemail', () => {
    const main = (data: string): AmiTypedEvent =>
      ev([
        ['Event', 'Newexten'],
        ['Privilege', 'dialplan,all'],
        ...channelBlock('PJSIP/100-0000002a', 'demo-1.40', 6, '*97'),
        ['Extension', '*97'],
        ['Application', 'VoiceMailMain'],
        ['AppData', data],
      ])
    expect(onlyCall(reduceAll(emptyLiveModel(), [ringing, up, main('100@default')], 1)).target).toMatchObject({
      voicemail: 'listen',
      parties: [{ number: '100' }],
    })
    expect(onlyCall(reduceAll(emptyLiveModel(), [ringing, up, main('')], 1)).target).toMatchObject({
      kind: 'voicemail',
      voicemail: 'listen',
      parties: [],
    })
  })
})

describe('leaving voicemail', () => {
  const inVoicemail = [
    ev([['Event', 'Newchannel'], ['Privilege', 'call,all'], ...channelBlock('PJSIP/trunk-00000001', 'demo-2.1', 6, '4930555000')]),
    ev([
      ['Event', 'Newexten'],
      ['Privilege', 'dialplan,all'],
      ...channelBlock('PJSIP/trunk-00000001', 'demo-2.1', 6, 'vmu105'),
      ['Extension', 'vmu105'],
      ['Application', 'VoiceMail'],
      ['AppData', '105@default,u'],
    ]),
  ]

  it('the filtered session sees no next application: dialling out (0 for the operator) or entering a bridge ends it', () => {
    expect(onlyCall(reduceAll(emptyLiveModel(), inVoicemail, 1)).target?.kind).toBe('voicemail')
    const dial = ev([
      ['Event', 'DialBegin'],
      ['Privilege', 'call,all'],
      ...channelBlock('PJSIP/trunk-00000001', 'demo-2.1', 6, 'o'),
      ['DialString', '100'],
    ])
    expect(reduceAll(emptyLiveModel(), [...inVoicemail, dial], 2).channels['demo-2.1']?.voicemail).toBeUndefined()
    const bridged = ev([
      ['Event', 'BridgeEnter'],
      ['Privilege', 'call,all'],
      ['BridgeUniqueid', 'b1'],
      ['BridgeType', 'basic'],
      ['BridgeTechnology', 'simple_bridge'],
      ['BridgeCreator', '<unknown>'],
      ['BridgeName', '<unknown>'],
      ['BridgeNumChannels', '1'],
      ...channelBlock('PJSIP/trunk-00000001', 'demo-2.1', 6, 'o'),
    ])
    expect(reduceAll(emptyLiveModel(), [...inVoicemail, bridged], 2).channels['demo-2.1']?.voicemail).toBeUndefined()
  })
})

describe('a resync', () => {
  it('rebuilds the voicemail state from CoreShowChannels’ Application, listening or leaving', () => {
    const item = (uniqueid: string, app: string, data: string): AmiMessage =>
      AmiMessage.from([
        ['Event', 'CoreShowChannel'],
        ['ActionID', 'att-9'],
        ...channelBlock(`PJSIP/10${uniqueid.slice(-1)}-0000000${uniqueid.slice(-1)}`, uniqueid, 6, 's'),
        ['Application', app],
        ['ApplicationData', data],
        ['Duration', '00:00:12'],
        ['BridgeId', ''],
      ])
    const m = fromSnapshots(
      {
        coreShowChannels: [item('demo-3.1', 'VoiceMailMain', '105@default,s'), item('demo-3.2', 'VoiceMail', '106@default,u')],
        bridgeList: [],
        extensionStateList: [],
        queueStatus: [],
        parkedCalls: [],
      },
      100_000,
    )
    const targets = Object.values(m.calls)
      .map((c) => c.target)
      .sort((a, b) => (a?.voicemail ?? '').localeCompare(b?.voicemail ?? ''))
    expect(targets).toEqual([
      { kind: 'voicemail', voicemail: 'leave', parties: [{ number: '106', name: '' }], since: undefined },
      { kind: 'voicemail', voicemail: 'listen', parties: [{ number: '105', name: '' }], since: undefined },
    ])
  })
})
