/**
 * Errors of the AMI layer are values with a stable `code`, so callers branch on the code and the
 * UI can explain what happened without parsing messages.
 *
 *   new AmiError(code, message, { action?, actionId?, response?, cause? })
 *   isAmiError(x): x is AmiError
 *
 * Messages never contain header values (a value may be a secret); they name keys and actions only.
 */
import { CodedError } from '../errors/coded-error'
import type { AmiMessage } from './message'

export type AmiErrorCode =
  /** The action got no response within its timeout (the connection is kept). */
  | 'timeout'
  /** The connection dropped after the action was written and before its response: the PBX may or
   *  may not have executed it. Never retried automatically (a replayed Originate is a second call). */
  | 'outcome_unknown'
  /** The PBX rejected the credentials (or the MD5 challenge failed). */
  | 'auth_failed'
  /** The client is not connected and logged in (or was stopped); nothing was written. */
  | 'not_connected'
  /** The byte stream broke the AMI framing (message too large, line without end, …). */
  | 'protocol_error'
  /** The PBX answered `Response: Error` (or an EventList ended `cancelled`). */
  | 'action_error'
  /** The action was refused before anything was written (CR/LF/NUL in a value, bad key, …). */
  | 'invalid_action'
  /** The caller aborted the action through its AbortSignal. */
  | 'aborted'
  /** TCP/TLS level failure (refused, reset, certificate rejected, DNS). */
  | 'connection_error'
  /** The PBX stopped reading and too many actions wait to be written; this one was not sent. */
  | 'backpressure'
  /** An event listener threw; reported so the data path keeps going. */
  | 'listener_error'

export interface AmiErrorDetails {
  readonly action?: string
  readonly actionId?: string
  /** The PBX's answer, when there was one (`action_error`). */
  readonly response?: AmiMessage
  readonly cause?: unknown
}

export class AmiError extends CodedError<AmiErrorCode> {
  override readonly name = 'AmiError'
  readonly action: string | undefined
  readonly actionId: string | undefined
  readonly response: AmiMessage | undefined

  constructor(code: AmiErrorCode, message: string, details: AmiErrorDetails = {}) {
    super(code, message, details.cause)
    this.action = details.action
    this.actionId = details.actionId
    this.response = details.response
  }
}

export function isAmiError(value: unknown): value is AmiError {
  return value instanceof AmiError
}
