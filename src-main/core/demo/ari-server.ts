/**
 * The demo PBX's ARI: REST over node:http and the `/ari/events` WebSocket (ws), on 127.0.0.1.
 * Bodies are single-line JSON in the shapes of test/fixtures/asterisk/ari; errors are the
 * captured `{"message":"Authentication required"}` (401) and `{"message":"Channel not found"}`.
 * Authentication: `Authorization: Basic` or `api_key=user:secret` (browsers cannot set headers).
 */
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocket, WebSocketServer } from 'ws'
import type { PbxEngine, PbxEvent } from './engine'
import { type AriJson, ariBridge, ariChannel, isoMillis } from './model'
import { listenOn } from '../net/listen'

export interface AriUser {
  readonly username: string
  readonly secret: string
}

export interface AriServerOptions {
  readonly host?: string
  readonly port: number
  readonly users: readonly AriUser[]
  /** Unsent bytes per WebSocket before a non-reading client is dropped. */
  readonly maxOutputBytes?: number
}

const ENTITY_ID = '02:fc:00:00:00:01'

interface EventSocket {
  readonly ws: WebSocket
  readonly app: string
  readonly subscribeAll: boolean
}

export class DemoAriServer {
  private server: Server | undefined
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 })
  private readonly sockets = new Set<EventSocket>()
  private unsubscribe: (() => void) | undefined
  private boundPort = 0
  private readonly maxOutputBytes: number
  private readonly lastDeviceState = new Map<string, string>()

  constructor(
    readonly engine: PbxEngine,
    private readonly options: AriServerOptions,
  ) {
    this.maxOutputBytes = options.maxOutputBytes ?? 8 * 1024 * 1024
  }

  get port(): number {
    return this.boundPort
  }

  get listening(): boolean {
    return this.server !== undefined
  }

  async start(port = this.boundPort || this.options.port): Promise<number> {
    if (this.server) return this.boundPort
    const server = createServer((req, res) => {
      this.onRequest(req, res)
    })
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      this.onUpgrade(req, socket, head)
    })
    this.boundPort = await listenOn(server, port, this.options.host ?? '127.0.0.1')
    server.on('error', () => undefined)
    this.server = server
    this.unsubscribe = this.engine.on((e) => {
      this.onEvent(e)
    }, true)
    return this.boundPort
  }

  async stop(): Promise<void> {
    this.unsubscribe?.()
    this.unsubscribe = undefined
    this.cutAllConnections()
    const server = this.server
    this.server = undefined
    if (server) {
      server.closeAllConnections()
      await new Promise<void>((resolve) =>
        server.close(() => {
          resolve()
        }),
      )
    }
  }

  cutAllConnections(): void {
    for (const s of this.sockets) s.ws.terminate()
    this.sockets.clear()
  }

  private authorized(req: IncomingMessage, url: URL): boolean {
    let pair: string | undefined
    const header = req.headers.authorization
    if (header?.startsWith('Basic ')) pair = Buffer.from(header.slice(6), 'base64').toString('utf8')
    pair ??= url.searchParams.get('api_key') ?? undefined
    if (pair === undefined) return false
    const i = pair.indexOf(':')
    if (i < 0) return false
    const user = pair.slice(0, i)
    const secret = pair.slice(i + 1)
    return this.options.users.some((u) => u.username === user && u.secret === secret)
  }

  private send(res: ServerResponse, status: number, body: unknown): void {
    if (status === 204) {
      res.writeHead(204)
      res.end()
      return
    }
    const text = JSON.stringify(body)
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) })
    res.end(text)
  }

  private onRequest(req: IncomingMessage, res: ServerResponse): void {
    // Bodies are not used by the supported routes (parameters travel in the query string).
    req.resume()
    let url: URL
    try {
      url = new URL(req.url ?? '/', 'http://127.0.0.1')
    } catch {
      this.send(res, 400, { message: 'Bad request' })
      return
    }
    if (!url.pathname.startsWith('/ari/')) {
      this.send(res, 404, { message: 'Not found' })
      return
    }
    if (!this.authorized(req, url)) {
      res.setHeader('WWW-Authenticate', 'Basic realm="Asterisk REST Interface"')
      this.send(res, 401, { message: 'Authentication required' })
      return
    }
    try {
      this.route(req.method ?? 'GET', url, res)
    } catch {
      this.send(res, 500, { message: 'Internal server error' })
    }
  }

  private route(method: string, url: URL, res: ServerResponse): void {
    const parts = url.pathname
      .split('/')
      .filter((p) => p !== '')
      .slice(1)
      .map((p) => decodeURIComponent(p))
    const q = url.searchParams
    const e = this.engine
    const [resource, id, sub] = parts
    if (resource === 'asterisk' && id === 'info' && method === 'GET') {
      const started = isoMillis(e.startedMs)
      this.send(res, 200, {
        build: {
          os: 'Linux',
          kernel: 'demo',
          machine: 'x86_64',
          options: 'OPTIONAL_API',
          date: started.replace('T', ' ').slice(0, 19) + ' UTC',
          user: 'attendant',
        },
        system: { version: '22.10.1', entity_id: ENTITY_ID },
        config: { name: e.systemName, default_language: 'en', setid: { user: '', group: '' }, max_channels: 200 },
        status: { startup_time: started, last_reload_time: isoMillis(e.reloadedMs) },
      })
      return
    }
    if (resource === 'channels') {
      if (id === undefined && method === 'GET') {
        this.send(res, 200, e.channelList().map(ariChannel))
        return
      }
      if (id === undefined && method === 'POST') {
        this.originate(q, res)
        return
      }
      const ch = id !== undefined ? e.channels.get(id) : undefined
      if (!ch) {
        this.send(res, 404, { message: 'Channel not found' })
        return
      }
      if (sub === undefined && method === 'GET') {
        this.send(res, 200, ariChannel(ch))
        return
      }
      if (sub === undefined && method === 'DELETE') {
        const reason = q.get('reason_code') ?? q.get('reason')
        const cause = reason !== null && /^\d+$/.test(reason) ? Number(reason) : 16
        this.send(res, 204, null)
        e.pbx.hangups.ari(ch, cause)
        return
      }
      if (sub === 'variable' && method === 'GET') {
        const name = q.get('variable')
        if (!name) {
          this.send(res, 400, { message: 'Variable name is required' })
          return
        }
        const value = name === 'CHANNEL(state)' ? (ch.state === 6 ? 'Up' : ch.state === 0 ? 'Down' : 'Ring') : ch.vars.get(name)
        if (value === undefined) {
          this.send(res, 404, { message: 'Provided variable was not found' })
          return
        }
        this.send(res, 200, { value })
        return
      }
      if (sub === 'hold' && (method === 'POST' || method === 'DELETE')) {
        e.hold(ch, method === 'POST')
        this.send(res, 204, null)
        return
      }
    }
    if (resource === 'bridges') {
      if (id === undefined && method === 'GET') {
        this.send(res, 200, [...e.bridges.values()].map(ariBridge))
        return
      }
      if (id === undefined && method === 'POST') {
        this.send(res, 200, ariBridge(e.pbx.stasis.createBridge(q.get('name') ?? '')))
        return
      }
      const b = id !== undefined ? e.bridges.get(id) : undefined
      if (!b) {
        this.send(res, 404, { message: 'Bridge not found' })
        return
      }
      if (sub === undefined && method === 'GET') {
        this.send(res, 200, ariBridge(b))
        return
      }
      if (sub === undefined && method === 'DELETE') {
        for (const ch of [...b.channels]) e.pbx.bridges.leave(ch)
        e.pbx.bridges.destroy(b)
        this.send(res, 204, null)
        return
      }
      if (sub === 'addChannel' && method === 'POST') {
        for (const cid of (q.get('channel') ?? '').split(',')) {
          const ch = e.channels.get(cid)
          if (!ch) {
            this.send(res, 400, { message: 'Channel not found' })
            return
          }
          if (ch.bridgeId) e.pbx.bridges.leave(ch)
          e.pbx.bridges.enter(b, ch)
        }
        this.send(res, 204, null)
        return
      }
    }
    if (resource === 'endpoints' && method === 'GET') {
      const list = [...e.phones.values()]
        .filter((p) => p.device.startsWith('PJSIP/'))
        .map((p) => ({
          technology: 'PJSIP',
          resource: p.exten,
          state: p.registered ? 'online' : 'offline',
          channel_ids: e
            .channelList()
            .filter((c) => c.device === p.device)
            .map((c) => c.uniqueid),
        }))
      this.send(res, 200, list)
      return
    }
    this.send(res, 404, { message: 'Resource not found' })
  }

  private originate(q: URLSearchParams, res: ServerResponse): void {
    const endpoint = q.get('endpoint')
    if (!endpoint) {
      this.send(res, 400, { message: 'Endpoint must be specified' })
      return
    }
    const cid = q.get('callerId') ?? ''
    const m = /^\s*"?([^"<]*?)"?\s*<([^>]*)>\s*$/.exec(cid)
    const app = q.get('app')
    const result = this.engine.originate({
      channel: endpoint,
      context: q.get('context') ?? undefined,
      exten: q.get('extension') ?? undefined,
      application: app !== null ? 'Stasis' : undefined,
      data: app ?? undefined,
      callerNum: m ? m[2] : cid !== '' ? cid : undefined,
      callerName: m ? m[1] : undefined,
      channelId: q.get('channelId') ?? undefined,
      otherChannelId: q.get('otherChannelId') ?? undefined,
    })
    if (!result.channel) {
      this.send(res, 400, { message: 'Allocation failed' })
      return
    }
    this.send(res, 200, ariChannel(result.channel))
  }

  private onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    let url: URL
    try {
      url = new URL(req.url ?? '/', 'http://127.0.0.1')
    } catch {
      socket.destroy()
      return
    }
    if (url.pathname !== '/ari/events') {
      socket.end('HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\n\r\n')
      return
    }
    if (!this.authorized(req, url)) {
      const body = JSON.stringify({ message: 'Authentication required' })
      socket.end(`HTTP/1.1 401 Unauthorized\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\n\r\n${body}`)
      return
    }
    const app = url.searchParams.get('app')
    if (!app) {
      const body = JSON.stringify({ message: "Missing param 'app'" })
      socket.end(`HTTP/1.1 400 Bad Request\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\n\r\n${body}`)
      return
    }
    const subscribeAll = /^(true|yes|1)$/i.test(url.searchParams.get('subscribeAll') ?? '')
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      const entry: EventSocket = { ws, app, subscribeAll }
      this.sockets.add(entry)
      ws.on('close', () => this.sockets.delete(entry))
      ws.on('error', () => this.sockets.delete(entry))
    })
  }

  private wants(s: EventSocket, ari: AriJson): boolean {
    if (s.subscribeAll) return true
    const app = ari.application
    if (typeof app === 'string' && app !== '') return app === s.app
    const channel = ari.channel as { id?: unknown } | undefined
    if (channel && typeof channel.id === 'string') return this.engine.channels.get(channel.id)?.stasisApp === s.app
    return false
  }

  private onEvent(event: PbxEvent): void {
    const ari = event.ari
    if (!ari) return
    if (ari.type === 'DeviceStateChanged') {
      // The engine republishes a Local device for each of its two halves (AMI shows both);
      // ARI got one DeviceStateChanged per change of state (events-stasis.jsonl).
      const ds = ari.device_state as { name: string; state: string }
      if (this.lastDeviceState.get(ds.name) === ds.state) return
      this.lastDeviceState.set(ds.name, ds.state)
    }
    if (this.sockets.size === 0) return
    const ts = isoMillis(this.engine.now())
    for (const s of this.sockets) {
      if (s.ws.readyState !== WebSocket.OPEN || !this.wants(s, ari)) continue
      const body: AriJson = { ...ari, timestamp: ts, asterisk_id: ENTITY_ID, application: s.app }
      if (ari.type === 'DeviceStateChanged') {
        const ordered = { type: body.type, application: s.app, timestamp: ts, device_state: body.device_state, asterisk_id: ENTITY_ID }
        // subscribeAll delivers DeviceStateChanged twice (captured behaviour).
        this.write(s, JSON.stringify(ordered))
        if (s.subscribeAll) this.write(s, JSON.stringify(ordered))
        continue
      }
      this.write(s, JSON.stringify(body))
    }
  }

  private write(s: EventSocket, text: string): void {
    if (s.ws.bufferedAmount + text.length > this.maxOutputBytes) {
      s.ws.terminate()
      this.sockets.delete(s)
      return
    }
    s.ws.send(text)
  }
}
