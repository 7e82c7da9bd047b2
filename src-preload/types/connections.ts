export type TransportStatus = 'connected' | 'connecting' | 'down' | 'disabled'

/** Health of one PBX profile's three transports, with the last error in plain words. */
export interface ConnectionStatus {
  readonly profileId: string
  readonly name: string
  readonly ami: TransportStatus
  readonly ari: TransportStatus
  readonly rest: TransportStatus
  readonly amiError?: string | undefined
  readonly ariError?: string | undefined
  readonly restError?: string | undefined
}
