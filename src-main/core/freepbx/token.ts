/**
 * OAuth2 client-credentials token for the FreePBX API module (POST {base}/admin/api/api/token,
 * form-encoded, freepbx-api.md §1). The token lives in memory only, is reused until shortly
 * before it expires, and concurrent callers share one fetch.
 */
import { z } from 'zod'
import { type HttpPool, messageOf, parseJsonBody } from '../net/http'
import { TransportError } from '../net/transport-error'
import { say } from '../i18n'
import { strings } from './strings'

const t = say(strings)

export const TOKEN_PATH = '/admin/api/api/token'

const tokenResponseSchema = z.looseObject({
  token_type: z.string(),
  access_token: z.string().min(1),
  expires_in: z.number().positive(),
})

export interface TokenSourceOptions {
  readonly http: HttpPool
  /** Path prefix when FreePBX is not at the web root (e.g. '' or '/pbx'). */
  readonly basePath: string
  readonly clientId: string
  readonly clientSecret: string
  /** Space-separated scopes; omitted = the application's allowed scopes. */
  readonly scope?: string
  readonly now: () => number
  /** Renew this long before expiry (default: 60 s, at most a tenth of the lifetime). */
  readonly refreshMarginMs?: number
}

export class TokenSource {
  readonly #clientSecret: string
  #token: { value: string; renewAt: number } | undefined
  private inflight: Promise<string> | undefined
  private readonly options: Omit<TokenSourceOptions, 'clientSecret'>
  /** Token requests sent (tests assert "exactly one refresh"). */
  fetches = 0

  constructor(options: TokenSourceOptions) {
    const { clientSecret, ...rest } = options
    this.#clientSecret = clientSecret
    this.options = rest
  }

  /** A valid access token, fetching one when there is none or it is about to expire (within `timeoutMs` when given). */
  get(timeoutMs?: number): Promise<string> {
    const cached = this.#token
    if (cached !== undefined && this.options.now() < cached.renewAt) return Promise.resolve(cached.value)
    this.inflight ??= this.fetch(timeoutMs).finally(() => {
      this.inflight = undefined
    })
    return this.inflight
  }

  /** Forget the token (the server said 401 with it). */
  invalidate(): void {
    this.#token = undefined
  }

  private async fetch(timeoutMs: number | undefined): Promise<string> {
    const o = this.options
    this.fetches++
    const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: o.clientId, client_secret: this.#clientSecret })
    if (o.scope !== undefined && o.scope !== '') form.set('scope', o.scope)
    const res = await o.http.request({
      timeoutMs,
      method: 'POST',
      path: `${o.basePath}${TOKEN_PATH}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    })
    const where = o.http.where
    let body: unknown
    try {
      body = parseJsonBody(res, where)
    } catch (err) {
      if (res.status === 404)
        throw new TransportError('not_found', `${where}: no FreePBX API token endpoint (is the API module installed?)`, { status: 404, cause: err })
      throw err
    }
    if (res.status >= 200 && res.status < 300) {
      const parsed = tokenResponseSchema.safeParse(body)
      if (!parsed.success || parsed.data.token_type.toLowerCase() !== 'bearer') {
        throw new TransportError('protocol', `${where}: ${t('token.shape')}`, { status: res.status })
      }
      const lifetimeMs = parsed.data.expires_in * 1000
      const margin = Math.min(o.refreshMarginMs ?? 60_000, lifetimeMs / 10)
      this.#token = { value: parsed.data.access_token, renewAt: o.now() + lifetimeMs - margin }
      return parsed.data.access_token
    }
    const error = body !== null && typeof body === 'object' ? (body as Record<string, unknown>).error : undefined
    const said = messageOf(body)
    if (res.status === 401 || error === 'invalid_client') {
      throw new TransportError('unauthorized', `${where}: authentication failed (client id or secret rejected)`, { status: res.status })
    }
    if (error === 'invalid_scope') throw new TransportError('forbidden', `${where}: ${t('token.scope')}`, { status: res.status })
    if (res.status === 404)
      throw new TransportError('not_found', `${where}: no FreePBX API token endpoint (is the API module installed?)`, { status: 404 })
    const status = String(res.status)
    throw new TransportError(
      'http_error',
      `${where}: ${said === undefined ? t('token.failed', { status }) : t('token.failedSaid', { status, said })}`,
      {
        status: res.status,
      },
    )
  }
}
