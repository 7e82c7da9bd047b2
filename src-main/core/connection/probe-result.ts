/**
 * The result of probing one transport, and how transport failures read in it.
 */
import { AmiError } from '../ami/errors'
import { TransportError, classifyNetworkFailure } from '../net/transport-error'
import { say } from '../i18n'
import { strings } from './strings'

const words = say(strings)

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
        return failed('refused', words('probe.refused'), warnings)
      case 'timeout':
        return failed('timeout', words('probe.timeout'), warnings)
      case 'tls':
        if (t.tlsProblem === 'untrusted') return failed('tls_untrusted', words('probe.tlsUntrusted'), warnings)
        if (t.tlsProblem === 'name_mismatch') return failed('tls_name_mismatch', words('probe.tlsNameMismatch'), warnings)
        if (t.tlsProblem === 'not_tls') return failed('wrong_protocol', words('probe.notTls'), warnings)
        return failed('tls_error', t.message.replace(/^[^:]*: /, ''), warnings)
      case 'protocol':
        return failed('wrong_protocol', words('probe.wrongProtocol'), warnings)
      case 'unauthorized':
        return failed('auth_failed', words('probe.authFailed'), warnings)
      case 'forbidden':
        return failed('missing_permission', t.message.replace(/^[^:]*: /, ''), warnings)
      case 'not_found':
        return failed('not_found', words('probe.notFound'), warnings)
      case 'network':
        return failed('network', t.message.replace(/^[^:]*: /, ''), warnings)
      default:
        return failed('error', t.message.replace(/^[^:]*: /, ''), warnings)
    }
  }
  if (err instanceof AmiError) {
    if (err.code === 'auth_failed') return failed('auth_failed', words('probe.authFailed'), warnings)
    if (err.code === 'timeout') return failed('timeout', words('probe.loginTimeout'), warnings)
    if (err.code === 'protocol_error') return failed('wrong_protocol', words('probe.notAmi'), warnings)
    return failed('error', err.message, warnings)
  }
  return failed('error', words('probe.unexpected'), warnings)
}
