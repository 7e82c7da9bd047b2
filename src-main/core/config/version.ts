/**
 * An object's version: a keyed fingerprint of everything read (secrets included, so a secret
 * rotated elsewhere also counts as a change). Keyed with a random per-process key so the
 * fingerprint of a short PIN cannot be reversed by trying every PIN.
 */
import { createHmac, randomBytes } from 'node:crypto'

const KEY = randomBytes(32)

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical)
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, canonical(v)]),
    )
  }
  return value
}

export function versionOf(image: unknown): string {
  return createHmac('sha256', KEY)
    .update(JSON.stringify(canonical(image)))
    .digest('base64url')
    .slice(0, 22)
}
