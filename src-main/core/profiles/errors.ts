import { words, type Words } from './words'

export type ProfileErrorCode =
  | 'not_found'
  | 'invalid'
  | 'seal_mismatch'
  | 'seal_key_missing'
  | 'passphrase_required'
  | 'passphrase_wrong'
  | 'passphrase_too_short'
  | 'passphrase_throttled'
  | 'admin_passphrase_not_set'
  | 'admin_passphrase_missing'
  | 'first_run_only'
  | 'setup_code_wrong'
  | 'store_unreadable'
  | 'secrets_unavailable'

/**
 * A profile problem with a code the UI can act on and words an admin can follow: in the console's
 * language (`message`) and in English for the audit (`english`) when given as Words.
 */
export class ProfileError extends Error {
  readonly code: ProfileErrorCode
  readonly english: string
  readonly backupPath: string | undefined
  /** For `passphrase_throttled`: how long until the next attempt is checked. */
  readonly retryAfterMs: number | undefined

  constructor(code: ProfileErrorCode, message: string | Words, backupPath?: string, retryAfterMs?: number) {
    const said = typeof message === 'string' ? { shown: message, english: message } : message
    const full = backupPath === undefined ? said : words('backupSaved', { path: backupPath, message: said.shown })
    super(full.shown)
    this.english = backupPath === undefined ? said.english : words('backupSaved', { path: backupPath, message: said.english }).english
    this.name = 'ProfileError'
    this.code = code
    this.backupPath = backupPath
    this.retryAfterMs = retryAfterMs
  }
}
