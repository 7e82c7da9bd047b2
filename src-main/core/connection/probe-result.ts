/**
 * The result of probing one transport, and how transport failures read in it.
 */
import { AmiError } from '../ami/errors'
import { TransportError, classifyNetworkFailure } from '../net/transport-error'

export type ProbeCode =
  | 'refused'
  | 'timeout'
  | 'wrong_protocol'
  | 'tls_untrusted'
  | 'tls_name_mismatch'
  | 'tls_error'
  | 'auth_failed'
  | 'missing_permission'
  | 'not_found'
  | 'network'
  | 'no_secret'
  /** A secret is stored but was entered for another endpoint: it is not sent. */
  | 'secret_unbound'
  | 'disabled'
  | 'error'

export interface ProbeResult {
  /** Connected, authenticated and allowed what the console needs. */
  readonly ok: boolean
  /** Why not, in plain words (absent when ok). */
  readonly reason?: string
  readonly code?: ProbeCode
  /** Things that work but that an admin should fix (excess AMI classes, no TLS, …). */
  readonly warnings: string[]
  /** e.g. 'Asterisk 22.10.1', 'AMI 11.0.0' — only when ok. */
  readonly version?: string
}

export interface TestConnectionResult {
  readonly ami: ProbeResult
  readonly ari: ProbeResult
  readonly rest: ProbeResult
  /** What the FreePBX API client may do for configuration (absent when the API was not reached). */
  readonly config?: ProbeResult
}

export function failed(code: ProbeCode, reason: string, warnings: string[] = []): ProbeResult {
  return { ok: false, code, reason, warnings }
}

/** Maps a transport failure to a probe result in plain words; `label` names the transport only for the network classifier (its prefix is cut). */
export function failureOf(err: unknown, label: string, warnings: string[]): ProbeResult {
  const t =
    err instanceof TransportError
      ? err
      : err instanceof AmiError && err.code === 'connection_error'
        ? classifyNetworkFailure(err.cause, label)
        : undefined
  if (t !== undefined) {
    switch (t.code) {
      case 'refused':
        return failed('refused', 'connection refused (nothing listens on that port)', warnings)
      case 'timeout':
        return failed('timeout', 'no answer in time (host down, port filtered, or wrong port)', warnings)
      case 'tls':
        if (t.tlsProblem === 'untrusted')
          return failed('tls_untrusted', 'TLS certificate not trusted (add the PBX CA certificate to the profile)', warnings)
        if (t.tlsProblem === 'name_mismatch')
          return failed('tls_name_mismatch', 'TLS certificate name mismatch (the certificate does not name this host)', warnings)
        if (t.tlsProblem === 'not_tls')
          return failed('wrong_protocol', 'wrong protocol on that port (TLS is on in the profile but the server does not speak TLS there)', warnings)
        return failed('tls_error', t.message.replace(/^[^:]*: /, ''), warnings)
      case 'protocol':
        return failed('wrong_protocol', 'wrong protocol on that port', warnings)
      case 'unauthorized':
        return failed('auth_failed', 'authentication failed (user or secret rejected)', warnings)
      case 'forbidden':
        return failed('missing_permission', t.message.replace(/^[^:]*: /, ''), warnings)
      case 'not_found':
        return failed('not_found', 'not found on this server', warnings)
      case 'network':
        return failed('network', t.message.replace(/^[^:]*: /, ''), warnings)
      default:
        return failed('error', t.message.replace(/^[^:]*: /, ''), warnings)
    }
  }
  if (err instanceof AmiError) {
    if (err.code === 'auth_failed') return failed('auth_failed', 'authentication failed (user or secret rejected)', warnings)
    if (err.code === 'timeout') return failed('timeout', 'login not completed in time', warnings)
    if (err.code === 'protocol_error') return failed('wrong_protocol', 'wrong protocol on that port (the answer is not AMI)', warnings)
    return failed('error', err.message, warnings)
  }
  return failed('error', 'unexpected failure', warnings)
}
