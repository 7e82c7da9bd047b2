import type { ErrorCode } from '../../../src-preload/types/result'

/**
 * Thrown inside a handler to answer with a labelled error. The dispatcher turns it into
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
