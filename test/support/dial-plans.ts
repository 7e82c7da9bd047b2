import { builtinDemoProfile, type DialPlan } from '../../src-main/core/profiles'

/** A US seat: outside line 9, national prefix 1, international 011, four-digit extensions 1XXX, 911. */
export const US_SEAT: DialPlan = {
  country: '1',
  outsideLinePrefix: '9',
  nationalPrefix: '1',
  internationalPrefix: '011',
  internalExtensions: { patterns: ['1XXX'], list: [] },
  emergencyNumbers: ['911'],
  allowedOutboundPrefixes: [],
}

/** The demo PBX's German seat: outside line 0 collides with the national prefix 0. */
export const DE_SEAT: DialPlan = builtinDemoProfile({ ami: 5038 }).dialPlan
