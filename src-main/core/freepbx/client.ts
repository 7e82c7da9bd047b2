/**
 * FreePBX API client (GraphQL of the "api" module, freepbx-api.md §1–§5).
 *
 *   const api = new FreepbxClient({ baseUrl: 'https://pbx.example.com', clientId, clientSecret })
 *   await api.health()                      proves token + GraphQL + the core read scope
 *   await api.query(QUERY, variables, parse) typed query: parse() narrows `data`
 *   await api.close()
 *
 * Auth: a client-credentials token (TokenSource), cached until shortly before expiry. A 401 (or
 * FreePBX 17's 500 OAuthServerException variant) gets exactly one fresh token and one retry;
 * a second refusal surfaces as `unauthorized` — no refresh loops (security-reliability.md §2.4).
 *
 * Errors (TransportError): unauthorized, forbidden (scope missing: FreePBX answers a GraphQL
 * validation error "Cannot query field …", not a 403), graphql_error (errors[] or status:false),
 * not_found (no API module), timeout, refused, tls, protocol, http_error, network.
 */
import { type HttpResponse, type HttpTlsOptions, HttpPool, parseJsonBody } from '../net/http'
import { TransportError } from '../net/transport-error'
import { TokenSource } from './token'

export const GQL_PATH = '/admin/api/api/gql'

export interface FreepbxClientOptions {
  /** FreePBX web root, e.g. `https://pbx.example.com` or `https://pbx.example.com/pbx`. */
  readonly baseUrl: string
  readonly clientId: string
  readonly clientSecret: string
  /** Space-separated OAuth scopes; default: none requested (the application's allowed scopes). */
  readonly scope?: string
  readonly tls?: HttpTlsOptions
  readonly timeoutMs?: number
  readonly connectTimeoutMs?: number
  /** Injectable clock for token expiry (tests). */
  readonly now?: () => number
  readonly refreshMarginMs?: number
}

/** Per-call deadline (default: the client's `timeoutMs`). */
export interface RequestOptions {
  readonly timeoutMs?: number
}

export interface FreepbxHealth {
  /** Extensions the token can see (proves the core read scope). */
  readonly extensionCount: number
}

export class FreepbxClient {
  private readonly http: HttpPool
  private readonly tokens: TokenSource
  private readonly basePath: string
  readonly where: string

  constructor(options: FreepbxClientOptions) {
    const url = new URL(options.baseUrl)
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TransportError('protocol', 'FreePBX base URL must be http or https')
    this.basePath = url.pathname.replace(/\/+$/, '')
    this.http = new HttpPool({ origin: url.origin, label: 'FreePBX API', tls: options.tls, timeoutMs: options.timeoutMs, connectTimeoutMs: options.connectTimeoutMs })
    this.where = this.http.where
    this.tokens = new TokenSource({
      http: this.http,
      basePath: this.basePath,
      clientId: options.clientId,
      clientSecret: options.clientSecret,
      scope: options.scope,
      now: options.now ?? Date.now,
      refreshMarginMs: options.refreshMarginMs,
    })
  }

  /** Token requests sent so far. */
  get tokenFetches(): number {
    return this.tokens.fetches
  }

  /**
   * `timeoutMs` bounds the whole check, token included: a frozen FreePBX must be noticed within
   * it, not after the pool's longer deadline for real work (a CDR page).
   */
  async health(opts: RequestOptions = {}): Promise<FreepbxHealth> {
    return this.query(HEALTH_QUERY, {}, (data) => {
      const root = rootField(data, 'fetchAllExtensions')
      const count = root.totalCount
      return { extensionCount: typeof count === 'number' ? count : Array.isArray(root.extension) ? root.extension.length : 0 }
    }, opts)
  }

  /**
   * One GraphQL operation (send one root field per request: FreePBX checks only the first
   * field's `status`). `parse` turns `data` into the typed result and throws on a bad shape.
   */
  async query<T>(query: string, variables: Readonly<Record<string, unknown>>, parse: (data: Record<string, unknown>) => T, opts: RequestOptions = {}): Promise<T> {
    const first = await this.post(query, variables, opts)
    const res = isAuthFailure(first) ? await this.retryWithFreshToken(query, variables, opts) : first
    const data = this.interpret(res)
    try {
      return parse(data)
    } catch (err) {
      if (err instanceof TransportError) throw err
      throw new TransportError('protocol', `${this.where}: unexpected GraphQL answer shape`, { cause: err })
    }
  }

  async close(): Promise<void> {
    await this.http.close()
  }

  private async retryWithFreshToken(query: string, variables: Readonly<Record<string, unknown>>, opts: RequestOptions): Promise<HttpResponse> {
    this.tokens.invalidate()
    const again = await this.post(query, variables, opts)
    if (isAuthFailure(again)) {
      this.tokens.invalidate()
      throw new TransportError('unauthorized', `${this.where}: access token rejected even after a refresh (revoked application?)`, { status: again.status })
    }
    return again
  }

  private async post(query: string, variables: Readonly<Record<string, unknown>>, opts: RequestOptions): Promise<HttpResponse> {
    const token = await this.tokens.get(opts.timeoutMs)
    return this.http.request({
      timeoutMs: opts.timeoutMs,
      method: 'POST',
      path: `${this.basePath}${GQL_PATH}`,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    })
  }

  private interpret(res: HttpResponse): Record<string, unknown> {
    if (res.status === 404) throw new TransportError('not_found', `${this.where}: no GraphQL endpoint (is the API module installed?)`, { status: 404 })
    // FreePBX puts meaning in the body whatever the HTTP code (400 for status:false).
    const body = parseJsonBody(res, this.where)
    const record = body !== null && typeof body === 'object' ? (body as Record<string, unknown>) : undefined
    if (record === undefined) throw new TransportError('protocol', `${this.where}: empty GraphQL answer (HTTP ${String(res.status)})`, { status: res.status })
    const errors = record.errors
    if (Array.isArray(errors) && errors.length > 0) {
      const first: unknown = errors[0]
      const message = first !== null && typeof first === 'object' && typeof (first as { message?: unknown }).message === 'string' ? (first as { message: string }).message.slice(0, 300) : 'GraphQL error'
      if (/^Cannot query field/i.test(message)) {
        throw new TransportError('forbidden', `${this.where}: the API application lacks a scope this console needs (${message})`, { status: res.status })
      }
      throw new TransportError('graphql_error', `${this.where}: ${message}`, { status: res.status })
    }
    if (res.status >= 500) throw new TransportError('http_error', `${this.where}: HTTP ${String(res.status)}`, { status: res.status })
    const data = record.data
    if (data === null || typeof data !== 'object') throw new TransportError('protocol', `${this.where}: GraphQL answer without data`, { status: res.status })
    return data as Record<string, unknown>
  }
}

const HEALTH_QUERY = 'query AttendantHealth { fetchAllExtensions(first: 1) { status message totalCount } }'

/** 401 (api 16, league middleware) or api 17's 500 JSON carrying an OAuthServerException. */
function isAuthFailure(res: HttpResponse): boolean {
  if (res.status === 401) return true
  return res.status === 500 && /OAuthServerException|access_denied/.test(res.text.slice(0, 2000))
}

/** The named root field, which must be an object; `status:false` becomes a graphql_error. */
export function rootField(data: Record<string, unknown>, name: string): Record<string, unknown> {
  const value = data[name]
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new TransportError('protocol', `GraphQL answer has no ${name}`)
  const root = value as Record<string, unknown>
  if (root.status === false) {
    throw new TransportError('graphql_error', `${name}: ${typeof root.message === 'string' ? root.message.slice(0, 300) : 'failed'}`)
  }
  return root
}
