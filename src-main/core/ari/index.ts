export { AriClient, type AriClientOptions, type AriHangupReason } from './client'
export { AriEventStream, type AriEventStreamOptions, type AriEventStreamEvents, type AriEventStreamState } from './events'
// What the clients throw; the plumbing itself lives in net/ (shared with the FreePBX client).
export { TransportError, type TransportErrorCode } from '../net/transport-error'
export { type AriChannel, type AriAsteriskInfo, type AriEvent, ariChannelSchema, ariAsteriskInfoSchema, ariEventSchema } from './types'
