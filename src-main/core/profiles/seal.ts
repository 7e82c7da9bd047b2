import { createHmac, timingSafeEqual } from 'node:crypto'
import type { SealedFields } from './schema'

/**
 * The seal is an HMAC-SHA256 over a profile's widening fields, keyed by a random key that lives
 * only in the SecretBox (encrypted by the OS keychain). Someone editing the settings file can
 * change the fields but cannot compute a matching seal, so the edit is detected.
 * `adminPassphraseSet` is covered too: deleting the passphrase record (to set a new one) breaks
 * every seal instead of silently handing over admin rights.
 */
export interface SealInput extends SealedFields {
  profileId: string
  adminPassphraseSet: boolean
}

function canonical(input: SealInput): string {
  // Fixed key order: the seal must not depend on how a JSON writer ordered the keys.
  return JSON.stringify([
    'attendant-profile-seal-v1',
    input.profileId,
    input.role,
    input.readOnly,
    input.allowedOutboundPrefixes,
    input.adminPassphraseSet,
  ])
}

export function computeSeal(key: Buffer, input: SealInput): string {
  return createHmac('sha256', key).update(canonical(input)).digest('base64')
}

export function verifySeal(key: Buffer, input: SealInput, seal: unknown): boolean {
  if (typeof seal !== 'string') return false
  const expected = Buffer.from(computeSeal(key, input), 'base64')
  const actual = Buffer.from(seal, 'base64')
  return expected.length === actual.length && timingSafeEqual(expected, actual)
}
