export {
  PbxSession,
  type PbxSessionOptions,
  type PbxSessionEvents,
  type SessionStatus,
  type TransportName,
  type TransportState,
  type TransportStatus,
} from './pbx-session'
export { CircuitBreaker, type BreakerState, type CircuitBreakerOptions, type CircuitBreakerEvents } from './circuit-breaker'
export { testConnection, probeAmi, probeAri, probeRest, type TestConnectionSecrets, type TestConnectionOptions } from './test-connection'
export { type ProbeResult, type ProbeCode, type TestConnectionResult } from './probe-result'
export { sniffPort, type SniffResult, type SniffOptions } from './port-sniff'
export { ariBaseUrl, ariTls, amiTls, freepbxTls, isLoopback } from './endpoints'
