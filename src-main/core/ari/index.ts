export { AriClient, type AriClientOptions, type AriHangupReason } from './client'
export { AriEventStream, type AriEventStreamOptions, type AriEventStreamEvents, type AriEventStreamState } from './events'
export { HttpPool, type HttpPoolOptions, type HttpRequest, type HttpResponse, type HttpTlsOptions, parseJsonBody, messageOf } from './http'
export {
  TransportError,
  type TransportErrorCode,
  type TlsProblem,
  classifyNetworkFailure,
  describeTransportError,
  isAvailabilityFailure,
  isTransportError,
  tlsProblemOf,
} from './transport-error'
export { type AriChannel, type AriAsteriskInfo, type AriEvent, ariChannelSchema, ariAsteriskInfoSchema, ariEventSchema } from './types'
