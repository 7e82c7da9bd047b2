import type { ErrorCode } from '../../../src-preload/types/result'

/**
 * Thrown by any domain (actions, history, profiles, runtimes, settings) to answer with a labelled
 * error: it lives here, not in api/, so no domain depends on the API layer. The dispatcher turns it into
 * `{ ok: false, error }`; anything else thrown becomes `internal` with no stack or detail leaked.
 */
export class ApiFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly detail?: unknown,
  ) {
    super(message)
    this.name = 'ApiFailure'
  }
}
