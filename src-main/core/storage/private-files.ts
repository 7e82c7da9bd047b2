import { chmodSync, closeSync, fchmodSync, lstatSync, mkdirSync, openSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { isMainThread } from 'node:worker_threads'

/**
 * The data folder holds the secrets' key and envelopes, PBX profiles, the audit log and the call
 * history: nobody but its owner may list or read any of it. Modes are POSIX; on Windows the user
 * profile's ACLs protect the folder instead, so nothing here changes a mode there.
 */
const POSIX = process.platform !== 'win32'
const GROUP_AND_OTHERS = 0o077

export interface TightenedEntry {
  readonly path: string
  /** The permission bits before and after (e.g. 0o644 → 0o600). */
  readonly from: number
  readonly to: number
}

/**
 * Makes `dir` (created if missing) owner-only, and everything already in it: group and other
 * users lose every permission on each folder and file, however deep (files left by an earlier
 * version that created them 0644 under a 0755 folder, or copied in by hand). Symbolic links are
 * neither followed nor changed. Returns what it changed, so the shell can say so.
 */
export function securePrivateDir(dir: string): TightenedEntry[] {
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  if (!POSIX) return []
  const changed: TightenedEntry[] = []
  const tighten = (path: string): void => {
    let stat
    try {
      stat = lstatSync(path)
    } catch {
      return // gone meanwhile (another process cleaning up): nothing to protect
    }
    if (!stat.isDirectory() && !stat.isFile()) return
    const from = stat.mode & 0o777
    // Folders keep the owner's rwx (the app must list and create in them); files keep the owner's bits.
    const to = (from & ~GROUP_AND_OTHERS) | (stat.isDirectory() ? 0o700 : 0)
    if (to !== from) {
      chmodSync(path, to)
      changed.push({ path, from, to })
    }
    if (stat.isDirectory()) for (const name of readdirSync(path)) tighten(join(path, name))
  }
  tighten(dir)
  return changed
}

/**
 * Creates `file` empty and owner-only when it does not exist yet (an existing one is only made
 * owner-only). For files a library creates with its own default mode: SQLite creates a database
 * 0644, and gives its -wal and -shm files the database's mode, so a private database file keeps
 * all three private.
 */
export function ensurePrivateFile(file: string): void {
  const fd = openSync(file, 'a', 0o600)
  try {
    if (POSIX) fchmodSync(fd, 0o600)
  } finally {
    closeSync(fd)
  }
}

/**
 * Every file and folder this process creates from now on is owner-only (umask 077), whichever
 * library creates it: the shells call this first. Only the main thread may set the umask (it is
 * the process's; a worker thread shares it).
 */
export function restrictNewFiles(): void {
  if (POSIX && isMainThread) process.umask(0o077)
}

/** One line for the log naming what securePrivateDir changed. */
export function describeTightened(dir: string, changed: readonly TightenedEntry[]): string {
  const list = changed.slice(0, 10).map((c) => `${c.path} (${c.from.toString(8)} → ${c.to.toString(8)})`)
  const more = changed.length > 10 ? ` and ${String(changed.length - 10)} more` : ''
  return `made ${String(changed.length)} entries in ${dir} readable by their owner only (other users could read them): ${list.join(', ')}${more}`
}
