/**
 * What answers on a port? Used by test-connection to tell "wrong protocol on that port" apart
 * from a timeout: AMI greets first (`Asterisk Call Manager/x.y.z`), an HTTP server stays silent
 * until asked, a TLS server stays silent and drops plain text.
 *
 *   sniffPort({ host, port, tls? , timeoutMs }) → { kind: 'ami', banner } | { kind: 'http' } |
 *     { kind: 'silent' } | { kind: 'other' } | { kind: 'closed' }   or throws a TransportError
 *     (refused / timeout / tls) for the connection itself.
 */
import net from 'node:net'
import tls from 'node:tls'
import type { HttpTlsOptions } from '../net/http'
import { TransportError, classifyNetworkFailure } from '../net/transport-error'

export type SniffResult =
  | { readonly kind: 'ami'; readonly banner: string }
  | { readonly kind: 'http' }
  | { readonly kind: 'silent' }
  | { readonly kind: 'closed' }
  | { readonly kind: 'other' }

export interface SniffOptions {
  readonly host: string
  readonly port: number
  readonly tls?: HttpTlsOptions
  /** Connect deadline and greeting wait (each). */
  readonly timeoutMs?: number
  /** Send an HTTP request when the server is silent, to recognise an HTTP server (default true). */
  readonly askHttp?: boolean
}

const AMI_BANNER = /^Asterisk Call Manager\/[0-9.]+/

export function sniffPort(options: SniffOptions): Promise<SniffResult> {
  const timeoutMs = options.timeoutMs ?? 3000
  const what = `${options.host}:${String(options.port)}`
  return new Promise<SniffResult>((resolve, reject) => {
    let settled = false
    let received = ''
    let asked = false
    let timer: NodeJS.Timeout | undefined
    const socket: net.Socket = options.tls
      ? tls.connect({
          host: options.host,
          port: options.port,
          servername: options.tls.servername ?? (net.isIP(options.host) === 0 ? options.host : undefined),
          rejectUnauthorized: options.tls.rejectUnauthorized ?? true,
          ...(options.tls.ca === undefined ? {} : { ca: typeof options.tls.ca === 'string' ? options.tls.ca : [...options.tls.ca] }),
        })
      : net.connect({ host: options.host, port: options.port })
    const finish = (result: SniffResult | TransportError): void => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      socket.destroy()
      if (result instanceof TransportError) reject(result)
      else resolve(result)
    }
    const classify = (): SniffResult | undefined => {
      if (AMI_BANNER.test(received)) return { kind: 'ami', banner: received.split('\r\n')[0] ?? received }
      if (received.startsWith('HTTP/')) return { kind: 'http' }
      if (received.length >= 32 || received.includes('\n')) return { kind: 'other' }
      return undefined
    }
    timer = setTimeout(() => {
      finish(new TransportError('timeout', `${what}: no connection within ${String(timeoutMs)} ms`))
    }, timeoutMs)
    socket.once(options.tls ? 'secureConnect' : 'connect', () => {
      clearTimeout(timer)
      timer = setTimeout(() => {
        if (options.askHttp === false || asked) {
          finish({ kind: 'silent' })
          return
        }
        // Silent after connect: AMI would have greeted by now. Ask as a browser would.
        asked = true
        socket.write(`GET / HTTP/1.0\r\nHost: ${options.host}\r\n\r\n`)
        timer = setTimeout(
          () => {
            finish({ kind: 'silent' })
          },
          Math.min(timeoutMs, 1500),
        )
      }, timeoutMs)
    })
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1')
      const result = classify()
      if (result !== undefined) finish(result)
    })
    socket.on('error', (err) => {
      finish(classifyNetworkFailure(err, what))
    })
    socket.on('close', () => {
      finish(received === '' ? { kind: 'closed' } : (classify() ?? { kind: 'other' }))
    })
  })
}
