/**
 * Errors of the HTTP-based PBX transports (ARI REST and events, FreePBX API). Like AmiError they
 * carry a stable `code` so callers and the UI branch on it, and a message in plain words that
 * never contains a credential, a header value or a full URL with its query string.
 *
 *   new TransportError(code, message, { status?, tlsProblem?, cause? })
 *   classifyNetworkFailure(err, what) → TransportError   (refused / timeout / tls / protocol / …)
 *   describeTransportError(err) → one plain sentence for status bars and test-connection results
 */
import { CodedError } from '../errors/coded-error'
import { say } from '../i18n'
import { strings } from './strings'

const t = say(strings)

export type TransportErrorCode =
  /** The server rejected the credentials (HTTP 401, OAuth invalid_client, revoked token). */
  | 'unauthorized'
  /** Authenticated but not allowed (HTTP 403, a missing OAuth scope, a read-only ARI user). */
  | 'forbidden'
  /** The resource does not exist (HTTP 404: unknown channel, ARI not enabled on this server). */
  | 'not_found'
  /** No answer within the deadline (connect, headers or the whole request). */
  | 'timeout'
  /** Nothing listens on that host and port (ECONNREFUSED). */
  | 'refused'
  /** The TLS handshake failed; `tlsProblem` says why. */
  | 'tls'
  /** Something answered that is not the expected protocol (AMI on an HTTP port, HTML instead of JSON). */
  | 'protocol'
  /** The server answered with another HTTP error (5xx, unexpected 4xx). */
  | 'http_error'
  /** A GraphQL request came back with `errors[]` or `status:false` (FreePBX). */
  | 'graphql_error'
  /** The session's circuit breaker is open: the request was not sent. */
  | 'circuit_open'
  /** The caller aborted, or the client was closed. */
  | 'aborted'
  /** DNS failure, reset connection and other network trouble. */
  | 'network'

export type TlsProblem = 'untrusted' | 'name_mismatch' | 'expired' | 'not_tls' | 'other'

export interface TransportErrorDetails {
  readonly status?: number
  readonly tlsProblem?: TlsProblem
  readonly cause?: unknown
}

export class TransportError extends CodedError<TransportErrorCode> {
  override readonly name = 'TransportError'
  readonly status: number | undefined
  readonly tlsProblem: TlsProblem | undefined

  constructor(code: TransportErrorCode, message: string, details: TransportErrorDetails = {}) {
    super(code, message, details.cause)
    this.status = details.status
    this.tlsProblem = details.tlsProblem
  }
}

export function isTransportError(value: unknown): value is TransportError {
  return value instanceof TransportError
}

/** Every `code` found along an error's `cause` chain (undici wraps the socket error). */
function codesOf(err: unknown): string[] {
  const codes: string[] = []
  let current: unknown = err
  for (let depth = 0; depth < 6 && current !== null && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code
    if (typeof code === 'string') codes.push(code)
    const name = (current as { name?: unknown }).name
    if (typeof name === 'string') codes.push(name)
    // AggregateError (happy-eyeballs connect to several addresses) keeps its reasons in `errors`.
    const errors = (current as { errors?: unknown }).errors
    if (Array.isArray(errors)) for (const inner of errors) codes.push(...codesOf(inner))
    current = (current as { cause?: unknown }).cause
  }
  return codes
}

const UNTRUSTED = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
])

/** Maps a TLS failure code to what the admin has to fix. */
export function tlsProblemOf(codes: readonly string[]): TlsProblem | undefined {
  for (const code of codes) {
    if (UNTRUSTED.has(code)) return 'untrusted'
    if (code === 'ERR_TLS_CERT_ALTNAME_INVALID' || code === 'HOSTNAME_MISMATCH') return 'name_mismatch'
    if (code === 'CERT_HAS_EXPIRED' || code === 'CERT_NOT_YET_VALID') return 'expired'
    if (code === 'ERR_SSL_WRONG_VERSION_NUMBER' || code === 'ERR_SSL_PACKET_LENGTH_TOO_LONG' || code === 'EPROTO') return 'not_tls'
    if (code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_')) return 'other'
  }
  return undefined
}

const TLS_WORDS: Record<TlsProblem, 'tls.untrusted' | 'tls.nameMismatch' | 'tls.expired' | 'tls.notTls' | 'tls.other'> = {
  untrusted: 'tls.untrusted',
  name_mismatch: 'tls.nameMismatch',
  expired: 'tls.expired',
  not_tls: 'tls.notTls',
  other: 'tls.other',
}

/**
 * Turns whatever a socket, undici or ws threw into a TransportError. `what` names the endpoint
 * in plain words ("ARI at 10.0.0.5:8089"); it must not contain credentials.
 */
export function classifyNetworkFailure(err: unknown, what: string): TransportError {
  if (err instanceof TransportError) return err
  const codes = codesOf(err)
  const tls = tlsProblemOf(codes)
  if (tls !== undefined) return new TransportError('tls', t(TLS_WORDS[tls], { what }), { tlsProblem: tls, cause: err })
  const has = (...wanted: string[]): boolean => codes.some((c) => wanted.includes(c))
  if (has('ECONNREFUSED')) return new TransportError('refused', t('refused', { what }), { cause: err })
  if (has('UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT', 'TimeoutError')) {
    return new TransportError('timeout', t('timeout', { what }), { cause: err })
  }
  if (codes.some((c) => c.startsWith('HPE_')) || has('HTTPParserError', 'UND_ERR_INFO', 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH')) {
    return new TransportError('protocol', t('notHttp', { what }), { cause: err })
  }
  if (has('AbortError', 'UND_ERR_ABORTED', 'UND_ERR_DESTROYED', 'UND_ERR_CLOSED')) {
    return new TransportError('aborted', t('aborted', { what }), { cause: err })
  }
  if (has('ENOTFOUND', 'EAI_AGAIN')) return new TransportError('network', t('noHost', { what }), { cause: err })
  if (has('ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET')) {
    return new TransportError('network', t('closed', { what }), { cause: err })
  }
  if (has('EHOSTUNREACH', 'ENETUNREACH')) return new TransportError('network', t('unreachable', { what }), { cause: err })
  return new TransportError('network', t('network', { what }), { cause: err })
}

/** The error's message in plain words, for status payloads (no stack, no cause chain). */
export function describeTransportError(err: unknown): string {
  if (err instanceof TransportError) return err.message
  if (err instanceof Error) return err.message
  return 'unknown error'
}

/** Errors that say the PBX (or the path to it) is unwell, as opposed to a bad request of ours. */
export function isAvailabilityFailure(err: TransportError): boolean {
  return ['timeout', 'refused', 'tls', 'protocol', 'network'].includes(err.code) || (err.code === 'http_error' && (err.status ?? 0) >= 500)
}
