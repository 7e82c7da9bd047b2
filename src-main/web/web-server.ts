import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { WebSocketServer, type WebSocket } from 'ws'
import { isNotifyChannel, notifyChannels, type EventPayload, type WireFrame, type WireRequest } from '../../src-preload/contract'
import type { AppCore } from '../core/app/app-core'
import { LiveFlowGate } from '../core/live/live-flow'
import { contentSecurityPolicy, securityHeaders } from '../core/security/csp'
import { readStatic } from '../core/security/static-files'
import { AccessKeeper } from './access-keeper'
import type { DownloadRegistry } from './downloads'
import { say } from '../core/i18n'
import { strings } from './strings'

const t = say(strings)

export interface WebServerOptions {
  readonly core: Pick<AppCore, 'dispatch' | 'bus'>
  /** Built renderer folder (out/renderer). */
  readonly rendererDir: string
  /** 0 = any free port. */
  readonly port: number
  /** The access token and its rotation (web.ts: the data folder's stored token). */
  readonly access?: AccessKeeper
  /** Fixed token for tests without a keeper; a random one in memory otherwise. */
  readonly token?: string
  /** One-time export downloads (the History view's CSV). */
  readonly downloads?: DownloadRegistry
}

export interface WebServer {
  readonly url: string
  readonly port: number
  readonly token: string
  readonly origin: string
  connectionCount(): number
  close(): Promise<void>
}

const HOST = '127.0.0.1'
/** Frames larger than this are refused by ws before they reach JSON.parse. */
const MAX_FRAME_BYTES = 1024 * 1024
/** A socket whose unsent backlog exceeds this is too slow to follow live updates: drop it. */
const MAX_BACKLOG_BYTES = 8 * 1024 * 1024
/** Above this backlog live updates pause and the client gets a fresh snapshot once it drains. */
const BACKED_UP_BYTES = 512 * 1024
/**
 * The close code a socket gets when the token it was opened with is replaced: the page says the
 * link is no longer valid instead of reconnecting with it. (4000-4999 are the application's own.)
 */
export const TOKEN_REPLACED_CLOSE = 4401
/** Where a page asks whether its token still opens the console (the token in a header, never the URL). */
export const ACCESS_CHECK_PATH = '/access'
export const ACCESS_TOKEN_HEADER = 'x-attendant-token'

type ParsedFrame =
  { readonly kind: 'request'; readonly request: WireRequest } | { readonly kind: 'notify'; readonly channel: string; readonly input: unknown }

/** A request {id, channel, input} or a notify {notify, input}; null for anything else. */
function parseFrame(data: string): ParsedFrame | null {
  let frame: unknown
  try {
    frame = JSON.parse(data)
  } catch {
    return null
  }
  if (typeof frame !== 'object' || frame === null || Array.isArray(frame)) return null
  const { id, channel, notify, input } = frame as Record<string, unknown>
  if (typeof notify === 'string') return notify.length > 128 ? null : { kind: 'notify', channel: notify, input }
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 0) return null
  if (typeof channel !== 'string' || channel.length > 128) return null
  return { kind: 'request', request: { id, channel, input } }
}

/**
 * Web mode's transport: serves the built renderer and carries the same contract as Electron's IPC
 * over a loopback WebSocket. Bound to 127.0.0.1 only; every upgrade must present the access token
 * and this server's own Origin, and every HTTP request this server's own Host (DNS rebinding).
 * When the token is replaced, every socket opened with the old one is closed (TOKEN_REPLACED_CLOSE)
 * once the answers it is owed are sent, and asks nothing more meanwhile.
 */
export async function startWebServer(opts: WebServerOptions): Promise<WebServer> {
  const access = opts.access ?? AccessKeeper.inMemory(opts.token)
  let origin = ''
  let host = ''
  let csp = ''
  let clientSeq = 0

  const http = createServer((req, res) => {
    void serveStatic(req, res)
  })

  async function serveStatic(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.headers.host !== host) {
      res.writeHead(421, { 'Content-Type': 'text/plain' }).end('Misdirected request')
      return
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end()
      return
    }
    if (new URL(req.url ?? '/', origin).pathname === ACCESS_CHECK_PATH) {
      answerAccessCheck(req, res)
      return
    }
    if (req.method === 'GET' && opts.downloads?.handle(req, res, securityHeaders(csp)) === true) return
    const found = await readStatic(opts.rendererDir, req.url ?? '/')
    if (found.status !== 200) {
      res.writeHead(found.status, { ...securityHeaders(csp), 'Content-Type': 'text/plain' }).end(String(found.status))
      return
    }
    res.writeHead(200, {
      ...securityHeaders(csp),
      'Content-Type': found.contentType,
      'Cache-Control': found.isHtml ? 'no-store' : 'no-cache',
    })
    res.end(req.method === 'HEAD' ? undefined : found.body)
  }

  /**
   * 204 when the token in the header opens the console, 401 when it does not: a page whose socket
   * is refused learns that its link is stale (and says so) rather than retrying for ever. It tells
   * no more than a refused upgrade does.
   */
  function answerAccessCheck(req: IncomingMessage, res: ServerResponse): void {
    const given = req.headers[ACCESS_TOKEN_HEADER]
    const right = typeof given === 'string' && access.accepts(given)
    res.writeHead(right ? 204 : 401, { ...securityHeaders(csp), 'Cache-Control': 'no-store' }).end()
  }

  const wss = new WebSocketServer({
    server: http,
    path: '/ws',
    maxPayload: MAX_FRAME_BYTES,
    verifyClient: (info: { origin: string; req: IncomingMessage }) => {
      if (info.origin !== origin) return false
      const given = new URL(info.req.url ?? '/', origin).searchParams.get('token') ?? ''
      return access.accepts(given)
    },
  })

  /** Each open socket's way to be told its token was replaced. */
  const revokers = new Set<() => void>()
  const stopRevoking = access.onRevoke(() => {
    for (const revoke of [...revokers]) revoke()
  })

  wss.on('connection', (socket: WebSocket) => {
    const ctx = { clientId: `web-${String(++clientSeq)}`, transport: 'web' as const }
    // The limits scale with the largest frame sent (a live snapshot of a busy PBX is megabytes):
    // a snapshot still in flight must not itself count as "fallen behind", or every snapshot would
    // trigger the next one.
    let largestFrame = 0
    const send = (frame: WireFrame): void => {
      if (socket.readyState !== socket.OPEN) return
      if (socket.bufferedAmount > Math.max(MAX_BACKLOG_BYTES, 4 * largestFrame)) {
        socket.close(1013, 'Too far behind; reconnect for a fresh snapshot')
        return
      }
      const text = JSON.stringify(frame)
      largestFrame = Math.max(largestFrame, text.length)
      socket.send(text)
    }
    // Live messages go through the flow gate: one unacknowledged message at a time.
    const gate = new LiveFlowGate({
      transmit: (msg) => {
        send({ kind: 'event', channel: 'live.message', payload: msg })
      },
    })
    const unregister = opts.core.bus.register(ctx.clientId, {
      send: (channel, payload) => {
        if (channel === 'live.message') gate.offer(payload as EventPayload<'live.message'>)
        else send({ kind: 'event', channel, payload })
      },
      isBackedUp: () => socket.bufferedAmount > Math.max(BACKED_UP_BYTES, 2 * largestFrame),
    })
    let inFlight = 0
    let revoked = false
    const closeIfDone = (): void => {
      if (revoked && inFlight === 0 && socket.readyState === socket.OPEN) socket.close(TOKEN_REPLACED_CLOSE, 'The access link was replaced')
    }
    const revoke = (): void => {
      revoked = true
      closeIfDone()
    }
    revokers.add(revoke)
    socket.on('message', (data, isBinary) => {
      const frame = isBinary || !Buffer.isBuffer(data) ? null : parseFrame(data.toString('utf8'))
      if (frame === null) {
        send({ kind: 'error', error: { code: 'invalid_frame', message: 'Expected a JSON {id, channel, input} or {notify, input} frame' } })
        return
      }
      if (frame.kind === 'notify') {
        // Validated here, at the edge, like every invoke input; a bad one is refused, not guessed.
        const parsed = isNotifyChannel(frame.channel) ? notifyChannels[frame.channel].safeParse(frame.input) : undefined
        if (parsed?.success !== true) {
          send({ kind: 'error', error: { code: 'invalid_frame', message: `Not a valid notify frame: ${frame.channel.slice(0, 64)}` } })
          return
        }
        gate.receive(parsed.data)
        return
      }
      const request = frame.request
      if (revoked) {
        const message = t('tokenReplaced')
        send({ kind: 'reply', id: request.id, result: { ok: false, error: { code: 'forbidden', message } } })
        return
      }
      inFlight++
      void opts.core.dispatch(request.channel, request.input, ctx).then((result) => {
        send({ kind: 'reply', id: request.id, result })
        inFlight--
        closeIfDone()
      })
    })
    socket.on('close', () => {
      revokers.delete(revoke)
      unregister()
    })
    socket.on('error', () => {
      socket.terminate()
    })
  })

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject)
    http.listen(opts.port, HOST, () => {
      http.off('error', reject)
      resolve()
    })
  })
  const port = (http.address() as AddressInfo).port
  host = `${HOST}:${String(port)}`
  origin = `http://${host}`
  csp = contentSecurityPolicy({ webSocketOrigin: `ws://${host}` })
  access.servingAt(origin, port)

  return {
    get url() {
      return access.current().url
    },
    port,
    get token() {
      return access.token
    },
    origin,
    connectionCount: () => wss.clients.size,
    close: () =>
      new Promise<void>((resolve) => {
        stopRevoking()
        for (const client of wss.clients) client.terminate()
        wss.close()
        http.closeAllConnections()
        http.close(() => {
          resolve()
        })
      }),
  }
}
