import { describe, expect, it } from 'vitest'
import { builtinDemoProfile, isValidTimeZone, pbxProfileSchema } from '../../../src-main/core/profiles'
import { profile } from './helpers'

describe('PbxProfile schema', () => {
  it('accepts the built-in demo profile: loopback, least-privileged operator user, receptionist', () => {
    const demo = builtinDemoProfile({ ami: 40123, ari: 40124 })
    expect(pbxProfileSchema.parse(demo)).toEqual(demo)
    expect(demo.host).toBe('127.0.0.1')
    expect(demo.ami.user).toBe('operator')
    expect(demo.operator.role).toBe('receptionist')
    expect(demo.dialPlan.allowedOutboundPrefixes).toEqual([])
    expect(demo.ari.enabled).toBe(true)
    expect(builtinDemoProfile({ ami: 1 }).ari.enabled).toBe(false)
  })

  it('validates IANA time zones with Intl', () => {
    expect(isValidTimeZone('Europe/London')).toBe(true)
    expect(isValidTimeZone('UTC')).toBe(true)
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false)
    expect(pbxProfileSchema.safeParse(profile({ timeZone: 'Not/AZone' })).success).toBe(false)
  })

  it.each([
    ['a channel template with a second leg', { originate: { ...profile().originate, channelTemplate: 'PJSIP/{ext}&PJSIP/trunk/900' } }],
    ['a context with an @', { originate: { ...profile().originate, context: 'from-internal@evil' } }],
    ['an AMI user with CR/LF', { ami: { ...profile().ami, user: 'operator\r\nAction: Command' } }],
    ['a host with a path', { host: 'pbx.example.com/evil' }],
    ['an allowed prefix without +', { dialPlan: { ...profile().dialPlan, allowedOutboundPrefixes: ['44'] } }],
    ['an extension pattern with regex syntax', { dialPlan: { ...profile().dialPlan, internalExtensions: { patterns: ['1.*'], list: [] } } }],
    ['a FreePBX URL with credentials', { freepbx: { ...profile().freepbx, baseUrl: 'https://user:pw@pbx.example.com' } }],
    ['an unknown role', { operator: { ...profile().operator, role: 'root' } }],
    ['a non-ASCII own extension', { operator: { ...profile().operator, ownExtension: '١٠٠١' } }],
  ])('rejects %s', (_label, overrides) => {
    expect(pbxProfileSchema.safeParse({ ...profile(), ...overrides }).success).toBe(false)
  })

  it.each([
    ['a NUL', 'Evil\u0000'],
    ['a right-to-left override', 'Evil\u202eelif.exe'],
    ['a left-to-right mark', 'Front\u200edesk'],
    ['an isolate', 'Front\u2066desk\u2069'],
    ['an Arabic letter mark', 'Front\u061cdesk'],
    ['a line break', 'Front\ndesk'],
    ['an escape', 'Front\u001b[31mdesk'],
  ])('refuses a name with %s, naming the field', (_label, name) => {
    const result = pbxProfileSchema.safeParse({ ...profile(), name })
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.path).toEqual(['name'])
  })

  it('keeps accented and non-Latin names', () => {
    expect(pbxProfileSchema.safeParse({ ...profile(), name: 'Zürich – Empfang 東京' }).success).toBe(true)
  })

  it('refuses unknown keys at every level, naming them, __proto__ and constructor included', () => {
    const cases: [unknown, string[], string][] = [
      [{ ...profile(), extra: 1 }, [], 'extra'],
      [JSON.parse(JSON.stringify({ ...profile(), constructor: { x: 1 } })), [], 'constructor'],
      [JSON.parse(JSON.stringify(profile()).replace('"ami":{', '"ami":{"__proto__":{"admin":true},')), ['ami'], '__proto__'],
      [
        { ...profile(), dialPlan: { ...profile().dialPlan, internalExtensions: { patterns: [], list: [], sneaky: ['900'] } } },
        ['dialPlan', 'internalExtensions'],
        'sneaky',
      ],
      [{ ...profile(), dialLimits: { burst: 1, perMinute: 1, unlimited: true } }, ['dialLimits'], 'unlimited'],
    ]
    for (const [input, path, key] of cases) {
      const result = pbxProfileSchema.safeParse(input)
      expect(result.success, key).toBe(false)
      expect(result.error?.issues[0], key).toMatchObject({ code: 'unrecognized_keys', path, keys: [key] })
    }
  })
})
