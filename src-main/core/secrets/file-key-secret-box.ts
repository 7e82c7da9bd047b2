import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { closeSync, fstatSync, fsyncSync, mkdirSync, openSync, readSync, writeSync } from 'node:fs'
import { dirname } from 'node:path'
import { EnvelopeSecretBox } from './envelope-secret-box'
import type { KeyValueBackend } from './key-value-backend'
import { SecretBoxError, type SecretBoxStatus } from './secret-box'

const KEY_BYTES = 32
const IV_BYTES = 12
const TAG_BYTES = 16
const ENVELOPE_PREFIX = 'fk1'

type KeyState = { ok: true; key: Buffer } | { ok: false; reason: string }

/**
 * AES-256-GCM box for web mode and tests: a random 32-byte key in a file only the user may read,
 * a random IV per secret, and the secret's name as additional authenticated data so a ciphertext
 * moved to another name (or altered in any byte) fails its authentication tag.
 * Anyone who can read the key file can read the secrets: it protects against a copied settings
 * file, not against the user's own account.
 */
export class FileKeySecretBox extends EnvelopeSecretBox {
  readonly #keyState: KeyState

  constructor(kv: KeyValueBackend, keyFilePath: string) {
    super(kv)
    this.#keyState = loadOrCreateKey(keyFilePath)
  }

  isAvailable(): SecretBoxStatus {
    return this.#keyState.ok ? { ok: true, backend: 'file-key' } : { ok: false, backend: 'file-key', reason: this.#keyState.reason }
  }

  protected seal(name: string, secret: string): string {
    const iv = randomBytes(IV_BYTES)
    const cipher = createCipheriv('aes-256-gcm', this.#key(), iv)
    cipher.setAAD(aadFor(name))
    const ciphertext = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()])
    return [ENVELOPE_PREFIX, iv.toString('base64'), cipher.getAuthTag().toString('base64'), ciphertext.toString('base64')].join('.')
  }

  protected open(name: string, envelope: unknown): string {
    return openEnvelope(this.#key(), name, envelope)
  }

  #key(): Buffer {
    if (!this.#keyState.ok) throw new SecretBoxError('insecure_key_file', this.#keyState.reason)
    return this.#keyState.key
  }
}

function aadFor(name: string): Buffer {
  return Buffer.from(`attendant-secret:${name}`, 'utf8')
}

function openEnvelope(key: Buffer, name: string, envelope: unknown): string {
  const tampered = new SecretBoxError('tampered', `stored secret "${name}" is damaged or was altered; enter it again`)
  if (typeof envelope !== 'string') throw tampered
  const parts = envelope.split('.')
  if (parts.length !== 4 || parts[0] !== ENVELOPE_PREFIX) throw tampered
  const iv = Buffer.from(parts[1] ?? '', 'base64')
  const tag = Buffer.from(parts[2] ?? '', 'base64')
  const ciphertext = Buffer.from(parts[3] ?? '', 'base64')
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw tampered
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES })
    decipher.setAAD(aadFor(name))
    decipher.setAuthTag(tag)
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8')
  } catch {
    throw tampered
  }
}

function loadOrCreateKey(keyFilePath: string): KeyState {
  mkdirSync(dirname(keyFilePath), { recursive: true, mode: 0o700 })
  let fd: number
  try {
    // 'wx' fails if the file exists, so two processes never both create (and overwrite) a key.
    fd = openSync(keyFilePath, 'wx', 0o600)
    try {
      writeSync(fd, randomBytes(KEY_BYTES))
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
  } catch (error) {
    if (!isErrnoCode(error, 'EEXIST')) throw error
  }
  fd = openSync(keyFilePath, 'r')
  try {
    const stat = fstatSync(fd)
    // POSIX permissions only; on Windows the user profile's ACLs protect the file instead.
    if (process.platform !== 'win32') {
      if ((stat.mode & 0o077) !== 0) {
        return {
          ok: false,
          reason: `key file ${keyFilePath} is readable or writable by other users (mode ${(stat.mode & 0o777).toString(8)}); make it 0600`,
        }
      }
      const uid = process.getuid?.()
      if (uid !== undefined && stat.uid !== uid) {
        return { ok: false, reason: `key file ${keyFilePath} belongs to another user` }
      }
    }
    if (stat.size !== KEY_BYTES) {
      return { ok: false, reason: `key file ${keyFilePath} has the wrong size; it is not a key this app wrote` }
    }
    const key = Buffer.alloc(KEY_BYTES)
    readSync(fd, key, 0, KEY_BYTES, 0)
    return { ok: true, key }
  } finally {
    closeSync(fd)
  }
}

function isErrnoCode(error: unknown, code: string): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === code
}
