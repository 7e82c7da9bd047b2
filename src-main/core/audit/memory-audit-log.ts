import { checkLimit, matchesQuery, prepareEntry, type AuditEntry, type AuditInput, type AuditLog, type AuditQuery } from './audit-entry'

/** Same contract as FileAuditLog, kept in memory: for tests and for runs without a data folder. */
export class MemoryAuditLog implements AuditLog {
  readonly #entries: AuditEntry[] = []
  readonly #secrets: () => readonly string[]
  readonly #now: () => Date

  constructor(options: { secrets?: () => readonly string[]; now?: () => Date } = {}) {
    this.#secrets = options.secrets ?? (() => [])
    this.#now = options.now ?? (() => new Date())
  }

  append(input: AuditInput): Promise<AuditEntry> {
    try {
      const entry = prepareEntry(input, this.#now(), this.#secrets())
      this.#entries.push(entry)
      return Promise.resolve({ ...entry })
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)))
    }
  }

  /** Nothing to release; kept open so tests can read what was written after a core closed. */
  close(): Promise<void> {
    return Promise.resolve()
  }

  read(query: AuditQuery): Promise<AuditEntry[]> {
    let limit: number
    try {
      limit = checkLimit(query.limit)
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)))
    }
    const out: AuditEntry[] = []
    for (let i = this.#entries.length - 1; i >= 0 && out.length < limit; i--) {
      const entry = this.#entries[i]
      if (entry !== undefined && matchesQuery(entry, query)) out.push({ ...entry })
    }
    return Promise.resolve(out)
  }
}
