import type { PremiumTableCountry } from '../../../src-preload/types/premium-tables'

/** One national range the guard refuses as premium; `reason` names the range as its plan does. */
export interface PremiumRange {
  readonly prefix: string
  readonly reason: string
}

export interface DomesticPremiumTable {
  /** E.164 prefixes ('+49900' for German 0900). */
  readonly ranges: readonly PremiumRange[]
  /**
   * Ranges dialled at home exactly as written, without a trunk prefix (Irish 15xx, Australian
   * 190x): digits as dialled. They look like local numbers by their length, so the guard must
   * know them by their first digits; some have no E.164 form that cannot be confused with a
   * geographic number (Irish 1550… against Dublin's 01 550…).
   */
  readonly dialled?: readonly PremiumRange[]
}

/**
 * The premium-rate and revenue-sharing ranges of each national numbering plan the guard knows:
 * the ranges where the called party is paid per minute or per call, which are what toll fraud
 * (traffic pumping, "wangiri" call-backs) pays itself through. Shared-cost and national-rate
 * ranges the caller pays a capped ordinary price for, with nothing paid on to the number's
 * holder (Swiss 084x, Australian 13/1300, Danish 70, Spanish 901, Italian 84x), are left open:
 * front desks call them every day and they earn a fraudster nothing.
 *
 * Keyed by PREMIUM_TABLE_COUNTRIES (src-preload/types/premium-tables.ts): the compiler refuses a
 * table the list does not name and a listed country without a table. Every table is refused
 * whatever the profile's own country; an allowed prefix that names the range at least as
 * precisely opens it.
 */
export const DOMESTIC_PREMIUM_TABLES = {
  '1': {
    ranges: [
      { prefix: '+1900', reason: 'North American premium-rate 1-900 numbers' },
      // NPA 976 is not an assigned area code: 1-976 is the old premium exchange dialled as one.
      { prefix: '+1976', reason: 'North American premium-rate 1-976 numbers (976 is not an area code)' },
    ],
  },
  '30': { ranges: [{ prefix: '+3090', reason: 'Greek premium-rate 90x numbers (901, 909)' }] },
  '31': {
    ranges: [
      { prefix: '+31900', reason: 'Dutch premium-rate 0900 numbers' },
      { prefix: '+31906', reason: 'Dutch premium-rate 0906 numbers (entertainment)' },
      { prefix: '+31909', reason: 'Dutch premium-rate 0909 numbers (entertainment)' },
      { prefix: '+3184', reason: 'Dutch 084 personal-assistant numbers, a revenue-sharing fraud route' },
      { prefix: '+3187', reason: 'Dutch 087 personal-assistant numbers, a revenue-sharing fraud route' },
    ],
  },
  '32': {
    ranges: [
      // 090x is premium throughout; Ghent's 09 numbers never start with 0 after the area code.
      { prefix: '+3290', reason: 'Belgian premium-rate 090x numbers' },
      { prefix: '+3270', reason: 'Belgian special-rate 070 numbers (revenue-sharing)' },
    ],
  },
  '33': {
    ranges: [
      { prefix: '+3381', reason: 'French special-rate 081 numbers (service charged on top)' },
      { prefix: '+3382', reason: 'French special-rate 082 numbers (service charged on top)' },
      { prefix: '+3389', reason: 'French premium-rate 089 numbers' },
    ],
  },
  '34': {
    ranges: [
      { prefix: '+34803', reason: 'Spanish premium-rate 803 numbers (adult services)' },
      { prefix: '+34806', reason: 'Spanish premium-rate 806 numbers (entertainment)' },
      { prefix: '+34807', reason: 'Spanish premium-rate 807 numbers (professional services)' },
      { prefix: '+34905', reason: 'Spanish 905 mass-calling and televoting numbers' },
      { prefix: '+34902', reason: 'Spanish 902 single-tariff numbers (revenue-sharing)' },
    ],
  },
  '36': {
    ranges: [
      { prefix: '+3690', reason: 'Hungarian premium-rate 06-90 numbers' },
      { prefix: '+3691', reason: 'Hungarian premium-rate 06-91 numbers (adult services)' },
    ],
  },
  '39': {
    ranges: [
      { prefix: '+3989', reason: 'Italian premium-rate 89x numbers (numerazioni a sovrapprezzo)' },
      { prefix: '+39199', reason: 'Italian 199 single numbers (special tariff, revenue-sharing)' },
    ],
  },
  '40': { ranges: [{ prefix: '+4090', reason: 'Romanian premium-rate 090x numbers' }] },
  '41': {
    ranges: [
      { prefix: '+41900', reason: 'Swiss premium-rate 0900 numbers (business and marketing)' },
      { prefix: '+41901', reason: 'Swiss premium-rate 0901 numbers (entertainment and games)' },
      { prefix: '+41906', reason: 'Swiss premium-rate 0906 numbers (adult services)' },
    ],
  },
  '43': {
    ranges: [
      { prefix: '+43810', reason: 'Austrian tariff-capped 0810 service numbers (revenue-sharing)' },
      { prefix: '+43820', reason: 'Austrian tariff-capped 0820 service numbers (revenue-sharing)' },
      { prefix: '+43821', reason: 'Austrian tariff-capped 0821 service numbers (revenue-sharing)' },
      // Austria's 09 is value-added services only: 0900/0901 premium rate, 093x adult services.
      { prefix: '+439', reason: 'Austrian value-added 09xx numbers (0900 premium rate, 093x adult services)' },
    ],
  },
  '44': {
    ranges: [
      { prefix: '+449', reason: 'UK premium-rate 09 numbers' },
      { prefix: '+4487', reason: 'UK revenue-sharing 087 numbers' },
      { prefix: '+4470', reason: 'UK personal numbers (070), a common fraud route' },
    ],
  },
  '45': { ranges: [{ prefix: '+4590', reason: 'Danish premium-rate 90 numbers (overtakserede numre)' }] },
  '46': {
    ranges: [
      { prefix: '+46900', reason: 'Swedish premium-rate 0900 numbers (betalsamtal)' },
      { prefix: '+46939', reason: 'Swedish premium-rate 0939 numbers (betalsamtal)' },
      { prefix: '+46944', reason: 'Swedish premium-rate 0944 numbers (betalsamtal)' },
    ],
  },
  '47': {
    ranges: [
      { prefix: '+47820', reason: 'Norwegian premium-rate 820 numbers' },
      { prefix: '+47829', reason: 'Norwegian premium-rate 829 numbers (adult services)' },
    ],
  },
  '48': { ranges: [{ prefix: '+4870', reason: 'Polish premium-rate 70x numbers' }] },
  '49': {
    ranges: [
      { prefix: '+49900', reason: 'German premium-rate 0900 numbers' },
      { prefix: '+49137', reason: 'German mass-calling 0137 numbers' },
      { prefix: '+49180', reason: 'German 0180 service numbers (revenue-sharing)' },
      { prefix: '+49700', reason: 'German personal numbers (0700), a revenue-sharing fraud route' },
    ],
  },
  '61': {
    ranges: [{ prefix: '+6119', reason: 'Australian premium-rate 190x numbers' }],
    dialled: [{ prefix: '19', reason: 'Australian premium-rate 190x numbers' }],
  },
  '64': { ranges: [{ prefix: '+64900', reason: 'New Zealand premium-rate 0900 numbers' }] },
  '351': {
    ranges: [
      { prefix: '+35160', reason: 'Portuguese value-added 60x numbers' },
      { prefix: '+351707', reason: 'Portuguese 707 single numbers (revenue-sharing)' },
      { prefix: '+351708', reason: 'Portuguese 708 single numbers (revenue-sharing)' },
      { prefix: '+35176', reason: 'Portuguese 76x televoting and prize numbers' },
    ],
  },
  '352': { ranges: [{ prefix: '+35290', reason: 'Luxembourg premium-rate 90x numbers' }] },
  '353': {
    // Irish 15xx numbers are dialled without the 0 and have no E.164 form distinct from Dublin's.
    ranges: [],
    dialled: [{ prefix: '15', reason: 'Irish premium-rate 15xx numbers' }],
  },
  '354': { ranges: [{ prefix: '+35490', reason: 'Icelandic premium-rate 90x numbers' }] },
  '356': { ranges: [{ prefix: '+35650', reason: 'Maltese premium-rate 50 numbers' }] },
  '357': { ranges: [{ prefix: '+35790', reason: 'Cypriot premium-rate 90 numbers' }] },
  '358': {
    ranges: [
      { prefix: '+358600', reason: 'Finnish premium-rate 0600 numbers' },
      { prefix: '+358700', reason: 'Finnish premium-rate 0700 numbers (entertainment)' },
    ],
  },
  '359': { ranges: [{ prefix: '+35990', reason: 'Bulgarian premium-rate 090 numbers' }] },
  '370': { ranges: [{ prefix: '+37090', reason: 'Lithuanian premium-rate 90x numbers' }] },
  '371': { ranges: [{ prefix: '+37190', reason: 'Latvian premium-rate 90 numbers' }] },
  '372': { ranges: [{ prefix: '+372900', reason: 'Estonian premium-rate 900 numbers' }] },
  '385': {
    ranges: [
      { prefix: '+38560', reason: 'Croatian premium-rate 060 numbers' },
      { prefix: '+38561', reason: 'Croatian 061 televoting numbers' },
      { prefix: '+38564', reason: 'Croatian premium-rate 064 numbers (adult services)' },
      { prefix: '+38565', reason: 'Croatian 065 prize-game numbers' },
      { prefix: '+38569', reason: 'Croatian premium-rate 069 numbers (services for children)' },
    ],
  },
  '386': { ranges: [{ prefix: '+38690', reason: 'Slovenian premium-rate 090 numbers' }] },
  '420': {
    // 90x only: 910 and up are ordinary (VoIP) numbers.
    ranges: [{ prefix: '+42090', reason: 'Czech premium-rate 90x numbers (900, 906, 908, 909)' }],
  },
  '421': {
    // Only 0900: Slovak mobile numbers use the rest of 09 (0901-0959).
    ranges: [{ prefix: '+421900', reason: 'Slovak premium-rate 0900 numbers' }],
  },
  '423': { ranges: [{ prefix: '+42390', reason: 'Liechtenstein premium-rate 90x numbers' }] },
} as const satisfies Record<PremiumTableCountry, DomesticPremiumTable>

/** The premium table of a calling code, if the guard has one ('49' → German 0900, 0137, …). */
export function tollTableFor(country: string): DomesticPremiumTable | undefined {
  return Object.hasOwn(DOMESTIC_PREMIUM_TABLES, country)
    ? (DOMESTIC_PREMIUM_TABLES as Readonly<Record<string, DomesticPremiumTable>>)[country]
    : undefined
}
