import { ApiFailure } from '../errors/api-failure'
import { isAmiError } from '../ami/errors'
import { isTransportError } from '../net/transport-error'

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
    return new ApiFailure('unavailable', `The PBX is not reachable (${err.code}): nothing was done`)
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

/** Asterisk's terse messages, in words a receptionist reads at a glance. */
function friendly(message: string): string {
  if (/no such channel|channel does not exist|channel specified does not exist/i.test(message)) return 'the call has already gone'
  if (/permission denied/i.test(message)) return 'the console’s PBX user is not allowed to do this'
  if (/extension does not exist/i.test(message)) return 'that destination does not exist on the PBX'
  return message
}
