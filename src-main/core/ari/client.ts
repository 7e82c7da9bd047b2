/**
 * ARI REST client: one keep-alive pool per PBX, Basic credentials only in the `Authorization`
 * header (never `?api_key=` — URLs end up in proxy and server logs), typed errors.
 *
 *   const ari = new AriClient({ baseUrl: 'https://pbx:8089', username, password, tls? })
 *   await ari.info()            GET /ari/asterisk/info — the health check
 *   await ari.channels()        GET /ari/channels — second path for the call list when AMI is down
 *   await ari.hangup(id, reason?) DELETE /ari/channels/{id} — second path for hangup
 *   await ari.close()
 *
 * Errors are TransportErrors: unauthorized (401), forbidden (403, e.g. a read_only user
 * deleting), not_found (404: channel gone, or no ARI on this HTTP server), timeout, refused,
 * tls, protocol (not HTTP, or not JSON), http_error, network, aborted.
 */
import { z } from 'zod'
import { type HttpResponse, type HttpTlsOptions, HttpPool, messageOf, parseJsonBody } from '../net/http'
import { TransportError } from '../net/transport-error'
import { type AriAsteriskInfo, type AriChannel, ariAsteriskInfoSchema, ariChannelSchema } from './types'
import { say } from '../i18n'
import { strings } from './strings'

const t = say(strings)

export interface AriClientOptions {
  /** `http(s)://host:port` (the http.conf server; `/ari` is added here). */
  readonly baseUrl: string
  readonly username: string
  readonly password: string
  readonly tls?: HttpTlsOptions
  readonly timeoutMs?: number
  readonly connectTimeoutMs?: number
}

/** Hangup causes ARI accepts by name (DELETE ?reason=). */
export type AriHangupReason =
  | 'normal'
  | 'busy'
  | 'congestion'
  | 'no_answer'
  | 'timeout'
  | 'rejected'
  | 'unallocated'
  | 'normal_unspecified'
  | 'number_incomplete'
  | 'codec_mismatch'
  | 'interworking'
  | 'failure'
  | 'answered_elsewhere'

const CHANNEL_ID = /^[A-Za-z0-9._:;@/-]{1,150}$/

export class AriClient {
  readonly #authorization: string
  private readonly http: HttpPool
  readonly where: string

  constructor(options: AriClientOptions) {
    const url = new URL(options.baseUrl)
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TransportError('protocol', 'ARI base URL must be http or https')
    // Kept in a #private field: not enumerable, never serialised into a status or error payload.
    this.#authorization = `Basic ${Buffer.from(`${options.username}:${options.password}`, 'utf8').toString('base64')}`
    this.http = new HttpPool({
      origin: url.origin,
      label: 'ARI',
      tls: options.tls,
      timeoutMs: options.timeoutMs,
      connectTimeoutMs: options.connectTimeoutMs,
    })
    this.where = this.http.where
  }

  /** Health: who answers, which version. Also proves the credentials. */
  async info(opts: { signal?: AbortSignal; timeoutMs?: number } = {}): Promise<AriAsteriskInfo> {
    const body = await this.call('GET', '/ari/asterisk/info', opts)
    return this.validate(ariAsteriskInfoSchema, body, 'asterisk info')
  }

  async channels(opts: { signal?: AbortSignal; timeoutMs?: number } = {}): Promise<AriChannel[]> {
    const body = await this.call('GET', '/ari/channels', opts)
    return this.validate(z.array(ariChannelSchema), body, 'channel list')
  }

  /** Resolves when Asterisk accepted the hangup (204); not_found when the channel is gone. */
  async hangup(channelId: string, reason: AriHangupReason = 'normal', opts: { signal?: AbortSignal; timeoutMs?: number } = {}): Promise<void> {
    if (!CHANNEL_ID.test(channelId)) throw new TransportError('protocol', 'ARI hangup: channel id has characters a channel id never has')
    await this.call('DELETE', `/ari/channels/${encodeURIComponent(channelId)}?reason=${reason}`, opts)
  }

  async close(): Promise<void> {
    await this.http.close()
  }

  private async call(method: 'GET' | 'DELETE', path: string, opts: { signal?: AbortSignal; timeoutMs?: number }): Promise<unknown> {
    const res = await this.http.request({
      method,
      path,
      headers: { authorization: this.#authorization },
      signal: opts.signal,
      timeoutMs: opts.timeoutMs,
    })
    return this.interpret(res)
  }

  private interpret(res: HttpResponse): unknown {
    if (res.status === 204) return undefined
    const json = res.status >= 200 && res.status < 300 ? parseJsonBody(res, this.where) : safeJson(res)
    if (res.status >= 200 && res.status < 300) return json
    const said = messageOf(json)
    const suffix = said !== undefined ? ` (${said})` : ''
    if (res.status === 401) return fail('unauthorized', t('rest.authFailed', { where: this.where, suffix }), res.status)
    if (res.status === 403) return fail('forbidden', t('rest.forbidden', { where: this.where, suffix }), res.status)
    if (res.status === 404) return fail('not_found', t('rest.notFound', { where: this.where, suffix }), res.status)
    return fail('http_error', t('rest.http', { where: this.where, status: String(res.status), suffix }), res.status)
  }

  private validate<T>(schema: z.ZodType<T>, body: unknown, what: string): T {
    const parsed = schema.safeParse(body)
    if (!parsed.success) throw new TransportError('protocol', t('rest.shape', { where: this.where, what }))
    return parsed.data
  }
}

function safeJson(res: HttpResponse): unknown {
  try {
    return JSON.parse(res.text) as unknown
  } catch {
    return undefined
  }
}

function fail(code: 'unauthorized' | 'forbidden' | 'not_found' | 'http_error', message: string, status: number): never {
  throw new TransportError(code, message, { status })
}
