import { timingSafeEqual } from 'node:crypto'
import { unwatchFile, watchFile } from 'node:fs'
import { join } from 'node:path'
import type { WebAccessPort } from '../core/web-access/port'
import { ACCESS_FILE, newAccessToken, readAccess, rotateAccess, writeAccess, type StoredAccess } from './access-token'

/** How often a running console looks whether the command line replaced its token. */
const WATCH_INTERVAL_MS = 1000

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

/**
 * The token that opens web mode, for the server (which checks it) and for the core (Admin shows
 * the link and replaces it). With a data folder it is the stored one, and a rotation from the
 * command line (`--rotate-token`) is picked up within a second; without one (tests) it lives in memory.
 */
export class AccessKeeper implements WebAccessPort {
  #access: StoredAccess
  #origin = ''
  readonly #revokeListeners = new Set<() => void>()
  #watching = false

  private constructor(
    private readonly dataDir: string | undefined,
    access: StoredAccess,
  ) {
    this.#access = access
  }

  /** The stored token of this data folder (made and stored on the first start). */
  static forDataDir(dataDir: string, access: StoredAccess): AccessKeeper {
    return new AccessKeeper(dataDir, access)
  }

  /** A token kept in memory only (tests; a fixed one when given). */
  static inMemory(token: string = newAccessToken(), now: Date = new Date()): AccessKeeper {
    return new AccessKeeper(undefined, { token, createdAt: now.toISOString() })
  }

  get token(): string {
    return this.#access.token
  }

  /** Constant-time comparison with the current token. */
  accepts(given: string): boolean {
    return sameSecret(given, this.#access.token)
  }

  /** The server's origin once it listens; its port is stored so the command line can print a whole link. */
  servingAt(origin: string, port: number): void {
    this.#origin = origin
    if (this.dataDir !== undefined && this.#access.port !== port) {
      this.#access = { ...this.#access, port }
      writeAccess(this.dataDir, this.#access)
    }
  }

  current(): { url: string; createdAt: string } {
    return { url: `${this.#origin}/?token=${this.#access.token}`, createdAt: this.#access.createdAt }
  }

  rotate(): { url: string; createdAt: string } {
    this.#access =
      this.dataDir === undefined
        ? { token: newAccessToken(), createdAt: new Date().toISOString(), ...(this.#access.port === undefined ? {} : { port: this.#access.port }) }
        : rotateAccess(this.dataDir)
    this.#revoked()
    return this.current()
  }

  /** Called after each rotation (here or from the command line): sockets opened with the old token must go. */
  onRevoke(listener: () => void): () => void {
    this.#revokeListeners.add(listener)
    return () => {
      this.#revokeListeners.delete(listener)
    }
  }

  /** Follows the stored file: a token replaced by `--rotate-token` while this console runs takes effect here. */
  watch(): () => void {
    const dir = this.dataDir
    if (dir === undefined || this.#watching) return () => undefined
    this.#watching = true
    const file = join(dir, ACCESS_FILE)
    const check = (): void => {
      const stored = readAccess(dir)
      if (stored === undefined || stored.token === this.#access.token) return
      this.#access = { ...stored, ...(this.#access.port === undefined ? {} : { port: this.#access.port }) }
      this.#revoked()
    }
    watchFile(file, { interval: WATCH_INTERVAL_MS, persistent: false }, check)
    return () => {
      unwatchFile(file, check)
      this.#watching = false
    }
  }

  #revoked(): void {
    for (const listener of this.#revokeListeners) listener()
  }
}
