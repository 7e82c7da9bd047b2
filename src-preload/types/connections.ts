/**
 * connected; connecting (first attempt, or retrying after a loss); not_answering (the PBX took the
 * connection but answered no question within its deadline: frozen or overloaded); down; disabled.
 */
export type TransportStatus = 'connected' | 'connecting' | 'not_answering' | 'down' | 'disabled'

/** Health of one PBX profile's three transports, with the last error in plain words. */
export interface ConnectionStatus {
  readonly profileId: string
  readonly name: string
  /** The seat's role and read-only flag, so the UI can hide what this seat cannot do. */
  readonly role: 'receptionist' | 'supervisor' | 'admin'
  readonly readOnly: boolean
  /** The operator's own extension ("my calls", click-to-dial rings it first). */
  readonly ownExtension: string
  readonly ami: TransportStatus
  readonly ari: TransportStatus
  readonly rest: TransportStatus
  readonly amiError?: string | undefined
  readonly ariError?: string | undefined
  readonly restError?: string | undefined
  /** When each transport entered its current state (epoch ms): "not answering since 14:03:12". */
  readonly amiSince?: number | undefined
  readonly ariSince?: number | undefined
  readonly restSince?: number | undefined
  /** The shared circuit breaker: 'open' means the console stopped knocking for a while. */
  readonly breaker?: 'closed' | 'open' | 'half_open'
  /** While the breaker is open: when it lets the next probe through (epoch ms). */
  readonly breakerRetryAt?: number | undefined
}

/** One transport's answer to "Test connection", in words an admin can act on. */
export interface ProbeResultView {
  readonly ok: boolean
  readonly reason?: string
  readonly code?: string
  readonly warnings: readonly string[]
  readonly version?: string
}

export interface TestConnectionView {
  readonly ami: ProbeResultView
  readonly ari: ProbeResultView
  readonly rest: ProbeResultView
  /** What the FreePBX API client may do for configuration: module, application, scopes (absent when not reached). */
  readonly config?: ProbeResultView
}
