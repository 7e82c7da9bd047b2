import { describe, expect, it } from 'vitest'
import { hashPassphrase, verifyPassphrase } from '../../../src-main/core/profiles'
import { TEST_COST } from './helpers'

describe('admin passphrase hashing', () => {
  it('verifies the right passphrase and refuses others, with a fresh salt per hash', async () => {
    const a = await hashPassphrase('a long admin passphrase', TEST_COST)
    const b = await hashPassphrase('a long admin passphrase', TEST_COST)
    expect(a.salt).not.toBe(b.salt)
    expect(a.hash).not.toBe(b.hash)
    expect(await verifyPassphrase('a long admin passphrase', a)).toBe(true)
    expect(await verifyPassphrase('a long admin passphrasE', a)).toBe(false)
    expect(await verifyPassphrase('', a)).toBe(false)
    expect(JSON.stringify(a)).not.toContain('admin passphrase')
  })

  it('uses production cost by default (N = 2^15)', async () => {
    const record = await hashPassphrase('another long passphrase')
    expect(record.N).toBe(2 ** 15)
    expect(await verifyPassphrase('another long passphrase', record)).toBe(true)
  })
})
