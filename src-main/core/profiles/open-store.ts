import { existsSync, renameSync } from 'node:fs'
import type { KeyValueBackend } from '../secrets/key-value-backend'

/**
 * Options to pass to `conf` / `electron-store` for the profile file: owner-only permissions,
 * flat keys (profile ids and secret names must not be split on dots), and never silently
 * clearing an invalid file.
 */
export const RECOMMENDED_STORE_OPTIONS = Object.freeze({
  configFileMode: 0o600,
  accessPropertiesByDotNotation: false,
  clearInvalidConfig: false,
})

export interface StoreRecovery {
  backupPath: string
  reason: string
}

/**
 * Opens a JSON-file backend; if the file is not valid JSON (a crash mid-write, a bad hand edit),
 * moves it aside to a timestamped backup and opens a fresh one, reporting what happened —
 * the console starts, the old data is kept for the admin, nothing is silently lost.
 */
export function openStoreWithRecovery(
  open: () => KeyValueBackend,
  filePath: string,
  now: () => Date = () => new Date(),
): { kv: KeyValueBackend; recovered?: StoreRecovery } {
  try {
    return { kv: open() }
  } catch (error) {
    if (!(error instanceof SyntaxError) || !existsSync(filePath)) throw error
    const backupPath = `${filePath}.corrupt-${now().toISOString().replace(/[:.]/g, '-')}.bak`
    renameSync(filePath, backupPath)
    return {
      kv: open(),
      recovered: { backupPath, reason: `the settings file was not valid JSON (${error.message}); it was moved to ${backupPath}` },
    }
  }
}
