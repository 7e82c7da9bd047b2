import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  channelEndpoint,
  compileDirectionRule,
  deriveDirection,
  deriveMissed,
  deriveQueue,
  parseCallerId,
  parseCallerIdByPattern,
} from '../../../src-main/core/cdr/derive'
import { identityKey, identityString } from '../../../src-main/core/cdr/identity'
import { trigramQuery } from '../../../src-main/core/cdr/filter-sql'

describe('caller ID and channels', () => {
  it('splits "Name" <number> in its real shapes', () => {
    expect(parseCallerId('"Zoë Ångström – 東京" <+4930123456>')).toEqual({ name: 'Zoë Ångström – 東京', number: '+4930123456' })
    expect(parseCallerId('"" <>')).toEqual({ name: '', number: '' })
    expect(parseCallerId('Bob <200>')).toEqual({ name: 'Bob', number: '200' })
    expect(parseCallerId('5551234')).toEqual({ name: '', number: '5551234' })
    expect(parseCallerId('"Say \\"hi\\"" <1>')).toEqual({ name: 'Say "hi"', number: '1' })
  })

  it('finds the endpoint of PJSIP, Local, IAX2 and SIP channel names', () => {
    expect(channelEndpoint('PJSIP/101-0000002a')).toBe('101')
    expect(channelEndpoint('PJSIP/trunk-provider-000001f3')).toBe('trunk-provider')
    expect(channelEndpoint('Local/101@lab-00000000;1')).toBe('101')
    expect(channelEndpoint('IAX2/peer-9434')).toBe('peer')
    expect(channelEndpoint('SIP/trunk/5551234')).toBe('trunk')
    expect(channelEndpoint('')).toBe('')
  })

  // The ingest fast paths must answer exactly as the plain definitions: the general caller-ID
  // parser, and the channel-endpoint implementation before it was optimised (kept here).
  const plainEndpoint = (channel: string): string => {
    const slash = channel.indexOf('/')
    if (slash < 0) return ''
    const tech = channel.slice(0, slash)
    const rest = channel.slice(slash + 1)
    if (tech.toLowerCase() === 'local') {
      const at = rest.indexOf('@')
      return at < 0 ? rest.replace(/;[12]$/, '') : rest.slice(0, at)
    }
    const base = rest.split('/')[0] ?? ''
    const dash = base.lastIndexOf('-')
    return dash > 0 && /^[0-9a-fA-F]+$/.test(base.slice(dash + 1)) ? base.slice(0, dash) : base
  }
  // Strings built from the characters that matter to both parsers, plus a few others.
  const tricky = (chars: string[]): fc.Arbitrary<string> => fc.array(fc.constantFrom(...chars), { maxLength: 24 }).map((a) => a.join(''))
  const CID_CHARS = ['"', '\\', '<', '>', ' ', '\t', '\u00a0', 'a', 'Z', 'ë', '東', '1', '+', '*', '#', '\n']
  const CH_CHARS = ['/', '-', '@', ';', '1', '2', 'a', 'F', 'g', 'x', 'L', 'o', 'c', 'l', '\u0010', '\u0016', 'İ', ' ']

  it('parses caller IDs as the general regular-expression parser does (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          tricky(CID_CHARS),
          fc.string(),
          fc.tuple(tricky(CID_CHARS), tricky(CID_CHARS)).map(([n, x]) => `"${n}" <${x}>`),
        ),
        (clid) => {
          expect(parseCallerId(clid)).toEqual(parseCallerIdByPattern(clid.trim()))
        },
      ),
      { numRuns: 3000 },
    )
  })

  it('finds channel endpoints as the plain definition does (property)', () => {
    const prefixed = fc.tuple(fc.constantFrom('PJSIP', 'Local', 'LOCAL', 'SIP', 'IAX2', 'X-Y', ''), tricky(CH_CHARS)).map(([t, r]) => `${t}/${r}`)
    fc.assert(
      fc.property(fc.oneof(prefixed, tricky(CH_CHARS), fc.string()), (ch) => {
        expect(channelEndpoint(ch)).toBe(plainEndpoint(ch))
      }),
      { numRuns: 3000 },
    )
  })
})

describe('direction, queue, missed', () => {
  const rule = compileDirectionRule(undefined)
  const d = (src: string, dst: string, dcontext = 'from-internal', cnum = ''): string => deriveDirection({ src, dst, dcontext, cnum }, rule)

  it('follows the documented rule', () => {
    expect(d('101', '102')).toBe('internal')
    expect(d('101', '004989111222')).toBe('outbound')
    expect(d('+4989111222', '101')).toBe('inbound')
    // Trunk context wins even when the trunk presents a short number.
    expect(d('1234', '4930555000', 'from-trunk-provider')).toBe('inbound')
    expect(d('1234', '101', 'from-pstn')).toBe('inbound')
    expect(d('101', '', 'lab')).toBe('internal')
    // Empty src falls back to the caller-ID number.
    expect(d('', '102', 'from-internal', '101')).toBe('internal')
  })

  it('takes the internal pattern and inbound contexts from the profile', () => {
    const custom = compileDirectionRule({ internalPattern: '^2[0-9]{3}$', inboundContexts: ['did'] })
    expect(deriveDirection({ src: '2001', dst: '101', dcontext: 'x', cnum: '' }, custom)).toBe('outbound')
    expect(deriveDirection({ src: '2001', dst: '2002', dcontext: 'did', cnum: '' }, custom)).toBe('inbound')
  })

  it('reads the queue from Queue() or FreePBX ext-queues and calls queue abandons missed', () => {
    expect(deriveQueue({ lastapp: 'Queue', lastdata: 'support,,,,600', dcontext: 'lab', dst: '200' })).toBe('support')
    expect(deriveQueue({ lastapp: 'Dial', lastdata: 'PJSIP/101', dcontext: 'ext-queues', dst: '400' })).toBe('400')
    expect(deriveQueue({ lastapp: 'Dial', lastdata: 'PJSIP/101', dcontext: 'from-internal', dst: '101' })).toBeNull()
    expect(deriveMissed({ disposition: 'ANSWERED', lastapp: 'Queue', dstchannel: '' })).toBe(true)
    expect(deriveMissed({ disposition: 'ANSWERED', lastapp: 'Queue', dstchannel: 'PJSIP/101-1' })).toBe(false)
    expect(deriveMissed({ disposition: 'NO ANSWER', lastapp: 'Dial', dstchannel: 'PJSIP/101-1' })).toBe(true)
    expect(deriveMissed({ disposition: 'ANSWERED', lastapp: 'Wait', dstchannel: '' })).toBe(false)
  })
})

describe('identity', () => {
  const base = {
    profileId: 'p1',
    uniqueid: 'lab-1795592314.26',
    startMs: 1_795_592_314_000,
    channel: 'Local/102@lab-0000000e;1',
    dstchannel: 'Local/101@lab-0000000f;1',
    duration: 1,
  }

  it('tells apart CDRs of one uniqueid by start, peer and duration (atxfer-cancel capture)', () => {
    const keys = new Set([
      identityKey(base).join(),
      identityKey({ ...base, startMs: base.startMs + 1000, dstchannel: 'Local/105@lab-00000010;1', duration: 2 }).join(),
      identityKey({ ...base, startMs: base.startMs + 3000, duration: 5 }).join(),
    ])
    expect(keys.size).toBe(3)
  })

  it('ignores what only one source has and what FreePBX truncates', () => {
    const longId = 'console-' + 'x'.repeat(60)
    const longChan = 'Local/' + 'y'.repeat(100) + '@lab-00000001;1'
    expect(identityString({ ...base, uniqueid: longId, channel: longChan })).toBe(
      identityString({ ...base, uniqueid: longId.slice(0, 32), channel: longChan.slice(0, 80) }),
    )
    expect(identityKey({ ...base, profileId: 'p2' }).join()).not.toBe(identityKey(base).join())
  })

  it('keeps the stored key of schema 1–4 (databases on disk hold these hashes)', () => {
    // Pinned: a change here would make every stored CDR look new to a re-ingest.
    expect(identityString(base)).toBe(
      ['p1', 'lab-1795592314.26', '1795592314', 'Local/102@lab-0000000e;1', 'Local/101@lab-0000000f;1', '1'].join('\u0000'),
    )
    fc.assert(
      fc.property(
        fc.string(),
        fc.string({ maxLength: 50 }),
        fc.integer({ min: 0, max: 2 ** 33 }),
        fc.string({ maxLength: 120 }),
        fc.string({ maxLength: 120 }),
        fc.nat(),
        (p, u, sec, ch, dch, d) => {
          const f = { profileId: p, uniqueid: u, startMs: sec * 1000 + 999, channel: ch, dstchannel: dch, duration: d }
          expect(identityString(f)).toBe([p, u.slice(0, 32), String(sec), ch.slice(0, 80), dch.slice(0, 80), String(d)].join('\u0000'))
        },
      ),
      { numRuns: 500 },
    )
  })

  it('spreads 50,000 similar tuples without a collision, even in 20 bits of one half', () => {
    const seen = new Set<string>()
    const low20 = new Set<number>()
    let max = 0
    for (let i = 0; i < 50_000; i++) {
      const [a, b] = identityKey({ ...base, uniqueid: `lab-1795592314.${String(i)}`, startMs: base.startMs + (i % 7) * 1000 })
      max = Math.max(max, a, b)
      seen.add(`${String(a)}:${String(b)}`)
      low20.add(a % 2 ** 20)
    }
    expect(max).toBeLessThan(2 ** 52)
    expect(seen.size).toBe(50_000)
    // 50k values into 2^20 buckets: a uniform hash fills about 48.8k distinct ones.
    expect(low20.size).toBeGreaterThan(48_000)
  })
})

describe('trigram query', () => {
  it('covers the needle with distinct trigrams, quoting double quotes', () => {
    expect(trigramQuery('aaaa')).toBe('"aaa"')
    expect(trigramQuery('zoë ')).toBe('"zoë" AND "oë "')
    expect(trigramQuery('a"bc')).toBe('"a""b" AND """bc"')
    expect(trigramQuery('4930123456')).toBe('"493" AND "012" AND "345" AND "456"')
    expect(trigramQuery('東京🎧x')).toBe('"東京🎧" AND "京🎧x"')
  })
})
