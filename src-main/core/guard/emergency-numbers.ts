import type { DialPlan } from '../profiles/schema'

/**
 * The national emergency numbers of each calling code, as dialled in that country. The guard
 * never refuses these (it asks to confirm); everything else short is an extension or unknown.
 * A number is only an emergency number where it is one: 999 is the UK's, but in a US office
 * `9999` is an extension, not "outside line + 999".
 *
 * 112 works on every network in the EU/EEA (Universal Service Directive), so a member country
 * without a table of its own (those whose only number is 112) still gets it; a profile adds what is
 * missing through its sealed `dialPlan.emergencyNumbers`.
 */
export const NATIONAL_EMERGENCY_NUMBERS: Readonly<Record<string, readonly string[]>> = Object.freeze({
  '1': ['911'], // NANP
  '7': ['112', '101', '102', '103', '104'], // Russia, Kazakhstan
  '27': ['10111', '10177', '112'], // South Africa
  '30': ['112', '100', '166', '199', '108'], // Greece: police, ambulance, fire, coast guard
  '32': ['112', '100', '101'], // Belgium: ambulance and fire, police
  '33': ['112', '15', '17', '18', '114', '115', '119', '191', '196', '197'], // France
  '34': ['112', '061', '062', '080', '085', '091', '092'], // Spain
  '36': ['112', '104', '105', '107'], // Hungary: ambulance, fire, police
  '39': ['112', '113', '115', '118', '1530'], // Italy: police, fire, ambulance, coast guard
  '41': ['112', '117', '118', '144', '1414'], // Switzerland: police, fire, ambulance, Rega air rescue
  '43': ['112', '122', '133', '140', '144'], // Austria: fire, police, mountain rescue, ambulance
  '44': ['999', '112'], // United Kingdom
  '47': ['112', '110', '113'], // Norway: police, fire, ambulance
  '48': ['112', '997', '998', '999'], // Poland: police, fire, ambulance
  '49': ['112', '110'], // Germany: fire and ambulance, police
  '52': ['911'], // Mexico
  '55': ['190', '192', '193'], // Brazil: police, ambulance, fire
  '61': ['000', '112', '106'], // Australia (106: text relay for deaf callers)
  '64': ['111'], // New Zealand
  '65': ['999', '995'], // Singapore
  '81': ['110', '119', '118'], // Japan: police, fire and ambulance, coast guard
  '82': ['112', '119'], // South Korea: police, fire and ambulance
  '86': ['110', '119', '120', '122'], // China
  '90': ['112', '110', '155', '156'], // Turkey
  '91': ['112', '100', '101', '102', '108'], // India
  '262': ['112', '15', '17', '18'], // Réunion, Mayotte (France)
  '352': ['112', '113'], // Luxembourg: police
  '353': ['112', '999'], // Ireland
  '357': ['112', '199'], // Cyprus
  '359': ['112', '150', '160', '166'], // Bulgaria
  '371': ['112', '110', '113'], // Latvia: police, ambulance
  '380': ['112', '101', '102', '103', '104'], // Ukraine
  '385': ['112', '192', '193', '194', '195'], // Croatia: police, fire, ambulance, sea rescue
  '386': ['112', '113'], // Slovenia: police
  '420': ['112', '150', '155', '156', '158'], // Czechia: fire, ambulance, city police, police
  '421': ['112', '150', '155', '158'], // Slovakia: fire, ambulance, police
  '423': ['112', '117', '118', '144'], // Liechtenstein: police, fire, ambulance
  '590': ['112', '15', '17', '18'], // Guadeloupe and the French Antilles
  '594': ['112', '15', '17', '18'], // French Guiana
  '596': ['112', '15', '17', '18'], // Martinique
  '852': ['999', '112'], // Hong Kong
  '971': ['999', '998', '997'], // United Arab Emirates: police, ambulance, fire
  '972': ['100', '101', '102'], // Israel: police, ambulance, fire
})

/** The calling codes of the EU and EEA member states (and the EU's outermost regions). */
export const EU_EEA_CALLING_CODES: ReadonlySet<string> = new Set([
  '30',
  '31',
  '32',
  '33',
  '34',
  '36',
  '39',
  '40',
  '43',
  '45',
  '46',
  '47',
  '48',
  '49',
  '262',
  '351',
  '352',
  '353',
  '354',
  '356',
  '357',
  '358',
  '359',
  '370',
  '371',
  '372',
  '385',
  '386',
  '420',
  '421',
  '423',
  '590',
  '594',
  '596',
])

/** The profile's emergency numbers: its country's national numbers plus its own sealed list. */
export function emergencyNumbersFor(plan: Pick<DialPlan, 'country' | 'emergencyNumbers'>): ReadonlySet<string> {
  const national = NATIONAL_EMERGENCY_NUMBERS[plan.country] ?? (EU_EEA_CALLING_CODES.has(plan.country) ? ['112'] : [])
  return new Set([...national, ...plan.emergencyNumbers])
}
