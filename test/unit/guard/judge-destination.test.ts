import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { judgeDestination, type DestinationRule, type Verdict } from '../../../src-main/core/guard'
import type { DialPlan } from '../../../src-main/core/profiles'
import { DE_SEAT as DE, US_SEAT as NANP } from '../../support/dial-plans'

/** UK PBX: outside line 9, 0 national, 00 international, extensions 2XX. */
const UK: DialPlan = {
  country: '44',
  outsideLinePrefix: '9',
  nationalPrefix: '0',
  internationalPrefix: '00',
  internalExtensions: { patterns: ['2XX'], list: [] },
  emergencyNumbers: ['999', '112'],
  allowedOutboundPrefixes: [],
}
const withAllowed = (plan: DialPlan, allowed: string[]): DialPlan => ({ ...plan, allowedOutboundPrefixes: allowed })

interface Row {
  input: string
  plan?: DialPlan
  known?: string[]
  verdict: Verdict
  rule: DestinationRule
  e164?: string
  dial?: string
}

const TABLE: Row[] = [
  // Internal extensions
  { input: '1001', verdict: 'allow', rule: 'internal_extension', dial: '1001' },
  { input: ' 1 0 0 1 ', verdict: 'allow', rule: 'internal_extension', dial: '1001' },
  { input: '2000', known: ['2000'], verdict: 'allow', rule: 'known_extension', dial: '2000' },
  { input: '2000', verdict: 'deny', rule: 'unknown_number' },
  { input: '210', plan: UK, verdict: 'allow', rule: 'internal_extension', dial: '210' },
  // Domestic, every separator style
  { input: '2125551234', verdict: 'allow', rule: 'domestic', e164: '+12125551234', dial: '912125551234' },
  { input: '(212) 555-1234', verdict: 'allow', rule: 'domestic', e164: '+12125551234', dial: '912125551234' },
  { input: '212.555.1234', verdict: 'allow', rule: 'domestic', e164: '+12125551234' },
  { input: '9 1 212 555 1234', verdict: 'allow', rule: 'domestic', e164: '+12125551234', dial: '912125551234' },
  { input: '+1 212 555 1234', verdict: 'allow', rule: 'domestic', e164: '+12125551234' },
  { input: '1 800 555 1234', verdict: 'allow', rule: 'domestic', e164: '+18005551234' },
  { input: '340 555 1234', verdict: 'allow', rule: 'domestic', e164: '+13405551234' }, // USVI: US-rated
  { input: '555-1234', verdict: 'allow', rule: 'domestic_local', dial: '95551234' },
  { input: '020 7946 0000', plan: UK, verdict: 'allow', rule: 'domestic', e164: '+442079460000', dial: '902079460000' },
  { input: '9 020 7946 0000', plan: UK, verdict: 'allow', rule: 'domestic', e164: '+442079460000', dial: '902079460000' },
  { input: '7946 0000', plan: UK, verdict: 'allow', rule: 'domestic_local', dial: '979460000' },
  // Emergency: never refused, always confirmed
  { input: '911', verdict: 'confirm_emergency', rule: 'emergency', dial: '911' },
  { input: '9911', verdict: 'confirm_emergency', rule: 'emergency', dial: '9911' },
  // Only the country's own emergency numbers: 112 and 999 are nothing in a US office.
  { input: '112', verdict: 'deny', rule: 'unknown_number' },
  { input: '999', verdict: 'deny', rule: 'unknown_number' },
  { input: '9999', verdict: 'deny', rule: 'unknown_number' },
  { input: '9999', plan: UK, verdict: 'confirm_emergency', rule: 'emergency', dial: '9999' },
  { input: '999', plan: UK, verdict: 'confirm_emergency', rule: 'emergency' },
  { input: '9 112', plan: UK, verdict: 'confirm_emergency', rule: 'emergency' },
  // Premium
  { input: '1-900-555-1234', verdict: 'deny', rule: 'premium', e164: '+19005551234' },
  { input: '9 1 900 555 1234', verdict: 'deny', rule: 'premium' },
  { input: '976-1234', verdict: 'deny', rule: 'premium' },
  // 976 is no area code: 1-976-… is the premium range, however it is dialled.
  { input: '19765551234', verdict: 'deny', rule: 'premium', e164: '+19765551234' },
  { input: '976 555 1234', verdict: 'deny', rule: 'premium', e164: '+19765551234' },
  { input: '9 1 976 555 1234', verdict: 'deny', rule: 'premium' },
  { input: '+1 976 555 1234', plan: withAllowed(UK, ['+1']), verdict: 'deny', rule: 'premium' },
  { input: '212 976 1234', verdict: 'deny', rule: 'premium' },
  { input: '0909 879 0000', plan: UK, verdict: 'deny', rule: 'premium', e164: '+449098790000' },
  { input: '+979 1234 5678', verdict: 'deny', rule: 'premium' },
  // International
  { input: '9 011 44 20 7946 0000', verdict: 'deny', rule: 'international', e164: '+442079460000' },
  { input: '011442079460000', verdict: 'deny', rule: 'international', e164: '+442079460000' },
  { input: '+44 20 7946 0000', verdict: 'deny', rule: 'international', e164: '+442079460000' },
  { input: '00 33 1 23 45 67 89', plan: UK, verdict: 'deny', rule: 'international', e164: '+33123456789' },
  { input: '+1 212 555 1234', plan: UK, verdict: 'deny', rule: 'international' },
  // Satellite
  { input: '+870 773 112345', verdict: 'deny', rule: 'satellite' },
  { input: '+8816 1234 5678', verdict: 'deny', rule: 'satellite' },
  { input: '011 882 16 1234 5678', verdict: 'deny', rule: 'satellite' },
  { input: '+883 5100 1234 5678', verdict: 'deny', rule: 'satellite' },
  // International-rated NANP ("one-ring" callback fraud)
  { input: '1 876 555 1234', verdict: 'deny', rule: 'nanp_international', e164: '+18765551234' },
  { input: '809-555-1234', verdict: 'deny', rule: 'nanp_international' },
  { input: '+1 284 555 1234', verdict: 'deny', rule: 'nanp_international' },
  { input: '9 1 473 555 1234', verdict: 'deny', rule: 'nanp_international' },
  { input: '+1 876 555 1234', plan: UK, verdict: 'deny', rule: 'nanp_international' },
  // allowedOutboundPrefixes
  // German seat (outside line 0 = national prefix 0): what the PBX dials is outside line + the rest.
  { input: '0 030 1234567', plan: DE, verdict: 'allow', rule: 'domestic', e164: '+49301234567', dial: '00301234567' },
  { input: '0 00 44 20 7946 0000', plan: DE, verdict: 'deny', rule: 'international' },
  { input: '0 0900 1234567', plan: DE, verdict: 'deny', rule: 'premium' },
  // Without the outside line a length-guessed local number that reads as premium is refused, not guessed.
  { input: '0900 1234567', plan: DE, verdict: 'deny', rule: 'premium' },
  { input: '112', plan: DE, verdict: 'confirm_emergency', rule: 'emergency' },
  { input: '0112', plan: DE, verdict: 'confirm_emergency', rule: 'emergency' },
  { input: '+49 30 1234567', plan: DE, verdict: 'allow', rule: 'domestic', dial: '00301234567' },
  {
    input: '9 011 44 20 7946 0000',
    plan: withAllowed(NANP, ['+44']),
    verdict: 'allow',
    rule: 'allowed_prefix',
    e164: '+442079460000',
    dial: '9011442079460000',
  },
  { input: '+44 909 879 0000', plan: withAllowed(NANP, ['+44']), verdict: 'deny', rule: 'premium' },
  { input: '1 876 555 1234', plan: withAllowed(NANP, ['+1876']), verdict: 'allow', rule: 'allowed_prefix', dial: '918765551234' },
  { input: '1 876 555 1234', plan: withAllowed(NANP, ['+1']), verdict: 'deny', rule: 'nanp_international' },
  {
    input: '+8816 1234 5678',
    plan: withAllowed(NANP, ['+8816']),
    verdict: 'allow',
    rule: 'allowed_prefix',
    dial: '901188161234 5678'.replace(' ', ''),
  },
  { input: '+33 1 23 45 67 89', plan: withAllowed(UK, ['+33']), verdict: 'allow', rule: 'allowed_prefix', dial: '90033123456789' },
  // Dial-string and AMI injections
  { input: 'SIP/trunk/0044123', verdict: 'deny', rule: 'channel_technology' },
  { input: 'PJSIP/1001', verdict: 'deny', rule: 'channel_technology' },
  { input: 'Local/1001@from-internal', verdict: 'deny', rule: 'channel_technology' },
  { input: 'iax2/peer/123', verdict: 'deny', rule: 'channel_technology' },
  { input: '1001@from-internal', verdict: 'deny', rule: 'context_injection' },
  { input: '500&PJSIP/itsp/14165551212', verdict: 'deny', rule: 'parallel_dial' },
  { input: '1001,30,U(sub)', verdict: 'deny', rule: 'argument_separator' },
  { input: '1001^arg', verdict: 'deny', rule: 'argument_separator' },
  { input: '1001|30', verdict: 'deny', rule: 'argument_separator' },
  { input: '100/1', verdict: 'deny', rule: 'technology_separator' },
  { input: '1001;2', verdict: 'deny', rule: 'dial_string_metachar' },
  { input: '${SHELL(id)}', verdict: 'deny', rule: 'expression_injection' },
  { input: '1001\r\nAction: Command\r\nCommand: core stop now', verdict: 'deny', rule: 'control_character' },
  { input: '1001\n', verdict: 'deny', rule: 'control_character' },
  { input: '1001\r', verdict: 'deny', rule: 'control_character' },
  { input: '1001\u0000', verdict: 'deny', rule: 'control_character' },
  { input: '*72 011 44 20 7946 0000', verdict: 'deny', rule: 'feature_code' },
  { input: '1001#', verdict: 'deny', rule: 'feature_code' },
  { input: '\u0661\u0660\u0660\u0661', verdict: 'deny', rule: 'non_ascii_digit' }, // Arabic-Indic ١٠٠١
  { input: '\uFF11\uFF10\uFF10\uFF11', verdict: 'deny', rule: 'non_ascii_digit' }, // fullwidth １００１
  { input: '\u0967\u0966\u0966\u0967', verdict: 'deny', rule: 'non_ascii_digit' }, // Devanagari
  { input: '\uFF0B44 20 7946 0000', verdict: 'deny', rule: 'non_ascii' }, // fullwidth plus
  { input: '1-800-FLOWERS', verdict: 'deny', rule: 'letters' },
  { input: '1'.repeat(33), verdict: 'deny', rule: 'too_long' },
  { input: '1 '.repeat(40), verdict: 'deny', rule: 'too_long' },
  { input: '', verdict: 'deny', rule: 'empty' },
  { input: '  -- ', verdict: 'deny', rule: 'empty' },
  { input: '12+34', verdict: 'deny', rule: 'misplaced_plus' },
  { input: '++44 20 7946 0000', verdict: 'deny', rule: 'misplaced_plus' },
  // Malformed or short
  { input: '+1 555 0100', verdict: 'deny', rule: 'invalid_number' },
  { input: '+1 212 055 1234', verdict: 'deny', rule: 'invalid_number' },
  { input: '411', verdict: 'deny', rule: 'unknown_number' },
  { input: '9', verdict: 'deny', rule: 'unknown_number' },
  { input: '9011', verdict: 'deny', rule: 'unknown_number' },
  { input: '118 118', plan: UK, verdict: 'deny', rule: 'unknown_number' },
]

describe('judgeDestination table', () => {
  it('has at least 40 rows', () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(40)
  })

  it.each(TABLE.map((row) => [JSON.stringify(row.input).slice(0, 40), row] as const))('%s', (_label, row) => {
    const result = judgeDestination(row.input, row.plan ?? NANP, row.known === undefined ? undefined : new Set(row.known))
    expect({ verdict: result.verdict, rule: result.rule }).toEqual({ verdict: row.verdict, rule: row.rule })
    if (row.e164 !== undefined) expect(result.e164).toBe(row.e164)
    if (row.dial !== undefined) expect(result.dialDigits).toBe(row.dial)
    expect(result.reason.length).toBeGreaterThan(0)
    if (result.verdict === 'deny') expect(result.dialDigits).toBeUndefined()
  })

  it('refuses non-string input', () => {
    expect(judgeDestination(1001 as unknown as string, NANP).rule).toBe('not_a_string')
  })

  it('normalises separators and keeps the typed +', () => {
    expect(judgeDestination('+44 (20) 7946-0000', NANP).normalized).toBe('+442079460000')
    expect(judgeDestination('9.1.212.555.1234', NANP).normalized).toBe('912125551234')
  })
})

describe('judgeDestination properties', () => {
  const plans = [NANP, UK, withAllowed(NANP, ['+44', '+1876'])]

  it('anything not denied carries only ASCII digits to dial, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.constantFrom(...plans), (input, plan) => {
        const result = judgeDestination(input, plan)
        if (result.verdict !== 'deny') expect(result.dialDigits).toMatch(/^[0-9]{1,40}$/)
      }),
      { numRuns: 2000, seed: 20240601 },
    )
  })

  it('a dangerous character anywhere refuses the destination', () => {
    const dangerous = ['@', '&', ',', '/', '^', '\r', '\n', '\u0000', ';', '|', '$', '*', '#', 'X']
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9 ]{0,12}$/), fc.constantFrom(...dangerous), fc.stringMatching(/^[0-9 ]{0,12}$/), (before, bad, after) => {
        expect(judgeDestination(before + bad + after, NANP).verdict).toBe('deny')
      }),
      { numRuns: 1000, seed: 7 },
    )
  })

  it('emergency numbers are never denied, with any separators or outside-line prefix', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<[DialPlan, string]>([NANP, '911'], [UK, '999'], [UK, '112'], [DE, '110'], [DE, '112']),
        fc.constantFrom('', 'outside line'),
        fc.constantFrom('', ' ', '-'),
        ([plan, number], prefix, sep) => {
          const typed = (prefix === '' ? '' : plan.outsideLinePrefix) + number.replace(/(?<=\d)(?=\d)/g, sep)
          expect(judgeDestination(typed, plan).verdict).toBe('confirm_emergency')
        },
      ),
    )
  })
})
