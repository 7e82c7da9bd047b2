/** What every secret store offers. Values go in and come out only inside the main process. */
export interface SecretBoxStatus {
  ok: boolean
  /** e.g. 'file-key', 'keychain', 'dpapi', 'gnome_libsecret', 'kwallet5', 'basic_text', 'plain' */
  backend: string
  /** Why the box refuses to store secrets (or what the user accepted), in plain words. */
  reason?: string
}

export interface SecretBox {
  isAvailable(): SecretBoxStatus
  put(name: string, secret: string): Promise<void>
  /** The secret, or undefined when none is stored under that name. */
  get(name: string): Promise<string | undefined>
  has(name: string): Promise<boolean>
  delete(name: string): Promise<void>
}

export type SecretBoxErrorCode = 'unavailable' | 'plain_storage_not_accepted' | 'tampered' | 'insecure_key_file' | 'invalid_name' | 'invalid_secret'

/** Errors carry a code and a message that never contains a secret value. */
export class SecretBoxError extends Error {
  readonly code: SecretBoxErrorCode

  constructor(code: SecretBoxErrorCode, message: string) {
    super(message)
    this.name = 'SecretBoxError'
    this.code = code
  }
}

const SECRET_NAME = /^[A-Za-z0-9_:-]{1,128}$/

/** Secret names become storage keys; keep them to a charset no backend (dot paths!) reinterprets. */
export function assertSecretName(name: string): void {
  if (!SECRET_NAME.test(name)) {
    throw new SecretBoxError('invalid_name', 'secret name must be 1-128 characters of A-Z a-z 0-9 _ : -')
  }
}

export function assertSecretValue(secret: unknown): asserts secret is string {
  if (typeof secret !== 'string' || secret.length === 0 || secret.length > 4096) {
    throw new SecretBoxError('invalid_secret', 'secret must be a non-empty string of at most 4096 characters')
  }
}

/** Storage key of a secret's envelope in the key-value backend. */
export function secretStorageKey(name: string): string {
  return `secret:${name}`
}

/**
 * Runs synchronous box work behind the async interface: failures become rejections, never
 * synchronous throws, so `box.put(...).catch(...)` always sees them.
 */
export function settle<T>(work: () => T): Promise<T> {
  try {
    return Promise.resolve(work())
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)))
  }
}
