import type { KeyValueBackend } from './key-value-backend'
import { assertSecretName, assertSecretValue, secretStorageKey, settle, type SecretBox, type SecretBoxStatus } from './secret-box'

/**
 * What every SecretBox shares: names checked, one envelope string per name in the key-value
 * backend, synchronous work behind the async interface. A concrete box only says how a secret is
 * sealed into an envelope and opened again (and whether it can do so at all).
 */
export abstract class EnvelopeSecretBox implements SecretBox {
  readonly #kv: KeyValueBackend

  protected constructor(kv: KeyValueBackend) {
    this.#kv = kv
  }

  abstract isAvailable(): SecretBoxStatus

  /** The envelope to store for this name; throws (SecretBoxError) when the box cannot seal. */
  protected abstract seal(name: string, secret: string): string

  /** The secret inside an envelope stored under this name; throws `tampered` when it does not open. */
  protected abstract open(name: string, envelope: unknown): string

  put(name: string, secret: string): Promise<void> {
    return settle(() => {
      assertSecretName(name)
      assertSecretValue(secret)
      this.#kv.set(secretStorageKey(name), this.seal(name, secret))
    })
  }

  get(name: string): Promise<string | undefined> {
    return settle(() => {
      assertSecretName(name)
      const envelope = this.#kv.get(secretStorageKey(name))
      return envelope === undefined ? undefined : this.open(name, envelope)
    })
  }

  has(name: string): Promise<boolean> {
    return settle(() => {
      assertSecretName(name)
      return this.#kv.get(secretStorageKey(name)) !== undefined
    })
  }

  delete(name: string): Promise<void> {
    return settle(() => {
      assertSecretName(name)
      this.#kv.delete(secretStorageKey(name))
    })
  }
}
