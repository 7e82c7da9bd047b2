/**
 * Plumbing shared by the ARI and FreePBX clients: one keep-alive undici Pool per origin, a
 * deadline per request, bodies read whole (bounded) and failures turned into TransportErrors.
 *
 * Credentials are never part of a URL here: callers pass them as headers, and error messages
 * name the endpoint as `<label> at host:port` only.
 */
import { Pool } from 'undici'
import { TransportError, classifyNetworkFailure } from './transport-error'
import { say } from '../i18n'
import { strings } from './strings'

const t = say(strings)

export interface HttpTlsOptions {
  /** PEM CA certificate(s) to trust in addition to nothing else (a private PBX CA). */
  readonly ca?: string | readonly string[]
  /** Name the certificate must carry (default: the URL's host name). */
  readonly servername?: string
  /** Default true. Turning it off is an explicit, visible choice in the profile. */
  readonly rejectUnauthorized?: boolean
}

export interface HttpPoolOptions {
  /** e.g. `https://pbx.example.com:8089` — origin only, no path, no user-info. */
  readonly origin: string
  /** Plain words for error messages, e.g. 'ARI'. */
  readonly label: string
  readonly tls?: HttpTlsOptions
  /** Whole-request deadline (default 10 s). */
  readonly timeoutMs?: number
  /** TCP + TLS connect deadline (default: timeoutMs). */
  readonly connectTimeoutMs?: number
  /** Keep-alive sockets per origin (default 4). */
  readonly connections?: number
  /** Largest body accepted, in bytes (default 16 MiB). */
  readonly maxBodyBytes?: number
}

export interface HttpRequest {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE'
  /** Path plus query string; never carries credentials. */
  readonly path: string
  readonly headers?: Readonly<Record<string, string>>
  readonly body?: string
  readonly timeoutMs?: number
  readonly signal?: AbortSignal
}

export interface HttpResponse {
  readonly status: number
  readonly contentType: string
  readonly text: string
}

export class HttpPool {
  private readonly pool: Pool
  private readonly options: HttpPoolOptions
  readonly where: string
  private closed = false

  constructor(options: HttpPoolOptions) {
    const url = new URL(options.origin)
    if (url.username !== '' || url.password !== '') throw new TransportError('protocol', `${options.label}: credentials must not be part of the URL`)
    this.options = options
    this.where = t('where', { label: options.label, host: url.host })
    const timeout = options.timeoutMs ?? 10_000
    const tls = options.tls
    const ca = tls?.ca === undefined ? undefined : typeof tls.ca === 'string' ? [tls.ca] : [...tls.ca]
    this.pool = new Pool(url.origin, {
      connections: options.connections ?? 4,
      keepAliveTimeout: 30_000,
      headersTimeout: timeout,
      bodyTimeout: timeout,
      connect: {
        timeout: options.connectTimeoutMs ?? timeout,
        rejectUnauthorized: tls?.rejectUnauthorized ?? true,
        ...(ca === undefined ? {} : { ca }),
        ...(tls?.servername === undefined ? {} : { servername: tls.servername }),
      },
    })
  }

  async request(req: HttpRequest): Promise<HttpResponse> {
    if (this.closed) throw new TransportError('aborted', `${this.where}: client closed`)
    const timeoutMs = req.timeoutMs ?? this.options.timeoutMs ?? 10_000
    const controller = new AbortController()
    // An object, not a let: the flag is set inside the timer callback.
    const deadline = { hit: false }
    const timer = setTimeout(() => {
      deadline.hit = true
      controller.abort()
    }, timeoutMs)
    const onOuterAbort = (): void => {
      controller.abort()
    }
    req.signal?.addEventListener('abort', onOuterAbort, { once: true })
    try {
      const res = await this.pool.request({
        method: req.method,
        path: req.path,
        headers: { accept: 'application/json', ...req.headers },
        body: req.body,
        signal: controller.signal,
      })
      const limit = this.options.maxBodyBytes ?? 16 * 1024 * 1024
      const chunks: Buffer[] = []
      let size = 0
      for await (const chunk of res.body) {
        const buf = chunk as Buffer
        size += buf.length
        if (size > limit) {
          res.body.destroy()
          throw new TransportError('protocol', `${this.where}: answer larger than ${String(limit)} bytes`)
        }
        chunks.push(buf)
      }
      const contentType = res.headers['content-type']
      return {
        status: res.statusCode,
        contentType: (Array.isArray(contentType) ? contentType[0] : contentType) ?? '',
        text: Buffer.concat(chunks).toString('utf8'),
      }
    } catch (err) {
      if (deadline.hit) throw new TransportError('timeout', t('timeoutMs', { what: this.where, ms: String(timeoutMs) }), { cause: err })
      throw classifyNetworkFailure(err, this.where)
    } finally {
      clearTimeout(timer)
      req.signal?.removeEventListener('abort', onOuterAbort)
    }
  }

  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    await this.pool.destroy().catch(() => undefined)
  }
}

/** Parses a JSON body; an HTML page or garbage means something else answers on that port. */
export function parseJsonBody(res: HttpResponse, where: string): unknown {
  if (res.text === '') return undefined
  try {
    return JSON.parse(res.text) as unknown
  } catch (err) {
    throw new TransportError('protocol', t('notJson', { what: where, status: String(res.status) }), {
      status: res.status,
      cause: err,
    })
  }
}

/** `{"message": "..."}` (ARI) or `{"error_description": ...}` (OAuth) without trusting the shape. */
export function messageOf(body: unknown): string | undefined {
  if (body === null || typeof body !== 'object') return undefined
  const record = body as Record<string, unknown>
  for (const key of ['message', 'error_description', 'error']) {
    const value = record[key]
    if (typeof value === 'string' && value !== '') return value.slice(0, 200)
  }
  return undefined
}
