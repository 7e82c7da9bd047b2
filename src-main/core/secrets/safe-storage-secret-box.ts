import { EnvelopeSecretBox } from './envelope-secret-box'
import type { KeyValueBackend } from './key-value-backend'
import { SecretBoxError, type SecretBoxStatus } from './secret-box'

/** The slice of Electron's `safeStorage` this box uses; main.ts passes the real one in. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean
  encryptString(plainText: string): Buffer
  decryptString(encrypted: Buffer): string
  /** Linux only in Electron: 'basic_text' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6' | 'unknown' */
  getSelectedStorageBackend?(): string
}

export interface SafeStorageSecretBoxOptions {
  /**
   * The user saw the warning that secrets would be stored without real encryption and accepted it.
   * Without it, no secret is stored when the OS offers no keychain.
   */
  acceptPlainStorage?: boolean
  platform?: NodeJS.Platform
}

const ENCRYPTED_PREFIX = 'ss1.'
const PLAIN_PREFIX = 'plain1.'

/** Electron's basic_text "encrypts" with a hard-coded key: obfuscation, not protection. */
const WEAK_BACKENDS = new Set(['basic_text'])

/**
 * SecretBox over Electron's safeStorage (Keychain, DPAPI, libsecret/kwallet). The stored payload
 * binds the secret to its name, so swapping two stored envelopes is detected.
 */
export class SafeStorageSecretBox extends EnvelopeSecretBox {
  readonly #safeStorage: SafeStorageLike
  readonly #acceptPlain: boolean
  readonly #platform: NodeJS.Platform

  constructor(kv: KeyValueBackend, safeStorage: SafeStorageLike, options: SafeStorageSecretBoxOptions = {}) {
    super(kv)
    this.#safeStorage = safeStorage
    this.#acceptPlain = options.acceptPlainStorage === true
    this.#platform = options.platform ?? process.platform
  }

  isAvailable(): SecretBoxStatus {
    if (!this.#safeStorage.isEncryptionAvailable()) {
      const reason = 'the operating system offers no encryption for stored secrets'
      return this.#acceptPlain
        ? { ok: true, backend: 'plain', reason: `${reason}; the user accepted plain storage` }
        : { ok: false, backend: 'unavailable', reason }
    }
    const backend = this.#backendName()
    if (WEAK_BACKENDS.has(backend)) {
      const reason = 'no secret service (libsecret or kwallet) is running, so secrets would only be obfuscated with a fixed key'
      return this.#acceptPlain ? { ok: true, backend, reason: `${reason}; the user accepted plain storage` } : { ok: false, backend, reason }
    }
    return { ok: true, backend }
  }

  protected seal(name: string, secret: string): string {
    const status = this.isAvailable()
    if (!status.ok) throw new SecretBoxError('unavailable', `cannot store secrets: ${status.reason ?? 'unavailable'}`)
    const payload = JSON.stringify({ n: name, s: secret })
    return this.#safeStorage.isEncryptionAvailable()
      ? ENCRYPTED_PREFIX + this.#safeStorage.encryptString(payload).toString('base64')
      : PLAIN_PREFIX + Buffer.from(payload, 'utf8').toString('base64')
  }

  protected open(name: string, envelope: unknown): string {
    const tampered = new SecretBoxError('tampered', `stored secret "${name}" is damaged or was altered; enter it again`)
    if (typeof envelope !== 'string') throw tampered
    let payload: string
    if (envelope.startsWith(ENCRYPTED_PREFIX)) {
      if (!this.#safeStorage.isEncryptionAvailable()) {
        throw new SecretBoxError('unavailable', 'the operating system keychain is not available to decrypt stored secrets')
      }
      try {
        payload = this.#safeStorage.decryptString(Buffer.from(envelope.slice(ENCRYPTED_PREFIX.length), 'base64'))
      } catch {
        throw tampered
      }
    } else if (envelope.startsWith(PLAIN_PREFIX)) {
      // A plain entry is only honoured while the user still accepts plain storage; otherwise
      // anyone able to write the settings file could plant one.
      if (!this.#acceptPlain) {
        throw new SecretBoxError('plain_storage_not_accepted', `stored secret "${name}" is not encrypted and plain storage is not accepted`)
      }
      payload = Buffer.from(envelope.slice(PLAIN_PREFIX.length), 'base64').toString('utf8')
    } else {
      throw tampered
    }
    const parsed = parsePayload(payload)
    if (parsed?.n !== name) throw tampered
    return parsed.s
  }

  #backendName(): string {
    if (this.#platform === 'darwin') return 'keychain'
    if (this.#platform === 'win32') return 'dpapi'
    const selected = this.#safeStorage.getSelectedStorageBackend?.()
    return selected ?? 'unknown'
  }
}

function parsePayload(payload: string): { n: string; s: string } | undefined {
  try {
    const value: unknown = JSON.parse(payload)
    if (value !== null && typeof value === 'object' && 'n' in value && 's' in value) {
      const { n, s } = value
      if (typeof n === 'string' && typeof s === 'string') return { n, s }
    }
  } catch {
    return undefined
  }
  return undefined
}
