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
 * not_found (no API module), timeout, refused, tls, protocol, http_error, network. GraphQL
 * refusals are FreepbxGraphqlError, which keeps FreePBX's own words and what kind of refusal it was.
 *
 *   await api.rest('PUT', '/queues/members/400', { member: 'P101,0' })   queue members (REST)
 */
import { type HttpResponse, type HttpTlsOptions, HttpPool, parseJsonBody } from '../net/http'
import { TransportError } from '../net/transport-error'
import { TokenSource } from './token'
import { say } from '../i18n'
import { strings } from './strings'

const t = say(strings)

export const GQL_PATH = '/admin/api/api/gql'
export const REST_PATH = '/admin/api/api/rest'

/**
 * How FreePBX refused a GraphQL operation (freepbx-api.md §5), with its own words (`pbxMessage`,
 * without our "where:" prefix) so a caller can name the object and quote FreePBX:
 * - `business`: `status:false` in the first root field (HTTP 400, `{errors:[{message,status:false}]}`);
 * - `resolver`: a resolver threw ("Internal server error", 17: HTTP 200 with `data.<field>: null`);
 * - `scope`: a field is absent from the schema for lack of a scope ("Cannot query field …").
 */
export type GraphqlFailureKind = 'business' | 'resolver' | 'scope'

export class FreepbxGraphqlError extends TransportError {
  constructor(
    readonly kind: GraphqlFailureKind,
    readonly pbxMessage: string,
    message: string,
    status?: number,
  ) {
    super(kind === 'scope' ? 'forbidden' : 'graphql_error', message, status === undefined ? {} : { status })
  }
}

/** One answer of the REST API: HTTP status and the parsed JSON body (FreePBX answers `true`, `false` or objects). */
export interface RestAnswer {
  readonly status: number
  readonly body: unknown
}

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
    this.http = new HttpPool({
      origin: url.origin,
      label: 'FreePBX API',
      tls: options.tls,
      timeoutMs: options.timeoutMs,
      connectTimeoutMs: options.connectTimeoutMs,
    })
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
    return this.query(
      HEALTH_QUERY,
      {},
      (data) => {
        const root = rootField(data, 'fetchAllExtensions')
        const count = root.totalCount
        return { extensionCount: typeof count === 'number' ? count : Array.isArray(root.extension) ? root.extension.length : 0 }
      },
      opts,
    )
  }

  /**
   * One GraphQL operation (send one root field per request: FreePBX checks only the first
   * field's `status`). `parse` turns `data` into the typed result and throws on a bad shape.
   */
  async query<T>(
    query: string,
    variables: Readonly<Record<string, unknown>>,
    parse: (data: Record<string, unknown>) => T,
    opts: RequestOptions = {},
  ): Promise<T> {
    const body = JSON.stringify({ query, variables })
    const res = await this.withToken(opts, (token) => this.send('POST', GQL_PATH, token, body, 'application/json', opts))
    const data = this.interpret(res)
    try {
      return parse(data)
    } catch (err) {
      if (err instanceof TransportError) throw err
      throw new TransportError('protocol', `${this.where}: ${t('gql.shape')}`, { cause: err })
    }
  }

  /**
   * One REST call (`/admin/api/api/rest/<module>/<route>`, freepbx-api.md §4), with the same token
   * and one retry on an auth failure. `form` is sent form-encoded, as the module routes read it.
   * A 404 without JSON means no such route (or no API module); FreePBX 17's Slim 4 breakage is a 500.
   */
  async rest(method: 'GET' | 'PUT', route: string, form?: Readonly<Record<string, string>>, opts: RequestOptions = {}): Promise<RestAnswer> {
    const body = form === undefined ? undefined : new URLSearchParams(form).toString()
    // A REST route refuses a token without its scope with 401 {"status":false,"message":"unauthorized"}:
    // that is a missing scope, not an expired token, so no new token is fetched for it.
    const scopeRefusal = (r: HttpResponse): boolean => r.status === 401 && /"status"\s*:\s*false/.test(r.text.slice(0, 200))
    const res = await this.withToken(
      opts,
      (token) => this.send(method, `${REST_PATH}${route}`, token, body, 'application/x-www-form-urlencoded', opts),
      (r) => isAuthFailure(r) && !scopeRefusal(r),
    )
    if (scopeRefusal(res)) {
      const scope = route.split('/')[1]
      const lacks = scope === undefined || scope === '' ? t('rest.scopeRoute') : t('rest.scope', { route: scope })
      throw new TransportError('forbidden', `${this.where}: ${lacks}`, { status: 401 })
    }
    if (res.status === 401) throw new TransportError('unauthorized', `${this.where}: the REST API refused the token`, { status: 401 })
    let parsed: unknown
    try {
      parsed = parseJsonBody(res, this.where)
    } catch (err) {
      if (res.status === 404)
        throw new TransportError('not_found', `${this.where}: no REST route ${route} (is the module's REST API available?)`, {
          status: 404,
          cause: err,
        })
      throw err
    }
    return { status: res.status, body: parsed }
  }

  async close(): Promise<void> {
    await this.http.close()
  }

  /** Sends with the current token; on an auth failure exactly one fresh token and one retry. */
  private async withToken(
    opts: RequestOptions,
    send: (token: string) => Promise<HttpResponse>,
    authFailed: (res: HttpResponse) => boolean = isAuthFailure,
  ): Promise<HttpResponse> {
    const first = await send(await this.tokens.get(opts.timeoutMs))
    if (!authFailed(first)) return first
    this.tokens.invalidate()
    const again = await send(await this.tokens.get(opts.timeoutMs))
    if (authFailed(again)) {
      this.tokens.invalidate()
      throw new TransportError('unauthorized', `${this.where}: access token rejected even after a refresh (revoked application?)`, {
        status: again.status,
      })
    }
    return again
  }

  private send(
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    token: string,
    body: string | undefined,
    contentType: string,
    opts: RequestOptions,
  ): Promise<HttpResponse> {
    return this.http.request({
      timeoutMs: opts.timeoutMs,
      method,
      path: `${this.basePath}${path}`,
      headers: body === undefined ? { authorization: `Bearer ${token}` } : { authorization: `Bearer ${token}`, 'content-type': contentType },
      ...(body === undefined ? {} : { body }),
    })
  }

  private interpret(res: HttpResponse): Record<string, unknown> {
    if (res.status === 404)
      throw new TransportError('not_found', `${this.where}: no GraphQL endpoint (is the API module installed?)`, { status: 404 })
    // FreePBX puts meaning in the body whatever the HTTP code (400 for status:false).
    const body = parseJsonBody(res, this.where)
    const record = body !== null && typeof body === 'object' ? (body as Record<string, unknown>) : undefined
    if (record === undefined)
      throw new TransportError('protocol', `${this.where}: ${t('gql.empty', { status: String(res.status) })}`, { status: res.status })
    const errors = record.errors
    if (Array.isArray(errors) && errors.length > 0) {
      const first: unknown = errors[0]
      const said = first !== null && typeof first === 'object' ? (first as { message?: unknown; status?: unknown }) : {}
      const message = typeof said.message === 'string' ? said.message.slice(0, 300) : 'GraphQL error'
      // No mutation field at all for this token: graphql-js "…operation is not supported by the schema",
      // graphql-php "Schema is not configured for mutations" / "…to execute mutation operation".
      if (
        /^Cannot query field|^Unknown argument|^Cannot query|operation is not supported by the schema|not configured (for|to execute) mutation/i.test(
          message,
        )
      ) {
        throw new FreepbxGraphqlError('scope', message, `${this.where}: ${t('gql.scope', { said: message })}`, res.status)
      }
      const kind: GraphqlFailureKind = said.status === false ? 'business' : 'resolver'
      throw new FreepbxGraphqlError(kind, message, `${this.where}: ${message}`, res.status)
    }
    if (res.status >= 500)
      throw new TransportError('http_error', `${this.where}: ${t('http.failed', { status: String(res.status) })}`, { status: res.status })
    const data = record.data
    if (data === null || typeof data !== 'object') throw new TransportError('protocol', `${this.where}: ${t('gql.noData')}`, { status: res.status })
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
    const said = typeof root.message === 'string' ? root.message.slice(0, 300) : 'failed'
    throw new FreepbxGraphqlError('business', said, `${name}: ${said}`)
  }
  return root
}
