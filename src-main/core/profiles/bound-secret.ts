import { createHash } from 'node:crypto'
import { canonicalEndpoint, endpointLabel, endpointsOf, type PbxProfile, type SecretKind } from './schema'
import { say } from '../i18n'
import { strings } from './strings'

/**
 * A stored PBX secret carries the endpoint it was entered for (a digest of the canonical endpoint:
 * host, port, TLS and certificate settings, login method; a URL and its CA), and words naming it.
 * The SecretBox encrypts and authenticates the whole entry under its name, so the binding cannot
 * be edited or swapped between entries without the box's key.
 */
const MARK = 'attendant-bound-secret-v1'

export interface StoredSecret {
  readonly value: string
  /** Absent for a secret stored before secrets were bound (it is bound once, at the upgrade). */
  readonly binding?: { readonly digest: string; readonly label: string }
}

export function endpointDigest(kind: SecretKind, profile: PbxProfile): string {
  return createHash('sha256')
    .update(canonicalEndpoint(kind, endpointsOf(profile)))
    .digest('hex')
}

export function encodeBoundSecret(value: string, kind: SecretKind, profile: PbxProfile): string {
  return JSON.stringify([MARK, endpointDigest(kind, profile), endpointLabel(kind, profile), value])
}

export function decodeStoredSecret(text: string): StoredSecret {
  if (text.startsWith(`["${MARK}",`)) {
    try {
      const parsed: unknown = JSON.parse(text)
      if (Array.isArray(parsed) && parsed.length === 4 && parsed.every((part) => typeof part === 'string')) {
        const [, digest, label, value] = parsed as [string, string, string, string]
        return { value, binding: { digest, label } }
      }
    } catch {
      // Not ours after all: treat it as a legacy value below.
    }
  }
  return { value: text }
}

export type SecretLookup =
  | { readonly state: 'bound'; readonly value: string }
  | { readonly state: 'none' }
  /** Stored, but for another endpoint (or before binding existed): never used. */
  | { readonly state: 'unbound'; readonly reason: string }

const t = say(strings)

/** Whether a stored secret may be sent to the endpoint this profile names for it. */
export function lookupFor(stored: StoredSecret | undefined, kind: SecretKind, profile: PbxProfile): SecretLookup {
  if (stored === undefined) return { state: 'none' }
  if (stored.binding === undefined) return { state: 'unbound', reason: t(`unbound.legacy.${kind}`) }
  if (stored.binding.digest !== endpointDigest(kind, profile)) {
    // The same address with other protection (TLS, certificate, login method) is not the endpoint it was entered for either.
    const moved = endpointLabel(kind, profile) !== stored.binding.label
    return { state: 'unbound', reason: t(moved ? `unbound.moved.${kind}` : `unbound.changed.${kind}`, { was: stored.binding.label }) }
  }
  return { state: 'bound', value: stored.value }
}
