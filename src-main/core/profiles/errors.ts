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

/** A profile problem with a code the UI can act on and words an admin can follow. */
export class ProfileError extends Error {
  readonly code: ProfileErrorCode
  readonly backupPath: string | undefined
  /** For `passphrase_throttled`: how long until the next attempt is checked. */
  readonly retryAfterMs: number | undefined

  constructor(code: ProfileErrorCode, message: string, backupPath?: string, retryAfterMs?: number) {
    super(backupPath === undefined ? message : `${message} (a copy of the file was saved to ${backupPath})`)
    this.name = 'ProfileError'
    this.code = code
    this.backupPath = backupPath
    this.retryAfterMs = retryAfterMs
  }
}
