import { describe, expect, it } from 'vitest'
import { callerIdKeys, numberKey, phoneDigits } from '../../../src-preload/types/phone-number'

const DE = { country: '49', nationalPrefix: '0', internationalPrefix: '00' }
const US = { country: '1', nationalPrefix: '1', internationalPrefix: '011' }
const IT = { country: '39', nationalPrefix: '', internationalPrefix: '00' }

describe('phone number keys', () => {
  it('gives every spelling of one German number one key', () => {
    for (const spelling of [
      '030 1234567',
      '+49 30 1234567',
      '+49 (0)30 123 45 67',
      '0049301234567',
      '(030) 123-45-67',
      '030/1234567',
      'tel:+49-30-1234567',
    ]) {
      expect(numberKey(spelling, DE), spelling).toBe('+49301234567')
    }
  })

  it('reads NANP numbers by their length and keeps short numbers and extensions as digits', () => {
    expect(numberKey('(212) 555-0100', US)).toBe('+12125550100')
    expect(numberKey('1 212 555 0100', US)).toBe('+12125550100')
    expect(numberKey('011 44 20 7946 0000', US)).toBe('+442079460000')
    expect(numberKey('555-0100', US)).toBe('5550100')
    expect(numberKey('105', DE)).toBe('105')
    // Italy dials its area codes' 0 inside the national number: there is no trunk prefix to drop.
    expect(numberKey('06 1234 5678', IT)).toBe('0612345678')
  })

  it('cuts an extension off and refuses what is no number', () => {
    expect(numberKey('+49 30 1234567 x 12', DE)).toBe('+49301234567')
    expect(numberKey('+49 30 1234567;ext=12', DE)).toBe('+49301234567')
    expect(numberKey('030 1234567 ext. 9', DE)).toBe('+49301234567')
    expect(phoneDigits('ask reception')).toBeUndefined()
    expect(phoneDigits('030+1234')).toBeUndefined()
    expect(phoneDigits('')).toBeUndefined()
    expect(phoneDigits('1'.repeat(21))).toBeUndefined()
  })

  it('finds a stored number from the caller IDs trunks send', () => {
    expect(callerIdKeys('+49301234567', DE)).toEqual(['+49301234567'])
    expect(callerIdKeys('0301234567', DE)).toEqual(['+49301234567'])
    // Some trunks send the international form without '+' or 00.
    expect(callerIdKeys('49301234567', DE)).toEqual(['49301234567', '+49301234567'])
    expect(callerIdKeys('anonymous', DE)).toEqual([])
  })
})
