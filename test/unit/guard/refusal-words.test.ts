import { describe, expect, it } from 'vitest'
import { judgeDestination } from '../../../src-main/core/guard'
import { DE_SEAT as DE, US_SEAT as US } from '../../support/dial-plans'

/** The demo's German seat (outside line 0) and a US one: the guard's reasons are read by receptionists. */
const JARGON = /E\.164|short codes are refused|unknown_number|invalid_number/

describe('refusal words a receptionist understands (issue 18 item 7)', () => {
  it('a number that is too long says how long it is, not that it is a short code', () => {
    for (const input of ['1234567890123456789012345', '01234567890123456789012345', '+49 30 1234 5678 9012 3456', '0301234567890123']) {
      const j = judgeDestination(input, DE)
      expect(j.verdict).toBe('deny')
      const digits = input.replace(/\D/g, '').length
      expect(j.reason).toBe(`${String(digits)} digits is too long for a phone number (at most 15 with the country code): check the number`)
    }
    expect(judgeDestination('9011491234567890123456', US).reason).toMatch(/^22 digits is too long/)
  })

  it('a short number says it is not dialled from the console; a bare prefix says what is missing', () => {
    expect(judgeDestination('99999', DE).reason).toBe(
      'not an extension, an emergency number or a whole phone number (service codes and short numbers are not dialled from the console)',
    )
    expect(judgeDestination('000', DE).reason).toBe('only the prefix for abroad was dialled: add the country code and number')
    expect(judgeDestination('+1234', DE).reason).toBe('too short for a phone number: add the area code and number')
  })

  it('what lets a number through is said too: the emergency number itself, a local number, the allowed prefix', () => {
    expect(judgeDestination('9911', US)).toMatchObject({ dialDigits: '9911', reason: '911 is an emergency number; confirm to dial' })
    expect(judgeDestination('0 112', DE)).toMatchObject({ dialDigits: '0112', reason: '112 is an emergency number; confirm to dial' })
    expect(judgeDestination('555-1234', US)).toMatchObject({ dialDigits: '95551234', reason: 'a local number' })
    expect(judgeDestination('212 555 1234', US)).toMatchObject({ e164: '+12125551234', dialDigits: '912125551234', reason: 'a domestic number' })
    const abroad = judgeDestination('011 44 20 7946 0000', { ...US, allowedOutboundPrefixes: ['+44'] })
    expect(abroad).toMatchObject({ e164: '+442079460000', dialDigits: '9011442079460000', reason: "allowed by the profile's outbound prefix +44" })
  })

  it('no refusal speaks in jargon', () => {
    for (const input of ['12', '0', '00', '000', '+1', '+12345', '99999', '9'.repeat(31), '0049', '0012345678901234567', '1234567']) {
      for (const plan of [DE, US]) {
        const j = judgeDestination(input, plan)
        if (j.verdict === 'deny') expect(j.reason).not.toMatch(JARGON)
      }
    }
  })
})
