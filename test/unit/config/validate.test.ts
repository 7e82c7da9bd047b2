import { describe, expect, it } from 'vitest'
import { checkCid, checkDid, checkSecret, type NumberUser, validateValues, type ValidationContext } from '../../../src-main/core/config/validate'
import type { ExtensionValues, InboundRouteValues } from '../../../src-preload/types/config'

const ctx = (over: Partial<ValidationContext> = {}): ValidationContext => ({
  operation: 'create',
  usedNumbers: new Map<string, NumberUser>([
    ['101', { kind: 'extension', name: 'Anna' }],
    ['600', { kind: 'ringGroup' }],
    ['200', { kind: 'queue' }],
    ['102', { kind: 'extension', name: '' }],
  ]),
  extensions: new Set(['101', '102']),
  inboundRoutes: new Set(['555/']),
  destinations: [
    { destination: { type: 'extension', extension: '101' }, label: '101' },
    { destination: { type: 'hangup' }, label: 'Hang up' },
  ],
  ...over,
})

const ext = (over: Partial<ExtensionValues> = {}): ExtensionValues => ({
  extension: '150',
  name: 'Desk',
  tech: 'pjsip',
  email: '',
  outboundCid: '',
  emergencyCid: '',
  callerId: '',
  voicemail: false,
  userManager: false,
  maxContacts: 1,
  ...over,
})

describe('DID and CID patterns (FreePBX)', () => {
  it.each(['', '4930555000', '+4930555000', '*98', '#12', 'ABCD', '_X.', '_49[1-3]XX', '_NXXNXXXXXX', '_+49Z!'])('DID %s is taken', (did) => {
    expect(checkDid(did)).toBeUndefined()
  })
  it.each(['49 30', '4930-555', '++49', 'abc', '49+30', '_49 3', '_x.'])('DID %s is refused', (did) => {
    expect(checkDid(did)).toBeDefined()
  })
  it.each(['', '0301234', '_0X.', 'Anonymous', 'Private'])('CID %s is taken', (cid) => {
    expect(checkCid(cid)).toBeUndefined()
  })
  it.each(['+4930', 'anonymous', '030 12', 'E'])('CID %s is refused', (cid) => {
    expect(checkCid(cid)).toBeDefined()
  })
})

describe('extension rules', () => {
  it('numeric, unused by extensions, ring groups and queues', () => {
    expect(validateValues('extension', ext({ extension: '1a' }), {}, ctx()).extension).toMatch(/digits/)
    expect(validateValues('extension', ext({ extension: '101' }), {}, ctx()).extension).toBe('101 is already used by extension 101 Anna')
    expect(validateValues('extension', ext({ extension: '600' }), {}, ctx()).extension).toBe('600 is already used by ring group 600')
    expect(validateValues('extension', ext({ extension: '200' }), {}, ctx()).extension).toBe('200 is already used by queue 200')
    expect(validateValues('extension', ext({ extension: '102' }), {}, ctx()).extension).toBe('102 is already used by extension 102')
    expect(validateValues('extension', ext(), {}, ctx())).toEqual({})
    // An update keeps its own number.
    expect(validateValues('extension', ext({ extension: '101' }), {}, ctx({ operation: 'update', current: ext({ extension: '101' }) }))).toEqual({})
  })
  it('limits, emails, emergency caller ID, PINs and User Manager passwords', () => {
    const e = validateValues(
      'extension',
      ext({ name: ' ', maxContacts: 0, email: 'nope', emergencyCid: '030 123', voicemail: true, userManager: true }),
      { voicemailPin: '12a4' },
      ctx(),
    )
    expect(e).toEqual({
      name: 'a display name is required',
      maxContacts: 'from 1 to 100',
      email: 'not an email address',
      emergencyCid: 'digits only (a leading + is allowed)',
      voicemailPin: 'digits only',
      userManagerPassword: 'a User Manager user needs a password',
    })
  })
})

describe('destinations must exist', () => {
  const r = (destination: InboundRouteValues['destination']): InboundRouteValues => ({
    did: '777',
    cid: '',
    description: '',
    destination,
    cidPrefix: '',
    alertInfo: '',
    musicClass: '',
    ringing: false,
    delayAnswer: 0,
    privacyManager: false,
  })
  it('known ones pass, others are named; an unknown one is allowed only when kept', () => {
    expect(validateValues('inboundRoute', r({ type: 'extension', extension: '101' }), {}, ctx())).toEqual({})
    expect(validateValues('inboundRoute', r({ type: 'extension', extension: '102' }), {}, ctx()).destination).toBe('extension 102 does not exist')
    expect(validateValues('inboundRoute', r({ type: 'ivr', ivr: '1' }), {}, ctx()).destination).toBe('IVR 1 does not exist')
    const unknown = { type: 'unknown' as const, label: 'Announcements:Welcome' }
    expect(validateValues('inboundRoute', r(unknown), {}, ctx()).destination).toBe('choose a destination')
    expect(validateValues('inboundRoute', r(unknown), {}, ctx({ operation: 'update', current: r(unknown) }))).toEqual({})
    expect(validateValues('inboundRoute', { ...r({ type: 'hangup' }), did: '555' }, {}, ctx()).did).toMatch(/already exists/)
  })
})

describe('typed SIP secrets', () => {
  it('long enough, printable, nothing that breaks a phone’s config', () => {
    expect(checkSecret('short')).toMatch(/12/)
    expect(checkSecret('has a space in it')).toMatch(/no spaces/)
    expect(checkSecret('semi;colon-secret')).toMatch(/;/)
    expect(checkSecret('Good-Secret-4711x')).toBeUndefined()
  })
})
