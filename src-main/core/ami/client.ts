/**
 * AMI client: one TCP/TLS connection to Asterisk, kept alive and logged in.
 *
 * API
 *   const ami = new AmiClient(opts: AmiClientOptions)
 *   ami.start(): Promise<void>      connect + log in; resolves when first ready (Login accepted and
 *                                   CoreStatus or Ping answered). Keeps retrying connection errors
 *                                   with backoff; rejects only with 'auth_failed' (gave up) or
 *                                   'not_connected' (stop() called first).
 *   ami.stop(): Promise<void>       Logoff (best effort), close, no reconnect. Idempotent.
 *   ami.action(name, fields?, opts?): Promise<AmiMessage>
 *                                   resolves with the `Response: Success` message (or Goodbye);
 *                                   rejects AmiError: action_error (Response: Error, see
 *                                   err.response), timeout, outcome_unknown (written, connection lost
 *                                   before the answer — never replayed), not_connected (nothing was
 *                                   written), invalid_action (refused before writing), aborted.
 *                                   If the answer starts an EventList, use list() instead: here the
 *                                   items are dropped (never emitted as live events).
 *   ami.list(name, fields?, opts?): Promise<{ response, events }>
 *                                   EventList actions (CoreShowChannels, QueueStatus, Status, …):
 *                                   collects item events by ActionID until the completion event
 *                                   (`EventList: Complete`, or a `…Complete` event without that key);
 *                                   `cancelled` → action_error. The timeout
 *                                   is an idle timeout (restarted by each item). List items are NOT
 *                                   emitted on 'event' (ExtensionStatus/ParkedCall items share
 *                                   names with live events).
 *   ami.originate(fields, opts?): Promise<OriginateHandle>
 *                                   Async Originate with a ChannelId (generated unless given);
 *                                   handle.outcome never rejects: success | failure | unknown.
 *   ami.setEvents(mask: boolean | string): Promise<void>   Action: Events now + at every re-login
 *   ami.addFilter(expression): Promise<void>             Action: Filter now + at every re-login
 *   ami.filteredEvents: boolean     this login's filters were all accepted and the mask widened to
 *                                   the `filteredEvents` option
 *   ami.state: 'idle'|'connecting'|'authenticating'|'ready'|'waiting'|'stopped'
 *   ami.banner / ami.protocolVersion / ami.fullyBooted / ami.coreStatus
 *   ami.on(name, listener) → unsubscribe; events (AmiClientEvents):
 *     'event' (msg)                 every unsolicited event (raw; see events.ts toTypedEvent)
 *     'connected' ({ reconnect })   logged in and ready (each time)
 *     'reconnected' ()              ready again after a loss: resync your state now
 *     'disconnected' ({ error, willReconnect })
 *     'auth_failed' (err)           credentials rejected `maxAuthAttempts` times in a row: stopped
 *     'error' (err: AmiError)       non-fatal problems (protocol errors, failed Filter, listener threw)
 *     'fullyBooted' | 'shutdown' | 'reload' (msg)   system events (Reload keeps the session)
 *
 * The secret is kept in a private field (#secret), not with the other options, and outgoing
 * action text (a Login holds the secret) in a private field too: JSON.stringify, console.log or
 * util.inspect of the client never show it.
 *
 * Why it is built this way (security-reliability.md §3): no action is ever replayed after a
 * reconnect; a half-open socket is found by a Ping deadline, not TCP keepalive; authentication
 * failures stop after a few attempts so the PBX's authlimit/fail2ban never trips; readiness does not
 * wait for FullyBooted (only read=system users get it); writes honour socket back-pressure, and the
 * data path only frames and dispatches so Asterisk's writetimeout never drops us.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import net from 'node:net'
import tls from 'node:tls'
import { TypedEmitter } from '../util/typed-emitter'
import { AmiError } from './errors'
import { say } from '../i18n'
import { strings } from './strings'
import { AmiFramer, type AmiFramingError } from './framing'
import { AmiMessage, formatAction, type AmiFieldsInput } from './message'

const t = say(strings)

export interface AmiTlsOptions {
  /** PEM CA certificate(s) to trust, or read them from `caFile`. */
  readonly ca?: string | Buffer | ReadonlyArray<string | Buffer>
  readonly caFile?: string
  /** Name to verify the certificate against (default: host). */
  readonly servername?: string
  /** Default true. Turning it off is an explicit, visible choice. */
  readonly rejectUnauthorized?: boolean
}

export interface AmiReconnectOptions {
  readonly initialDelayMs?: number
  readonly maxDelayMs?: number
}

export interface AmiClientOptions {
  readonly host: string
  /** Default 5038, or 5039 with TLS. */
  readonly port?: number
  readonly username: string
  readonly secret: string
  /** 'md5' uses Challenge/Key so the secret never crosses the wire (use when TLS is impossible). */
  readonly auth?: 'plain' | 'md5'
  readonly tls?: AmiTlsOptions | boolean
  /** Login `Events:` header: true = on, false = off, or an event mask such as 'call,agent'. */
  readonly events?: boolean | string
  /** Filter expressions added after login (`Action: Filter`, `Operation: Add`). */
  readonly filters?: readonly string[]
  /**
   * A wider event mask taken only behind `filters`: at each login, once Asterisk accepted every
   * filter, `Action: Events` switches to it (a class such as dialplan, whose Newexten and VarSet
   * flood, then arrives only where a filter lets it). Filter is a `system` action: a user refused
   * one keeps `events`. `ami.filteredEvents` says which this session got.
   */
  readonly filteredEvents?: string
  readonly actionTimeoutMs?: number
  /** Banner + login + readiness must complete within this. */
  readonly connectTimeoutMs?: number
  /** Ping period once ready; 0 disables keepalive. */
  readonly pingIntervalMs?: number
  /** A Ping unanswered after this long means the socket is half-open. */
  readonly pingTimeoutMs?: number
  /** false disables reconnecting. */
  readonly reconnect?: AmiReconnectOptions | false
  /** Consecutive authentication failures before giving up (default 3). */
  readonly maxAuthAttempts?: number
  readonly maxMessageBytes?: number
  /** Actions waiting for the socket to drain, in bytes, before new actions are refused. */
  readonly maxQueuedWriteBytes?: number
  /** Source of randomness for backoff jitter (tests pass a seeded one). */
  readonly random?: () => number
}

export type AmiClientState = 'idle' | 'connecting' | 'authenticating' | 'ready' | 'waiting' | 'stopped'

export interface AmiClientEvents {
  event: [msg: AmiMessage]
  connected: [info: { reconnect: boolean }]
  reconnected: []
  disconnected: [info: { error: AmiError | undefined; willReconnect: boolean }]
  auth_failed: [err: AmiError]
  error: [err: AmiError]
  fullyBooted: [msg: AmiMessage]
  shutdown: [msg: AmiMessage]
  reload: [msg: AmiMessage]
}

export interface ActionOptions {
  readonly timeoutMs?: number
  readonly signal?: AbortSignal
}

export interface ListResult {
  readonly response: AmiMessage
  readonly events: AmiMessage[]
}

export type OriginateOutcome =
  | { readonly status: 'success'; readonly event: AmiMessage }
  /** OriginateResponse `Failure` (event), or the Originate itself refused (error). */
  | { readonly status: 'failure'; readonly event: AmiMessage | undefined; readonly error: AmiError | undefined }
  /** Connection lost or no OriginateResponse in time: settle it from CoreShowChannels by channelId. */
  | { readonly status: 'unknown'; readonly error: AmiError }

export interface OriginateHandle {
  readonly actionId: string
  readonly channelId: string
  readonly response: AmiMessage
  readonly outcome: Promise<OriginateOutcome>
}

/**
 * The text of an outgoing action, held in a private field: a Login carries the secret, and a
 * queued action sits in the client's fields, where a stray console.log / util.inspect /
 * JSON.stringify of the client must not find it.
 */
class WireText {
  readonly #text: string
  readonly length: number

  constructor(text: string) {
    this.#text = text
    this.length = text.length
  }

  reveal(): string {
    return this.#text
  }

  toJSON(): string {
    return `[${String(this.length)} chars]`
  }
}

interface Pending {
  readonly name: string
  readonly id: string
  readonly bytes: WireText
  readonly isList: boolean
  readonly timeoutMs: number
  written: boolean
  timer: NodeJS.Timeout | undefined
  response: AmiMessage | undefined
  events: AmiMessage[]
  readonly resolve: (r: ListResult) => void
  readonly reject: (e: AmiError) => void
  cleanupAbort: (() => void) | undefined
}

const DEFAULTS = {
  actionTimeoutMs: 10_000,
  connectTimeoutMs: 10_000,
  pingIntervalMs: 15_000,
  pingTimeoutMs: 5_000,
  initialDelayMs: 500,
  maxDelayMs: 30_000,
  maxAuthAttempts: 3,
  maxQueuedWriteBytes: 4 * 1024 * 1024,
}

/** Late answers to timed-out actions are swallowed, not mistaken for live events; bounded. */
const MAX_ABANDONED_IDS = 1024

/** The options as kept by the client: everything but the secret (see AmiClient.#secret). */
type KeptOptions = Readonly<Omit<AmiClientOptions, 'secret'>>

export class AmiClient extends TypedEmitter<AmiClientEvents> {
  private readonly opts: KeptOptions
  /** A private field, not an option: not enumerable, not serialised, not shown by inspection. */
  readonly #secret: string
  private readonly idPrefix = `att-${randomBytes(4).toString('hex')}-`
  private seq = 0
  private socket: net.Socket | undefined
  private readonly framer: AmiFramer
  private readonly pending = new Map<string, Pending>()
  /** Actions not yet written because the socket asked us to wait ('drain'). */
  private writeQueue: Pending[] = []
  private queuedBytes = 0
  private readonly abandoned = new Set<string>()
  private readonly originates = new Map<string, (o: OriginateOutcome) => void>()
  private attempt = 0
  private authFailures = 0
  private everReady = false
  private stopped = false
  private reconnectTimer: NodeJS.Timeout | undefined
  private connectTimer: NodeJS.Timeout | undefined
  private pingTimer: NodeJS.Timeout | undefined
  /** Login `Events:` value and filters, also re-applied after every reconnect. */
  private eventMask: boolean | string
  private readonly filters: string[]
  private startWaiters: Array<{ resolve: () => void; reject: (e: AmiError) => void }> = []
  /** Why the current socket is being torn down (set before destroy()). */
  private closeReason: AmiError | undefined

  state: AmiClientState = 'idle'
  banner: string | undefined
  protocolVersion: string | undefined
  fullyBooted = false
  coreStatus: AmiMessage | undefined
  filteredEvents = false

  constructor(opts: AmiClientOptions) {
    super()
    const { secret, ...kept } = opts
    this.#secret = secret
    this.opts = kept
    this.eventMask = opts.events ?? true
    this.filters = [...(opts.filters ?? [])]
    this.framer = new AmiFramer({
      onMessage: (m) => {
        this.onMessage(m)
      },
      onBanner: (line) => {
        this.onBanner(line)
      },
      onProtocolError: (e) => {
        this.onProtocolError(e)
      },
      maxMessageBytes: opts.maxMessageBytes,
    })
  }

  protected override onListenerError(err: unknown): void {
    const e = new AmiError('listener_error', 'an AMI listener threw', { cause: err })
    if (this.listenerCount('error') > 0) this.emit('error', e)
    else super.onListenerError(err)
  }

  // ---------------------------------------------------------------- lifecycle

  start(): Promise<void> {
    if (this.stopped) return Promise.reject(new AmiError('not_connected', 'client was stopped'))
    const p = new Promise<void>((resolve, reject) => {
      if (this.state === 'ready') resolve()
      else this.startWaiters.push({ resolve, reject })
    })
    if (this.state === 'idle') this.connect()
    return p
  }

  async stop(): Promise<void> {
    if (this.stopped) return
    const wasReady = this.state === 'ready'
    this.stopped = true
    clearTimeout(this.reconnectTimer)
    if (wasReady && this.socket !== undefined) {
      // Best effort: a polite Logoff lets Asterisk log a clean session end.
      await this.action('Logoff', [], { timeoutMs: 1000 }).catch(() => undefined)
    }
    this.teardown(new AmiError('not_connected', 'client stopped'))
    this.setState('stopped')
    this.failStartWaiters(new AmiError('not_connected', 'client stopped before it was ready'))
  }

  private setState(s: AmiClientState): void {
    this.state = s
  }

  private connect(): void {
    if (this.stopped) return
    const o = this.opts
    const useTls = o.tls !== undefined && o.tls !== false
    const port = o.port ?? (useTls ? 5039 : 5038)
    this.setState('connecting')
    this.framer.reset()
    this.banner = undefined
    this.closeReason = undefined
    let sock: net.Socket
    try {
      if (useTls) {
        const t: AmiTlsOptions = typeof o.tls === 'object' ? o.tls : {}
        const ca = t.caFile !== undefined ? readFileSync(t.caFile) : t.ca
        sock = tls.connect({
          host: o.host,
          port,
          servername: t.servername ?? (net.isIP(o.host) === 0 ? o.host : undefined),
          rejectUnauthorized: t.rejectUnauthorized ?? true,
          ...(ca === undefined ? {} : { ca: ca as string | Buffer | Array<string | Buffer> }),
        })
      } else {
        sock = net.connect({ host: o.host, port })
      }
    } catch (err) {
      this.scheduleReconnect(new AmiError('connection_error', t('cannotOpen'), { cause: err }))
      return
    }
    this.socket = sock
    sock.setNoDelay(true)
    this.connectTimer = setTimeout(() => {
      this.drop(new AmiError('timeout', t('loginTimeout', { ms: String(o.connectTimeoutMs ?? DEFAULTS.connectTimeoutMs) })))
    }, o.connectTimeoutMs ?? DEFAULTS.connectTimeoutMs)
    sock.on('data', (chunk: Buffer) => {
      if (this.socket === sock) this.framer.push(chunk)
    })
    sock.on('drain', () => {
      if (this.socket === sock) this.flushWriteQueue()
    })
    sock.on('error', (err) => {
      if (this.socket === sock && this.closeReason === undefined) {
        this.closeReason = new AmiError('connection_error', `AMI connection error: ${err.message}`, { cause: err })
      }
    })
    sock.on('close', () => {
      if (this.socket === sock) this.onClose()
    })
  }

  /** Destroy the current socket for a reason; onClose() does the rest. */
  private drop(reason: AmiError): void {
    if (this.socket === undefined) return
    if (this.closeReason === undefined) this.closeReason = reason
    this.socket.destroy()
  }

  private onClose(): void {
    const reason = this.closeReason ?? new AmiError('connection_error', t('closedByServer'))
    const wasReady = this.state === 'ready'
    this.teardown(reason)
    if (this.stopped) return
    if (reason.code === 'auth_failed') {
      this.authFailures++
      const max = this.opts.maxAuthAttempts ?? DEFAULTS.maxAuthAttempts
      if (this.authFailures >= max) {
        this.stopped = true
        this.setState('stopped')
        const err = new AmiError('auth_failed', `AMI authentication failed ${String(this.authFailures)} times; not retrying`)
        this.emit('auth_failed', err)
        this.failStartWaiters(err)
        return
      }
    }
    const willReconnect = this.opts.reconnect !== false
    // Only a lost session is a 'disconnected'; failed attempts while waiting are 'error's.
    if (wasReady) this.emit('disconnected', { error: reason, willReconnect })
    if (willReconnect) this.scheduleReconnect(reason)
    else {
      this.stopped = true
      this.setState('stopped')
      this.failStartWaiters(reason)
    }
  }

  /** Close the socket (if any) and settle everything that depended on it. */
  private teardown(reason: AmiError): void {
    clearTimeout(this.connectTimer)
    clearTimeout(this.pingTimer)
    this.pingTimer = undefined
    const sock = this.socket
    this.socket = undefined
    if (sock !== undefined) {
      sock.removeAllListeners('data')
      sock.destroy()
    }
    if (this.framer.end() && reason.code !== 'not_connected') {
      this.emit('error', new AmiError('protocol_error', 'connection closed in the middle of a message'))
    }
    // Written actions: their fate is unknown. Queued ones never left: safe to fail plainly.
    const queued = new Set(this.writeQueue)
    this.writeQueue = []
    this.queuedBytes = 0
    for (const p of [...this.pending.values()]) {
      if (!p.written || queued.has(p)) {
        this.settle(p, new AmiError('not_connected', `${p.name} was not sent: connection lost`, { action: p.name, actionId: p.id }))
      } else {
        this.settle(
          p,
          new AmiError('outcome_unknown', `connection lost before the answer to ${p.name}; it may or may not have run`, {
            action: p.name,
            actionId: p.id,
            cause: reason,
          }),
        )
      }
    }
    for (const [id, settle] of this.originates) {
      settle({
        status: 'unknown',
        error: new AmiError('outcome_unknown', 'connection lost before OriginateResponse', { action: 'Originate', actionId: id }),
      })
    }
    this.originates.clear()
  }

  private scheduleReconnect(reason: AmiError): void {
    if (this.stopped) return
    this.setState('waiting')
    const r = this.opts.reconnect === false ? undefined : this.opts.reconnect
    const initial = r?.initialDelayMs ?? DEFAULTS.initialDelayMs
    const max = r?.maxDelayMs ?? DEFAULTS.maxDelayMs
    // Exponential with "equal jitter": never less than half the step, so a PBX restart is not
    // hammered, and clients that lost the PBX together do not come back in lockstep.
    const step = Math.min(max, initial * 2 ** Math.min(this.attempt, 30))
    const rand = (this.opts.random ?? Math.random)()
    const delay = step / 2 + (step / 2) * rand
    this.attempt++
    this.reconnectTimer = setTimeout(() => {
      this.connect()
    }, delay)
    if (this.listenerCount('error') > 0 && reason.code !== 'auth_failed') this.emit('error', reason)
  }

  private failStartWaiters(err: AmiError): void {
    const w = this.startWaiters
    this.startWaiters = []
    for (const x of w) x.reject(err)
  }

  // ---------------------------------------------------------------- login and readiness

  private onBanner(line: string): void {
    this.banner = line
    this.protocolVersion = this.framer.protocolVersion
    this.setState('authenticating')
    void this.login()
  }

  private async login(): Promise<void> {
    const o = this.opts
    const events = eventMaskValue(this.eventMask)
    try {
      if (o.auth === 'md5') {
        const ch = await this.internalAction('Challenge', { AuthType: 'MD5' })
        const challenge = ch.get('Challenge') ?? ''
        const key = createHash('md5')
          .update(challenge + this.#secret)
          .digest('hex')
        await this.internalAction('Login', { AuthType: 'MD5', Username: o.username, Key: key, Events: events })
      } else {
        await this.internalAction('Login', { Username: o.username, Secret: this.#secret, Events: events })
      }
    } catch (err) {
      const e = err instanceof AmiError ? err : new AmiError('protocol_error', 'login failed', { cause: err })
      if (e.code === 'action_error') {
        this.drop(new AmiError('auth_failed', 'AMI authentication failed', { action: 'Login', response: e.response }))
      } else if (e.code === 'timeout') {
        this.drop(e)
      }
      return
    }
    try {
      let accepted = true
      this.filteredEvents = false
      for (const f of this.filters) {
        const added = await this.internalAction('Filter', { Operation: 'Add', Filter: f }).then(
          () => true,
          (err: unknown) => {
            this.emit('error', err instanceof AmiError ? err : new AmiError('action_error', 'Filter failed', { cause: err }))
            return false
          },
        )
        accepted &&= added
      }
      // Before readiness: whoever resyncs on 'connected' lists the state after the mask widened.
      if (o.filteredEvents !== undefined && accepted) {
        this.filteredEvents = await this.internalAction('Events', { EventMask: o.filteredEvents }).then(
          () => true,
          (err: unknown) => {
            this.emit('error', err instanceof AmiError ? err : new AmiError('action_error', 'Events failed', { cause: err }))
            return false
          },
        )
      }
      await this.checkReadiness()
    } catch (err) {
      if (err instanceof AmiError && err.code === 'timeout') this.drop(err)
      return
    }
    this.onReady()
  }

  /** CoreStatus proves the core answers (and tells uptime); a user without read=system|reporting
   *  gets Permission denied, then Ping is enough. */
  private async checkReadiness(): Promise<void> {
    try {
      this.coreStatus = await this.internalAction('CoreStatus', [])
    } catch (err) {
      if (!(err instanceof AmiError) || err.code !== 'action_error') throw err
      this.coreStatus = undefined
      await this.internalAction('Ping', [])
    }
  }

  private onReady(): void {
    clearTimeout(this.connectTimer)
    const reconnect = this.everReady
    this.everReady = true
    this.attempt = 0
    this.authFailures = 0
    this.setState('ready')
    this.schedulePing()
    const w = this.startWaiters
    this.startWaiters = []
    for (const x of w) x.resolve()
    this.emit('connected', { reconnect })
    if (reconnect) this.emit('reconnected')
  }

  private schedulePing(): void {
    const every = this.opts.pingIntervalMs ?? DEFAULTS.pingIntervalMs
    if (every <= 0) return
    this.pingTimer = setTimeout(() => {
      const sock = this.socket
      this.internalAction('Ping', [], this.opts.pingTimeoutMs ?? DEFAULTS.pingTimeoutMs).then(
        () => {
          if (this.socket === sock && this.state === 'ready') this.schedulePing()
        },
        (err: unknown) => {
          if (this.socket === sock && err instanceof AmiError && err.code === 'timeout') {
            this.drop(new AmiError('timeout', t('pingUnanswered')))
          }
        },
      )
    }, every)
  }

  private onProtocolError(e: AmiFramingError): void {
    const err = new AmiError('protocol_error', t('framing', { reason: e.reason, detail: e.detail }))
    this.emit('error', err)
    // The stream can no longer be trusted to be in step: start over on a fresh connection, and
    // deliver nothing more from this one (reset() stops the read being scanned).
    this.drop(err)
    this.framer.reset()
  }

  // ---------------------------------------------------------------- actions

  private nextId(): string {
    this.seq++
    return this.idPrefix + String(this.seq)
  }

  /** Actions of the login sequence run before 'ready'. */
  private internalAction(name: string, fields: AmiFieldsInput, timeoutMs?: number): Promise<AmiMessage> {
    return this.enqueue(name, fields, { timeoutMs: timeoutMs ?? this.opts.actionTimeoutMs ?? DEFAULTS.actionTimeoutMs }, false, true).then(
      (r) => r.response,
    )
  }

  action(name: string, fields: AmiFieldsInput = [], opts: ActionOptions = {}): Promise<AmiMessage> {
    return this.enqueue(name, fields, opts, false, false).then((r) => r.response)
  }

  list(name: string, fields: AmiFieldsInput = [], opts: ActionOptions = {}): Promise<ListResult> {
    return this.enqueue(name, fields, opts, true, false)
  }

  /** `Action: Events` now, and the same mask at every later login (reconnects keep it). */
  async setEvents(mask: boolean | string): Promise<void> {
    const value = eventMaskValue(mask)
    // Validate before remembering: a bad mask must not poison every future login.
    formatAction('Events', { EventMask: value })
    this.eventMask = mask
    await this.action('Events', { EventMask: value })
  }

  /** `Action: Filter` (`Operation: Add`) now, and again after every reconnect. */
  async addFilter(expression: string): Promise<void> {
    formatAction('Filter', { Operation: 'Add', Filter: expression })
    this.filters.push(expression)
    await this.action('Filter', { Operation: 'Add', Filter: expression })
  }

  async originate(fields: AmiFieldsInput, opts: ActionOptions = {}): Promise<OriginateHandle> {
    const msg = AmiMessage.from(fields)
    const channelId = msg.get('ChannelId') ?? randomUUID()
    const keys: Array<readonly [string, string]> = []
    for (let i = 0; i < msg.size; i++) {
      const k = msg.keyAt(i) as string
      const lower = k.toLowerCase()
      if (lower === 'async' || lower === 'channelid' || lower === 'actionid') continue
      keys.push([k, msg.valueAt(i) as string])
    }
    keys.push(['Async', 'true'], ['ChannelId', channelId])
    const actionId = this.nextId()
    let settle: (o: OriginateOutcome) => void = () => undefined
    const outcome = new Promise<OriginateOutcome>((resolve) => {
      settle = resolve
    })
    // Originate's own Timeout (ms, default 30 s) bounds the ringing; after it plus a margin, the
    // answer is overdue and the caller must look the channel up instead.
    const ringMs = Number(msg.get('Timeout') ?? 30_000)
    const outcomeTimer = setTimeout(
      () => {
        if (this.originates.delete(actionId)) {
          settle({ status: 'unknown', error: new AmiError('timeout', 'no OriginateResponse in time', { action: 'Originate', actionId }) })
        }
      },
      (Number.isFinite(ringMs) ? ringMs : 30_000) + 15_000,
    )
    this.originates.set(actionId, (o) => {
      clearTimeout(outcomeTimer)
      settle(o)
    })
    try {
      const r = await this.enqueue('Originate', keys, opts, false, false, actionId)
      return { actionId, channelId, response: r.response, outcome }
    } catch (err) {
      const s = this.originates.get(actionId)
      this.originates.delete(actionId)
      const e = err instanceof AmiError ? err : new AmiError('action_error', 'Originate failed', { cause: err })
      // Refused or never written: no call. Timed out or cut off: nobody knows; look it up by channelId.
      const notRun = e.code === 'action_error' || e.code === 'invalid_action' || e.code === 'not_connected' || e.code === 'backpressure'
      s?.(notRun ? { status: 'failure', event: undefined, error: e } : { status: 'unknown', error: e })
      throw e
    }
  }

  private enqueue(
    name: string,
    fields: AmiFieldsInput,
    opts: ActionOptions,
    isList: boolean,
    internal: boolean,
    forcedId?: string,
  ): Promise<ListResult> {
    return new Promise<ListResult>((resolve, reject) => {
      if (this.socket === undefined || (!internal && this.state !== 'ready')) {
        reject(new AmiError('not_connected', `cannot send ${name}: AMI is ${this.state}`, { action: name }))
        return
      }
      if (opts.signal?.aborted === true) {
        reject(new AmiError('aborted', `${name} aborted before sending`, { action: name }))
        return
      }
      const id = forcedId ?? this.nextId()
      let bytes: WireText
      try {
        const msg = AmiMessage.from(fields)
        if (msg.has('ActionID')) throw new AmiError('invalid_action', 'ActionID is assigned by the client', { action: name })
        const withId: Array<readonly [string, string]> = []
        for (let i = 0; i < msg.size; i++) withId.push([msg.keyAt(i) as string, msg.valueAt(i) as string])
        withId.push(['ActionID', id])
        bytes = new WireText(formatAction(name, withId))
      } catch (err) {
        reject(err instanceof AmiError ? err : new AmiError('invalid_action', `${name} refused`, { action: name, cause: err }))
        return
      }
      const p: Pending = {
        name,
        id,
        bytes,
        isList,
        timeoutMs: opts.timeoutMs ?? this.opts.actionTimeoutMs ?? DEFAULTS.actionTimeoutMs,
        written: false,
        timer: undefined,
        response: undefined,
        events: [],
        resolve,
        reject,
        cleanupAbort: undefined,
      }
      if (opts.signal !== undefined) {
        const signal = opts.signal
        const onAbort = (): void => {
          this.abandon(
            p,
            new AmiError('aborted', p.written ? `${name} aborted after it was sent` : `${name} aborted`, { action: name, actionId: id }),
          )
        }
        signal.addEventListener('abort', onAbort, { once: true })
        p.cleanupAbort = () => {
          signal.removeEventListener('abort', onAbort)
        }
      }
      this.pending.set(id, p)
      this.armTimer(p)
      const sock = this.socket
      if (this.writeQueue.length > 0 || sock.writableNeedDrain) {
        const max = this.opts.maxQueuedWriteBytes ?? DEFAULTS.maxQueuedWriteBytes
        if (this.queuedBytes + bytes.length > max) {
          this.settle(p, new AmiError('backpressure', `${name} refused: the PBX is not reading (write queue full)`, { action: name, actionId: id }))
          return
        }
        this.writeQueue.push(p)
        this.queuedBytes += bytes.length
        return
      }
      this.write(p)
    })
  }

  private write(p: Pending): void {
    const sock = this.socket
    if (sock === undefined) return
    p.written = true
    sock.write(p.bytes.reveal())
  }

  private flushWriteQueue(): void {
    const sock = this.socket
    while (sock !== undefined && this.writeQueue.length > 0 && !sock.writableNeedDrain) {
      const p = this.writeQueue.shift() as Pending
      this.queuedBytes -= p.bytes.length
      if (this.pending.get(p.id) === p) this.write(p)
    }
  }

  private armTimer(p: Pending): void {
    clearTimeout(p.timer)
    p.timer = setTimeout(() => {
      this.abandon(
        p,
        new AmiError('timeout', `${p.name} got no ${p.response === undefined ? 'response' : 'list completion'} within ${String(p.timeoutMs)} ms`, {
          action: p.name,
          actionId: p.id,
        }),
      )
    }, p.timeoutMs)
  }

  /** Give up on an action but remember its id, so a late answer is not taken for a live event. */
  private abandon(p: Pending, err: AmiError): void {
    if (this.pending.get(p.id) !== p) return
    const qi = this.writeQueue.indexOf(p)
    if (qi !== -1) {
      this.writeQueue.splice(qi, 1)
      this.queuedBytes -= p.bytes.length
    } else {
      this.forgetLater(p.id)
    }
    this.settle(p, err)
  }

  /** Late answers and list items for this id are dropped, not mistaken for live events. */
  private forgetLater(id: string): void {
    this.abandoned.add(id)
    if (this.abandoned.size > MAX_ABANDONED_IDS) {
      const first = this.abandoned.values().next()
      if (first.done !== true) this.abandoned.delete(first.value)
    }
  }

  private settle(p: Pending, result: AmiError | ListResult): void {
    this.pending.delete(p.id)
    clearTimeout(p.timer)
    p.cleanupAbort?.()
    if (result instanceof AmiError) p.reject(result)
    else p.resolve(result)
  }

  // ---------------------------------------------------------------- inbound

  private onMessage(m: AmiMessage): void {
    // Classify by Event first: OriginateResponse events carry a Response key too.
    const event = m.event
    if (event !== undefined) {
      this.onEvent(m, event)
      return
    }
    if (m.response !== undefined) this.onResponse(m)
    // Anything else (stray text such as the IAXnetstats answer) carries no meaning we can use.
  }

  private onResponse(m: AmiMessage): void {
    const id = m.actionId
    if (id === undefined) return
    const p = this.pending.get(id)
    // A late answer to an abandoned action: dropped. Its id stays remembered until its list (if
    // any) completes, so late list items are dropped too.
    if (p === undefined) return
    const r = m.response as string
    if (r === 'Error' || r === 'error') {
      this.settle(p, new AmiError('action_error', `${p.name} failed: ${m.get('Message') ?? 'Error'}`, { action: p.name, actionId: id, response: m }))
      return
    }
    const eventList = m.get('EventList')
    if (eventList !== undefined && eventList.toLowerCase() === 'start') {
      if (p.isList) {
        p.response = m
        this.armTimer(p)
        return
      }
      // A list answer to action(): its items (same names as live events) must not reach 'event'.
      this.forgetLater(id)
    }
    this.settle(p, { response: m, events: [] })
  }

  private onEvent(m: AmiMessage, event: string): void {
    const id = m.actionId
    if (id !== undefined) {
      const p = this.pending.get(id)
      if (p !== undefined && p.isList) {
        const el = m.get('EventList')
        const lower = el?.toLowerCase()
        // `EventList: Complete` marks the end; a `…Complete` event without it (older versions)
        // ends the list too, rather than leaving it to time out.
        if (lower === 'complete' || (lower === undefined && event.endsWith('Complete'))) {
          this.settle(p, { response: p.response ?? m, events: p.events })
        } else if (lower === 'cancelled') {
          this.settle(p, new AmiError('action_error', `${p.name} list cancelled by the PBX`, { action: p.name, actionId: id, response: m }))
        } else {
          p.events.push(m)
          this.armTimer(p)
        }
        return
      }
      // Late list items of an abandoned list: list items never carry Privilege, unsolicited events
      // (OriginateResponse, UserEvent) always do, and those still matter to everyone.
      if (p === undefined && !m.has('Privilege') && this.abandoned.has(id)) {
        const lower = m.get('EventList')?.toLowerCase()
        if (lower === 'complete' || lower === 'cancelled') this.abandoned.delete(id)
        return
      }
      if (event === 'OriginateResponse') {
        const settle = this.originates.get(id)
        if (settle !== undefined) {
          this.originates.delete(id)
          settle(m.get('Response') === 'Success' ? { status: 'success', event: m } : { status: 'failure', event: m, error: undefined })
        }
      }
    }
    switch (event) {
      case 'FullyBooted':
        this.fullyBooted = true
        this.emit('fullyBooted', m)
        break
      case 'Shutdown':
        // The socket closes next; the reconnect backoff takes it from there.
        this.emit('shutdown', m)
        break
      case 'Reload':
        this.emit('reload', m)
        break
      default:
        break
    }
    this.emit('event', m)
  }
}

function eventMaskValue(mask: boolean | string): string {
  return mask === true ? 'on' : mask === false ? 'off' : mask
}
