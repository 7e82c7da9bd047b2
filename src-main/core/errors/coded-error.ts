/**
 * The base of the errors of the PBX clients (AmiError, TransportError): a stable `code` that callers
 * and the UI branch on, a message in plain words, and the underlying error, when there is one, as
 * the standard `cause` (absent otherwise, so it does not show as `cause: undefined`).
 */
export class CodedError<Code extends string> extends Error {
  readonly code: Code

  constructor(code: Code, message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause })
    this.code = code
  }
}
