/**
 * One AMI connection of the demo server: parses actions with the project's AMI framer,
 * runs them one at a time (a real Asterisk session thread does too), writes responses and the
 * events the user may read. Output is bounded: a client that stops reading is disconnected
 * once its unsent bytes exceed `maxOutputBytes` (Asterisk's writetimeout does the same job).
 */
import { createHash } from 'node:crypto'
import type { Socket } from 'node:net'
import { AmiFramer } from '../ami/framing'
import type { AmiMessage } from '../ami/message'
import { type AmiFields, AMI_BANNER, encodeAmiMessage } from './ami-wire'
import { type AmiUser, eventClass } from './ami-users'
import type { PbxEvent } from './engine'
import { isoMillis } from './model'

export interface SessionHost {
  readonly systemName: string
  readonly users: readonly AmiUser[]
  readonly authFailDelayMs: number
  readonly maxOutputBytes: number
  readonly maxActionBytes: number
  readonly localPort: number
  now(): number
  /** Runs one action; resolves when the session may process the next one. */
  handleAction(session: AmiSession, action: AmiMessage): Promise<void> | void
  uptimeSeconds(): number
  onSessionClosed(session: AmiSession): void
}

let sessionCounter = 0x7f1658001460

export class AmiSession {
  user: AmiUser | undefined
  eventsOn = true
  /** Event classes enabled by Events/Login `Events:` (undefined = all the user may read). */
  eventMask: Set<string> | undefined
  /** Filter action rules: `!` prefix excludes. Regexes over the whole message text. */
  readonly filters: { include: RegExp[]; exclude: RegExp[] } = { include: [], exclude: [] }
  challenge: string | undefined
  readonly sessionId = `0x${(sessionCounter += 0x40).toString(16)}`
  readonly sessionTv: string
  private readonly framer: AmiFramer
  private readonly queue: AmiMessage[] = []
  private busy = false
  private deferDepth = 0
  private deferred: Buffer[] = []
  closed = false
  /** Bytes written while the client was not reading; for tests and the limit. */
  droppedForSlowness = false

  constructor(
    readonly socket: Socket,
    private readonly host: SessionHost,
  ) {
    this.sessionTv = isoMillis(host.now())
    this.framer = new AmiFramer({
      expectBanner: false,
      maxMessageBytes: host.maxActionBytes,
      onMessage: (msg) => {
        this.enqueue(msg)
      },
      // An oversized or garbled frame is dropped by the framer; the session carries on.
      onProtocolError: () => undefined,
    })
    socket.on('data', (chunk: Buffer) => {
      try {
        this.framer.push(chunk)
      } catch {
        this.close()
      }
    })
    socket.on('error', () => {
      this.close()
    })
    socket.on('close', () => {
      this.close()
    })
    this.write(Buffer.from(AMI_BANNER, 'utf8'))
  }

  get remoteAddress(): string {
    return `IPV4/TCP/${this.socket.remoteAddress?.replace(/^::ffff:/, '') ?? '127.0.0.1'}/${this.socket.remotePort ?? 0}`
  }

  get localAddress(): string {
    return `IPV4/TCP/127.0.0.1/${this.host.localPort}`
  }

  /** Writes bytes, or drops the connection when the client has stopped reading. */
  write(bytes: Buffer): void {
    if (this.closed) return
    if (this.deferDepth > 0) {
      this.deferred.push(bytes)
      return
    }
    if (this.socket.writableLength + bytes.length > this.host.maxOutputBytes) {
      this.droppedForSlowness = true
      this.close()
      return
    }
    this.socket.write(bytes)
  }

  send(fields: AmiFields): void {
    this.write(encodeAmiMessage(fields))
  }

  /** Response first, then whatever the action caused: Asterisk's order (errors.raw, call-two-party). */
  holdEvents(): void {
    this.deferDepth++
  }

  releaseEvents(): void {
    if (this.deferDepth === 0) return
    this.deferDepth--
    if (this.deferDepth > 0) return
    const pending = this.deferred
    this.deferred = []
    for (const b of pending) this.write(b)
  }

  /** Writes a response ahead of the held events. */
  respond(fields: AmiFields): void {
    const depth = this.deferDepth
    this.deferDepth = 0
    this.send(fields)
    this.deferDepth = depth
  }

  wantsEvent(event: PbxEvent): boolean {
    if (!this.user || !this.eventsOn || event.amiHidden) return false
    const cls = eventClass(event.privilege)
    if (!this.user.read.has(cls)) return false
    if (this.eventMask && !this.eventMask.has(cls)) return false
    return true
  }

  deliver(event: PbxEvent, bytes: Buffer): void {
    if (this.filters.include.length > 0 || this.filters.exclude.length > 0) {
      const text = bytes.toString('utf8')
      if (this.filters.include.length > 0 && !this.filters.include.some((r) => r.test(text))) return
      if (this.filters.exclude.some((r) => r.test(text))) return
    }
    this.write(bytes)
  }

  checkMd5(key: string, secret: string): boolean {
    if (this.challenge === undefined) return false
    const expected = createHash('md5')
      .update(this.challenge + secret)
      .digest('hex')
    return expected === key.toLowerCase()
  }

  close(): void {
    if (this.closed) return
    this.closed = true
    this.queue.length = 0
    this.socket.destroy()
    this.host.onSessionClosed(this)
  }

  /** Closes after the pending output is flushed (Logoff, failed login). */
  end(): void {
    if (this.closed) return
    this.closed = true
    this.queue.length = 0
    this.socket.end()
    // A client that never reads would keep the half-closed socket forever.
    setTimeout(() => this.socket.destroy(), 2000).unref()
    this.host.onSessionClosed(this)
  }

  private enqueue(msg: AmiMessage): void {
    if (this.closed) return
    // Unbounded pipelining would be unbounded memory: a client writing far ahead is cut off.
    if (this.queue.length >= 10_000) {
      this.close()
      return
    }
    this.queue.push(msg)
    if (!this.busy) this.pump()
  }

  private pump(): void {
    while (!this.busy && !this.closed) {
      const next = this.queue.shift()
      if (!next) return
      let pending: Promise<void> | void
      try {
        pending = this.host.handleAction(this, next)
      } catch {
        pending = undefined
      }
      if (pending) {
        this.busy = true
        pending.then(
          () => {
            this.busy = false
            this.pump()
          },
          () => {
            this.busy = false
            this.pump()
          },
        )
      }
    }
  }
}
