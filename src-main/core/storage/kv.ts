/**
 * The key-value backend settings and profiles persist through. electron-store (Electron) and
 * conf (its plain-Node twin: web mode, tests) both satisfy it structurally, so the core never
 * imports either. Keys are flat: conf splits dotted keys into nested objects.
 */
export interface KeyValueStore {
  get(key: string): unknown
  set(key: string, value: unknown): void
  delete(key: string): void
  readonly path?: string
}

/** In-memory store for tests and for ephemeral runs. */
export class MemoryKeyValueStore implements KeyValueStore {
  private readonly map = new Map<string, unknown>()
  get(key: string): unknown {
    return structuredClone(this.map.get(key))
  }
  set(key: string, value: unknown): void {
    this.map.set(key, structuredClone(value))
  }
  delete(key: string): void {
    this.map.delete(key)
  }
}
