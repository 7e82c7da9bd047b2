import { ApiFailure } from '../errors/api-failure'
import { isAmiError } from '../ami/errors'
import { isTransportError, type TransportErrorCode } from '../net/transport-error'

/**
 * Turns what the AMI client threw into an error the operator can read: Asterisk's own words for a
 * refused action ("No such channel"), and "outcome unknown" when the answer was lost.
 */
export function toActionFailure(err: unknown): ApiFailure {
  if (err instanceof ApiFailure) return err
  if (isTransportError(err)) {
    // ARI, the second path when AMI is down.
    if (err.code === 'not_found') return new ApiFailure('pbx_error', 'The PBX refused it: the call has already gone')
    if (err.code === 'unauthorized' || err.code === 'forbidden') return new ApiFailure('auth_failed', 'The PBX refused the console’s ARI credentials')
    if (err.code === 'timeout') return new ApiFailure('timeout', 'The PBX did not answer in time; the outcome is unknown')
    return new ApiFailure('unavailable', `${UNREACHABLE_WORDS[err.code] ?? 'The PBX is not reachable'}: nothing was done`)
  }
  if (!isAmiError(err)) return new ApiFailure('internal', 'The action failed unexpectedly')
  switch (err.code) {
    case 'action_error': {
      const said = err.response?.get('Message') ?? err.message
      return new ApiFailure('pbx_error', `The PBX refused it: ${friendly(said)}`)
    }
    case 'outcome_unknown':
      return new ApiFailure(
        'outcome_unknown',
        'The connection dropped before the PBX answered: the outcome is unknown until the call list is refreshed',
      )
    case 'timeout':
      return new ApiFailure('timeout', 'The PBX did not answer in time; the outcome is unknown')
    case 'not_connected':
    case 'connection_error':
    case 'backpressure':
      return new ApiFailure('unavailable', 'Not connected to the PBX: nothing was sent')
    case 'auth_failed':
      return new ApiFailure('auth_failed', 'The PBX refused the console’s credentials')
    default:
      return new ApiFailure('pbx_error', err.message)
  }
}

/** Why the PBX could not be reached, in words (never the code: a receptionist reads this). */
const UNREACHABLE_WORDS: Partial<Record<TransportErrorCode, string>> = {
  circuit_open: 'The console paused its connection to the PBX after repeated failures and tries again shortly',
  refused: 'The PBX refused the connection',
  tls: 'The PBX’s secure connection could not be checked',
  protocol: 'Something other than the PBX answered',
  http_error: 'The PBX answered with an error',
  graphql_error: 'The PBX’s API answered with an error',
  aborted: 'The request to the PBX was stopped',
  network: 'The PBX cannot be reached over the network',
}

/** Asterisk's terse messages, in words a receptionist reads at a glance. */
function friendly(message: string): string {
  if (/no such channel|channel does not exist|channel specified does not exist/i.test(message)) return 'the call has already gone'
  if (/permission denied/i.test(message)) return 'the console’s PBX user is not allowed to do this'
  if (/extension does not exist/i.test(message)) return 'that destination does not exist on the PBX'
  return message
}
