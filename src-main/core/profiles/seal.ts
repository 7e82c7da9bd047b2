import { createHmac, timingSafeEqual } from 'node:crypto'
import { canonicalSealedFields, type PbxProfile, type SealedFields } from './schema'

/**
 * The seal is an HMAC-SHA256 over a profile's sealed fields, keyed by a random key that lives
 * only in the SecretBox (encrypted by the OS keychain). Someone editing the settings file can
 * change the fields but cannot compute a matching seal, so the edit is detected.
 * `adminPassphraseSet` is covered too: deleting the passphrase record (to set a new one) breaks
 * every seal instead of silently handing over admin rights.
 *
 * Version 2 covers everything in SealedFields (dial plan, own extension, originate settings, dial
 * limits, endpoints). Version 1 covered only role, read-only and allowed prefixes; a v1 seal is
 * verified once, when the store first opens after the upgrade, and the profile is re-sealed as v2
 * under a new key (see ProfileStore's upgrade), so no v1 seal verifies afterwards.
 */
export interface SealInput {
  profileId: string
  adminPassphraseSet: boolean
  sealed: SealedFields
}

export const CURRENT_SEAL_VERSION = 2

function canonical(input: SealInput): string {
  // Fixed order throughout: the seal must not depend on how a JSON writer ordered the keys.
  return JSON.stringify(['attendant-profile-seal-v2', input.profileId, input.adminPassphraseSet, canonicalSealedFields(input.sealed)])
}

/** What a version-1 seal covered, exactly as that version wrote it. */
function canonicalV1(profileId: string, adminPassphraseSet: boolean, profile: PbxProfile): string {
  return JSON.stringify([
    'attendant-profile-seal-v1',
    profileId,
    profile.operator.role,
    profile.operator.readOnly,
    profile.dialPlan.allowedOutboundPrefixes,
    adminPassphraseSet,
  ])
}

function hmac(key: Buffer, text: string): string {
  return createHmac('sha256', key).update(text).digest('base64')
}

function sameMac(expected: string, seal: unknown): boolean {
  if (typeof seal !== 'string') return false
  const a = Buffer.from(expected, 'base64')
  const b = Buffer.from(seal, 'base64')
  return a.length === b.length && timingSafeEqual(a, b)
}

export function computeSeal(key: Buffer, input: SealInput): string {
  return hmac(key, canonical(input))
}

export function verifySeal(key: Buffer, input: SealInput, seal: unknown): boolean {
  return sameMac(computeSeal(key, input), seal)
}

/** Only for the one-time upgrade of records written before version 2. */
export function verifySealV1(key: Buffer, profileId: string, adminPassphraseSet: boolean, profile: PbxProfile, seal: unknown): boolean {
  return sameMac(hmac(key, canonicalV1(profileId, adminPassphraseSet, profile)), seal)
}

/** A version-1 seal as that version computed it (tests build pre-upgrade stores with it). */
export function computeSealV1(key: Buffer, profileId: string, adminPassphraseSet: boolean, profile: PbxProfile): string {
  return hmac(key, canonicalV1(profileId, adminPassphraseSet, profile))
}
