/**
 * The demo PBX's AMI server: a TCP listener on 127.0.0.1, one AmiSession per connection, the
 * action handlers (ami-actions.ts) and the fan-out of engine events to every session that
 * may read them. Each event is encoded once and the same bytes go to every reader.
 */
import { type Server, type Socket, createServer } from 'node:net'
import type { AmiMessage } from '../ami/message'
import { handleAmiAction } from './ami-actions'
import { AmiSession, type SessionHost } from './ami-session'
import type { AmiUser } from './ami-users'
import { encodeAmiMessage } from './ami-wire'
import type { PbxEngine, PbxEvent } from './engine'
import { listenOn } from '../net/listen'

export interface AmiServerOptions {
  readonly host?: string
  readonly port: number
  readonly users: readonly AmiUser[]
  /** Delay before `Authentication failed` (Asterisk: ~1 s). */
  readonly authFailDelayMs?: number
  /** Unsent bytes per connection before a non-reading client is dropped. */
  readonly maxOutputBytes?: number
  /** Largest action accepted; longer frames are skipped. */
  readonly maxActionBytes?: number
  readonly maxConnections?: number
}

export class DemoAmiServer implements SessionHost {
  readonly sessions = new Set<AmiSession>()
  private server: Server | undefined
  private unsubscribe: (() => void) | undefined
  private boundPort = 0
  readonly users: readonly AmiUser[]
  readonly authFailDelayMs: number
  readonly maxOutputBytes: number
  readonly maxActionBytes: number
  private readonly maxConnections: number
  /** Counts for tests and the control API. */
  readonly stats = { connections: 0, droppedSlow: 0 }

  constructor(
    readonly engine: PbxEngine,
    private readonly options: AmiServerOptions,
  ) {
    this.users = options.users
    this.authFailDelayMs = options.authFailDelayMs ?? 1000
    this.maxOutputBytes = options.maxOutputBytes ?? 8 * 1024 * 1024
    this.maxActionBytes = options.maxActionBytes ?? 64 * 1024
    this.maxConnections = options.maxConnections ?? 2000
  }

  get systemName(): string {
    return this.engine.systemName
  }

  get localPort(): number {
    return this.boundPort
  }

  get port(): number {
    return this.boundPort
  }

  get listening(): boolean {
    return this.server !== undefined
  }

  now(): number {
    return this.engine.now()
  }

  uptimeSeconds(): number {
    return Math.max(0, Math.floor((this.engine.now() - this.engine.startedMs) / 1000))
  }

  handleAction(session: AmiSession, action: AmiMessage): Promise<void> | void {
    return handleAmiAction(this, session, action)
  }

  onSessionClosed(session: AmiSession): void {
    if (session.droppedForSlowness) this.stats.droppedSlow++
    this.sessions.delete(session)
  }

  /** Listens; a `port` already in use rejects (the caller may retry with 0). */
  async start(port = this.boundPort || this.options.port): Promise<number> {
    if (this.server) return this.boundPort
    const server = createServer((socket) => {
      this.accept(socket)
    })
    server.maxConnections = this.maxConnections
    this.boundPort = await listenOn(server, port, this.options.host ?? '127.0.0.1')
    server.on('error', () => undefined)
    this.server = server
    this.unsubscribe = this.engine.on((event) => {
      this.broadcast(event)
    })
    return this.boundPort
  }

  /** Stops listening and drops every connection (an Asterisk going away). */
  async stop(): Promise<void> {
    this.unsubscribe?.()
    this.unsubscribe = undefined
    const server = this.server
    this.server = undefined
    this.cutAllConnections()
    if (server)
      await new Promise<void>((resolve) =>
        server.close(() => {
          resolve()
        }),
      )
  }

  /**
   * What Asterisk's really_quit() does before it exits: a `Shutdown` event (system class) to
   * every session — `Uncleanly` while channels are up — then the connections close once the
   * event has been flushed.
   */
  announceShutdown(restart: boolean, uncleanly: boolean): void {
    this.broadcastAmi('Shutdown', 'system,all', [
      ['Shutdown', uncleanly ? 'Uncleanly' : 'Cleanly'],
      ['Restart', restart ? 'True' : 'False'],
    ])
    for (const s of [...this.sessions]) s.end()
  }

  cutAllConnections(): void {
    for (const s of [...this.sessions]) s.close()
  }

  private accept(socket: Socket): void {
    socket.setNoDelay(true)
    this.stats.connections++
    const session = new AmiSession(socket, this)
    this.sessions.add(session)
  }

  /** AMI-only events raised by actions (OriginateResponse, UserEvent): same fan-out rules. */
  broadcastAmi(name: string, privilege: string, fields: PbxEvent['fields']): void {
    this.broadcast({ name, privilege, fields })
  }

  private broadcast(event: PbxEvent): void {
    if (event.amiHidden) return
    let bytes: Buffer | undefined
    for (const s of this.sessions) {
      if (!s.wantsEvent(event)) continue
      bytes ??= encodeAmiMessage([['Event', event.name], ['Privilege', event.privilege], ['SystemName', this.systemName], ...event.fields])
      s.deliver(event, bytes)
    }
  }
}
