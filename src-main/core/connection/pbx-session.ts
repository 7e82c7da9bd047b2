/**
 * PbxSession: the three clients of one PBX profile (AMI, ARI, FreePBX API) behind one shared
 * circuit breaker, with a status per transport for the status bar.
 *
 *   const session = new PbxSession({ profile, getSecret })
 *   session.on('status', (s: SessionStatus) => …)      any transport or breaker change
 *   session.on('resync', ({ transport }) => …)          AMI (or ARI events) back after a loss:
 *                                                       the live-state layer re-reads snapshots
 *   session.on('amiEvent', (msg) => …) / session.on('ariEvent', (e) => …)
 *   await session.connect();  …;  await session.disconnect()
 *   session.status()                                    SessionStatus (plain data, no secrets)
 *   await session.checkHealth()                         one health round (also on a timer)
 *   await session.ari(c => c.channels())                ARI REST through the breaker
 *   await session.rest(api => api.health())             FreePBX API through the breaker
 *   session.amiClient                                   the AmiClient while connected
 *
 * Secrets come from `getSecret(kind)` at connect time and go straight into the clients, which
 * keep them in private fields; the session never stores them, and every error text that reaches
 * a status is passed through `redact` with them as a second line of defence.
 *
 * Breaker: failures from all three transports (AMI connection losses and failed attempts, ARI
 * events/REST availability failures, FreePBX availability failures) count together. While it is
 * open, ARI/REST requests fail at once with `circuit_open` and the ARI event socket stops
 * reconnecting; after the cool-down one health probe is let through (half-open), and its success
 * closes the breaker and resumes the event socket. AMI keeps its own jittered reconnect (it has no
 * request to refuse), but its failures feed the breaker.
 *
 * Liveness (liveness.ts): a PBX that stops answering without closing its sockets (a frozen
 * Asterisk) is found by questions with deadlines on every transport, and the transport shows
 * `not_answering` with `since` = when it stopped answering (kept through reconnect attempts that
 * time out too), not "connected". A transport that lost its connection for another reason shows
 * `connecting` while it retries. When the breaker opens, a probe is scheduled for the end of its
 * cool-down, so recovery does not wait for the next health period; when it closes (a probe or AMI
 * got through), the ARI event socket resumes and a health round re-checks the others at once.
 *
 * The ARI event socket is opened WITHOUT subscribeAll: nothing in the console reads ARI events
 * (AMI feeds the live state), so the socket is kept only as the cheapest honest liveness signal
 * for ARI: a WebSocket ping on a connection that is already open costs Asterisk two tiny frames
 * (no HTTP request to parse, no authentication, no JSON), so it can run as often as the AMI ping,
 * and a restarting Asterisk closes it at once. Subscribing to every event of the system just to
 * ping would make the PBX serialise and send every channel's events to a reader that drops them.
 */
import type { AmiClientOptions } from '../ami/client'
import type { AmiClient } from '../ami/client'
import { TypedEmitter } from '../util/typed-emitter'
import { AmiError } from '../ami/errors'
import type { AmiMessage } from '../ami/message'
import { AriClient } from '../ari/client'
import { AriEventStream } from '../ari/events'
import { TransportError, isAvailabilityFailure } from '../net/transport-error'
import type { AriEvent } from '../ari/types'
import { FreepbxClient } from '../freepbx/client'
import type { PbxProfile, SecretKind } from '../profiles/schema'
import { redact } from '../secrets/redact'
import { type BreakerState, CircuitBreaker, type CircuitBreakerOptions } from './circuit-breaker'
import { amiClientFor, ariBaseUrl, ariTls, freepbxTls } from './endpoints'
import { LIVENESS_DEFAULTS, type LivenessOptions } from './liveness'
import { say } from '../i18n'
import { strings } from './strings'

const t = say(strings)

export type TransportName = 'ami' | 'ari' | 'rest'
/**
 * connected; connecting (first attempt or retrying after a loss); not_answering (the PBX accepts
 * connections but does not answer within the deadline: frozen or overloaded); down (given up, or
 * refused by the breaker); disabled (turned off in the profile).
 */
export type TransportState = 'connected' | 'connecting' | 'not_answering' | 'down' | 'disabled'

export interface TransportStatus {
  readonly state: TransportState
  /** The last problem in plain words (kept after recovery until the next change clears it). */
  readonly lastError?: string
  /** Stable code of the last problem (AmiError/TransportError code, or 'no_secret'). */
  readonly code?: string
  /** When `state` last changed (epoch ms, session clock). */
  readonly since: number
}

export interface SessionStatus {
  readonly profileId: string
  readonly breaker: BreakerState
  /** While the breaker is open: when it lets the next probe through (epoch ms, session clock). */
  readonly breakerRetryAt?: number
  readonly ami: TransportStatus
  readonly ari: TransportStatus
  readonly rest: TransportStatus
}

export interface PbxSessionEvents {
  status: [status: SessionStatus]
  resync: [info: { transport: 'ami' | 'ari' }]
  amiEvent: [msg: AmiMessage]
  ariEvent: [event: AriEvent]
}

export interface PbxSessionOptions {
  readonly profile: PbxProfile
  /**
   * Reads a secret from the SecretBox when connecting; undefined = none stored. A rejection (a
   * stored secret bound to another endpoint) is shown as that transport's problem, in its words.
   */
  readonly getSecret: (kind: SecretKind) => Promise<string | undefined>
  readonly now?: () => number
  readonly breaker?: Omit<CircuitBreakerOptions, 'now'>
  /** Health round period (ARI info + FreePBX health); 0 = only when checkHealth() is called. Default: liveness.healthIntervalMs. */
  readonly healthIntervalMs?: number
  /** Liveness periods and deadlines (liveness.ts); each defaults to LIVENESS_DEFAULTS. */
  readonly liveness?: Partial<LivenessOptions>
  /** AMI client tuning (timeouts, reconnect, auth attempts); host/user/secret come from the profile. */
  readonly ami?: Pick<
    AmiClientOptions,
    | 'connectTimeoutMs'
    | 'actionTimeoutMs'
    | 'pingIntervalMs'
    | 'pingTimeoutMs'
    | 'reconnect'
    | 'maxAuthAttempts'
    | 'events'
    | 'filters'
    | 'filteredEvents'
    | 'random'
  >
  readonly ari?: {
    readonly app?: string
    readonly subscribeAll?: boolean
    readonly timeoutMs?: number
    readonly reconnect?: { initialDelayMs?: number; maxDelayMs?: number }
  }
  readonly rest?: { readonly timeoutMs?: number; readonly scope?: string }
}

export class PbxSession extends TypedEmitter<PbxSessionEvents> {
  readonly profileId: string
  private readonly profile: PbxProfile
  private readonly options: PbxSessionOptions
  private readonly now: () => number
  private readonly breaker: CircuitBreaker
  private statuses: Record<TransportName, TransportStatus>
  // The clients hold credentials: #private keeps them out of JSON.stringify(session), spreads and
  // Object.entries, so no status/error/log path can serialise them by accident.
  #amiInstance: AmiClient | undefined
  #ariRest: AriClient | undefined
  #ariStream: AriEventStream | undefined
  #restClient: FreepbxClient | undefined
  private healthTimer: NodeJS.Timeout | undefined
  private unsubscribers: Array<() => void> = []
  /** Secret strings to scrub from error texts; a closure, not a field: never serialised. */
  #scrub: (text: string) => string = (text) => text
  private connected = false
  /** Why a stored secret was not handed out, per transport (shown instead of "no secret stored"). */
  #refusedSecrets: Partial<Record<SecretKind, string>> = {}
  private readonly liveness: LivenessOptions
  private probeTimer: NodeJS.Timeout | undefined
  /** The health round in progress: rounds never overlap (a slow one is not doubled up). */
  private healthRound: Promise<void> | undefined

  constructor(options: PbxSessionOptions) {
    super()
    this.options = options
    this.profile = options.profile
    this.profileId = options.profile.id
    this.now = options.now ?? Date.now
    this.breaker = new CircuitBreaker({ ...options.breaker, now: this.now })
    this.liveness = {
      ...LIVENESS_DEFAULTS,
      ...options.liveness,
      ...(options.healthIntervalMs === undefined ? {} : { healthIntervalMs: options.healthIntervalMs }),
    }
    const t = this.now()
    this.statuses = {
      ami: { state: 'down', since: t },
      ari: { state: this.profile.ari.enabled ? 'down' : 'disabled', since: t },
      rest: { state: this.profile.freepbx.enabled ? 'down' : 'disabled', since: t },
    }
    this.unsubscribers.push(
      this.breaker.on('state', (state) => {
        if (state === 'open') {
          this.#ariStream?.pause()
          this.scheduleProbe()
        } else if (state === 'closed' && this.connected) {
          this.#ariStream?.resume()
          // After the listeners of this change: a round started from inside guarded() would nest.
          setTimeout(() => void this.checkHealth(), 0).unref()
        }
        this.emitStatus()
      }),
    )
  }

  /** Serialising a session gives its status, nothing else. */
  toJSON(): SessionStatus {
    return this.status()
  }

  status(): SessionStatus {
    const retryAt = this.breaker.retryAt
    return {
      profileId: this.profileId,
      breaker: this.breaker.state,
      ...(retryAt === undefined ? {} : { breakerRetryAt: retryAt }),
      ami: { ...this.statuses.ami },
      ari: { ...this.statuses.ari },
      rest: { ...this.statuses.rest },
    }
  }

  get breakerState(): BreakerState {
    return this.breaker.state
  }

  /** The AMI client while the session is connected (live state and actions use it). */
  get amiClient(): AmiClient | undefined {
    return this.#amiInstance
  }

  async connect(): Promise<void> {
    if (this.connected) return
    this.connected = true
    const refused: Partial<Record<SecretKind, string>> = {}
    const read = (kind: SecretKind): Promise<string | undefined> =>
      this.options.getSecret(kind).catch((err: unknown) => {
        refused[kind] = err instanceof Error ? err.message : t('session.secretUnreadable')
        return undefined
      })
    const [amiSecret, ariSecret, restSecret] = await Promise.all([
      read('ami'),
      this.profile.ari.enabled ? read('ari') : Promise.resolve(undefined),
      this.profile.freepbx.enabled ? read('freepbx') : Promise.resolve(undefined),
    ])
    this.#refusedSecrets = refused
    const known = [amiSecret, ariSecret, restSecret].filter((s): s is string => s !== undefined && s !== '')
    this.#scrub = (text) => redact(text, known)
    this.startAmi(amiSecret)
    this.startAri(ariSecret)
    this.startRest(restSecret)
    const every = this.liveness.healthIntervalMs
    if (every > 0) this.scheduleHealth(every)
    // A first health round so ARI/REST show connected without waiting a period.
    await this.checkHealth()
  }

  async disconnect(): Promise<void> {
    this.connected = false
    clearTimeout(this.healthTimer)
    clearTimeout(this.probeTimer)
    for (const off of this.unsubscribers.splice(1)) off()
    const ami = this.#amiInstance
    const stream = this.#ariStream
    const rest = this.#ariRest
    const api = this.#restClient
    this.#amiInstance = undefined
    this.#ariStream = undefined
    this.#ariRest = undefined
    this.#restClient = undefined
    await Promise.all([ami?.stop(), stream?.stop(), rest?.close(), api?.close()])
    this.#scrub = (text) => text
    for (const name of ['ami', 'ari', 'rest'] as const) {
      if (this.statuses[name].state !== 'disabled') this.set(name, { state: 'down', lastError: 'disconnected', code: 'disconnected' })
    }
  }

  /** ARI REST through the breaker (second path for channels and hangup when AMI is down). */
  async ari<T>(work: (client: AriClient) => Promise<T>): Promise<T> {
    const client = this.#ariRest
    if (client === undefined) throw new TransportError('aborted', this.profile.ari.enabled ? t('session.ariNotConnected') : t('session.ariOff'))
    return this.guarded('ari', () => work(client))
  }

  /** FreePBX API through the breaker. */
  async rest<T>(work: (client: FreepbxClient) => Promise<T>): Promise<T> {
    const client = this.#restClient
    if (client === undefined) throw new TransportError('aborted', this.profile.freepbx.enabled ? t('session.restNotConnected') : t('session.restOff'))
    return this.guarded('rest', () => work(client))
  }

  /**
   * One health round: ARI `asterisk/info` and FreePBX `health`, each through the breaker. In
   * half-open state only the first gets the probe. Never throws.
   */
  async checkHealth(): Promise<void> {
    this.healthRound ??= this.healthRoundOnce().finally(() => {
      this.healthRound = undefined
    })
    return this.healthRound
  }

  private async healthRoundOnce(): Promise<void> {
    const rounds: Array<Promise<unknown>> = []
    const timeoutMs = this.liveness.healthTimeoutMs
    if (this.#ariRest !== undefined) {
      const client = this.#ariRest
      rounds.push(
        this.guarded('ari', () => client.info({ timeoutMs })).then(
          () => {
            this.#ariStream?.resume()
          },
          () => undefined,
        ),
      )
    }
    if (this.#restClient !== undefined) {
      const client = this.#restClient
      rounds.push(this.guarded('rest', () => client.health({ timeoutMs })).catch(() => undefined))
    }
    // Sequential is not needed: the breaker hands out at most one half-open probe.
    await Promise.all(rounds)
  }

  // ------------------------------------------------------------------ transports

  private noSecret(kind: SecretKind, missing: string): Omit<TransportStatus, 'since'> {
    const refused = this.#refusedSecrets[kind]
    return refused === undefined
      ? { state: 'down', lastError: missing, code: 'no_secret' }
      : { state: 'down', lastError: refused, code: 'secret_unbound' }
  }

  private startAmi(secret: string | undefined): void {
    if (secret === undefined || secret === '') {
      this.set('ami', this.noSecret('ami', t('session.noAmiSecret')))
      return
    }
    const ami = amiClientFor(this.profile, secret, {
      pingIntervalMs: this.liveness.amiPingIntervalMs,
      pingTimeoutMs: this.liveness.amiPingTimeoutMs,
      ...this.options.ami,
    })
    this.#amiInstance = ami
    this.set('ami', { state: 'connecting' })
    this.unsubscribers.push(
      ami.on('connected', () => {
        this.breaker.recordSuccess()
        this.set('ami', { state: 'connected' })
      }),
      ami.on('reconnected', () => {
        this.emit('resync', { transport: 'ami' })
      }),
      ami.on('disconnected', ({ error, willReconnect }) => {
        this.breaker.recordFailure()
        const stalled = error instanceof AmiError && error.code === 'timeout'
        this.set('ami', { state: !willReconnect ? 'down' : stalled ? 'not_answering' : 'connecting', ...this.describeAmi(error) })
      }),
      ami.on('error', (err) => {
        // Failed (re)connect attempts arrive here; protocol/listener noise does not count.
        if (err.code !== 'connection_error' && err.code !== 'timeout') return
        if (ami.state === 'ready') return
        this.breaker.recordFailure()
        // A login that never completes (no banner, no answer) is the PBX not answering.
        this.set('ami', { state: err.code === 'timeout' ? 'not_answering' : 'connecting', ...this.describeAmi(err) })
      }),
      ami.on('auth_failed', (err) => {
        this.set('ami', { state: 'down', ...this.describeAmi(err) })
      }),
      ami.on('event', (msg) => {
        this.emit('amiEvent', msg)
      }),
    )
    ami.start().catch((err: unknown) => {
      if (this.#amiInstance !== ami) return
      this.set('ami', { state: 'down', ...this.describeAmi(err) })
    })
  }

  private startAri(secret: string | undefined): void {
    const p = this.profile
    if (!p.ari.enabled) return
    if (secret === undefined || secret === '') {
      this.set('ari', this.noSecret('ari', t('session.noAriSecret')))
      return
    }
    const o = this.options.ari ?? {}
    this.#ariRest = new AriClient({ baseUrl: ariBaseUrl(p), username: p.ari.user, password: secret, tls: ariTls(p), timeoutMs: o.timeoutMs ?? 5000 })
    const stream = new AriEventStream({
      baseUrl: ariBaseUrl(p),
      username: p.ari.user,
      password: secret,
      app: o.app ?? 'attendant',
      subscribeAll: o.subscribeAll ?? false,
      tls: ariTls(p),
      reconnect: o.reconnect ?? {},
      pingIntervalMs: this.liveness.ariPingIntervalMs,
      pongTimeoutMs: this.liveness.ariPongTimeoutMs,
      handshakeTimeoutMs: this.liveness.healthTimeoutMs,
    })
    this.#ariStream = stream
    this.set('ari', { state: 'connecting' })
    this.unsubscribers.push(
      stream.on('open', ({ reconnect }) => {
        this.breaker.recordSuccess()
        this.set('ari', { state: 'connected' })
        if (reconnect) this.emit('resync', { transport: 'ari' })
      }),
      stream.on('close', ({ error, willReconnect }) => {
        if (error !== undefined && isAvailabilityFailure(error)) this.breaker.recordFailure()
        if (this.breaker.state === 'open') stream.pause()
        this.set('ari', {
          state: !willReconnect ? 'down' : error?.code === 'timeout' ? 'not_answering' : 'connecting',
          ...this.describeTransport(error),
        })
      }),
      stream.on('event', (event) => {
        this.emit('ariEvent', event)
      }),
    )
    stream.start()
  }

  private startRest(secret: string | undefined): void {
    const p = this.profile
    if (!p.freepbx.enabled) return
    if (secret === undefined || secret === '') {
      this.set('rest', this.noSecret('freepbx', t('session.noRestSecret')))
      return
    }
    const o = this.options.rest ?? {}
    this.#restClient = new FreepbxClient({
      baseUrl: p.freepbx.baseUrl,
      clientId: p.freepbx.clientId,
      clientSecret: secret,
      scope: o.scope,
      tls: freepbxTls(p),
      timeoutMs: o.timeoutMs ?? 10_000,
      now: this.now,
    })
    this.set('rest', { state: 'connecting' })
  }

  private async guarded<T>(name: 'ari' | 'rest', work: () => Promise<T>): Promise<T> {
    if (!this.breaker.tryAcquire()) {
      const retryAt = this.breaker.retryAt
      const words =
        retryAt === undefined
          ? t('session.paused')
          : t('session.pausedUntil', { seconds: String(Math.max(0, Math.ceil((retryAt - this.now()) / 1000))) })
      const err = new TransportError('circuit_open', words)
      if (this.statuses[name].state === 'connected') this.set(name, { state: 'down', lastError: err.message, code: err.code })
      throw err
    }
    try {
      const result = await work()
      this.breaker.recordSuccess()
      if (name === 'rest' || this.statuses.ari.state !== 'connected') this.set(name, { state: 'connected' })
      return result
    } catch (err) {
      const t = err instanceof TransportError ? err : undefined
      if (t !== undefined && isAvailabilityFailure(t)) {
        this.breaker.recordFailure()
        this.set(name, { state: t.code === 'timeout' ? 'not_answering' : 'down', ...this.describeTransport(t) })
      } else if (t !== undefined && (t.code === 'unauthorized' || t.code === 'forbidden')) {
        this.breaker.release()
        this.set(name, { state: 'down', ...this.describeTransport(t) })
      } else {
        // The PBX answered (404 for a gone channel, a GraphQL business error): it is reachable.
        this.breaker.recordSuccess()
      }
      throw err
    }
  }

  // ------------------------------------------------------------------ status

  private describeAmi(err: unknown): { lastError: string; code: string } {
    if (err instanceof AmiError) {
      const words =
        err.code === 'auth_failed'
          ? t('session.amiAuthFailed')
          : err.code === 'connection_error'
            ? t('session.amiConnectFailed', { reason: err.message.replace(/^AMI connection error: /, '') })
            : err.code === 'timeout'
              ? t('session.amiNotAnswering', { reason: err.message })
              : t('session.amiOther', { reason: err.message })
      return { lastError: this.#scrub(words), code: err.code }
    }
    return { lastError: t('session.amiUnexpected'), code: 'error' }
  }

  private describeTransport(err: TransportError | undefined): { lastError?: string; code?: string } {
    if (err === undefined) return { lastError: t('session.closed'), code: 'closed' }
    return { lastError: this.#scrub(err.message), code: err.code }
  }

  private set(name: TransportName, next: Omit<TransportStatus, 'since'>): void {
    const prev = this.statuses[name]
    if (prev.state === 'disabled') return
    const since = prev.state === next.state ? prev.since : this.now()
    const lastError = next.state === 'connected' ? undefined : (next.lastError ?? prev.lastError)
    const code = next.state === 'connected' ? undefined : (next.code ?? prev.code)
    if (prev.state === next.state && prev.lastError === lastError && prev.code === code) return
    this.statuses = {
      ...this.statuses,
      [name]: { state: next.state, since, ...(lastError === undefined ? {} : { lastError }), ...(code === undefined ? {} : { code }) },
    }
    this.emitStatus()
  }

  private emitStatus(): void {
    this.emit('status', this.status())
  }

  /** The half-open probe as soon as the breaker allows one (plus a little, for clock granularity). */
  private scheduleProbe(): void {
    clearTimeout(this.probeTimer)
    const retryAt = this.breaker.retryAt
    if (!this.connected || retryAt === undefined) return
    this.probeTimer = setTimeout(
      () => {
        if (this.connected) void this.checkHealth()
      },
      Math.max(0, retryAt - this.now()) + 10,
    )
    this.probeTimer.unref()
  }

  private scheduleHealth(every: number): void {
    this.healthTimer = setTimeout(() => {
      void this.checkHealth().finally(() => {
        if (this.connected) this.scheduleHealth(every)
      })
    }, every)
    this.healthTimer.unref()
  }
}
