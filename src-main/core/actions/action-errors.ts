import { ApiFailure } from '../errors/api-failure'
import { isAmiError } from '../ami/errors'
import { isTransportError, type TransportErrorCode } from '../net/transport-error'
import { say } from '../i18n'
import { strings } from './strings'

const t = say(strings)

/**
 * Turns what the AMI client threw into an error the operator can read: Asterisk's own words for a
 * refused action ("No such channel"), and "outcome unknown" when the answer was lost.
 */
export function toActionFailure(err: unknown): ApiFailure {
  if (err instanceof ApiFailure) return err
  if (isTransportError(err)) {
    // ARI, the second path when AMI is down.
    if (err.code === 'not_found') return new ApiFailure('pbx_error', t('refused', { reason: t('gone') }))
    if (err.code === 'unauthorized' || err.code === 'forbidden') return new ApiFailure('auth_failed', t('ariCredentials'))
    if (err.code === 'timeout') return new ApiFailure('timeout', t('timeout'))
    const why = UNREACHABLE_WORDS[err.code]
    return new ApiFailure('unavailable', t('unreachable', { why: why === undefined ? t('notReachable') : t(why) }))
  }
  if (!isAmiError(err)) return new ApiFailure('internal', t('unexpected'))
  switch (err.code) {
    case 'action_error': {
      const said = err.response?.get('Message') ?? err.message
      return new ApiFailure('pbx_error', t('refused', { reason: friendly(said) }))
    }
    case 'outcome_unknown':
      return new ApiFailure('outcome_unknown', t('dropped'))
    case 'timeout':
      return new ApiFailure('timeout', t('timeout'))
    case 'not_connected':
    case 'connection_error':
    case 'backpressure':
      return new ApiFailure('unavailable', t('notConnected'))
    case 'auth_failed':
      return new ApiFailure('auth_failed', t('credentials'))
    default:
      return new ApiFailure('pbx_error', err.message)
  }
}

/** Why the PBX could not be reached, in words (never the code: a receptionist reads this). */
const UNREACHABLE_WORDS: Partial<Record<TransportErrorCode, Parameters<typeof t>[0]>> = {
  circuit_open: 'why.circuitOpen',
  refused: 'why.refused',
  tls: 'why.tls',
  protocol: 'why.protocol',
  http_error: 'why.httpError',
  graphql_error: 'why.graphqlError',
  aborted: 'why.aborted',
  network: 'why.network',
}

/** Asterisk's terse messages, in words a receptionist reads at a glance. */
function friendly(message: string): string {
  if (/no such channel|channel does not exist|channel specified does not exist/i.test(message)) return t('gone')
  if (/permission denied/i.test(message)) return t('notAllowed')
  if (/extension does not exist/i.test(message)) return t('noSuchDestination')
  return message
}
