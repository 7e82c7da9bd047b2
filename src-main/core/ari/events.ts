/**
 * ARI events over a WebSocket (`/ari/events?app=…&subscribeAll=…`), kept open with jittered
 * exponential backoff. The credentials travel in the upgrade's `Authorization` header — Asterisk
 * accepts that (fixtures README: 101 with Basic) — so no `api_key` ever lands in a URL.
 *
 *   const stream = new AriEventStream({ baseUrl, username, password, app: 'attendant', subscribeAll: true })
 *   stream.on('event', (e) => …)        every parsed event ({ type, … })
 *   stream.on('open', ({ reconnect }) => …)   connected (again: resync your state)
 *   stream.on('close', ({ error, willReconnect }) => …)
 *   stream.on('unauthorized', (err) => …)     401 on upgrade: stopped, no retry storm
 *   stream.start(); await stream.stop()
 *   stream.pause() / stream.resume()    the session's circuit breaker holds reconnects while open
 *
 * Liveness: a frozen Asterisk (SIGSTOP, a hung host, a path that drops packets without a reset)
 * keeps the TCP connection "open" for minutes, and an idle event socket would never notice. So an
 * open socket sends a WebSocket ping every `pingIntervalMs`; Asterisk answers it itself
 * (res_http_websocket.c, ast_websocket_read: "PING received. Sent PONG"), and no pong within
 * `pongTimeoutMs` closes the socket with a `timeout` error, which reconnects like any loss. A ping
 * is two tiny frames on a connection that already exists: no HTTP parse, no auth check, no JSON.
 */
import WebSocket from 'ws'
import { TypedEmitter } from '../util/typed-emitter'
import type { HttpTlsOptions } from '../net/http'
import { TransportError, classifyNetworkFailure } from '../net/transport-error'
import { type AriEvent, ariEventSchema } from './types'
import { say } from '../i18n'
import { strings } from './strings'

const t = say(strings)

export interface AriEventStreamOptions {
  readonly baseUrl: string
  readonly username: string
  readonly password: string
  /** Stasis application name (letters, digits, - _ .). */
  readonly app: string
  /** Receive every event of the system, not only the app's channels (a watching console). */
  readonly subscribeAll?: boolean
  readonly tls?: HttpTlsOptions
  readonly handshakeTimeoutMs?: number
  readonly reconnect?: { readonly initialDelayMs?: number; readonly maxDelayMs?: number } | false
  /** Ping period while open (default 5 s); 0 turns liveness checks off. */
  readonly pingIntervalMs?: number
  /** A ping unanswered after this long means the PBX is not answering (default 4 s). */
  readonly pongTimeoutMs?: number
  /** Largest frame accepted (default 1 MiB). */
  readonly maxPayloadBytes?: number
  readonly random?: () => number
}

export interface AriEventStreamEvents {
  event: [event: AriEvent]
  open: [info: { reconnect: boolean }]
  close: [info: { error: TransportError | undefined; willReconnect: boolean }]
  unauthorized: [err: TransportError]
  error: [err: TransportError]
}

export type AriEventStreamState = 'idle' | 'connecting' | 'open' | 'waiting' | 'paused' | 'stopped'

const APP_NAME = /^[A-Za-z0-9_.-]{1,80}$/

export class AriEventStream extends TypedEmitter<AriEventStreamEvents> {
  readonly #authorization: string
  /** Options without the password (that lives only in #authorization). */
  private readonly options: Omit<AriEventStreamOptions, 'password'>
  private readonly url: string
  private readonly where: string
  private socket: WebSocket | undefined
  private timer: NodeJS.Timeout | undefined
  private pingTimer: NodeJS.Timeout | undefined
  private attempt = 0
  private everOpen = false
  /** Set when the pong deadline closed the socket: the close is reported as that timeout. */
  private stalled: TransportError | undefined
  state: AriEventStreamState = 'idle'
  /** Connection attempts made (tests check there is no reconnect storm). */
  attempts = 0

  constructor(options: AriEventStreamOptions) {
    super()
    if (!APP_NAME.test(options.app)) throw new TransportError('protocol', 'ARI application name may contain letters, digits, _ . - only')
    const base = new URL(options.baseUrl)
    const wsUrl = new URL('/ari/events', base)
    wsUrl.protocol = base.protocol === 'https:' ? 'wss:' : 'ws:'
    wsUrl.searchParams.set('app', options.app)
    if (options.subscribeAll === true) wsUrl.searchParams.set('subscribeAll', 'true')
    this.url = wsUrl.toString()
    this.where = t('events.where', { host: base.host })
    const { password: _password, ...rest } = options
    this.options = rest
    this.#authorization = `Basic ${Buffer.from(`${options.username}:${options.password}`, 'utf8').toString('base64')}`
  }

  start(): void {
    if (this.state !== 'idle') return
    this.connect()
  }

  /** Close and stay closed. */
  async stop(): Promise<void> {
    this.state = 'stopped'
    clearTimeout(this.timer)
    clearTimeout(this.pingTimer)
    const ws = this.socket
    this.socket = undefined
    if (ws === undefined) return
    await new Promise<void>((resolve) => {
      if (ws.readyState === WebSocket.CLOSED) {
        resolve()
        return
      }
      ws.once('close', () => {
        resolve()
      })
      ws.terminate()
    })
  }

  /** Stop reconnecting for now (the breaker is open); an open socket is left alone. */
  pause(): void {
    if (this.state === 'waiting') {
      clearTimeout(this.timer)
      this.state = 'paused'
    }
  }

  /** Try again now (half-open probe, or the breaker closed). */
  resume(): void {
    if (this.state === 'paused' || this.state === 'waiting') {
      clearTimeout(this.timer)
      this.connect()
    }
  }

  private connect(): void {
    this.state = 'connecting'
    this.attempts++
    const tls = this.options.tls
    const ws = new WebSocket(this.url, {
      headers: { authorization: this.#authorization },
      handshakeTimeout: this.options.handshakeTimeoutMs ?? 10_000,
      maxPayload: this.options.maxPayloadBytes ?? 1024 * 1024,
      rejectUnauthorized: tls?.rejectUnauthorized ?? true,
      ...(tls?.ca === undefined ? {} : { ca: typeof tls.ca === 'string' ? tls.ca : [...tls.ca] }),
      ...(tls?.servername === undefined ? {} : { servername: tls.servername }),
      perMessageDeflate: false,
    })
    this.socket = ws
    let failure: TransportError | undefined
    ws.on('unexpected-response', (_req, res) => {
      const status = res.statusCode ?? 0
      res.resume()
      failure =
        status === 401
          ? new TransportError('unauthorized', t('events.authFailed', { where: this.where }), { status })
          : status === 404
            ? new TransportError('not_found', t('events.noEndpoint', { where: this.where }), { status })
            : new TransportError('http_error', t('events.upgradeRefused', { where: this.where, status: String(status) }), { status })
      ws.terminate()
    })
    ws.on('open', () => {
      if (this.socket !== ws) return
      const reconnect = this.everOpen
      this.everOpen = true
      this.attempt = 0
      this.state = 'open'
      this.schedulePing(ws)
      this.emit('open', { reconnect })
    })
    ws.on('pong', () => {
      if (this.socket === ws) this.schedulePing(ws)
    })
    ws.on('message', (data, isBinary) => {
      if (this.socket !== ws || isBinary) return
      this.onFrame(Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.concat(data as Buffer[]).toString('utf8'))
    })
    ws.on('error', (err) => {
      // ws reports its own handshake deadline as a plain Error: a PBX that accepted the TCP
      // connection but never answered the upgrade is not answering, not a network fault.
      failure ??= /handshake has timed out/i.test(err.message)
        ? new TransportError('timeout', t('events.noAnswer', { where: this.where }), { cause: err })
        : classifyNetworkFailure(err, this.where)
    })
    ws.on('close', () => {
      if (this.socket !== ws) return
      clearTimeout(this.pingTimer)
      this.socket = undefined
      const stalled = this.stalled
      this.stalled = undefined
      this.onClosed(stalled ?? failure)
    })
  }

  /**
   * The next ping after a quiet period, then a deadline for its pong. Each pong (any pong:
   * a late one still proves the peer is alive) starts the next period.
   */
  private schedulePing(ws: WebSocket): void {
    clearTimeout(this.pingTimer)
    const every = this.options.pingIntervalMs ?? 5000
    if (every <= 0) return
    const deadline = this.options.pongTimeoutMs ?? 4000
    this.pingTimer = setTimeout(() => {
      if (this.socket !== ws || ws.readyState !== WebSocket.OPEN) return
      ws.ping()
      this.pingTimer = setTimeout(() => {
        if (this.socket !== ws) return
        this.stalled = new TransportError('timeout', t('events.pingUnanswered', { where: this.where, ms: String(deadline) }))
        ws.terminate()
      }, deadline)
      this.pingTimer.unref()
    }, every)
    this.pingTimer.unref()
  }

  private onFrame(text: string): void {
    let json: unknown
    try {
      json = JSON.parse(text) as unknown
    } catch {
      this.emit('error', new TransportError('protocol', `${this.where}: a frame was not JSON`))
      return
    }
    const parsed = ariEventSchema.safeParse(json)
    if (!parsed.success) {
      this.emit('error', new TransportError('protocol', `${this.where}: a frame had no event type`))
      return
    }
    this.emit('event', parsed.data)
  }

  private onClosed(error: TransportError | undefined): void {
    if (this.state === 'stopped') return
    if (error?.code === 'unauthorized') {
      // Retrying a wrong password only fills the PBX's security log (and trips fail2ban).
      this.state = 'stopped'
      this.emit('close', { error, willReconnect: false })
      this.emit('unauthorized', error)
      return
    }
    const r = this.options.reconnect
    this.emit('close', { error, willReconnect: r !== false })
    if (r === false) {
      this.state = 'stopped'
      return
    }
    this.state = 'waiting'
    const initial = r?.initialDelayMs ?? 500
    const max = r?.maxDelayMs ?? 30_000
    // Equal jitter: at least half the step, so many consoles do not return in lockstep.
    const step = Math.min(max, initial * 2 ** Math.min(this.attempt, 30))
    const delay = step / 2 + (step / 2) * (this.options.random ?? Math.random)()
    this.attempt++
    this.timer = setTimeout(() => {
      if (this.state === 'waiting') this.connect()
    }, delay)
  }
}
