import { DOMESTIC_PREMIUM_TABLES, type DomesticPremiumTable } from './domestic-premium-tables'

/**
 * Destination ranges refused unless the profile's allowedOutboundPrefixes name them at least as
 * precisely. Not exhaustive by design: international calls are refused by default anyway; these
 * entries make sure a broad allowance (e.g. '+1' or '+44') does not open the expensive corners.
 */
export interface DenyRange {
  prefix: string
  rule: 'premium' | 'satellite' | 'nanp_international'
  reason: string
}

/**
 * NANP area codes inside +1 that are billed as international calls: the "one-ring" and callback
 * fraud targets. All are real, assigned NPAs outside the US and Canada. Deliberately NOT listed:
 * 340 (US Virgin Islands), 787/939 (Puerto Rico), 670 (Northern Mariana Islands), 671 (Guam),
 * 684 (American Samoa) — US territories, rated as domestic calls.
 */
export const NANP_INTERNATIONAL_AREA_CODES: Readonly<Record<string, string>> = Object.freeze({
  '242': 'Bahamas',
  '246': 'Barbados',
  '264': 'Anguilla',
  '268': 'Antigua and Barbuda',
  '284': 'British Virgin Islands',
  '345': 'Cayman Islands',
  '441': 'Bermuda',
  '473': 'Grenada',
  '649': 'Turks and Caicos Islands',
  '658': 'Jamaica',
  '664': 'Montserrat',
  '721': 'Sint Maarten',
  '758': 'Saint Lucia',
  '767': 'Dominica',
  '784': 'Saint Vincent and the Grenadines',
  '809': 'Dominican Republic',
  '829': 'Dominican Republic',
  '849': 'Dominican Republic',
  '868': 'Trinidad and Tobago',
  '869': 'Saint Kitts and Nevis',
  '876': 'Jamaica',
})

export const DENY_RANGES: readonly DenyRange[] = [
  // Global satellite and non-geographic networks (ITU allocations): very expensive per minute
  // and favourite IRSF destinations.
  { prefix: '+870', rule: 'satellite', reason: 'Inmarsat satellite numbers' },
  { prefix: '+881', rule: 'satellite', reason: 'global mobile satellite systems (Iridium, Globalstar, …)' },
  { prefix: '+882', rule: 'satellite', reason: 'international networks (Thuraya and others)' },
  { prefix: '+883', rule: 'satellite', reason: 'international networks' },
  // ITU International Premium Rate Service.
  { prefix: '+979', rule: 'premium', reason: 'international premium-rate service' },
  // Each country's own premium-rate and revenue-sharing ranges, refused from any country.
  ...Object.values(DOMESTIC_PREMIUM_TABLES).flatMap((table: DomesticPremiumTable) =>
    table.ranges.map((range): DenyRange => ({ prefix: range.prefix, rule: 'premium', reason: range.reason })),
  ),
  ...Object.entries(NANP_INTERNATIONAL_AREA_CODES).map(([code, place]): DenyRange => ({
    prefix: `+1${code}`,
    rule: 'nanp_international',
    reason: `area code ${code} (${place}) looks domestic but is billed as an international call`,
  })),
]

/** The NANP "976" exchange (any area code, or dialled locally as 976-XXXX) was the premium range. */
export const NANP_PREMIUM_EXCHANGE = '976'
