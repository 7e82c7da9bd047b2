import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type AmiEventOf, toTypedEvent, TYPED_EVENT_NAMES, type TypedEventName } from '../../../src-main/core/ami/events'
import { parseAmiBytes } from '../../../src-main/core/ami/framing'
import { AmiMessage } from '../../../src-main/core/ami/message'
import { captureNames, readCapture } from '../../support/captures'

function first<N extends TypedEventName>(capture: string, name: N, pick: (m: AmiMessage) => boolean = () => true): AmiEventOf<N> {
  const msg = parseAmiBytes(readCapture(capture)).messages.find((m) => m.event === name && pick(m))
  if (msg === undefined) throw new Error(`${name} not in ${capture}`)
  const ev = toTypedEvent(msg)
  if (ev?.event !== name) throw new Error(`${name} not typed`)
  return ev as unknown as AmiEventOf<N>
}

describe('toTypedEvent over the real captures', () => {
  it('types every event whose name is covered, and leaves the others raw', () => {
    const covered = new Set<string>(TYPED_EVENT_NAMES)
    let typed = 0
    for (const name of captureNames()) {
      for (const m of parseAmiBytes(readCapture(name)).messages) {
        const ev = toTypedEvent(m)
        if (m.event !== undefined && covered.has(m.event)) {
          expect(ev?.event).toBe(m.event)
          expect(ev?.raw).toBe(m)
          typed++
        } else {
          expect(ev).toBeUndefined()
        }
      }
    }
    expect(typed).toBeGreaterThan(3000)
  })

  it('Hangup: channel block, numeric cause, Cause-txt', () => {
    const h = first('call-two-party', 'Hangup')
    expect(h.channel?.channel).toMatch(/^Local\//)
    expect(h.channel?.uniqueid).toMatch(/^lab-/)
    expect(typeof h.cause).toBe('number')
    expect(h.causeTxt).toBe('Normal Clearing')
    expect(h.privilege).toBe('call,all')
    expect(h.systemName).toBe('lab')
  })

  it('Originate DialBegin has only the Dest block', () => {
    const d = first('call-two-party', 'DialBegin', (m) => !m.has('Channel'))
    expect(d.channel).toBeUndefined()
    expect(d.dest?.channel).toMatch(/^Local\//)
    expect(d.dialString).toBeDefined()
  })

  it('ChanVariable / DestChanVariable lines become variables (values may hold =)', () => {
    const n = first('chanvars', 'Newchannel', (m) => m.getAll('ChanVariable').length > 0)
    expect(Object.keys(n.channel?.variables ?? {})).toEqual(['LABA', 'LAB_TAG'])
    const d = first('chanvars', 'DialBegin', (m) => m.getAll('DestChanVariable').length > 0)
    expect(Object.keys(d.dest?.variables ?? {})).toEqual(['LABA', 'LAB_TAG'])
  })

  it('UnParkedCall: Parkee and Retriever blocks; parking fields typed', () => {
    const u = first('park-retrieve', 'UnParkedCall')
    expect(u.parkee?.channel).toMatch(/^Local\//)
    expect(u.retriever?.channel).toMatch(/^Local\/103@lab/)
    expect(u.parkingSpace).toBe('701')
    expect(typeof u.parkingDuration).toBe('number')
    const t = first('park-retrieve', 'ParkedCallTimeOut')
    expect(t.parkee?.context).toBe('park-dial')
    expect(t.parkee?.exten).toBe('Local_101@lab')
  })

  it('AttendedTransfer and BridgeMerge: prefixed channel and bridge blocks', () => {
    const a = first('atxfer-complete', 'AttendedTransfer')
    expect(a.result).toBe('Success')
    expect(a.origTransferer?.channel).toBeDefined()
    expect(a.transferee?.channel).toBeDefined()
    expect(a.transferTarget?.channel).toBeDefined()
    expect(a.origBridge?.uniqueid).toBe(a.destBridgeUniqueid)
    const m = first('atxfer-complete', 'BridgeMerge')
    expect(m.toBridge?.uniqueid).toBe(a.destBridgeUniqueid)
    expect(m.fromBridge?.type).toBe('basic')
    expect(typeof m.fromBridge?.numChannels).toBe('number')
  })

  it('Cdr keeps UniqueID (other casing), queue and member events have numbers', () => {
    const c = first('call-two-party', 'Cdr')
    expect(c.uniqueId).toMatch(/^lab-/)
    expect(typeof c.duration).toBe('number')
    const p = first('queue-abandon', 'QueueMemberPause', (m) => m.get('PausedReason') === 'Wrap-up: ticket #42')
    expect(p.paused).toBe(1)
    expect(p.pausedReason).toBe('Wrap-up: ticket #42')
    const ab = first('queue-abandon', 'QueueCallerAbandon')
    expect(ab.holdTime).toBe(3)
    const qp = first('queue-abandon', 'QueueParams')
    expect(typeof qp.holdtime).toBe('number')
    expect(qp.actionId).toBeDefined()
  })

  it("a member's state reads alike in QueueMemberAdded and in QueueStatus's QueueMember item", () => {
    const added = first('queue-members', 'QueueMemberAdded', (m) => m.get('MemberName') === 'Agent 103')
    expect(added).toMatchObject({ queue: 'sales', memberName: 'Agent 103', interface: 'Local/103@lab/n', ringinuse: 0 })
    expect(added).toMatchObject({ stateInterface: 'Local/103@lab', membership: 'dynamic', penalty: 2, callsTaken: 0, lastCall: 0 })
    expect(added).toMatchObject({ lastPause: 1796578296, loginTime: 1796578296, inCall: 0, status: 1, paused: 1 })
    expect(added).toMatchObject({ pausedReason: 'training', wrapuptime: 5 })
    const item = first('queue-members', 'QueueMember', (m) => m.get('ActionID') === 'qm-status-sales')
    expect(item).toMatchObject({ queue: 'sales', name: 'Local/104@lab/n', location: 'Local/104@lab/n', actionId: 'qm-status-sales' })
    expect(item).toMatchObject({ stateInterface: 'Local/104@lab/n', membership: 'dynamic', penalty: 0, loginTime: 1796578296, status: 1 })
    expect(item).toMatchObject({ paused: 0, pausedReason: '', wrapuptime: 0 })
    expect(item).not.toHaveProperty('memberName')
  })

  it('UTF-8 caller names arrive decoded in the typed form', () => {
    const n = first('utf8-callerid', 'NewCallerid')
    expect(n.channel?.callerIdName).toBe('Zoë Ångström – 東京')
  })

  it('keys are matched case-insensitively; empty numbers are undefined', () => {
    const m = AmiMessage.from([
      ['Event', 'Hangup'],
      ['CHANNEL', 'PJSIP/100-0001'],
      ['uniqueID', 'u1'],
      ['Cause', ''],
    ])
    const h = toTypedEvent(m) as AmiEventOf<'Hangup'>
    expect(h.channel?.channel).toBe('PJSIP/100-0001')
    expect(h.channel?.uniqueid).toBe('u1')
    expect(h.cause).toBeUndefined()
  })

  it('same event and size but other keys or order: the key mapping is not reused by mistake', () => {
    const bytes = Buffer.from(
      'Event: Hangup\r\nChannel: A\r\nUniqueid: u1\r\nCause: 16\r\n\r\n' +
        'Event: Hangup\r\nUniqueid: u2\r\nChannel: B\r\nCause: 17\r\n\r\n' +
        'Event: Hangup\r\nChannel: C\r\nLinkedid: l3\r\nCause: 18\r\n\r\n' +
        'Event: Hangup\r\nChannel: D\r\nUniqueid: u4\r\nCause: 19\r\n\r\n',
      'latin1',
    )
    const typed = parseAmiBytes(bytes, { expectBanner: false }).messages.map((m) => toTypedEvent(m) as AmiEventOf<'Hangup'>)
    expect(typed.map((h) => [h.channel?.channel, h.channel?.uniqueid, h.channel?.linkedid, h.cause])).toEqual([
      ['A', 'u1', undefined, 16],
      ['B', 'u2', undefined, 17],
      ['C', undefined, 'l3', 18],
      ['D', 'u4', undefined, 19],
    ])
    expect(typed[0]?.raw.keyHash).toBe(typed[3]?.raw.keyHash)
    expect(typed[0]?.raw.keyHash).not.toBe(typed[1]?.raw.keyHash)
  })

  it('unknown events and responses are not typed', () => {
    expect(toTypedEvent(AmiMessage.from([['Event', 'SomethingNew']]))).toBeUndefined()
    expect(toTypedEvent(AmiMessage.from([['Response', 'Success']]))).toBeUndefined()
  })
})

describe('number fields', () => {
  const timestampOf = (v: string): number | undefined =>
    (
      toTypedEvent(
        AmiMessage.from([
          ['Event', 'Hangup'],
          ['Timestamp', v],
          ['Cause', v],
        ]),
      ) as AmiEventOf<'Hangup'>
    ).timestamp

  it('decimals and integers read directly are exactly what Number() gives (seeded)', () => {
    const digits = fc.stringMatching(/^[0-9]{1,17}$/)
    fc.assert(
      fc.property(digits, fc.option(digits, { nil: undefined }), (int, frac) => {
        const v = frac === undefined ? int : `${int}.${frac}`
        expect(timestampOf(v)).toBe(Number(v))
      }),
      { seed: 31, numRuns: 2000 },
    )
    expect(timestampOf('1700000000.000319')).toBe(1700000000.000319)
    expect(timestampOf('9007199254740993')).toBe(Number('9007199254740993'))
  })

  it('blank, signed, exponent and malformed values', () => {
    expect(timestampOf('')).toBeUndefined()
    expect(timestampOf('   ')).toBeUndefined()
    expect(timestampOf('-1.5')).toBe(-1.5)
    expect(timestampOf('1e3')).toBe(1000)
    expect(timestampOf('.5')).toBe(0.5)
    expect(timestampOf('5.')).toBe(5)
    expect(timestampOf('1.2.3')).toBeUndefined()
    expect(timestampOf('<unknown>')).toBeUndefined()
  })
})
