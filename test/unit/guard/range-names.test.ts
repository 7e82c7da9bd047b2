import { afterEach, describe, expect, it } from 'vitest'
import { DOMESTIC_PREMIUM_TABLES, judgeDestination } from '../../../src-main/core/guard'
import { strings } from '../../../src-main/core/guard/range-strings'
import { DENY_RANGES, NANP_INTERNATIONAL_AREA_CODES } from '../../../src-main/core/guard/toll-fraud-tables'
import { setMainLanguage } from '../../../src-main/core/i18n'
import type { DialPlan } from '../../../src-main/core/profiles'
import { LANGUAGES } from '../../../src-preload/i18n/languages'
import { DE_SEAT as DE, US_SEAT as US } from '../../support/dial-plans'

/**
 * The guard's range names in the console's language (range-strings.ts): every row of the tables
 * has one, its English is the table's own text (the audit and the tables stay English), and a
 * refusal in German or French quotes the range in that language.
 */
const names: Readonly<Record<string, string>> = strings.texts.en

/** Every range the guard can name, by its key in range-strings.ts, with the table's English. */
const tableNames = new Map<string, string>([
  ...DENY_RANGES.filter((range) => range.rule !== 'nanp_international').map((range) => [range.prefix, range.reason] as const),
  ...Object.entries(NANP_INTERNATIONAL_AREA_CODES).map(([code, place]) => [`+1${code}`, place] as const),
  ...Object.entries(DOMESTIC_PREMIUM_TABLES).flatMap(([country, table]) =>
    ('dialled' in table ? table.dialled : []).map((range) => [`dialled.${country}.${range.prefix}`, range.reason] as const),
  ),
])

/** A seat in `country` dialling out through `outside`, as country-tables.test.ts builds them. */
function home(country: string, outside: string): DialPlan {
  return {
    country,
    outsideLinePrefix: outside,
    nationalPrefix: '0',
    internationalPrefix: '00',
    internalExtensions: { patterns: [], list: [] },
    emergencyNumbers: [],
    allowedOutboundPrefixes: [],
  }
}

afterEach(() => {
  // Main has one current language for the process: the next test starts in English again.
  setMainLanguage('en', [])
})

describe('range names in the console language', () => {
  it('every table row has a name whose English is the table text, and every name belongs to a row', () => {
    expect(tableNames.size).toBeGreaterThan(90)
    for (const [key, english] of tableNames) expect(names[key], key).toBe(english)
    expect(Object.keys(names).filter((key) => !tableNames.has(key))).toEqual([])
  })

  it('German and French name every range, in their own typography', () => {
    for (const lang of LANGUAGES) {
      const texts: Readonly<Record<string, string>> = strings.texts[lang]
      expect(Object.keys(texts).sort(), lang).toEqual(Object.keys(names).sort())
      for (const [key, text] of Object.entries(texts)) expect(text.trim(), `${lang}:${key}`).not.toBe('')
    }
    for (const [key, text] of Object.entries(strings.texts.fr)) expect(text, `fr:${key}`).not.toMatch(/'/)
    // The names are translated, not copied: only place names may read the same.
    expect(strings.texts.de['+49900']).not.toBe(names['+49900'])
    expect(strings.texts.fr['+31900']).not.toBe(names['+31900'])
  })

  it('a refusal quotes the range in German and French, and stays English in English', () => {
    expect(judgeDestination('+49 900 1234567', DE).reason).toBe('German premium-rate 0900 numbers')
    setMainLanguage('de', [])
    expect(judgeDestination('0 0900 1234567', DE)).toMatchObject({
      rule: 'premium',
      reason: 'gesperrte Mehrwertnummer (deutsche Premium-Rufnummern 0900)',
    })
    expect(judgeDestination('+870 123456789', { ...DE, allowedOutboundPrefixes: ['+8'] })).toMatchObject({
      rule: 'satellite',
      reason: 'gesperrte Satelliten- oder Sondernetznummer (Satellitennummern von Inmarsat) (das erlaubte Präfix +8 ist breiter als +870)',
    })
    expect(judgeDestination('1 876 555 0100', US)).toMatchObject({
      rule: 'nanp_international',
      reason: 'die Vorwahl 876 (Jamaika) sieht inländisch aus, wird aber als Auslandsgespräch berechnet',
    })
    setMainLanguage('fr', [])
    expect(judgeDestination('+31 900 1234567', DE).reason).toBe('numéro surtaxé bloqué (numéros surtaxés néerlandais 0900)')
    // A range dialled at home without a trunk prefix is named by its own key.
    expect(judgeDestination('9 1550 123 456', home('353', '9'))).toMatchObject({
      rule: 'premium',
      reason: 'numéro surtaxé bloqué (numéros surtaxés irlandais 15xx)',
    })
  })
})
