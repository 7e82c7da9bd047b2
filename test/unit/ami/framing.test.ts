import { describe, expect, it } from 'vitest'
import { AmiFramer, parseAmiBytes } from '../../../src-main/core/ami/framing'
import type { AmiMessage } from '../../../src-main/core/ami/message'
import { captureNames, readCapture } from '../../support/captures'
import { mulberry32 } from '../../support/random'
import { bytewise, parseChunks, randomChunks } from './support'

const b = (s: string): Buffer => Buffer.from(s, 'latin1')

describe('framing: every real capture, any split', () => {
  for (const name of captureNames()) {
    it(`${name}: one chunk = byte by byte = seeded random chunks`, () => {
      const bytes = readCapture(name)
      const whole = parseChunks([bytes])
      expect(whole.errors).toBe(0)
      expect(whole.truncated).toBe(false)
      expect(whole.banner).toBe('Asterisk Call Manager/11.0.0')
      expect(whole.messages.length).toBeGreaterThan(0)
      expect(parseChunks(bytewise(bytes))).toEqual(whole)
      for (const seed of [1, 2, 3]) {
        const got = parseChunks(randomChunks(bytes, mulberry32(seed), 512))
        expect(got, `seed ${String(seed)}`).toEqual(whole)
      }
    })
  }

  it('counts one message per Event/Response line start in every capture (OriginateResponse events have both)', () => {
    for (const name of captureNames()) {
      const bytes = readCapture(name)
      const text = bytes.toString('latin1')
      const starts = (text.match(/^(Event|Response): /gm) ?? []).length
      const originateResponses = (text.match(/^Event: OriginateResponse\r$/gm) ?? []).length
      const { messages } = parseAmiBytes(bytes)
      const keyed = messages.filter((m) => m.size > 0)
      expect(keyed.length, name).toBe(starts - originateResponses)
    }
  })
})

describe('framing: protocol quirks seen in the captures', () => {
  it('keeps the banner apart and reads the protocol version', () => {
    const f = new AmiFramer({ onMessage: () => undefined })
    f.push(b('Asterisk Call Manager/11.0.0\r\nResponse: Success\r\n\r\n'))
    expect(f.banner).toBe('Asterisk Call Manager/11.0.0')
    expect(f.protocolVersion).toBe('11.0.0')
  })

  it('splits at the first colon and drops exactly one space', () => {
    const { messages } = parseAmiBytes(b('Event: UserEvent\r\nHeader2: two with: colon\r\nAccountCode: \r\nX:nospace\r\nPad:   three\r\n\r\n'), {
      expectBanner: false,
    })
    const m = messages[0] as AmiMessage
    expect(m.get('Header2')).toBe('two with: colon')
    expect(m.get('AccountCode')).toBe('')
    expect(m.get('X')).toBe('nospace')
    expect(m.get('Pad')).toBe('  three')
  })

  it('keeps repeated keys in order and looks keys up case-insensitively', () => {
    const bytes = readCapture('chanvars')
    const { messages } = parseAmiBytes(bytes)
    const withVars = messages.find((m) => m.getAll('ChanVariable').length === 2)
    expect(withVars?.getAll('chanvariable').map((v) => v.split('=')[0])).toEqual(['LABA', 'LAB_TAG'])
    const cdr = parseAmiBytes(readCapture('call-two-party')).messages.find((m) => m.event === 'Cdr')
    expect(cdr?.get('Uniqueid')).toBe(cdr?.get('UniqueID'))
    expect(cdr?.keyAt(cdr.indexOf('uniqueid'))).toBe('UniqueID')
  })

  it('Command output: AMI v2 repeated Output keys keep their padding', () => {
    const { messages } = parseAmiBytes(readCapture('iax2-trunk'))
    const cmd = messages.find((m) => m.actionId === 'iax-show-channels')
    const out = cmd?.getAll('Output') ?? []
    expect(out).toHaveLength(3)
    expect(out[1]).toMatch(/Rx:ACK {4}$/)
  })

  it('Command output: the old Response: Follows form reads the same way', () => {
    const old =
      'Response: Follows\r\nPrivilege: Command\r\nActionID: c1\r\nAsterisk 1.8.0 built by x\nLine: with colon\n\nlast line\n--END COMMAND--\r\n\r\nEvent: Next\r\n\r\n'
    const { messages } = parseAmiBytes(b(old), { expectBanner: false })
    expect(messages).toHaveLength(2)
    const m = messages[0] as AmiMessage
    expect(m.actionId).toBe('c1')
    expect(m.get('Privilege')).toBe('Command')
    expect(m.getAll('Output')).toEqual(['Asterisk 1.8.0 built by x', 'Line: with colon', '', 'last line'])
    expect(messages[1]?.event).toBe('Next')
    const sameLine = parseAmiBytes(b('Response: Follows\r\nActionID: c2\r\nonly line--END COMMAND--\r\n\r\n'), { expectBanner: false })
    expect(sameLine.messages[0]?.getAll('Output')).toEqual(['only line'])
  })

  it('bare LF inside a value line (ChannelId too long) ends the line; the extra CRLF is no message', () => {
    const { messages } = parseAmiBytes(readCapture('originate-channelid'))
    const tooLong = messages.find((m) => m.actionId === 'chid-too-long')
    expect(tooLong?.get('Message')).toBe('Uniqueid length exceeds maximum of 149')
    const next = messages[messages.indexOf(tooLong as AmiMessage) + 1]
    expect(next?.actionId).toBe('chid-hangup-by-id')
  })

  it('IAXnetstats stray text never glues onto the next event', () => {
    const { messages } = parseAmiBytes(readCapture('iax2-trunk'))
    const i = messages.findIndex((m) => m.textLines.length > 0)
    expect(messages[i]?.size).toBe(0)
    expect(messages[i]?.textLines[0]).toMatch(/^IAX2\/peer-9434 1000 /)
    expect(messages[i + 1]?.event).toBe('MusicOnHoldStart')
    // Even without the blank line, the next Event: line starts a new message.
    const glued = parseAmiBytes(b('stray text Rx:NEW\nEvent: A\r\nK: v\r\n\r\n'), { expectBanner: false })
    expect(glued.messages.map((m) => m.event)).toEqual([undefined, 'A'])
  })

  it('decodes UTF-8 values, also when a read ends inside a character', () => {
    const bytes = readCapture('utf8-callerid')
    const whole = parseAmiBytes(bytes).messages
    const cid = whole.find((m) => m.event === 'NewCallerid')
    expect(cid?.get('CallerIDName')).toBe('Zoë Ångström – 東京')
    const vs = whole.find((m) => m.event === 'VarSet' && m.get('Variable') === 'LABNAME')
    expect(vs?.get('Value')).toBe('Grüße – 東京 🎧')
  })

  it('invalid UTF-8 becomes U+FFFD per sequence, the rest of the value intact', () => {
    const { messages, errors } = parseAmiBytes(readCapture('utf8-invalid'))
    expect(errors).toHaveLength(0)
    const names = new Set(messages.map((m) => m.get('CallerIDName')).filter((v) => v?.startsWith('Caf') === true))
    expect([...names]).toEqual(['Caf\uFFFD M\uFFFDller'])
    const ue = messages.find((m) => m.event === 'UserEvent')
    expect(ue?.get('Name')).toBe('Caf\uFFFD')
  })
})

describe('framing: large UTF-8 reads', () => {
  it('a big read with UTF-8 values (decoded in pieces) equals the byte-by-byte parse, also with a line longer than a piece', () => {
    let text = ''
    for (let i = 0; i < 400; i++) text += `Event: NewCallerid\r\nCallerIDName: Zoë ${String(i)} 東京 🎧\r\nUniqueid: u${String(i)}\r\n\r\n`
    text += `Event: UserEvent\r\nData: ${'Å'.repeat(40_000)}\r\n\r\nEvent: Tail\r\n\r\n`
    const bytes = Buffer.from('Asterisk Call Manager/11.0.0\r\n' + text, 'utf8')
    expect(bytes.length).toBeGreaterThan(100_000)
    const whole = parseChunks([bytes])
    expect(whole.errors).toBe(0)
    expect(whole.messages).toHaveLength(402)
    expect(whole.messages[399]?.fields[1]).toEqual(['CallerIDName', 'Zoë 399 東京 🎧'])
    expect(whole.messages[400]?.fields[1]?.[1]).toBe('Å'.repeat(40_000))
    expect(parseChunks(bytewise(bytes))).toEqual(whole)
    expect(parseChunks(randomChunks(bytes, mulberry32(5), 65536))).toEqual(whole)
  })
})

describe('framing: how reads are decoded (pieces, joined lines)', () => {
  it('bare-LF and mixed streams in one big read equal the byte-by-byte parse', () => {
    let text = ''
    for (let i = 0; i < 3000; i++) {
      const eol = i % 3 === 0 ? '\r\n' : '\n'
      text += `Event: Newstate${eol}Channel: PJSIP/${String(i)}${eol}CallerIDName: Zoë ${String(i)}${eol}${eol}`
    }
    const bytes = Buffer.from('Asterisk Call Manager/11.0.0\r\n' + text, 'utf8')
    const whole = parseChunks([bytes])
    expect(whole.errors).toBe(0)
    expect(whole.messages).toHaveLength(3000)
    expect(whole.messages[2999]?.fields).toEqual([
      ['Event', 'Newstate'],
      ['Channel', 'PJSIP/2999'],
      ['CallerIDName', 'Zoë 2999'],
    ])
    expect(parseChunks(bytewise(bytes))).toEqual(whole)
    expect(parseChunks(randomChunks(bytes, mulberry32(8), 65536))).toEqual(whole)
    const lfOnly = Buffer.from(text.replaceAll('\r\n', '\n'), 'utf8')
    const lf = parseChunks([Buffer.from('Asterisk Call Manager/11.0.0\n'), lfOnly])
    expect(lf.messages.map((m) => m.fields)).toEqual(whole.messages.map((m) => m.fields))
  })

  it('a line cut by a read is joined with its end only; a 64 KiB read after it parses whole', () => {
    let text = ''
    for (let i = 0; i < 200; i++) text += `Event: VarSet\r\nVariable: V${String(i)}\r\nValue: ${'x'.repeat(300)}\r\n\r\n`
    const bytes = Buffer.from(text, 'latin1')
    const got: string[] = []
    const f = new AmiFramer({ expectBanner: false, onMessage: (m) => got.push(`${m.get('Variable') ?? ''}=${String(m.get('Value')?.length)}`) })
    f.push(bytes.subarray(0, 37)) // inside the first Value
    f.push(bytes.subarray(37, 37 + 65536))
    f.push(bytes.subarray(37 + 65536))
    expect(f.end()).toBe(false)
    expect(got).toHaveLength(200)
    expect(new Set(got.map((g) => g.split('=')[1]))).toEqual(new Set(['300']))
    expect(got[199]).toBe('V199=300')
  })

  it('a message end split between reads (LF | CR LF) still ends the message there', () => {
    const got: Array<string | undefined> = []
    const f = new AmiFramer({ expectBanner: false, onMessage: (m) => got.push(m.event) })
    f.push(b('Event: A\r\nK: v\r\n\r'))
    f.push(b('\nEvent: B\r\n\r\n'))
    expect(got).toEqual(['A', 'B'])
  })
})

describe('framing: limits', () => {
  it('drops a message over the limit, reports it, and resumes at the next message', () => {
    const errors: string[] = []
    const got: AmiMessage[] = []
    const f = new AmiFramer({
      expectBanner: false,
      maxMessageBytes: 100,
      onMessage: (m) => got.push(m),
      onProtocolError: (e) => errors.push(e.reason),
    })
    f.push(b('Event: Big\r\n' + 'K: ' + 'x'.repeat(50) + '\r\n' + 'L: ' + 'y'.repeat(50) + '\r\n\r\nEvent: Small\r\n\r\n'))
    expect(errors).toEqual(['message_too_large'])
    expect(got.map((m) => m.event)).toEqual(['Small'])
  })

  it('a line without end is bounded: error, skipped, parser continues after it', () => {
    const errors: string[] = []
    const got: AmiMessage[] = []
    const f = new AmiFramer({
      expectBanner: false,
      maxMessageBytes: 1000,
      onMessage: (m) => got.push(m),
      onProtocolError: (e) => errors.push(e.reason),
    })
    for (let i = 0; i < 10; i++) f.push(b('z'.repeat(300)))
    expect(errors).toEqual(['line_too_long'])
    f.push(b('zz\r\nmore: junk\r\n\r\nEvent: After\r\n\r\n'))
    expect(got.map((m) => m.event)).toEqual(['After'])
  })

  it('reset() from inside onMessage drops the rest of that read (old connection bytes never leak)', () => {
    const got: string[] = []
    const f: AmiFramer = new AmiFramer({
      expectBanner: false,
      onMessage: (m) => {
        got.push(m.event ?? '')
        if (m.event === 'Stop') f.reset()
      },
    })
    f.push(b('Event: A\r\n\r\nEvent: Stop\r\n\r\nEvent: Leaked\r\n\r\nEvent: Par'))
    f.push(b('Event: Fresh\r\n\r\n'))
    expect(got).toEqual(['A', 'Stop', 'Fresh'])
  })

  it('end() reports a message cut off by the end of the stream', () => {
    const f = new AmiFramer({ expectBanner: false, onMessage: () => undefined })
    f.push(b('Event: Half\r\nChan'))
    expect(f.end()).toBe(true)
    f.push(b('Event: Whole\r\n\r\n'))
    expect(f.end()).toBe(false)
  })
})
