import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto'

/** scrypt cost parameters; stored with each hash so they can be raised later without breaking old hashes. */
export interface ScryptCost {
  N: number
  r: number
  p: number
}

/** ~32 MiB and ~100 ms on a laptop: slow enough to make guessing a stolen hash expensive. */
export const DEFAULT_SCRYPT_COST: ScryptCost = { N: 2 ** 15, r: 8, p: 1 }
const KEY_LENGTH = 32
const SALT_BYTES = 16
export const MIN_PASSPHRASE_LENGTH = 10

export interface PassphraseRecord {
  v: 1
  salt: string
  hash: string
  N: number
  r: number
  p: number
}

function derive(passphrase: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(passphrase.normalize('NFC'), salt, KEY_LENGTH, { ...cost, maxmem: 256 * cost.N * cost.r + 1024 * 1024 }, (error, key) => {
      if (error) reject(error)
      else resolve(key)
    })
  })
}

export async function hashPassphrase(passphrase: string, cost: ScryptCost = DEFAULT_SCRYPT_COST): Promise<PassphraseRecord> {
  const salt = randomBytes(SALT_BYTES)
  const hash = await derive(passphrase, salt, cost)
  return { v: 1, salt: salt.toString('base64'), hash: hash.toString('base64'), ...cost }
}

export async function verifyPassphrase(passphrase: string, record: PassphraseRecord): Promise<boolean> {
  const expected = Buffer.from(record.hash, 'base64')
  const actual = await derive(passphrase, Buffer.from(record.salt, 'base64'), { N: record.N, r: record.r, p: record.p })
  return expected.length === actual.length && timingSafeEqual(expected, actual)
}

export function parsePassphraseRecord(text: string): PassphraseRecord | undefined {
  try {
    const value: unknown = JSON.parse(text)
    if (value === null || typeof value !== 'object') return undefined
    const { v, salt, hash, N, r, p } = value as Record<string, unknown>
    const isPositiveInt = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x > 0
    if (v !== 1 || typeof salt !== 'string' || typeof hash !== 'string') return undefined
    if (!isPositiveInt(N) || !isPositiveInt(r) || !isPositiveInt(p)) return undefined
    // Refuse absurd costs from a damaged record rather than allocate gigabytes.
    if (N > 2 ** 20 || r > 32 || p > 16) return undefined
    return { v, salt, hash, N, r, p }
  } catch {
    return undefined
  }
}
