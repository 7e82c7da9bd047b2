import { mkdir, open, readdir, readFile, rename, rm, stat, type FileHandle } from 'node:fs/promises'
import { join } from 'node:path'
import {
  auditEntrySchema,
  checkLimit,
  matchesQuery,
  prepareEntry,
  type AuditEntry,
  type AuditInput,
  type AuditLog,
  type AuditQuery,
} from './audit-entry'

export interface FileAuditLogOptions {
  /** Folder of the log files (created 0700 if missing). */
  dir: string
  /** Rotate when the current file would grow past this many bytes. Default 5 MiB. */
  maxBytes?: number
  /** Rotated files kept besides the current one. Default 20; the oldest beyond that is removed. */
  maxFiles?: number
  /** fdatasync after every entry (default true): an operator's action is recorded before it is answered. */
  fsync?: boolean
  /** Secret values to redact from every field, asked for at each write so new secrets are covered. */
  secrets?: () => readonly string[]
  now?: () => Date
}

const CURRENT = 'audit.jsonl'
const ROTATED = /^audit\.(\d{6})\.jsonl$/

/**
 * Append-only JSON-lines audit log. Lines are only ever appended (O_APPEND) — never rewritten;
 * a full file is renamed to audit.NNNNNN.jsonl and a new one started. Writes are serialised, so
 * lines never interleave; a torn last line from a crash is sealed off with a newline and skipped
 * by the reader.
 */
export class FileAuditLog implements AuditLog {
  readonly #dir: string
  readonly #maxBytes: number
  readonly #maxFiles: number
  readonly #fsync: boolean
  readonly #secrets: () => readonly string[]
  readonly #now: () => Date
  #handle: FileHandle | undefined
  #size = 0
  /** Tail of the serialised write chain; always settled-safe (errors are caught per write). */
  #queue: Promise<unknown> = Promise.resolve()
  #closed = false

  constructor(options: FileAuditLogOptions) {
    this.#dir = options.dir
    this.#maxBytes = options.maxBytes ?? 5 * 1024 * 1024
    this.#maxFiles = Math.max(1, options.maxFiles ?? 20)
    this.#fsync = options.fsync ?? true
    this.#secrets = options.secrets ?? (() => [])
    this.#now = options.now ?? (() => new Date())
  }

  get currentPath(): string {
    return join(this.#dir, CURRENT)
  }

  append(input: AuditInput): Promise<AuditEntry> {
    if (this.#closed) return Promise.reject(new Error('audit log is closed'))
    let entry: AuditEntry
    try {
      entry = prepareEntry(input, this.#now(), this.#secrets())
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)))
    }
    const line = Buffer.from(`${JSON.stringify(entry)}\n`, 'utf8')
    const write = this.#queue.then(() => this.#write(line))
    this.#queue = write.catch(() => undefined)
    return write.then(() => ({ ...entry }))
  }

  async read(query: AuditQuery): Promise<AuditEntry[]> {
    const limit = checkLimit(query.limit)
    await this.#queue
    const out: AuditEntry[] = []
    for (const file of await this.#filesNewestFirst()) {
      let content: string
      try {
        content = await readFile(join(this.#dir, file), 'utf8')
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue
        throw error
      }
      const lines = content.split('\n')
      for (let i = lines.length - 1; i >= 0 && out.length < limit; i--) {
        const entry = parseLine(lines[i] ?? '')
        if (entry !== undefined && matchesQuery(entry, query)) out.push(entry)
      }
      if (out.length >= limit) break
    }
    return out
  }

  async close(): Promise<void> {
    this.#closed = true
    await this.#queue
    await this.#handle?.close()
    this.#handle = undefined
  }

  async #write(line: Buffer): Promise<void> {
    let handle = await this.#open()
    if (this.#size > 0 && this.#size + line.length > this.#maxBytes) {
      await this.#rotate()
      handle = await this.#open()
    }
    await handle.write(line)
    this.#size += line.length
    if (this.#fsync) await handle.datasync()
  }

  async #open(): Promise<FileHandle> {
    if (this.#handle !== undefined) return this.#handle
    await mkdir(this.#dir, { recursive: true, mode: 0o700 })
    const handle = await open(this.currentPath, 'a+', 0o600)
    const { size } = await handle.stat()
    if (size > 0) {
      // A crash mid-write can leave a torn last line; end it so the next entry starts clean.
      const last = Buffer.alloc(1)
      await handle.read(last, 0, 1, size - 1)
      if (last[0] !== 0x0a) {
        await handle.write('\n')
        this.#size = size + 1
      } else {
        this.#size = size
      }
    } else {
      this.#size = 0
    }
    this.#handle = handle
    return handle
  }

  async #rotate(): Promise<void> {
    await this.#handle?.close()
    this.#handle = undefined
    const rotated = await this.#rotatedFiles()
    const next = (rotated[0]?.seq ?? 0) + 1
    const name = `audit.${String(next).padStart(6, '0')}.jsonl`
    await rename(this.currentPath, join(this.#dir, name))
    // Keep the newest maxFiles rotated files (the one just made included).
    const all = [{ seq: next, name }, ...rotated]
    for (const old of all.slice(this.#maxFiles)) await rm(join(this.#dir, old.name), { force: true })
  }

  /** Rotated files, newest (highest sequence) first. */
  async #rotatedFiles(): Promise<{ seq: number; name: string }[]> {
    let names: string[]
    try {
      names = await readdir(this.#dir)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
      throw error
    }
    const out: { seq: number; name: string }[] = []
    for (const name of names) {
      const match = ROTATED.exec(name)
      if (match?.[1] !== undefined) out.push({ seq: Number(match[1]), name })
    }
    return out.sort((a, b) => b.seq - a.seq)
  }

  async #filesNewestFirst(): Promise<string[]> {
    const rotated = (await this.#rotatedFiles()).map((f) => f.name)
    const hasCurrent = await stat(this.currentPath).then(
      () => true,
      () => false,
    )
    return hasCurrent ? [CURRENT, ...rotated] : rotated
  }
}

function parseLine(line: string): AuditEntry | undefined {
  if (line.length === 0) return undefined
  try {
    const parsed = auditEntrySchema.safeParse(JSON.parse(line))
    return parsed.success ? parsed.data : undefined
  } catch {
    return undefined
  }
}
