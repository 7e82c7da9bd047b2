/**
 * The countries (E.164 calling codes) whose domestic premium-rate and revenue-sharing ranges the
 * toll-fraud guard knows, in a module without dependencies: main's guard keys its tables by this
 * list (the compiler refuses a table missing from it or one it does not name), and the profile
 * editor warns when a profile's country is not in it.
 */
export const PREMIUM_TABLE_COUNTRIES = [
  '1', // NANP
  '30', // Greece
  '31', // Netherlands
  '32', // Belgium
  '33', // France
  '34', // Spain
  '36', // Hungary
  '39', // Italy
  '40', // Romania
  '41', // Switzerland
  '43', // Austria
  '44', // United Kingdom
  '45', // Denmark
  '46', // Sweden
  '47', // Norway
  '48', // Poland
  '49', // Germany
  '61', // Australia
  '64', // New Zealand
  '351', // Portugal
  '352', // Luxembourg
  '353', // Ireland
  '354', // Iceland
  '356', // Malta
  '357', // Cyprus
  '358', // Finland
  '359', // Bulgaria
  '370', // Lithuania
  '371', // Latvia
  '372', // Estonia
  '385', // Croatia
  '386', // Slovenia
  '420', // Czechia
  '421', // Slovakia
  '423', // Liechtenstein
] as const

export type PremiumTableCountry = (typeof PREMIUM_TABLE_COUNTRIES)[number]

const KNOWN: ReadonlySet<string> = new Set(PREMIUM_TABLE_COUNTRIES)

/** Whether the guard knows this calling code's own premium-rate ranges ('49' yes, '81' no). */
export function hasPremiumTable(country: string): boolean {
  return KNOWN.has(country)
}
