import { describe, expect, it } from 'vitest'
import {
  DOMESTIC_PREMIUM_TABLES,
  EU_EEA_CALLING_CODES,
  NATIONAL_EMERGENCY_NUMBERS,
  PREMIUM_TABLE_COUNTRIES,
  emergencyNumbersFor,
  hasPremiumTable,
  judgeDestination,
  tollTableFor,
} from '../../../src-main/core/guard'
import { builtinDemoProfile, type DialPlan } from '../../../src-main/core/profiles'

/** A seat in `country` dialling straight out (no outside-line prefix), with the country's trunk prefix. */
function home(country: string, nationalPrefix: string, more: Partial<DialPlan> = {}): DialPlan {
  return {
    country,
    outsideLinePrefix: '',
    nationalPrefix,
    internationalPrefix: country === '1' ? '011' : '00',
    internalExtensions: { patterns: [], list: [] },
    emergencyNumbers: [],
    allowedOutboundPrefixes: [],
    ...more,
  }
}

interface CountryCase {
  country: string
  /** The trunk prefix as that country dials it ('' where there is none). */
  nationalPrefix: string
  /** A number of one of the country's premium ranges, as dialled at home, and its E.164 form (none when it has none). */
  premium: [string, string | undefined]
  /** An ordinary geographic or mobile number, as dialled at home, and its E.164 form. */
  ordinary: [string, string]
}

const CASES: CountryCase[] = [
  { country: '1', nationalPrefix: '1', premium: ['1 976 555 1234', '+19765551234'], ordinary: ['1 212 555 1234', '+12125551234'] },
  { country: '30', nationalPrefix: '', premium: ['901 123 4567', '+309011234567'], ordinary: ['21 0123 4567', '+302101234567'] },
  { country: '31', nationalPrefix: '0', premium: ['084 123 4567', '+31841234567'], ordinary: ['020 123 4567', '+31201234567'] },
  { country: '32', nationalPrefix: '0', premium: ['0903 12 345', '+3290312345'], ordinary: ['09 234 56 78', '+3292345678'] },
  { country: '33', nationalPrefix: '0', premium: ['0820 12 34 56', '+33820123456'], ordinary: ['01 23 45 67 89', '+33123456789'] },
  { country: '34', nationalPrefix: '', premium: ['806 123 456', '+34806123456'], ordinary: ['91 123 45 67', '+34911234567'] },
  { country: '36', nationalPrefix: '06', premium: ['06 90 123 456', '+3690123456'], ordinary: ['06 1 234 5678', '+3612345678'] },
  { country: '39', nationalPrefix: '', premium: ['899 123 456', '+39899123456'], ordinary: ['06 1234 5678', '+390612345678'] },
  { country: '40', nationalPrefix: '0', premium: ['0900 123 456', '+40900123456'], ordinary: ['021 123 4567', '+40211234567'] },
  { country: '41', nationalPrefix: '0', premium: ['0906 123 456', '+41906123456'], ordinary: ['091 123 45 67', '+41911234567'] },
  { country: '43', nationalPrefix: '0', premium: ['0930 123 456', '+43930123456'], ordinary: ['01 588 0000', '+4315880000'] },
  { country: '44', nationalPrefix: '0', premium: ['0871 123 4567', '+448711234567'], ordinary: ['020 7946 0000', '+442079460000'] },
  { country: '45', nationalPrefix: '', premium: ['90 12 34 56', '+4590123456'], ordinary: ['33 12 34 56', '+4533123456'] },
  { country: '46', nationalPrefix: '0', premium: ['0939 123 456', '+46939123456'], ordinary: ['090 123 456', '+4690123456'] },
  { country: '47', nationalPrefix: '', premium: ['820 12 345', '+4782012345'], ordinary: ['22 12 34 56', '+4722123456'] },
  { country: '48', nationalPrefix: '', premium: ['701 234 567', '+48701234567'], ordinary: ['71 123 45 67', '+48711234567'] },
  { country: '49', nationalPrefix: '0', premium: ['0700 1234 5678', '+4970012345678'], ordinary: ['030 1234567', '+49301234567'] },
  { country: '61', nationalPrefix: '0', premium: ['1900 123 456', undefined], ordinary: ['02 9123 4567', '+61291234567'] },
  { country: '64', nationalPrefix: '0', premium: ['0900 12345', '+6490012345'], ordinary: ['09 912 3456', '+6499123456'] },
  { country: '351', nationalPrefix: '', premium: ['707 123 456', '+351707123456'], ordinary: ['21 123 4567', '+351211234567'] },
  { country: '352', nationalPrefix: '', premium: ['900 12 345', '+35290012345'], ordinary: ['22 12 34 56', '+35222123456'] },
  { country: '353', nationalPrefix: '0', premium: ['1550 123 456', undefined], ordinary: ['01 550 1234', '+35315501234'] },
  { country: '354', nationalPrefix: '', premium: ['900 1234', '+3549001234'], ordinary: ['512 3456', '+3545123456'] },
  { country: '356', nationalPrefix: '', premium: ['5012 3456', '+35650123456'], ordinary: ['2123 4567', '+35621234567'] },
  { country: '357', nationalPrefix: '', premium: ['9000 1234', '+35790001234'], ordinary: ['22 123456', '+35722123456'] },
  { country: '358', nationalPrefix: '0', premium: ['0600 123 456', '+358600123456'], ordinary: ['09 123 4567', '+35891234567'] },
  { country: '359', nationalPrefix: '0', premium: ['090 123 456', '+35990123456'], ordinary: ['092 123 456', '+35992123456'] },
  { country: '370', nationalPrefix: '8', premium: ['8 900 12345', '+37090012345'], ordinary: ['8 5 212 3456', '+37052123456'] },
  { country: '371', nationalPrefix: '', premium: ['9000 1234', '+37190001234'], ordinary: ['6712 3456', '+37167123456'] },
  { country: '372', nationalPrefix: '', premium: ['900 1234', '+3729001234'], ordinary: ['612 3456', '+3726123456'] },
  { country: '385', nationalPrefix: '0', premium: ['064 123 456', '+38564123456'], ordinary: ['01 234 5678', '+38512345678'] },
  { country: '386', nationalPrefix: '0', premium: ['090 123 456', '+38690123456'], ordinary: ['01 123 45 67', '+38611234567'] },
  { country: '420', nationalPrefix: '', premium: ['909 123 456', '+420909123456'], ordinary: ['212 345 678', '+420212345678'] },
  { country: '421', nationalPrefix: '0', premium: ['0900 123 456', '+421900123456'], ordinary: ['0905 123 456', '+421905123456'] },
  { country: '423', nationalPrefix: '', premium: ['900 1234', '+4239001234'], ordinary: ['236 1234', '+4232361234'] },
]

describe('the premium tables of each country', () => {
  it('cover exactly the listed countries, and there is a case here for each', () => {
    expect(Object.keys(DOMESTIC_PREMIUM_TABLES).sort()).toEqual([...PREMIUM_TABLE_COUNTRIES].sort())
    expect(CASES.map((c) => c.country).sort()).toEqual([...PREMIUM_TABLE_COUNTRIES].sort())
  })

  it.each(CASES.map((c) => [c.country, c] as const))('+%s: a table entry is refused as premium, an ordinary number passes at home', (_cc, c) => {
    const plan = home(c.country, c.nationalPrefix)
    const [premium, premiumE164] = c.premium
    const refused = judgeDestination(premium, plan)
    expect({ verdict: refused.verdict, rule: refused.rule }).toEqual({ verdict: 'deny', rule: 'premium' })
    // The reason names the range by the country's own name for it.
    expect(refused.reason).toMatch(/premium|revenue|special|value-added|televoting|mass-calling|prize/)
    if (premiumE164 !== undefined) {
      expect(refused.e164).toBe(premiumE164)
      expect(judgeDestination(premiumE164, plan)).toMatchObject({ verdict: 'deny', rule: 'premium' })
    }
    const [ordinary, ordinaryE164] = c.ordinary
    expect(judgeDestination(ordinary, plan)).toMatchObject({ verdict: 'allow', rule: 'domestic', e164: ordinaryE164 })
    expect(judgeDestination(ordinaryE164, plan)).toMatchObject({ verdict: 'allow', rule: 'domestic' })
  })

  it('refuses every E.164 range from any country, even where the whole country code is allowed', () => {
    for (const [country, table] of Object.entries(DOMESTIC_PREMIUM_TABLES)) {
      const plan = home('44', '0', { allowedOutboundPrefixes: [`+${country}`] })
      for (const range of table.ranges) {
        const number = (range.prefix + '5555555555').slice(0, 12)
        expect(judgeDestination(number, plan), `${range.prefix} from the UK`).toMatchObject({
          verdict: 'deny',
          rule: 'premium',
          reason: expect.stringContaining(range.reason),
        })
      }
    }
  })

  it('opens a range only to an allowed prefix at least as precise', () => {
    const plan = home('49', '0', { allowedOutboundPrefixes: ['+49900'] })
    expect(judgeDestination('0900 1234567', plan)).toMatchObject({ verdict: 'allow', rule: 'allowed_prefix' })
    expect(judgeDestination('0700 1234 5678', plan)).toMatchObject({ verdict: 'deny', rule: 'premium' })
  })

  it('ranges dialled without a trunk prefix are refused behind the outside line too, and local numbers still pass', () => {
    const au = home('61', '0', { outsideLinePrefix: '0' })
    expect(judgeDestination('0 1900 123 456', au)).toMatchObject({ verdict: 'deny', rule: 'premium' })
    expect(judgeDestination('9123 4567', au)).toMatchObject({ verdict: 'allow', rule: 'domestic_local' })
    const ie = home('353', '0', { outsideLinePrefix: '9' })
    expect(judgeDestination('9 1550 123 456', ie)).toMatchObject({ verdict: 'deny', rule: 'premium', reason: 'Irish premium-rate 15xx numbers' })
  })

  it('says which countries have a table (the profile editor warns about the others)', () => {
    expect(hasPremiumTable('49')).toBe(true)
    expect(hasPremiumTable('353')).toBe(true)
    expect(hasPremiumTable('81')).toBe(false)
    expect(hasPremiumTable('4')).toBe(false)
    expect(tollTableFor('41')?.ranges.map((r) => r.prefix)).toEqual(['+41900', '+41901', '+41906'])
    expect(tollTableFor('81')).toBeUndefined()
    expect(tollTableFor('toString')).toBeUndefined()
  })
})

describe('emergency numbers come from the profile’s country', () => {
  it.each([
    ['1', ['911'], ['112', '999', '110']],
    ['44', ['999', '112'], ['911', '110']],
    ['49', ['112', '110'], ['911', '999']],
    ['33', ['112', '15', '17', '18', '114', '115', '119', '191', '196', '197'], ['911', '999']],
    ['61', ['000', '112'], ['911', '999']],
    ['64', ['111'], ['112', '911', '999']],
    ['81', ['110', '119'], ['112', '911', '999']],
    // An EU/EEA country with no table of its own: 112.
    ['31', ['112'], ['911', '999']],
    ['47', ['112', '110', '113'], ['911']],
    // Neither a table nor the EU/EEA: nothing by default.
    ['998', [], ['112', '911', '999']],
  ])('+%s: %j confirm, %j do not', (country, yes, no) => {
    const plan = home(country, '0')
    for (const n of yes) expect(judgeDestination(n, plan), n).toMatchObject({ verdict: 'confirm_emergency', kind: 'emergency', dialDigits: n })
    for (const n of no) expect(judgeDestination(n, plan).verdict, n).toBe('deny')
  })

  it('adds the profile’s own list to the country’s', () => {
    const plan = home('1', '1', { emergencyNumbers: ['112', '933'] })
    expect([...emergencyNumbersFor(plan)].sort()).toEqual(['112', '911', '933'])
    expect(judgeDestination('933', plan).verdict).toBe('confirm_emergency')
  })

  it('every table holds plain 2-6 digit numbers and every EU/EEA country gets 112', () => {
    for (const numbers of Object.values(NATIONAL_EMERGENCY_NUMBERS)) for (const n of numbers) expect(n).toMatch(/^[0-9]{2,6}$/)
    for (const cc of EU_EEA_CALLING_CODES) expect(emergencyNumbersFor({ country: cc, emergencyNumbers: [] }).has('112'), cc).toBe(true)
  })

  it('an outside-line prefix before another country’s emergency number is no emergency (9 + 999 in a US office)', () => {
    const us = home('1', '1', { outsideLinePrefix: '9', internalExtensions: { patterns: ['1XXX'], list: [] } })
    expect(judgeDestination('9999', us)).toMatchObject({ verdict: 'deny', rule: 'unknown_number' })
    expect(judgeDestination('9112', us)).toMatchObject({ verdict: 'deny', rule: 'unknown_number' })
    expect(judgeDestination('9911', us)).toMatchObject({ verdict: 'confirm_emergency' })
  })
})

describe('a known extension is that extension', () => {
  // The demo's German PBX: phones 100-119 (pattern 1XX), emergency 112 and 110, outside line 0.
  const DE = builtinDemoProfile({ ami: 5038 }).dialPlan

  it('extension 110 or 112 known to the PBX is internal, not "call 110 now"', () => {
    const known = new Set(['100', '110', '112'])
    expect(judgeDestination('110', DE, known)).toMatchObject({ verdict: 'allow', kind: 'internal', rule: 'known_extension', dialDigits: '110' })
    expect(judgeDestination('112', DE, known)).toMatchObject({ verdict: 'allow', kind: 'internal', rule: 'known_extension', dialDigits: '112' })
    // The outside line still reaches the real emergency number.
    expect(judgeDestination('0112', DE, known)).toMatchObject({ verdict: 'confirm_emergency', dialDigits: '0112' })
  })

  it('the dial plan’s own extension list counts as known', () => {
    const plan = { ...DE, internalExtensions: { ...DE.internalExtensions, list: ['110'] } }
    expect(judgeDestination('110', plan)).toMatchObject({ verdict: 'allow', rule: 'known_extension' })
  })

  it('a pattern that matches (1XX) does not make 112 an extension', () => {
    expect(judgeDestination('112', DE, new Set(['100', '101']))).toMatchObject({ verdict: 'confirm_emergency', rule: 'emergency' })
    expect(judgeDestination('105', DE, new Set(['100']))).toMatchObject({ verdict: 'allow', rule: 'internal_extension' })
  })
})
