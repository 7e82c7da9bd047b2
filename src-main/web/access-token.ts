import { randomBytes } from 'node:crypto'
import { readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ensurePrivateFile } from '../core/storage/private-files'

/**
 * Web mode's access token, kept in the data folder (web-access.json, 0600 like everything there) so
 * the link a person bookmarked still opens the console after a restart. One token per data folder:
 * two consoles run from two folders have two links.
 */
export const ACCESS_FILE = 'web-access.json'

export interface StoredAccess {
  readonly token: string
  /** When this token was made (ISO-8601 UTC). */
  readonly createdAt: string
  /** The port the console last served on, so the command line can print the whole new link. */
  readonly port?: number
}

/** 24 random bytes, URL-safe: never guessed, never typed. */
export const newAccessToken = (): string => randomBytes(24).toString('base64url')

const TOKEN_SHAPE = /^[\w-]{32,128}$/

/** The stored access, or undefined when the file is missing or not one this console wrote. */
export function readAccess(dataDir: string): StoredAccess | undefined {
  let parsed: unknown
  try {
    parsed = JSON.parse(readFileSync(join(dataDir, ACCESS_FILE), 'utf8'))
  } catch {
    return undefined
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined
  const { token, createdAt, port } = parsed as Record<string, unknown>
  if (typeof token !== 'string' || !TOKEN_SHAPE.test(token) || typeof createdAt !== 'string') return undefined
  return { token, createdAt, ...(typeof port === 'number' && Number.isInteger(port) ? { port } : {}) }
}

/** Writes the file whole (a temporary file renamed over it), owner-only before anything is in it. */
export function writeAccess(dataDir: string, access: StoredAccess): void {
  const file = join(dataDir, ACCESS_FILE)
  const temp = `${file}.${String(process.pid)}.tmp`
  ensurePrivateFile(temp)
  writeFileSync(temp, `${JSON.stringify(access, null, 2)}\n`, { mode: 0o600 })
  renameSync(temp, file)
}

/** The stored token, or a new one stored now (first start, or a file that cannot be read). */
export function loadOrCreateAccess(dataDir: string, now: Date = new Date()): StoredAccess {
  const stored = readAccess(dataDir)
  if (stored !== undefined) return stored
  const fresh = { token: newAccessToken(), createdAt: now.toISOString() }
  writeAccess(dataDir, fresh)
  return fresh
}

/** A new token in place of the old one (the port is kept); every earlier link stops working. */
export function rotateAccess(dataDir: string, now: Date = new Date()): StoredAccess {
  const before = readAccess(dataDir)
  const next = { token: newAccessToken(), createdAt: now.toISOString(), ...(before?.port === undefined ? {} : { port: before.port }) }
  writeAccess(dataDir, next)
  return next
}
