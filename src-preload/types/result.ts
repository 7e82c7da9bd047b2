/**
 * Errors are values with codes (ARCHITECTURE.md decision 9): every contract call resolves to
 * data or to a typed error the UI can show plainly. Nothing throws across the bridge.
 */
export type ErrorCode =
  | 'invalid_input' // the input failed the channel's schema
  | 'unknown_channel' // a frame named a channel the contract does not declare
  | 'forbidden' // role, read-only profile or untrusted sender
  | 'refused' // the guard refused (toll-fraud rule, rate limit); detail names the rule
  | 'not_found'
  | 'conflict'
  | 'unavailable' // the PBX (or one of its transports) is not reachable
  | 'timeout'
  | 'outcome_unknown' // the answer was lost to a disconnect; never retried on its own
  | 'auth_failed'
  | 'pbx_error' // the PBX answered with an error; message carries its words
  | 'confirm_required' // an emergency number, or a retention that removes cached calls: the operator must confirm first
  | 'internal'

export interface ApiError {
  readonly code: ErrorCode
  readonly message: string
  readonly detail?: unknown
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ApiError }

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })
export const fail = (code: ErrorCode, message: string, detail?: unknown): Result<never> =>
  detail === undefined ? { ok: false, error: { code, message } } : { ok: false, error: { code, message, detail } }
