/**
 * The storage both profiles and secrets sit on. `conf` (plain Node, web mode and tests) and
 * `electron-store` (Electron) both satisfy it, so the core never needs to know which one it has.
 * Values must be JSON-serialisable.
 */
export interface KeyValueBackend {
  get(key: string): unknown
  set(key: string, value: unknown): void
  delete(key: string): void
  /** Where the data lives on disk, when it lives on disk (used for backups of corrupt files). */
  readonly path?: string
}

/** A plain in-memory backend, for tests and for session-only (never persisted) credentials. */
export class MemoryKeyValueBackend implements KeyValueBackend {
  readonly #data = new Map<string, unknown>()

  get(key: string): unknown {
    const value = this.#data.get(key)
    // Hand out copies: a caller mutating what it read must not change what is stored.
    return value === undefined ? undefined : structuredClone(value)
  }

  set(key: string, value: unknown): void {
    this.#data.set(key, structuredClone(value))
  }

  delete(key: string): void {
    this.#data.delete(key)
  }
}
