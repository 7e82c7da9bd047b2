/**
 * How quickly a PBX that stopped answering is noticed, per transport, and the deadlines that
 * follow from it. A frozen Asterisk (SIGSTOP, a hung VM, a path that silently drops packets) keeps
 * its TCP connections open: only a question with a deadline tells that nobody answers.
 *
 *   AMI          an AMI `Ping` every `amiPingIntervalMs`, answered within `amiPingTimeoutMs`
 *   ARI events   a WebSocket ping on the event socket every `ariPingIntervalMs`, its pong within
 *                `ariPongTimeoutMs` (Asterisk answers pings itself: res_http_websocket.c)
 *   ARI REST,    one health round (`GET /ari/asterisk/info`, the FreePBX API's `health` query)
 *   FreePBX API  every `healthIntervalMs`, each bounded by `healthTimeoutMs` (token included)
 *
 * The worst case is a freeze that starts just after an answer: the next question goes out one
 * period later and fails one deadline after that, so detection takes at most period + deadline.
 */
export interface LivenessOptions {
  readonly amiPingIntervalMs: number
  readonly amiPingTimeoutMs: number
  readonly ariPingIntervalMs: number
  readonly ariPongTimeoutMs: number
  /** Also the ARI upgrade's deadline when reconnecting to a PBX that may still be frozen. */
  readonly healthIntervalMs: number
  readonly healthTimeoutMs: number
}

/**
 * AMI and ARI events within 9 s (what the console saw for AMI in issue 15), the REST side within
 * 14 s: the health round asks the FreePBX API (PHP and a database query) and is kept less frequent
 * than the two pings, which cost the PBX next to nothing.
 */
export const LIVENESS_DEFAULTS: LivenessOptions = {
  amiPingIntervalMs: 5000,
  amiPingTimeoutMs: 4000,
  ariPingIntervalMs: 5000,
  ariPongTimeoutMs: 4000,
  healthIntervalMs: 10_000,
  healthTimeoutMs: 4000,
}

/** The longest a frozen PBX can look alive on each transport with these settings (ms). */
export function detectionDeadlines(o: LivenessOptions): { ami: number; ariEvents: number; rest: number } {
  return {
    ami: o.amiPingIntervalMs + o.amiPingTimeoutMs,
    ariEvents: o.ariPingIntervalMs + o.ariPongTimeoutMs,
    rest: o.healthIntervalMs + o.healthTimeoutMs,
  }
}
